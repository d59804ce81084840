// The capture proxy in the real VS Code: started by its command, a real client (Python's imaplib) logs
// in through it to a real Dovecot, the connection and its verdict appear, and its transcript opens as a
// mail-transcript document whose login line the hover decodes.
import * as assert from 'assert';
import { spawn } from 'child_process';
import * as vscode from 'vscode';
import { Dovecot } from '../servers/dovecot';
import { readyDovecot } from '../servers/readyDovecot';
import { testHooks } from './hooks';
import { ui } from './ui';
import { waitFor } from './wait';

const USER = 'adele@contoso.com';

function python(script: string, args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve) => {
    const c = spawn('python3', ['-c', script, ...args], { env: { ...process.env, ...env } });
    let out = '';
    c.stdout.on('data', (d) => (out += d));
    c.stderr.on('data', (d) => (out += d));
    c.on('close', () => resolve(out.trim()));
  });
}

describe('Capture proxy', function () {
  this.timeout(120_000);
  let dovecot: Dovecot;
  let token: string;

  before(async () => {
    ({ dovecot, token } = await readyDovecot(USER));
  });
  after(async () => {
    await vscode.commands.executeCommand('mailOAuth.stopCaptureProxy');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await dovecot?.stop();
  });

  it("starts from its command, shows a client's connection with its verdict, and opens the transcript with working hovers", async () => {
    const hooks = await testHooks();
    const started = await vscode.commands.executeCommand<{ id: number; port: number }>('mailOAuth.startCaptureProxy', {
      protocol: 'imap',
      listenPort: 0,
      host: '127.0.0.1',
      port: dovecot.ports.imap,
      security: 'none',
      clientSecurity: 'none',
    });
    assert.ok(started && started.port > 0, 'the command returns the listening port');
    const out = await python(
      `
import imaplib, os, sys
m = imaplib.IMAP4('127.0.0.1', int(sys.argv[1]))
m.authenticate('XOAUTH2', lambda _: ('user=%s\\x01auth=Bearer %s\\x01\\x01' % (os.environ['U'], os.environ['T'])).encode())
m.select('INBOX'); m.logout(); print('ok')
`,
      [String(started.port)],
      { U: USER, T: token },
    );
    assert.strictEqual(out, 'ok');
    const running = hooks.proxies.proxies.find((p) => p.id === started.id);
    assert.ok(running, 'the proxy is listed');
    const connection = await waitFor('the closed connection with its login', () => running.proxy.history.find((c) => c.ending && c.logins.length > 0));
    const login = connection.logins[0];
    assert.deepStrictEqual([login.mechanism, login.user, login.outcome, login.verdict?.ok], ['XOAUTH2', USER, 'ok', true]);
    assert.match(login.verdict?.title ?? '', /Logged in as adele@contoso\.com with XOAUTH2/);

    await vscode.commands.executeCommand('mailOAuth.proxies.focus');
    await vscode.commands.executeCommand('mailOAuth.proxy.openTranscript', { kind: 'connection', proxy: running, connection });
    const editor = await waitFor('the transcript editor', () => (vscode.window.activeTextEditor?.document.languageId === 'mail-transcript' ? vscode.window.activeTextEditor : undefined));
    const text = editor.document.getText();
    assert.ok(!text.includes(token), 'the usable token is not in the transcript');
    // The client's XOAUTH2 response: on the AUTHENTICATE line (SASL-IR) or on its own line after the "+".
    const blob = / C: (?:\S+ AUTHENTICATE XOAUTH2 )?([A-Za-z0-9+/]{40,}={0,2})$/;
    const line = text.split('\n').findIndex((l) => blob.test(l));
    assert.ok(line >= 0, text);
    const lineText = editor.document.lineAt(line).text;
    const character = lineText.indexOf(blob.exec(lineText)![1]!) + 10;
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(line, character))) ?? [];
    const hoverText = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(hoverText, /adele@contoso\.com/);
    assert.match(hoverText, /XOAUTH2/);
    if (ui.available) await ui.screenshot('capture-proxy', {}).catch(() => undefined);

    await vscode.commands.executeCommand('mailOAuth.stopCaptureProxy');
    assert.strictEqual(hooks.proxies.proxies.length, 0, 'stopped');
  });
});
