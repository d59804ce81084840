// The protocol console's webview boundary in the real VS Code: messages a misbehaving webview script
// could post are dropped and logged (without their values) while the console keeps working, and the
// console runs under its Content Security Policy without a single violation, with a detector that is
// shown to catch one (an inline script and a remote image injected into the webview).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { Dovecot } from '../servers/dovecot';
import { readyDovecot } from '../servers/readyDovecot';
import { outputChannelText, testHooks } from './hooks';
import { fillConsoleForm } from './consoleForm';
import { ui } from './ui';
import { waitForAsync } from './wait';

const USER = 'adele@contoso.com';
/** What Chromium prints for a CSP violation, in any frame. */
const CSP_CONSOLE = 'Content Security Policy|Refused to (load|execute|apply|evaluate|connect|frame)';

/** Registers a securitypolicyviolation listener in the console's content frame (kept on its window). */
const LISTEN = `(el) => {
  const w = el.ownerDocument.defaultView;
  w.__cspViolations = w.__cspViolations || [];
  if (!w.__cspListening) {
    w.__cspListening = true;
    el.ownerDocument.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || '')));
  }
  return true;
}`;
const VIOLATIONS = `(el) => el.ownerDocument.defaultView.__cspViolations || []`;

/** Posts a message to the extension exactly as the webview's acquireVsCodeApi().postMessage does. */
function postFromWebview(message: unknown): Promise<unknown> {
  return ui.webview.evaluateHost(`(iframe) => { iframe.ownerDocument.defaultView.__vscode_post_message__('onmessage', { message: ${JSON.stringify(message)} }); return true; }`);
}

describe('Protocol console webview: message validation and Content Security Policy', function () {
  this.timeout(120_000);
  let dovecot: Dovecot;
  let token: string;
  let consoleSince = 0;

  before(async function () {
    if (!ui.available) this.skip();
    ({ dovecot, token } = await readyDovecot(USER));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // Console lines from here on: the console's own load is included.
    consoleSince = (await ui.consoleMessages('^$')).count;
    await vscode.commands.executeCommand('mailOAuth.openConsole');
    await ui.webview.waitForText('#status', 'Not connected');
    assert.strictEqual(await ui.webview.evaluate('body', LISTEN), true);
  });

  after(async () => {
    try {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    } finally {
      await dovecot?.stop();
    }
  });

  it('runs a whole session (fill, connect, transcript, verdict, quick action, command) without a CSP violation', async () => {
    await fillConsoleForm({ protocol: 'imap', port: dovecot.ports.imap, security: 'none', token, user: USER });
    await ui.webview.click('#connect');
    await ui.webview.waitForText('#verdict', 'Authenticated with XOAUTH2 and verified');
    // While connected the form shows what the session uses: locked, with the hint saying why.
    assert.strictEqual(await ui.webview.evaluate<boolean>('input[name=user]', '(el) => el.disabled'), true, 'the form is locked while connected');
    assert.match(await ui.webview.text('#formHint'), /Disconnect to change the connection/);
    assert.match(await ui.webview.evaluate<string>('#command', '(el) => el.placeholder'), /^Raw IMAP command \(the tag is added\)/);
    await ui.webview.click('button[data-action="imap.select"]');
    await ui.webview.waitForText('#transcript', 'Select completed');
    await ui.webview.fill('#command', 'NOOP');
    await ui.webview.press('#command', 'Enter');
    await ui.webview.waitForText('#transcript', 'NOOP completed');

    assert.deepStrictEqual(await ui.webview.evaluate<string[]>('body', VIOLATIONS), [], 'securitypolicyviolation events in the console');
    const { lines } = await ui.consoleMessages(CSP_CONSOLE, consoleSince);
    assert.deepStrictEqual(lines, [], 'CSP violations reported in the browser console');
  });

  it('drops malformed and unknown messages from the webview, logs them by type only, and keeps working', async () => {
    const hooks = await testHooks();
    const dropped = (text: string) => (text.match(/dropped a message from the webview/g) ?? []).length;
    const before = dropped(await outputChannelText(hooks));
    const marker = `eyJhbGciOiJIUzI1NiJ9.eyJkcm9wcGVkIjoxfQ.${'Q'.repeat(20)}droppedTokenMarker`;
    const bad: unknown[] = [
      { type: 'evalThis', code: 'process.exit()' },
      { type: 'connect', form: { host: '127.0.0.1' }, token: marker },
      { type: 'openLink', url: 'command:workbench.action.terminal.new' },
      { type: 'command', line: 'A1 NOOP\r\nA2 LOGOUT' },
      { type: 'quickAction', action: 'imap.expunge' },
      { type: marker },
      'saveTranscript',
      [{ type: 'disconnect' }],
    ];
    for (const m of bad) await postFromWebview(m);
    const logged = await waitForAsync(
      'eight "dropped a message" lines in the output channel',
      async () => {
        const text = await outputChannelText(hooks);
        return dropped(text) >= before + bad.length ? text : undefined;
      },
      20_000,
    );
    for (const what of [
      'unknown type "evalThis"',
      'a malformed "connect" message',
      'a malformed "openLink" message',
      'a malformed "command" message',
      'a malformed "quickAction" message',
      'no valid type',
      'not an object (string)',
      'not an object (array)',
    ]) {
      assert.ok(logged.includes(`dropped a message from the webview: ${what}.`), `logged: ${what}\n${logged}`);
    }
    assert.ok(!logged.includes('droppedTokenMarker'), 'the dropped messages’ values are not logged');
    // None of them acted: still connected (no disconnect), no terminal, no second command.
    assert.match(await ui.webview.text('#status'), /Connected \(IMAP\)/);
    assert.ok(!vscode.window.terminals.length, 'no terminal was opened');
    assert.ok(!(await ui.webview.text('#transcript')).includes('A2 LOGOUT'));
    // The console keeps working after them.
    await ui.webview.fill('#command', 'CAPABILITY');
    await ui.webview.press('#command', 'Enter');
    await ui.webview.waitForText('#transcript', 'Capability completed');
  });

  it('the CSP detector catches a violation: an inline script and a remote image injected into the console', async () => {
    const since = (await ui.consoleMessages('^$')).count;
    await ui.webview.evaluate(
      'body',
      `(el) => {
        const d = el.ownerDocument;
        const s = d.createElement('script');
        s.textContent = 'window.__inlineRan = true';
        d.body.appendChild(s);
        const img = d.createElement('img');
        img.src = 'https://example.invalid/pixel.png';
        d.body.appendChild(img);
        return true;
      }`,
    );
    const events = await waitForAsync('two securitypolicyviolation events', async () => {
      const v = await ui.webview.evaluate<string[]>('body', VIOLATIONS);
      return v.length >= 2 ? v : undefined;
    });
    assert.ok(
      events.some((e) => /^script-src(-elem)? /.test(e)),
      events.join('\n'),
    );
    assert.ok(
      events.some((e) => /^img-src https:\/\/example\.invalid\/pixel\.png/.test(e)),
      events.join('\n'),
    );
    assert.strictEqual(await ui.webview.evaluate('body', '(el) => el.ownerDocument.defaultView.__inlineRan === true'), false, 'the inline script did not run');
    const reported = await waitForAsync('CSP lines in the browser console', async () => {
      const { lines } = await ui.consoleMessages(CSP_CONSOLE, since);
      return lines.length >= 2 ? lines : undefined;
    });
    assert.ok(
      reported.some((l) => /inline script/i.test(l)),
      reported.join('\n'),
    );
    assert.ok(
      reported.some((l) => /example\.invalid/.test(l)),
      reported.join('\n'),
    );
  });
});
