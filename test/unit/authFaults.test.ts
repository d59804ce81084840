// Identity-platform faults played by the test identity provider against the product's MailAuthClient and its
// SecretStorage cache: the token endpoint down, reset or slow, a 500 during refresh, a revoked or expired refresh
// token, a skewed clock and a device code that expires. Each must be explained (cause and next step), end without
// a hang, and leave the stored cache usable: accounts listed, other accounts' tokens untouched, renewal working.
import * as assert from 'assert';
import type { AccountInfo, AuthenticationResult } from '@azure/msal-node';
import { acquireAppToken } from '../../src/auth/appCredential';
import { AuthFailure } from '../../src/auth/authErrors';
import { resolveAuthSettings } from '../../src/auth/authConfig';
import { protocolScopes } from '../../src/auth/scopes';
import { InteractionRequired, MailAuthClient } from '../../src/auth/mailAuthClient';
import { SecretStorageCachePlugin, SecretStore } from '../../src/auth/secretStorageCachePlugin';
import { checkToken } from '../../src/core/token/checks';
import { inspectToken } from '../../src/core/token/inspect';
import { useIdentityProvider } from './identityProviderFixture';
import type { TestCertificates } from '../servers/certificates';
import { IdentityBrowser } from '../servers/identityBrowser';
import { IdentityProvider, TEST_CONFIDENTIAL_CLIENT_ID, TEST_PUBLIC_CLIENT_ID, TEST_USER, TEST_USER_2 } from '../servers/identityProvider';

const KEY = 'mailOAuth.msalCache.test';
const IMAP = protocolScopes('imap');
const NETWORK_NEXT = 'Check the network connection, the proxy and the authority (mailOAuth.auth settings), then try again. Signed-in accounts and their tokens are kept.';
const CHECK_CLOCK = 'Check the system date, time and time zone \\(set them automatically / NTP\\)';

/** VS Code's SecretStorage as far as the cache plugin uses it (one window). */
function memorySecrets(): SecretStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get: async (k) => data.get(k),
    store: async (k, v) => void data.set(k, v),
    delete: async (k) => void data.delete(k),
    onDidChange: () => ({ dispose() {} }),
  };
}

/** The stored cache's entries (accounts, tokens) of one account, as stored: to tell they were left alone. */
function storedEntriesOf(secrets: { data: Map<string, string> }, homeAccountId: string): string {
  const cache = JSON.parse(secrets.data.get(KEY) ?? '{}') as Record<string, Record<string, { home_account_id?: string }>>;
  const mine: Record<string, unknown> = {};
  for (const [section, entries] of Object.entries(cache)) {
    for (const [key, entry] of Object.entries(entries ?? {})) if (entry.home_account_id === homeAccountId) mine[`${section}/${key}`] = entry;
  }
  return JSON.stringify(mine);
}

function storedSections(secrets: { data: Map<string, string> }, homeAccountId: string): string[] {
  return Object.keys(JSON.parse(storedEntriesOf(secrets, homeAccountId)) as object).map((k) => k.split('/')[0]!);
}

/** A failure as a user sees it: one message, no stack trace. */
function assertMessage(e: unknown, expected: string | RegExp): true {
  assert.ok(e instanceof AuthFailure, `an AuthFailure, not ${String(e)}`);
  if (typeof expected === 'string') assert.strictEqual(e.message, expected);
  else assert.match(e.message, expected);
  assert.ok(!/\n\s+at /.test(e.message), 'no stack trace in the message');
  return true;
}

describe('identity-platform faults: explained, and the token cache stays intact', function () {
  this.timeout(30_000);
  let certs: TestCertificates;
  let idp: IdentityProvider;
  useIdentityProvider('faults', (f) => ({ idp, certs } = f));

  function client(secrets: SecretStore, networkTimeoutMs?: number): MailAuthClient {
    const r = resolveAuthSettings({ clientId: TEST_PUBLIC_CLIENT_ID, authority: idp.authority });
    assert.ok(r.ok);
    return new MailAuthClient({ config: r.config, cachePlugin: new SecretStorageCachePlugin(secrets, KEY), extraCaPem: [certs.caPem], ...(networkTimeoutMs ? { networkTimeoutMs } : {}) });
  }

  async function signIn(c: MailAuthClient, user = TEST_USER): Promise<AuthenticationResult> {
    idp.signInAs = user;
    const browser = new IdentityBrowser(certs.caPem);
    try {
      return await c.signInWithDeviceCode(IMAP, { timeoutMs: 20_000, onCode: (info) => void browser.enterDeviceCode(info.verificationUri, info.userCode) });
    } finally {
      idp.signInAs = TEST_USER;
    }
  }

  /** Adele and Megan signed in to one cache. */
  async function twoAccounts() {
    const secrets = memorySecrets();
    const c = client(secrets);
    const adele = (await signIn(c, TEST_USER)).account!;
    const megan = (await signIn(c, TEST_USER_2)).account!;
    assert.deepStrictEqual((await c.getAccounts()).map((a) => a.username).sort(), [TEST_USER.upn, TEST_USER_2.upn]);
    return { secrets, c, adele, megan };
  }

  /** A renewal with the refresh token that reaches the token endpoint and brings a new access token. */
  async function assertRenews(c: MailAuthClient, account: AccountInfo): Promise<void> {
    const before = idp.tokenRequests('refresh_token').length;
    const r = await c.acquireSilent(account, IMAP, true);
    assert.strictEqual(idp.tokenRequests('refresh_token').length, before + 1, 'renewed at the token endpoint');
    assert.strictEqual(r.fromCache, false);
    assert.strictEqual(inspectToken(r.accessToken).claims?.upn, account.username);
  }

  it('token endpoint down (connection refused): named with the host, accounts and cached tokens still there, renewal works once it is back', async () => {
    const { secrets, c, adele, megan } = await twoAccounts();
    const stored = secrets.data.get(KEY);
    const cached = await c.acquireSilent(adele, IMAP);
    await idp.goOffline();
    try {
      await assert.rejects(c.acquireSilent(adele, IMAP, true), (e) =>
        assertMessage(e, `Token renewal failed: cannot reach the identity platform: the connection to ${idp.host} was refused (ECONNREFUSED). ${NETWORK_NEXT}`),
      );
      // A reload while it is down: the accounts come from the secret store alone.
      const reloaded = client(secrets);
      assert.deepStrictEqual((await reloaded.getAccounts()).map((a) => a.username).sort(), [TEST_USER.upn, TEST_USER_2.upn]);
      await assert.rejects(reloaded.acquireSilent(megan, IMAP, true), (e) =>
        assertMessage(e, `Token renewal failed: cannot reach the identity platform: the connection to ${idp.host} was refused (ECONNREFUSED). ${NETWORK_NEXT}`),
      );
      const stillCached = await c.acquireSilent(adele, IMAP);
      assert.strictEqual(stillCached.accessToken, cached.accessToken, 'a valid cached token is still served');
      assert.strictEqual(secrets.data.get(KEY), stored, 'the stored cache is unchanged');
    } finally {
      await idp.comeBack();
    }
    await assertRenews(c, adele);
    await assertRenews(client(secrets), megan);
  });

  it('app-only tokens with the identity platform down: the same explanation', async () => {
    const r = resolveAuthSettings({ clientId: TEST_CONFIDENTIAL_CLIENT_ID, authority: idp.authority });
    assert.ok(r.ok);
    await idp.goOffline();
    try {
      await assert.rejects(acquireAppToken(r.config, TEST_CONFIDENTIAL_CLIENT_ID, { type: 'secret', secret: idp.credentials.clientSecret }, [certs.caPem]), (e) =>
        assertMessage(e, `App-only token failed: cannot reach the identity platform: the connection to ${idp.host} was refused (ECONNREFUSED). ${NETWORK_NEXT}`),
      );
    } finally {
      await idp.comeBack();
    }
  });

  it('token endpoint closing the connection without an answer: explained, the stored cache unchanged', async () => {
    const { secrets, c, adele } = await twoAccounts();
    const stored = secrets.data.get(KEY);
    idp.faults = { tokenEndpoint: 'reset' };
    await assert.rejects(c.acquireSilent(adele, IMAP, true), (e) =>
      assertMessage(e, `Token renewal failed: cannot reach the identity platform: ${idp.host} closed the connection without answering (ECONNRESET). ${NETWORK_NEXT}`),
    );
    assert.strictEqual(secrets.data.get(KEY), stored);
    idp.faults = {};
    await assertRenews(c, adele);
  });

  it('a token endpoint slower than the product’s network timeout: the timeout ends the wait with an explanation', async () => {
    const { secrets, adele } = await twoAccounts();
    const stored = secrets.data.get(KEY);
    const c = client(secrets, 2000); // the product's network timeout, 2 s here
    await c.acquireSilent(adele, IMAP); // discovery done, token from the cache
    // Longer than this test's own timeout: only the product's timeout can end the request.
    idp.faults = { tokenEndpoint: { delayMs: 60_000 } };
    await assert.rejects(c.acquireSilent(adele, IMAP, true), (e) =>
      assertMessage(e, `Token renewal failed: cannot reach the identity platform: ${idp.host} did not answer within 2 s. ${NETWORK_NEXT}`),
    );
    assert.strictEqual(secrets.data.get(KEY), stored);
    idp.faults = {};
    await assertRenews(c, adele);
  });

  it('a 500 with an HTML page during refresh: a server fault to retry, not a settings problem; the next refresh needs no sign-in', async () => {
    const { secrets, c, adele, megan } = await twoAccounts();
    const stored = secrets.data.get(KEY);
    idp.faults = { refresh: 'server-error-html' };
    await assert.rejects(c.acquireSilent(megan, IMAP, true), (e) => {
      assertMessage(
        e,
        'Token renewal failed: the identity platform answered HTTP 500, a fault on its side or in a proxy in front of it, not in your settings. Try again in a minute. Signed-in accounts and their tokens are kept.',
      );
      assert.ok(!(e instanceof InteractionRequired), 'no sign-in asked for');
      assert.match((e as AuthFailure).detail, /not JSON \(<!DOCTYPE html>/, 'the page itself is kept for the details view');
      return true;
    });
    assert.strictEqual(secrets.data.get(KEY), stored);
    idp.faults = {};
    await assertRenews(c, megan);
    await assertRenews(c, adele);
  });

  it('a 500 with Entra’s AADSTS50000 during refresh: explained with the code; after its Retry-After the refresh works', async () => {
    const { secrets, c, megan } = await twoAccounts();
    const stored = secrets.data.get(KEY);
    idp.faults = { refresh: 'server-error-json' };
    await assert.rejects(c.acquireSilent(megan, IMAP, true), (e) => {
      assertMessage(
        e,
        'Token renewal failed: the identity platform answered HTTP 500 (AADSTS50000), a fault on its side or in a proxy in front of it, not in your settings. Try again in a minute. Signed-in accounts and their tokens are kept.',
      );
      assert.deepStrictEqual(
        (e as AuthFailure).findings.map((f) => f.id),
        ['aadsts50000'],
      );
      return true;
    });
    assert.strictEqual(secrets.data.get(KEY), stored);
    idp.faults = {};
    await new Promise((r) => setTimeout(r, 1100)); // the reply's Retry-After: 1, which MSAL honours
    await assertRenews(c, megan);
  });

  it('a revoked refresh token (invalid_grant, AADSTS50173): that account must sign in again, the other is untouched', async () => {
    const { secrets, c, adele, megan } = await twoAccounts();
    const adeleStored = storedEntriesOf(secrets, adele.homeAccountId);
    idp.faults = { refresh: 'revoked' };
    await assert.rejects(c.acquireSilent(megan, IMAP, true), (e) => {
      assertMessage(
        e,
        `The sign-in of ${TEST_USER_2.upn} must be renewed: AADSTS50173: The provided grant has expired due to it being revoked, a fresh auth token is needed. ` +
          '(AADSTS50173: the grant was revoked; a fresh sign-in is needed) Sign in again to get new tokens; other signed-in accounts are not affected.',
      );
      assert.ok(e instanceof InteractionRequired && e.refused, 'asks for a new sign-in');
      return true;
    });
    idp.faults = {};
    assert.strictEqual(storedEntriesOf(secrets, adele.homeAccountId), adeleStored, 'Adele’s stored account and tokens are unchanged');
    assert.deepStrictEqual((await client(secrets).getAccounts()).map((a) => a.username).sort(), [TEST_USER.upn, TEST_USER_2.upn], 'both accounts still listed');
    await assertRenews(c, adele);
    // Megan signs in again and renews as before.
    await signIn(c, TEST_USER_2);
    await assertRenews(c, megan);
    assert.strictEqual((await c.getAccounts()).length, 2);
    assert.ok(storedSections(secrets, megan.homeAccountId).includes('RefreshToken'));
  });

  it('a protocol not consented yet (AADSTS65001 for POP after signing in for IMAP) needs a sign-in for it, but is not a refused sign-in', async () => {
    const { c, adele } = await twoAccounts();
    await assert.rejects(c.acquireSilent(adele, protocolScopes('pop3', 'https://outlook.office.com')), (e) => {
      assert.ok(e instanceof InteractionRequired, 'a sign-in for POP is needed');
      assert.match((e as InteractionRequired).detail, /AADSTS65001/);
      assert.strictEqual((e as InteractionRequired).refused, false, 'the account’s sign-in itself still works');
      return true;
    });
    await assertRenews(c, adele);
  });

  it('a refresh token expired from inactivity (invalid_grant, AADSTS70008): explained, sign in again', async () => {
    const { secrets, c, adele, megan } = await twoAccounts();
    const meganStored = storedEntriesOf(secrets, megan.homeAccountId);
    idp.faults = { refresh: 'expired' };
    await assert.rejects(c.acquireSilent(adele, IMAP, true), (e) =>
      assertMessage(
        e,
        `The sign-in of ${TEST_USER.upn} must be renewed: AADSTS70008: The provided authorization code or refresh token has expired due to inactivity. ` +
          '(AADSTS70008: the refresh token expired from inactivity) Sign in again to get new tokens; other signed-in accounts are not affected.',
      ),
    );
    idp.faults = {};
    assert.strictEqual(storedEntriesOf(secrets, megan.homeAccountId), meganStored);
    await assertRenews(c, megan);
  });

  it('this computer’s clock behind the identity platform’s: the new token is "not valid yet" here, and the clock is named', async () => {
    const secrets = memorySecrets();
    const c = client(secrets);
    idp.faults = { clockSkewSeconds: 2 * 3600 };
    const r = await signIn(c);
    const problems = checkToken(inspectToken(r.accessToken), { now: new Date(), protocol: 'imap', user: TEST_USER.upn, localExpiresOn: r.expiresOn! });
    assert.deepStrictEqual(
      problems.map((p) => p.code),
      ['clock-skew'],
      'one problem: the clock (not also "not yet valid")',
    );
    assert.match(
      problems[0]!.message,
      new RegExp(
        `^This computer's clock is about 2 hours behind the identity platform's: by this clock the token is not valid until \\S+Z \\(in (1 hour|2 hours)\\)\\. ${CHECK_CLOCK}, then get a new token\\.$`,
      ),
    );
    assert.strictEqual(problems[0]!.severity, 'error');
    // MSAL keeps and serves the token by its own reckoning, and renews it: the cache is fine.
    assert.strictEqual((await c.acquireSilent(r.account!, IMAP)).accessToken, r.accessToken);
    await assertRenews(c, r.account!);
  });

  it('this computer’s clock ahead of the identity platform’s: the new token "already expired" here, and the clock is named', async () => {
    const c = client(memorySecrets());
    idp.faults = { clockSkewSeconds: -2 * 3600 };
    const r = await signIn(c);
    const problems = checkToken(inspectToken(r.accessToken), { now: new Date(), protocol: 'imap', user: TEST_USER.upn, localExpiresOn: r.expiresOn! });
    assert.deepStrictEqual(
      problems.map((p) => p.code),
      ['clock-skew'],
    );
    assert.match(
      problems[0]!.message,
      new RegExp(
        `^This computer's clock is about 2 hours ahead of the identity platform's: by this clock the token expired (1 hour|59 minutes) ago \\(\\S+Z\\), although its lifetime has not run out\\. ${CHECK_CLOCK}, then get a new token\\.$`,
      ),
    );
    // Without the skew the same check finds nothing wrong with a fresh token.
    idp.faults = {};
    const fresh = await c.acquireSilent(r.account!, IMAP, true);
    assert.deepStrictEqual(checkToken(inspectToken(fresh.accessToken), { now: new Date(), protocol: 'imap', user: TEST_USER.upn, localExpiresOn: fresh.expiresOn! }), []);
  });

  it('a device code that expires at the provider while waiting (expired_token, AADSTS70020): explained, the cache untouched', async () => {
    const secrets = memorySecrets();
    const c = client(secrets);
    await signIn(c);
    const stored = secrets.data.get(KEY);
    idp.faults = { deviceCodeTtl: 2 };
    let shown = '';
    await assert.rejects(c.signInWithDeviceCode(IMAP, { timeoutMs: 25_000, onCode: (info) => (shown = info.userCode) }), (e) => {
      assertMessage(
        e,
        "Sign-in failed: AADSTS70020: The provided value for the input parameter 'device_code' is not valid. (AADSTS70020: the device code expired before the sign-in was completed) " +
          'Fix: Start the device code sign-in again and enter the new code at the verification page before it expires.',
      );
      assert.strictEqual((e as AuthFailure).cancelled, false, 'reported, not taken for a cancellation');
      return true;
    });
    assert.ok(shown, 'a code was shown first');
    assert.strictEqual(secrets.data.get(KEY), stored);
    assert.deepStrictEqual(
      (await c.getAccounts()).map((a) => a.username),
      [TEST_USER.upn],
    );
  });

  it('a device code whose advertised lifetime ends while waiting: MSAL stops polling, and the message says what to do', async () => {
    const c = client(memorySecrets());
    idp.faults = { deviceCodeExpiresIn: 2 };
    await assert.rejects(c.signInWithDeviceCode(IMAP, { timeoutMs: 25_000, onCode: () => undefined }), (e) =>
      assertMessage(e, 'Sign-in timed out: the device code expired before the code was entered and confirmed. Sign in again for a new code and enter it promptly.'),
    );
  });
});
