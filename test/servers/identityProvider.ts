// A real OpenID provider (npm oidc-provider) on loopback over HTTPS, laid out like the Microsoft identity
// platform (/{tenant}/v2.0/.well-known/openid-configuration, /{tenant}/oauth2/v2.0/{authorize,token,devicecode})
// and issuing Microsoft-like JWT access tokens (aud https://outlook.office.com, scp, upn, tid, oid), so that
// MSAL's own authority, PKCE, device-code, refresh and client-credentials code runs against it unchanged.
// Faults reply as Entra ID does (error, error_description with an AADSTS code) so explanations can be tested.
import { execFileSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as https from 'https';
import type { IncomingMessage, ServerResponse } from 'http';
import type { AddressInfo, Socket } from 'net';
import * as os from 'os';
import * as path from 'path';
import type * as Oidc from 'oidc-provider';
import type { TestCertificates } from './certificates';

export const TEST_TENANT_ID = '72f988bf-0000-4000-8000-00000000c0de';
export const TEST_TENANT_NAME = 'Contoso Test';
export const TEST_PUBLIC_CLIENT_ID = '11111111-2222-4333-8444-555555555555';
export const TEST_CONFIDENTIAL_CLIENT_ID = '66666666-7777-4888-8999-aaaaaaaaaaaa';
/** The resource server (a mail server) that asks about tokens at the RFC 7662 introspection endpoint. */
export const TEST_INTROSPECTION_CLIENT_ID = 'mail-server-introspection';
export const TEST_USER = { upn: 'adele@contoso.test', name: 'Adele Vance', oid: '0e5c1e2a-3b4c-4d5e-8f60-718293a4b5c6' };
/** A second user of the tenant, for tests with two accounts in one cache (set `signInAs`). */
export const TEST_USER_2 = { upn: 'megan@contoso.test', name: 'Megan Bowen', oid: '5d7c6a1b-2e3f-4a5b-9c6d-7e8f9a0b1c2d' };
export type TestUser = typeof TEST_USER;
const TEST_USERS = [TEST_USER, TEST_USER_2];
export const OUTLOOK_RESOURCE = 'https://outlook.office.com';
export const OUTLOOK_APP_RESOURCE = 'https://outlook.office365.com';
const OUTLOOK_SCOPES = ['IMAP.AccessAsUser.All', 'POP.AccessAsUser.All', 'SMTP.Send'];
const APP_ROLES = ['IMAP.AccessAsApp', 'POP.AccessAsApp', 'SMTP.SendAsApp'];

export type ConsentAnswer = 'accept' | 'refuse';

export interface IdentityProviderOptions {
  certificates: TestCertificates;
  /** Lifetime of delegated access tokens in seconds (MSAL renews tokens that have < 5 minutes left). */
  accessTokenTtl?: number;
  /** Port on 127.0.0.1 (default 0: any free port). */
  port?: number;
}

/**
 * Faults the provider plays on request (all off by default), each as Entra ID or the network shows it:
 * - tokenEndpoint 'reset': the token endpoint closes the connection without an answer; { delayMs }: it answers late;
 * - refresh: replies to refresh_token grants with a 500 (an HTML error page, or Entra's JSON with Retry-After) or
 *   invalid_grant for a revoked (AADSTS50173, suberror bad_token) or inactivity-expired (AADSTS70008) refresh token;
 * - clockSkewSeconds: the provider's clock is off by this much: iat, nbf and exp of access tokens and the Date header;
 * - deviceCodeTtl: device codes expire at the provider after this many seconds (expires_in still says 900),
 *   so polling gets expired_token with AADSTS70020; deviceCodeExpiresIn: the expires_in the provider advertises
 *   (MSAL gives up polling by itself when it has passed).
 * - echoSecrets: token endpoint errors quote the request (client_secret, refresh_token, code_verifier,
 *   client_assertion) in error_description, whole and URL-encoded, and the client secret less its last 3 characters.
 * goOffline()/comeBack() stop and resume listening (connections refused).
 */
export interface IdpFaults {
  tokenEndpoint?: 'reset' | { delayMs: number };
  refresh?: 'server-error-html' | 'server-error-json' | 'revoked' | 'expired';
  clockSkewSeconds?: number;
  deviceCodeTtl?: number;
  deviceCodeExpiresIn?: number;
  /** Error replies of the token endpoint quote the request's secrets in error_description (a debugging IdP). */
  echoSecrets?: boolean;
}

export interface IdpRequest {
  method: string;
  /** Path without query, e.g. /{tenant}/oauth2/v2.0/token. */
  path: string;
  /** grant_type of token requests. */
  grantType?: string;
  clientId?: string;
  scope?: string;
}

/** What the provider expects of the confidential client: a secret, or a certificate (public key PEM). */
export interface ConfidentialCredentials {
  clientSecret: string;
  certificatePem: string;
  privateKeyPem: string;
  /** SHA-256 thumbprint of the certificate (hex), as MSAL wants it. */
  thumbprintSha256: string;
}

export class IdentityProvider {
  /** What the simulated user answers on the consent page (the page's form carries it). */
  consent: ConsentAnswer = 'accept';
  /** Who the simulated user signs in as on the sign-in page. */
  signInAs: TestUser = TEST_USER;
  /** Faults to play (see IdpFaults); assign {} to clear them. */
  faults: IdpFaults = {};
  accessTokenTtl: number;
  readonly requests: IdpRequest[] = [];
  /** Access tokens issued, in order (JWT strings), to let tests tell a refreshed token from a cached one. */
  readonly issuedAccessTokens: string[] = [];
  /** Refresh tokens handed out (the secrets tests look for them outside SecretStorage). */
  readonly issuedRefreshTokens: string[] = [];
  private provider: Oidc.default | undefined;
  private signingPublicKey: crypto.KeyObject | undefined;
  /** Marks a jti lookup as coming from a JWT whose signature was checked here (see start()). */
  /** The grant that holds each user's consent to each app (`accountId clientId`), extended by later sign-ins. */
  private readonly consentGrants = new Map<string, string>();
  private readonly verifiedLookupPrefix = `verified-jwt-${crypto.randomBytes(8).toString('hex')}:`;

  private constructor(
    private readonly server: https.Server,
    readonly origin: string,
    readonly credentials: ConfidentialCredentials,
    readonly caPem: string,
    options: IdentityProviderOptions,
    /** The introspection client's secret (client_secret_basic), hex so it needs no escaping in a URL. */
    readonly introspectionSecret: string,
  ) {
    this.accessTokenTtl = options.accessTokenTtl ?? 3600;
  }

  /** The authority URL an app would be configured with (tenant-specific). */
  get authority(): string {
    return `${this.origin}/${TEST_TENANT_ID}`;
  }

  /** host:port, for MSAL's knownAuthorities. */
  get host(): string {
    return new URL(this.origin).host;
  }

  /** RFC 7662 introspection endpoint (client_secret_basic as the introspection client). */
  get introspectionEndpoint(): string {
    return `${this.authority}/oauth2/v2.0/introspect`;
  }

  /** The endpoint with the introspection client's credentials in it, as Dovecot's introspection_url takes them. */
  get introspectionUrlWithCredentials(): string {
    const u = new URL(this.introspectionEndpoint);
    u.username = TEST_INTROSPECTION_CLIENT_ID;
    u.password = this.introspectionSecret;
    return u.href;
  }

  introspectionRequests(): IdpRequest[] {
    return this.requests.filter((r) => r.path === new URL(this.introspectionEndpoint).pathname);
  }

  /** Revokes an issued access token (as an admin revoking sessions would): introspection then says inactive. */
  async revokeAccessToken(jwt: string): Promise<void> {
    const jti = this.verifiedJti(jwt);
    if (!jti) throw new Error('not an access token issued here');
    const token = await this.provider!.AccessToken.find(this.verifiedLookupPrefix + jti);
    if (!token) throw new Error(`access token ${jti} not found`);
    await token.destroy();
  }

  /** The jti of a JWT access token signed by this provider, or undefined when its signature or issuer is wrong. */
  private verifiedJti(jwt: string): string | undefined {
    const parts = jwt.split('.');
    if (parts.length !== 3) return undefined;
    const [header, payload, signature] = parts as [string, string, string];
    try {
      const h = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg?: string };
      if (h.alg !== 'RS256') return undefined;
      const ok = crypto.verify('sha256', Buffer.from(`${header}.${payload}`), this.signingPublicKey!, Buffer.from(signature, 'base64url'));
      if (!ok || Buffer.from(signature, 'base64url').toString('base64url') !== signature) return undefined;
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { jti?: unknown; iss?: unknown };
      return typeof claims.jti === 'string' && claims.iss === `${this.authority}/v2.0` ? claims.jti : undefined;
    } catch {
      return undefined;
    }
  }

  /** Forgets every user's consents (as if revoked in the portal): the next sign-in asks for consent anew. */
  forgetConsents(): void {
    this.consentGrants.clear();
  }

  tokenRequests(grantType?: string): IdpRequest[] {
    return this.requests.filter((r) => r.path.endsWith('/oauth2/v2.0/token') && (!grantType || r.grantType === grantType));
  }

  static async start(options: IdentityProviderOptions): Promise<IdentityProvider> {
    // oidc-provider is an ES module; a dynamic import keeps this file loadable from CommonJS.
    const { default: Provider, errors } = (await import('oidc-provider')) as typeof import('oidc-provider');
    const credentials = makeConfidentialCredentials();
    const introspectionSecret = crypto.randomBytes(16).toString('hex');
    // Assigned once the provider exists; the configuration's callbacks below read it later.
    // eslint-disable-next-line prefer-const
    let idp: IdentityProvider | undefined;
    const server = https.createServer({ cert: await readFile(options.certificates.serverCert), key: await readFile(options.certificates.serverKey) });
    redirectPlainHttp(server);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', resolve);
    });
    const origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const issuer = `${origin}/${TEST_TENANT_ID}/v2.0`;
    const signingKey = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: TEST_PUBLIC_CLIENT_ID,
          client_name: 'Mail OAuth Debugger (test)',
          application_type: 'native',
          token_endpoint_auth_method: 'none',
          grant_types: ['authorization_code', 'refresh_token', 'urn:ietf:params:oauth:grant-type:device_code'],
          response_types: ['code'],
          // http://localhost is what MSAL sends (port added); the others are RFC 8252's loopback forms that
          // generic OpenID clients (openid-client, Google's desktop flow) send, with the path "/".
          redirect_uris: ['http://localhost', 'http://127.0.0.1/', 'http://localhost/'],
        },
        {
          // Holds a secret and a certificate, as an Entra app registration can; oidc-provider knows one method per
          // client, so it gets the certificate and route() checks the secret (see appSecretAsAssertion).
          client_id: TEST_CONFIDENTIAL_CLIENT_ID,
          client_name: 'Mail OAuth Debugger daemon (test)',
          token_endpoint_auth_method: 'private_key_jwt',
          jwks: { keys: [{ ...crypto.createPublicKey(credentials.certificatePem).export({ format: 'jwk' }), use: 'sig' }] },
          grant_types: ['client_credentials'],
          response_types: [],
          redirect_uris: [],
        },
        {
          client_id: `${TEST_CONFIDENTIAL_CLIENT_ID.slice(0, -1)}b`,
          client_name: 'Mail OAuth Debugger daemon with certificate (test)',
          token_endpoint_auth_method: 'private_key_jwt',
          token_endpoint_auth_signing_alg: 'PS256',
          jwks: { keys: [{ ...crypto.createPublicKey(credentials.certificatePem).export({ format: 'jwk' }), use: 'sig' }] },
          grant_types: ['client_credentials'],
          response_types: [],
          redirect_uris: [],
        },
        {
          client_id: TEST_INTROSPECTION_CLIENT_ID,
          client_name: 'Mail server (test resource server)',
          client_secret: introspectionSecret,
          token_endpoint_auth_method: 'client_secret_basic',
          grant_types: [],
          response_types: [],
          redirect_uris: [],
        },
      ],
      jwks: { keys: [{ ...signingKey, kid: 'test-signing-key', use: 'sig', alg: 'RS256' }] },
      formats: {
        customizers: {
          // oidc-provider keeps no record of JWT access tokens (they are self-contained); keep one, as the opaque
          // format would, so that introspection can answer for them and revocation can end them.
          jwt: async (_ctx, token, structured) => {
            const skew = idp!.faults.clockSkewSeconds;
            if (skew) {
              // The provider's clock is off: every time in the token is shifted (Entra sets nbf = iat).
              const p = structured.payload as { iat: number; nbf?: number; exp: number };
              p.iat += skew;
              p.nbf = p.iat;
              p.exp += skew;
            }
            const t = token as unknown as { format: string; jti: string; remainingTTL: number; getValueAndPayload(): Promise<{ payload: Record<string, unknown> }>; adapter: { upsert(id: string, payload: unknown, ttl: number): Promise<void> } };
            t.format = 'opaque';
            try {
              const { payload } = await t.getValueAndPayload();
              await t.adapter.upsert(t.jti, { ...payload, format: 'jwt' }, t.remainingTTL);
            } finally {
              t.format = 'jwt';
            }
          },
        },
      },
      cookies: { keys: [crypto.randomBytes(16).toString('hex')] },
      routes: {
        authorization: '/oauth2/v2.0/authorize',
        token: '/oauth2/v2.0/token',
        device_authorization: '/oauth2/v2.0/devicecode',
        code_verification: '/oauth2/deviceauth',
        jwks: '/discovery/v2.0/keys',
        end_session: '/oauth2/v2.0/logout',
        userinfo: '/oidc/userinfo',
        introspection: '/oauth2/v2.0/introspect',
      },
      scopes: ['openid', 'profile', 'email', 'offline_access'],
      claims: { openid: ['sub'], profile: ['name', 'preferred_username', 'oid', 'tid'], email: ['email'] },
      conformIdTokenClaims: false,
      pkce: { required: () => true },
      clientAuthMethods: ['none', 'client_secret_post', 'client_secret_basic', 'private_key_jwt'],
      enabledJWA: { clientAuthSigningAlgValues: ['RS256', 'PS256'] },
      features: {
        devInteractions: { enabled: false },
        deviceFlow: {
          enabled: true,
          charset: 'base-20',
          mask: '****-****',
          userCodeInputSource: async (ctx, form, out, err) => {
            const e = err as (Error & { userCode?: string }) | undefined;
            if (e && !e.userCode && e.name !== 'NoCodeError') {
              // The sign-in ended (declined consent, aborted): say so, with nothing more to submit.
              ctx.body = page(`<h1>Sign-in did not complete</h1><p id="error">${escapeHtml(String(out?.error ?? e.name))}: ${escapeHtml(String(out?.error_description ?? e.message))}</p>`);
              return;
            }
            ctx.body = page(`<h1>Enter code</h1>${e ? '<p id="error">The code you entered is incorrect.</p>' : ''}${form}<button type="submit" form="op.deviceInputForm">Next</button>`);
          },
          userCodeConfirmSource: async (ctx, form, _client, _info, userCode) => {
            ctx.body = page(`<h1>Are you trying to sign in to Mail OAuth Debugger?</h1><p>${escapeHtml(userCode)}</p>${form}<button type="submit" form="op.deviceConfirmForm">Continue</button>`);
          },
          successSource: async (ctx) => {
            ctx.body = page('<h1 id="done">You have signed in. You may now close this window.</h1>');
          },
        },
        clientCredentials: { enabled: true },
        // RFC 7662, for mail servers that validate tokens by asking (Dovecot's introspection_mode = post).
        // Only the resource server's client may introspect others' tokens.
        introspection: { enabled: true, allowedPolicy: async (_ctx, client) => client.clientId === TEST_INTROSPECTION_CLIENT_ID },
        resourceIndicators: {
          enabled: true,
          defaultResource: (ctx: Oidc.KoaContextWithOIDC) => (ctx.oidc.route === 'token' && ctx.oidc.params?.grant_type === 'client_credentials' ? OUTLOOK_APP_RESOURCE : OUTLOOK_RESOURCE),
          useGrantedResource: () => true,
          getResourceServerInfo: (_ctx, resource) => {
            if (resource === OUTLOOK_RESOURCE) {
              return { scope: OUTLOOK_SCOPES.map((s) => `${OUTLOOK_RESOURCE}/${s}`).join(' '), audience: OUTLOOK_RESOURCE, accessTokenFormat: 'jwt', accessTokenTTL: idp!.accessTokenTtl };
            }
            if (resource === OUTLOOK_APP_RESOURCE) {
              return { scope: `${OUTLOOK_APP_RESOURCE}/.default`, audience: OUTLOOK_APP_RESOURCE, accessTokenFormat: 'jwt', accessTokenTTL: 3600 };
            }
            throw new errors.InvalidTarget();
          },
        },
      },
      // Entra issues a refresh token whenever offline_access is asked for, with or without prompt=consent.
      issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
      expiresWithSession: async () => false,
      async findAccount(_ctx, sub) {
        return {
          accountId: sub,
          claims: () => {
            const user = userOf(sub);
            return { sub, name: user.name, preferred_username: user.upn, email: user.upn, oid: user.oid, tid: TEST_TENANT_ID };
          },
        };
      },
      extraTokenClaims(_ctx, token) {
        const appid = token.clientId;
        if (token.kind === 'ClientCredentials') {
          return { roles: APP_ROLES, tid: TEST_TENANT_ID, oid: servicePrincipalOid(String(appid)), appid, idtyp: 'app', ver: '1.0' };
        }
        const scp = [...(token.scope ?? '').split(' ')].filter((s) => s.startsWith(`${OUTLOOK_RESOURCE}/`)).map((s) => s.slice(OUTLOOK_RESOURCE.length + 1));
        const user = userOf(token.accountId);
        return { scp: scp.join(' '), upn: user.upn, unique_name: user.upn, name: user.name, oid: user.oid, tid: TEST_TENANT_ID, appid, idtyp: 'user', ver: '1.0' };
      },
      interactions: { url: (_ctx, interaction) => `/${TEST_TENANT_ID}/interaction/${interaction.uid}` },
      ttl: { AccessToken: () => idp!.accessTokenTtl, ClientCredentials: 3600, DeviceCode: () => idp!.faults.deviceCodeTtl ?? 600, Interaction: 600, Session: 3600, Grant: 3600, IdToken: 3600, RefreshToken: 86400, AuthorizationCode: 60 },
      renderError: async (ctx, out) => {
        ctx.type = 'html';
        ctx.body = `<!DOCTYPE html><html><head><title>Sign in error</title></head><body><h1>Sorry, but we're having trouble signing you in.</h1><p id="error">${escapeHtml(out.error)}: ${escapeHtml(String(out.error_description ?? ''))}</p></body></html>`;
      },
    });
    provider.on('server_error', (_ctx, err) => console.error('identity provider server_error', err));
    idp = new IdentityProvider(server, origin, credentials, options.certificates.caPem, options, introspectionSecret);
    idp.provider = provider;
    // JWT access tokens are kept (see formats.customizers.jwt) under their jti marked format "jwt", which
    // find() refuses (it finds opaque tokens only), so a bare jti is no bearer token anywhere. A lookup carrying
    // the verified-JWT prefix, made only by the introspection route after checking the JWT's signature, finds
    // the kept token as oidc-provider's opaque path wants it: introspection then applies expiry, revocation
    // and grant checks, and its own client authentication, as for any token.
    const prefix = idp.verifiedLookupPrefix;
    for (const model of [provider.AccessToken, provider.ClientCredentials]) {
      const adapter = model.adapter as unknown as { find(id: string): Promise<Record<string, unknown> | undefined> };
      const find = adapter.find.bind(adapter);
      adapter.find = async (id: string) => {
        if (typeof id !== 'string' || !id.startsWith(prefix)) return find(id);
        const stored = await find(id.slice(prefix.length));
        if (!stored) return undefined;
        const { format: _format, ...opaque } = stored;
        return opaque;
      };
    }
    idp.signingPublicKey = crypto.createPublicKey({ key: signingKey, format: 'jwk' });
    const handle = provider.callback();
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      idp!.route(provider, handle, req, res).catch((err) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(err));
      });
    });
    return idp;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Microsoft's layout in front of oidc-provider: tenant paths, client checks, AAD-shaped replies. */
  private async route(provider: Oidc.default, handle: (req: IncomingMessage, res: ServerResponse) => void, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.origin);
    const parts = url.pathname.split('/');
    const tenant = parts[1] ?? '';
    const rest = `/${parts.slice(2).join('/')}`;
    const body = req.method === 'POST' ? await readBody(req) : '';
    const form = new URLSearchParams(body);
    const record: IdpRequest = { method: req.method ?? 'GET', path: url.pathname };
    if (form.get('grant_type')) record.grantType = form.get('grant_type')!;
    const clientId = form.get('client_id') ?? url.searchParams.get('client_id') ?? undefined;
    if (clientId) record.clientId = clientId;
    if (form.get('scope')) record.scope = form.get('scope')!;
    this.requests.push(record);
    if (this.faults.clockSkewSeconds) res.setHeader('date', new Date(Date.now() + this.faults.clockSkewSeconds * 1000).toUTCString());

    if (!['organizations', 'common', TEST_TENANT_ID, 'contoso.test'].includes(tenant)) {
      return sendJson(res, 400, aadError('invalid_tenant', 90002, `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`));
    }
    if (rest === '/v2.0/.well-known/openid-configuration') {
      // Entra publishes per-tenant discovery at /{tenant}/v2.0/...; oidc-provider serves it at the mount root.
      return this.forward(handle, req, res, `/${tenant}`, '/.well-known/openid-configuration', body);
    }
    if (rest.startsWith('/interaction/')) return this.interaction(provider, req, res, tenant, rest, form);

    const knownClients = [TEST_PUBLIC_CLIENT_ID, TEST_CONFIDENTIAL_CLIENT_ID, `${TEST_CONFIDENTIAL_CLIENT_ID.slice(0, -1)}b`];
    const endpoint = rest.replace(/^\/oauth2\/v2\.0\//, '');
    if (['authorize', 'token', 'devicecode'].includes(endpoint) && clientId && !knownClients.includes(clientId)) {
      const err = aadError(
        'unauthorized_client',
        700016,
        `Application with identifier '${clientId}' was not found in the directory '${TEST_TENANT_NAME}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
      );
      if (endpoint === 'authorize') return sendHtml(res, 400, `<h1>Sorry, but we're having trouble signing you in.</h1><p id="error">${escapeHtml(err.error_description)}</p>`);
      return sendJson(res, 400, err);
    }
    if (endpoint === 'introspect' && req.method === 'POST') {
      // oidc-provider refuses to introspect JWTs ("structured tokens"); Entra-like JWT access tokens are stored
      // under their jti, so a JWT whose signature and issuer check out is looked up by its jti. A tampered JWT
      // is looked up as an unknown token: oidc-provider still authenticates the caller and answers inactive.
      const token = form.get('token');
      if (token && token.split('.').length === 3) {
        const jti = this.verifiedJti(token);
        form.set('token', jti ? this.verifiedLookupPrefix + jti : `unknown-${crypto.randomBytes(8).toString('hex')}`);
      }
      return this.forward(handle, req, res, `/${tenant}`, rest, form.toString());
    }
    if (endpoint === 'token' && this.faults.tokenEndpoint) {
      const fault = this.faults.tokenEndpoint;
      if (fault === 'reset') {
        req.socket.destroy(); // no answer at all, as a crashed endpoint or a dropping middlebox
        return;
      }
      await new Promise((r) => setTimeout(r, fault.delayMs).unref());
      if (res.destroyed) return;
    }
    if (endpoint === 'token' && form.get('grant_type') === 'refresh_token' && this.faults.refresh) {
      return this.refreshFault(res, this.faults.refresh);
    }
    if (endpoint === 'token' && form.get('grant_type') === 'refresh_token') await this.widenRefreshToken(provider, form);
    if (endpoint === 'token' && clientId === TEST_CONFIDENTIAL_CLIENT_ID && form.has('client_secret')) {
      if (!this.appSecretAsAssertion(form)) {
        // Shaped like every other token error (so a fault such as echoSecrets applies to it too).
        return sendJson(res, 401, this.shapeReply(endpoint, 401, aadError('invalid_client', 7000215, 'Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.'), form));
      }
      return this.forward(handle, req, res, `/${tenant}`, rest, form.toString(), (status, json) => this.shapeReply(endpoint, status, json, form));
    }
    if (endpoint === 'token' || endpoint === 'devicecode') {
      return this.forward(handle, req, res, `/${tenant}`, rest, body, (status, json) => this.shapeReply(endpoint, status, json, form));
    }
    return this.forward(handle, req, res, `/${tenant}`, rest + url.search, body);
  }

  /**
   * The app registration's secret, checked here (oidc-provider holds its certificate): a right secret is swapped in
   * `form` for a client assertion signed with the app's key, so oidc-provider's client authentication passes as for
   * the certificate; false for a wrong secret.
   */
  private appSecretAsAssertion(form: URLSearchParams): boolean {
    const given = Buffer.from(form.get('client_secret') ?? '');
    const expected = Buffer.from(this.credentials.clientSecret);
    if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return false;
    const now = Math.floor(Date.now() / 1000);
    const claims = { iss: TEST_CONFIDENTIAL_CLIENT_ID, sub: TEST_CONFIDENTIAL_CLIENT_ID, aud: `${this.authority}/v2.0`, jti: crypto.randomUUID(), iat: now, exp: now + 60 };
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
    const signature = crypto.sign('sha256', Buffer.from(unsigned), this.credentials.privateKeyPem).toString('base64url');
    form.delete('client_secret');
    form.set('client_assertion_type', 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
    form.set('client_assertion', `${unsigned}.${signature}`);
    return true;
  }

  /** What Entra (or a proxy in front of it) answers a refresh_token grant when that fault is on. */
  private refreshFault(res: ServerResponse, fault: NonNullable<IdpFaults['refresh']>): void {
    if (fault === 'server-error-html') {
      return sendHtml(res, 500, "<h1>Server Error</h1><p>We're sorry, but something went wrong. Please try again later.</p>");
    }
    if (fault === 'server-error-json') {
      // Entra's transient failure; Retry-After tells MSAL how long to hold back (its throttling, 60 s without it).
      const body = aadError('server_error', 50000, 'There was an error issuing a token or an issue with our sign-in service.');
      res.setHeader('retry-after', '1');
      return sendJson(res, 500, body);
    }
    const body =
      fault === 'revoked'
        ? aadError(
            'invalid_grant',
            50173,
            `The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password. The grant was issued on '${new Date(Date.now() - 86_400_000).toISOString()}' and the TokensValidFrom date (before which tokens are not valid) for this user is '${new Date().toISOString()}'.`,
          )
        : aadError('invalid_grant', 70008, 'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.');
    return sendJson(res, 400, { ...body, suberror: 'bad_token' });
  }

  /** Stops listening: connections are refused (ECONNREFUSED) until comeBack(). */
  async goOffline(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Listens again on the same port after goOffline(). */
  async comeBack(): Promise<void> {
    const port = Number(new URL(this.origin).port);
    await new Promise<void>((resolve, reject) => this.server.once('error', reject).listen(port, '127.0.0.1', () => resolve()));
  }

  /** Makes oidc-provider's JSON replies look like Entra's. */
  private shapeReply(endpoint: string, status: number, json: Record<string, unknown>, form: URLSearchParams): Record<string, unknown> {
    if (endpoint === 'devicecode' && status === 200) {
      // Entra's reply carries a ready-made message and a 5 s interval; 1 s keeps tests short.
      if (this.faults.deviceCodeExpiresIn) json.expires_in = this.faults.deviceCodeExpiresIn;
      else if (this.faults.deviceCodeTtl) json.expires_in = 900; // Entra's usual lifetime, while the provider ends the code sooner
      return { ...json, interval: 1, message: `To sign in, use a web browser to open the page ${String(json.verification_uri)} and enter the code ${String(json.user_code)} to authenticate.` };
    }
    if (endpoint === 'token' && status === 200) {
      if (typeof json.access_token === 'string') this.issuedAccessTokens.push(json.access_token);
      if (typeof json.refresh_token === 'string') this.issuedRefreshTokens.push(json.refresh_token);
      if (typeof json.id_token === 'string') {
        // Entra's client_info: {uid, utid}, from which MSAL builds the home account id.
        const sub = (JSON.parse(Buffer.from(json.id_token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { sub?: string }).sub;
        json.client_info = Buffer.from(JSON.stringify({ uid: userOf(sub).oid, utid: TEST_TENANT_ID })).toString('base64url');
      }
      return json;
    }
    if (status >= 400 && typeof json.error === 'string' && this.faults.echoSecrets) {
      const sent = ['client_secret', 'refresh_token', 'code_verifier', 'client_assertion'].filter((k) => form.get(k)).map((k) => `${k}=${form.get(k)}`);
      const secret = form.get('client_secret');
      json.error_description = `${String(json.error_description ?? '')} (request: ${sent.join(' ')}; encoded: ${form.toString()}${secret ? `; hint: ${secret.slice(0, -3)}` : ''})`;
    }
    if (status >= 400 && typeof json.error === 'string') {
      const description = String(json.error_description ?? '');
      if (/^AADSTS\d+/.test(description)) return json;
      if (json.error === 'expired_token') return aadError('expired_token', 70020, "The provided value for the input parameter 'device_code' is not valid. This device code has expired.");
      if (json.error === 'access_denied') return aadError('access_denied', 65004, description || 'User declined to consent to access the app.');
      if (json.error === 'invalid_grant') return aadError('invalid_grant', 70000, `Provided grant is invalid or malformed. ${description}`);
      if (json.error === 'invalid_client') return aadError('invalid_client', 7000215, `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID. ${description}`);
      if (json.error === 'invalid_scope' && form.get('grant_type') === 'refresh_token') {
        // Entra: a refresh token serves any resource the user consented to; for others consent is missing.
        return aadError('invalid_grant', 65001, `The user or administrator has not consented to use the application with ID '${String(form.get('client_id'))}' named 'Mail OAuth Debugger (test)'. Send an interactive authorization request for this user and resource.`);
      }
      if (json.error === 'invalid_scope') return aadError('invalid_scope', 70011, `The provided request must include a 'scope' input parameter. The provided value for the input parameter 'scope' is not valid. ${description}`);
      return json;
    }
    return json;
  }

  /** Hands a request to oidc-provider as if it were mounted at `mount`, optionally rewriting its JSON reply. */
  private forward(
    handle: (req: IncomingMessage, res: ServerResponse) => void,
    req: IncomingMessage,
    res: ServerResponse,
    mount: string,
    path: string,
    body: string,
    reshape?: (status: number, json: Record<string, unknown>) => Record<string, unknown>,
  ): Promise<void> {
    // oidc-provider derives its mount path from originalUrl minus url.
    (req as IncomingMessage & { originalUrl?: string }).originalUrl = mount + path;
    req.url = path;
    // The body was read to look at client_id; give it back as a parsed body (oidc-provider accepts req.body).
    if (body) {
      const parsed = Object.fromEntries(new URLSearchParams(body));
      // Entra takes MSAL's short grant type for device code polling; oidc-provider wants the RFC 8628 URN.
      if (parsed.grant_type === 'device_code') parsed.grant_type = 'urn:ietf:params:oauth:grant-type:device_code';
      (req as IncomingMessage & { body?: unknown }).body = parsed;
    }
    return new Promise((resolve) => {
      res.once('finish', resolve);
      res.once('close', resolve);
      if (reshape) {
        const end = res.end.bind(res) as (chunk?: unknown) => ServerResponse;
        const chunks: Buffer[] = [];
        res.write = ((chunk: unknown) => {
          chunks.push(Buffer.from(chunk as string));
          return true;
        }) as typeof res.write;
        res.end = ((chunk?: unknown) => {
          if (chunk && typeof chunk !== 'function') chunks.push(Buffer.from(chunk as string));
          let text = Buffer.concat(chunks).toString('utf8');
          try {
            text = JSON.stringify(reshape(res.statusCode, JSON.parse(text) as Record<string, unknown>));
            res.setHeader('content-length', Buffer.byteLength(text));
          } catch {
            /* not JSON: pass through */
          }
          return end(text);
        }) as typeof res.end;
      }
      handle(req, res);
    });
  }

  /** The sign-in and consent pages (a plain form each), standing in for login.microsoftonline.com's. */
  private async interaction(provider: Oidc.default, req: IncomingMessage, res: ServerResponse, tenant: string, rest: string, form: URLSearchParams): Promise<void> {
    const uid = rest.split('/')[2];
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) return sendHtml(res, 400, '<p id="error">interaction mismatch</p>');
    const action = `/${tenant}/interaction/${uid}`;
    if (req.method === 'GET') {
      if (details.prompt.name === 'login') {
        return sendHtml(
          res,
          200,
          `<h1>Sign in</h1><form method="post" action="${action}"><input type="hidden" name="step" value="login"><input type="email" name="login" value="${escapeHtml(this.signInAs.upn)}"><button type="submit">Sign in</button></form>`,
        );
      }
      const scopes = String(details.params.scope ?? '');
      return sendHtml(
        res,
        200,
        `<h1>Permissions requested</h1><p>${escapeHtml(scopes)}</p><form method="post" action="${action}"><input type="hidden" name="step" value="consent"><input type="hidden" name="decision" value="${this.consent}"><button type="submit">Continue</button></form>`,
      );
    }
    if (form.get('step') === 'login') {
      const accountId = TEST_USERS.find((u) => u.upn === form.get('login'))?.oid ?? this.signInAs.oid;
      await provider.interactionFinished(req, res, { login: { accountId } }, { mergeWithLastSubmission: false });
      return;
    }
    if (form.get('decision') !== 'accept') {
      await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'AADSTS65004: User declined to consent to access the app.' }, { mergeWithLastSubmission: false });
      return;
    }
    const { prompt, params, session } = details;
    // Entra keeps one consent per user and app, which each sign-in extends (IMAP, then SMTP, ...).
    const consentKey = `${session!.accountId} ${String(params.client_id)}`;
    const grantId = details.grantId ?? this.consentGrants.get(consentKey);
    const grant = (grantId ? await provider.Grant.find(grantId) : undefined) ?? new provider.Grant({ accountId: session!.accountId, clientId: String(params.client_id) });
    const missing = prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[]; missingResourceScopes?: Record<string, string[]> };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(' '));
    const savedId = await grant.save();
    this.consentGrants.set(consentKey, savedId);
    await provider.interactionFinished(req, res, { consent: { grantId: savedId } }, { mergeWithLastSubmission: true });
  }

  /**
   * Entra's refresh token serves every resource scope the user consented to, not only the scopes of the
   * sign-in that issued it (oidc-provider's would): the newest refresh token in MSAL's cache (from an SMTP
   * sign-in, say) must still renew the IMAP token. Scopes without consent stay missing (AADSTS65001).
   */
  private async widenRefreshToken(provider: Oidc.default, form: URLSearchParams): Promise<void> {
    const refreshToken = await provider.RefreshToken.find(form.get('refresh_token') ?? '');
    if (!refreshToken?.grantId) return;
    const grant = await provider.Grant.find(refreshToken.grantId);
    if (!grant) return;
    const consented = new Set((grant.getResourceScope(OUTLOOK_RESOURCE) ?? '').split(' '));
    const held = new Set(String(refreshToken.scope ?? '').split(' ').filter(Boolean));
    const added = (form.get('scope') ?? '').split(' ').filter((s) => consented.has(s) && !held.has(s));
    if (added.length === 0) return;
    refreshToken.scope = [...held, ...added].join(' ');
    await refreshToken.save();
  }
}

/**
 * Object ID of an app's service principal (its Enterprise application), the `oid` of its app-only tokens:
 * what Exchange's New-ServicePrincipal registers and Add-MailboxPermission grants mailboxes to.
 */
export function servicePrincipalOid(appId: string): string {
  const h = crypto.createHash('sha256').update(`service principal of ${appId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** An Entra ID error body: error, error_description starting with the AADSTS code, error_codes, ids. */
export function aadError(error: string, code: number, message: string): { error: string; error_description: string; error_codes: number[]; timestamp: string; trace_id: string; correlation_id: string } {
  const traceId = crypto.randomUUID();
  const correlationId = crypto.randomUUID();
  const timestamp = new Date().toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  return {
    error,
    error_description: `AADSTS${code}: ${message} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
    error_codes: [code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
  };
}

function makeConfidentialCredentials(): ConfidentialCredentials {
  // A self-signed certificate as an app registration's "Certificates & secrets" would hold.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mailoauth-idp-cert-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'), '-days', '2', '-subj', '/CN=mail-oauth-daemon'], { stdio: 'ignore' });
    const certificatePem = fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8');
    const privateKeyPem = fs.readFileSync(path.join(dir, 'key.pem'), 'utf8');
    const thumbprintSha256 = new crypto.X509Certificate(certificatePem).fingerprint256.replace(/:/g, '').toLowerCase();
    return { clientSecret: `Tst8Q~${crypto.randomBytes(18).toString('base64url')}`, certificatePem, privateKeyPem, thumbprintSha256 };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function readFile(file: string): Promise<Buffer> {
  return fs.promises.readFile(file);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
}

function page(inner: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Sign in to your account</title></head><body>${inner}</body></html>`;
}

function sendHtml(res: ServerResponse, status: number, inner: string): void {
  const text = page(inner);
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** The test user with this subject (oid); the first one for unknown subjects. */
function userOf(sub: unknown): TestUser {
  return TEST_USERS.find((u) => u.oid === sub) ?? TEST_USER;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A browser that reaches the provider's port over plain HTTP gets a redirect to the same path over HTTPS
 * instead of a hang-up. code-server opens every loopback page through its own proxy
 * (http://127.0.0.1:CODE-SERVER/proxy/PORT/PATH, which speaks plain HTTP to PORT, and cannot be turned
 * off: coder/code-server#6504), so this is how the device-code page that "Copy Code & Open Page" opens
 * there reaches the provider. The first byte tells the two apart: a TLS handshake starts with 0x16.
 */
function redirectPlainHttp(server: https.Server): void {
  const tlsListeners = server.listeners('connection') as ((socket: Socket) => void)[];
  server.removeAllListeners('connection');
  server.on('connection', (socket: Socket) => {
    // Until the first byte: a connection that sends nothing is not kept forever (TLS's handshake timeout starts later).
    socket.setTimeout(30_000, () => socket.destroy());
    socket.once('data', (first: Buffer) => {
      socket.setTimeout(0);
      socket.pause();
      socket.unshift(first);
      if (first[0] === 0x16) {
        // The TLS socket reads what was unshifted first (Node's initRead), then the handle itself: no resume() here.
        for (const listener of tlsListeners) listener.call(server, socket);
      } else {
        answerPlainHttp(socket, Number((server.address() as AddressInfo).port));
      }
    });
    socket.on('error', () => socket.destroy());
  });
}

/** Reads one request head (at most 8 KB) and answers it with a 308 to https://127.0.0.1:PORT + its path. */
function answerPlainHttp(socket: Socket, port: number): void {
  let head = '';
  const onData = (d: Buffer) => {
    head += d.toString('latin1');
    const end = head.indexOf('\r\n\r\n');
    if (end < 0 && head.length < 8192) return;
    socket.off('data', onData);
    const target = /^[A-Z]+ (\/[\x21-\x7e]*) HTTP\/1\.[01]\r\n/.exec(head)?.[1];
    const body = target ? 'This identity provider speaks HTTPS only.\n' : 'Bad request: this identity provider speaks HTTPS.\n';
    const status = target ? '308 Permanent Redirect' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\n${target ? `Location: https://127.0.0.1:${port}${target}\r\n` : ''}Content-Type: text/plain\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`);
  };
  socket.on('data', onData);
  socket.resume();
}
