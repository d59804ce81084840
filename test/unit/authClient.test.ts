// Sign-in settings, the SecretStorage cache plugin and the MSAL-backed client against the test identity
// provider over HTTPS, in plain Node: persistence across instances, sign-out, cross-instance change
// notices, cancellation and timeouts that free MSAL's loopback port, and explained failures.
import * as assert from 'assert';
import * as net from 'net';
import { acquireAppToken, certificateCredential } from '../../src/auth/appCredential';
import { AuthFailure, CancelledError, describeFailure } from '../../src/auth/authErrors';
import { resolveAuthSettings } from '../../src/auth/authConfig';
import { appScopes, checkScopes, protocolOfScopes, protocolScopes } from '../../src/auth/scopes';
import { InteractionRequired, MailAuthClient } from '../../src/auth/mailAuthClient';
import { SecretStorageCachePlugin, SecretStore } from '../../src/auth/secretStorageCachePlugin';
import { inspectToken } from '../../src/core/token/inspect';
import { useIdentityProvider } from './identityProviderFixture';
import type { TestCertificates } from '../servers/certificates';
import { IdentityBrowser } from '../servers/identityBrowser';
import { IdentityProvider, TEST_CONFIDENTIAL_CLIENT_ID, TEST_PUBLIC_CLIENT_ID, TEST_USER } from '../servers/identityProvider';

/** SecretStorage as VS Code has it, shared by "windows": a change by one is announced to all. */
class MemorySecrets {
  readonly data = new Map<string, string>();
  private readonly listeners = new Set<(e: { key: string }) => unknown>();
  view(): SecretStore {
    return {
      get: async (k) => this.data.get(k),
      store: async (k, v) => {
        this.data.set(k, v);
        this.fire(k);
      },
      delete: async (k) => {
        this.data.delete(k);
        this.fire(k);
      },
      onDidChange: (l) => {
        this.listeners.add(l);
        return { dispose: () => this.listeners.delete(l) };
      },
    };
  }
  private fire(key: string) {
    for (const l of this.listeners) setTimeout(() => l({ key }), 0);
  }
}

describe('auth settings', () => {
  const CLIENT = '4a1aa1d5-c567-49d0-ad0b-cd957a47f842';
  it('says an email address typed as client ID is an email address, and where the real one is', () => {
    const r = resolveAuthSettings({ clientId: 'adele@contoso.com' });
    assert.ok(!r.ok);
    assert.strictEqual(r.problem.setting, 'mailOAuth.auth.clientId');
    assert.match(r.problem.message, /is an email address, not an application ID/);
    assert.match(r.problem.message, /Application \(client\) ID/);
  });
  it('never echoes a client secret typed as client ID', () => {
    const secret = 'Abc8Q~dEfGhIjKlMnOpQrStUvWxYz0123456789ab';
    const r = resolveAuthSettings({ clientId: secret });
    assert.ok(!r.ok);
    assert.match(r.problem.message, /looks like a client secret/);
    assert.ok(!r.problem.message.includes(secret));
  });
  it('explains an empty client ID, a URL and a non-GUID', () => {
    for (const [v, re] of [
      ['', /No client ID is set/],
      ['https://login.microsoftonline.com', /is a URL/],
      ['my-app', /not a GUID/],
    ] as const) {
      const r = resolveAuthSettings({ clientId: v });
      assert.ok(!r.ok && re.test(r.problem.message), v);
    }
  });
  it('takes organizations, common, consumers, tenant IDs and domains; an email tenant gets its domain suggested', () => {
    for (const t of ['organizations', 'common', 'consumers', '72f988bf-86f1-41af-91ab-2d7cd011db47', 'contoso.onmicrosoft.com']) {
      const r = resolveAuthSettings({ clientId: CLIENT, tenant: t });
      assert.ok(r.ok && r.config.authority === `https://login.microsoftonline.com/${t}`, t);
    }
    const r = resolveAuthSettings({ clientId: CLIENT, tenant: 'adele@contoso.com' });
    assert.ok(!r.ok && /Use its domain \(contoso\.com\)/.test(r.problem.message));
  });
  it('maps clouds to their login hosts and Outlook resources', () => {
    const gov = resolveAuthSettings({ clientId: CLIENT, tenant: 'organizations', cloud: 'usGovernment' });
    assert.ok(gov.ok && gov.config.authority === 'https://login.microsoftonline.us/organizations' && gov.config.outlookResource === 'https://outlook.office365.us');
    const cn = resolveAuthSettings({ clientId: CLIENT, tenant: 'common', cloud: 'china' });
    assert.ok(cn.ok && cn.config.authority === 'https://login.chinacloudapi.cn/common');
  });
  it('a custom authority must be https with a tenant, and a non-Microsoft host becomes a known authority', () => {
    const http = resolveAuthSettings({ clientId: CLIENT, authority: 'http://127.0.0.1:8443/contoso' });
    assert.ok(!http.ok && /must use https/.test(http.problem.message));
    const bare = resolveAuthSettings({ clientId: CLIENT, authority: 'https://idp.example.com' });
    assert.ok(!bare.ok && /names no tenant/.test(bare.problem.message));
    const ok = resolveAuthSettings({ clientId: CLIENT, authority: 'https://idp.example.com:8443/contoso/' });
    assert.ok(ok.ok);
    assert.strictEqual(ok.config.authority, 'https://idp.example.com:8443/contoso');
    assert.deepStrictEqual(ok.config.knownAuthorities, ['idp.example.com:8443']);
    const ms = resolveAuthSettings({ clientId: CLIENT, authority: 'https://login.microsoftonline.com/contoso.com' });
    assert.ok(ms.ok && ms.config.knownAuthorities.length === 0);
  });
  it('gives the seeds’ scopes per protocol plus offline_access, and refuses several resources in one request', () => {
    assert.deepStrictEqual(protocolScopes('imap'), ['https://outlook.office.com/IMAP.AccessAsUser.All', 'offline_access']);
    assert.deepStrictEqual(protocolScopes('pop3'), ['https://outlook.office.com/POP.AccessAsUser.All', 'offline_access']);
    assert.deepStrictEqual(protocolScopes('smtp'), ['https://outlook.office.com/SMTP.Send', 'offline_access']);
    assert.deepStrictEqual(appScopes(), ['https://outlook.office365.com/.default']);
    assert.strictEqual(checkScopes(protocolScopes('imap')), undefined);
    assert.match(checkScopes(['https://outlook.office.com/IMAP.AccessAsUser.All', 'https://graph.microsoft.com/Mail.Read']) ?? '', /several resources/);
    assert.match(checkScopes(['https://outlook.office.com/SMTP.Send', 'User.Read']) ?? '', /several resources/);
    assert.strictEqual(protocolOfScopes(protocolScopes('smtp')), 'smtp');
  });
});

describe('MailAuthClient against the test identity provider', function () {
  this.timeout(30_000);
  let certs: TestCertificates;
  let idp: IdentityProvider;
  useIdentityProvider('auth-unit', (f) => ({ idp, certs } = f));
  const IMAP = protocolScopes('imap');

  function client(secrets: SecretStore, clientId = TEST_PUBLIC_CLIENT_ID): { client: MailAuthClient; plugin: SecretStorageCachePlugin } {
    const r = resolveAuthSettings({ clientId, authority: idp.authority });
    assert.ok(r.ok);
    const plugin = new SecretStorageCachePlugin(secrets, `cache.${clientId}`);
    return { client: new MailAuthClient({ config: r.config, cachePlugin: plugin, extraCaPem: [certs.caPem] }), plugin };
  }

  async function deviceSignIn(c: MailAuthClient, scopes = IMAP) {
    const browser = new IdentityBrowser(certs.caPem);
    return c.signInWithDeviceCode(scopes, { timeoutMs: 20_000, onCode: (info) => void browser.enterDeviceCode(info.verificationUri, info.userCode) });
  }

  it('keeps the cache only in the secret store; a new instance (a reload) gets the token silently from it', async () => {
    const secrets = new MemorySecrets();
    const first = client(secrets.view());
    const result = await deviceSignIn(first.client);
    const stored = secrets.data.get(`cache.${TEST_PUBLIC_CLIENT_ID}`) ?? '';
    assert.ok(stored.includes('"RefreshToken"') && stored.includes(result.accessToken), 'cache stored in the secret store');

    const second = client(secrets.view());
    const accounts = await second.client.getAccounts();
    assert.deepStrictEqual(
      accounts.map((a) => a.username),
      [TEST_USER.upn],
    );
    const tokenCalls = idp.tokenRequests().length;
    const again = await second.client.acquireSilent(accounts[0]!, IMAP);
    assert.strictEqual(again.accessToken, result.accessToken, 'served from the stored cache');
    assert.strictEqual(idp.tokenRequests().length, tokenCalls, 'no request to the token endpoint');
  });

  it('renews an expiring token with the refresh token, and forceRefresh renews a valid one', async () => {
    const secrets = new MemorySecrets();
    const { client: c } = client(secrets.view());
    idp.accessTokenTtl = 120; // inside MSAL's 5-minute margin: counts as expiring
    const first = await deviceSignIn(c);
    const refreshes = idp.tokenRequests('refresh_token').length;
    const renewed = await c.acquireSilent(first.account!, IMAP);
    assert.notStrictEqual(renewed.accessToken, first.accessToken);
    assert.strictEqual(idp.tokenRequests('refresh_token').length, refreshes + 1);
    idp.accessTokenTtl = 3600;
    const forced = await c.acquireSilent(first.account!, IMAP, true);
    assert.notStrictEqual(forced.accessToken, renewed.accessToken);
  });

  it('after a second sign-in (SMTP), the newest refresh token still renews the first protocol’s token (as Entra’s does)', async () => {
    const { client: c } = client(new MemorySecrets().view());
    const first = await deviceSignIn(c);
    await deviceSignIn(c, protocolScopes('smtp'));
    const refreshes = idp.tokenRequests('refresh_token').length;
    const imap = await c.acquireSilent(first.account!, IMAP, true);
    assert.notStrictEqual(imap.accessToken, first.accessToken, 'a new IMAP token');
    assert.ok(inspectToken(imap.accessToken).scopes.includes('IMAP.AccessAsUser.All'));
    assert.strictEqual(idp.tokenRequests('refresh_token').length, refreshes + 1, 'renewed with the refresh token');
    await assert.rejects(
      c.acquireSilent(first.account!, protocolScopes('pop3'), true),
      (e: AuthFailure) => e instanceof InteractionRequired && e.findings.some((f) => f.id === 'aadsts65001'),
      'POP was never consented',
    );
  });

  it('asks for interaction (explained as AADSTS65001) when another protocol’s scope was never consented', async () => {
    const { client: c } = client(new MemorySecrets().view());
    const first = await deviceSignIn(c);
    await assert.rejects(c.acquireSilent(first.account!, protocolScopes('smtp')), (e: AuthFailure) => e instanceof InteractionRequired && e.findings.some((f) => f.id === 'aadsts65001'));
    const smtp = await deviceSignIn(c, protocolScopes('smtp'));
    assert.ok(inspectToken(smtp.accessToken).scopes.includes('SMTP.Send'));
    assert.strictEqual((await c.getAccounts()).length, 1, 'still one account');
    const imapAgain = await c.acquireSilent(first.account!, IMAP);
    assert.strictEqual(imapAgain.accessToken, first.accessToken, 'the IMAP token is still cached');
  });

  it('sign-out removes the account from the store and tells the other window', async () => {
    const secrets = new MemorySecrets();
    const a = client(secrets.view());
    const b = client(secrets.view());
    let noticed = 0;
    b.plugin.onDidChangeExternally(() => noticed++);
    const result = await deviceSignIn(a.client);
    await new Promise((r) => setTimeout(r, 20));
    assert.strictEqual(noticed, 1, 'window B noticed the sign-in');
    assert.strictEqual((await b.client.getAccounts()).length, 1);
    await a.client.removeAccount(result.account!);
    await new Promise((r) => setTimeout(r, 20));
    assert.strictEqual(noticed, 2, 'window B noticed the sign-out');
    assert.ok(!(secrets.data.get(`cache.${TEST_PUBLIC_CLIENT_ID}`) ?? '').includes(TEST_USER.upn));
    assert.strictEqual((await b.client.getAccounts()).length, 0);
    await assert.rejects(a.client.acquireSilent(result.account!, IMAP), InteractionRequired);
  });

  it('a cancelled browser sign-in rejects at once and frees MSAL’s loopback port', async () => {
    const { client: c } = client(new MemorySecrets().view());
    const controller = new AbortController();
    let redirect = '';
    const p = c.signInWithBrowser(IMAP, {
      timeoutMs: 20_000,
      signal: controller.signal,
      openBrowser: async (url) => {
        redirect = new URL(url).searchParams.get('redirect_uri') ?? '';
        setTimeout(() => controller.abort(), 50);
      },
    });
    await assert.rejects(p, (e: AuthFailure) => e instanceof CancelledError);
    assert.match(redirect, /^http:\/\/localhost:\d+$/);
    await new Promise((r) => setTimeout(r, 100));
    const port = Number(new URL(redirect).port);
    const refused = await new Promise<boolean>((resolve) =>
      net
        .connect(port, '127.0.0.1')
        .on('connect', () => resolve(false))
        .on('error', () => resolve(true)),
    );
    assert.ok(refused, 'the loopback listener is closed');
  });

  it('a browser sign-in nobody completes times out with a message that says so', async () => {
    const { client: c } = client(new MemorySecrets().view());
    await assert.rejects(
      c.signInWithBrowser(IMAP, { timeoutMs: 300, openBrowser: async () => undefined }),
      (e: AuthFailure) => /timed out after 0 s: the browser did not come back/.test(e.message) && e.cancelled,
    );
  });

  it('a device code sign-in can be cancelled while polling', async () => {
    const { client: c } = client(new MemorySecrets().view());
    const controller = new AbortController();
    const started = Date.now();
    await assert.rejects(c.signInWithDeviceCode(IMAP, { timeoutMs: 20_000, signal: controller.signal, onCode: () => setTimeout(() => controller.abort(), 50) }), CancelledError);
    assert.ok(Date.now() - started < 3000);
  });

  it('a refused consent is explained as AADSTS65004 with what to do', async () => {
    idp.consent = 'refuse';
    const { client: c } = client(new MemorySecrets().view());
    const browser = new IdentityBrowser(certs.caPem);
    await assert.rejects(c.signInWithBrowser(IMAP, { timeoutMs: 20_000, openBrowser: async (url) => void browser.signIn(url) }), (e: AuthFailure) => {
      assert.ok(
        e.findings.some((f) => f.id === 'aadsts65004'),
        e.findings.map((f) => f.id).join(),
      );
      assert.match(e.message, /AADSTS65004/);
      assert.match(e.message, /Fix:/);
      return true;
    });
  });

  it('a wrong client ID is explained as AADSTS700016 even though MSAL drops the description', async () => {
    const { client: c } = client(new MemorySecrets().view(), '00000000-1111-4222-8333-444444444444');
    await assert.rejects(
      c.signInWithDeviceCode(IMAP, { timeoutMs: 20_000, onCode: () => assert.fail('no code expected') }),
      (e: AuthFailure) => e.findings.some((f) => f.id === 'aadsts700016') && /AADSTS700016/.test(e.message),
    );
  });

  it('app-only: a PEM with key and certificate becomes a credential that gets a token with roles', async () => {
    const credential = certificateCredential(`${idp.credentials.privateKeyPem}\n${idp.credentials.certificatePem}`);
    assert.ok(credential.type === 'certificate' && credential.thumbprintSha256 === idp.credentials.thumbprintSha256);
    const r = resolveAuthSettings({ clientId: TEST_CONFIDENTIAL_CLIENT_ID, authority: idp.authority });
    assert.ok(r.ok);
    const result = await acquireAppToken(r.config, `${TEST_CONFIDENTIAL_CLIENT_ID.slice(0, -1)}b`, credential, [certs.caPem]);
    assert.deepStrictEqual(inspectToken(result.accessToken).roles, ['IMAP.AccessAsApp', 'POP.AccessAsApp', 'SMTP.SendAsApp']);
    assert.throws(() => certificateCredential(idp.credentials.certificatePem), /both the private key and the certificate/);
  });

  it('an identity provider that echoes the client secret gets it redacted from the error, its detail and the logged report', async () => {
    const r = resolveAuthSettings({ clientId: TEST_CONFIDENTIAL_CLIENT_ID, authority: idp.authority });
    assert.ok(r.ok);
    const secret = 'wrong~secret.with+odd/chars=0123456789_abcdefXYZ';
    idp.faults = { echoSecrets: true };
    try {
      await assert.rejects(acquireAppToken(r.config, TEST_CONFIDENTIAL_CLIENT_ID, { type: 'secret', secret }, [certs.caPem]), (e: AuthFailure) => {
        const shown = `${e.message}\n${e.detail}\n${describeFailure(e)}`;
        assert.match(shown, /AADSTS7000215/);
        assert.match(e.detail, /request: client_secret=\[redacted: \d+ chars of a secret the extension sent\]/, 'the IdP did echo it');
        const pieces = [];
        for (const s of [secret, encodeURIComponent(secret)]) for (let i = 0; i + 16 <= s.length; i++) if (shown.includes(s.slice(i, i + 16))) pieces.push(s.slice(i, i + 16));
        assert.deepStrictEqual(pieces, [], shown);
        return true;
      });
    } finally {
      idp.faults = {};
    }
  });

  it('app-only: a wrong client secret is explained', async () => {
    const r = resolveAuthSettings({ clientId: TEST_CONFIDENTIAL_CLIENT_ID, authority: idp.authority });
    assert.ok(r.ok);
    await assert.rejects(acquireAppToken(r.config, TEST_CONFIDENTIAL_CLIENT_ID, { type: 'secret', secret: 'not-the-secret' }, [certs.caPem]), (e: AuthFailure) => {
      assert.match(e.message, /AADSTS7000215/);
      assert.ok(!e.message.includes(idp.credentials.clientSecret));
      return true;
    });
  });
});
