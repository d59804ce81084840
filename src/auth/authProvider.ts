// The "Microsoft (Mail OAuth)" authentication provider: VS Code sessions over MailAuthClient, one session
// per account and scope set, so that this extension and others can call
// vscode.authentication.getSession('mail-oauth-microsoft', scopes). Sign-in UI (browser or device code,
// both cancellable and timed) lives here; MSAL details live in mailAuthClient.ts.
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { AccountInfo, AuthenticationResult } from '@azure/msal-node';
import { logError, output } from '../outputChannel';
import { userSetting } from '../userSettings';
import { clockSkewProblem } from '../core/token/checks';
import { inspectToken } from '../core/token/inspect';
import { AuthFailure, CancelledError, describeFailure } from './authErrors';
import { AppOnlyTokens } from './appOnlyTokens';
import { appScopes, AuthConfig, MailProtocolScope, protocolOfScopes, protocolScopes, resolveAuthSettings, SettingProblem, SignInFlow } from './authSettings';
import { DeviceCodeInfo, InteractionRequired, MailAuthClient } from './mailAuthClient';
import { SecretStorageCachePlugin } from './secretStorageCachePlugin';

export const PROVIDER_ID = 'mail-oauth-microsoft';
export const PROVIDER_LABEL = 'Microsoft (Mail OAuth)';
const SUCCESS_PAGE = page('You are signed in', 'Mail OAuth Debugger has your token. You can close this tab and return to VS Code.');
const ERROR_PAGE = page('Sign-in did not complete', 'Return to VS Code: it shows what the identity platform answered and what to change.');

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
  /** Client credentials (app-only) tokens, for the scope https://outlook.office365.com/.default. */
  readonly appOnly: AppOnlyTokens;

  constructor(private readonly context: vscode.ExtensionContext) {
    this.appOnly = new AppOnlyTokens(context.secrets, () => {
      const s = this.settings();
      if ('problem' in s) throw new AuthFailure(s.problem.message, s.problem.message, []);
      return { config: s.config, extraCaPem: readExtraCas() };
    });
    this.disposables.push(
      this.appOnly,
      this.appOnly.onDidChange(() => this.accountsChanged.fire()),
      this.sessionsChanged,
      this.accountsChanged,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('mailOAuth.auth')) {
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
    const c = vscode.workspace.getConfiguration('mailOAuth.auth');
    // Where sign-in happens (cloud, authority) never comes from a workspace; the app (client ID, tenant) may,
    // in a trusted workspace only (restrictedConfigurations in package.json).
    const r = resolveAuthSettings({ clientId: c.get('clientId'), tenant: c.get('tenant'), cloud: userSetting('mailOAuth.auth', 'cloud'), authority: userSetting('mailOAuth.auth', 'authority') });
    return r.ok ? { config: r.config } : { problem: r.problem };
  }

  /** The MSAL client for the current settings; throws an AuthFailure naming the setting to fix. */
  getClient(): MailAuthClient {
    const s = this.settings();
    if ('problem' in s) throw new AuthFailure(s.problem.message, s.problem.message, []);
    const key = JSON.stringify(s.config) + JSON.stringify(extraCaSetting()) + String(vscode.workspace.getConfiguration('mailOAuth.auth').get('networkTimeoutSeconds'));
    if (this.client && key === this.clientKey) return this.client;
    this.resetClient();
    this.plugin = new SecretStorageCachePlugin(this.context.secrets, `mailOAuth.msalCache.${s.config.clientId}`);
    this.plugin.onDidChangeExternally(() => void this.onExternalChange());
    const networkTimeoutMs = Math.max(1, vscode.workspace.getConfiguration('mailOAuth.auth').get<number>('networkTimeoutSeconds', 30)) * 1000;
    this.client = new MailAuthClient({ config: s.config, cachePlugin: this.plugin, extraCaPem: readExtraCas(), networkTimeoutMs, log: (line) => output().debug(`MSAL: ${line}`) });
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
    output().info('The token cache was changed in another window; reloading accounts.');
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
      const again = 'Sign In Again';
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
        if (username && !account) throw new Error(`${username} is not signed in any more: sign in again, or choose another account.`);
        if (!account && accounts.length > 1) throw new Error('Choose one of the signed-in accounts.');
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
        void this.showFailure(err, false);
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
    if (account) output().info(`Signed out ${account.username}.`);
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

  // ------------------------------------------------------------------ sign-in UI

  /** Signs in interactively with the configured flow (device code as the fallback); shows explained errors. */
  async signIn(request: SignInRequest): Promise<AccountToken> {
    let client: MailAuthClient;
    try {
      client = this.getClient();
    } catch (err) {
      void this.showFailure(err, true);
      throw err;
    }
    const cfg = vscode.workspace.getConfiguration('mailOAuth.auth');
    const timeoutMs = Math.max(30, cfg.get<number>('timeoutSeconds', 300)) * 1000;
    const flow = request.flow && request.flow !== 'auto' ? request.flow : this.defaultFlow();
    const protocol = protocolOfScopes(request.scopes);
    const what = protocol ? ` for ${protocolLabel(protocol)}` : '';
    output().info(`Signing in${what} (${flow === 'deviceCode' ? 'device code' : 'browser, authorization code + PKCE'}) at ${client.config.authority}.`);
    try {
      const result = flow === 'deviceCode' ? await this.deviceCodeFlow(client, request, timeoutMs, what) : await this.browserFlow(client, request, timeoutMs, what);
      output().info(`Signed in as ${result.account?.username ?? 'unknown'}${what}.`);
      this.checkClock(result);
      this.accountsChanged.fire();
      return toAccountToken(result, request.scopes);
    } catch (err) {
      const failure = err instanceof AuthFailure ? err : new AuthFailure(String(err), String(err), []);
      if (flow === 'authorizationCode' && !failure.cancelled && failure.findings.length === 0 && !request.flow) {
        // The loopback redirect could not work (port blocked, browser on another machine): offer the device code.
        const pick = await vscode.window.showWarningMessage(`${failure.message} Sign in with a device code instead?`, 'Use Device Code');
        if (pick === 'Use Device Code') return this.signIn({ ...request, flow: 'deviceCode' });
      } else if (failure.cancelled && failure.detail === 'timeout' && flow === 'authorizationCode') {
        const pick = await vscode.window.showWarningMessage(failure.message, 'Use Device Code');
        if (pick === 'Use Device Code') return this.signIn({ ...request, flow: 'deviceCode' });
      } else if (!failure.cancelled || failure.detail === 'timeout') {
        // A device code nobody entered in time ends with a message too, not silently.
        void this.showFailure(failure, false);
      }
      throw failure;
    }
  }

  private defaultFlow(): 'authorizationCode' | 'deviceCode' {
    const setting = vscode.workspace.getConfiguration('mailOAuth.auth').get<SignInFlow>('signInFlow', 'auto');
    if (setting === 'authorizationCode' || setting === 'deviceCode') return setting;
    // A loopback redirect needs the browser on the machine where the extension runs.
    return vscode.env.remoteName || vscode.env.uiKind === vscode.UIKind.Web ? 'deviceCode' : 'authorizationCode';
  }

  private browserFlow(client: MailAuthClient, request: SignInRequest, timeoutMs: number, what: string): Promise<AuthenticationResult> {
    return Promise.resolve(
      vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Signing in to Microsoft${what}: complete the sign-in in your browser…`, cancellable: true },
        async (_progress, token) => {
          const controller = new AbortController();
          token.onCancellationRequested(() => controller.abort());
          return client.signInWithBrowser(request.scopes, {
            signal: controller.signal,
            timeoutMs,
            successPage: SUCCESS_PAGE,
            errorPage: ERROR_PAGE,
            openBrowser: async (url) => {
              const opened = await vscode.env.openExternal(vscode.Uri.parse(url, true));
              if (!opened) throw new AuthFailure('The browser was not opened, so sign-in cannot continue. Try again, or sign in with a device code.', 'browser not opened', []);
            },
          });
        },
      ),
    );
  }

  private deviceCodeFlow(client: MailAuthClient, request: SignInRequest, timeoutMs: number, what: string): Promise<AuthenticationResult> {
    return Promise.resolve(
      vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Signing in to Microsoft${what} with a device code`, cancellable: true },
        async (progress, token) => {
          const controller = new AbortController();
          token.onCancellationRequested(() => controller.abort());
          progress.report({ message: 'asking for a code…' });
          // The code's notification outlives the flow (VS Code cannot close it): its buttons then say how it ended.
          const flow: DeviceCodeFlowState = {};
          try {
            const result = await client.signInWithDeviceCode(request.scopes, {
              signal: controller.signal,
              timeoutMs,
              onCode: (info) => {
                progress.report({ message: `enter the code ${info.userCode} at ${info.verificationUri} (waiting…)` });
                void this.showDeviceCode(info, controller, flow);
              },
            });
            flow.ended = `the sign-in${result.account ? ` as ${result.account.username}` : ''} has completed`;
            return result;
          } catch (e) {
            flow.ended = controller.signal.aborted ? 'the sign-in was cancelled' : 'the sign-in with it has ended';
            throw e;
          }
        },
      ),
    );
  }

  private async showDeviceCode(info: DeviceCodeInfo, controller: AbortController, flow: DeviceCodeFlowState): Promise<void> {
    const copyOpen = 'Copy Code & Open Page';
    const pick = await vscode.window.showInformationMessage(`To sign in, open ${info.verificationUri} and enter the code ${info.userCode}.`, copyOpen, 'Cancel Sign-In');
    if (pick && flow.ended) {
      // A button of a notification left from a finished flow: a dead code is not copied, nothing is cancelled.
      void vscode.window.showInformationMessage(`The code ${info.userCode} is no longer needed: ${flow.ended}.`);
    } else if (pick === copyOpen) {
      await vscode.env.clipboard.writeText(info.userCode);
      await vscode.env.openExternal(vscode.Uri.parse(info.verificationUri, true));
    } else if (pick === 'Cancel Sign-In') {
      controller.abort();
    }
  }

  /** Shows a failure with its explanation; details (the server's words, cause, fix, docs) go to the output channel. */
  async showFailure(err: unknown, settingsProblem: boolean): Promise<void> {
    const failure = err instanceof AuthFailure ? err : new AuthFailure(String(err), String(err), []);
    output().error(describeFailure(failure));
    const actions = settingsProblem ? ['Open Settings'] : ['Show Details', 'Open Settings'];
    const pick = await vscode.window.showErrorMessage(failure.message, ...actions);
    if (pick === 'Open Settings') await vscode.commands.executeCommand('workbench.action.openSettings', 'mailOAuth.auth');
    else if (pick === 'Show Details') output().show(true);
  }
}

/** How a device-code flow ended, for the buttons of its notification (empty while it runs). */
interface DeviceCodeFlowState {
  ended?: string;
}

export function protocolLabel(p: MailProtocolScope): string {
  return p === 'imap' ? 'IMAP' : p === 'pop3' ? 'POP' : 'SMTP';
}

function toAccountToken(r: AuthenticationResult, scopes: string[]): AccountToken {
  if (!r.account) throw new AuthFailure('The identity platform returned a token without an account.', 'no account', []);
  return { account: r.account, scopes, accessToken: r.accessToken, expiresOn: r.expiresOn };
}

function toSession(t: AccountToken, scopes: readonly string[]): vscode.AuthenticationSession {
  const key = [...scopes].map((s) => s.toLowerCase()).sort().join(' ');
  return { id: `${t.account.homeAccountId} ${key}`, accessToken: t.accessToken, account: { id: t.account.homeAccountId, label: t.account.username }, scopes: [...scopes] };
}

function extraCaSetting(): string[] {
  const files = userSetting<unknown>('mailOAuth.auth', 'extraCaCertificates');
  return Array.isArray(files) ? files.filter((f): f is string => typeof f === 'string') : [];
}

/** PEM text of the files named in mailOAuth.auth.extraCaCertificates (unreadable files are reported). */
function readExtraCas(): string[] {
  const pems: string[] = [];
  for (const file of extraCaSetting()) {
    try {
      pems.push(fs.readFileSync(file, 'utf8'));
    } catch (err) {
      void vscode.window.showWarningMessage(`mailOAuth.auth.extraCaCertificates: cannot read ${file} (${(err as Error).message}).`);
    }
  }
  return pems;
}

function page(title: string, text: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title} — Mail OAuth Debugger</title><style>body{font-family:system-ui,sans-serif;margin:15vh auto;max-width:34em;text-align:center;color:#333}h1{font-weight:500}</style></head><body><h1>${title}</h1><p>${text}</p></body></html>`;
}
