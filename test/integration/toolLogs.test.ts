// The logs of real tools captured against Dovecot (test/fixtures/logs/README.md), in a real VS Code:
// a hover on each blob shows the decoded login, the Problems panel has an entry on each failure line,
// and "Decode All Auth Blobs in File" lists every blob.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { ui } from './ui';
import { waitFor, waitForAsync } from './wait';
import { BLOB, ECHO, FAILURE, TOKEN_FIELD, TOOL_LOG_DIR as LOGS, TOOL_LOGS } from '../fixtures/toolLogs';
import { hoverText, plain } from './hovers';

describe('Logs of real tools (captured against Dovecot, or reproduced from public logs)', function () {
  this.timeout(120_000);
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  for (const file of TOOL_LOGS) {
    it(`${file}: hovers on every blob and token= value, a Problems entry on every failure line, Decode All lists every blob`, async function () {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(LOGS, file)));
      const editor = await vscode.window.showTextDocument(doc);
      const lines = doc.getText().split(/\r?\n/);
      const blobs = lines.flatMap((l, i) => {
        const m = BLOB.exec(l);
        return m ? [{ line: i, character: m.index + 2, login: !m[0].startsWith('eyJ') && m[0] !== 'AQ==' }] : [];
      });
      // The first hover of a freshly opened file may come before the extension has activated for it.
      if (blobs.length) await waitForAsync('the first hover', async () => (await hoverText(doc, blobs[0].line, blobs[0].character)) !== '');
      for (const b of blobs) {
        const text = plain(await hoverText(doc, b.line, b.character));
        assert.match(text, /Mail OAuth/, `hover at line ${b.line + 1}`);
        if (b.login) assert.ok(text.includes('adele@contoso.com'), `line ${b.line + 1}: ${text.slice(0, 200)}`);
      }

      // Dovecot's token= values hover like a blob's token: its claims, the token itself redacted.
      for (const [i, l] of lines.entries()) {
        const m = TOKEN_FIELD.exec(l);
        if (!m) continue;
        const text = plain(await hoverText(doc, i, m.index + m[0].length - 5));
        assert.ok(text.includes('adele@contoso.com') && text.includes('IMAP.AccessAsUser.All'), `token= at line ${i + 1}: ${text.slice(0, 200)}`);
        assert.ok(!text.includes(m[1].slice(20, 60)), `line ${i + 1}: the token is not in the hover`);
      }

      const failures = lines.flatMap((l, i) => (FAILURE.test(l) && !ECHO.test(l) ? [i] : []));
      assert.ok(failures.length > 0);
      await waitFor('Problems entries', () => {
        const on = new Set(vscode.languages.getDiagnostics(doc.uri).map((d) => d.range.start.line));
        return failures.every((i) => on.has(i));
      });

      if (!ui.available || blobs.length === 0) return;
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      const done = vscode.commands.executeCommand('mailOAuth.decodeAllInFile');
      const title = await ui.text('.quick-input-title');
      const count = Number(/^(\d+) auth blobs? in /.exec(title)?.[1]);
      assert.strictEqual(count, blobs.length, title);
      await ui.press('Escape');
      await done;
    });
  }
});
