// What a newcomer does after `npm start`, in the real VS Code: with the settings the sandbox writes, sign in
// from the sidebar at the sandbox's identity provider (device code), then open the protocol console, which
// offers the sandbox presets: the first logs in and is verified, the failing one is refused and explained.
// Then the app-only path the summary describes: store the certificate the sandbox wrote, Get App-Only Token,
// and the console logs in with the app's token to the mailbox granted to it and is refused, explained, elsewhere.
// And the second demo account, at the Keycloak-like provider: its "Sign in to …" entry in the Accounts view signs
// it in through the browser (the flow the sandbox lists first), its console presets log in over IMAP, POP3 and
// SMTP (and the failing one is refused), and a device code sign-in goes through the notification's button.
import * as assert from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { Sandbox, sandboxOidcProviders, sandboxSettings, startSandbox } from '../sandbox/sandbox';
import { dovecotAvailable } from '../servers/dovecot';
import { IdentityBrowser } from '../servers/identityBrowser';
import { TEST_USER } from '../servers/identityProvider';
import { protocolScopes } from '../../src/auth/scopes';
import { inspectToken } from '../../src/core/token/inspect';
import { signOutFromView, testHooks, viewNode } from './hooks';
import { deviceCodeNotification, openedUrls, openedUrlsFile, playBrowserSignIn, waitForViewText } from './signInUi';
import { ui } from './ui';
import { waitFor, waitForAsync } from './wait';

const G = vscode.ConfigurationTarget.Global;
const LOOPBACK = /^http:\/\/127\.0\.0\.1:\d+\/$/;

describe('npm start sandbox in the real VS Code: sign in from the sidebar, then the console presets', function () {
  this.timeout(120_000);
  let sandbox: Sandbox | undefined;
  let settings: Record<string, unknown> = {};

  before(async function () {
    if (!ui.available) this.skip();
    assert.ok(dovecotAvailable(), 'Dovecot is installed (scripts/ensure-dovecot.sh)');
    sandbox = await startSandbox();
    assert.deepStrictEqual(sandbox.problems, []);
    settings = sandboxSettings(sandbox);
    for (const [key, value] of Object.entries(settings)) await vscode.workspace.getConfiguration().update(key, value, G);
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  after(async () => {
    if (!sandbox) return;
    // The sandbox stops whatever the clean-up before it meets.
    try {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await signOutFromView('account');
      await signOutFromView('app');
      const hooks = await testHooks();
      for (const a of await hooks.oidc.accounts()) await hooks.oidc.signOut(a.provider.id, a.accountId);
      await vscode.commands.executeCommand('mailOAuth.removeAppCredentials', { confirmed: true });
      for (const key of Object.keys(settings)) await vscode.workspace.getConfiguration().update(key, undefined, G);
      await vscode.commands.executeCommand('notifications.clearAll');
    } finally {
      await sandbox.stop();
    }
  });

  it('signs the demo account in from the Accounts view with a device code', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.mailOAuth');
    // The sandbox also configures an OpenID provider, so the view groups accounts by provider: the Microsoft
    // group holds a "Sign in to Microsoft" entry (the welcome button shows only when the view is empty).
    await ui.click('.part.sidebar .monaco-list-row:has-text("Sign in to Microsoft")');
    await ui.press('Enter'); // the protocol: IMAP, the first
    const { uri, code } = await deviceCodeNotification();
    assert.ok(uri.startsWith(sandbox!.idp!.origin), uri);
    const done = await new IdentityBrowser(fs.readFileSync(sandbox!.caPath, 'utf8')).enterDeviceCode(uri, code);
    assert.match(done.body, /You have signed in/);
    const accounts = await waitForAccounts();
    assert.deepStrictEqual(accounts, [TEST_USER.upn]);
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('offers the sandbox presets in the console: the first logs in and is verified, the failing one is explained', async () => {
    await vscode.commands.executeCommand('mailOAuth.openConsole');
    await ui.webview.waitForText('#status', 'Not connected');
    const labels = await ui.webview.evaluate<string[]>('select[name=preset]', '(el) => [...el.options].map((o) => o.text)');
    assert.deepStrictEqual(
      labels.slice(0, 4),
      sandbox!.presets.map((p) => p.label),
    );
    // A new console starts on the first custom preset: the sandbox's IMAP, for the demo account.
    const value = (sel: string) => ui.webview.evaluate<string>(sel, '(el) => el.value');
    assert.deepStrictEqual([await value('input[name=host]'), await value('input[name=port]'), await value('input[name=user]')], ['127.0.0.1', String(sandbox!.dovecot!.ports.imap), TEST_USER.upn]);

    // The signed-in account's token, taken in-process: no "Allow" prompt for the extension's own provider
    // (VS Code refuses to show that modal in a test run, so the old prompt would fail this test).
    await ui.webview.select('select[name=tokenSource]', 'account');
    await ui.webview.select('select[name=account]', TEST_USER.upn);
    await ui.webview.click('#connect');
    const ok = await ui.webview.waitForText('#verdict', 'Authenticated with XOAUTH2 and verified');
    assert.match(ok, /✔/);

    await ui.webview.click('#disconnect');
    await ui.webview.select('select[name=preset]', 'setting:3');
    await waitForValue('input[name=user]', sandbox!.otherUser);
    await ui.webview.click('#connect');
    const failed = await ui.webview.waitForText('#verdict', 'Authentication failed');
    assert.match(failed, new RegExp(`Cause: The user field \\(${sandbox!.otherUser}\\) is not the token's account \\(${TEST_USER.upn}\\)`));
    assert.match(failed, /Fix: Put the token's account/);
    const transcript = await ui.webview.text('#transcript');
    assert.match(transcript, /NO \[AUTHENTICATIONFAILED\]/);
    await ui.screenshot('sandbox-console-explained').catch(() => undefined);
  });

  it("capture proxy in injection mode: a plain IMAP LOGIN with the proxy password reaches the sandbox mailbox with the signed-in account's token", async () => {
    const started = await vscode.commands.executeCommand<{ id: number; port: number } | undefined>('mailOAuth.startCaptureProxy', {
      protocol: 'imap',
      listenPort: 0,
      host: '127.0.0.1',
      port: sandbox!.dovecot!.ports.imap,
      security: 'none',
      clientSecurity: 'none',
      inject: { account: TEST_USER.upn, mechanism: 'XOAUTH2', scopes: protocolScopes('imap') },
    });
    assert.ok(started && started.port > 0, 'the command returns the listening port');
    const hooks = await testHooks();
    const running = hooks.proxies.proxies.find((p) => p.id === started.id);
    assert.ok(running?.clientPassword, 'injection mode has a proxy password');
    try {
      // "The user's application": Python's imaplib with a plain LOGIN, the proxy password as its password.
      const out = await new Promise<string>((resolve) => {
        const script = "import imaplib, sys\nm = imaplib.IMAP4('127.0.0.1', int(sys.argv[1]))\nm.login(sys.argv[2], sys.argv[3])\nprint(m.select('INBOX')[0])\nm.logout()";
        const c = spawn('python3', ['-c', script, String(started.port), TEST_USER.upn, running.clientPassword!]);
        let text = '';
        c.stdout.on('data', (d) => (text += d));
        c.stderr.on('data', (d) => (text += d));
        c.on('close', () => resolve(text.trim()));
      });
      assert.strictEqual(out, 'OK', out);
      const connection = running.proxy.history.find((c) => c.ending && c.logins.length > 0);
      assert.ok(connection, 'the connection is listed with its login');
      const login = connection.logins[0]!;
      assert.deepStrictEqual([login.mechanism, login.user, login.outcome, login.verdict?.ok], ['XOAUTH2', TEST_USER.upn, 'ok', true]);
      const transcript = connection.transcript.toLog({ reveal: true });
      assert.ok(!transcript.includes(running.clientPassword!), 'the proxy password is not in the transcript, even revealed');
    } finally {
      await vscode.commands.executeCommand('mailOAuth.stopCaptureProxy');
    }
  });

  it('app-only: with the client secret the sandbox wrote, typed into Set Client Secret, Get App-Only Token, and the console logs in to the granted mailbox only', async () => {
    const app = sandbox!.app!;
    assert.strictEqual(settings['mailOAuth.auth.appClientId'], app.clientId);
    // The credential only through the password box (no command argument takes one); the certificate file is
    // covered against Dovecot in the servers suite (appOnly.test.ts).
    const set = vscode.commands.executeCommand('mailOAuth.setClientSecret');
    await ui.type(fs.readFileSync(app.secretFile, 'utf8').trim());
    await ui.press('Enter');
    await set;
    const expires = await vscode.commands.executeCommand<string | undefined>('mailOAuth.getAppOnlyToken');
    assert.ok(expires, 'Get App-Only Token returned the token expiry');
    await vscode.env.clipboard.writeText('');
    await vscode.commands.executeCommand('mailOAuth.accounts.copyToken', await viewNode({ kind: 'appToken' }));
    const token = await vscode.env.clipboard.readText();
    assert.deepStrictEqual(inspectToken(token).roles, ['IMAP.AccessAsApp', 'POP.AccessAsApp', 'SMTP.SendAsApp']);

    await vscode.commands.executeCommand('mailOAuth.openConsole');
    await ui.webview.waitForText('#status', 'Not connected');
    await ui.webview.select('select[name=preset]', 'setting:0');
    await waitForValue('input[name=user]', app.grantedMailbox);
    await ui.webview.select('select[name=tokenSource]', 'pasted');
    await ui.webview.fill('#token', token);
    await ui.webview.click('#connect');
    assert.match(await ui.webview.waitForText('#verdict', 'Authenticated with XOAUTH2 and verified'), /✔/);

    await ui.webview.click('#disconnect');
    await ui.webview.select('select[name=preset]', 'setting:3');
    await waitForValue('input[name=user]', sandbox!.otherUser);
    await ui.webview.select('select[name=tokenSource]', 'pasted');
    await ui.webview.fill('#token', token);
    await ui.webview.click('#connect');
    const refused = await ui.webview.waitForText('#verdict', 'Authentication failed');
    assert.match(refused, new RegExp(`app-only token names no mailbox.*\\(${sandbox!.otherUser.replace('.', '\\.')}\\)`));
    assert.match(refused, /Add-MailboxPermission/);
  });

  /** The second demo account's provider as the Accounts view and the console's Account list name it. */
  const oidcLabel = () => sandboxOidcProviders(sandbox!)[0]!.label!;

  it('the Keycloak-like provider\'s group in the Accounts view: its "Sign in to …" entry signs the second demo account in through the browser; the account and its token appear under the group', async function () {
    if (!openedUrlsFile) this.skip(); // the desktop runner opens the system browser, which no test can play
    const oidc = sandbox!.oidc!;
    const label = oidcLabel();
    await waitForViewText(new RegExp(`${escapeRe(label)}[\\s\\S]*Sign in to ${escapeRe(label)}`));
    const signIn = `.part.sidebar .monaco-list-row:has-text("Sign in to ${label}")`;
    const { url } = await playBrowserSignIn(new IdentityBrowser(fs.readFileSync(sandbox!.caPath, 'utf8')), () => ui.click(signIn), {
      authorizePath: '/protocol/openid-connect/auth',
      redirect: LOOPBACK,
    });
    assert.strictEqual(url.origin + url.pathname, `${oidc.issuer}/protocol/openid-connect/auth`, 'the realm’s authorization endpoint, from its discovery');
    assert.strictEqual(url.searchParams.get('client_id'), oidc.clientId);
    assert.strictEqual(url.searchParams.get('code_challenge_method'), 'S256');
    const session = await oidcSession(oidc.providerId, oidc.user.email);
    assert.strictEqual(session.flow, 'authorizationCode');
    const text = await waitForViewText(new RegExp(`Microsoft[\\s\\S]*${escapeRe(TEST_USER.upn)}[\\s\\S]*${escapeRe(label)}[\\s\\S]*${escapeRe(oidc.user.email)}[\\s\\S]*${oidc.scopes.join(' ')}`));
    assert.ok(text.indexOf(label) < text.indexOf(oidc.user.email), `the account is under its provider's group: ${text}`);
    const file = await ui.screenshot('sandbox-two-accounts', { selector: '.part.sidebar', mouseAway: true }); // the mouse rests on the account row
    assert.ok(fs.existsSync(file), `the screenshot was written: ${file}`);
  });

  it("the second demo account's console presets log in over IMAP, POP3 and SMTP and are verified, the failing one is refused; the transcript shows no token", async function () {
    if (!openedUrlsFile) this.skip();
    const oidc = sandbox!.oidc!;
    const account = `${oidc.user.email} · ${oidcLabel()}`;
    const token = (await oidcSession(oidc.providerId, oidc.user.email)).accessToken;
    const first = sandbox!.presets.length; // the Microsoft demo account's presets come first in the setting
    const login = async (index: number): Promise<string> => {
      const preset = oidc.presets[index]!;
      await vscode.commands.executeCommand('workbench.action.closeAllEditors'); // a new console, not the last one
      await vscode.commands.executeCommand('mailOAuth.openConsole');
      await ui.webview.waitForText('#status', 'Not connected');
      const labels = await ui.webview.evaluate<string[]>('select[name=preset]', '(el) => [...el.options].map((o) => o.text)');
      assert.strictEqual(labels[first + index], preset.label);
      await ui.webview.select('select[name=preset]', `setting:${first + index}`);
      await waitForValue('input[name=user]', preset.user);
      assert.strictEqual(await ui.webview.evaluate<string>('input[name=port]', '(el) => el.value'), String(preset.port));
      await ui.webview.select('select[name=tokenSource]', 'account');
      await ui.webview.select('select[name=account]', account);
      await ui.webview.click('#connect');
      const verdict = await ui.webview.waitForText('#verdict', preset.user === oidc.user.email ? `Authenticated with ${preset.mechanism}` : 'Authentication failed', 30_000);
      assert.ok(!(await ui.webview.text('#transcript')).includes(token), `the transcript of ${preset.label} shows no token`);
      return verdict;
    };
    const own = oidc.presets.flatMap((p, i) => (p.user === oidc.user.email ? [i] : []));
    assert.deepStrictEqual(own.map((i) => oidc.presets[i]!.protocol).sort(), ['imap', 'pop3', 'smtp']);
    for (const i of own) {
      const verdict = await login(i);
      assert.match(verdict, new RegExp(`Authenticated with ${oidc.presets[i]!.mechanism} and verified`), oidc.presets[i]!.label);
      assert.match(verdict, /✔/);
    }
    const failing = oidc.presets.findIndex((p) => p.user !== oidc.user.email);
    assert.ok(failing >= 0, 'a failing preset');
    const refused = await login(failing);
    assert.match(refused, new RegExp(`Cause: The user field \\(${escapeRe(oidc.presets[failing]!.user)}\\) is not the token's email claim \\(${escapeRe(oidc.user.email)}\\)`), refused);
    assert.match(refused, new RegExp(`Log in as ${escapeRe(oidc.user.email)}`), 'the fix names the token’s account');
  });

  it('a device code sign-in of the second demo account: the notification\'s "Copy Code & Open Page" copies the code and opens the realm\'s page, where the code is entered', async function () {
    if (!openedUrlsFile) this.skip();
    const oidc = sandbox!.oidc!;
    await vscode.commands.executeCommand('notifications.clearAll');
    const before = (await oidcSession(oidc.providerId, oidc.user.email)).accessToken;
    const running = vscode.commands.executeCommand<string | undefined>('mailOAuth.oidc.signIn', { provider: oidc.providerId, flow: 'deviceCode' });
    const { uri, code } = await deviceCodeNotification();
    assert.strictEqual(uri, `${oidc.issuer}/device`, 'the realm’s verification page');
    await vscode.env.clipboard.writeText('');
    const seen = openedUrls().length;
    await ui.click(`.notifications-center .notification-list-item:has-text("${code}") .monaco-button:has-text("Copy Code & Open Page")`);
    const opened = await waitFor('the page the button opened', () => openedUrls().slice(seen)[0], 20_000);
    assert.strictEqual(opened, uri, 'the button opened the verification page');
    const copied = await waitForAsync('the code in the clipboard', async () => await vscode.env.clipboard.readText());
    assert.strictEqual(copied, code, 'the button copied the code');
    const done = await new IdentityBrowser(fs.readFileSync(sandbox!.caPath, 'utf8')).enterDeviceCode(opened, copied);
    assert.match(done.body, /You have signed in/);
    assert.strictEqual(await running, oidc.user.email);
    const session = await oidcSession(oidc.providerId, oidc.user.email);
    assert.strictEqual(session.flow, 'deviceCode');
    assert.notStrictEqual(session.accessToken, before, 'a new token replaced the browser sign-in’s');
    await vscode.commands.executeCommand('notifications.clearAll');
  });
});

/** The one session of the one account at the OpenID provider, once that account is signed in. */
async function oidcSession(providerId: string, label: string) {
  const hooks = await testHooks();
  const accounts = await waitForAsync(
    `an account at ${providerId}`,
    async () => {
      const a = await hooks.oidc.accounts(providerId);
      return a.length ? a : undefined;
    },
    20_000,
  );
  assert.deepStrictEqual(
    accounts.map((a) => a.label),
    [label],
  );
  assert.strictEqual(accounts[0]!.sessions.length, 1, 'one session for the provider’s scopes');
  return accounts[0]!.sessions[0]!;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function waitForAccounts(): Promise<string[]> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const accounts = (await vscode.authentication.getAccounts('mail-oauth-microsoft')).map((a) => a.label);
    if (accounts.length || Date.now() > deadline) return accounts;
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function waitForValue(selector: string, expected: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  let last = '';
  while (Date.now() < deadline) {
    last = await ui.webview.evaluate<string>(selector, '(el) => el.value');
    if (last === expected) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${selector} shows ${JSON.stringify(last)}, not ${JSON.stringify(expected)}`);
}
