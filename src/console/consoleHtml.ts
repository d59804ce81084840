// The protocol console's page: its HTML in the display language (vscode.l10n), the webview bundle's own
// strings embedded as JSON, the Content Security Policy and the resource roots. The behaviour is the
// bundle's (src/webview/console/main.ts, built into dist/webview/console.js).
import * as crypto from 'crypto';
import * as vscode from 'vscode';
import { consoleCsp } from './csp';
import type { ConsoleStrings } from './messages';

/** The webview reads its scripts from dist/webview and its stylesheet from media/console, nothing else. */
export function consoleWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media', 'console'), vscode.Uri.joinPath(extensionUri, 'dist', 'webview')] };
}

/** The text the webview itself shows; `{0}` stays for the webview to fill in. */
export function consoleStrings(): ConsoleStrings {
  return {
    notConnected: vscode.l10n.t('Not connected'),
    working: vscode.l10n.t('Working…'),
    connected: vscode.l10n.t('Connected ({0})', '{0}'),
    commandHintImap: vscode.l10n.t('Raw {0} command (the tag is added); Enter sends, ↑/↓ history', '{0}'),
    commandHint: vscode.l10n.t('Raw {0} command; Enter sends, ↑/↓ history', '{0}'),
    noAccounts: vscode.l10n.t('None yet: Connect signs in'),
    labelled: vscode.l10n.t('{0}: ', '{0}'),
    warning: vscode.l10n.t('Warning'),
    step: vscode.l10n.t('Step'),
    cause: vscode.l10n.t('Cause'),
    fix: vscode.l10n.t('Fix'),
    token: vscode.l10n.t('Token'),
    note: vscode.l10n.t('Note'),
    folded: vscode.l10n.t('… {0} more characters (folded; Save Transcript keeps them)', '{0}'),
    trimmed: vscode.l10n.t('{0} earlier lines are no longer shown here; Save Transcript keeps them all.', '{0}'),
  };
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** A translation goes into the page as text, never as markup (each call spelt out: the bundle export finds only vscode.l10n.t). */
const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);

/** JSON inside <script type="application/json">: no "</script>" or "<!--" can end or bend the element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function consoleHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = crypto.randomBytes(16).toString('base64');
  const css = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'console', 'console.css'));
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'console.js'));
  const csp = consoleCsp(webview.cspSource, nonce);
  const strings = consoleStrings();
  const lang = esc(vscode.env.language || 'en');
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${css}">
<title>${esc(vscode.l10n.t('Protocol Console'))}</title>
</head>
<body>
<h1>${esc(vscode.l10n.t('Protocol Console'))}</h1>
<form id="form" aria-label="${esc(vscode.l10n.t('Connection'))}">
  <label>${esc(vscode.l10n.t('Preset'))} <select name="preset"></select></label>
  <label>${esc(vscode.l10n.t('Protocol'))} <select name="protocol"><option value="imap">IMAP</option><option value="pop3">POP3</option><option value="smtp">SMTP</option></select></label>
  <label>${esc(vscode.l10n.t('Host'))} <input name="host" autocomplete="off" spellcheck="false"></label>
  <label>${esc(vscode.l10n.t('Port'))} <input name="port" type="number" min="1" max="65535"></label>
  <label>${esc(vscode.l10n.t('Security'))} <select name="security"><option value="tls">${esc(vscode.l10n.t('Implicit TLS'))}</option><option value="starttls">STARTTLS</option><option value="none">${esc(vscode.l10n.t('None (plain text)'))}</option></select></label>
  <label>${esc(vscode.l10n.t('Token from'))} <select name="tokenSource"><option value="account">${esc(vscode.l10n.t('Signed-in account'))}</option><option value="pasted">${esc(vscode.l10n.t('Pasted token'))}</option></select></label>
  <label id="accountLabel">${esc(vscode.l10n.t('Account'))} <select name="account"></select></label>
  <label id="tokenLabel" class="hidden">${esc(vscode.l10n.t('Access token'))} <input id="token" name="token" type="password" autocomplete="off" spellcheck="false"></label>
  <label>${esc(vscode.l10n.t('User (mailbox)'))} <input name="user" autocomplete="off" spellcheck="false" placeholder="${esc(vscode.l10n.t('user@contoso.com or a shared mailbox'))}"></label>
  <label>${esc(vscode.l10n.t('Mechanism'))} <select name="mechanism"><option value="XOAUTH2">XOAUTH2</option><option value="OAUTHBEARER">OAUTHBEARER</option></select></label>
  <label class="check"><input name="verifyCertificate" type="checkbox" checked> ${esc(vscode.l10n.t('Verify the server certificate'))}</label>
  <div class="buttons"><button id="connect" type="submit">${esc(vscode.l10n.t('Connect'))}</button><button id="disconnect" type="button" class="secondary">${esc(vscode.l10n.t('Disconnect'))}</button><button id="save" type="button" class="secondary">${esc(vscode.l10n.t('Save Transcript'))}</button></div>
</form>
<div id="status" role="status" aria-live="polite"></div>
<div id="formHint" class="hint hidden">${esc(vscode.l10n.t('Disconnect to change the connection: the form shows what this session uses.'))}</div>
<section id="verdict" class="hidden" aria-live="polite"></section>
<div id="trimmed" class="trimmed hidden"></div>
<div id="transcript" role="log" aria-label="${esc(vscode.l10n.t('Transcript'))}" tabindex="0"></div>
<div id="actions" aria-label="${esc(vscode.l10n.t('Quick actions'))}"></div>
<div class="commandline"><label class="sr-only" for="command">${esc(vscode.l10n.t('Command'))}</label><input id="command" autocomplete="off" spellcheck="false"><button id="send" type="button">${esc(vscode.l10n.t('Send'))}</button></div>
<script id="l10n" type="application/json" nonce="${nonce}">${scriptJson(strings)}</script>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}
