// The palette commands in a real VS Code: prompts answered through the UI bridge the way a person
// answers them, results checked in the clipboard, the editor and the decoded view.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { ui } from './ui';
import { waitFor } from './wait';

const SEED = {
  user: 'test@contoso.onmicrosoft.com',
  token: 'EwBAAl3BAAUFFpUAo7J3Ve0bjLBWZWCclRC3EoAA',
  encoded: 'dXNlcj10ZXN0QGNvbnRvc28ub25taWNyb3NvZnQuY29tAWF1dGg9QmVhcmVyIEV3QkFBbDNCQUFVRkZwVUFvN0ozVmUwYmpMQldaV0NjbFJDM0VvQUEBAQ==',
  wrapped: 'dXNlcj10ZXN0QGNvbnRvc28ub25taWNyb3NvZnQuY29tAWF1dGg9QmVhcmVy\nIEV3QkFBbDNCQUFVRkZwVUFvN0ozVmUwYmpMQldaV0NjbFJDM0VvQUEBAQ==',
};
const RFC7628_IMAP = 'bixhPXVzZXJAZXhhbXBsZS5jb20sAWhvc3Q9c2VydmVyLmV4YW1wbGUuY29tAXBvcnQ9MTQzAWF1dGg9QmVhcmVyIHZGOWRmdDRxbVRjMk52YjNSbGNrQmhiSFJoZG1semRHRXVZMjl0Q2c9PQEB';

async function editorWith(text: string, select?: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ content: text, language: 'plaintext' });
  const editor = await vscode.window.showTextDocument(doc);
  if (select) {
    const start = doc.positionAt(text.indexOf(select));
    editor.selection = new vscode.Selection(start, doc.positionAt(text.indexOf(select) + select.length));
  } else {
    editor.selection = new vscode.Selection(doc.positionAt(text.length), doc.positionAt(text.length));
  }
  return editor;
}

function activeText(): string {
  return vscode.window.activeTextEditor?.document.getText() ?? '';
}

describe('Encode XOAUTH2 / OAUTHBEARER from the palette', function () {
  this.timeout(60_000);
  before(function () {
    if (!ui.available) this.skip();
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('takes the user from the selection and the token from the clipboard, and copies the seed string', async () => {
    await editorWith(`login as ${SEED.user} please`, SEED.user);
    await vscode.env.clipboard.writeText(SEED.token);
    const done = vscode.commands.executeCommand('mailOAuth.encodeXoauth2');
    await ui.press('Enter'); // user: pre-filled from the selection
    await ui.press('Enter'); // token: pre-filled from the clipboard (password box)
    await ui.press('Enter'); // first action: copy
    await done;
    assert.strictEqual(await vscode.env.clipboard.readText(), SEED.encoded);
  });

  it('inserts the string at the cursor when the user types user and token', async () => {
    const editor = await editorWith('AUTH XOAUTH2 ');
    await vscode.env.clipboard.writeText('');
    const done = vscode.commands.executeCommand('mailOAuth.encodeXoauth2');
    await ui.type(SEED.user);
    await ui.press('Enter');
    await ui.type(SEED.token);
    await ui.press('Enter');
    await ui.type('Insert at cursor');
    await ui.press('Enter');
    await done;
    await waitFor('the inserted string', () => editor.document.getText() === `AUTH XOAUTH2 ${SEED.encoded}`);
  });

  it('offers "Insert at cursor" for an editable editor, not for the read-only decoded view', async function () {
    if (!ui.available) this.skip();
    const actions = async () => {
      const done = vscode.commands.executeCommand('mailOAuth.encodeXoauth2', { user: SEED.user, token: SEED.token });
      const list = await ui.text('.quick-input-list');
      await ui.press('Escape', { waitForQuickInput: false });
      await done;
      return list;
    };
    await editorWith('AUTH XOAUTH2 ');
    assert.match(await actions(), /Insert at cursor/);
    const decoded = (await vscode.commands.executeCommand('mailOAuth.decode', `C: A01 AUTHENTICATE XOAUTH2 ${SEED.encoded}`)) as vscode.TextDocument;
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), decoded.uri.toString(), 'the decoded view is active');
    assert.doesNotMatch(await actions(), /Insert at cursor/);
  });

  it('numbers the steps of both commands alike and names each: user, (server,) token', async function () {
    if (!ui.available) this.skip();
    await editorWith('');
    await vscode.env.clipboard.writeText('');
    const titles: string[] = [];
    const done = vscode.commands.executeCommand('mailOAuth.encodeOauthbearer');
    titles.push(await ui.text('.quick-input-title'));
    await ui.type(SEED.user);
    await ui.press('Enter');
    titles.push(await ui.text('.quick-input-title'));
    await ui.type('outlook.office365.com:993');
    await ui.press('Enter');
    titles.push(await ui.text('.quick-input-title'));
    await ui.press('Escape', { waitForQuickInput: false });
    await done;
    assert.deepStrictEqual(titles, ['Encode OAUTHBEARER (1/3): user', 'Encode OAUTHBEARER (2/3): server', 'Encode OAUTHBEARER (3/3): token']);
  });

  it('refuses a token with "Bearer " in front inside the input box, then takes the corrected one', async () => {
    await editorWith('');
    await vscode.env.clipboard.writeText('');
    const done = vscode.commands.executeCommand('mailOAuth.encodeXoauth2');
    await ui.type(SEED.user);
    await ui.press('Enter');
    await ui.type(`Bearer ${SEED.token}`);
    await ui.press('Enter'); // rejected by validation: the box stays open
    for (let i = 0; i < 'Bearer '.length; i++) await ui.press('Home', { waitForQuickInput: true }).then(() => ui.press('Delete'));
    await ui.press('Enter');
    await ui.type('Copy IMAP command');
    await ui.press('Enter');
    await done;
    assert.strictEqual(await vscode.env.clipboard.readText(), `A01 AUTHENTICATE XOAUTH2 ${SEED.encoded}`);
  });

  it('shows the IMAP, POP and SMTP lines in a read-only view, redacted until revealed', async () => {
    await editorWith('');
    await vscode.env.clipboard.writeText(SEED.token);
    const done = vscode.commands.executeCommand('mailOAuth.encodeXoauth2');
    await ui.type(SEED.user);
    await ui.press('Enter');
    await ui.press('Enter');
    await ui.type('Show IMAP, POP and SMTP');
    await ui.press('Enter');
    await done;
    const text = await waitFor('the command-lines view', () => activeText().includes('Ready to paste') && activeText());
    assert.match(text, /A01 AUTHENTICATE XOAUTH2 dXNlcj…AQ== \(120 chars\)/);
    assert.match(text, /AUTH XOAUTH2\n/);
    assert.ok(!text.includes(SEED.encoded) && !text.includes(SEED.token), 'nothing secret is shown before reveal');
    await vscode.commands.executeCommand('mailOAuth.decodedView.reveal');
    await waitFor('the revealed lines', () => activeText().includes(`A01 AUTHENTICATE XOAUTH2 ${SEED.encoded}`));
  });

  it('encodes OAUTHBEARER with host and port (RFC 7628 §4.1)', async () => {
    await editorWith('');
    await vscode.env.clipboard.writeText('');
    const done = vscode.commands.executeCommand('mailOAuth.encodeOauthbearer');
    await ui.type('user@example.com');
    await ui.press('Enter');
    await ui.type('server.example.com:143');
    await ui.press('Enter');
    await ui.type('vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg==');
    await ui.press('Enter');
    await ui.press('Enter');
    await done;
    assert.strictEqual(await vscode.env.clipboard.readText(), RFC7628_IMAP);
  });

  it('leaves everything as it was when the user presses Escape', async () => {
    await vscode.env.clipboard.writeText('untouched');
    const done = vscode.commands.executeCommand('mailOAuth.encodeXoauth2');
    await ui.press('Escape');
    await done;
    assert.strictEqual(await vscode.env.clipboard.readText(), 'untouched');
  });
});

describe('Decode SASL String', function () {
  this.timeout(60_000);
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it("decodes the seed's wrapped string from the selection into a read-only view, token redacted", async () => {
    const log = `C: A01 AUTHENTICATE XOAUTH2\n${SEED.wrapped}\nS: A01 OK\n`;
    await editorWith(log, SEED.wrapped);
    await vscode.commands.executeCommand('mailOAuth.decode');
    const editor = await waitFor('the decoded view', () => vscode.window.activeTextEditor?.document.uri.scheme === 'mailoauth-decoded' && vscode.window.activeTextEditor);
    const text = editor.document.getText();
    assert.match(text, /Mechanism: +XOAUTH2/);
    assert.match(text, new RegExp(`User: +${SEED.user.replace(/\./g, '\\.')}`));
    assert.match(text, /Token: +EwBAAl…EoAA \(40 chars\)/);
    assert.match(text, /Opaque Microsoft account token/);
    assert.match(text, /wrapped over 2 lines/);
    assert.ok(!text.includes(SEED.token), 'the token is redacted by default');

    assert.strictEqual(editor.document.languageId, 'mail-oauth-decoded');

    // Read-only: typing into it, as a person would, changes nothing.
    if (ui.available) {
      await vscode.window.showTextDocument(editor.document);
      await ui.type('typed into a read-only view', { waitForQuickInput: false });
      assert.strictEqual(editor.document.getText(), text);
      assert.strictEqual(editor.document.isDirty, false);
    }

    await vscode.commands.executeCommand('mailOAuth.decodedView.reveal');
    await waitFor('the revealed token', () => editor.document.getText().includes(`Token:          ${SEED.token}`)).catch((e) => {
      throw new Error(`${e.message}; active: ${vscode.window.activeTextEditor?.document.uri.toString()}; text: ${editor.document.getText().slice(0, 300)}`);
    });
    await vscode.commands.executeCommand('mailOAuth.decodedView.hide');
    await waitFor('the token redacted again', () => !editor.document.getText().includes(SEED.token));
    assert.match(editor.document.getText(), /Secrets are redacted: /, 'the hint is back after reveal, then redact');

    await vscode.env.clipboard.writeText('');
    await vscode.commands.executeCommand('mailOAuth.decodedView.copyToken');
    assert.strictEqual(await vscode.env.clipboard.readText(), SEED.token);
  });

  it('decodes what real pastes hold: a whole log line whose login was cut with "...", a token encoded twice', async () => {
    const decoded = async (line: string) => {
      await editorWith(`${line}\n`, line);
      await vscode.commands.executeCommand('mailOAuth.decode');
      const editor = await waitFor('the decoded view', () => vscode.window.activeTextEditor?.document.uri.scheme === 'mailoauth-decoded' && vscode.window.activeTextEditor);
      const text = editor.document.getText();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      return text;
    };
    const cut = await decoded('2024-05-01 10:00:00 DEBUG SMTP: AUTH XOAUTH2 dXNlcj1ybm...');
    assert.match(cut, /This XOAUTH2 string was cut off: the readable part starts "user=r…"/);
    // A synthetic JWT of the real shape, base64-encoded once more before the XOAUTH2 string was built.
    const jwt = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL291dGxvb2sub2ZmaWNlLmNvbSJ9.c2lnbmF0dXJl';
    const blob = Buffer.from(`user=a@contoso.com\x01auth=Bearer ${Buffer.from(jwt).toString('base64')}\x01\x01`).toString('base64');
    const twice = await decoded(`C: A01 AUTHENTICATE XOAUTH2 ${blob}`);
    assert.match(twice, /Not an access token as it is: the base64 of a JWT/);
    assert.match(twice, /The token is base64-encoded a second time/);
  });

  it('shows the claims and problems of a Microsoft JWT inside XOAUTH2 (expired, Graph audience)', async () => {
    const b64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const jwt = [
      b64url({ typ: 'JWT', alg: 'RS256', kid: 'test' }),
      b64url({
        aud: '00000003-0000-0000-c000-000000000000',
        iss: 'https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/',
        tid: '72f988bf-86f1-41af-91ab-2d7cd011db47',
        upn: 'adele@contoso.com',
        scp: 'IMAP.AccessAsUser.All Mail.Read',
        appid: '11111111-2222-3333-4444-555555555555',
        iat: now - 7200,
        nbf: now - 7200,
        exp: now - 3600,
      }),
      'c2lnbmF0dXJlLW5vdC1jaGVja2Vk',
    ].join('.');
    const blob = Buffer.from(`user=shared@contoso.com\x01auth=Bearer ${jwt}\x01\x01`).toString('base64');
    const doc = (await vscode.commands.executeCommand('mailOAuth.decode', `C: A01 AUTHENTICATE XOAUTH2 ${blob}`)) as vscode.TextDocument;
    const text = doc.getText();
    assert.match(text, /Microsoft Entra ID access token/);
    assert.match(text, /Audience: +00000003-0000-0000-c000-000000000000 +\[aud\]/);
    assert.match(text, /User principal name: +adele@contoso\.com +\[upn\]/);
    assert.match(text, /The token expired 1 hour ago/);
    assert.match(text, /for Microsoft Graph, not for Exchange Online/);
    assert.match(text, /shared mailbox/);
    assert.ok(!text.includes(jwt), 'the JWT is redacted');
    if (ui.available) await ui.screenshot('decoded-view');
  });

  it('asks for input when nothing is selected, and lists every problem found', async function () {
    if (!ui.available) this.skip();
    await editorWith('');
    const literalCaretA = Buffer.from(`user=${SEED.user}^Aauth=Bearer ${SEED.token}^A^A`).toString('base64');
    const done = vscode.commands.executeCommand('mailOAuth.decode');
    await ui.type(`AUTH XOAUTH2 ${literalCaretA}`);
    await ui.press('Enter');
    await done;
    const text = await waitFor('the decoded view', () => activeText().includes('Problems') && activeText());
    assert.match(text, /two characters "\^A" instead of the control character 0x01/);
    assert.ok(!text.includes(SEED.token), 'the token is redacted even though the string could not be parsed');
  });

  it('keeps the input box open with the reason when the input is not base64', async function () {
    if (!ui.available) this.skip();
    await editorWith('');
    const done = vscode.commands.executeCommand('mailOAuth.decode');
    await ui.type('this is not base64!');
    await ui.press('Enter'); // refused by validation
    const message = await ui.text('.quick-input-message');
    assert.match(message, /Not base64: '!' at position/);
    await ui.press('Escape');
    assert.strictEqual(await done, undefined);
    assert.notStrictEqual(vscode.window.activeTextEditor?.document.uri.scheme, 'mailoauth-decoded');
  });

  it("decodes Gmail's error challenge passed as an argument", async () => {
    const doc = (await vscode.commands.executeCommand('mailOAuth.decode', '+ eyJzdGF0dXMiOiI0MDAiLCJzY2hlbWVzIjoiQmVhcmVyIiwic2NvcGUiOiJodHRwczovL21haWwuZ29vZ2xlLmNvbS8ifQ==')) as vscode.TextDocument;
    const text = doc.getText();
    assert.match(text, /Server error challenge/);
    assert.match(text, /Status: +400/);
    assert.match(text, /Scope: +https:\/\/mail\.google\.com\//);
    assert.match(text, /answer with an empty line/);
  });
});
