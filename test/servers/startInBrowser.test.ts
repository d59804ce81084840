// `npm start` as a person uses it: the code-server URL it prints opened in a browser (Debian's headless
// Chromium), the sample folder left in Restricted Mode as VS Code opens it, sign-in from the Accounts
// view, the *visible* device-code notification's "Copy Code & Open Page" clicked, the page it opened
// completed in that tab, and the account shown in the Accounts view. No smoke-test driver, no payload:
// the packaged extension as installed into npm start's throw-away profile.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { BrowserContext, Page } from 'playwright-core';
import { interrupt, start, Started, stopAllStarts } from './startProcess';

const REPO = path.resolve(__dirname, '../../..');
const SCREENSHOTS = path.join(REPO, '.test-results/screenshots');

describe('npm start in a browser: sign-in through the visible device-code notification', function () {
  this.timeout(300_000);
  let s: Started | undefined;
  let context: BrowserContext | undefined;
  let profile = '';

  after(async () => {
    await context?.close().catch(() => undefined);
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
    await stopAllStarts();
  });

  async function shot(page: Page, name: string): Promise<void> {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
  }

  it('Copy Code & Open Page opens a page that signs in, and the Accounts view shows the account', async () => {
    s = await start(['--headless']);
    const { vscode, sandbox, workspace } = s.ready;
    assert.strictEqual(vscode?.kind, 'code-server', s.output());
    assert.doesNotMatch(vscode.url, /payload=/, 'the extension is installed, not loaded in development mode');
    assert.match(path.basename(workspace), /^mail-oauth-debugger-sample-.{6}$/, 'a fresh sample folder for this start');

    const { chromium } = await import('playwright-core');
    profile = fs.mkdtempSync(path.join(os.tmpdir(), 'mailoauth-start-browser-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      // The person accepts the warning for the sign-in page's test certificate, as the summary tells them to.
      ignoreHTTPSErrors: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      viewport: { width: 1400, height: 900 },
      env: { ...process.env, XDG_CONFIG_HOME: path.join(profile, 'xdg-config'), XDG_CACHE_HOME: path.join(profile, 'xdg-cache') },
    });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(vscode.url).origin });
    const requested: string[] = [];
    context.on('request', (r) => r.isNavigationRequest() && requested.push(r.url()));
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(vscode.url, { waitUntil: 'domcontentloaded', timeout: 120_000 });

    // A new folder opens in Restricted Mode, as it would for a person; the extension works there (limited
    // support: only a folder's own sign-in and preset settings are ignored, and the sandbox's are user settings).
    await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).waitFor({ state: 'visible', timeout: 120_000 });

    await page.locator('.activitybar a[aria-label="Mail OAuth"]').click({ timeout: 60_000 });
    await page.locator('.welcome-view-content a', { hasText: 'Sign in to Microsoft' }).click({ timeout: 30_000 });
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'IMAP' }).first().click({ timeout: 30_000 });

    // The toast itself, not the notification centre: the smoke-test driver that hid toasts is not used.
    const toast = page.locator('.notification-toast', { hasText: 'To sign in, open' });
    await toast.waitFor({ state: 'visible', timeout: 60_000 });
    const text = await toast.innerText();
    const code = /enter the code (\S+)\./.exec(text)?.[1];
    assert.ok(code, text);
    assert.ok(text.includes(`open ${sandbox.idp.authority}/`), text);
    await shot(page, 'npm-start-device-code-toast');

    const opened = context.waitForEvent('page', { timeout: 30_000 });
    await toast.locator('.monaco-button', { hasText: 'Copy Code & Open Page' }).click();
    const tab = await opened;
    await tab.locator('input[name="user_code"]').waitFor({ timeout: 60_000 });
    // code-server sends loopback pages through its proxy; the provider redirects that to its own HTTPS address.
    const idpPort = new URL(sandbox.idp.origin).port;
    assert.ok(
      requested.some((u) => u.startsWith(`${new URL(vscode.url).origin}/proxy/${idpPort}/`)),
      requested.join('\n'),
    );
    assert.ok(tab.url().startsWith(`${sandbox.idp.authority}/`), tab.url());
    assert.strictEqual(await page.evaluate('navigator.clipboard.readText()'), code, 'the code was copied');

    await tab.locator('input[name="user_code"]').fill(code);
    // The code, the confirmation, the sign-in and the consent page: each has one submit button (README names them).
    const pressed: string[] = [];
    for (let i = 0; i < 6; i++) {
      const submit = tab.locator('button[type="submit"]').first();
      if ((await submit.count()) === 0) break;
      pressed.push(await submit.innerText());
      await Promise.all([tab.waitForNavigation({ timeout: 30_000 }), submit.click()]);
    }
    assert.deepStrictEqual(pressed, ['Next', 'Continue', 'Sign in', 'Continue']);
    const done = await tab.locator('body').innerText();
    await tab.screenshot({ path: path.join(SCREENSHOTS, 'npm-start-device-code-page-done.png') });
    assert.match(done, /You have signed in/, done);

    const account = page.locator('.pane-body .monaco-list-row', { hasText: sandbox.user.upn });
    await account.first().waitFor({ state: 'visible', timeout: 60_000 });
    await shot(page, 'npm-start-signed-in');
  });

  it('Ctrl-C removes the sample folder of that start', async () => {
    assert.ok(s, 'npm start ran');
    await context?.close();
    context = undefined;
    assert.strictEqual(fs.existsSync(s.ready.workspace), true);
    assert.strictEqual(await interrupt(s), 0, s.output());
    assert.strictEqual(fs.existsSync(s.ready.workspace), false, s.ready.workspace);
  });
});
