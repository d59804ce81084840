// A real OpenID provider (npm oidc-provider) on loopback over HTTPS, in one of three shapes (`shape` option):
// - 'microsoft' (default): laid out like the Microsoft identity platform (/{tenant}/v2.0/.well-known/openid-configuration,
//   /{tenant}/oauth2/v2.0/{authorize,token,devicecode}), issuing Microsoft-like JWT access tokens (aud
//   https://outlook.office.com, scp, upn, tid, oid), so that MSAL's own authority, PKCE, device-code, refresh and
//   client-credentials code runs against it unchanged; faults reply as Entra ID does (AADSTS codes).
// - 'google': Google's endpoint layout (issuer = origin, /o/oauth2/v2/auth, /token, /device/code, /revoke,
//   /oauth2/v3/certs, /v1/userinfo, and the /oauth2/v3/tokeninfo that Dovecot's Google example uses), the
//   https://mail.google.com/ scope, opaque `ya29.` access tokens and `1//` refresh tokens (refresh tokens only with
//   access_type=offline), Google's error bodies, and its device endpoint refusing the Gmail scope.
// - 'keycloak': a Keycloak realm (/realms/REALM issuer, /protocol/openid-connect/{auth,token,auth/device,
//   token/introspect,certs,userinfo,logout,revoke}), RS256 JWT access tokens with Keycloak's claims, the device
//   grant, client credentials for a confidential client, RFC 7662 introspection, and Keycloak's error bodies.
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
/** A user of the provider; for the Google and Keycloak shapes `upn` is the e-mail address and `oid` the subject. */
export type TestUser = typeof TEST_USER;
const TEST_USERS = [TEST_USER, TEST_USER_2];

/** Which identity provider the local one plays (see the top of this file). */
export type IdpShape = 'microsoft' | 'google' | 'keycloak';

/** Google's Gmail scope: IMAP, POP and SMTP (and the only one Gmail's servers accept). */
export const GOOGLE_MAIL_SCOPE = 'https://mail.google.com/';
/** A "Desktop app" OAuth client as Google Cloud issues it (it has a client secret, which Google says is not secret). */
export const GOOGLE_CLIENT_ID = '204818347305-mailoauthdebuggertestclient0a1b2c.apps.googleusercontent.com';
/** Another client of the same project (same secret, for brevity): a refresh token of GOOGLE_CLIENT_ID does not work for it. */
export const GOOGLE_OTHER_CLIENT_ID = '204818347305-anotherclientofthisproject9z8y7x.apps.googleusercontent.com';
/** Google subjects are decimal numbers; e-mail addresses on a test domain so that nothing real is addressed. */
export const GOOGLE_TEST_USER: TestUser = { upn: 'adele.vance@gmail.test', name: 'Adele Vance', oid: '104217740936148277561' };
export const GOOGLE_TEST_USER_2: TestUser = { upn: 'megan.bowen@gmail.test', name: 'Megan Bowen', oid: '117845301286645201938' };

/** The realm of the Keycloak shape unless `realm` is given. */
export const KEYCLOAK_REALM = 'mail';
/** A public client with the standard flow (authorization code + PKCE) and the device grant enabled. */
export const KEYCLOAK_PUBLIC_CLIENT_ID = 'mail-oauth-debugger';
/** A confidential client with service accounts (client credentials) enabled, the device grant off. */
export const KEYCLOAK_CONFIDENTIAL_CLIENT_ID = 'mail-daemon';
/** The mail server's own confidential client, with which it introspects tokens (Dovecot's introspection_url). */
export const KEYCLOAK_INTROSPECTION_CLIENT_ID = 'dovecot';
export const KEYCLOAK_TEST_USER: TestUser = { upn: 'kim.akers@mail.example.test', name: 'Kim Akers', oid: '3f6c2b1e-8a4d-4c7b-9e2f-5a1d0c9b8e7f' };
export const KEYCLOAK_TEST_USER_2: TestUser = { upn: 'lee.gu@mail.example.test', name: 'Lee Gu', oid: '9b2e4d6f-1c3a-4e5b-8d7f-0a2c4e6b8d1f' };
/** The service account user of the confidential client, as Keycloak names it. */
export const KEYCLOAK_SERVICE_ACCOUNT = `service-account-${KEYCLOAK_CONFIDENTIAL_CLIENT_ID}`;
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
  /** Which provider to play (default 'microsoft'). */
  shape?: IdpShape;
  /** The Keycloak shape's realm (default KEYCLOAK_REALM). */
  realm?: string;
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
  /**
   * Google shape: a Workspace administrator blocks the app. The authorization page shows Google's
   * "Error 400: admin_policy_enforced" (no redirect back), and refresh_token grants get admin_policy_enforced.
   */
  adminPolicyEnforced?: boolean;
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
  /** Who the simulated user signs in as on the sign-in page (the shape's first user unless set). */
  signInAs: TestUser;
  /** Faults to play (see IdpFaults); assign {} to clear them. */
  faults: IdpFaults = {};
  accessTokenTtl: number;
  readonly requests: IdpRequest[] = [];
  /** Access tokens issued, in order (as the client got them), to let tests tell a refreshed token from a cached one. */
  readonly issuedAccessTokens: string[] = [];
  /** Refresh tokens handed out (the secrets tests look for them outside SecretStorage). */
  readonly issuedRefreshTokens: string[] = [];
  private provider: Oidc.default | undefined;
  private signingPublicKey: crypto.KeyObject | undefined;
  /** Signs the Keycloak shape's JWT access tokens (the key oidc-provider publishes at its JWKS endpoint). */
  private signingPrivateKey: crypto.KeyObject | undefined;
  /** Marks a jti lookup as coming from a JWT whose signature was checked here (see start()). */
  /** The grant that holds each user's consent to each app (`accountId clientId`), extended by later sign-ins. */
  private readonly consentGrants = new Map<string, string>();
  private readonly verifiedLookupPrefix = `verified-jwt-${crypto.randomBytes(8).toString('hex')}:`;
  readonly shape: IdpShape;
  /** The Keycloak shape's realm ('' for the other shapes). */
  readonly realm: string;
  /** The users who can sign in (the shape's two). */
  readonly users: readonly TestUser[];

  private constructor(
    private readonly server: https.Server,
    readonly origin: string,
    readonly credentials: ConfidentialCredentials,
    readonly caPem: string,
    options: IdentityProviderOptions,
    /** The introspection client's secret (client_secret_basic), hex so it needs no escaping in a URL. */
    readonly introspectionSecret: string,
    /** Google shape: the Desktop app client's secret (GOCSPX-…), sent by the client with client_secret_post. */
    readonly googleClientSecret: string,
  ) {
    this.accessTokenTtl = options.accessTokenTtl ?? 3600;
    this.shape = options.shape ?? 'microsoft';
    this.realm = this.shape === 'keycloak' ? (options.realm ?? KEYCLOAK_REALM) : '';
    this.users = usersOf(this.shape);
    this.signInAs = this.users[0]!;
  }

  /** Where oidc-provider is mounted: the realm path (Keycloak), the root (Google); Microsoft mounts per tenant. */
  private get mount(): string {
    return this.shape === 'keycloak' ? `/realms/${this.realm}` : '';
  }

  /** The issuer an OpenID client is configured with; its discovery document is at issuer + /.well-known/openid-configuration. */
  get issuer(): string {
    if (this.shape === 'google') return this.origin;
    if (this.shape === 'keycloak') return `${this.origin}${this.mount}`;
    return `${this.authority}/v2.0`;
  }

  get discoveryUrl(): string {
    return `${this.issuer}/.well-known/openid-configuration`;
  }

  /** The public client (Google: the Desktop app client, which also has googleClientSecret). */
  get publicClientId(): string {
    return this.shape === 'google' ? GOOGLE_CLIENT_ID : this.shape === 'keycloak' ? KEYCLOAK_PUBLIC_CLIENT_ID : TEST_PUBLIC_CLIENT_ID;
  }

  /** The client allowed client credentials (Keycloak: a service account; Microsoft: the daemon app); Google: none. */
  get confidentialClientId(): string | undefined {
    return this.shape === 'google' ? undefined : this.shape === 'keycloak' ? KEYCLOAK_CONFIDENTIAL_CLIENT_ID : TEST_CONFIDENTIAL_CLIENT_ID;
  }

  /** The endpoints under the issuer as the shape lays them out (what discovery names). */
  get endpoints(): { authorization: string; token: string; deviceAuthorization: string; userinfo: string; jwks: string; revocation: string; introspection?: string; tokeninfo?: string } {
    const r = ROUTES[this.shape];
    const base = this.shape === 'microsoft' ? this.authority : `${this.origin}${this.mount}`;
    return {
      authorization: base + r.authorization,
      token: base + r.token,
      deviceAuthorization: base + r.device_authorization,
      userinfo: base + r.userinfo,
      jwks: base + r.jwks,
      revocation: base + r.revocation,
      ...(this.shape === 'google' ? { tokeninfo: `${this.origin}${GOOGLE_TOKENINFO_PATH}` } : { introspection: base + r.introspection }),
    };
  }

  /**
   * Google shape: the tokeninfo URL as Dovecot's `tokeninfo_url` wants it (the token is appended), like
   * https://www.googleapis.com/oauth2/v3/tokeninfo?access_token= in Dovecot's Google example.
   */
  get tokeninfoUrl(): string {
    return `${this.origin}${GOOGLE_TOKENINFO_PATH}?access_token=`;
  }

  /** The authority URL an app would be configured with (tenant-specific). */
  get authority(): string {
    return `${this.origin}/${TEST_TENANT_ID}`;
  }

  /** host:port, for MSAL's knownAuthorities. */
  get host(): string {
    return new URL(this.origin).host;
  }

  /** RFC 7662 introspection endpoint (client_secret_basic as the introspection client); Google has none (tokeninfoUrl). */
  get introspectionEndpoint(): string {
    if (this.shape === 'google') throw new Error('Google offers no RFC 7662 introspection: use tokeninfoUrl');
    return this.endpoints.introspection!;
  }

  /** The endpoint with the introspection client's credentials in it, as Dovecot's introspection_url takes them. */
  get introspectionUrlWithCredentials(): string {
    const u = new URL(this.introspectionEndpoint);
    u.username = this.shape === 'keycloak' ? KEYCLOAK_INTROSPECTION_CLIENT_ID : TEST_INTROSPECTION_CLIENT_ID;
    u.password = this.introspectionSecret;
    return u.href;
  }

  /** The requests a mail server made to ask about a token (RFC 7662 introspection; Google: tokeninfo). */
  introspectionRequests(): IdpRequest[] {
    const path = this.shape === 'google' ? GOOGLE_TOKENINFO_PATH : new URL(this.introspectionEndpoint).pathname;
    return this.requests.filter((r) => r.path === path);
  }

  /** Revokes an issued access token (as an admin revoking sessions would): introspection (tokeninfo) then says inactive. */
  async revokeAccessToken(value: string): Promise<void> {
    const id = this.shape === 'microsoft' ? this.verifiedJti(value) : this.inboundAccessToken(value);
    if (!id) throw new Error('not an access token issued here');
    const token = this.shape === 'microsoft' ? await this.provider!.AccessToken.find(this.verifiedLookupPrefix + id) : await this.findAccessToken(id);
    if (!token) throw new Error('access token not found');
    await token.destroy();
  }

  /**
   * What oidc-provider calls a token the client holds in the shape's form: the opaque id behind a `ya29.` token
   * (Google) or inside a Keycloak-like JWT (its jti, after its signature is checked); undefined when it is not one.
   */
  private inboundAccessToken(value: string): string | undefined {
    if (this.shape === 'google') return value.startsWith(GOOGLE_ACCESS_PREFIX) && value.length > GOOGLE_ACCESS_PREFIX.length ? value.slice(GOOGLE_ACCESS_PREFIX.length) : undefined;
    if (this.shape === 'keycloak') return this.verifiedJti(value);
    return undefined;
  }

  /** The access token or app-only token (client credentials) with this opaque id, when live. */
  private async findAccessToken(id: string): Promise<Oidc.AccessToken | Oidc.ClientCredentials | undefined> {
    return (await this.provider!.AccessToken.find(id)) ?? (await this.provider!.ClientCredentials.find(id));
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
      return typeof claims.jti === 'string' && claims.iss === this.issuer ? claims.jti : undefined;
    } catch {
      return undefined;
    }
  }

  /** Forgets every user's consents (as if revoked in the portal): the next sign-in asks for consent anew. */
  forgetConsents(): void {
    this.consentGrants.clear();
  }

  tokenRequests(grantType?: string): IdpRequest[] {
    const token = ROUTES[this.shape].token;
    return this.requests.filter((r) => r.path.endsWith(token) && (!grantType || r.grantType === grantType));
  }

  static async start(options: IdentityProviderOptions): Promise<IdentityProvider> {
    // oidc-provider is an ES module; a dynamic import keeps this file loadable from CommonJS.
    const { default: Provider, errors } = (await import('oidc-provider')) as typeof import('oidc-provider');
    const credentials = makeConfidentialCredentials();
    const introspectionSecret = crypto.randomBytes(16).toString('hex');
    const googleClientSecret = `GOCSPX-${crypto.randomBytes(21).toString('base64url')}`;
    const shape = options.shape ?? 'microsoft';
    const realm = options.realm ?? KEYCLOAK_REALM;
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(realm)) throw new Error(`realm must be a plain name, not ${realm}`);
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
    const issuer = shape === 'google' ? origin : shape === 'keycloak' ? `${origin}/realms/${realm}` : `${origin}/${TEST_TENANT_ID}/v2.0`;
    const signingKey = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
    const microsoft = shape === 'microsoft';
    const users = usersOf(shape);

    const provider = new Provider(issuer, {
      clients: microsoft
        ? [
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
          ]
        : openIdClients(shape, credentials.clientSecret, introspectionSecret, googleClientSecret),
      jwks: { keys: [{ ...signingKey, kid: 'test-signing-key', use: 'sig', alg: 'RS256' }] },
      formats: {
        customizers: {
          // oidc-provider keeps no record of JWT access tokens (they are self-contained); keep one, as the opaque
          // format would, so that introspection can answer for them and revocation can end them.
          jwt: async (_ctx, token, structured) => {
            if (!microsoft) return; // JWT access tokens exist in the Microsoft shape only (the others wrap opaque ones)
            const skew = idp!.faults.clockSkewSeconds;
            if (skew) {
              // The provider's clock is off: every time in the token is shifted (Entra sets nbf = iat).
              const p = structured.payload as { iat: number; nbf?: number; exp: number };
              p.iat += skew;
              p.nbf = p.iat;
              p.exp += skew;
            }
            const t = token as unknown as {
              format: string;
              jti: string;
              remainingTTL: number;
              getValueAndPayload(): Promise<{ payload: Record<string, unknown> }>;
              adapter: { upsert(id: string, payload: unknown, ttl: number): Promise<void> };
            };
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
      routes: ROUTES[shape],
      scopes: shape === 'google' ? ['openid', 'profile', 'email', 'offline_access', GOOGLE_MAIL_SCOPE] : ['openid', 'profile', 'email', 'offline_access'],
      claims: microsoft
        ? { openid: ['sub'], profile: ['name', 'preferred_username', 'oid', 'tid'], email: ['email'] }
        : { openid: ['sub'], profile: ['name', 'preferred_username', 'given_name', 'family_name'], email: ['email', 'email_verified'] },
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
        clientCredentials: { enabled: shape !== 'google' },
        revocation: { enabled: !microsoft },
        // RFC 7662, for mail servers that validate tokens by asking (Dovecot's introspection_mode = post).
        // Only the resource server's client may introspect others' tokens.
        introspection: {
          enabled: shape !== 'google',
          allowedPolicy: async (_ctx, client) => client.clientId === (shape === 'keycloak' ? KEYCLOAK_INTROSPECTION_CLIENT_ID : TEST_INTROSPECTION_CLIENT_ID),
        },
        // Microsoft's tokens are JWTs for a resource (Outlook); Google's and Keycloak's are opaque here (see shapeOpenIdReply).
        resourceIndicators: {
          enabled: microsoft,
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
      // Entra issues a refresh token whenever offline_access is asked for, with or without prompt=consent; Keycloak
      // always; Google only for access_type=offline (route() turns that into offline_access).
      issueRefreshToken: async (_ctx, client, code) => client.grantTypeAllowed('refresh_token') && (shape !== 'google' || !!code.scopes?.has('offline_access')),
      expiresWithSession: async () => false,
      async findAccount(_ctx, sub) {
        return {
          accountId: sub,
          claims: () => {
            const user = userOf(users, sub);
            if (!microsoft) {
              const [given, ...family] = user.name.split(' ');
              return {
                sub,
                name: user.name,
                given_name: given,
                family_name: family.join(' '),
                preferred_username: shape === 'keycloak' ? user.upn.split('@')[0] : user.upn,
                email: user.upn,
                email_verified: true,
              };
            }
            return { sub, name: user.name, preferred_username: user.upn, email: user.upn, oid: user.oid, tid: TEST_TENANT_ID };
          },
        };
      },
      extraTokenClaims(_ctx, token) {
        if (!microsoft) return openIdTokenClaims(shape, token, users);
        const appid = token.clientId;
        if (token.kind === 'ClientCredentials') {
          return { roles: APP_ROLES, tid: TEST_TENANT_ID, oid: servicePrincipalOid(String(appid)), appid, idtyp: 'app', ver: '1.0' };
        }
        const scp = [...(token.scope ?? '').split(' ')].filter((s) => s.startsWith(`${OUTLOOK_RESOURCE}/`)).map((s) => s.slice(OUTLOOK_RESOURCE.length + 1));
        const user = userOf(users, token.accountId);
        return { scp: scp.join(' '), upn: user.upn, unique_name: user.upn, name: user.name, oid: user.oid, tid: TEST_TENANT_ID, appid, idtyp: 'user', ver: '1.0' };
      },
      interactions: { url: (_ctx, interaction) => `${microsoft ? `/${TEST_TENANT_ID}` : shape === 'keycloak' ? `/realms/${realm}` : ''}/interaction/${interaction.uid}` },
      ttl: {
        AccessToken: () => idp!.accessTokenTtl,
        ClientCredentials: 3600,
        DeviceCode: () => idp!.faults.deviceCodeTtl ?? 600,
        Interaction: 600,
        Session: 3600,
        Grant: 3600,
        IdToken: 3600,
        RefreshToken: 86400,
        AuthorizationCode: 60,
      },
      renderError: async (ctx, out) => {
        ctx.type = 'html';
        if (!microsoft) {
          const page = openIdErrorPage(shape, out.error, String(out.error_description ?? ''));
          ctx.status = page.status;
          ctx.body = page.html;
          return;
        }
        ctx.body = `<!DOCTYPE html><html><head><title>Sign in error</title></head><body><h1>Sorry, but we're having trouble signing you in.</h1><p id="error">${escapeHtml(out.error)}: ${escapeHtml(String(out.error_description ?? ''))}</p></body></html>`;
      },
    });
    provider.on('server_error', (_ctx, err) => console.error('identity provider server_error', err));
    idp = new IdentityProvider(server, origin, credentials, options.certificates.caPem, options, introspectionSecret, googleClientSecret);
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
    idp.signingPrivateKey = crypto.createPrivateKey({ key: signingKey, format: 'jwk' });
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
    const body = req.method === 'POST' ? await readBody(req) : '';
    const form = new URLSearchParams(body);
    const record: IdpRequest = { method: req.method ?? 'GET', path: url.pathname };
    if (form.get('grant_type')) record.grantType = form.get('grant_type')!;
    const clientId = form.get('client_id') ?? url.searchParams.get('client_id') ?? undefined;
    if (clientId) record.clientId = clientId;
    if (form.get('scope')) record.scope = form.get('scope')!;
    this.requests.push(record);
    if (this.faults.clockSkewSeconds) res.setHeader('date', new Date(Date.now() + this.faults.clockSkewSeconds * 1000).toUTCString());
    if (this.shape !== 'microsoft') return this.routeOpenId(provider, handle, req, res, url, body, form, clientId);
    const parts = url.pathname.split('/');
    const tenant = parts[1] ?? '';
    const rest = `/${parts.slice(2).join('/')}`;

    if (!['organizations', 'common', TEST_TENANT_ID, 'contoso.test'].includes(tenant)) {
      return sendJson(res, 400, aadError('invalid_tenant', 90002, `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`));
    }
    if (rest === '/v2.0/.well-known/openid-configuration') {
      // Entra publishes per-tenant discovery at /{tenant}/v2.0/...; oidc-provider serves it at the mount root.
      return this.forward(handle, req, res, `/${tenant}`, '/.well-known/openid-configuration', body);
    }
    if (rest.startsWith('/interaction/')) return this.interaction(provider, req, res, `/${tenant}/interaction/`, rest, form);

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
        return sendJson(
          res,
          401,
          this.shapeReply(
            endpoint,
            401,
            aadError('invalid_client', 7000215, 'Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.'),
            form,
          ),
        );
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
    if (this.shape !== 'microsoft' && (fault === 'revoked' || fault === 'expired')) {
      // Google says the same for both; Keycloak's refresh token is "not active" once its session ended or was revoked.
      return sendJson(
        res,
        400,
        this.shape === 'google' ? { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' } : { error: 'invalid_grant', error_description: 'Token is not active' },
      );
    }
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
        json.client_info = Buffer.from(JSON.stringify({ uid: userOf(this.users, sub).oid, utid: TEST_TENANT_ID })).toString('base64url');
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
      if (json.error === 'invalid_client')
        return aadError('invalid_client', 7000215, `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID. ${description}`);
      if (json.error === 'invalid_scope' && form.get('grant_type') === 'refresh_token') {
        // Entra: a refresh token serves any resource the user consented to; for others consent is missing.
        return aadError(
          'invalid_grant',
          65001,
          `The user or administrator has not consented to use the application with ID '${String(form.get('client_id'))}' named 'Mail OAuth Debugger (test)'. Send an interactive authorization request for this user and resource.`,
        );
      }
      if (json.error === 'invalid_scope')
        return aadError('invalid_scope', 70011, `The provided request must include a 'scope' input parameter. The provided value for the input parameter 'scope' is not valid. ${description}`);
      return json;
    }
    return json;
  }

  /**
   * Google's and Keycloak's layout in front of oidc-provider: their paths, the checks they make before any grant
   * (unknown client, the Gmail scope on Google's device endpoint, Keycloak's per-client flow switches), their token
   * formats (see inboundAccessToken/outboundTokens) and their error bodies (shapeOpenIdReply).
   */
  private async routeOpenId(
    provider: Oidc.default,
    handle: (req: IncomingMessage, res: ServerResponse) => void,
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    body: string,
    form: URLSearchParams,
    clientId: string | undefined,
  ): Promise<void> {
    const mount = this.mount;
    if (mount && url.pathname !== mount && !url.pathname.startsWith(`${mount}/`)) {
      // Keycloak's answer for another realm.
      return sendJson(res, 404, { error: 'Realm does not exist' });
    }
    const rest = url.pathname.slice(mount.length) || '/';
    const r = ROUTES[this.shape];
    const google = this.shape === 'google';
    if (rest.startsWith('/interaction/')) return this.interaction(provider, req, res, `${mount}/interaction/`, rest, form);
    if (google && rest === GOOGLE_TOKENINFO_PATH) return this.googleTokeninfo(res, url, form);
    if (google && rest === r.revocation && req.method === 'POST') return this.googleRevoke(res, url, form);

    const grantEndpoints = [r.authorization, r.token, r.device_authorization];
    if (clientId && grantEndpoints.includes(rest) && !openIdClientIds(this.shape).includes(clientId)) {
      if (rest === r.authorization) return sendPage(res, openIdErrorPage(this.shape, 'invalid_client', ''));
      return sendJson(res, 401, google ? { error: 'invalid_client', error_description: 'The OAuth client was not found.' } : KEYCLOAK_INVALID_CLIENT);
    }

    if (rest === r.authorization && req.method === 'GET') {
      if (google) {
        if (this.faults.adminPolicyEnforced) return sendPage(res, openIdErrorPage('google', 'admin_policy_enforced', ''));
        const requested = (url.searchParams.get('scope') ?? '').split(' ').filter(Boolean);
        const invalid = requested.filter((s) => !GOOGLE_SCOPES.includes(s));
        if (invalid.length) {
          const valid = requested.filter((s) => GOOGLE_SCOPES.includes(s));
          return sendPage(res, openIdErrorPage('google', 'invalid_scope', `Some requested scopes were invalid. {valid=[${valid.join(', ')}], invalid=[${invalid.join(', ')}]}`));
        }
        // Google hands out a refresh token for access_type=offline (its scope list has no offline_access).
        if (url.searchParams.get('access_type') === 'offline') {
          url.searchParams.set('scope', [...requested, 'offline_access'].join(' '));
          url.searchParams.set('prompt', 'consent');
        }
        url.searchParams.delete('access_type');
      } else if ((url.searchParams.get('scope') ?? '').split(' ').includes('offline_access')) {
        // Keycloak grants offline_access on consent; oidc-provider keeps it only with prompt=consent.
        url.searchParams.set('prompt', 'consent');
      }
      return this.forward(handle, req, res, mount, rest + url.search, body);
    }

    if (rest === r.device_authorization) {
      if (google) {
        // Google's device flow allows a short list of scopes; Gmail's is not on it (checked before anything else).
        const refused = (form.get('scope') ?? '').split(' ').find((s) => s === GOOGLE_MAIL_SCOPE || !GOOGLE_DEVICE_SCOPES.includes(s));
        if (refused) return sendJson(res, 400, { error: 'invalid_scope', error_description: `Invalid device flow scope: ${refused}` });
      } else if (clientId === KEYCLOAK_CONFIDENTIAL_CLIENT_ID) {
        return sendJson(res, 400, { error: 'unauthorized_client', error_description: 'Client is not allowed to initiate OAuth 2.0 Device Authorization Grant. The flow is disabled for the client.' });
      }
      return this.forward(handle, req, res, mount, rest, body, (status, json) => this.shapeOpenIdReply('device', status, json, form, res));
    }

    if (rest === r.token) {
      const fault = this.faults.tokenEndpoint;
      if (fault === 'reset') {
        req.socket.destroy();
        return;
      }
      if (fault) {
        await new Promise((done) => setTimeout(done, fault.delayMs).unref());
        if (res.destroyed) return;
      }
      const grantType = form.get('grant_type');
      if (grantType === 'refresh_token') {
        if (google && this.faults.adminPolicyEnforced) {
          return sendJson(res, 400, {
            error: 'admin_policy_enforced',
            error_description: 'The Google Account is unable to authorize one or more scopes requested due to the policies of their Google Workspace administrator.',
          });
        }
        if (this.faults.refresh) return this.refreshFault(res, this.faults.refresh);
        const id = this.inboundRefreshToken(form.get('refresh_token') ?? '');
        form.set('refresh_token', id ?? `unknown-${crypto.randomBytes(8).toString('hex')}`);
        const held = id ? await provider.RefreshToken.find(id) : undefined;
        if (held && clientId && held.clientId !== clientId) {
          // A refresh token only renews for the client it was issued to; both say so in their own words.
          return google
            ? sendJson(res, 401, { error: 'unauthorized_client', error_description: 'Unauthorized' })
            : sendJson(res, 400, { error: 'invalid_grant', error_description: "Invalid refresh token. Token client and authorized client don't match" });
        }
      }
      if (!google && grantType === 'client_credentials' && clientId === KEYCLOAK_PUBLIC_CLIENT_ID) {
        return sendJson(res, 400, { error: 'unauthorized_client', error_description: 'Public client not allowed to retrieve service account' });
      }
      if (!google && grantType === 'password') {
        // Direct access grants: off for the public client; the others have no passwords here, so none is right.
        if (clientId === KEYCLOAK_PUBLIC_CLIENT_ID) return sendJson(res, 400, { error: 'unauthorized_client', error_description: 'Client not allowed for direct access grants' });
        return sendJson(res, 401, { error: 'invalid_grant', error_description: 'Invalid user credentials' });
      }
      return this.forward(handle, req, res, mount, rest, form.toString(), (status, json) => this.shapeOpenIdReply('token', status, json, form, res));
    }

    if (!google && rest === r.introspection && req.method === 'POST') {
      // The client's JWT is checked here and looked up by the opaque token it wraps; anything else is unknown.
      const token = form.get('token') ?? '';
      form.set('token', this.inboundAccessToken(token) ?? this.inboundRefreshToken(token) ?? `unknown-${crypto.randomBytes(8).toString('hex')}`);
      return this.forward(handle, req, res, mount, rest, form.toString(), (status, json) => this.shapeOpenIdReply('introspection', status, json, form, res));
    }
    if (rest === r.revocation && req.method === 'POST') {
      const token = form.get('token') ?? '';
      form.set('token', this.inboundAccessToken(token) ?? this.inboundRefreshToken(token) ?? token);
      return this.forward(handle, req, res, mount, rest, form.toString());
    }
    if (rest === r.userinfo) {
      const bearer = /^Bearer (\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
      if (bearer) req.headers.authorization = `Bearer ${this.inboundAccessToken(bearer) ?? 'unknown'}`;
    }
    return this.forward(handle, req, res, mount, rest + url.search, body);
  }

  /** The opaque refresh token behind what the client holds (Google's `1//…`); Keycloak's are passed as they are. */
  private inboundRefreshToken(value: string): string | undefined {
    if (this.shape !== 'google') return value || undefined;
    return value.startsWith(GOOGLE_REFRESH_PREFIX) && value.length > GOOGLE_REFRESH_PREFIX.length ? value.slice(GOOGLE_REFRESH_PREFIX.length) : undefined;
  }

  /** The access token as the shape hands it out: `ya29.` + the opaque id (Google), a signed JWT around it (Keycloak). */
  private async outboundAccessToken(id: string): Promise<string> {
    if (this.shape === 'google') return GOOGLE_ACCESS_PREFIX + id;
    const token = await this.findAccessToken(id);
    if (!token) return id;
    const appOnly = token.kind === 'ClientCredentials';
    const user = appOnly ? undefined : userOf(this.users, token.accountId);
    const [given, ...family] = (user?.name ?? '').split(' ');
    const claims: Record<string, unknown> = {
      exp: token.exp,
      iat: token.iat,
      ...(appOnly ? {} : { auth_time: token.iat }),
      jti: id,
      iss: this.issuer,
      aud: 'account',
      sub: appOnly ? serviceAccountId(String(token.clientId)) : token.accountId,
      typ: 'Bearer',
      azp: token.clientId,
      ...(appOnly
        ? {}
        : {
            sid: crypto
              .createHash('sha256')
              .update(`session ${String(token.grantId)}`)
              .digest('hex')
              .slice(0, 36),
          }),
      acr: '1',
      'allowed-origins': [],
      realm_access: { roles: ['offline_access', 'uma_authorization', `default-roles-${this.realm}`] },
      resource_access: { account: { roles: ['manage-account', 'manage-account-links', 'view-profile'] } },
      scope: token.scope ?? '',
      ...(user
        ? { email_verified: true, name: user.name, preferred_username: user.upn.split('@')[0], given_name: given, family_name: family.join(' '), email: user.upn }
        : { clientHost: '127.0.0.1', preferred_username: KEYCLOAK_SERVICE_ACCOUNT, clientAddress: '127.0.0.1', client_id: token.clientId }),
    };
    const header = Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'test-signing-key' })).toString('base64url');
    const unsigned = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
    return `${unsigned}.${crypto.sign('sha256', Buffer.from(unsigned), this.signingPrivateKey!).toString('base64url')}`;
  }

  /** Makes oidc-provider's JSON replies look like Google's or Keycloak's (tokens in their form, their error texts). */
  private async shapeOpenIdReply(
    endpoint: 'token' | 'device' | 'introspection',
    status: number,
    json: Record<string, unknown>,
    form: URLSearchParams,
    res: ServerResponse,
  ): Promise<Record<string, unknown>> {
    const google = this.shape === 'google';
    if (status === 200 && endpoint === 'device') {
      // 1 s instead of 5 keeps tests short. Google names the page verification_url (not RFC 8628's verification_uri).
      const { verification_uri: page, verification_uri_complete: complete, ...rest } = json;
      return google
        ? { device_code: rest.device_code, user_code: rest.user_code, expires_in: rest.expires_in, interval: 1, verification_url: page }
        : { ...rest, verification_uri: page, verification_uri_complete: complete, interval: 1 };
    }
    if (status === 200 && endpoint === 'introspection') {
      // Keycloak's introspection answers with the token's claims, and the user's name as `username`.
      if (json.active !== true) return { active: false };
      return { ...json, typ: 'Bearer', azp: json.client_id, username: json.preferred_username, token_type: 'Bearer' };
    }
    if (status === 200 && endpoint === 'token') {
      const out: Record<string, unknown> = { ...json };
      if (typeof json.access_token === 'string') out.access_token = await this.outboundAccessToken(json.access_token);
      if (typeof json.refresh_token === 'string') out.refresh_token = google ? GOOGLE_REFRESH_PREFIX + json.refresh_token : json.refresh_token;
      if (typeof out.access_token === 'string') this.issuedAccessTokens.push(out.access_token);
      if (typeof out.refresh_token === 'string') this.issuedRefreshTokens.push(out.refresh_token);
      if (google) {
        if (typeof out.scope === 'string')
          out.scope = out.scope
            .split(' ')
            .filter((s) => s !== 'offline_access')
            .join(' ');
        return out;
      }
      return { ...out, 'not-before-policy': 0, ...(out.refresh_token ? { refresh_expires_in: 1800 } : {}), session_state: crypto.randomUUID() };
    }
    if (status < 400 || typeof json.error !== 'string') return json;
    const grantType = form.get('grant_type') ?? '';
    const error = json.error;
    const said = (e: string, d: string, httpStatus?: number) => {
      if (httpStatus) res.statusCode = httpStatus;
      return { error: e, error_description: d };
    };
    if (google) {
      if (error === 'invalid_client') return said('invalid_client', 'Unauthorized', 401);
      if (error === 'invalid_grant' && grantType === 'refresh_token') return said('invalid_grant', 'Token has been expired or revoked.');
      if (error === 'invalid_grant') return said('invalid_grant', 'Bad Request');
      if (error === 'authorization_pending') return said('authorization_pending', 'Precondition Required');
      if (error === 'slow_down') return said('slow_down', 'Forbidden');
      if (error === 'expired_token') return said('expired_token', 'Expired');
      if (error === 'access_denied') return said('access_denied', 'Forbidden');
      if (error === 'unauthorized_client') return said('unauthorized_client', 'Unauthorized', 401);
      return said(error, String(json.error_description ?? 'Bad Request'));
    }
    if (error === 'invalid_client') return said('invalid_client', KEYCLOAK_INVALID_CLIENT.error_description, 401);
    if (error === 'invalid_grant' && grantType === 'refresh_token') {
      // A refresh token that was handed out and has ended (revoked, expired) is "not active"; anything else is not one.
      return said('invalid_grant', this.issuedRefreshTokens.includes(form.get('refresh_token') ?? '') ? 'Token is not active' : 'Invalid refresh token');
    }
    if (error === 'invalid_grant' && grantType === 'authorization_code') return said('invalid_grant', 'Code not valid');
    if (error === 'invalid_grant' && grantType.endsWith('device_code')) return said('invalid_grant', 'Device code not valid');
    if (error === 'authorization_pending') return said('authorization_pending', 'The authorization request is still pending');
    if (error === 'slow_down') return said('slow_down', 'Slow down');
    if (error === 'expired_token') return said('expired_token', 'Device code is expired');
    if (error === 'access_denied') return said('access_denied', 'The end user denied the authorization request');
    if (error === 'unauthorized_client' && grantType === 'client_credentials') {
      return said(
        'unauthorized_client',
        form.get('client_id') === KEYCLOAK_PUBLIC_CLIENT_ID ? 'Public client not allowed to retrieve service account' : 'Client not enabled to retrieve service account',
      );
    }
    return said(error, String(json.error_description ?? ''));
  }

  /**
   * Google's tokeninfo (https://www.googleapis.com/oauth2/v3/tokeninfo?access_token=…): what a resource server such as
   * Dovecot (its `tokeninfo_url`) learns about an access token. Numbers come as strings, as Google sends them.
   */
  private async googleTokeninfo(res: ServerResponse, url: URL, form: URLSearchParams): Promise<void> {
    const value = url.searchParams.get('access_token') ?? form.get('access_token') ?? '';
    const id = this.inboundAccessToken(value);
    const token = id ? await this.provider!.AccessToken.find(id) : undefined;
    const grant = token?.grantId ? await this.provider!.Grant.find(token.grantId) : undefined;
    if (!token || !grant || !token.exp) return sendJson(res, 400, { error: 'invalid_token', error_description: 'Invalid Value' });
    const user = userOf(this.users, token.accountId);
    const now = Math.floor(Date.now() / 1000);
    const offline = (token.scope ?? '').split(' ').includes('offline_access');
    return sendJson(res, 200, {
      azp: token.clientId,
      aud: token.clientId,
      sub: token.accountId,
      scope: (token.scope ?? '')
        .split(' ')
        .filter((s) => s && s !== 'offline_access' && s !== 'openid')
        .map((s) => (s === 'email' ? 'https://www.googleapis.com/auth/userinfo.email' : s === 'profile' ? 'https://www.googleapis.com/auth/userinfo.profile' : s))
        .concat((token.scope ?? '').split(' ').includes('openid') ? ['openid'] : [])
        .join(' '),
      exp: String(token.exp),
      expires_in: String(Math.max(0, token.exp - now)),
      email: user.upn,
      email_verified: 'true',
      access_type: offline ? 'offline' : 'online',
    });
  }

  /** Google's revocation endpoint: no client authentication; a refresh token's revocation ends its grant (every token). */
  private async googleRevoke(res: ServerResponse, url: URL, form: URLSearchParams): Promise<void> {
    const value = form.get('token') ?? url.searchParams.get('token') ?? '';
    const p = this.provider!;
    const accessId = this.inboundAccessToken(value);
    const refreshId = this.inboundRefreshToken(value);
    const token = (accessId ? await p.AccessToken.find(accessId) : undefined) ?? (refreshId ? await p.RefreshToken.find(refreshId) : undefined);
    if (!token) return sendJson(res, 400, { error: 'invalid_token', error_description: 'Token expired or revoked' });
    if (token.kind === 'RefreshToken' && token.grantId) await (await p.Grant.find(token.grantId))?.destroy();
    await token.destroy();
    return sendJson(res, 200, {});
  }

  /** Hands a request to oidc-provider as if it were mounted at `mount`, optionally rewriting its JSON reply. */
  private forward(
    handle: (req: IncomingMessage, res: ServerResponse) => void,
    req: IncomingMessage,
    res: ServerResponse,
    mount: string,
    path: string,
    body: string,
    reshape?: (status: number, json: Record<string, unknown>) => Record<string, unknown> | Promise<Record<string, unknown>>,
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
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: Record<string, unknown>;
          try {
            parsed = JSON.parse(text) as Record<string, unknown>;
          } catch {
            return end(text); // not JSON: pass through
          }
          // The reshaping may look tokens up (async); nothing is sent before it is done.
          Promise.resolve()
            .then(() => reshape(res.statusCode, parsed))
            .then(
              (json) => {
                const out = JSON.stringify(json);
                res.setHeader('content-length', Buffer.byteLength(out));
                end(out);
              },
              (err: unknown) => {
                console.error('identity provider reshape failed', err);
                end(text);
              },
            );
          return res;
        }) as typeof res.end;
      }
      handle(req, res);
    });
  }

  /** The sign-in and consent pages (a plain form each), standing in for login.microsoftonline.com's. */
  private async interaction(provider: Oidc.default, req: IncomingMessage, res: ServerResponse, prefix: string, rest: string, form: URLSearchParams): Promise<void> {
    const uid = rest.split('/')[2];
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) return sendHtml(res, 400, '<p id="error">interaction mismatch</p>');
    const action = `${prefix}${uid}`;
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
      const accountId = this.users.find((u) => u.upn === form.get('login'))?.oid ?? this.signInAs.oid;
      await provider.interactionFinished(req, res, { login: { accountId } }, { mergeWithLastSubmission: false });
      return;
    }
    if (form.get('decision') !== 'accept') {
      // Entra describes the refusal with its code; Google and Keycloak send the bare error word.
      const refusal = this.shape === 'microsoft' ? { error: 'access_denied', error_description: 'AADSTS65004: User declined to consent to access the app.' } : { error: 'access_denied' };
      await provider.interactionFinished(req, res, refusal, { mergeWithLastSubmission: false });
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
    const held = new Set(
      String(refreshToken.scope ?? '')
        .split(' ')
        .filter(Boolean),
    );
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
export function aadError(
  error: string,
  code: number,
  message: string,
): { error: string; error_description: string; error_codes: number[]; timestamp: string; trace_id: string; correlation_id: string } {
  const traceId = crypto.randomUUID();
  const correlationId = crypto.randomUUID();
  const timestamp = new Date()
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
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
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'), '-days', '2', '-subj', '/CN=mail-oauth-daemon'],
      { stdio: 'ignore' },
    );
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
function userOf(users: readonly TestUser[], sub: unknown): TestUser {
  return users.find((u) => u.oid === sub) ?? users[0]!;
}

function usersOf(shape: IdpShape): readonly TestUser[] {
  return shape === 'google' ? [GOOGLE_TEST_USER, GOOGLE_TEST_USER_2] : shape === 'keycloak' ? [KEYCLOAK_TEST_USER, KEYCLOAK_TEST_USER_2] : TEST_USERS;
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
    socket.end(
      `HTTP/1.1 ${status}\r\n${target ? `Location: https://127.0.0.1:${port}${target}\r\n` : ''}Content-Type: text/plain\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
    );
  };
  socket.on('data', onData);
  socket.resume();
}

/** Each shape's endpoint paths (under the tenant for Microsoft, the realm for Keycloak, the root for Google). */
const ROUTES: Record<
  IdpShape,
  { authorization: string; token: string; device_authorization: string; code_verification: string; jwks: string; end_session: string; userinfo: string; introspection: string; revocation: string }
> = {
  microsoft: {
    authorization: '/oauth2/v2.0/authorize',
    token: '/oauth2/v2.0/token',
    device_authorization: '/oauth2/v2.0/devicecode',
    code_verification: '/oauth2/deviceauth',
    jwks: '/discovery/v2.0/keys',
    end_session: '/oauth2/v2.0/logout',
    userinfo: '/oidc/userinfo',
    introspection: '/oauth2/v2.0/introspect',
    revocation: '/oauth2/v2.0/revoke',
  },
  // As https://accounts.google.com/.well-known/openid-configuration names them (there on several hosts, here on one).
  google: {
    authorization: '/o/oauth2/v2/auth',
    token: '/token',
    device_authorization: '/device/code',
    code_verification: '/device',
    jwks: '/oauth2/v3/certs',
    end_session: '/logout',
    userinfo: '/v1/userinfo',
    introspection: '/oauth2/v3/introspect-unused',
    revocation: '/revoke',
  },
  keycloak: {
    authorization: '/protocol/openid-connect/auth',
    token: '/protocol/openid-connect/token',
    device_authorization: '/protocol/openid-connect/auth/device',
    code_verification: '/device',
    jwks: '/protocol/openid-connect/certs',
    end_session: '/protocol/openid-connect/logout',
    userinfo: '/protocol/openid-connect/userinfo',
    introspection: '/protocol/openid-connect/token/introspect',
    revocation: '/protocol/openid-connect/revoke',
  },
};

const GOOGLE_TOKENINFO_PATH = '/oauth2/v3/tokeninfo';
/** Google's access tokens start so (opaque, not JWTs); its refresh tokens with 1//. */
const GOOGLE_ACCESS_PREFIX = 'ya29.';
const GOOGLE_REFRESH_PREFIX = '1//';
const GOOGLE_SCOPES = ['openid', 'email', 'profile', GOOGLE_MAIL_SCOPE];
/** What Google's device flow allows of those (its allowlist has no Gmail scope). */
const GOOGLE_DEVICE_SCOPES = ['openid', 'email', 'profile'];
const KEYCLOAK_INVALID_CLIENT = { error: 'invalid_client', error_description: 'Invalid client or Invalid client credentials' };

function openIdClientIds(shape: IdpShape): string[] {
  return shape === 'google' ? [GOOGLE_CLIENT_ID, GOOGLE_OTHER_CLIENT_ID] : [KEYCLOAK_PUBLIC_CLIENT_ID, KEYCLOAK_CONFIDENTIAL_CLIENT_ID, KEYCLOAK_INTROSPECTION_CLIENT_ID];
}

/** The registrations of the Google shape (one Desktop app client) and of the Keycloak shape (public, service account, mail server). */
function openIdClients(shape: IdpShape, confidentialSecret: string, introspectionSecret: string, googleSecret: string): Oidc.ClientMetadata[] {
  // RFC 8252 loopback redirects, any port; "/" is what openid-client sends.
  const loopback = ['http://127.0.0.1/', 'http://localhost/'];
  if (shape === 'google') {
    return [
      {
        client_id: GOOGLE_CLIENT_ID,
        client_secret: googleSecret,
        client_name: 'Mail OAuth Debugger (test)',
        application_type: 'native',
        token_endpoint_auth_method: 'client_secret_post',
        grant_types: ['authorization_code', 'refresh_token', 'urn:ietf:params:oauth:grant-type:device_code'],
        response_types: ['code'],
        redirect_uris: loopback,
      },
      {
        client_id: GOOGLE_OTHER_CLIENT_ID,
        client_secret: googleSecret,
        client_name: 'Another app of the project (test)',
        application_type: 'native',
        token_endpoint_auth_method: 'client_secret_post',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: loopback,
      },
    ];
  }
  return [
    {
      client_id: KEYCLOAK_PUBLIC_CLIENT_ID,
      client_name: 'Mail OAuth Debugger (test)',
      application_type: 'native',
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token', 'urn:ietf:params:oauth:grant-type:device_code'],
      response_types: ['code'],
      redirect_uris: loopback,
    },
    {
      client_id: KEYCLOAK_CONFIDENTIAL_CLIENT_ID,
      client_secret: confidentialSecret,
      client_name: 'Mail daemon (test service account)',
      token_endpoint_auth_method: 'client_secret_post',
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
    },
    {
      client_id: KEYCLOAK_INTROSPECTION_CLIENT_ID,
      client_secret: introspectionSecret,
      client_name: 'Dovecot (test resource server)',
      token_endpoint_auth_method: 'client_secret_basic',
      grant_types: [],
      response_types: [],
      redirect_uris: [],
    },
  ];
}

/** What opaque tokens of the Google and Keycloak shapes carry besides their scope (introspection shows them). */
function openIdTokenClaims(shape: IdpShape, token: Oidc.AccessToken | Oidc.ClientCredentials, users: readonly TestUser[]): Record<string, unknown> {
  if (token.kind === 'ClientCredentials') return { preferred_username: KEYCLOAK_SERVICE_ACCOUNT, client_id: token.clientId };
  const user = userOf(users, token.accountId);
  return { email: user.upn, email_verified: true, name: user.name, preferred_username: shape === 'keycloak' ? user.upn.split('@')[0] : user.upn };
}

/** The user id of a client's service account (stable per client, UUID-shaped as Keycloak's). */
function serviceAccountId(clientId: string): string {
  const h = crypto.createHash('sha256').update(`service account of ${clientId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * The page the browser shows when the authorization request itself is refused (no redirect back to the app):
 * Google's "Access blocked" / "Error 400: …" page, Keycloak's "We are sorry..." page.
 */
function openIdErrorPage(shape: IdpShape, error: string, description: string): { status: number; html: string } {
  if (shape === 'google') {
    const known: Record<string, [number, string, string]> = {
      invalid_client: [401, 'invalid_client', 'The OAuth client was not found.'],
      invalid_redirect_uri: [
        400,
        'redirect_uri_mismatch',
        "You can't sign in to this app because it doesn't comply with Google's OAuth 2.0 policy. If you're the app developer, register the redirect URI in the Google Cloud Console.",
      ],
      redirect_uri_mismatch: [
        400,
        'redirect_uri_mismatch',
        "You can't sign in to this app because it doesn't comply with Google's OAuth 2.0 policy. If you're the app developer, register the redirect URI in the Google Cloud Console.",
      ],
      admin_policy_enforced: [400, 'admin_policy_enforced', "Your administrator doesn't allow this app to access your Google Account, or some of the data it asks for."],
    };
    const [status, code, text] = known[error] ?? [400, error, description || 'Bad Request'];
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Sign in - Google Accounts</title></head><body><h1>Access blocked: Authorization Error</h1><p id="error-text">${escapeHtml(code === error || known[error] ? text : description)}</p><p id="error">Error ${status}: ${escapeHtml(code)}</p></body></html>`;
    return { status, html };
  }
  const known: Record<string, [number, string]> = {
    invalid_client: [400, 'Client not found.'],
    invalid_redirect_uri: [400, 'Invalid parameter: redirect_uri'],
  };
  const [status, text] = known[error] ?? [400, description || error];
  return {
    status,
    html: `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Sign in to ${escapeHtml(KEYCLOAK_REALM)}</title></head><body><h1 id="kc-page-title">We are sorry...</h1><p id="error" class="instruction">${escapeHtml(text)}</p></body></html>`,
  };
}

function sendPage(res: ServerResponse, page: { status: number; html: string }): void {
  res.writeHead(page.status, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(page.html) });
  res.end(page.html);
}
