// The protocol console in the real VS Code, driven like a person through the webview (fill the form,
// connect, read the transcript, use quick actions and the command line, save the transcript),
// against a real Dovecot on loopback.
import * as assert from 'assert';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import * as vscode from 'vscode';
import { Dovecot, startDovecot } from '../servers/dovecot';
import { readyDovecot } from '../servers/readyDovecot';
import { SmtpSink } from '../servers/smtpSink';
import { mintToken } from '../servers/tokens';
import { fillConsoleForm } from './consoleForm';
import { outputChannelText, testHooks, withWorkspaceSettings } from './hooks';
import { ui } from './ui';
import { waitFor, waitForAsync } from './wait';

const USER = 'adele@contoso.com';

describe('Protocol console', function () {
  this.timeout(120_000);
  let dovecot: Dovecot;
  let sink: SmtpSink;
  let token: string;

  before(async function () {
    if (!ui.available) this.skip();
    ({ dovecot, sink, token } = await readyDovecot(USER, { sink: true }));
  });
  after(async () => {
    try {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    } finally {
      await dovecot?.stop();
      await sink?.stop();
    }
  });

  async function fillForm(protocol: 'imap' | 'pop3' | 'smtp', port: number, security: 'tls' | 'starttls' | 'none', mechanism: 'XOAUTH2' | 'OAUTHBEARER', t: string) {
    await fillConsoleForm({ protocol, port, security, token: t, user: USER, mechanism });
  }

  it('connects over IMAP with XOAUTH2, shows the redacted transcript with the decoded login, and runs commands', async () => {
    await vscode.commands.executeCommand('mailOAuth.openConsole');
    await ui.webview.waitForText('#status', 'Not connected');
    await fillForm('imap', dovecot.ports.imap, 'none', 'XOAUTH2', token);
    await ui.webview.click('#connect');
    const verdict = await ui.webview.waitForText('#verdict', 'Authenticated with XOAUTH2 and verified');
    assert.match(verdict, /✔/);
    const transcript = await ui.webview.text('#transcript');
    assert.match(transcript, /C:\s*A001 AUTHENTICATE XOAUTH2 dXNlcj…/);
    assert.match(transcript, /↳ XOAUTH2: user=adele@contoso\.com, token eyJhbG…/);
    assert.ok(!transcript.includes(token), 'no token in the view');
    assert.ok(!transcript.includes(Buffer.from(`user=${USER}\x01auth=Bearer ${token}\x01\x01`).toString('base64')), 'no XOAUTH2 string in the view');

    await ui.webview.click('button[data-action="imap.select"]');
    await ui.webview.waitForText('#transcript', 'Select completed');
    await ui.webview.fill('#command', 'NOOP');
    await ui.webview.press('#command', 'Enter');
    await ui.webview.waitForText('#transcript', 'A004 NOOP');
    await ui.screenshot('protocol-console');
  });

  it('keeps its form and transcript while hidden behind another editor', async () => {
    const host = await ui.webview.evaluate<string>('input[name=host]', '(el) => el.value');
    assert.strictEqual(host, '127.0.0.1');
    const doc = await vscode.workspace.openTextDocument({ content: 'another editor', language: 'plaintext' });
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.Active);
    await vscode.commands.executeCommand('mailOAuth.openConsole');
    await ui.webview.waitForText('#transcript', 'A004 NOOP');
    assert.strictEqual(await ui.webview.evaluate<string>('input[name=host]', '(el) => el.value'), '127.0.0.1');
    assert.strictEqual(await ui.webview.evaluate<string>('#token', '(el) => el.value'), '', 'the pasted token is not kept in the webview state');
  });

  it('saves a redacted transcript in the transcript language, which the hovers decode', async () => {
    const before = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    await ui.webview.click('#save');
    await ui.press('Enter'); // "Save redacted"
    await ui.press('Enter'); // the save dialog's proposed path in the workspace
    const doc = await waitFor('the saved transcript', () => vscode.workspace.textDocuments.find((d) => !before.has(d.uri.toString()) && d.uri.scheme === 'file' && d.uri.fsPath.endsWith('.imap.log')));
    assert.strictEqual(doc.languageId, 'mail-transcript');
    const text = fs.readFileSync(doc.uri.fsPath, 'utf8');
    assert.ok(!text.includes(token), 'the saved file has no token');
    const signature = token.split('.')[2];
    assert.ok(!text.includes(signature), 'the token is unusable: its signature is gone');
    assert.match(path.basename(doc.uri.fsPath), /^127\.0\.0\.1-.*\.imap\.log$/);
    // The hovers decode the saved login: user, claims and checks, with the token unusable.
    const line = doc
      .getText()
      .split('\n')
      .findIndex((l) => / C: A001 AUTHENTICATE XOAUTH2 /.test(l));
    assert.ok(line >= 0, 'the AUTHENTICATE line is in the file');
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, 70))) ?? [];
    const hover = hovers
      .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
      .join('\n')
      .replace(/\\([\\`*_[\]<>|~$])/g, '$1');
    assert.match(hover, /Mail OAuth · XOAUTH2/);
    assert.match(hover, /\| User \| adele@contoso\.com \|/);
    assert.match(hover, /\| Scopes \| IMAP\.AccessAsUser\.All POP\.AccessAsUser\.All SMTP\.Send \|/);
    fs.rmSync(doc.uri.fsPath, { force: true });
  });

  it('ignores a workspace’s console presets: a new console starts on Microsoft 365, not on the repository’s host', async () => {
    const preset = { label: 'Repository preset', protocol: 'imap', host: 'mail.attacker.test', port: 993, user: USER };
    await withWorkspaceSettings({ 'mailOAuth.console.customPresets': [preset] }, async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.commands.executeCommand('mailOAuth.openConsole');
      await ui.webview.waitForText('#status', 'Not connected');
      const labels = await ui.webview.evaluate<string[]>('select[name=preset]', '(el) => [...el.options].map((o) => o.text)');
      assert.ok(!labels.includes(preset.label), `the workspace's preset is not offered: ${labels.join(', ')}`);
      assert.strictEqual(await ui.webview.evaluate<string>('input[name=host]', '(el) => el.value'), 'outlook.office365.com');
    });
  });

  it('asks before a signed-in account’s token goes to a host that is not a Microsoft mail server; unconfirmed, nothing is sent', async () => {
    let connections = 0;
    const server = net.createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as net.AddressInfo).port;
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.commands.executeCommand('mailOAuth.openConsole');
      await ui.webview.waitForText('#status', 'Not connected');
      await fillForm('imap', port, 'none', 'XOAUTH2', '');
      await ui.webview.select('select[name=tokenSource]', 'account');
      // VS Code refuses modal dialogs in a test run (the call fails with the dialog's text, which the
      // extension logs), and the answer counts as "no".
      const hooks = await testHooks();
      await ui.webview.click('#connect');
      await waitForAsync('the dialog asking to send the token to 127.0.0.1', async () =>
        /refused to show dialog in tests\. Contents: Send the access token of the signed-in account to 127\.0\.0\.1\?/.test(await outputChannelText(hooks)),
      );
      await ui.webview.waitForText('#status', 'Not connected: the token was not sent to 127.0.0.1');
      assert.strictEqual(connections, 0, 'no connection was made');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('explains a rejected token in the verdict, after answering the error challenge', async () => {
    const bad = await startDovecot({ relayPort: sink.port, authFailureDelay: '0 secs' });
    try {
      const foreign = await mintToken(dovecot.hs256Key, { user: USER }); // signed with another server's key
      await ui.webview.click('#disconnect').catch(() => undefined);
      await fillForm('smtp', bad.ports.submission, 'none', 'OAUTHBEARER', foreign);
      await ui.webview.click('#connect');
      const verdict = await ui.webview.waitForText('#verdict', 'failed');
      assert.match(verdict, /✖ Authentication failed/);
      assert.match(verdict, /Cause:/);
      const transcript = await ui.webview.text('#transcript');
      assert.match(transcript, /↳ error challenge: \{"status":"invalid_token"\}/);
      assert.match(transcript, /C:\s*AQ==/);
      // Only this session is shown, as Save Transcript saves it: the earlier IMAP session's rows are gone.
      assert.doesNotMatch(transcript, /A001 AUTHENTICATE|A004 NOOP/);
    } finally {
      await bad.stop();
    }
  });
});
