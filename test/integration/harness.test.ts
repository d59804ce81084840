// Smoke test of the integration harness itself: the extension loads in a real VS Code, the UI bridge
// answers input boxes and quick picks like a person would, the clipboard works, screenshots are PNGs.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { ui } from './ui';

const EXTENSION_ID = 'mail-oauth-debugger.mail-oauth-debugger';

describe('integration harness', () => {
  it('loads and activates the extension under development', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
    await ext.activate();
    assert.strictEqual(ext.isActive, true);
  });

  it('opened the sample workspace', () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder open');
    assert.ok(fs.existsSync(path.join(folder.uri.fsPath, 'README.md')), `README.md missing in ${folder.uri.fsPath}`);
  });

  it('types an answer into showInputBox', async function () {
    if (!ui.available) this.skip();
    const answer = vscode.window.showInputBox({ prompt: 'Harness smoke test: type something' });
    await ui.type('hello from the bridge');
    await ui.press('Enter');
    assert.strictEqual(await answer, 'hello from the bridge');
  });

  it('types into a password input box', async function () {
    if (!ui.available) this.skip();
    const answer = vscode.window.showInputBox({ prompt: 'Harness smoke test: password', password: true });
    await ui.type('not-a-real-secret');
    await ui.press('Enter');
    assert.strictEqual(await answer, 'not-a-real-secret');
  });

  it('answers two prompts in a row', async function () {
    if (!ui.available) this.skip();
    const both = (async () => {
      const first = await vscode.window.showInputBox({ prompt: 'first' });
      const second = await vscode.window.showInputBox({ prompt: 'second' });
      return [first, second];
    })();
    await ui.type('one');
    await ui.press('Enter');
    await ui.type('two');
    await ui.press('Enter');
    assert.deepStrictEqual(await both, ['one', 'two']);
  });

  it('filters and picks in showQuickPick, and Escape cancels', async function () {
    if (!ui.available) this.skip();
    const picked = vscode.window.showQuickPick(['alpha', 'beta', 'gamma'], { placeHolder: 'Pick one' });
    await ui.type('gam');
    await ui.press('Enter');
    assert.strictEqual(await picked, 'gamma');

    const cancelled = vscode.window.showInputBox({ prompt: 'press Escape' });
    await ui.press('Escape');
    assert.strictEqual(await cancelled, undefined);
  });

  it('reads a validation message, and the box stays open until the input is fixed', async function () {
    if (!ui.available) this.skip();
    const answer = vscode.window.showInputBox({
      prompt: 'digits only',
      validateInput: (v) => (/^\d+$/.test(v) ? undefined : 'Only digits, please'),
    });
    await ui.type('12a');
    await ui.press('Enter'); // refused: the box stays open
    assert.match(await ui.text('.quick-input-message'), /Only digits, please/);
    await ui.press('Backspace');
    await ui.press('Enter');
    assert.strictEqual(await answer, '12');
  });

  it('clicks in the workbench: opens README.md from the Explorer', async function () {
    if (!ui.available) this.skip();
    await vscode.commands.executeCommand('workbench.view.explorer');
    await ui.click('.explorer-folders-view .monaco-list-row:has-text("README.md")');
    const deadline = Date.now() + 10_000;
    while (!vscode.window.activeTextEditor?.document.fileName.endsWith('README.md') && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(vscode.window.activeTextEditor?.document.fileName.endsWith('README.md'), 'README.md did not open');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('round-trips text through vscode.env.clipboard', async () => {
    const text = `mail-oauth-debugger clipboard check ${Date.now()}`;
    await vscode.env.clipboard.writeText(text);
    assert.strictEqual(await vscode.env.clipboard.readText(), text);
  });

  it('takes a PNG screenshot', async function () {
    if (!ui.available) this.skip();
    // Not under media/screenshots: this one only proves the bridge works.
    const dir = path.join(process.env.MAILOAUTH_TEST_RESULTS_DIR || os.tmpdir(), 'screenshots');
    const file = await ui.screenshot('harness-smoke', { dir });
    const signature = fs.readFileSync(file).subarray(0, 8);
    assert.deepStrictEqual([...signature], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });
});
