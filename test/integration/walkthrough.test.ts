// The walkthrough on VS Code's Welcome page (contributes.walkthroughs), and the command its last step
// runs: a sample log whose auth blobs the hover explains.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { ui } from './ui';
import { waitFor } from './wait';

const WALKTHROUGH = 'mail-oauth-debugger.mail-oauth-debugger#mailOAuth.start';

describe('Walkthrough: Get Started with Mail OAuth Debugger', function () {
  this.timeout(60_000);
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens on the Welcome page with its five steps, the first one expanded', async function () {
    if (!ui.available) this.skip();
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH, false);
    const text = await ui.text('.gettingStartedContainer .gettingStartedSlideDetails', { timeoutMs: 20_000 });
    for (const step of ['Register an app in Microsoft Entra ID', 'Set the client ID', 'Sign in to Microsoft', 'Log in to a mail server', 'Hover over an auth blob in a log']) {
      assert.ok(text.includes(step), `step "${step}" on the Welcome page:\n${text.slice(0, 1500)}`);
    }
    assert.ok(text.includes("Open Microsoft's guide"), text.slice(0, 1500));
    await ui.screenshot('walkthrough');
  });

  it('Open a Sample Log opens an untitled log whose first blob the hover decodes, with its wrong audience', async () => {
    await vscode.commands.executeCommand('mailOAuth.openSampleLog');
    const editor = await waitFor('the sample log', () => (vscode.window.activeTextEditor?.document.isUntitled ? vscode.window.activeTextEditor : undefined));
    assert.strictEqual(editor.document.languageId, 'log');
    const line = editor.document.lineAt(3).text;
    assert.match(line, /C: A1 AUTHENTICATE XOAUTH2 [A-Za-z0-9+/=]{100,}$/);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(3, line.length - 5));
    const markdown = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.match(markdown, /Mail OAuth · XOAUTH2/, markdown);
    assert.match(markdown, /adele@contoso\.com/, markdown);
    assert.match(markdown, /graph\.microsoft\.com/, markdown);
    // The token for Microsoft Graph is the problem the hover names (its wording is the core's).
    assert.match(markdown, /\*\*Problems\*\*/, markdown);
    // And the second login's token, issued for Outlook with the IMAP scope, has none.
    const ok = editor.document.lineAt(5).text;
    const okHovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(5, ok.length - 5));
    const okMarkdown = okHovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.match(okMarkdown, /outlook\.office\.com/, okMarkdown);
    assert.doesNotMatch(okMarkdown, /\$\(error\)/, okMarkdown);
  });
});
