// The Accounts commands (the sign-in feature's UI, kept out of src/auth so that auth imports no views,
// console or commands): sign in (browser or device code), the sidebar's context actions (copy
// token, copy XOAUTH2, inspect, refresh, sign out, get a missing protocol's token), app-only credentials
// and tokens, and the account picker that "Encode XOAUTH2" uses.
// Any extension can run these commands with arguments of its choosing: commands that act on an account
// take only the Accounts view's own nodes (by identity), and none returns a token to its caller. Other
// extensions get tokens through vscode.authentication, where VS Code asks the person first.
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { AccountInfo } from '@azure/msal-node';
import type { EncodeArgs } from './encode';
import { validateUserInput } from '../core/sasl/token';
import { encodeXoauth2 } from '../core/sasl/xoauth2';
import { copyToClipboard } from '../clipboard';
import { logError, output } from '../outputChannel';
import { openSettings, SignInFlow } from '../settings';
import { ConsolePanel } from '../console/consolePanel';
import { AccountsNode, AccountsView, ACCOUNTS_VIEW_ID } from '../views/accountsView';
import { DecodedViewProvider } from '../views/decodedView';
import { AuthFailure } from '../auth/authErrors';
import { MailAuthenticationProvider } from '../auth/authProvider';
import { MAIL_PROTOCOLS, MailProtocolScope, protocolLabel, protocolScopes } from '../auth/scopes';
import { certificateCredential } from '../auth/appCredential';
import type { OidcAuthenticationProvider } from '../auth/oidc/oidcAuthProvider';
import { OidcError } from '../auth/oidc/oidcErrors';
import { oidcAccountKey } from '../console/consoleAccounts';

/** Arguments for calling sign-in without prompts (tests, other commands). */
export interface SignInArgs {
  protocol?: MailProtocolScope;
  flow?: SignInFlow;
}

/** What the account picker returns to "Encode XOAUTH2" (a function call, never a command: commands can be run by anyone). */
export type PickedToken = { token: string; user: string } | { manual: true };

/** A command was run with a node the Accounts view did not create (another extension's forged argument). */
class ForeignNode extends Error {}

const FLOWS: readonly SignInFlow[] = ['auto', 'authorizationCode', 'deviceCode'];

export function registerAccountCommands(
  provider: MailAuthenticationProvider,
  view: AccountsView,
  decoded: DecodedViewProvider,
  extensionUri: vscode.Uri,
  oidc: OidcAuthenticationProvider,
): vscode.Disposable[] {
  const run = (id: string, fn: (...args: never[]) => Promise<unknown>) =>
    vscode.commands.registerCommand(id, async (...args: never[]) => {
      try {
        return await fn(...args);
      } catch (err) {
        if (err instanceof ForeignNode) {
          output().warn(vscode.l10n.t('{0} was run with an argument that is not an item of the Accounts view (by another extension?): refused.', id));
          void vscode.window.showWarningMessage(err.message);
          return undefined;
        }
        // Cancelled, or shown (explained) by the provider already, as every sign-in failure is.
        if (err instanceof AuthFailure && (err.cancelled || provider.wasShown(err))) return undefined;
        if (err instanceof OidcError) {
          if (err.code !== 'cancelled' && !oidc.wasShown(err)) void oidc.showFailure(err);
          return undefined;
        }
        if (!(err instanceof AuthFailure)) logError(id, err);
        void provider.showFailure(err);
        return undefined;
      }
    });
  /**
   * The node a command was given: one the view created, or none when `optional` (the palette, which passes
   * nothing; the command then asks). Anything else is refused, whatever its shape.
   */
  const own = (node: unknown, title: string, optional: boolean): AccountsNode | undefined => {
    if (node === undefined && optional) return undefined;
    if (view.isOwnNode(node)) return node;
    throw new ForeignNode(
      vscode.l10n.t(
        '"{0}" works only on an item of the Mail OAuth Accounts view, and was run with something else (another extension?): nothing was done. Right-click the account or token in the Accounts view. Extensions get tokens through VS Code’s authentication API, which asks you first.',
        title,
      ),
    );
  };

  return [
    run('mailOAuth.signIn', (args?: unknown) => signIn(provider, signInArgs(args))),
    run('mailOAuth.signInWithDeviceCode', (args?: unknown) => signIn(provider, { ...signInArgs(args), flow: 'deviceCode' })),
    run('mailOAuth.openAuthSettings', async () => openSettings()),
    run('mailOAuth.accounts.refresh', async () => view.refresh()),
    run('mailOAuth.accounts.getToken', async (arg?: unknown) => {
      const target = await tokenTarget(provider, own(arg, vscode.l10n.t('Get Token'), true));
      if (!target) return undefined;
      const scopes = protocolScopes(target.protocol, provider.outlookResource());
      await provider.tokenOrSignIn(target.account, scopes);
      view.refresh();
      return true;
    }),
    // Hidden from the palette: run without a node, they would ask which token and put it where the caller reads it.
    run('mailOAuth.accounts.copyToken', async (arg?: unknown) => {
      const t = await tokenOf(provider, oidc, own(arg, vscode.l10n.t('Copy Access Token'), false));
      if (!t) return;
      await copyToClipboard(t.token, vscode.l10n.t('Access token ({0}) copied to the clipboard.', t.what));
    }),
    run('mailOAuth.accounts.copyXoauth2', async (arg?: unknown) => {
      const t = await tokenOf(provider, oidc, own(arg, vscode.l10n.t('Copy XOAUTH2 String'), false));
      if (!t) return;
      const user = await vscode.window.showInputBox({
        title: vscode.l10n.t('XOAUTH2 string ({0})', t.what),
        prompt: vscode.l10n.t('Mailbox for the user= field: the signed-in account, or a shared mailbox address it has access to (the token stays the account’s).'),
        value: t.user,
        ignoreFocusOut: true,
        validateInput: (v) => validateUserInput(v).find((p) => p.severity === 'error')?.message,
      });
      if (user === undefined) return;
      const args: EncodeArgs = { user, token: t.token };
      await vscode.commands.executeCommand('mailOAuth.encodeXoauth2', args);
    }),
    run('mailOAuth.accounts.inspectToken', async (arg?: unknown) => {
      const t = await tokenOf(provider, oidc, own(arg, vscode.l10n.t('Inspect Token'), false));
      if (!t) return;
      const encoded = encodeXoauth2(t.user || 'app-only', t.token);
      if (!encoded.ok) throw new Error(encoded.problems[0]?.message ?? 'cannot encode');
      const title = t.user ? vscode.l10n.t('Token of {0} ({1})', t.user, t.what) : vscode.l10n.t('Token of the app ({0})', t.what);
      await decoded.open(encoded.value, { title, analyze: t.protocol ? { protocol: t.protocol } : {} });
    }),
    run('mailOAuth.accounts.refreshToken', async (arg?: unknown) => {
      const node = own(arg, vscode.l10n.t('Refresh Token'), true);
      if (node?.kind === 'oidcToken' || node?.kind === 'oidcAccount') {
        const session = node.kind === 'oidcToken' ? node.session : node.account.sessions[0];
        const s = session ? await oidc.fresh(session, true) : undefined;
        view.refresh();
        if (s) void vscode.window.setStatusBarMessage(vscode.l10n.t('Mail OAuth: token of {0} at {1} refreshed.', s.accountLabel, node.account.provider.label), 5000);
        return;
      }
      if (node?.kind === 'app' || node?.kind === 'appToken') {
        await provider.appOnly.acquire(true);
        return;
      }
      const target = await tokenTarget(provider, node);
      if (!target) return;
      await provider.tokenOrSignIn(target.account, protocolScopes(target.protocol, provider.outlookResource()), true);
      view.refresh();
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Mail OAuth: {0} token of {1} refreshed.', protocolLabel(target.protocol), target.account.username), 5000);
    }),
    run('mailOAuth.accounts.signOut', async (arg?: unknown) => {
      const node = own(arg, vscode.l10n.t('Sign Out'), true);
      if (node?.kind === 'oidcToken' || node?.kind === 'oidcAccount') {
        const who = await oidc.signOut(node.account.provider.id, node.account.accountId);
        if (who) void vscode.window.showInformationMessage(vscode.l10n.t('Signed out {0} at {1}; its tokens were removed from the secret storage.', who, node.account.provider.label));
        return;
      }
      if (node?.kind === 'app' || node?.kind === 'appToken') {
        provider.appOnly.forget();
        return;
      }
      const account = node && 'account' in node ? node.account : await pickAccount(provider, vscode.l10n.t('Sign out of which account?'));
      if (!account) return;
      await provider.signOut(account.homeAccountId);
      void vscode.window.showInformationMessage(vscode.l10n.t('Signed out {0}; its tokens were removed from the secret storage.', account.username));
    }),
    run('mailOAuth.accounts.openConsole', async (arg?: unknown) => {
      const node = own(arg, vscode.l10n.t('Open Protocol Console'), true);
      if (node?.kind === 'oidcToken' || node?.kind === 'oidcAccount') {
        const host = node.account.provider.mailHosts[0];
        const gmail = node.account.provider.preset === 'google';
        ConsolePanel.show(extensionUri, {
          tokenSource: 'account',
          account: oidcAccountKey(node.account),
          user: node.account.label,
          ...(gmail ? { preset: 'gmail', host: 'imap.gmail.com', port: 993, security: 'tls' as const, protocol: 'imap' as const } : host ? { host } : {}),
        });
        return;
      }
      const account = node && 'account' in node ? node.account : await pickAccount(provider, vscode.l10n.t('Open the protocol console for which account?'));
      // The console gets the account's token through vscode.authentication.getSession, like any extension.
      ConsolePanel.show(extensionUri, account ? { tokenSource: 'account', account: account.username, user: account.username } : {});
    }),
    // Secrets only through the password box and the file dialog: no argument may replace the stored credential.
    run('mailOAuth.setClientSecret', async () => {
      const secret = await vscode.window.showInputBox({
        title: vscode.l10n.t('Client secret of the app {0}', provider.appOnly.clientId()),
        prompt: vscode.l10n.t('The secret’s Value (not its Secret ID) from App registrations → Certificates & secrets. Kept in the secret storage only.'),
        password: true,
        ignoreFocusOut: true,
        validateInput: (v) =>
          v.trim().length < 8
            ? vscode.l10n.t('Paste the client secret value.')
            : /^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(v.trim())
              ? vscode.l10n.t('This is a GUID: the Secret ID, not the secret Value.')
              : undefined,
      });
      if (!secret) return;
      await provider.appOnly.setCredential({ type: 'secret', secret: secret.trim() });
      void vscode.window.showInformationMessage(vscode.l10n.t('Client secret stored in the secret storage. Run "Mail OAuth: Get App-Only Token" to use it.'));
    }),
    run('mailOAuth.setClientCertificate', async () => {
      const filters = { [vscode.l10n.t('PEM files')]: ['pem', 'key', 'crt'] };
      const file = (await vscode.window.showOpenDialog({ title: vscode.l10n.t('PEM file with the private key and the certificate'), canSelectMany: false, filters }))?.[0]?.fsPath;
      if (!file) return;
      await provider.appOnly.setCredential(certificateCredential(fs.readFileSync(file, 'utf8')));
      void vscode.window.showInformationMessage(vscode.l10n.t('Certificate stored in the secret storage (the file itself is not needed any more by the extension).'));
    }),
    run('mailOAuth.removeAppCredentials', async (args?: { confirmed?: boolean }) => {
      const app = provider.appOnly.clientId();
      if (!(await provider.appOnly.credential())) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No client secret or certificate is stored for the app {0}; there is nothing to remove.', app));
        return false;
      }
      // The secret cannot be shown again once removed, so a person is asked first (callers may pass { confirmed: true }).
      if (args?.confirmed !== true) {
        const remove = vscode.l10n.t('Remove');
        const detail = vscode.l10n.t('It cannot be shown again: to get app-only tokens later, enter it again with "Set Client Secret for App-Only Tokens".');
        const question = vscode.l10n.t('Remove the client secret or certificate of the app {0} from the secret storage?', app);
        if ((await vscode.window.showWarningMessage(question, { modal: true, detail }, remove)) !== remove) return false;
      }
      await provider.appOnly.removeCredential();
      void vscode.window.showInformationMessage(vscode.l10n.t('The client secret or certificate of the app {0} was removed from the secret storage.', app));
      return true;
    }),
    run('mailOAuth.getAppOnlyToken', async () => {
      const t = await vscode.window.withProgress({ location: { viewId: ACCOUNTS_VIEW_ID }, title: vscode.l10n.t('Getting an app-only token') }, () => provider.appOnly.acquire());
      view.refresh();
      return t.expiresOn?.toISOString();
    }),
  ];
}

/** Sign-in arguments from a caller: only known values count; anything else is asked. */
function signInArgs(raw: unknown): SignInArgs {
  const a = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  return {
    ...(MAIL_PROTOCOLS.includes(a.protocol as MailProtocolScope) ? { protocol: a.protocol as MailProtocolScope } : {}),
    ...(FLOWS.includes(a.flow as SignInFlow) ? { flow: a.flow as SignInFlow } : {}),
  };
}

async function signIn(provider: MailAuthenticationProvider, args: SignInArgs | undefined): Promise<string | undefined> {
  let protocol = args?.protocol;
  if (!protocol) {
    const picked = await vscode.window.showQuickPick(
      MAIL_PROTOCOLS.map((p) => ({ label: protocolLabel(p), description: protocolScopes(p)[0], protocol: p })),
      { title: vscode.l10n.t('Sign in to Microsoft'), placeHolder: vscode.l10n.t('Which protocol is the token for? (others can be added later from the account)'), ignoreFocusOut: true },
    );
    if (!picked) return undefined;
    protocol = picked.protocol;
  }
  const t = await provider.signIn({ scopes: protocolScopes(protocol, provider.outlookResource()), ...(args?.flow ? { flow: args.flow } : {}) });
  return t.account.username;
}

async function pickAccount(provider: MailAuthenticationProvider, title: string): Promise<AccountInfo | undefined> {
  const accounts = await provider.accounts();
  if (accounts.length <= 1) return accounts[0];
  return (
    await vscode.window.showQuickPick(
      accounts.map((a) => ({ label: a.username, description: a.name, account: a })),
      { title },
    )
  )?.account;
}

async function pickProtocol(title: string): Promise<MailProtocolScope | undefined> {
  return (
    await vscode.window.showQuickPick(
      MAIL_PROTOCOLS.map((p) => ({ label: protocolLabel(p), protocol: p })),
      { title },
    )
  )?.protocol;
}

/** The cached account for a node's account (callers may pass only { homeAccountId }). */
async function resolveAccount(provider: MailAuthenticationProvider, account: AccountInfo): Promise<AccountInfo> {
  return (await provider.accounts()).find((a) => a.homeAccountId === account.homeAccountId) ?? account;
}

async function tokenTarget(provider: MailAuthenticationProvider, node: AccountsNode | undefined): Promise<{ account: AccountInfo; protocol: MailProtocolScope } | undefined> {
  if (node?.kind === 'token') return { account: await resolveAccount(provider, node.account), protocol: node.protocol };
  const account = node?.kind === 'account' ? await resolveAccount(provider, node.account) : await pickAccount(provider, vscode.l10n.t('Which account?'));
  if (!account) return undefined;
  const protocol = await pickProtocol(vscode.l10n.t('Token of {0} for which protocol?', account.username));
  return protocol ? { account, protocol } : undefined;
}

/** The token behind a sidebar node (or picked), fetched from the cache or renewed silently. */
async function tokenOf(
  provider: MailAuthenticationProvider,
  oidc: OidcAuthenticationProvider,
  node: AccountsNode | undefined,
): Promise<{ token: string; user: string; what: string; protocol?: MailProtocolScope } | undefined> {
  if (node?.kind === 'oidcToken' || node?.kind === 'oidcAccount') {
    const session = node.kind === 'oidcToken' ? node.session : node.account.sessions[0];
    const s = session ? await oidc.fresh(session) : undefined;
    const t = s ?? (await oidc.tokenFor(node.account.provider.id, node.account.accountId, session?.scopes));
    const user = t.flow === 'clientCredentials' ? '' : t.accountLabel;
    return { token: t.accessToken, user, what: `${node.account.provider.label}, ${t.accountLabel}` };
  }
  if (node?.kind === 'app' || node?.kind === 'appToken') {
    const t = provider.appOnly.token ?? (await provider.appOnly.acquire());
    return { token: t.accessToken, user: '', what: vscode.l10n.t('app-only') };
  }
  const target = await tokenTarget(provider, node);
  if (!target) return undefined;
  const scopes = protocolScopes(target.protocol, provider.outlookResource());
  const t = await provider.tokenOrSignIn(target.account, scopes);
  return { token: t.accessToken, user: target.account.username, what: `${protocolLabel(target.protocol)}, ${target.account.username}`, protocol: target.protocol };
}

/** For "Encode XOAUTH2": a signed-in account's token, or { manual } to type one in. */
export async function pickTokenForEncode(provider: MailAuthenticationProvider, oidc: OidcAuthenticationProvider, title: string): Promise<PickedToken | undefined> {
  const accounts = await provider.accounts();
  const oidcAccounts = await oidc.accounts();
  if (accounts.length === 0 && oidcAccounts.length === 0 && !provider.appOnly.token) return { manual: true };
  type Item = vscode.QuickPickItem & { pick: () => Promise<PickedToken | undefined> };
  const items: Item[] = [];
  for (const account of accounts) {
    for (const protocol of MAIL_PROTOCOLS) {
      items.push({
        label: `$(account) ${account.username}`,
        description: vscode.l10n.t('{0} token', protocolLabel(protocol)),
        pick: async () => {
          const t = await tokenOf(provider, oidc, { kind: 'token', account, protocol, token: undefined });
          return t ? { token: t.token, user: t.user } : undefined;
        },
      });
    }
  }
  for (const account of oidcAccounts) {
    for (const session of account.sessions) {
      items.push({
        label: `$(account) ${account.label}`,
        description: vscode.l10n.t(
          '{0} token ({1})',
          account.provider.label,
          session.scopes.filter((x) => !['openid', 'email', 'profile', 'offline_access'].includes(x)).join(' ') || session.scopes.join(' '),
        ),
        pick: async () => {
          const t = (await oidc.fresh(session)) ?? (await oidc.tokenFor(account.provider.id, account.accountId, session.scopes));
          return { token: t.accessToken, user: t.flow === 'clientCredentials' ? '' : t.accountLabel };
        },
      });
    }
  }
  const app = provider.appOnly.token;
  if (app) items.push({ label: `$(server-process) ${vscode.l10n.t('App {0}', app.clientId)}`, description: vscode.l10n.t('app-only token'), pick: async () => ({ token: app.accessToken, user: '' }) });
  items.push({ label: `$(edit) ${vscode.l10n.t('Enter a token…')}`, description: vscode.l10n.t('paste an access token'), pick: async () => ({ manual: true }) });
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('Use the token of a signed-in account, or enter one'), ignoreFocusOut: true });
  return picked ? picked.pick() : undefined;
}
