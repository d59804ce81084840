// The "Accounts" view in the Mail OAuth sidebar: each signed-in account expands to its token per
// protocol (IMAP, POP, SMTP) with expiry (relative, kept current), audience, scopes or roles and the
// problems found by the token checks; plus the app-only (client credentials) token when there is one.
// Empty, the view shows its welcome content (Sign in to Microsoft, set the client ID).
import * as vscode from 'vscode';
import type { AccountInfo } from '@azure/msal-node';
import { AccountToken, MailAuthenticationProvider } from '../auth/authProvider';
import { MAIL_PROTOCOLS, MailProtocolScope, protocolLabel, protocolScopes } from '../auth/scopes';
import { InteractionRequired } from '../auth/mailAuthClient';
import { checkToken, MailProtocol } from '../core/token/checks';
import { inspectToken } from '../core/token/inspect';
import { formatDate, formatRelative, isoTime } from '../core/token/time';

export const ACCOUNTS_VIEW_ID = 'mailOAuth.accounts';

export type AccountsNode =
  | { kind: 'account'; account: AccountInfo }
  | { kind: 'token'; account: AccountInfo; protocol: MailProtocolScope; token: AccountToken | undefined; error?: string; needsSignIn?: boolean }
  | { kind: 'app'; clientId: string }
  | { kind: 'appToken'; clientId: string }
  | { kind: 'detail'; label: string; description?: string; icon: string; tooltip?: string; severity?: 'error' | 'warning' | 'info' };

export class AccountsView implements vscode.TreeDataProvider<AccountsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<AccountsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly timer: NodeJS.Timeout;
  /** Tokens shown, by account and protocol (memory only), so the 30 s tick re-renders without MSAL calls. */
  private readonly tokens = new Map<string, AccountToken | undefined>();
  /** Why an account's stored sign-in was refused (revoked, expired), kept like the tokens so the tick does not ask again. */
  private readonly refusals = new Map<string, string>();
  /**
   * The nodes this view handed to VS Code. Commands that hand out tokens act only on these, recognised by
   * identity: any extension can run a command with an object of the same shape, none can get these objects.
   */
  private readonly own = new WeakSet<AccountsNode>();

  constructor(private readonly provider: MailAuthenticationProvider) {
    this.disposables.push(
      this.changed,
      provider.onDidChangeAccounts(() => this.refresh()),
    );
    // Relative expiries ("in 42 min") stay current while the view is visible, without refetching tokens.
    this.timer = setInterval(() => {
      if (this.treeView?.visible !== false) this.changed.fire(undefined);
    }, 30_000);
    this.timer.unref?.();
  }

  private treeView: vscode.TreeView<AccountsNode> | undefined;

  /** Creates the tree view (the 30 s expiry tick runs only while it is visible). */
  createView(): vscode.TreeView<AccountsNode> {
    this.treeView = vscode.window.createTreeView(ACCOUNTS_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(this.treeView, this.treeView.onDidChangeVisibility((e) => e.visible && this.changed.fire(undefined)));
    return this.treeView;
  }

  dispose(): void {
    clearInterval(this.timer);
    for (const d of this.disposables) d.dispose();
  }

  /** Forgets the shown tokens and reloads them from the cache. */
  refresh(): void {
    this.tokens.clear();
    this.refusals.clear();
    this.changed.fire(undefined);
    void vscode.commands.executeCommand('setContext', 'mailOAuth.accounts.signedIn', undefined);
  }

  /** Whether a command's argument is a node this view created (a click or context menu on the view). */
  isOwnNode(node: unknown): node is AccountsNode {
    return typeof node === 'object' && node !== null && this.own.has(node as AccountsNode);
  }

  async getChildren(node?: AccountsNode): Promise<AccountsNode[]> {
    const children = await this.children(node);
    for (const c of children) this.own.add(c);
    return children;
  }

  private async children(node?: AccountsNode): Promise<AccountsNode[]> {
    if (!node) {
      const accounts = await this.provider.accounts();
      const roots: AccountsNode[] = accounts.map((account) => ({ kind: 'account', account }));
      const app = this.provider.appOnly.token;
      if (app) roots.push({ kind: 'app', clientId: app.clientId });
      void vscode.commands.executeCommand('setContext', 'mailOAuth.accounts.signedIn', roots.length > 0);
      return roots;
    }
    if (node.kind === 'account') return Promise.all(MAIL_PROTOCOLS.map((p) => this.tokenNode(node.account, p)));
    if (node.kind === 'app') return [{ kind: 'appToken', clientId: node.clientId }];
    if (node.kind === 'token') return node.token ? details(node.token.accessToken, node.account.username, node.protocol, node.token.expiresOn) : [];
    if (node.kind === 'appToken') {
      const t = this.provider.appOnly.token;
      return t ? details(t.accessToken, undefined, undefined) : [];
    }
    return [];
  }

  private async tokenNode(account: AccountInfo, protocol: MailProtocolScope): Promise<AccountsNode> {
    const key = `${account.homeAccountId} ${protocol}`;
    if (!this.tokens.has(key)) {
      try {
        this.tokens.set(key, await this.provider.tokenFor(account, protocolScopes(protocol, this.provider.outlookResource()), false, true));
      } catch (err) {
        if (!(err instanceof InteractionRequired)) return { kind: 'token', account, protocol, token: undefined, error: err instanceof Error ? err.message : String(err) };
        this.tokens.set(key, undefined);
        this.refusals.set(key, err.message);
      }
    }
    const refusal = this.refusals.get(key);
    return { kind: 'token', account, protocol, token: this.tokens.get(key), ...(refusal ? { error: refusal, needsSignIn: true } : {}) };
  }

  getTreeItem(node: AccountsNode): vscode.TreeItem {
    const now = new Date();
    switch (node.kind) {
      case 'account': {
        const item = new vscode.TreeItem(node.account.username || node.account.name || node.account.homeAccountId, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `account:${node.account.homeAccountId}`;
        item.description = node.account.name && node.account.name !== node.account.username ? node.account.name : undefined;
        item.tooltip = `${node.account.username}\n${vscode.l10n.t('Tenant {0}', node.account.tenantId)}\n${node.account.environment}`;
        item.iconPath = new vscode.ThemeIcon('account');
        item.contextValue = 'mailOAuth.account';
        return item;
      }
      case 'token': {
        const label = protocolLabel(node.protocol);
        const item = new vscode.TreeItem(label, node.token ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.id = `token:${node.account.homeAccountId}:${node.protocol}`;
        if (!node.token) {
          item.description = node.needsSignIn ? vscode.l10n.t('sign-in expired: click to sign in again') : node.error ? vscode.l10n.t('error') : vscode.l10n.t('no token: click to sign in');
          item.tooltip = node.error ?? vscode.l10n.t('No {0} token yet for {1}. Click to get one (silently if the app is already consented, else with a sign-in).', label, node.account.username);
          item.iconPath = new vscode.ThemeIcon(node.error ? 'error' : 'circle-outline');
          item.contextValue = 'mailOAuth.tokenMissing';
          item.command = { command: 'mailOAuth.accounts.getToken', title: vscode.l10n.t('Get Token'), arguments: [node] };
          return item;
        }
        const problems = problemsOf(node.token.accessToken, node.account.username, node.protocol, now, node.token.expiresOn);
        const expiry = node.token.expiresOn ? expiryText(node.token.expiresOn, now) : vscode.l10n.t('opaque token');
        item.description = problems.errors ? `${expiry} · ${problems.errors > 1 ? vscode.l10n.t('{0} problems', problems.errors) : vscode.l10n.t('1 problem')}` : expiry;
        item.tooltip = `${vscode.l10n.t('{0} access token for {1}', label, node.account.username)}\n${node.token.expiresOn ? vscode.l10n.t('Expires {0}', formatDate(node.token.expiresOn, now)) : ''}`;
        item.iconPath = new vscode.ThemeIcon(problems.errors ? 'warning' : 'key', problems.errors ? new vscode.ThemeColor('problemsWarningIcon.foreground') : undefined);
        item.contextValue = 'mailOAuth.token';
        return item;
      }
      case 'app': {
        const item = new vscode.TreeItem(vscode.l10n.t('App {0}', node.clientId), vscode.TreeItemCollapsibleState.Expanded);
        item.id = `app:${node.clientId}`;
        item.description = vscode.l10n.t('app-only (client credentials)');
        item.iconPath = new vscode.ThemeIcon('server-process');
        item.contextValue = 'mailOAuth.app';
        return item;
      }
      case 'appToken': {
        const t = this.provider.appOnly.token;
        const item = new vscode.TreeItem(vscode.l10n.t('IMAP · POP · SMTP (app-only)'), vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `appToken:${node.clientId}`;
        item.description = t?.expiresOn ? expiryText(t.expiresOn, now) : '';
        item.iconPath = new vscode.ThemeIcon('key');
        item.contextValue = 'mailOAuth.appToken';
        return item;
      }
      case 'detail': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
        item.description = node.description;
        item.tooltip = node.tooltip ?? (node.description ? `${node.label} ${node.description}` : node.label);
        const color = node.severity === 'error' ? 'problemsErrorIcon.foreground' : node.severity === 'warning' ? 'problemsWarningIcon.foreground' : undefined;
        item.iconPath = new vscode.ThemeIcon(node.icon, color ? new vscode.ThemeColor(color) : undefined);
        item.contextValue = 'mailOAuth.detail';
        return item;
      }
    }
  }
}

function expiryText(expiresOn: Date, now: Date): string {
  return expiresOn.getTime() <= now.getTime() ? vscode.l10n.t('expired {0}', formatRelative(expiresOn, now)) : vscode.l10n.t('expires {0}', formatRelative(expiresOn, now));
}

/** `localExpiresOn` is MSAL's expiry by this computer's clock: checkToken compares it with the JWT's to spot a wrong clock. */
function problemsOf(token: string, user: string, protocol: MailProtocolScope, now: Date, localExpiresOn: Date | null): { errors: number } {
  const problems = checkToken(inspectToken(token, now), { now, protocol: protocol as MailProtocol, user, ...(localExpiresOn ? { localExpiresOn } : {}) });
  return { errors: problems.filter((p) => p.severity === 'error').length };
}

/** The lines under a token: expiry, audience, scopes or roles, account, then each problem. */
function details(token: string, user: string | undefined, protocol: MailProtocolScope | undefined, localExpiresOn?: Date | null): AccountsNode[] {
  const now = new Date();
  const t = inspectToken(token, now);
  const nodes: AccountsNode[] = [];
  if (t.kind !== 'jwt' || !t.claims) {
    nodes.push({ kind: 'detail', label: vscode.l10n.t('Opaque token'), description: vscode.l10n.t('not a JWT: claims cannot be read (Outlook.com personal accounts)'), icon: 'lock' });
    return nodes;
  }
  // One time source with the parent row ("expires in 43 minutes"): MSAL's expiry when known, else the JWT's.
  const exp = localExpiresOn ?? (typeof t.claims.exp === 'number' ? new Date(t.claims.exp * 1000) : undefined);
  if (exp) nodes.push({ kind: 'detail', label: exp.getTime() <= now.getTime() ? vscode.l10n.t('Expired') : vscode.l10n.t('Expires'), description: `${formatRelative(exp, now)} (${isoTime(exp)})`, icon: 'clock' });
  nodes.push({ kind: 'detail', label: vscode.l10n.t('Audience'), description: t.audiences.join(', ') || vscode.l10n.t('(none)'), icon: 'globe' });
  if (t.scopes.length) nodes.push({ kind: 'detail', label: vscode.l10n.t('Scopes'), description: t.scopes.join(' '), icon: 'checklist' });
  if (t.roles.length) nodes.push({ kind: 'detail', label: vscode.l10n.t('Roles'), description: t.roles.join(' '), icon: 'checklist' });
  const who = String(t.claims.upn ?? t.claims.preferred_username ?? t.claims.unique_name ?? t.claims.appid ?? '');
  if (who) nodes.push({ kind: 'detail', label: vscode.l10n.t('Account'), description: who, icon: 'person' });
  const ctx = { now, ...(protocol ? { protocol: protocol as MailProtocol } : {}), ...(user ? { user } : {}), ...(localExpiresOn ? { localExpiresOn } : {}) };
  const problems = checkToken(t, ctx);
  for (const p of problems) {
    nodes.push({ kind: 'detail', label: p.message, icon: p.severity === 'error' ? 'error' : p.severity === 'warning' ? 'warning' : 'info', severity: p.severity, tooltip: p.message });
  }
  if (!problems.some((p) => p.severity === 'error')) nodes.push({ kind: 'detail', label: vscode.l10n.t('No problems found'), icon: 'pass', tooltip: vscode.l10n.t('Not expired, issued for Outlook, and carrying the protocol’s permission.') });
  return nodes;
}
