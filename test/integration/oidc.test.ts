// Sign-in at an OpenID provider in the real VS Code: the local OpenID provider (oidc-provider over HTTPS,
// its CA trusted through mailOAuth.auth.extraCaCertificates) configured as a generic provider of
// mailOAuth.oidc.providers; authorization code + PKCE through vscode.env.openExternal and the loopback
// redirect (the browser's pages played by IdentityBrowser); the account in the Accounts view beside a
// Microsoft one; its token from vscode.authentication; and an IMAP login from the console against a real
// Dovecot that validates the token by introspection at that provider.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { Dovecot, dovecotAvailable, startDovecot } from '../servers/dovecot';
import { makeCertificates, TestCertificates } from '../servers/certificates';
import { IdentityBrowser } from '../servers/identityBrowser';
import { IdentityProvider, TEST_PUBLIC_CLIENT_ID, TEST_TENANT_ID, TEST_USER } from '../servers/identityProvider';
import { outputChannelText, testHooks } from './hooks';
import { openedUrlsFile, signInThroughBrowser as signInThroughBrowserAt, waitForLog, waitForViewText } from './signInUi';
import { ui } from './ui';

const G = vscode.ConfigurationTarget.Global;
const IMAP_SCOPE = 'https://outlook.office.com/IMAP.AccessAsUser.All';
const ACCOUNT_KEY = `${TEST_USER.upn} · Local IdP`;

describe('OpenID provider sign-in (mail-oauth-oidc) against the local OpenID provider', function () {
  this.timeout(180_000);
  let dir: string;
  let certs: TestCertificates;
  let idp: IdentityProvider;
  let dovecot: Dovecot;
  let browser: IdentityBrowser;

  /** A sign-in whose browser tab opens the provider's (Microsoft-shaped) authorization endpoint. */
  const signInThroughBrowser = <T>(command: string, arg: unknown, redirect: RegExp) => signInThroughBrowserAt<T>(browser, command, arg, { authorizePath: '/oauth2/v2.0/authorize', redirect });

  before(async function () {
    if (!ui.available || !openedUrlsFile) this.skip(); // the desktop runner opens the system browser, which no test can play
    assert.ok(dovecotAvailable(), 'Dovecot is installed (scripts/ensure-dovecot.sh)');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mailoauth-oidc-it-'));
    certs = makeCertificates(dir);
    idp = await IdentityProvider.start({ certificates: certs });
    dovecot = await startDovecot({ introspectionUrl: idp.introspectionUrlWithCredentials, introspectionCaPem: certs.caPem, usernameAttribute: 'upn', authFailureDelay: '0 secs' });
    browser = new IdentityBrowser(certs.caPem);
    const auth = vscode.workspace.getConfiguration('mailOAuth.auth');
    await auth.update('extraCaCertificates', [certs.caCert], G);
    await auth.update('clientId', TEST_PUBLIC_CLIENT_ID, G);
    await auth.update('authority', idp.authority, G);
    await auth.update('signInFlow', 'authorizationCode', G);
    await vscode.workspace.getConfiguration('mailOAuth.oidc').update(
      'providers',
      [
        { id: 'google', preset: 'google', clientId: 'mail-oauth-debugger.apps.googleusercontent.com' },
        {
          id: 'local',
          label: 'Local IdP',
          issuer: `${idp.origin}/${TEST_TENANT_ID}/v2.0`,
          clientId: TEST_PUBLIC_CLIENT_ID,
          scopes: ['openid', 'email', 'offline_access', IMAP_SCOPE],
          mailHosts: ['127.0.0.1'],
          flows: ['authorizationCode'],
        },
      ],
      G,
    );
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  after(async () => {
    if (!idp) return;
    try {
      const hooks = await testHooks();
      for (const a of await hooks.oidc.accounts()) await hooks.oidc.signOut(a.provider.id, a.accountId);
      const top = await hooks.accounts.getChildren();
      const microsoft = top.find((n) => n.kind === 'group' && !n.provider);
      for (const n of microsoft ? await hooks.accounts.getChildren(microsoft) : []) if (n.kind === 'account') await vscode.commands.executeCommand('mailOAuth.accounts.signOut', n);
      await vscode.workspace.getConfiguration('mailOAuth.oidc').update('providers', undefined, G);
      const auth = vscode.workspace.getConfiguration('mailOAuth.auth');
      for (const k of ['extraCaCertificates', 'clientId', 'authority', 'signInFlow']) await auth.update(k, undefined, G);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.commands.executeCommand('notifications.clearAll');
    } finally {
      await dovecot?.stop();
      await idp.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('authorization code + PKCE through openExternal and the loopback: the account and its token appear, in SecretStorage only', async () => {
    const { result, url } = await signInThroughBrowser<string>('mailOAuth.oidc.signIn', { provider: 'local' }, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.strictEqual(result, TEST_USER.upn, 'the account is named by the ID token’s email claim');
    assert.strictEqual(url.searchParams.get('code_challenge_method'), 'S256');
    assert.match(url.searchParams.get('scope') ?? '', /openid email offline_access https:\/\/outlook\.office\.com\/IMAP\.AccessAsUser\.All/);

    // Other extensions see the session through vscode.authentication, by provider and scopes.
    const accounts = await vscode.authentication.getAccounts('mail-oauth-oidc');
    assert.deepStrictEqual(
      accounts.map((a) => a.label),
      [TEST_USER.upn],
    );
    const hooks = await testHooks();
    const [session] = await hooks.oidc.getSessions(['provider:local', IMAP_SCOPE]);
    assert.ok(session && idp.issuedAccessTokens.includes(session.accessToken), 'the session holds the token the provider issued');
    assert.deepStrictEqual(await hooks.oidc.getSessions(['provider:google']), [], 'no session of another provider');
    const stored = await hooks.secrets.get('mailOAuth.oidc.sessions.local');
    assert.ok(stored?.includes(session.accessToken), 'the session is in SecretStorage');
    const log = await outputChannelText(hooks);
    assert.match(log, /Signed in adele@contoso\.test at Local IdP/);
    for (const secret of [session.accessToken, ...idp.issuedRefreshTokens]) assert.ok(!log.includes(secret), 'no token or refresh token in the output channel');

    // A refresh through the view's context action: a new token, the old one gone from the session.
    const before = session.accessToken;
    const tokenNode = await oidcTokenNode();
    await vscode.commands.executeCommand('mailOAuth.accounts.refreshToken', tokenNode);
    const [renewed] = await hooks.oidc.getSessions(['provider:local']);
    assert.ok(renewed && renewed.accessToken !== before && idp.issuedAccessTokens.includes(renewed.accessToken), 'refreshed with the refresh token');
    assert.ok(idp.tokenRequests('refresh_token').length >= 1);

    // Encode XOAUTH2 offers the OpenID account's token (the only signed-in account so far: the first item).
    const encode = vscode.commands.executeCommand('mailOAuth.encodeXoauth2');
    await ui.type(TEST_USER.upn);
    await ui.press('Enter');
    await ui.press('Enter'); // the Local IdP account's token
    await ui.press('Enter'); // copy
    await encode;
    const xoauth2 = Buffer.from(await vscode.env.clipboard.readText(), 'base64').toString('utf8');
    assert.strictEqual(xoauth2, `user=${TEST_USER.upn}\x01auth=Bearer ${renewed.accessToken}\x01\x01`);
  });

  it('the Accounts view groups accounts by provider: Microsoft first, then each OpenID provider with its sign-in entry', async () => {
    // A Microsoft account too, through the same provider in Microsoft's layout (MSAL's loopback is http://localhost).
    const ms = await signInThroughBrowser<string>('mailOAuth.signIn', { protocol: 'imap' }, /^http:\/\/localhost:\d+$/);
    assert.strictEqual(ms.result, TEST_USER.upn);
    await vscode.commands.executeCommand('mailOAuth.accounts.refresh');
    const text = await waitForViewText(
      /Microsoft[\s\S]*IMAP[\s\S]*Google[\s\S]*Sign in to Google[\s\S]*Local IdP[\s\S]*adele@contoso\.test[\s\S]*outlook\.office\.com\/IMAP\.AccessAsUser\.All[\s\S]*expires in[\s\S]*Sign in to Local IdP/,
    );
    assert.ok(text.indexOf('Microsoft') < text.indexOf('Google') && text.indexOf('Google') < text.indexOf('Local IdP'), `groups in order: ${text}`);
    await ui.click('.part.sidebar .monaco-list-row:has-text("IMAP.AccessAsUser.All")');
    const details = await waitForViewText(/Audience[\s\S]*https:\/\/outlook\.office\.com[\s\S]*Issuer[\s\S]*Flow[\s\S]*authorizationCode/);
    assert.match(details, /Expires\s*in \d+ \w+/);
    await ui.screenshot('accounts-view-openid', { selector: '.part.sidebar' }).catch(() => undefined);
  });

  it('the console logs in over IMAP with the OpenID account’s token, which Dovecot validates by introspection', async () => {
    const before = idp.introspectionRequests().length;
    await vscode.commands.executeCommand('mailOAuth.openConsole', {
      preset: 'custom',
      protocol: 'imap',
      host: '127.0.0.1',
      port: dovecot.ports.imap,
      security: 'none',
      tokenSource: 'account',
      account: ACCOUNT_KEY,
      user: TEST_USER.upn,
      mechanism: 'OAUTHBEARER',
    });
    await ui.webview.waitForText('#status', 'Not connected');
    // The Account list offers the OpenID account beside the Microsoft one, by provider.
    const options = await ui.webview.evaluate<string[]>('select[name=account]', '(el) => [...el.options].map((o) => o.value)');
    assert.ok(options.includes(ACCOUNT_KEY) && options.includes(TEST_USER.upn), `accounts offered: ${options.join(', ')}`);
    assert.strictEqual(await ui.webview.evaluate<string>('select[name=account]', '(el) => el.value'), ACCOUNT_KEY);
    await ui.webview.click('#connect');
    await ui.webview.waitForText('#verdict', 'Authenticated with OAUTHBEARER and verified', 30_000);
    assert.ok(idp.introspectionRequests().length > before, 'Dovecot asked the provider about the token');
    const hooks = await testHooks();
    const [session] = await hooks.oidc.getSessions(['provider:local']);
    assert.ok(session);
    assert.ok(!(await ui.webview.text('#transcript')).includes(session.accessToken), 'the transcript shows no token');
  });

  it('the Gmail preset asks the Google provider, and says how to configure one when there is none', async () => {
    await vscode.workspace.getConfiguration('mailOAuth.oidc').update(
      'providers',
      (vscode.workspace.getConfiguration('mailOAuth.oidc').get<Record<string, unknown>[]>('providers') ?? []).filter((p) => p.id !== 'google'),
      G,
    );
    const hooks = await testHooks();
    hooks.allowTokenHostForSession('imap.gmail.com'); // the dialog before a token leaves for a host is not this test's subject
    await vscode.commands.executeCommand('workbench.action.closeAllEditors'); // a new console, not the connected one
    await vscode.commands.executeCommand('mailOAuth.openConsole', {
      preset: 'gmail',
      protocol: 'imap',
      host: 'imap.gmail.com',
      port: 993,
      security: 'tls',
      tokenSource: 'account',
      account: '',
      user: 'someone@gmail.com',
    });
    await ui.webview.waitForText('#status', 'Not connected');
    await ui.webview.click('#connect');
    const said = await ui.webview.waitForText('#status', 'mailOAuth.oidc.providers');
    assert.match(said, /Gmail tokens come from Google/);
    assert.match(said, /"preset": "google"/);
  });

  it('a bad provider entry is named with its field in a warning, and the others keep working', async () => {
    const providers = vscode.workspace.getConfiguration('mailOAuth.oidc').get<Record<string, unknown>[]>('providers') ?? [];
    await vscode.workspace.getConfiguration('mailOAuth.oidc').update('providers', [...providers, { id: 'broken', preset: 'keycloak', issuer: 'https://sso.example.com/auth', clientId: 'x' }], G);
    const hooks = await testHooks();
    const log = await waitForLog(hooks, /mailOAuth\.oidc\.providers\[\d\] \("broken"\)\.issuer "https:\/\/sso\.example\.com\/auth" is not a Keycloak realm URL/);
    assert.ok(log);
    assert.deepStrictEqual(
      hooks.oidc.providers().map((p) => p.id),
      ['local'],
    );
    await vscode.workspace.getConfiguration('mailOAuth.oidc').update('providers', providers, G);
  });

  it('getSessions renews an expiring token silently; a renewal the provider refuses ends the session and says why', async () => {
    const hooks = await testHooks();
    idp.accessTokenTtl = 30; // inside the minute before expiry in which a token is renewed
    try {
      await signInThroughBrowser<string>('mailOAuth.oidc.signIn', { provider: 'local' }, /^http:\/\/127\.0\.0\.1:\d+\/$/);
      const signedIn = idp.issuedAccessTokens.at(-1);
      const refreshes = idp.tokenRequests('refresh_token').length;
      const [renewed] = await hooks.oidc.getSessions(['provider:local', IMAP_SCOPE]);
      assert.ok(renewed && renewed.accessToken !== signedIn && idp.issuedAccessTokens.includes(renewed.accessToken), 'a new token, silently');
      // (The Accounts view, showing the account, may renew it too: at least one refresh grant.)
      assert.ok(idp.tokenRequests('refresh_token').length > refreshes, 'renewed by a refresh grant');

      idp.faults = { refresh: 'revoked' };
      assert.deepStrictEqual(await hooks.oidc.getSessions(['provider:local']), [], 'no session once the provider refused to renew it');
      assert.strictEqual(await hooks.secrets.get('mailOAuth.oidc.sessions.local'), undefined, 'the ended session is gone from SecretStorage');
      const log = await waitForLog(hooks, /The sign-in of adele@contoso\.test at Local IdP has ended: .*invalid_grant/);
      for (const secret of idp.issuedRefreshTokens) assert.ok(!log.includes(secret), 'no refresh token in the output channel');
    } finally {
      idp.faults = {};
      idp.accessTokenTtl = 3600;
    }
  });

  async function oidcTokenNode() {
    const hooks = await testHooks();
    const group = (await hooks.accounts.getChildren()).find((n) => n.kind === 'group' && n.provider?.id === 'local');
    assert.ok(group, 'the Local IdP group');
    const account = (await hooks.accounts.getChildren(group)).find((n) => n.kind === 'oidcAccount');
    assert.ok(account, 'the account under its provider');
    const token = (await hooks.accounts.getChildren(account)).find((n) => n.kind === 'oidcToken');
    assert.ok(token, 'its token');
    return token;
  }
});
