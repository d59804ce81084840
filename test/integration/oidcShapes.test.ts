// The OpenID provider (mail-oauth-oidc) with its presets against the local provider in two more shapes, in the
// real VS Code: a Keycloak realm (preset 'keycloak'; authorization code + PKCE, then the device code with the
// verification page played by IdentityBrowser), whose tokens a real Dovecot validates by RFC 7662 introspection
// with its own client, and Google (preset 'google' with the issuer moved to the local provider; its client secret
// typed into "Set Client Secret for OpenID Provider…"), whose tokens Dovecot checks at the tokeninfo endpoint
// with the Gmail scope required. Each token logs in from the protocol console, taken as the account's token.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { makeCertificates, TestCertificates } from '../servers/certificates';
import { Dovecot, dovecotAvailable, startDovecot } from '../servers/dovecot';
import { IdentityBrowser } from '../servers/identityBrowser';
import { GOOGLE_CLIENT_ID, GOOGLE_MAIL_SCOPE, GOOGLE_TEST_USER, IdentityProvider, KEYCLOAK_PUBLIC_CLIENT_ID, KEYCLOAK_REALM, KEYCLOAK_TEST_USER } from '../servers/identityProvider';
import { SmtpSink, startSmtpSink } from '../servers/smtpSink';
import { outputChannelText, testHooks } from './hooks';
import { deviceCodeNotification, openedUrlsFile, signInThroughBrowser, waitForLog, waitForViewText } from './signInUi';
import { ui } from './ui';

const G = vscode.ConfigurationTarget.Global;
const LOOPBACK = /^http:\/\/127\.0\.0\.1:\d+\/$/;
const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
/** How the console's Account list names the accounts: "user · provider label" (the presets' labels). */
const KEYCLOAK_ACCOUNT = `${KEYCLOAK_TEST_USER.upn} · Keycloak`;
const GOOGLE_ACCOUNT = `${GOOGLE_TEST_USER.upn} · Google`;

type Protocol = 'imap' | 'pop3' | 'smtp';

describe('OpenID provider shapes in the real VS Code: Keycloak (PKCE, device code) and Google (PKCE, tokeninfo) tokens log in from the console', function () {
  this.timeout(180_000);
  let dir: string;
  let certs: TestCertificates;
  let keycloak: IdentityProvider;
  let google: IdentityProvider;
  let keycloakDovecot: Dovecot;
  let googleDovecot: Dovecot;
  let sink: SmtpSink;

  /** Opens a new console for the account and the Dovecot's port of the protocol, connects, and returns the verdict. */
  async function consoleLogin(dovecot: Dovecot, account: string, user: string, protocol: Protocol, mechanism: 'XOAUTH2' | 'OAUTHBEARER'): Promise<string> {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors'); // a new console, not the last one
    const port = { imap: dovecot.ports.imap, pop3: dovecot.ports.pop3, smtp: dovecot.ports.submission }[protocol];
    await vscode.commands.executeCommand('mailOAuth.openConsole', { preset: 'custom', protocol, host: '127.0.0.1', port, security: 'none', tokenSource: 'account', account, user, mechanism });
    await ui.webview.waitForText('#status', 'Not connected');
    assert.strictEqual(await ui.webview.evaluate<string>('select[name=account]', '(el) => el.value'), account, 'the console offers the OpenID account');
    await ui.webview.click('#connect');
    const verdict = await ui.webview.waitForText('#verdict', `Authenticated with ${mechanism}`, 30_000).catch(async (e: Error) => {
      throw new Error(
        `${e.message}\nverdict: ${await ui.webview.text('#verdict').catch(() => '')}\nstatus: ${await ui.webview.text('#status').catch(() => '')}\ndovecot: ${dovecot.log().slice(-1500)}`,
      );
    });
    assert.match(verdict, new RegExp(`Authenticated with ${mechanism} and verified`));
    return verdict;
  }

  async function sessionOf(providerId: string) {
    const hooks = await testHooks();
    const accounts = await hooks.oidc.accounts(providerId);
    assert.strictEqual(accounts.length, 1, `one account at ${providerId}`);
    assert.strictEqual(accounts[0]!.sessions.length, 1, 'one session for the provider’s scopes');
    return accounts[0]!.sessions[0]!;
  }

  before(async function () {
    if (!ui.available || !openedUrlsFile) this.skip(); // the desktop runner opens the system browser, which no test can play
    assert.ok(dovecotAvailable(), 'Dovecot is installed (scripts/ensure-dovecot.sh)');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mailoauth-oidc-shapes-it-'));
    certs = makeCertificates(dir);
    sink = await startSmtpSink();
    keycloak = await IdentityProvider.start({ certificates: certs, shape: 'keycloak' });
    google = await IdentityProvider.start({ certificates: certs, shape: 'google' });
    // Keycloak: Dovecot introspects with its own confidential client (the "dovecot" client of the realm).
    keycloakDovecot = await startDovecot({
      introspectionUrl: keycloak.introspectionUrlWithCredentials,
      introspectionCaPem: certs.caPem,
      usernameAttribute: 'email',
      authFailureDelay: '0 secs',
      relayPort: sink.port,
    });
    // Google: as Dovecot's Google example, tokeninfo_url with username_attribute = email, and the Gmail scope required.
    googleDovecot = await startDovecot({
      tokeninfoUrl: google.tokeninfoUrl,
      requiredScope: GOOGLE_MAIL_SCOPE,
      introspectionCaPem: certs.caPem,
      usernameAttribute: 'email',
      authFailureDelay: '0 secs',
      relayPort: sink.port,
    });
    await vscode.workspace.getConfiguration('mailOAuth.auth').update('extraCaCertificates', [certs.caCert], G);
    await vscode.workspace.getConfiguration('mailOAuth.oidc').update(
      'providers',
      [
        // The Keycloak preset needs the realm URL as issuer (discovery there) and the client; its scopes are the preset's.
        { id: 'sso', preset: 'keycloak', issuer: keycloak.issuer, clientId: KEYCLOAK_PUBLIC_CLIENT_ID, mailHosts: ['127.0.0.1'] },
        // The Google preset with its issuer moved to the local provider; its scopes and access_type=offline stay the preset's.
        { id: 'google', preset: 'google', issuer: google.issuer, clientId: GOOGLE_CLIENT_ID, mailHosts: ['127.0.0.1'] },
      ],
      G,
    );
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  after(async () => {
    if (!keycloak) return;
    try {
      const hooks = await testHooks();
      for (const a of await hooks.oidc.accounts()) await hooks.oidc.signOut(a.provider.id, a.accountId);
      await vscode.commands.executeCommand('mailOAuth.oidc.clearClientSecret', { provider: 'google', confirmed: true });
      await vscode.workspace.getConfiguration('mailOAuth.oidc').update('providers', undefined, G);
      await vscode.workspace.getConfiguration('mailOAuth.auth').update('extraCaCertificates', undefined, G);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.commands.executeCommand('notifications.clearAll');
    } finally {
      await keycloakDovecot?.stop();
      await googleDovecot?.stop();
      await keycloak.stop();
      await google?.stop();
      await sink?.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('Keycloak: authorization code + PKCE at the realm’s auth endpoint; the token logs in over IMAP, POP3 and SMTP, Dovecot introspecting it', async () => {
    const { result, url } = await signInThroughBrowser<string>(
      new IdentityBrowser(certs.caPem),
      'mailOAuth.oidc.signIn',
      { provider: 'sso', flow: 'authorizationCode' },
      { authorizePath: '/protocol/openid-connect/auth', redirect: LOOPBACK },
    );
    assert.strictEqual(result, KEYCLOAK_TEST_USER.upn, 'the account is named by the ID token’s email claim');
    assert.strictEqual(url.origin + url.pathname, `${keycloak.issuer}/protocol/openid-connect/auth`);
    assert.strictEqual(url.pathname, `/realms/${KEYCLOAK_REALM}/protocol/openid-connect/auth`);
    assert.strictEqual(url.searchParams.get('code_challenge_method'), 'S256');
    assert.match(url.searchParams.get('code_challenge') ?? '', /^[A-Za-z0-9_-]{43}$/);
    assert.strictEqual(url.searchParams.get('client_id'), KEYCLOAK_PUBLIC_CLIENT_ID);
    assert.deepStrictEqual((url.searchParams.get('scope') ?? '').split(' ').sort(), ['email', 'offline_access', 'openid']);
    const session = await sessionOf('sso');
    assert.strictEqual(session.flow, 'authorizationCode');
    assert.ok(keycloak.issuedAccessTokens.includes(session.accessToken), 'the session holds the token the realm issued');
    assert.ok(session.refreshToken, 'offline_access gave a refresh token');

    const before = keycloak.introspectionRequests().length;
    await consoleLogin(keycloakDovecot, KEYCLOAK_ACCOUNT, KEYCLOAK_TEST_USER.upn, 'imap', 'OAUTHBEARER');
    await consoleLogin(keycloakDovecot, KEYCLOAK_ACCOUNT, KEYCLOAK_TEST_USER.upn, 'pop3', 'XOAUTH2');
    await consoleLogin(keycloakDovecot, KEYCLOAK_ACCOUNT, KEYCLOAK_TEST_USER.upn, 'smtp', 'OAUTHBEARER');
    assert.ok(keycloak.introspectionRequests().length - before >= 3, 'Dovecot asked the realm about the token at each login');
    assert.ok(!(await ui.webview.text('#transcript')).includes(session.accessToken), 'the transcript shows no token');
  });

  it('Keycloak: a second sign-in with the device code (the verification page played in a browser) replaces the session; its token logs in over IMAP', async () => {
    const hooks = await testHooks();
    await vscode.commands.executeCommand('notifications.clearAll');
    const first = (await sessionOf('sso')).accessToken;
    const grants = keycloak.tokenRequests(DEVICE_GRANT).length;
    const running = vscode.commands.executeCommand<string>('mailOAuth.oidc.signIn', { provider: 'sso', flow: 'deviceCode' });
    const { uri, code } = await deviceCodeNotification();
    assert.strictEqual(uri, `${keycloak.issuer}/device`, 'the realm’s verification page');
    const done = await new IdentityBrowser(certs.caPem).enterDeviceCode(uri, code);
    assert.match(done.body, /You have signed in/);
    assert.strictEqual(await running, KEYCLOAK_TEST_USER.upn);
    assert.ok(keycloak.tokenRequests(DEVICE_GRANT).length > grants, 'the token came from the device code grant');
    assert.ok(
      keycloak.requests.some((r) => r.path === `/realms/${KEYCLOAK_REALM}/protocol/openid-connect/auth/device`),
      'asked the realm’s device endpoint',
    );

    const session = await sessionOf('sso');
    assert.strictEqual(session.flow, 'deviceCode');
    assert.notStrictEqual(session.accessToken, first, 'a new token replaced the first sign-in’s');
    assert.strictEqual(session.accessToken, keycloak.issuedAccessTokens.at(-1));
    await waitForLog(hooks, /Signing in to Keycloak \(https:\/\/127\.0\.0\.1:\d+\/realms\/mail\) with the flow deviceCode\./);

    const before = keycloak.introspectionRequests().length;
    await consoleLogin(keycloakDovecot, KEYCLOAK_ACCOUNT, KEYCLOAK_TEST_USER.upn, 'imap', 'XOAUTH2');
    assert.ok(keycloak.introspectionRequests().length > before, 'Dovecot introspected the device code’s token');
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('Google without its client secret: the refused sign-in says to run Set Client Secret (not the Entra advice for invalid_client)', async () => {
    const hooks = await testHooks();
    await vscode.commands.executeCommand('notifications.clearAll');
    assert.strictEqual(await hooks.oidc.clientSecret('google'), undefined, 'no secret stored yet');
    const refused = google.tokenRequests('authorization_code').length;
    const { result } = await signInThroughBrowser<string | undefined>(
      new IdentityBrowser(certs.caPem),
      'mailOAuth.oidc.signIn',
      { provider: 'google', flow: 'authorizationCode' },
      { authorizePath: '/o/oauth2/v2/auth', redirect: LOOPBACK },
    );
    assert.strictEqual(result, undefined, 'no sign-in');
    assert.strictEqual(google.tokenRequests('authorization_code').length, refused + 1, 'the code was taken to the token endpoint, which refused it');
    const log = await waitForLog(
      hooks,
      /Google refused the sign-in without a client secret \(invalid_client\): a Google "Desktop app" client needs its secret\. Run "Set Client Secret for OpenID Provider…"/,
    );
    assert.doesNotMatch(log, /enable public client flows/, 'no advice meant for Entra ID');
    assert.deepStrictEqual(await hooks.oidc.accounts('google'), [], 'no account');
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('Google: the client secret typed into Set Client Secret, PKCE asking for the Gmail scope with access_type=offline; the token logs in over IMAP with XOAUTH2, Dovecot asking tokeninfo', async () => {
    const set = vscode.commands.executeCommand('mailOAuth.oidc.setClientSecret', { provider: 'google' });
    await ui.type(google.googleClientSecret);
    await ui.press('Enter');
    await set;
    const hooks = await testHooks();
    assert.strictEqual(await hooks.oidc.clientSecret('google'), google.googleClientSecret, 'the secret is in SecretStorage');

    const { result, url } = await signInThroughBrowser<string>(
      new IdentityBrowser(certs.caPem),
      'mailOAuth.oidc.signIn',
      { provider: 'google', flow: 'authorizationCode' },
      { authorizePath: '/o/oauth2/v2/auth', redirect: LOOPBACK },
    );
    assert.strictEqual(result, GOOGLE_TEST_USER.upn);
    assert.strictEqual(url.origin + url.pathname, `${google.issuer}/o/oauth2/v2/auth`, 'the local provider’s authorization endpoint, from its discovery');
    assert.ok((url.searchParams.get('scope') ?? '').split(' ').includes(GOOGLE_MAIL_SCOPE), `the Gmail scope was asked for: ${url.searchParams.get('scope')}`);
    assert.strictEqual(url.searchParams.get('code_challenge_method'), 'S256');
    assert.strictEqual(url.searchParams.get('access_type'), 'offline');
    assert.strictEqual(url.searchParams.get('client_id'), GOOGLE_CLIENT_ID);
    const session = await sessionOf('google');
    assert.match(session.accessToken, /^ya29\./, 'Google’s opaque access token');
    assert.match(session.refreshToken ?? '', /^1\/\//, 'a refresh token (access_type=offline)');
    const token = google.tokenRequests('authorization_code').at(-1);
    assert.strictEqual(token?.clientId, GOOGLE_CLIENT_ID, 'the code was redeemed by the Desktop app client (with its secret: the provider checks it)');

    const before = google.introspectionRequests().length;
    await consoleLogin(googleDovecot, GOOGLE_ACCOUNT, GOOGLE_TEST_USER.upn, 'imap', 'XOAUTH2');
    assert.ok(google.introspectionRequests().length > before, 'Dovecot asked tokeninfo about the token');
    const text = await outputChannelText(hooks);
    for (const secret of [google.googleClientSecret, session.accessToken, session.refreshToken!]) assert.ok(!text.includes(secret), 'no client secret or token in the output channel');
  });

  it('Google: asking for the device code says that Google does not allow the Gmail scope there, before asking Google', async () => {
    const hooks = await testHooks();
    await vscode.commands.executeCommand('notifications.clearAll');
    const deviceRequests = () => google.requests.filter((r) => r.path === '/device/code').length;
    const before = deviceRequests();
    const result = await vscode.commands.executeCommand<string | undefined>('mailOAuth.oidc.signIn', { provider: 'google', flow: 'deviceCode' });
    assert.strictEqual(result, undefined, 'no sign-in');
    assert.strictEqual(deviceRequests(), before, 'the device endpoint was not asked');
    await waitForLog(hooks, /Google does not allow the Gmail scope \(https:\/\/mail\.google\.com\/\) in the device code flow, so Google was not asked\. Sign in through the browser/);
    let shown = '';
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline && !/Google does not allow the Gmail scope/.test(shown)) {
      await vscode.commands.executeCommand('notifications.showList');
      shown = await ui.text('.notifications-center', { timeoutMs: 5_000 }).catch(() => '');
    }
    assert.match(shown, /Google does not allow the Gmail scope \(https:\/\/mail\.google\.com\/\) in the device code flow/, 'the error notification says why');
    assert.strictEqual((await sessionOf('google')).flow, 'authorizationCode', 'the browser sign-in’s session stays');
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('the Accounts view shows the Keycloak and the Google group, each with its account and token', async () => {
    await vscode.commands.executeCommand('mailOAuth.accounts.refresh');
    const text = await waitForViewText(/Microsoft[\s\S]*Keycloak[\s\S]*kim\.akers@mail\.example\.test[\s\S]*Google[\s\S]*adele\.vance@gmail\.test/);
    assert.ok(text.indexOf('Keycloak') < text.indexOf('Google'), `groups in the setting's order: ${text}`);
    // The Keycloak token's details: its claims, then the checks against the provider's settings.
    await ui.click('.part.sidebar .monaco-list-row:has-text("openid email offline_access")');
    const details = await waitForViewText(/Audience[\s\S]*Issuer[\s\S]*\/realms\/mail[\s\S]*Flow[\s\S]*No problems found/);
    assert.ok(!/issued by .* not by the configured issuer/.test(details), details);
    const file = await ui.screenshot('accounts-view-keycloak-google', { selector: '.part.sidebar' });
    assert.ok(fs.existsSync(file), `the screenshot was written: ${file}`);
  });
});
