// Log hovers, explanations, Problems entries and "Decode All Auth Blobs in File", in a real VS Code,
// on real log fixtures: the seed document's transcripts, a curl -v transcript and a Dovecot auth log.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { ui } from './ui';
import { waitFor, waitForAsync } from './wait';
import { hoverText, plain } from './hovers';

const LOGS = path.resolve(__dirname, '../../../test/fixtures/logs');

async function open(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(LOGS, name)));
  await vscode.window.showTextDocument(doc);
  return doc;
}

async function untitled(content: string, language = 'log'): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument({ content, language });
  await vscode.window.showTextDocument(doc);
  return doc;
}

function lineIndex(doc: vscode.TextDocument, predicate: (text: string) => boolean, from = 0): number {
  for (let i = from; i < doc.lineCount; i++) if (predicate(doc.lineAt(i).text)) return i;
  throw new Error('line not found');
}

function b64url(o: unknown): string {
  return Buffer.from(JSON.stringify(o)).toString('base64url');
}
function jwt(claims: Record<string, unknown>): string {
  return [b64url({ typ: 'JWT', alg: 'RS256' }), b64url(claims), 'c2lnbmF0dXJl'].join('.');
}
function xoauth2(user: string, token: string): string {
  return Buffer.from(`user=${user}\x01auth=Bearer ${token}\x01\x01`).toString('base64');
}

describe('Log hovers on the seed transcripts', function () {
  this.timeout(60_000);
  let doc: vscode.TextDocument;
  before(async () => {
    doc = await open('seed-transcripts.log');
  });
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('decodes the IMAP blob under the cursor, token redacted', async () => {
    const line = lineIndex(doc, (t) => t.startsWith('C: A01 AUTHENTICATE XOAUTH2'));
    const text = plain(await hoverText(doc, line, 60));
    assert.match(text, /Mail OAuth · XOAUTH2/);
    assert.match(text, /client → server · IMAP/);
    assert.match(text, /\| User \| someuser@example\.com \|/);
    assert.match(text, /\| Token \| ya29\.v…9tCg \(45 chars\) \|/);
    assert.match(text, /Opaque Google access token/);
    assert.ok(!text.includes('ya29.vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg'), 'token not in the hover');
    assert.strictEqual(await hoverText(doc, line, 4), '', 'no blob hover over the tag');
  });

  it('shows the hover in the editor as a person sees it', async function () {
    if (!ui.available) this.skip();
    const editor = await vscode.window.showTextDocument(doc);
    const line = lineIndex(doc, (t) => /^JlciB5YTI5/.test(t));
    editor.selection = new vscode.Selection(line, 20, line, 20);
    editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('editor.action.showHover');
    const shown = await ui.text('.monaco-hover-content');
    assert.match(shown, /Mail OAuth · XOAUTH2/);
    assert.match(shown, /someuser@example\.com/);
    await ui.screenshot('log-hover');
    await ui.press('Escape', { waitForQuickInput: false });
  });

  it('shows a failure line’s hover with a short diagnostic on top and the formatted cause and fix in view', async function () {
    if (!ui.available) this.skip();
    await waitFor('diagnostics', () => vscode.languages.getDiagnostics(doc.uri).length >= 3);
    const editor = await vscode.window.showTextDocument(doc);
    const smtp = lineIndex(doc, (t) => t.includes('535 5.7.3'));
    const at = doc.lineAt(smtp).text.indexOf('535') + 2;
    editor.selection = new vscode.Selection(smtp, at, smtp, at);
    editor.revealRange(new vscode.Range(smtp, 0, smtp, 0), vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('editor.action.showHover');
    // The whole hover: the diagnostic's part and the extension's are separate .monaco-hover-content blocks.
    const shown = await ui.text('.monaco-hover');
    await ui.screenshot('log-failure-hover');
    await ui.press('Escape', { waitForQuickInput: false });
    const cause = shown.indexOf('Cause:');
    assert.ok(cause >= 0, `the hover shows the cause: ${shown}`);
    assert.ok(shown.indexOf('535 5.7.3') < cause, 'the short diagnostic (with the reply) comes first');
    assert.ok(cause < 400, `the cause is near the top, not below a long message (at ${cause}): ${shown.slice(0, 600)}`);
  });

  it('decodes the wrapped POP blob whole from the middle of its middle line', async () => {
    const first = lineIndex(doc, (t) => t.startsWith('C: dXNlcj1zb21ldXNlckBleGFtcGxlLmNvbQFhdXRoPUJlYX'));
    for (const line of [first, first + 1, first + 2]) {
      const text = plain(await hoverText(doc, line, line === first + 1 ? 30 : 4));
      assert.match(text, /Mail OAuth · XOAUTH2.*wrapped over 3 lines/, `line ${line}`);
      assert.match(text, /\| User \| someuser@example\.com \|/);
      assert.match(text, /POP3/);
    }
  });

  it("reports the seed's broken padding in the hover", async () => {
    const last = lineIndex(doc, (t) => /^l0Q2cBAQ=\s*$/.test(t));
    const text = plain(await hoverText(doc, last, 3));
    assert.match(text, /The base64 padding is wrong: 1 '=' where 2 belong/);
  });

  it('explains failure replies in a hover, with documentation links', async () => {
    const imapNo = lineIndex(doc, (t) => t.includes('A01 NO AUTHENTICATE failed.'));
    const text = plain(await hoverText(doc, imapNo, 12));
    assert.match(text, /Exchange Online rejected the XOAUTH2 login/);
    assert.match(text, /\*\*Fix:\*\*/);
    assert.match(text, /\(https:\/\/learn\.microsoft\.com\//);
    const smtp = lineIndex(doc, (t) => t.includes('535 5.7.3'));
    assert.match(plain(await hoverText(doc, smtp, 8)), /Cause:/);
  });

  it('lists explained failures in the Problems panel, with a documentation link as code', async () => {
    const diags = await waitFor('diagnostics', () => {
      const d = vscode.languages.getDiagnostics(doc.uri);
      return d.length >= 3 && d;
    });
    const smtp = lineIndex(doc, (t) => t.includes('535 5.7.3'));
    const d = diags.find((x) => x.range.start.line === smtp);
    assert.ok(d, `a diagnostic on line ${smtp}: ${diags.map((x) => x.range.start.line).join(',')}`);
    assert.strictEqual(d.source, 'Mail OAuth');
    assert.ok(typeof d.code === 'object' && d.code.target.toString().startsWith('https://'), 'code links to documentation');
    // VS Code shows the message above the hover: short (title and reply), the explanation stays in the hover.
    assert.match(d.message, /535 5\.7\.3/);
    assert.ok(d.message.length < 200 && !/Fix:|Cause:/.test(d.message), `a short message: ${d.message}`);
    const pop = lineIndex(doc, (t) => t.includes('-ERR Authentication failure'));
    assert.ok(diags.some((x) => x.range.start.line === pop));
  });

  it('copies the user and the token through the hover links, and reveals the token on request', async () => {
    const line = lineIndex(doc, (t) => t.startsWith('C: A01 AUTHENTICATE XOAUTH2'));
    const markdown = await hoverText(doc, line, 60);
    const link = (command: string) => {
      const m = new RegExp(`\\(command:${command.replace(/\./g, '\\.')}\\?([^)]+)\\)`).exec(markdown);
      assert.ok(m, `link to ${command} in the hover`);
      return JSON.parse(decodeURIComponent(m[1])) as unknown[];
    };
    assert.ok(!/ya29\.vF9d/.test(markdown.replace(/\(command:[^)]+\)/g, '')) && !decodeURIComponent(markdown).includes('ya29.vF9dft4'), 'links carry positions, not the token');
    await vscode.commands.executeCommand('mailOAuth.logs.copyUser', ...link('mailOAuth.logs.copyUser'));
    assert.strictEqual(await vscode.env.clipboard.readText(), 'someuser@example.com');
    await vscode.commands.executeCommand('mailOAuth.logs.copySecret', ...link('mailOAuth.logs.copySecret'));
    assert.strictEqual(await vscode.env.clipboard.readText(), 'ya29.vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg');
    await vscode.commands.executeCommand('mailOAuth.logs.revealSecret', ...link('mailOAuth.logs.revealSecret'));
    assert.match(plain(await hoverText(doc, line, 60)), /\| Token \| `ya29\.vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg` \|/);
    await vscode.commands.executeCommand('mailOAuth.logs.hideSecret', ...link('mailOAuth.logs.revealSecret'));
    assert.match(plain(await hoverText(doc, line, 60)), /ya29\.v…9tCg/);
    const view = (await vscode.commands.executeCommand('mailOAuth.logs.openDecoded', ...link('mailOAuth.logs.openDecoded'))) as vscode.TextDocument;
    assert.match(view.getText(), /User: +someuser@example\.com/);
    await vscode.window.showTextDocument(doc);
  });

  it('the hover links\u2019 commands run with anything but a blob reference (another extension) say the blob is not there, and fail no further', async () => {
    await vscode.env.clipboard.writeText('untouched');
    const forged: unknown[] = [
      42,
      { uri: 42, line: 0, character: 0 },
      { uri: doc.uri.toString(), line: -1, character: 'x' },
      { uri: 'file:///nonexistent/mailoauth.log', line: 0, character: 0 },
      [doc.uri.toString()],
    ];
    for (const command of ['mailOAuth.logs.copyUser', 'mailOAuth.logs.copySecret', 'mailOAuth.logs.revealSecret', 'mailOAuth.logs.hideSecret', 'mailOAuth.logs.openDecoded']) {
      for (const arg of forged) assert.strictEqual(await vscode.commands.executeCommand(command, arg), undefined, `${command}(${JSON.stringify(arg)}) resolves`);
    }
    assert.strictEqual(await vscode.env.clipboard.readText(), 'untouched');
    await vscode.window.showTextDocument(doc);
  });

  it('lists every blob with "Decode All Auth Blobs in File" and jumps to the one picked', async function () {
    if (!ui.available) this.skip();
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const done = vscode.commands.executeCommand('mailOAuth.decodeAllInFile');
    const target = lineIndex(
      doc,
      (t) => t.startsWith('C: dXNlcj1zb21ldXNlckBleGFtcGxlLmNvbQFhdXRoPUJlY'),
      lineIndex(doc, (t) => t.includes('auth xoauth2')),
    );
    await ui.type(`Line ${target + 1} `);
    const title = await ui.text('.quick-input-title');
    assert.match(title, /^7 auth blobs in seed-transcripts\.log/);
    await ui.press('Enter');
    await done;
    const sel = vscode.window.activeTextEditor!.selection;
    assert.deepStrictEqual([sel.start.line, sel.start.character, sel.end.line], [target, 3, target + 2]);
  });
});

describe('Log hovers on real curl and Dovecot logs', function () {
  this.timeout(60_000);
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('decodes the OAUTHBEARER blob and the error challenge in a curl -v transcript', async () => {
    const doc = await open('curl-verbose.log');
    const line = lineIndex(doc, (t) => t.startsWith('> A002 AUTHENTICATE OAUTHBEARER'));
    const text = plain(await hoverText(doc, line, 80));
    assert.match(text, /Mail OAuth · OAUTHBEARER/);
    assert.match(text, /\| User \| adele@contoso\.com \|/);
    assert.match(text, /\| Host \| 127\.0\.0\.1 \|/);
    assert.match(text, /\| Scopes \| IMAP\.AccessAsUser\.All POP\.AccessAsUser\.All SMTP\.Send \|/);
    assert.match(text, /\| Allows \| IMAP, POP3, SMTP \|/);
    const challenge = lineIndex(doc, (t) => t.startsWith('< + eyJ'));
    const c = plain(await hoverText(doc, challenge, 10));
    assert.match(c, /server error challenge/);
    assert.match(c, /\| Status \| invalid_token \|/);
    assert.match(c, /AQ==/);
    const wrongUser = lineIndex(doc, (t) => t.startsWith('> bixhPXNvbWVvbmUuZWxzZUBjb250b3NvLmNvbSwB'));
    assert.match(plain(await hoverText(doc, wrongUser, 20)), /is not the token's account \(adele@contoso\.com\).*shared mailbox/);
  });

  it("decodes the challenge in Dovecot's auth debug log and explains its failure lines", async () => {
    const doc = await open('dovecot-auth-debug.log');
    const cont = lineIndex(doc, (t) => /passdb out: CONT\t1\teyJ/.test(t));
    assert.match(plain(await hoverText(doc, cont, doc.lineAt(cont).text.indexOf('eyJ') + 5)), /\| Status \| invalid_token \|/);
    const expired = lineIndex(doc, (t) => t.includes('oauth2 failed: Local validation failed: Token has expired'));
    const text = plain(await hoverText(doc, expired, doc.lineAt(expired).text.indexOf('Token has expired')));
    assert.match(text, /Mail OAuth · /);
    assert.match(text, /Cause:/);
  });

  it('judges expiry at the time the line was logged, and notes expiry since', async () => {
    const exp = Math.floor(Date.parse('2026-03-01T10:00:00Z') / 1000);
    const claims = { aud: 'https://outlook.office.com', tid: 't', upn: 'adele@contoso.com', scp: 'IMAP.AccessAsUser.All', exp, iat: exp - 3600, nbf: exp - 3600 };
    const blob = xoauth2('adele@contoso.com', jwt(claims));
    const doc = await untitled([`2026-03-01T10:30:00Z C: A1 AUTHENTICATE XOAUTH2 ${blob}`, `2026-03-01T09:30:00Z C: A1 AUTHENTICATE XOAUTH2 ${blob}`, `C: A1 AUTHENTICATE XOAUTH2 ${blob}`].join('\n'));
    const stale = plain(await hoverText(doc, 0, 60));
    assert.match(stale, /had already expired when this line was logged: it expired 30 minutes before/);
    const fresh = plain(await hoverText(doc, 1, 60));
    assert.match(fresh, /valid when this line was logged; it has expired since/);
    assert.doesNotMatch(fresh, /had already expired/);
    assert.match(plain(await hoverText(doc, 2, 60)), /The token expired .* ago/);
  });

  it("decodes a login string written as text in Postfix's verbose log (uncoded initial reply), with its base64 and the Graph token named", async function () {
    const doc = await open('postfix-sasl-xoauth2-syslog.log');
    const line = lineIndex(doc, (t) => t.includes('uncoded initial reply: user='));
    const at = doc.lineAt(line).text.indexOf('user=') + 8;
    // The first hover of a freshly opened file may come before the extension has activated for it.
    await waitForAsync('the first hover', async () => (await hoverText(doc, line, at)) !== '');
    const text = plain(await hoverText(doc, line, at));
    assert.match(text, /Mail OAuth · XOAUTH2/);
    assert.match(text, /adele@contoso\.com/);
    assert.match(text, /before base64/);
    assert.match(text, /Microsoft Graph, not for Exchange Online/);
    if (!ui.available) return;
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(line, at, line, at);
    editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('editor.action.showHover');
    assert.match(await ui.text('.monaco-hover-content'), /Mail OAuth · XOAUTH2/);
    await ui.screenshot('log-hover-plain-text');
    await ui.press('Escape', { waitForQuickInput: false });
  });

  it('names the missing permission for the protocol on the line', async () => {
    const exp = Math.floor(Date.now() / 1000) + 3600;
    const token = jwt({ aud: 'https://outlook.office.com', tid: 't', upn: 'adele@contoso.com', scp: 'SMTP.Send', exp });
    const doc = await untitled(['S: +OK Dovecot ready.', 'C: AUTH XOAUTH2', 'S: +', `C: ${xoauth2('adele@contoso.com', token)}`].join('\n'));
    const text = plain(await hoverText(doc, 3, 10));
    assert.match(text, /POP3/);
    assert.match(text, /no POP permission: scp lacks POP\.AccessAsUser\.All/);
  });

  it('gives no hover on base64 that is not an auth blob', async () => {
    const doc = await untitled(
      [
        'Message-ID: <CAF=Yh9ZkQzVb3x0aXZlQGV4YW1wbGUuY29t@mail.gmail.com>',
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
        'SGVsbG8sIHRoaXMgaXMgYSBwbGFpbiB0ZXh0IG1lc3NhZ2UgYm9keS4=',
      ].join('\n'),
    );
    for (let line = 0; line < doc.lineCount; line++) {
      for (const ch of [5, 20, 40]) assert.strictEqual(await hoverText(doc, line, ch), '', `line ${line} char ${ch}`);
    }
  });

  it('follows the setting for further languages', async () => {
    const blob = xoauth2('adele@contoso.com', 'EwBAAl3BAAUFFpUAo7J3Ve0bjLBWZWCclRC3EoAA');
    const doc = await untitled(`login: AUTH XOAUTH2 ${blob}\n`, 'markdown');
    assert.strictEqual(await hoverText(doc, 0, 30), '', 'markdown is not a log language by default');
    const config = vscode.workspace.getConfiguration('mailOAuth.logs');
    await config.update('additionalLanguages', ['markdown'], vscode.ConfigurationTarget.Global);
    try {
      await waitFor('the hover in markdown', () => true);
      let text = '';
      for (let i = 0; i < 40 && !text; i++) {
        text = await hoverText(doc, 0, 30);
        if (!text) await new Promise((r) => setTimeout(r, 100));
      }
      assert.match(plain(text), /Mail OAuth · XOAUTH2/);
    } finally {
      await config.update('additionalLanguages', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
