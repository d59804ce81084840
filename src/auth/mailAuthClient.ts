// MSAL Node behind one small API: the accounts in the cache, silent acquisition (and refresh), sign-in with
// the authorization code + PKCE through a loopback redirect or with a device code, sign-out. Every
// interactive flow can be cancelled (AbortSignal) and times out. No vscode import: tested in plain Node.
import { AccountInfo, AuthenticationResult, ICachePlugin, InteractionRequiredAuthError, LogLevel, PublicClientApplication } from '@azure/msal-node';
import { authFailure, AuthFailure, AuthStage, CancelledError, explainedHead, FailureContext, toAuthFailure } from './authErrors';
import type { AuthConfig } from './authConfig';
import { checkScopes } from './scopes';
import { MsalNetworkClient, OAuthErrorReply } from './networkClient';

export interface MailAuthClientOptions {
  config: AuthConfig;
  cachePlugin: ICachePlugin;
  extraCaPem?: string[];
  networkTimeoutMs?: number;
  /** MSAL's log lines without personal data (MSAL's piiLoggingEnabled stays false). */
  log?: (line: string) => void;
}

export interface BrowserSignInOptions {
  /** Opens the authorization URL in the user's browser (vscode.env.openExternal in the extension). */
  openBrowser(url: string): Promise<void>;
  signal?: AbortSignal;
  timeoutMs: number;
  successPage?: string;
  errorPage?: string;
}

export interface DeviceCodeInfo {
  userCode: string;
  verificationUri: string;
  message: string;
  expiresInSeconds: number;
}

export interface DeviceCodeSignInOptions {
  onCode(info: DeviceCodeInfo): void;
  signal?: AbortSignal;
  timeoutMs: number;
}

export class MailAuthClient {
  readonly app: PublicClientApplication;
  private lastReply: OAuthErrorReply | undefined;
  private lastNetworkFailure: string | undefined;
  private readonly network: MsalNetworkClient;

  constructor(readonly options: MailAuthClientOptions) {
    const { config } = options;
    this.network = new MsalNetworkClient({
      ...(options.extraCaPem ? { extraCaPem: options.extraCaPem } : {}),
      ...(options.networkTimeoutMs ? { timeoutMs: options.networkTimeoutMs } : {}),
      onErrorReply: (reply) => (this.lastReply = reply),
      onNetworkFailure: (message) => (this.lastNetworkFailure = message),
    });
    this.app = new PublicClientApplication({
      auth: { clientId: config.clientId, authority: config.authority, ...(config.knownAuthorities.length ? { knownAuthorities: config.knownAuthorities } : {}) },
      cache: { cachePlugin: options.cachePlugin },
      system: {
        networkClient: this.network,
        loggerOptions: {
          piiLoggingEnabled: false,
          logLevel: LogLevel.Warning,
          loggerCallback: (_level, message, containsPii) => {
            if (!containsPii) options.log?.(message);
          },
        },
      },
    });
  }

  get config(): AuthConfig {
    return this.options.config;
  }

  async getAccounts(): Promise<AccountInfo[]> {
    return this.app.getTokenCache().getAllAccounts();
  }

  async getAccount(homeAccountId: string): Promise<AccountInfo | undefined> {
    return (await this.getAccounts()).find((a) => a.homeAccountId === homeAccountId);
  }

  /**
   * A token from the cache, or renewed with the refresh token when it expires within 5 minutes (or when
   * forceRefresh). Rejects with an AuthFailure whose `interactionRequired` is true when the user must sign in.
   */
  async acquireSilent(account: AccountInfo, scopes: string[], forceRefresh = false): Promise<AuthenticationResult> {
    this.checkScopes(scopes);
    this.resetLastErrors();
    try {
      return await this.app.acquireTokenSilent({ account, scopes, forceRefresh });
    } catch (err) {
      const failure = this.failure(err, 'renewal');
      // MSAL's and the OAuth reply's error codes (protocol words, never text of ours) say a person must sign in.
      if (err instanceof InteractionRequiredAuthError || /no_tokens_found|interaction_required|invalid_grant|consent_required|login_required/.test(failure.detail)) {
        throw new InteractionRequired(failure, account.username);
      }
      throw failure;
    }
  }

  /** Authorization code + PKCE: MSAL listens on http://localhost:<port>, the browser comes back with the code. */
  async signInWithBrowser(scopes: string[], options: BrowserSignInOptions): Promise<AuthenticationResult> {
    this.checkScopes(scopes);
    this.resetLastErrors();
    const abort = new FlowAbort(options.signal, options.timeoutMs, 'browser');
    let pending: { redirectUri: string; state: string } | undefined;
    // MSAL's loopback server waits for the browser forever; a cancelled or timed-out flow answers it with
    // an error itself so that MSAL stops listening and closes the port.
    abort.onAbort(() => {
      if (pending) void postLoopbackError(pending.redirectUri, pending.state, abort.reason);
    });
    const flow = this.app.acquireTokenInteractive({
      scopes,
      openBrowser: async (url) => {
        abort.throwIfAborted();
        const u = new URL(url);
        pending = { redirectUri: u.searchParams.get('redirect_uri') ?? '', state: u.searchParams.get('state') ?? '' };
        if (abort.aborted) void postLoopbackError(pending.redirectUri, pending.state, abort.reason);
        await options.openBrowser(url);
      },
      ...(options.successPage ? { successTemplate: options.successPage } : {}),
      ...(options.errorPage ? { errorTemplate: options.errorPage } : {}),
    });
    try {
      return await abort.race(flow);
    } catch (err) {
      throw abort.failure() ?? this.failure(err);
    } finally {
      abort.dispose();
      flow.catch(() => undefined);
    }
  }

  /** Device code: the user enters a code on the verification page, on this or any other device. */
  async signInWithDeviceCode(scopes: string[], options: DeviceCodeSignInOptions): Promise<AuthenticationResult> {
    this.checkScopes(scopes);
    this.resetLastErrors();
    const abort = new FlowAbort(options.signal, options.timeoutMs, 'device');
    let replyFailure: AuthFailure | undefined;
    const request = {
      scopes,
      timeout: Math.ceil(options.timeoutMs / 1000),
      cancel: false,
      deviceCodeCallback: (r: { userCode?: string; verificationUri?: string; message?: string; expiresIn?: number }) => {
        if (!r.userCode || !r.verificationUri) {
          // The device code endpoint refused (unknown client, public client flows disabled, ...).
          replyFailure = toAuthFailure(this.lastReply ?? 'The device code endpoint returned no code.', undefined, { redact: (t) => this.network.redact(t) });
          request.cancel = true;
          abort.abort('failed');
          return;
        }
        options.onCode({
          userCode: r.userCode,
          verificationUri: r.verificationUri,
          message: r.message ?? `Open ${r.verificationUri} and enter the code ${r.userCode}.`,
          expiresInSeconds: r.expiresIn ?? 900,
        });
      },
    };
    abort.onAbort(() => (request.cancel = true)); // MSAL stops polling at its next interval
    const flow = this.app.acquireTokenByDeviceCode(request);
    try {
      const result = await abort.race(flow);
      if (!result) throw authFailure('noToken', { stage: 'signIn' }, 'no token');
      return result;
    } catch (err) {
      throw replyFailure ?? abort.failure() ?? deviceCodeExpired(err, options.timeoutMs) ?? this.failure(err);
    } finally {
      abort.dispose();
      flow.catch(() => undefined);
    }
  }

  /** Removes the account and its tokens from the cache (and so from SecretStorage). */
  async removeAccount(account: AccountInfo): Promise<void> {
    await this.app.getTokenCache().removeAccount(account);
  }

  private resetLastErrors(): void {
    this.lastReply = undefined;
    this.lastNetworkFailure = undefined;
  }

  private failure(err: unknown, stage?: AuthStage): AuthFailure {
    const ctx: FailureContext = { redact: (t) => this.network.redact(t) };
    if (stage) ctx.stage = stage;
    if (this.lastNetworkFailure) ctx.networkFailure = this.lastNetworkFailure;
    return toAuthFailure(err, this.lastReply, ctx);
  }

  private checkScopes(scopes: string[]): void {
    const problem = checkScopes(scopes);
    if (problem) throw authFailure('scopes', { text: problem });
  }
}

/** The user must sign in interactively (no refresh token, or it was revoked or expired). */
export class InteractionRequired extends AuthFailure {
  /** True when the identity platform refused the stored refresh token (revoked, expired): worth telling the user. */
  readonly refused: boolean;

  constructor(
    readonly cause: AuthFailure,
    user?: string,
  ) {
    // Consent missing for another protocol's scope (AADSTS65001, e.g. POP after signing in for IMAP) is not a
    // refused sign-in: the account's sign-in still works, that protocol just needs its own consent.
    const consent = /\bAADSTS65001\b|\bconsent_required\b/.test(cause.detail);
    const refused = !consent && /\b(?:invalid_grant|interaction_required|login_required)\b/.test(cause.detail);
    const renewal = refused ? authFailure('renewalRequired', { ...(user ? { user } : {}), why: renewalReason(cause) }) : cause;
    super(renewal.code, renewal.params, renewal.message, cause.detail, cause.findings);
    this.name = 'InteractionRequired';
    this.refused = refused;
  }
}

/** Why a stored sign-in stopped working: the identity platform's sentence and the explanation's title. */
function renewalReason(cause: AuthFailure): string {
  const { head, best } = explainedHead(cause);
  return (best && best.title !== head ? `${head} (${best.title})` : head).replace(/\s+/g, ' ');
}

/** MSAL gave up polling because the device code's own lifetime (expires_in) ended before it was entered. */
function deviceCodeExpired(err: unknown, timeoutMs: number): AuthFailure | undefined {
  const code = (err as { errorCode?: unknown } | undefined)?.errorCode;
  if (code !== 'device_code_expired' && code !== 'user_timeout_reached') return undefined;
  return authFailure('deviceCodeExpired', { seconds: Math.round(timeoutMs / 1000), ended: code === 'device_code_expired' ? 'codeLifetime' : 'timeAllowed' }, String(code));
}

type AbortReason = 'cancelled' | 'timeout' | 'failed';

/** One flow's cancellation and timeout, as a promise race plus a reason. */
class FlowAbort {
  reason: AbortReason | undefined;
  private readonly callbacks: (() => void)[] = [];
  private readonly timer: NodeJS.Timeout;
  private rejectRace: ((err: unknown) => void) | undefined;
  private readonly onSignal = () => this.abort('cancelled');

  constructor(
    private readonly signal: AbortSignal | undefined,
    private readonly timeoutMs: number,
    private readonly kind: 'browser' | 'device',
  ) {
    this.timer = setTimeout(() => this.abort('timeout'), timeoutMs);
    this.timer.unref?.();
    if (signal?.aborted) this.reason = 'cancelled';
    signal?.addEventListener('abort', this.onSignal);
  }

  get aborted(): boolean {
    return this.reason !== undefined;
  }

  abort(reason: AbortReason): void {
    if (this.reason) return;
    this.reason = reason;
    for (const cb of this.callbacks) cb();
    this.rejectRace?.(new Error(reason));
  }

  onAbort(cb: () => void): void {
    this.callbacks.push(cb);
    if (this.reason) cb();
  }

  throwIfAborted(): void {
    if (this.reason) throw this.failure();
  }

  race<T>(p: Promise<T>): Promise<T> {
    if (this.reason) return Promise.reject(this.failure());
    return Promise.race([p, new Promise<never>((_, reject) => (this.rejectRace = reject))]);
  }

  failure(): AuthFailure | undefined {
    if (this.reason === 'cancelled') return new CancelledError();
    if (this.reason === 'timeout') {
      return authFailure('timedOut', { seconds: Math.round(this.timeoutMs / 1000), waitingFor: this.kind === 'browser' ? 'browser' : 'deviceCode' }, 'timeout');
    }
    return undefined;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.signal?.removeEventListener('abort', this.onSignal);
  }
}

/** Answers MSAL's loopback listener with an OAuth error so that it stops waiting. */
async function postLoopbackError(redirectUri: string, state: string, reason: AbortReason | undefined): Promise<void> {
  if (!redirectUri || !state) return;
  const http = await import('http');
  const u = new URL(redirectUri);
  const body = new URLSearchParams({ error: 'access_denied', error_description: `sign-in ${reason ?? 'cancelled'} in VS Code`, state }).toString();
  await new Promise<void>((resolve) => {
    const req = http.request(
      {
        host: u.hostname === 'localhost' ? '127.0.0.1' : u.hostname,
        port: u.port,
        path: '/',
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', resolve);
      },
    );
    req.on('error', () => resolve());
    req.setTimeout(5000, () => req.destroy());
    req.end(body);
  });
}
