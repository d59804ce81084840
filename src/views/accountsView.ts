// The "Accounts" view in the Mail OAuth sidebar: each signed-in account expands to its token per
// protocol (IMAP, POP, SMTP) with expiry (relative, kept current), audience, scopes or roles and the
// problems found by the token checks; plus the app-only (client credentials) token when there is one.
// Empty, the view shows its welcome content (Sign in to Microsoft, set the client ID). With OpenID providers
// configured (mailOAuth.oidc.providers) the accounts are grouped by provider: Microsoft first, then each
// OpenID provider by its label, each with a "Sign in to …" entry and its accounts' tokens per scope set.
import * as vscode from 'vscode';
import type { AccountInfo } from '@azure/msal-node';
import { AccountToken, MailAuthenticationProvider } from '../auth/authProvider';
import { OidcAccount, OidcAuthenticationProvider } from '../auth/oidc/oidcAuthProvider';
import type { StoredOidcSession } from '../auth/oidc/oidcSessionStore';
import type { OidcProviderConfig } from '../auth/oidc/oidcSettings';
import { MAIL_PROTOCOLS, MailProtocolScope, protocolLabel, protocolScopes } from '../auth/scopes';
import { InteractionRequired } from '../auth/mailAuthClient';
import type { Problem } from '../core/sasl/problems';
import { checkToken, MailProtocol } from '../core/token/checks';
import { inspectToken } from '../core/token/inspect';
import { formatDate, formatRelative, isoTime } from '../core/token/time';

export const ACCOUNTS_VIEW_ID = 'mailOAuth.accounts';

export type AccountsNode =
  | { kind: 'account'; account: AccountInfo }
  | { kind: 'token'; account: AccountInfo; protocol: MailProtocolScope; token: AccountToken | undefined; error?: string; needsSignIn?: boolean }
  | { kind: 'app'; clientId: string }
  | { kind: 'appToken'; clientId: string }
  | { kind: 'group'; provider: OidcProviderConfig | undefined }
  | { kind: 'signInEntry'; provider: OidcProviderConfig | undefined }
  | { kind: 'oidcAccount'; account: OidcAccount }
  | { kind: 'oidcToken'; account: OidcAccount; session: StoredOidcSession | undefined; error?: string }
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

  constructor(
    private readonly provider: MailAuthenticationProvider,
    private readonly oidc?: OidcAuthenticationProvider,
  ) {
    this.disposables.push(
      this.changed,
      provider.onDidChangeAccounts(() => this.refresh()),
    );
    if (oidc) this.disposables.push(oidc.onDidChangeAccounts(() => this.refresh()));
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
    this.disposables.push(
      this.treeView,
      this.treeView.onDidChangeVisibility((e) => e.visible && this.changed.fire(undefined)),
    );
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
      const microsoft = await this.microsoftRoots();
      const oidcProviders = this.oidc?.providers() ?? [];
      // Without OpenID providers the view stays as it was: Microsoft's accounts at the top (or the welcome).
      const roots: AccountsNode[] = oidcProviders.length ? [{ kind: 'group', provider: undefined }, ...oidcProviders.map((provider) => ({ kind: 'group' as const, provider }))] : microsoft;
      void vscode.commands.executeCommand('setContext', 'mailOAuth.accounts.signedIn', roots.length > 0);
      return roots;
    }
    if (node.kind === 'group' && !node.provider) {
      const microsoft = await this.microsoftRoots();
      // Like an OpenID provider's group, it ends with its "Sign in to …" entry (another account, another scope).
      return [...microsoft, { kind: 'signInEntry', provider: undefined }];
    }
    if (node.kind === 'group' && node.provider) {
      const accounts = (await this.oidc?.accounts(node.provider.id)) ?? [];
      return [...accounts.map((account) => ({ kind: 'oidcAccount' as const, account })), { kind: 'signInEntry', provider: node.provider }];
    }
    if (node.kind === 'oidcAccount') return Promise.all(node.account.sessions.map((s) => this.oidcTokenNode(node.account, s)));
    if (node.kind === 'oidcToken') return node.session ? oidcDetails(node.account.provider, node.session) : [];
    if (node.kind === 'account') return Promise.all(MAIL_PROTOCOLS.map((p) => this.tokenNode(node.account, p)));
    if (node.kind === 'app') return [{ kind: 'appToken', clientId: node.clientId }];
    if (node.kind === 'token') return node.token ? details(node.token.accessToken, node.account.username, node.protocol, node.token.expiresOn) : [];
    if (node.kind === 'appToken') {
      const t = this.provider.appOnly.token;
      return t ? details(t.accessToken, undefined, undefined) : [];
    }
    return [];
  }

  private async microsoftRoots(): Promise<AccountsNode[]> {
    const roots: AccountsNode[] = (await this.provider.accounts()).map((account) => ({ kind: 'account', account }));
    const app = this.provider.appOnly.token;
    if (app) roots.push({ kind: 'app', clientId: app.clientId });
    return roots;
  }

  /** The session as stored, renewed silently when it is about to expire (a refused renewal is said, and the session goes). */
  private async oidcTokenNode(account: OidcAccount, session: StoredOidcSession): Promise<AccountsNode> {
    try {
      return { kind: 'oidcToken', account, session: (await this.oidc?.fresh(session)) ?? undefined };
    } catch (err) {
      return { kind: 'oidcToken', account, session: undefined, error: err instanceof Error ? err.message : String(err) };
    }
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
      case 'group': {
        const label = node.provider ? node.provider.label : vscode.l10n.t('Microsoft');
        const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
        item.id = node.provider ? `group:oidc:${node.provider.id}` : 'group:microsoft';
        item.description = node.provider ? new URL(node.provider.issuer).host : vscode.l10n.t('Microsoft Entra ID, Outlook.com');
        item.tooltip = node.provider ? `${node.provider.label}\n${node.provider.issuer}\n${vscode.l10n.t('Client ID {0}', node.provider.clientId)}` : undefined;
        item.iconPath = new vscode.ThemeIcon(node.provider ? 'shield' : 'organization');
        item.contextValue = node.provider ? 'mailOAuth.oidcProvider' : 'mailOAuth.microsoft';
        return item;
      }
      case 'signInEntry': {
        const label = node.provider ? vscode.l10n.t('Sign in to {0}', node.provider.label) : vscode.l10n.t('Sign in to Microsoft');
        const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
        item.id = `signIn:${node.provider?.id ?? 'microsoft'}`;
        item.iconPath = new vscode.ThemeIcon('sign-in');
        item.contextValue = 'mailOAuth.signInEntry';
        item.command = node.provider ? { command: 'mailOAuth.oidc.signIn', title: label, arguments: [{ provider: node.provider.id }] } : { command: 'mailOAuth.signIn', title: label, arguments: [] };
        return item;
      }
      case 'oidcAccount': {
        const item = new vscode.TreeItem(node.account.label, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `oidcAccount:${node.account.provider.id}:${node.account.accountId}`;
        item.tooltip = `${node.account.label}\n${node.account.provider.label} (${node.account.provider.issuer})`;
        item.iconPath = new vscode.ThemeIcon('account');
        item.contextValue = 'mailOAuth.account';
        return item;
      }
      case 'oidcToken': {
        const s = node.session;
        const label = s ? scopeLabel(s.scopes) : vscode.l10n.t('token');
        const item = new vscode.TreeItem(label, s ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.id = `oidcToken:${node.account.provider.id}:${node.account.accountId}:${s?.id ?? 'gone'}`;
        if (!s) {
          item.description = node.error ? vscode.l10n.t('error') : vscode.l10n.t('sign-in expired: click to sign in again');
          item.tooltip = node.error ?? vscode.l10n.t('The token could not be renewed. Click to sign in again.');
          item.iconPath = new vscode.ThemeIcon(node.error ? 'error' : 'circle-outline');
          item.contextValue = 'mailOAuth.oidcTokenMissing';
          item.command = { command: 'mailOAuth.oidc.signIn', title: vscode.l10n.t('Sign In'), arguments: [{ provider: node.account.provider.id }] };
          return item;
        }
        const expired = s.expiresOn !== undefined && s.expiresOn <= now.getTime();
        item.description = s.expiresOn !== undefined ? expiryText(new Date(s.expiresOn), now) : vscode.l10n.t('no expiry given');
        item.tooltip = `${vscode.l10n.t('Access token of {0} at {1}', node.account.label, node.account.provider.label)}\n${vscode.l10n.t('Scopes: {0}', s.scopes.join(' '))}${s.expiresOn !== undefined ? `\n${vscode.l10n.t('Expires {0}', formatDate(new Date(s.expiresOn), now))}` : ''}`;
        item.iconPath = new vscode.ThemeIcon(expired ? 'warning' : 'key', expired ? new vscode.ThemeColor('problemsWarningIcon.foreground') : undefined);
        item.contextValue = 'mailOAuth.token';
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

/** An OpenID session's row: its mail scopes (the OpenID ones are the same for every session). */
function scopeLabel(scopes: readonly string[]): string {
  const mail = scopes.filter((x) => !['openid', 'email', 'profile', 'offline_access'].includes(x)).map((x) => x.replace(/^https:\/\//, ''));
  return mail.length ? mail.join(' ') : scopes.join(' ');
}

/**
 * The lines under an OpenID token: expiry, then what the token says of itself (claims of a JWT, or that it is
 * opaque), then the checks against the provider's settings (issuer, client, the account's user name claim).
 */
function oidcDetails(provider: OidcProviderConfig, s: StoredOidcSession): AccountsNode[] {
  const now = new Date();
  const nodes: AccountsNode[] = [];
  if (s.expiresOn !== undefined) {
    const exp = new Date(s.expiresOn);
    const expired = exp.getTime() <= now.getTime();
    nodes.push({
      kind: 'detail',
      label: expired ? vscode.l10n.t('Expired') : vscode.l10n.t('Expires'),
      description: `${formatRelative(exp, now)} (${isoTime(exp)})`,
      icon: 'clock',
      ...(expired ? { severity: 'error' as const } : {}),
    });
  }
  nodes.push({ kind: 'detail', label: vscode.l10n.t('Scopes'), description: (s.grantedScopes.length ? s.grantedScopes : s.scopes).join(' '), icon: 'checklist' });
  const t = inspectToken(s.accessToken, now);
  const jwt = t.kind === 'jwt' && t.claims !== undefined;
  if (!jwt) {
    nodes.push({
      kind: 'detail',
      label: vscode.l10n.t('Opaque token'),
      description: vscode.l10n.t('not a JWT: only the provider (or its introspection endpoint) can say what it allows'),
      icon: 'lock',
    });
  } else {
    nodes.push({ kind: 'detail', label: vscode.l10n.t('Audience'), description: t.audiences.join(', ') || vscode.l10n.t('(none)'), icon: 'globe' });
    if (typeof t.claims?.iss === 'string') nodes.push({ kind: 'detail', label: vscode.l10n.t('Issuer'), description: t.claims.iss, icon: 'shield' });
  }
  nodes.push({ kind: 'detail', label: vscode.l10n.t('Account'), description: s.accountLabel, icon: 'person' });
  nodes.push({ kind: 'detail', label: vscode.l10n.t('Flow'), description: s.flow, icon: 'arrow-swap' });
  if (!jwt) return nodes;
  // The account is named by the ID token; the mail server reads the user from the access token's claim.
  const problems = checkToken(t, { now, user: s.accountLabel, expected: { issuer: provider.issuer, clientId: provider.clientId } });
  nodes.push(...problemNodes(problems));
  if (!problems.some((p) => p.severity === 'error')) {
    nodes.push({
      kind: 'detail',
      label: vscode.l10n.t('No problems found'),
      icon: 'pass',
      tooltip: vscode.l10n.t('Not expired, issued by the configured issuer to this client, and naming the signed-in account.'),
    });
  }
  return nodes;
}

/** One line per problem of a token's checks, with its severity's icon. */
function problemNodes(problems: readonly Problem[]): AccountsNode[] {
  return problems.map((p) => ({
    kind: 'detail' as const,
    label: p.message,
    icon: p.severity === 'error' ? 'error' : p.severity === 'warning' ? 'warning' : 'info',
    severity: p.severity,
    tooltip: p.message,
  }));
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
  if (exp)
    nodes.push({
      kind: 'detail',
      label: exp.getTime() <= now.getTime() ? vscode.l10n.t('Expired') : vscode.l10n.t('Expires'),
      description: `${formatRelative(exp, now)} (${isoTime(exp)})`,
      icon: 'clock',
    });
  nodes.push({ kind: 'detail', label: vscode.l10n.t('Audience'), description: t.audiences.join(', ') || vscode.l10n.t('(none)'), icon: 'globe' });
  if (t.scopes.length) nodes.push({ kind: 'detail', label: vscode.l10n.t('Scopes'), description: t.scopes.join(' '), icon: 'checklist' });
  if (t.roles.length) nodes.push({ kind: 'detail', label: vscode.l10n.t('Roles'), description: t.roles.join(' '), icon: 'checklist' });
  const who = String(t.claims.upn ?? t.claims.preferred_username ?? t.claims.unique_name ?? t.claims.appid ?? '');
  if (who) nodes.push({ kind: 'detail', label: vscode.l10n.t('Account'), description: who, icon: 'person' });
  const ctx = { now, ...(protocol ? { protocol: protocol as MailProtocol } : {}), ...(user ? { user } : {}), ...(localExpiresOn ? { localExpiresOn } : {}) };
  const problems = checkToken(t, ctx);
  nodes.push(...problemNodes(problems));
  if (!problems.some((p) => p.severity === 'error'))
    nodes.push({ kind: 'detail', label: vscode.l10n.t('No problems found'), icon: 'pass', tooltip: vscode.l10n.t('Not expired, issued for Outlook, and carrying the protocol’s permission.') });
  return nodes;
}
