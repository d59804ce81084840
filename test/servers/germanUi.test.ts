// The extension in German, as a person sees it: the real VS Code (code-server) started with the display
// language de, in headless Chromium, read from the workbench's own DOM. VS Code switches its display
// language only when a language pack for it is installed, and the marketplace is out of reach here, so a
// test-only language pack (test/fixtures/language-pack-de: contributes.localizations for "de", no
// translations of VS Code's own strings) is packaged and installed into the throw-away profile first.
// Then the manifest's German (package.nls.de.json) and the runtime strings (l10n/bundle.l10n.de.json,
// through vscode.l10n and, for the hover Markdown, @vscode/l10n) must appear, and the English must not.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';

const REPO = path.resolve(__dirname, '../../..');
const SCREENSHOTS = process.env.MAILOAUTH_SCREENSHOT_DIR || path.join(REPO, '.test-results/screenshots');
const de = JSON.parse(fs.readFileSync(path.join(REPO, 'l10n/bundle.l10n.de.json'), 'utf8')) as Record<string, string>;
const nlsDe = JSON.parse(fs.readFileSync(path.join(REPO, 'package.nls.de.json'), 'utf8')) as Record<string, string>;

interface CodeServer {
  page: Page;
  logFile: string;
  stop(): Promise<void>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const harness = require(path.join(REPO, 'scripts/vscode/codeServer.js')) as {
  ensureCodeServer(): { node: string; entry: string; chromium: string };
  startCodeServer(options: Record<string, unknown>): Promise<CodeServer>;
  tail(file: string, lines?: number): string;
};

/** Packages the language pack fixture (a copy with the repository's LICENSE) into a .vsix. */
function packageLanguagePack(dir: string): string {
  const src = path.join(dir, 'language-pack-de');
  fs.cpSync(path.join(REPO, 'test/fixtures/language-pack-de'), src, { recursive: true });
  fs.copyFileSync(path.join(REPO, 'LICENSE'), path.join(src, 'LICENSE'));
  const vsix = path.join(dir, 'language-pack-de.vsix');
  execFileSync(process.execPath, [path.join(REPO, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--out', vsix], {
    cwd: src,
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
  });
  return vsix;
}

describe('German display language in the real VS Code (code-server --locale de)', function () {
  this.timeout(300_000);
  let server: CodeServer | undefined;
  let page: Page;
  let tmp = '';

  before(async function () {
    this.timeout(600_000);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mailoauth-german-ui-'));
    const vsix = packageLanguagePack(tmp);
    server = await harness.startCodeServer({
      ...harness.ensureCodeServer(),
      workspace: path.join(REPO, 'test/fixtures/workspace'),
      extensionDevelopmentPath: REPO,
      locale: 'de',
      installVsixes: [vsix],
      logFile: path.join(REPO, '.test-results/servers/code-server-de.log'),
    });
    page = server.page;
    // The extension's view container in the activity bar: its contributions are loaded.
    await page.locator('.activitybar a[aria-label^="Mail OAuth"]').waitFor({ state: 'visible', timeout: 180_000 });
  });

  after(async () => {
    await server?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  async function shot(name: string): Promise<void> {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
  }

  /** Opens the command palette with a filter and returns the titles it lists. */
  async function palette(filter: string): Promise<string[]> {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`>${filter}`);
    const rows = page.locator('.quick-input-widget .monaco-list-row .label-name');
    await rows.first().waitFor({ state: 'visible', timeout: 10_000 });
    return rows.allInnerTexts();
  }

  /** An editor line as rendered (spaces are no-break spaces there). */
  function lineText(rendered: string): string {
    return rendered.replace(/\u00a0/g, ' ');
  }

  async function runCommand(title: string): Promise<void> {
    const titles = await palette(title);
    assert.ok(titles.includes(title), `the palette lists ${JSON.stringify(title)}: ${JSON.stringify(titles)}`);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().click();
  }

  it('the command palette shows the commands with their German titles (package.nls.de.json)', async () => {
    // Wait until the extension's commands are listed (the palette reads them once the host has them).
    let titles: string[] = [];
    for (let i = 0; i < 60 && !titles.some((t) => t.startsWith('Mail OAuth:')); i++) {
      titles = await palette('Mail OAuth');
      if (!titles.some((t) => t.startsWith('Mail OAuth:'))) await page.waitForTimeout(1000);
    }
    // The list renders only its visible rows: filter for each title. (VS Code shows the English title as a
    // second line under a translated one, so that English searches still find it: not a missing translation.)
    for (const key of ['command.decode.title', 'command.encodeXoauth2.title', 'command.signIn.title', 'command.openConsole.title', 'command.openSampleLog.title']) {
      const found = await palette(nlsDe[key]);
      assert.ok(found.includes(`Mail OAuth: ${nlsDe[key]}`), `${nlsDe[key]} in ${JSON.stringify(found)}`);
    }
    await palette('Mail OAuth');
    await shot('german-command-palette');
    await page.keyboard.press('Escape');
  });

  it('the Accounts view is named and welcomes in German', async () => {
    await page.locator('.activitybar a[aria-label^="Mail OAuth"]').click();
    // A container with one view hides the view's header; its label is still the view's name.
    await page.locator(`.pane-header[aria-label^="${nlsDe['view.accounts.name']} "]`).first().waitFor({ state: 'attached', timeout: 30_000 });
    const welcome = page.locator('.welcome-view-content');
    await welcome.first().waitFor({ state: 'visible', timeout: 30_000 });
    const text = await welcome.first().innerText();
    assert.match(text, /Kein Microsoft-Konto ist angemeldet/, text);
    assert.ok(text.includes('Bei Microsoft anmelden'), text);
    assert.doesNotMatch(text, /No Microsoft account is signed in/, text);
  });

  it('a hover over an auth blob of the sample log speaks German (runtime strings through @vscode/l10n)', async () => {
    await runCommand(`Mail OAuth: ${nlsDe['command.openSampleLog.title']}`);
    const editor = page.locator('.monaco-editor .view-lines');
    await editor.locator('.view-line', { hasText: 'A1 AUTHENTICATE XOAUTH2' }).waitFor({ state: 'visible', timeout: 30_000 });
    const comment = lineText(await editor.locator('.view-line').first().innerText());
    assert.ok(comment.includes(de['Sample IMAP log from Mail OAuth Debugger. The tokens are made up and open no mailbox.']), comment);
    // The cursor into the first blob (line 4, a few characters after "XOAUTH2 "), then the keyboard's Show Hover.
    await page.keyboard.press('Control+G');
    await page.keyboard.type('4:60');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = page.locator('.monaco-hover .hover-contents', { hasText: 'Mail OAuth · XOAUTH2' });
    await hover.first().waitFor({ state: 'visible', timeout: 30_000 });
    const text = await hover.first().innerText();
    for (const english of ['User', 'Audience', 'Open decoded view', 'Copy user']) {
      assert.ok(text.includes(de[english]), `"${de[english]}" (for "${english}") in the hover:\n${text}`);
    }
    assert.ok(!/\bOpen decoded view\b|\bAudience\b/.test(text), `no English labels in the hover:\n${text}`);
    await shot('german-log-hover');

    // Its link opens the decoded view, whose heading (and tab) are German too.
    await hover.first().locator('a', { hasText: de['Open decoded view'] }).click();
    const heading = de['Decoded {0} (line {1})'].replace('{0}', 'XOAUTH2').replace('{1}', '4');
    await page.locator('.tab', { hasText: heading }).first().waitFor({ state: 'visible', timeout: 30_000 });
    const first = lineText(await page.locator('.monaco-editor .view-lines .view-line').first().innerText());
    assert.ok(first.includes(heading), `the decoded view starts with its heading "${heading}": ${first}`);
    await shot('german-decoded-view');
  });

  it("the walkthrough on VS Code's Welcome page is German", async () => {
    await runCommand('Welcome: Open Walkthrough...');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: nlsDe['walkthrough.start.title'] }).first().click({ timeout: 30_000 });
    const steps = page.locator('.gettingStartedContainer .getting-started-step');
    await steps.first().waitFor({ state: 'visible', timeout: 30_000 });
    const text = await page.locator('.gettingStartedContainer').innerText();
    for (const key of [
      'walkthrough.start.title',
      'walkthrough.start.registerApp.title',
      'walkthrough.start.setClientId.title',
      'walkthrough.start.console.title',
      'walkthrough.start.hoverLog.title',
    ]) {
      assert.ok(text.includes(nlsDe[key]), `"${nlsDe[key]}" on the Welcome page:\n${text.slice(0, 1500)}`);
    }
    await shot('german-walkthrough');
  });

  it("the protocol console's form and a failed connection's verdict are German", async () => {
    // A port that nobody listens on: the connection is refused, which needs no server and no token check.
    const net = await import('net');
    const closed = net.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as { port: number }).port;
    await new Promise((r) => closed.close(r));

    await runCommand(`Mail OAuth: ${nlsDe['command.openConsole.title']}`);
    // A webview is two nested iframes: VS Code's host frame and the content frame.
    const view = page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
    const connect = view.locator('#connect');
    await connect.waitFor({ state: 'visible', timeout: 120_000 });
    assert.strictEqual((await connect.innerText()).trim(), de['Connect']);
    await view.locator('select[name=preset]').selectOption('custom');
    await view.locator('input[name=host]').fill('127.0.0.1');
    await view.locator('input[name=port]').fill(String(port));
    await view.locator('select[name=security]').selectOption('none');
    await view.locator('select[name=tokenSource]').selectOption('pasted');
    await view.locator('#token').fill('made-up-token');
    await view.locator('input[name=user]').fill('adele@contoso.test');
    await connect.click();
    const verdict = view.locator('#verdict');
    // One whole German sentence (no step name spliced in), and the step by its German name, not its id.
    const title = de['The connection failed during connecting.'];
    assert.ok(title, 'the verdict title has a German text');
    await verdict.locator(`text=${title}`).first().waitFor({ state: 'visible', timeout: 60_000 });
    const text = await verdict.innerText();
    assert.ok(!text.includes('The connection failed during'), `no English in the verdict:\n${text}`);
    assert.ok(text.includes(de['Connecting/A session step, shown as "Step: Connecting".']), `the step's German name in the verdict:\n${text}`);
    assert.ok(!/\bconnect\b/.test(text), `no step id in the verdict:\n${text}`);
    await shot('german-console-verdict');
  });
});
