// Take the fix home: Copy as Code (the console's last session as a program in the user's language), Generate
// Client Code (a short form), and the Exchange Online setup for app-only access as a PowerShell document.
import * as vscode from 'vscode';
import { CLOUDS, Cloud, resolveAuthSettings } from '../auth/authConfig';
import { appScopes, protocolScopes } from '../auth/scopes';
import type { MailAuthenticationProvider } from '../auth/authProvider';
import { copyToClipboard } from '../clipboard';
import { ConsolePanel } from '../console/consolePanel';
import { ConsoleForm } from '../console/messages';
import { appOnlyIdsFromToken, AppOnlyIds, exchangeSetupDocument } from '../core/exchange/setup';
import { PRESETS } from '../core/presets/presets';
import { generateSnippet, PLACEHOLDER_CLIENT_ID, SNIPPET_LANGUAGES, SnippetFlow, SnippetLanguage, SnippetSession } from '../core/snippet';
import { MailProtocol } from '../core/token/checks';
import { TokenInspection } from '../core/token/inspect';
import { authSettings } from '../settings';
import { DECODED_SCHEME, DecodedViewProvider } from '../views/decodedView';
import type { AccountsNode } from '../views/accountsView';

const LANGUAGE_LABELS: Record<SnippetLanguage, string> = {
  python: 'Python (MSAL for Python, imaplib / poplib / smtplib)',
  node: 'Node.js (@azure/msal-node, imapflow)',
  csharp: 'C# (MSAL.NET, MailKit)',
  java: 'Java (MSAL4J, Jakarta Mail)',
  php: 'PHP (PHPMailer)',
};

let lastLanguage: SnippetLanguage | undefined;

async function pickLanguage(): Promise<SnippetLanguage | undefined> {
  const items = SNIPPET_LANGUAGES.map((id) => ({ id, label: LANGUAGE_LABELS[id], picked: id === lastLanguage }));
  if (lastLanguage) items.sort((a, b) => (a.id === lastLanguage ? -1 : b.id === lastLanguage ? 1 : 0));
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Client code in which language?'), ignoreFocusOut: true });
  if (picked) lastLanguage = picked.id;
  return picked?.id;
}

/** The identity-platform side of a session: the settings the extension signed in with, the token's app and tenant. */
function signInOf(protocol: MailProtocol, token: TokenInspection | undefined): Pick<SnippetSession, 'flow' | 'authority' | 'clientId' | 'scopes'> {
  const s = authSettings();
  const appOnly = !!token && token.roles.length > 0 && !token.account;
  const cloud: Cloud = typeof s.cloud === 'string' && s.cloud in CLOUDS ? (s.cloud as Cloud) : 'global';
  const info = CLOUDS[cloud];
  const settingTenant = typeof s.tenant === 'string' ? s.tenant : undefined;
  const clientId = token?.appId ?? (appOnly ? s.appClientId || stringOf(s.clientId) : stringOf(s.clientId));
  const tenant = appOnly ? (token?.tenantId ?? settingTenant) : settingTenant;
  const resolved = resolveAuthSettings({ clientId: clientId || PLACEHOLDER_CLIENT_ID, tenant: tenant || 'organizations', cloud, authority: s.authority });
  const authority = resolved.ok ? resolved.config.authority : `https://${info.loginHost}/organizations`;
  let flow: SnippetFlow = 'client-credentials';
  if (!appOnly) {
    const setting = s.signInFlow;
    const remote = vscode.env.remoteName !== undefined || vscode.env.uiKind === vscode.UIKind.Web;
    flow = setting === 'deviceCode' || (setting === 'auto' && remote) ? 'device-code' : 'auth-code';
  }
  return {
    flow,
    authority,
    clientId: /^[0-9a-f-]{36}$/i.test(clientId) ? clientId : PLACEHOLDER_CLIENT_ID,
    scopes: appOnly ? appScopes(info.appResource) : protocolScopes(protocol, info.outlookResource),
  };
}

function sessionFromConsole(form: ConsoleForm, token: TokenInspection): SnippetSession {
  return { protocol: form.protocol, host: form.host, port: form.port, security: form.security, user: form.user, mechanism: form.mechanism, ...signInOf(form.protocol, token) };
}

async function showProgram(session: SnippetSession, language: SnippetLanguage): Promise<void> {
  const r = generateSnippet(language, session);
  if (!r.ok) {
    void vscode.window.showErrorMessage(vscode.l10n.t('No client code: {0}', r.problem.message));
    return;
  }
  const doc = await vscode.workspace.openTextDocument({ language: r.languageId, content: r.code });
  await vscode.window.showTextDocument(doc, { preview: false });
  await copyToClipboard(r.code, vscode.l10n.t('{0} program copied ({1}); MAIL_ACCESS_TOKEN set: it uses that token instead of signing in.', LANGUAGE_LABELS[language].split(' (')[0]!, r.fileName));
  if (session.clientId === PLACEHOLDER_CLIENT_ID)
    void vscode.window.showWarningMessage(vscode.l10n.t("The program has a placeholder client ID: put your app registration's Application (client) ID in it."));
}

async function copyAsCode(): Promise<void> {
  const last = ConsolePanel.lastCompletedSession();
  if (!last) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Connect in the protocol console first: Copy as Code writes the program of the last session.'));
    return;
  }
  const language = await pickLanguage();
  if (!language) return;
  if (!last.ok) void vscode.window.showWarningMessage(vscode.l10n.t('The last session did not log in: the program does the same and fails the same way until the cause in the verdict is fixed.'));
  await showProgram(sessionFromConsole(last.form, last.token), language);
}

/** The short form: protocol, server (Microsoft 365's by default), mailbox, language. */
async function generateClientCode(): Promise<void> {
  const last = ConsolePanel.lastCompletedSession();
  if (last) {
    const pick = await vscode.window.showQuickPick(
      [
        { id: 'console', label: vscode.l10n.t("The protocol console's last session"), description: `${last.form.protocol.toUpperCase()} ${last.form.host}:${last.form.port}, ${last.form.user}` },
        { id: 'form', label: vscode.l10n.t('Enter the server and mailbox…') },
      ],
      { title: vscode.l10n.t('Client code for which login?'), ignoreFocusOut: true },
    );
    if (!pick) return;
    if (pick.id === 'console') return copyAsCode();
  }
  const protocolPick = await vscode.window.showQuickPick(
    (['imap', 'pop3', 'smtp'] as const).map((p) => ({ id: p, label: p === 'pop3' ? 'POP3' : p.toUpperCase() })),
    { title: vscode.l10n.t('Which protocol?'), ignoreFocusOut: true },
  );
  if (!protocolPick) return;
  const protocol = protocolPick.id;
  const endpoint = PRESETS[0]!.endpoints[protocol]!;
  const server = await vscode.window.showInputBox({
    title: vscode.l10n.t('Server (host:port; the security follows the port: 993, 995 and 465 are TLS, 587 and 143 STARTTLS)'),
    value: `${endpoint.host}:${endpoint.port}`,
    ignoreFocusOut: true,
    validateInput: (v) => (/^[^\s:]+:\d{1,5}$/.test(v.trim()) ? undefined : vscode.l10n.t('Enter host:port, e.g. outlook.office365.com:993')),
  });
  if (server === undefined) return;
  const [host, portText] = server.trim().split(':') as [string, string];
  const port = Number(portText);
  const security = [993, 995, 465].includes(port) ? 'tls' : [143, 110, 25, 587].includes(port) ? 'starttls' : endpoint.security;
  const user = await vscode.window.showInputBox({
    title: vscode.l10n.t('Mailbox to log in to (a shared mailbox may be named here)'),
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Enter the mailbox address.')),
  });
  if (!user) return;
  const language = await pickLanguage();
  if (!language) return;
  await showProgram({ protocol, host, port, security, user: user.trim(), mechanism: 'XOAUTH2', ...signInOf(protocol, undefined) }, language);
}

async function exchangeSetup(provider: MailAuthenticationProvider, decoded: DecodedViewProvider, arg?: unknown): Promise<void> {
  let ids: AppOnlyIds | undefined;
  let source: 'token' | 'settings' = 'token';
  const fromToken = (token: string): boolean => {
    const r = appOnlyIdsFromToken(token);
    if (!r.ok) {
      void vscode.window.showErrorMessage(r.problem.message);
      return false;
    }
    ids = r.ids;
    return true;
  };
  if (arg instanceof vscode.Uri && arg.scheme === DECODED_SCHEME) {
    const token = decoded.secretOf(arg);
    if (!token || !fromToken(token)) {
      if (!token) void vscode.window.showErrorMessage(vscode.l10n.t('This decoded string carries no token.'));
      return;
    }
  } else if ((arg as AccountsNode | undefined)?.kind === 'app' || (arg as AccountsNode | undefined)?.kind === 'appToken' || provider.appOnly.token) {
    const t = provider.appOnly.token ?? (await provider.appOnly.acquire());
    if (!fromToken(t.accessToken)) return;
  } else {
    // No app-only token yet: the IDs the settings know (the object ID is then looked up, the document says how).
    source = 'settings';
    let appId = '';
    try {
      appId = provider.appOnly.clientId();
    } catch {
      // No client ID set yet: the document keeps a placeholder for it.
    }
    const configured = authSettings().tenant;
    const tenant = typeof configured === 'string' ? configured : undefined;
    ids = { appId: /^[0-9a-f-]{36}$/i.test(appId) ? appId : undefined, tenantId: tenant && /^[0-9a-f-]{36}$/i.test(tenant) ? tenant : undefined };
  }
  const mailbox = await vscode.window.showInputBox({
    title: vscode.l10n.t('Mailbox the app opens or sends as (Enter leaves a placeholder)'),
    placeHolder: 'shared@contoso.com',
    ignoreFocusOut: true,
  });
  if (mailbox === undefined) return;
  const doc = exchangeSetupDocument({ ids: ids!, mailbox: mailbox.trim() || undefined, source });
  if (!doc.ok) {
    void vscode.window.showErrorMessage(doc.problem.message);
    return;
  }
  const editor = await vscode.workspace.openTextDocument({ language: 'powershell', content: doc.text });
  await vscode.window.showTextDocument(editor, { preview: false });
}

export function registerSnippetCommands(provider: MailAuthenticationProvider, decoded: DecodedViewProvider): vscode.Disposable[] {
  const guard =
    (f: (...args: never[]) => Promise<void>) =>
    async (...args: never[]) => {
      try {
        await f(...args);
      } catch (e) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Mail OAuth: {0}', (e as Error).message ?? String(e)));
      }
    };
  return [
    vscode.commands.registerCommand('mailOAuth.console.copyAsCode', guard(copyAsCode)),
    vscode.commands.registerCommand('mailOAuth.generateClientCode', guard(generateClientCode)),
    vscode.commands.registerCommand(
      'mailOAuth.exchangeSetup',
      guard((arg?: unknown) => exchangeSetup(provider, decoded, arg)),
    ),
  ];
}

function stringOf(v: unknown): string {
  return typeof v === 'string' ? v.trim() : '';
}
