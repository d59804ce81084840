// Copy as Code and the Exchange app-only setup in the real VS Code: a console session against Dovecot, then the
// console title bar's Copy as Code button and a language from the quick pick give the program of that session
// (editor and clipboard); Exchange Setup for App-Only Access opens the PowerShell steps. Screenshots of both.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { Dovecot } from '../servers/dovecot';
import { readyDovecot } from '../servers/readyDovecot';
import { fillConsoleForm } from './consoleForm';
import { ui } from './ui';
import { waitFor } from './wait';

// Dovecot takes only plain user names; quotes and the like in values are checked by the unit tests (test/unit/snippet.test.ts).
const USER = 'adele@contoso.com';

describe('Copy as Code and Exchange setup', function () {
  this.timeout(120_000);
  let dovecot: Dovecot;
  let token: string;

  before(async function () {
    if (!ui.available) this.skip();
    ({ dovecot, token } = await readyDovecot(USER));
  });
  after(async () => {
    try {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    } finally {
      await dovecot?.stop();
    }
  });

  it("the console title bar's Copy as Code writes the last session as a Python program, in an editor and the clipboard", async () => {
    await vscode.commands.executeCommand('mailOAuth.openConsole');
    await ui.webview.waitForText('#status', 'Not connected');
    await fillConsoleForm({ protocol: 'imap', port: dovecot.ports.imap, security: 'none', token, user: USER, mechanism: 'OAUTHBEARER' });
    await ui.webview.click('#connect');
    await ui.webview.waitForText('#verdict', 'Authenticated with OAUTHBEARER and verified');
    await vscode.env.clipboard.writeText('');
    await ui.click('.editor-actions [aria-label^="Copy as Code"]');
    await ui.type('Python');
    await ui.press('Enter');
    const editor = await waitFor('the Python program in an editor', () => (vscode.window.activeTextEditor?.document.languageId === 'python' ? vscode.window.activeTextEditor : undefined));
    const code = editor.document.getText();
    assert.match(code, /^HOST = "127\.0\.0\.1"$/m);
    assert.match(code, new RegExp(`^PORT = ${dovecot.ports.imap}$`, 'm'));
    assert.match(code, /^USER = "adele@contoso\.com"$/m);
    assert.match(code, /imap\.authenticate\("OAUTHBEARER", respond\)/);
    assert.match(code, /imap\.list\('""', "INBOX"\)/);
    assert.ok(!code.includes(token), 'no token in the program');
    assert.strictEqual(await vscode.env.clipboard.readText(), code);
    await ui.screenshot('copy-as-code');
  });

  it('Exchange Setup for App-Only Access opens the PowerShell steps with the mailbox filled in', async () => {
    const run = vscode.commands.executeCommand('mailOAuth.exchangeSetup');
    await ui.type("o'brien@contoso.com");
    await ui.press('Enter');
    await run;
    const editor = await waitFor('the PowerShell document', () => (vscode.window.activeTextEditor?.document.languageId === 'powershell' ? vscode.window.activeTextEditor : undefined));
    const text = editor.document.getText();
    assert.match(text, /^\$Mailbox {2}= 'o''brien@contoso\.com'$/m);
    assert.match(text, /New-ServicePrincipal -AppId \$AppId -ObjectId \$ObjectId/);
    assert.match(text, /Add-MailboxPermission -Identity \$Mailbox -User \$ObjectId -AccessRights FullAccess/);
    await ui.screenshot('exchange-setup');
  });
});
