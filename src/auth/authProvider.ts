// The "Microsoft (Mail OAuth)" authentication provider: VS Code sessions over MailAuthClient, one session
// per account and scope set, so that this extension and others can call
// vscode.authentication.getSession(PROVIDER_ID, scopes). It stays thin: the interactive flows (browser,
// device code) are objects in signInFlows.ts tried in order, MSAL details live in mailAuthClient.ts.
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { AccountInfo, AuthenticationResult } from '@azure/msal-node';
import { logError, output } from '../outputChannel';
import { AUTH_SECTION, authSettings, openSettings } from '../settings';
import { clockSkewProblem } from '../core/token/checks';
import { inspectToken } from '../core/token/inspect';
import { asAuthFailure, authFailure, AuthFailure, CancelledError, describeFailure } from './authErrors';
import { AppOnlyTokens } from './appOnlyTokens';
import { AuthConfig, resolveAuthSettings, SettingProblem, SignInFlow } from './authConfig';
import { InteractionRequired, MailAuthClient } from './mailAuthClient';
import { appScopes, protocolLabel, protocolOfScopes, protocolScopes } from './scopes';
import { SecretStorageCachePlugin } from './secretStorageCachePlugin';
import { extensionHostKind, signInFlows } from './signInFlows';

/** The provider's ID: for vscode.authentication, the console and package.json's onAuthenticationRequest. */
export const PROVIDER_ID = 'mail-oauth-microsoft';

/** The provider's name in VS Code's Accounts menu. */
export function providerLabel(): string {
  return vscode.l10n.t('Microsoft (Mail OAuth)');
}

export interface SignInRequest {
  scopes: string[];
  /** Overrides the mailOAuth.auth.signInFlow setting. */
  flow?: SignInFlow;
  loginHint?: string;
}

/** A token the provider handed out, with the account it belongs to (for the sidebar and Encode XOAUTH2). */
export interface AccountToken {
  account: AccountInfo;
  scopes: string[];
  accessToken: string;
  expiresOn: Date | null;
}

export class MailAuthenticationProvider implements vscode.AuthenticationProvider, vscode.Disposable {
  private readonly sessionsChanged = new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>();
  readonly onDidChangeSessions = this.sessionsChanged.event;
  private readonly accountsChanged = new vscode.EventEmitter<void>();
  /** Fires when accounts or their tokens changed (sign-in, sign-out, refresh, another window). */
  readonly onDidChangeAccounts = this.accountsChanged.event;
  private client: MailAuthClient | undefined;
  private plugin: SecretStorageCachePlugin | undefined;
  private clientKey = '';
  private readonly disposables: vscode.Disposable[] = [];
  /** Sessions handed out, by id: to tell VS Code which ones were added or removed. */
  private readonly known = new Map<string, vscode.AuthenticationSession>();
  /** Whether this window has warned about a skewed clock already. */
  private clockWarned = false;
  /** Failures shown to the person already (with their explanation, or with an offer of another flow). */
  private readonly shown = new WeakSet<AuthFailure>();
  /** Client credentials (app-only) tokens, for the scope https://outlook.office365.com/.default. */
  readonly appOnly: AppOnlyTokens;

  constructor(private readonly context: vscode.ExtensionContext) {
    this.appOnly = new AppOnlyTokens(context.secrets, () => {
      const s = this.settings();
      if ('problem' in s) throw settingFailure(s.problem);
      return { config: s.config, extraCaPem: readExtraCas(authSettings().extraCaCertificates) };
    });
    this.disposables.push(
      this.appOnly,
      this.appOnly.onDidChange(() => this.accountsChanged.fire()),
      this.sessionsChanged,
      this.accountsChanged,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(AUTH_SECTION)) {
          this.resetClient();
          this.accountsChanged.fire();
        }
      }),
    );
  }

  dispose(): void {
    this.resetClient();
    for (const d of this.disposables) d.dispose();
  }

  // ------------------------------------------------------------------ configuration

  /** The checked settings, or the problem with them. */
  settings(): { config: AuthConfig } | { problem: SettingProblem } {
    const r = resolveAuthSettings(authSettings());
    return r.ok ? { config: r.config } : { problem: r.problem };
  }

  /** The MSAL client for the current settings; throws an AuthFailure naming the setting to fix. */
  getClient(): MailAuthClient {
    const s = this.settings();
    if ('problem' in s) throw settingFailure(s.problem);
    const { extraCaCertificates, networkTimeoutMs } = authSettings();
    const key = JSON.stringify([s.config, extraCaCertificates, networkTimeoutMs]);
    if (this.client && key === this.clientKey) return this.client;
    this.resetClient();
    this.plugin = new SecretStorageCachePlugin(this.context.secrets, `mailOAuth.msalCache.${s.config.clientId}`);
    this.plugin.onDidChangeExternally(() => void this.onExternalChange());
    const extraCaPem = readExtraCas(extraCaCertificates);
    this.client = new MailAuthClient({ config: s.config, cachePlugin: this.plugin, extraCaPem, networkTimeoutMs, log: (line) => output().debug(`MSAL: ${line}`) });
    this.clientKey = key;
    return this.client;
  }

  private resetClient(): void {
    this.plugin?.dispose();
    this.plugin = undefined;
    this.client = undefined;
    this.clientKey = '';
  }

  /** Another window signed in or out: tell VS Code and the sidebar. */
  private async onExternalChange(): Promise<void> {
    output().info(vscode.l10n.t('The token cache was changed in another window; reloading accounts.'));
    const before = new Set((await this.accounts()).map((a) => a.homeAccountId));
    this.accountsChanged.fire();
    const after = await this.accounts();
    const removed = [...this.known.values()].filter((s) => !after.some((a) => a.homeAccountId === s.account.id));
    for (const s of removed) this.known.delete(s.id);
    const added = after.filter((a) => !before.has(a.homeAccountId));
    if (removed.length || added.length) this.sessionsChanged.fire({ added: [], removed, changed: [] });
  }

  // ------------------------------------------------------------------ accounts and tokens

  async accounts(): Promise<AccountInfo[]> {
    try {
      return await this.getClient().getAccounts();
    } catch {
      return [];
    }
  }

  /** A token for the account from the cache or renewed silently; undefined when the user must sign in. */
  async tokenFor(account: AccountInfo, scopes: string[], forceRefresh = false, rethrowRefused: boolean | 'any' = false): Promise<AccountToken | undefined> {
    try {
      const r = await this.getClient().acquireSilent(account, scopes, forceRefresh);
      if (forceRefresh) this.accountsChanged.fire();
      this.checkClock(r);
      return toAccountToken(r, scopes);
    } catch (err) {
      if (err instanceof InteractionRequired && rethrowRefused !== 'any' && (!err.refused || !rethrowRefused)) return undefined;
      throw err;
    }
  }

  /**
   * The account's token, silently if the stored sign-in still works; else a new sign-in. When the identity
   * platform refused the stored refresh token (revoked, expired), the user is told why before signing in again.
   * A refresh the user asked for (forceRefresh) never turns into a sign-in unasked, whatever stopped it.
   */
  async tokenOrSignIn(account: AccountInfo, scopes: string[], forceRefresh = false): Promise<AccountToken> {
    try {
      const t = await this.tokenFor(account, scopes, forceRefresh, forceRefresh ? 'any' : true);
      if (t) return t;
    } catch (err) {
      if (!(err instanceof InteractionRequired)) throw err;
      output().warn(describeFailure(err));
      const again = vscode.l10n.t('Sign In Again');
      if ((await vscode.window.showWarningMessage(err.message, again)) !== again) throw new CancelledError();
    }
    return this.signIn({ scopes, loginHint: account.username });
  }

  /** The accounts as the protocol console uses them: in-process, so without VS Code's "Allow" prompt. */
  consoleAccounts(): { usernames(): Promise<string[]>; token(username: string, scopes: string[]): Promise<string> } {
    return {
      usernames: async () => (await this.accounts()).map((a) => a.username),
      token: async (username, scopes) => {
        if (this.isAppOnly(scopes)) return (this.appOnly.token ?? (await this.appOnly.acquire())).accessToken;
        const accounts = await this.accounts();
        const account = username ? accounts.find((a) => a.username.toLowerCase() === username.toLowerCase()) : accounts.length === 1 ? accounts[0] : undefined;
        if (username && !account) throw authFailure('accountGone', { user: username });
        if (!account && accounts.length > 1) throw authFailure('chooseAccount', {});
        return (account ? await this.tokenOrSignIn(account, scopes) : await this.signIn({ scopes })).accessToken;
      },
    };
  }

  /**
   * A token that just arrived whose times disagree with this computer's clock: say so, with what to check. A
   * skew that leaves the token usable is said once per window; one that makes it look invalid, every time.
   */
  private checkClock(r: AuthenticationResult): void {
    if (r.fromCache) return;
    const problem = clockSkewProblem(inspectToken(r.accessToken), { now: new Date(), ...(r.expiresOn ? { localExpiresOn: r.expiresOn } : {}) });
    if (!problem || (problem.severity !== 'error' && this.clockWarned)) return;
    this.clockWarned = true;
    output().warn(problem.message);
    void vscode.window.showWarningMessage(problem.message);
  }

  // ------------------------------------------------------------------ vscode.AuthenticationProvider

  /** True for the app-only scope (https://outlook.office365.com/.default): client credentials, no user. */
  isAppOnly(scopes: readonly string[] | undefined): boolean {
    if (!scopes || scopes.length !== 1) return false;
    const s = this.settings();
    const resource = 'config' in s ? s.config.appResource : 'https://outlook.office365.com';
    return scopes[0]!.toLowerCase() === appScopes(resource)[0]!.toLowerCase();
  }

  private async appSession(create: boolean): Promise<vscode.AuthenticationSession | undefined> {
    const credential = await this.appOnly.credential().catch(() => undefined);
    if (!credential && !create) return undefined;
    const t = await this.appOnly.acquire();
    return this.remember({ id: `app:${t.clientId}`, accessToken: t.accessToken, account: { id: `app:${t.clientId}`, label: `App ${t.clientId}` }, scopes: t.scopes });
  }

  async getSessions(scopes?: readonly string[], options?: vscode.AuthenticationProviderSessionOptions): Promise<vscode.AuthenticationSession[]> {
    if (this.isAppOnly(scopes)) {
      const session = await this.appSession(false).catch((err) => void logError('App-only token', err instanceof AuthFailure ? err.message : err));
      return session ? [session] : [];
    }
    const wanted = scopes && scopes.length > 0 ? [...scopes] : protocolScopes('imap', this.outlookResource());
    let accounts = await this.accounts();
    // Callers may name the account by its id or only by its label (the user name).
    const wantedAccount = options?.account;
    if (wantedAccount) accounts = accounts.filter((a) => a.homeAccountId === wantedAccount.id || a.username.toLowerCase() === wantedAccount.label.toLowerCase());
    const sessions: vscode.AuthenticationSession[] = [];
    for (const account of accounts) {
      try {
        const t = await this.tokenFor(account, wanted);
        if (t) sessions.push(this.remember(toSession(t, wanted)));
      } catch (err) {
        logError(`Silent token for ${account.username}`, err instanceof AuthFailure ? err.message : err);
      }
    }
    return sessions;
  }

  async createSession(scopes: readonly string[], options?: vscode.AuthenticationProviderSessionOptions): Promise<vscode.AuthenticationSession> {
    if (this.isAppOnly(scopes)) {
      try {
        const session = (await this.appSession(true))!;
        this.sessionsChanged.fire({ added: [session], removed: [], changed: [] });
        return session;
      } catch (err) {
        void this.showFailure(err);
        throw err;
      }
    }
    const request: SignInRequest = { scopes: scopes.length ? [...scopes] : protocolScopes('imap', this.outlookResource()) };
    if (options?.account?.label) request.loginHint = options.account.label;
    const t = await this.signIn(request);
    const session = this.remember(toSession(t, request.scopes));
    this.sessionsChanged.fire({ added: [session], removed: [], changed: [] });
    return session;
  }

  async removeSession(sessionId: string): Promise<void> {
    if (sessionId.startsWith('app:')) {
      const session = this.known.get(sessionId);
      this.known.delete(sessionId);
      this.appOnly.forget();
      if (session) this.sessionsChanged.fire({ added: [], removed: [session], changed: [] });
      return;
    }
    const homeAccountId = sessionId.split(' ')[0] ?? '';
    await this.signOut(homeAccountId);
  }

  /** Removes the account from the cache (and SecretStorage); every session of it goes. */
  async signOut(homeAccountId: string): Promise<boolean> {
    const client = this.getClient();
    const account = await client.getAccount(homeAccountId);
    const removed = [...this.known.values()].filter((s) => s.account.id === homeAccountId);
    for (const s of removed) this.known.delete(s.id);
    if (account) await client.removeAccount(account);
    if (removed.length) this.sessionsChanged.fire({ added: [], removed, changed: [] });
    this.accountsChanged.fire();
    if (account) output().info(vscode.l10n.t('Signed out {0}.', account.username));
    return !!account;
  }

  private remember(session: vscode.AuthenticationSession): vscode.AuthenticationSession {
    this.known.set(session.id, session);
    return session;
  }

  outlookResource(): string {
    const s = this.settings();
    return 'config' in s ? s.config.outlookResource : 'https://outlook.office.com';
  }

  // ------------------------------------------------------------------ sign-in

  /**
   * Signs in interactively: the flows of signInFlows.ts in order; when one fails without an explanation (the
   * loopback could not work) or runs out of time, the next is offered. Failures are shown explained.
   */
  async signIn(request: SignInRequest): Promise<AccountToken> {
    let client: MailAuthClient;
    try {
      client = this.getClient();
    } catch (err) {
      void this.showFailure(err);
      throw err;
    }
    const settings = authSettings();
    const flows = signInFlows({ host: extensionHostKind(), setting: settings.signInFlow, ...(request.flow ? { requested: request.flow } : {}) });
    const scopesOf = protocolOfScopes(request.scopes);
    const protocol = scopesOf ? protocolLabel(scopesOf) : undefined;
    for (let i = 0; i < flows.length; i++) {
      const flow = flows[i]!;
      output().info(
        protocol ? vscode.l10n.t('Signing in for {0} ({1}) at {2}.', protocol, flow.label, client.config.authority) : vscode.l10n.t('Signing in ({0}) at {1}.', flow.label, client.config.authority),
      );
      try {
        const result = await flow.trigger({ client, scopes: request.scopes, timeoutMs: settings.interactiveTimeoutMs, protocol });
        const user = result.account?.username ?? '?';
        output().info(protocol ? vscode.l10n.t('Signed in as {0} for {1}.', user, protocol) : vscode.l10n.t('Signed in as {0}.', user));
        this.checkClock(result);
        this.accountsChanged.fire();
        return toAccountToken(result, request.scopes);
      } catch (err) {
        const failure = asAuthFailure(err);
        const offer = flows[i + 1]?.offer;
        // No explanation means the flow could not work here (a blocked port, the browser on another machine).
        if (offer && (failure.code === 'timedOut' || (!failure.cancelled && failure.findings.length === 0))) {
          this.shown.add(failure);
          const question = failure.code === 'timedOut' ? failure.message : offer.question(failure.message);
          if ((await vscode.window.showWarningMessage(question, offer.button)) === offer.button) continue;
        } else if (!failure.cancelled || failure.code === 'timedOut') {
          // A device code nobody entered in time ends with a message too, not silently.
          void this.showFailure(failure);
        }
        throw failure;
      }
    }
    throw new CancelledError(); // no flow to try: signInFlows always returns one
  }

  /** Whether a failure was shown to the person already (so a command does not show it twice). */
  wasShown(err: unknown): boolean {
    return err instanceof AuthFailure && this.shown.has(err);
  }

  /** Shows a failure with its explanation; details (the server's words, cause, fix, docs) go to the output channel. */
  async showFailure(err: unknown): Promise<void> {
    const failure = asAuthFailure(err);
    this.shown.add(failure);
    output().error(describeFailure(failure));
    const openSettingsAction = vscode.l10n.t('Open Settings');
    const details = vscode.l10n.t('Show Details');
    // A wrong setting says all there is to say; other failures have the server's words in the details.
    const actions = failure.code === 'setting' ? [openSettingsAction] : [details, openSettingsAction];
    const pick = await vscode.window.showErrorMessage(failure.message, ...actions);
    if (pick === openSettingsAction) await openSettings();
    else if (pick === details) output().show(true);
  }
}

function settingFailure(problem: SettingProblem): AuthFailure {
  return authFailure('setting', { setting: problem.setting, text: problem.message });
}

function toAccountToken(r: AuthenticationResult, scopes: string[]): AccountToken {
  if (!r.account) throw authFailure('noAccount', {}, 'no account');
  return { account: r.account, scopes, accessToken: r.accessToken, expiresOn: r.expiresOn };
}

function toSession(t: AccountToken, scopes: readonly string[]): vscode.AuthenticationSession {
  const key = [...scopes]
    .map((s) => s.toLowerCase())
    .sort()
    .join(' ');
  return { id: `${t.account.homeAccountId} ${key}`, accessToken: t.accessToken, account: { id: t.account.homeAccountId, label: t.account.username }, scopes: [...scopes] };
}

/** PEM text of the files named in mailOAuth.auth.extraCaCertificates (unreadable files are reported). */
export function readExtraCas(files: readonly string[]): string[] {
  const pems: string[] = [];
  for (const file of files) {
    try {
      pems.push(fs.readFileSync(file, 'utf8'));
    } catch (err) {
      void vscode.window.showWarningMessage(vscode.l10n.t('mailOAuth.auth.extraCaCertificates: cannot read {0} ({1}).', file, (err as Error).message));
    }
  }
  return pems;
}
