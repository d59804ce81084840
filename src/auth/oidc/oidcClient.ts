// Sign-in at any OAuth 2.0 / OpenID Connect provider (Google, Keycloak, Authentik, Zitadel, a local test
// provider) for a mail token, through openid-client: discovery or explicit endpoints, authorization code
// with PKCE over a loopback redirect (RFC 8252), device authorization (RFC 8628), refresh and client
// credentials. No vscode import: the VS Code provider and the tests drive it the same way.
import * as http from 'http';
import * as client from 'openid-client';
import { clip, OidcError, oidcErrorOf } from './oidcErrors';
import { oidcFetch } from './oidcFetch';

export interface OidcEndpoints {
  authorization: string;
  token: string;
  deviceAuthorization?: string;
  introspection?: string;
}

export interface OidcClientSettings {
  /** Issuer URL; its discovery document names the endpoints unless `endpoints` are given. */
  issuer: string;
  endpoints?: OidcEndpoints;
  clientId: string;
  /** Confidential and Google "Desktop app" clients have one; it comes from SecretStorage, never settings. */
  clientSecret?: string;
  /** Extra authorization request parameters (Google: access_type=offline for a refresh token). */
  authorizationParameters?: Readonly<Record<string, string>>;
  /** Host of the loopback redirect URI: 127.0.0.1 (RFC 8252 §7.3) unless the registration says localhost. */
  redirectHost?: '127.0.0.1' | 'localhost';
  extraCaPem?: readonly string[];
  timeoutMs?: number;
  /** Plain http endpoints, for a provider on this machine only. */
  allowHttp?: boolean;
}

/** What a grant returned, in the shape the rest of the extension uses. */
export interface OidcTokens {
  accessToken: string;
  refreshToken?: string;
  idToken?: string;
  /** Scopes the provider says it granted (may be absent: then the requested ones). */
  scopes: string[];
  expiresOn: Date | null;
  /** `email` or `preferred_username` of the ID token, when there is one. */
  username?: string;
}

export interface DeviceCodePrompt {
  userCode: string;
  verificationUri: string;
  /** With the code filled in, where the provider offers it. */
  verificationUriComplete?: string;
  expiresOn: Date;
}

export interface BrowserSignIn {
  scopes: readonly string[];
  /** Opens the URL in the user's browser; resolving does not mean the user finished. */
  openBrowser: (url: URL) => Promise<void>;
  loginHint?: string;
  signal?: AbortSignal;
  /** How long to wait for the browser to come back; default 5 minutes. */
  timeoutMs?: number;
  /** The pages the browser sees when it comes back. */
  pages?: { success: string; failure: string };
}

const DEFAULT_PAGES = {
  success: '<!doctype html><meta charset="utf-8"><title>Signed in</title><p>You are signed in. You can close this tab and return to VS Code.</p>',
  failure: '<!doctype html><meta charset="utf-8"><title>Sign-in did not complete</title><p>Sign-in did not complete. Return to VS Code: it shows what the provider answered.</p>',
};

export class OidcClient {
  private constructor(
    readonly config: client.Configuration,
    private readonly settings: OidcClientSettings,
  ) {}

  /** Reads the provider's discovery document (or takes the given endpoints) and checks what it offers. */
  static async create(settings: OidcClientSettings): Promise<OidcClient> {
    const auth = settings.clientSecret ? client.ClientSecretPost(settings.clientSecret) : client.None();
    const fetcher = oidcFetch({ extraCaPem: settings.extraCaPem, timeoutMs: settings.timeoutMs });
    let issuer: URL;
    try {
      issuer = new URL(settings.issuer);
    } catch {
      throw new OidcError('bad-issuer', { issuer: settings.issuer });
    }
    if (issuer.protocol !== 'https:' && !(settings.allowHttp && issuer.protocol === 'http:')) throw new OidcError('insecure-issuer', { issuer: settings.issuer });
    let config: client.Configuration;
    try {
      if (settings.endpoints) {
        config = new client.Configuration(
          {
            issuer: issuer.href,
            authorization_endpoint: settings.endpoints.authorization,
            token_endpoint: settings.endpoints.token,
            ...(settings.endpoints.deviceAuthorization ? { device_authorization_endpoint: settings.endpoints.deviceAuthorization } : {}),
            ...(settings.endpoints.introspection ? { introspection_endpoint: settings.endpoints.introspection } : {}),
          },
          settings.clientId,
          settings.clientSecret,
          auth,
        );
      } else {
        config = await client.discovery(issuer, settings.clientId, settings.clientSecret, auth, {
          [client.customFetch]: fetcher,
          execute: settings.allowHttp ? [client.allowInsecureRequests] : [],
          timeout: Math.round((settings.timeoutMs ?? 30_000) / 1000),
        });
      }
    } catch (err) {
      throw oidcErrorOf(err, 'discovery', issuer.href);
    }
    config[client.customFetch] = fetcher;
    if (settings.allowHttp) client.allowInsecureRequests(config);
    return new OidcClient(config, settings);
  }

  get issuer(): string {
    return this.config.serverMetadata().issuer;
  }

  supportsDeviceCode(): boolean {
    return !!this.config.serverMetadata().device_authorization_endpoint;
  }

  /**
   * Authorization code with PKCE (S256) and state through a one-shot loopback server on 127.0.0.1 (any
   * free port). The server answers only the redirect path and closes after one reply, the timeout, or
   * the signal.
   */
  async signInWithBrowser(req: BrowserSignIn): Promise<OidcTokens> {
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const pages = req.pages ?? DEFAULT_PAGES;
    const server = http.createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const port = (server.address() as { port: number }).port;
    // With the path "/": openid-client sends the redirect URI as the URL it came back to, which always has one.
    const redirectUri = `http://${this.settings.redirectHost ?? '127.0.0.1'}:${port}/`;
    try {
      const callback = new Promise<URL>((resolve, reject) => {
        const timer = setTimeout(() => reject(new OidcError('browser-timeout', { seconds: Math.round((req.timeoutMs ?? 300_000) / 1000) })), req.timeoutMs ?? 300_000);
        const abort = () => reject(new OidcError('cancelled', {}));
        req.signal?.addEventListener('abort', abort, { once: true });
        server.on('request', (r: http.IncomingMessage, res: http.ServerResponse) => {
          const url = new URL(r.url ?? '/', redirectUri);
          // Only the redirect itself counts; a favicon or a stray request from another program does not.
          if (r.method !== 'GET' || url.pathname !== '/' || !(url.searchParams.has('code') || url.searchParams.has('error'))) {
            res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
            return;
          }
          const ok = url.searchParams.has('code') && url.searchParams.get('state') === state;
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(ok ? pages.success : pages.failure);
          clearTimeout(timer);
          req.signal?.removeEventListener('abort', abort);
          resolve(url);
        });
      });
      const authorizationUrl = client.buildAuthorizationUrl(this.config, {
        redirect_uri: redirectUri,
        scope: req.scopes.join(' '),
        response_type: 'code',
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
        ...(req.loginHint ? { login_hint: req.loginHint } : {}),
        ...(this.settings.authorizationParameters ?? {}),
      });
      await req.openBrowser(authorizationUrl);
      const returned = await callback;
      const error = returned.searchParams.get('error');
      if (error) {
        const description = returned.searchParams.get('error_description');
        throw new OidcError('provider-refused', { error: clip(error), ...(description ? { description: clip(description) } : {}) });
      }
      if (returned.searchParams.get('state') !== state) throw new OidcError('state-mismatch', {});
      try {
        const tokens = await client.authorizationCodeGrant(this.config, returned, { pkceCodeVerifier: verifier, expectedState: state, idTokenExpected: false });
        return toTokens(tokens, req.scopes);
      } catch (err) {
        throw oidcErrorOf(err, 'authorization-code', this.issuer);
      }
    } finally {
      server.closeAllConnections();
      server.close();
    }
  }

  /** Starts device authorization; `prompt` is shown to the user, then the grant is polled until done. */
  async signInWithDeviceCode(scopes: readonly string[], prompt: (p: DeviceCodePrompt) => void, signal?: AbortSignal): Promise<OidcTokens> {
    if (!this.supportsDeviceCode()) throw new OidcError('no-device-endpoint', { issuer: this.issuer });
    let started: client.DeviceAuthorizationResponse;
    try {
      started = await client.initiateDeviceAuthorization(this.config, { scope: scopes.join(' ') });
    } catch (err) {
      throw this.deviceError(err, scopes);
    }
    prompt({
      userCode: started.user_code,
      verificationUri: started.verification_uri,
      ...(started.verification_uri_complete ? { verificationUriComplete: started.verification_uri_complete } : {}),
      expiresOn: new Date(Date.now() + started.expires_in * 1000),
    });
    try {
      return toTokens(await client.pollDeviceAuthorizationGrant(this.config, started, undefined, signal ? { signal } : {}), scopes);
    } catch (err) {
      if (signal?.aborted) throw new OidcError('cancelled', {});
      throw this.deviceError(err, scopes);
    }
  }

  /** Google refuses the Gmail scope at its device endpoint with invalid_scope: say why instead of the bare word. */
  private deviceError(err: unknown, scopes: readonly string[]): OidcError {
    const e = oidcErrorOf(err, 'device-code', this.issuer);
    const google = /^https:\/\/accounts\.google\.com\/?$/.test(this.issuer);
    if (google && e.code === 'oauth-error' && e.params.error === 'invalid_scope' && scopes.includes('https://mail.google.com/')) {
      return new OidcError('device-scope-refused', { error: e.params.error });
    }
    return e;
  }

  /**
   * A new access token from a refresh token; the provider may rotate the refresh token. No scope is sent
   * unless `narrowTo` is given: the grant's own scopes come back, and providers differ in which subsets
   * (offline_access, openid) they accept on a refresh.
   */
  async refresh(refreshToken: string, scopes: readonly string[], narrowTo?: readonly string[]): Promise<OidcTokens> {
    try {
      const tokens = await client.refreshTokenGrant(this.config, refreshToken, narrowTo?.length ? { scope: narrowTo.join(' ') } : undefined);
      const out = toTokens(tokens, scopes);
      return out.refreshToken ? out : { ...out, refreshToken };
    } catch (err) {
      throw oidcErrorOf(err, 'refresh', this.issuer);
    }
  }

  /** Client credentials (app-only), for providers and clients that allow it. */
  async clientCredentials(scopes: readonly string[]): Promise<OidcTokens> {
    try {
      return toTokens(await client.clientCredentialsGrant(this.config, scopes.length ? { scope: scopes.join(' ') } : undefined), scopes);
    } catch (err) {
      throw oidcErrorOf(err, 'client-credentials', this.issuer);
    }
  }
}

function toTokens(t: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers, requested: readonly string[]): OidcTokens {
  const claims = t.id_token ? t.claims() : undefined;
  const username = typeof claims?.email === 'string' ? claims.email : typeof claims?.preferred_username === 'string' ? claims.preferred_username : undefined;
  const expiresIn = t.expiresIn();
  return {
    accessToken: t.access_token,
    ...(t.refresh_token ? { refreshToken: t.refresh_token } : {}),
    ...(t.id_token ? { idToken: t.id_token } : {}),
    scopes: t.scope ? t.scope.split(' ').filter(Boolean) : [...requested],
    expiresOn: expiresIn === undefined ? null : new Date(Date.now() + expiresIn * 1000),
    ...(username ? { username } : {}),
  };
}
