// Microsoft sign-in end to end inside the real VS Code: the extension's authentication provider and
// Accounts view against a real OpenID provider (oidc-provider in Microsoft's layout, HTTPS with a CA made
// now and trusted through the mailOAuth.auth.extraCaCertificates setting). The test plays the person:
// it reads the device code from the notification, presses its buttons, and completes the sign-in pages
// opened by vscode.env.openExternal (recorded by the harness from the browser's new tab) over HTTP.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { inspectToken } from '../../src/core/token/inspect';
import { makeCertificates, TestCertificates } from '../servers/certificates';
import { IdentityBrowser } from '../servers/identityBrowser';
import { IdentityProvider, TEST_CONFIDENTIAL_CLIENT_ID, TEST_PUBLIC_CLIENT_ID, TEST_USER } from '../servers/identityProvider';
import { signOutFromView, viewNode, withWorkspaceSettings } from './hooks';
import { openedUrls, openedUrlsFile, waitForViewText } from './signInUi';
import { ui } from './ui';
import { waitFor } from './wait';

const PROVIDER = 'mail-oauth-microsoft';
const G = vscode.ConfigurationTarget.Global;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function setAuth(values: Record<string, unknown>): Promise<void> {
  const cfg = vscode.workspace.getConfiguration('mailOAuth.auth');
  for (const [k, v] of Object.entries(values)) await cfg.update(k, v, G);
}

/**
 * Waits for a notification whose text matches, and returns all notification text. Read in the
 * notification center (the bell), which lists every notification whether or not its toast is showing.
 */
async function notification(re: RegExp, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    await vscode.commands.executeCommand('notifications.showList');
    last = await ui.text('.notifications-center', { timeoutMs: 5_000 }).catch(() => '');
    if (re.test(last)) return last;
    await sleep(200);
  }
  const shot = await ui.screenshot(`auth-failure-${Date.now()}`).catch(() => '');
  throw new Error(`no notification matching ${re}; notifications showed: ${last} (screenshot ${shot})`);
}

describe('Microsoft sign-in (MSAL) against a local identity provider', function () {
  this.timeout(90_000);
  let dir: string;
  let certs: TestCertificates;
  let idp: IdentityProvider;
  let browser: IdentityBrowser;

  before(async function () {
    if (!ui.available) this.skip();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mailoauth-auth-it-'));
    certs = makeCertificates(dir);
    idp = await IdentityProvider.start({ certificates: certs });
    browser = new IdentityBrowser(certs.caPem);
    await setAuth({ clientId: TEST_PUBLIC_CLIENT_ID, authority: idp.authority, extraCaCertificates: [certs.caCert], timeoutSeconds: 60 });
    const ca = vscode.workspace.getConfiguration('mailOAuth.auth').get<string[]>('extraCaCertificates');
    assert.deepStrictEqual(ca, [certs.caCert], 'the extra CA setting is in effect');
  });

  after(async () => {
    if (!idp) return;
    // Leave no account behind for the other suites ("Encode XOAUTH2" offers signed-in accounts); the provider
    // stops and its folder goes whatever this clean-up meets.
    try {
      await signOutFromView('account');
      await vscode.commands.executeCommand('mailOAuth.removeAppCredentials', { confirmed: true });
      await setAuth({ clientId: undefined, authority: undefined, extraCaCertificates: undefined, timeoutSeconds: undefined, appClientId: undefined, tenant: undefined });
      await vscode.commands.executeCommand('notifications.clearAll');
    } finally {
      await idp.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  beforeEach(async () => {
    idp.consent = 'accept';
    idp.accessTokenTtl = 3600;
    idp.faults = {};
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('device code: the notification shows the code, its button copies it, and the IMAP session appears', async () => {
    const signIn = vscode.commands.executeCommand<string | undefined>('mailOAuth.signIn', { protocol: 'imap', flow: 'deviceCode' });
    const text = await notification(/enter the code [A-Z0-9-]+/);
    const { code, uri } = deviceCodeIn(text);
    assert.ok(uri.startsWith(idp.origin), uri);
    await ui.click('.notifications-center .monaco-button:has-text("Copy Code & Open Page")');
    assert.strictEqual(await waitForClipboard(code), code);
    const done = await browser.enterDeviceCode(uri, code);
    assert.match(done.body, /You have signed in/);
    assert.strictEqual(await signIn, TEST_USER.upn);

    const accounts = await vscode.authentication.getAccounts(PROVIDER);
    assert.deepStrictEqual(
      accounts.map((a) => a.label),
      [TEST_USER.upn],
      'VS Code lists the account under the provider',
    );
    const t = inspectToken(await copiedToken('imap'));
    assert.deepStrictEqual(t.audiences, ['https://outlook.office.com']);
    assert.ok(t.scopes.includes('IMAP.AccessAsUser.All'));

    await vscode.commands.executeCommand('workbench.view.extension.mailOAuth');
    const view = await waitForViewText(/IMAP[\s\S]*expires in/);
    assert.match(view, new RegExp(TEST_USER.upn.replace('.', '\\.')));
    // Expanding the IMAP token shows what the token checks found, as a person would read it.
    await ui.click('.part.sidebar .monaco-list-row:has-text("IMAP")');
    const details = await waitForViewText(/Audience[\s\S]*https:\/\/outlook\.office\.com/);
    assert.match(details, /Scopes[\s\S]*IMAP\.AccessAsUser\.All/);
    assert.match(details, /No problems found/);
    // One time source and one rounding for the row and its Expires line, the relative time said once.
    const row = /expires in (\d+ \w+)/.exec(details);
    const line = /Expires\s*in (\d+ \w+) \((\d{4}-[^)]*Z)\)/.exec(details);
    assert.ok(row && line, `expiry on the row and its line: ${details}`);
    assert.strictEqual(line[1], row[1]);
    assert.doesNotMatch(details, /Z \(in /, 'no relative time inside the date');
    // POP and SMTP were never consented: they wait for a sign-in, which is not an expired one.
    assert.match(details, /POP\s*no token: click to sign in[\s\S]*SMTP\s*no token: click to sign in/);
    assert.doesNotMatch(details, /sign-in expired/);
    await ui.screenshot('accounts-view', { selector: '.part.sidebar' }).catch(() => undefined);
  });

  it('the code’s notification, left after the sign-in completed, says the code is no longer needed instead of copying it', async () => {
    const signIn = vscode.commands.executeCommand<string | undefined>('mailOAuth.signIn', { protocol: 'imap', flow: 'deviceCode' });
    const { code, uri } = deviceCodeIn(await notification(/enter the code [A-Z0-9-]+/));
    // The person types the code at the page without the notification's button, which stays.
    assert.match((await browser.enterDeviceCode(uri, code)).body, /You have signed in/);
    assert.strictEqual(await signIn, TEST_USER.upn);
    await vscode.env.clipboard.writeText('clipboard before');
    const opened = openedUrls().length;
    await vscode.commands.executeCommand('notifications.showList');
    await ui.click(`.notifications-center .notification-list-item:has-text("${code}") .monaco-button:has-text("Copy Code & Open Page")`);
    await notification(new RegExp(`The code ${code} is no longer needed: the sign-in as ${TEST_USER.upn.replace('.', '\\.')} has completed`));
    assert.strictEqual(await vscode.env.clipboard.readText(), 'clipboard before', 'the dead code is not copied');
    await sleep(500);
    assert.strictEqual(openedUrls().length, opened, 'no page is opened');
  });

  it('"Open Protocol Console" on the account opens the console for it', async () => {
    await vscode.commands.executeCommand('mailOAuth.accounts.openConsole', await viewNode({ kind: 'account' }));
    await waitFor('the protocol console tab', () => vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.label === 'Mail OAuth: Protocol Console')));
    // The form is filled for the account, as the person sees it once the webview has loaded.
    await ui.webview.waitForText('#status', 'Not connected');
    assert.strictEqual(await ui.webview.evaluate<string>('select[name=tokenSource]', '(el) => el.value'), 'account');
    assert.strictEqual(await ui.webview.evaluate<string>('select[name=account]', '(el) => el.value'), TEST_USER.upn);
    assert.strictEqual(await ui.webview.evaluate<string>('input[name=user]', '(el) => el.value'), TEST_USER.upn);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('"Copy XOAUTH2 String…" takes a shared mailbox in the user field and keeps the account’s token', async () => {
    const token = await copiedToken('imap');
    const done = vscode.commands.executeCommand('mailOAuth.accounts.copyXoauth2', await tokenNode('imap'));
    await ui.type('shared@contoso.test'); // replaces the pre-filled, selected account name
    await ui.press('Enter');
    await ui.press('Enter'); // first action: copy the string
    await done;
    const decoded = Buffer.from(await vscode.env.clipboard.readText(), 'base64').toString('utf8');
    assert.strictEqual(decoded, `user=shared@contoso.test\x01auth=Bearer ${token}\x01\x01`);
  });

  it('"Encode XOAUTH2" offers the signed-in account’s token before asking for one', async () => {
    const token = await copiedToken('imap');
    const done = vscode.commands.executeCommand('mailOAuth.encodeXoauth2');
    await ui.type(TEST_USER.upn);
    await ui.press('Enter');
    const offered = await ui.text('.quick-input-widget');
    assert.match(offered, new RegExp(`${TEST_USER.upn.replace('.', '\\.')}[\\s\\S]*IMAP token`));
    await ui.press('Enter'); // the account's IMAP token
    await ui.press('Enter'); // copy
    await done;
    assert.strictEqual(Buffer.from(await vscode.env.clipboard.readText(), 'base64').toString('utf8'), `user=${TEST_USER.upn}\x01auth=Bearer ${token}\x01\x01`);
  });

  it('"Inspect Token" opens the decoded view with the token’s claims and no problems for IMAP', async () => {
    const token = await copiedToken('imap');
    await vscode.commands.executeCommand('mailOAuth.accounts.inspectToken', await tokenNode('imap'));
    const doc = await waitFor('the decoded view', () => (vscode.window.activeTextEditor?.document.uri.scheme === 'mailoauth-decoded' ? vscode.window.activeTextEditor.document : undefined));
    const text = doc.getText();
    assert.match(text, /https:\/\/outlook\.office\.com/);
    assert.match(text, /IMAP\.AccessAsUser\.All/);
    assert.ok(!text.includes(token.slice(20, 80)), 'the token stays redacted');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('another extension’s forged arguments get no token: the token commands take only the Accounts view’s own items', async () => {
    // What another extension can do: read the account ids, then run the commands with objects of the nodes' shape.
    const [account] = await vscode.authentication.getAccounts(PROVIDER);
    assert.ok(account, 'an account is signed in (so the commands could hand out its token)');
    const forgedAccount = { kind: 'account', account: { homeAccountId: account.id, username: account.label } };
    const forgedToken = { ...forgedAccount, kind: 'token', protocol: 'imap' };
    const refreshes = idp.tokenRequests('refresh_token').length;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.env.clipboard.writeText('untouched');
    // Closed decoded views of earlier tests may linger in textDocuments: only new ones count.
    const decodedBefore = new Set(vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'mailoauth-decoded').map((d) => d.uri.toString()));
    const calls: [string, unknown][] = [
      ['mailOAuth.accounts.copyToken', forgedToken],
      ['mailOAuth.accounts.copyToken', { kind: 'appToken', clientId: TEST_CONFIDENTIAL_CLIENT_ID }],
      ['mailOAuth.accounts.copyToken', undefined], // hidden from the palette: without a node it would ask, then copy
      ['mailOAuth.accounts.copyXoauth2', forgedToken],
      ['mailOAuth.accounts.copyXoauth2', forgedAccount],
      ['mailOAuth.accounts.inspectToken', forgedToken],
      ['mailOAuth.accounts.refreshToken', forgedToken],
      ['mailOAuth.accounts.getToken', forgedToken],
      ['mailOAuth.accounts.openConsole', forgedAccount],
      ['mailOAuth.accounts.signOut', forgedAccount],
    ];
    for (const [command, arg] of calls) {
      assert.strictEqual(await vscode.commands.executeCommand(command, arg), undefined, `${command} returns nothing`);
      assert.strictEqual(await vscode.env.clipboard.readText(), 'untouched', `${command} put nothing on the clipboard`);
    }
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.scheme === 'mailoauth-decoded' && !decodedBefore.has(d.uri.toString())), 'no decoded view of the token was opened');
    assert.ok(!vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.label === 'Mail OAuth: Protocol Console')), 'no console was opened');
    assert.strictEqual(idp.tokenRequests('refresh_token').length, refreshes, 'no token was renewed');
    assert.deepStrictEqual(
      (await vscode.authentication.getAccounts(PROVIDER)).map((a) => a.label),
      [account.label],
      'the account is still signed in',
    );
    // The command that handed a picked token to its caller is gone; "Encode XOAUTH2" calls the picker directly.
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('mailOAuth.accounts.pickToken')), /not found/);
    // The person is told why nothing happened.
    assert.match(await notification(/works only on an item of the Mail OAuth Accounts view/), /Extensions get tokens through VS Code/);
    // The view's own node still works (the context menu's path).
    assert.match(await copiedToken('imap'), /^eyJ/);
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('a workspace cannot move sign-in elsewhere: its authority, cloud and CA settings are ignored, even when trusted', async () => {
    const refreshes = idp.tokenRequests('refresh_token').length;
    await withWorkspaceSettings(
      { 'mailOAuth.auth.authority': 'https://login.attacker.test/organizations', 'mailOAuth.auth.cloud': 'china', 'mailOAuth.auth.extraCaCertificates': ['/nonexistent/attacker-ca.pem'] },
      async () => {
        await vscode.commands.executeCommand('mailOAuth.accounts.refreshToken', await tokenNode('imap'));
        assert.ok(idp.tokenRequests('refresh_token').length > refreshes, 'the token was renewed at the identity provider of the user settings');
        assert.deepStrictEqual(inspectToken(await copiedToken('imap')).audiences, ['https://outlook.office.com'], 'for the global cloud’s Outlook');
      },
    );
  });

  it('a device code sign-in is cancelled from its notification', async () => {
    const started = Date.now();
    const signIn = vscode.commands.executeCommand('mailOAuth.signIn', { protocol: 'pop3', flow: 'deviceCode' });
    await notification(/enter the code [A-Z0-9-]+/);
    await ui.click('.notifications-center .monaco-button:has-text("Cancel Sign-In")');
    assert.strictEqual(await signIn, undefined);
    assert.ok(Date.now() - started < 15_000);
    assert.ok(!idp.issuedAccessTokens.some((t) => inspectToken(t).scopes.includes('POP.AccessAsUser.All')), 'no POP token was issued');
  });

  it('the token cache survives a new MSAL instance (as after a reload): the same token, no token request', async () => {
    const before = await copiedToken('imap');
    const imapRequests = () => idp.tokenRequests().filter((r) => /IMAP/.test(r.scope ?? '')).length;
    const tokenRequests = imapRequests();
    // Any change under mailOAuth.auth discards the MSAL client; the next one starts from SecretStorage.
    await setAuth({ tenant: 'contoso.test' });
    const after = await copiedToken('imap');
    assert.strictEqual(after, before);
    assert.strictEqual(imapRequests(), tokenRequests, 'served from the stored cache: no IMAP token request');
    const settings = JSON.stringify(vscode.workspace.getConfiguration('mailOAuth'));
    assert.ok(!settings.includes(before.slice(0, 40)), 'no token in the settings');
  });

  it('renews an expired token with the refresh token', async () => {
    idp.accessTokenTtl = 2;
    await vscode.commands.executeCommand('mailOAuth.accounts.refreshToken', await tokenNode('imap'));
    const short = await copiedToken('imap');
    const refreshes = idp.tokenRequests('refresh_token').length;
    idp.accessTokenTtl = 3600;
    await sleep(2500);
    assert.ok((inspectToken(short).claims!.exp as number) <= Date.now() / 1000, 'the short token has expired');
    const renewed = await copiedToken('imap');
    assert.notStrictEqual(renewed, short);
    assert.ok((inspectToken(renewed).claims!.exp as number) > Date.now() / 1000 + 600, 'a fresh token');
    assert.ok(idp.tokenRequests('refresh_token').length > refreshes, 'renewed with the refresh token, without the user');
  });

  /** Refresh token grants for IMAP (the view asks for POP and SMTP tokens on its own meanwhile). */
  const imapRefreshes = () => idp.tokenRequests('refresh_token').filter((r) => /IMAP\.AccessAsUser\.All/.test(r.scope ?? '')).length;

  it('"Refresh Token" on a valid token renews it with the refresh token, silently, also after a sign-in for another protocol', async () => {
    // A later sign-in (SMTP) leaves its refresh token in MSAL's cache: it must still renew the IMAP token.
    const smtp = vscode.commands.executeCommand<string | undefined>('mailOAuth.signIn', { protocol: 'smtp', flow: 'deviceCode' });
    const { code, uri } = deviceCodeIn(await notification(/enter the code [A-Z0-9-]+/));
    await browser.enterDeviceCode(uri, code);
    assert.strictEqual(await smtp, TEST_USER.upn);
    await vscode.commands.executeCommand('notifications.clearAll');
    const before = await copiedToken('imap');
    const deviceCodes = () => idp.requests.filter((r) => r.path.endsWith('/oauth2/v2.0/devicecode')).length;
    const codesBefore = deviceCodes();
    const opened = openedUrls().length;
    const refreshes = imapRefreshes();
    await vscode.commands.executeCommand('mailOAuth.accounts.refreshToken', await tokenNode('imap'));
    assert.strictEqual(imapRefreshes(), refreshes + 1, 'renewed with the refresh token');
    assert.notStrictEqual(await copiedToken('imap'), before, 'the token changed');
    assert.strictEqual(deviceCodes(), codesBefore, 'no device code was asked for');
    assert.strictEqual(openedUrls().length, opened, 'no browser page was opened');
    await vscode.commands.executeCommand('notifications.showList');
    assert.doesNotMatch(await ui.text('.notifications-center', { timeoutMs: 5_000 }).catch(() => ''), /enter the code|Signing in/);
  });

  it('token endpoint down: "Refresh Token" says the identity platform cannot be reached; the account and its token stay', async () => {
    const before = await copiedToken('imap');
    await idp.goOffline();
    try {
      await vscode.commands.executeCommand('mailOAuth.accounts.refreshToken', await tokenNode('imap'));
      const shown = await notification(/cannot reach the identity platform/);
      assert.match(shown, new RegExp(`Token renewal failed: cannot reach the identity platform: the connection to ${idp.host.replace(/\./g, '\\.')} was refused \\(ECONNREFUSED\\)`));
      assert.match(shown, /Signed-in accounts and their tokens are kept\./);
      assert.deepStrictEqual(
        (await vscode.authentication.getAccounts(PROVIDER)).map((a) => a.label),
        [TEST_USER.upn],
        'still signed in',
      );
    } finally {
      await idp.comeBack();
    }
    assert.strictEqual(await copiedToken('imap'), before, 'the cached token is still served');
    const refreshes = imapRefreshes();
    await vscode.commands.executeCommand('mailOAuth.accounts.refreshToken', await tokenNode('imap'));
    assert.strictEqual(imapRefreshes(), refreshes + 1, 'renewed without a new sign-in');
    assert.notStrictEqual(await copiedToken('imap'), before);
  });

  it('a token endpoint slower than mailOAuth.auth.networkTimeoutSeconds: the timeout ends the wait with an explanation', async () => {
    await setAuth({ networkTimeoutSeconds: 3 });
    // Longer than this test's own timeout: only the product's timeout can end the request.
    idp.faults = { tokenEndpoint: { delayMs: 120_000 } };
    try {
      await vscode.commands.executeCommand('mailOAuth.accounts.refreshToken', await tokenNode('imap'));
      const shown = await notification(/did not answer within 3 s/);
      assert.match(shown, /Token renewal failed: cannot reach the identity platform: 127\.0\.0\.1:\d+ did not answer within 3 s\./);
    } finally {
      idp.faults = {};
      await setAuth({ networkTimeoutSeconds: undefined });
    }
    assert.deepStrictEqual(
      (await vscode.authentication.getAccounts(PROVIDER)).map((a) => a.label),
      [TEST_USER.upn],
    );
  });

  it('a revoked refresh token (AADSTS50173): the view says so, "Refresh Token" explains it and "Sign In Again" signs in anew', async () => {
    await setAuth({ signInFlow: 'deviceCode' }); // the desktop runner cannot play the system browser
    idp.accessTokenTtl = 2; // inside MSAL's renewal margin: the view's next look needs the refresh token
    await vscode.commands.executeCommand('mailOAuth.accounts.refreshToken', await tokenNode('imap'));
    idp.accessTokenTtl = 3600;
    idp.faults = { refresh: 'revoked' };
    await vscode.commands.executeCommand('mailOAuth.accounts.refresh');
    await waitForViewText(/IMAP\s*sign-in expired: click to sign in again/);
    const refresh = vscode.commands.executeCommand('mailOAuth.accounts.refreshToken', await tokenNode('imap'));
    const shown = await notification(/must be renewed/);
    assert.match(shown, new RegExp(`The sign-in of ${TEST_USER.upn.replace('.', '\\.')} must be renewed: AADSTS50173: The provided grant has expired due to it being revoked`));
    assert.match(shown, /Sign in again to get new tokens; other signed-in accounts are not affected\./);
    idp.faults = {};
    await ui.click('.notifications-center .monaco-button:has-text("Sign In Again")');
    const { code, uri } = deviceCodeIn(await notification(/enter the code [A-Z0-9-]+/));
    await browser.enterDeviceCode(uri, code);
    await refresh;
    assert.deepStrictEqual(
      (await vscode.authentication.getAccounts(PROVIDER)).map((a) => a.label),
      [TEST_USER.upn],
    );
    const refreshes = imapRefreshes();
    await vscode.commands.executeCommand('mailOAuth.accounts.refreshToken', await tokenNode('imap'));
    assert.strictEqual(imapRefreshes(), refreshes + 1, 'the new refresh token works');
    await setAuth({ signInFlow: undefined });
  });

  it('a skewed clock: a token that arrives "not valid yet" by this computer’s clock gets a warning naming the clock', async () => {
    idp.faults = { clockSkewSeconds: 2 * 3600 };
    await vscode.commands.executeCommand('mailOAuth.accounts.refreshToken', await tokenNode('imap'));
    const shown = await notification(/clock is about 2 hours behind/);
    assert.match(shown, /This computer's clock is about 2 hours behind the identity platform's: by this clock the token is not valid until/);
    assert.match(shown, /Check the system date, time and time zone/);
    idp.faults = {};
    await vscode.commands.executeCommand('mailOAuth.accounts.refreshToken', await tokenNode('imap'));
  });

  it('authorization code + PKCE: openExternal opens the sign-in page, the loopback gets the code, the SMTP token arrives', async function () {
    if (!openedUrlsFile) this.skip(); // the desktop runner opens the system browser, which no test can play
    await setAuth({ signInFlow: 'authorizationCode' });
    const seen = openedUrls().length;
    const signIn = vscode.commands.executeCommand<string | undefined>('mailOAuth.signIn', { protocol: 'smtp' });
    const url = await waitFor(
      'the browser tab opened by openExternal',
      () =>
        openedUrls()
          .slice(seen)
          .find((u) => u.includes('/oauth2/v2.0/authorize')),
      30_000,
    );
    const u = new URL(url);
    assert.strictEqual(u.searchParams.get('code_challenge_method'), 'S256');
    assert.match(u.searchParams.get('redirect_uri') ?? '', /^http:\/\/localhost:\d+$/);
    assert.match(u.searchParams.get('scope') ?? '', /https:\/\/outlook\.office\.com\/SMTP\.Send/);
    const last = await browser.signIn(url);
    assert.match(last.body, /return to VS Code/);
    assert.strictEqual(await signIn, TEST_USER.upn);
    assert.ok(inspectToken(await copiedToken('smtp')).scopes.includes('SMTP.Send'));
    await setAuth({ signInFlow: undefined });
  });

  it('a refused consent is explained (AADSTS65004) with what to do', async () => {
    idp.consent = 'refuse';
    const signIn = vscode.commands.executeCommand('mailOAuth.signIn', { protocol: 'pop3', flow: 'deviceCode' });
    const text = await notification(/enter the code [A-Z0-9-]+/);
    const { code, uri } = deviceCodeIn(text);
    await browser.enterDeviceCode(uri, code);
    assert.strictEqual(await signIn, undefined);
    const shown = await notification(/AADSTS65004/);
    assert.match(shown, /declined to consent/i);
    assert.match(shown, /Fix:/);
  });

  it('a wrong client ID is explained (AADSTS700016), and an email address as client ID is named as such', async () => {
    await setAuth({ clientId: '00000000-1111-4222-8333-444444444444' });
    assert.strictEqual(await vscode.commands.executeCommand('mailOAuth.signIn', { protocol: 'imap', flow: 'deviceCode' }), undefined);
    const shown = await notification(/AADSTS700016/);
    assert.match(shown, /not found in the directory/);
    await vscode.commands.executeCommand('notifications.clearAll');
    await setAuth({ clientId: 'adele@contoso.test' });
    assert.strictEqual(await vscode.commands.executeCommand('mailOAuth.signIn', { protocol: 'imap', flow: 'deviceCode' }), undefined);
    await notification(/is an email address, not an application ID/);
    await setAuth({ clientId: TEST_PUBLIC_CLIENT_ID });
  });

  it('client credentials: the secret typed into a password box gives an app-only session with roles', async () => {
    await setAuth({ appClientId: TEST_CONFIDENTIAL_CLIENT_ID });
    const set = vscode.commands.executeCommand('mailOAuth.setClientSecret');
    await ui.type(idp.credentials.clientSecret);
    await ui.press('Enter');
    await set;
    await vscode.commands.executeCommand('mailOAuth.getAppOnlyToken');
    await vscode.commands.executeCommand('mailOAuth.accounts.copyToken', await viewNode({ kind: 'appToken' }));
    const t = inspectToken(await vscode.env.clipboard.readText());
    assert.deepStrictEqual(t.audiences, ['https://outlook.office365.com']);
    assert.deepStrictEqual(t.roles, ['IMAP.AccessAsApp', 'POP.AccessAsApp', 'SMTP.SendAsApp']);
    assert.ok(idp.tokenRequests('client_credentials').length >= 1);
    await waitForViewText(/App 66666666/);
  });

  it('sign-out removes the account: no session, and the view shows the welcome content again', async () => {
    const removed = new Promise<void>((resolve) => {
      const sub = vscode.authentication.onDidChangeSessions((e) => {
        if (e.provider.id === PROVIDER) {
          sub.dispose();
          resolve();
        }
      });
    });
    await vscode.commands.executeCommand('mailOAuth.accounts.signOut', await viewNode({ kind: 'account' }));
    await removed;
    assert.strictEqual((await vscode.authentication.getAccounts(PROVIDER)).length, 0);
    await vscode.commands.executeCommand('mailOAuth.accounts.signOut', await viewNode({ kind: 'app' }));
    await vscode.commands.executeCommand('mailOAuth.accounts.refresh');
    const welcome = await waitForViewText(/No Microsoft account is signed in/);
    // The client ID is set here, so the welcome text points to the settings rather than asking for it.
    assert.match(welcome, /with the app registration set in the sign-in settings/);
    assert.doesNotMatch(welcome, /set the client ID/);
  });
});

const usedCodes = new Set<string>();

/** The device code (not one used before) and verification page in the notifications' text. */
function deviceCodeIn(text: string): { code: string; uri: string } {
  const fresh = [...text.matchAll(/open (https:\/\/\S+?) and enter the code ([A-Z0-9-]+)/g)].find((m) => !usedCodes.has(m[2]!));
  assert.ok(fresh, `a new device code in: ${text}`);
  usedCodes.add(fresh[2]!);
  return { uri: fresh[1]!, code: fresh[2]! };
}

/** The sidebar node of the test user's token for a protocol, as the context menu passes it. */
function tokenNode(protocol: 'imap' | 'pop3' | 'smtp') {
  return viewNode({ kind: 'token', username: TEST_USER.upn, protocol });
}

/** The token as "Copy Access Token" (the sidebar's context action) puts it in the clipboard. */
async function copiedToken(protocol: 'imap' | 'pop3' | 'smtp'): Promise<string> {
  await vscode.env.clipboard.writeText('');
  await vscode.commands.executeCommand('mailOAuth.accounts.copyToken', await tokenNode(protocol));
  const token = await vscode.env.clipboard.readText();
  assert.match(token, /^eyJ/, `a ${protocol} token was copied`);
  return token;
}

async function waitForClipboard(expected: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  let v = '';
  while (Date.now() < deadline) {
    v = await vscode.env.clipboard.readText();
    if (v === expected) return v;
    await sleep(100);
  }
  return v;
}
