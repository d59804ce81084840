// The generic OpenID Connect client (openid-client) against the local OpenID provider over HTTPS: discovery,
// authorization code with PKCE through the loopback redirect (the user's browser played by IdentityBrowser),
// refresh, device code; and what it says when the provider, the browser or the network misbehave.
import * as assert from 'assert';
import * as fs from 'fs';
import * as http from 'http';
import * as https from 'https';
import * as os from 'os';
import * as path from 'path';
import { decodeJwt } from 'jose';
import { OidcClient, OidcClientSettings } from '../../src/auth/oidc/oidcClient';
import { MAX_REPLY_BYTES } from '../../src/auth/oidc/oidcFetch';
import { makeCertificates, TestCertificates } from './certificates';
import { IdentityBrowser } from './identityBrowser';
import { IdentityProvider, TEST_PUBLIC_CLIENT_ID, TEST_TENANT_ID, TEST_USER } from './identityProvider';
import { rejectsWith } from './oidcAssertions';

const IMAP_SCOPES = ['https://outlook.office.com/IMAP.AccessAsUser.All', 'offline_access'];

describe('OpenID Connect client (openid-client) against the local OpenID provider', function () {
  this.timeout(60_000);
  let dir: string;
  let certs: TestCertificates;
  let idp: IdentityProvider;
  let settings: OidcClientSettings;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mailoauth-oidc-'));
    certs = makeCertificates(dir);
    idp = await IdentityProvider.start({ certificates: certs });
    // The provider's registration lists http://127.0.0.1/ (any port, RFC 8252 §7.3 as oidc-provider applies it).
    settings = { issuer: `${idp.origin}/${TEST_TENANT_ID}/v2.0`, clientId: TEST_PUBLIC_CLIENT_ID, extraCaPem: [certs.caPem], timeoutMs: 10_000 };
  });
  after(async () => {
    await idp?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('discovers the endpoints and signs in through the browser with PKCE (S256) and state; the token is for the mail resource', async () => {
    const oidc = await OidcClient.create(settings);
    assert.strictEqual(oidc.issuer, settings.issuer);
    assert.ok(oidc.supportsDeviceCode());
    const browser = new IdentityBrowser(certs.caPem);
    let authorizationUrl: URL | undefined;
    const tokens = await oidc.signInWithBrowser({
      scopes: IMAP_SCOPES,
      openBrowser: async (url) => {
        authorizationUrl = url;
        void browser.signIn(url.href);
      },
    });
    assert.strictEqual(authorizationUrl?.searchParams.get('code_challenge_method'), 'S256');
    assert.match(authorizationUrl?.searchParams.get('code_challenge') ?? '', /^[A-Za-z0-9_-]{43}$/);
    assert.match(authorizationUrl?.searchParams.get('redirect_uri') ?? '', /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.ok(authorizationUrl?.searchParams.get('state'));
    const claims = decodeJwt(tokens.accessToken);
    assert.strictEqual(claims.aud, 'https://outlook.office.com');
    assert.strictEqual(claims.upn, TEST_USER.upn);
    assert.ok(tokens.refreshToken, 'offline_access gave a refresh token');
    assert.ok(tokens.expiresOn && tokens.expiresOn.getTime() > Date.now());
    assert.match(browser.visited.at(-1)?.body ?? '', /You are signed in/);

    const refreshed = await oidc.refresh(tokens.refreshToken!, IMAP_SCOPES);
    assert.notStrictEqual(refreshed.accessToken, tokens.accessToken);
    assert.strictEqual(decodeJwt(refreshed.accessToken).upn, TEST_USER.upn);
    assert.ok(idp.tokenRequests('refresh_token').length >= 1, 'the provider saw the refresh grant');
  });

  it('signs in with the device code flow, the user entering the code in the browser', async () => {
    const oidc = await OidcClient.create(settings);
    const browser = new IdentityBrowser(certs.caPem);
    let shown = '';
    const tokens = await oidc.signInWithDeviceCode(IMAP_SCOPES, (p) => {
      shown = p.userCode;
      void browser.enterDeviceCode(p.verificationUri, p.userCode);
    });
    assert.ok(shown.length > 0);
    assert.strictEqual(decodeJwt(tokens.accessToken).upn, TEST_USER.upn);
  });

  it('ignores a redirect whose state this sign-in did not send, and says so', async () => {
    const oidc = await OidcClient.create(settings);
    await rejectsWith(
      oidc.signInWithBrowser({
        scopes: IMAP_SCOPES,
        openBrowser: async (url) => {
          const redirect = new URL(url.searchParams.get('redirect_uri')!);
          void get(`http://127.0.0.1:${redirect.port}/?code=forged&state=someone-else`);
        },
      }),
      'state-mismatch',
    );
  });

  it("reports the provider's error from the redirect, with control bytes escaped", async () => {
    const oidc = await OidcClient.create(settings);
    const err = await rejectsWith(
      oidc.signInWithBrowser({
        scopes: IMAP_SCOPES,
        openBrowser: async (url) => {
          const redirect = new URL(url.searchParams.get('redirect_uri')!);
          const q = new URLSearchParams({ error: 'access_denied', error_description: 'The user declined.\x1b[31m', state: url.searchParams.get('state')! });
          void get(`http://127.0.0.1:${redirect.port}/?${q}`);
        },
      }),
      'provider-refused',
    );
    assert.match(err.message, /access_denied/);
    assert.match(err.message, /The user declined\./);
  });

  it('a stray request to the loopback port (no code) gets 404 and does not end the sign-in; the timeout does', async () => {
    const oidc = await OidcClient.create(settings);
    let stray = 0;
    await rejectsWith(
      oidc.signInWithBrowser({
        scopes: IMAP_SCOPES,
        timeoutMs: 1_500,
        openBrowser: async (url) => {
          const redirect = new URL(url.searchParams.get('redirect_uri')!);
          stray = (await get(`http://127.0.0.1:${redirect.port}/favicon.ico`)).status;
        },
      }),
      'browser-timeout',
    );
    assert.strictEqual(stray, 404);
  });

  it("a refused refresh token is an oauth-error with the provider's error word and description", async () => {
    const oidc = await OidcClient.create(settings);
    const err = await rejectsWith(oidc.refresh('not-a-refresh-token', IMAP_SCOPES), 'oauth-error');
    assert.strictEqual(err.params.error, 'invalid_grant');
    assert.strictEqual(err.params.stage, 'refresh');
  });

  it('an issuer that differs from the published one (a trailing slash) is named, with both values', async () => {
    const err = await rejectsWith(OidcClient.create({ ...settings, issuer: `${settings.issuer}/` }), 'issuer-mismatch');
    assert.ok(err.message.includes(settings.issuer));
  });

  it('an untrusted certificate, an http issuer and an unreachable host each get their own explanation', async () => {
    const tls = await rejectsWith(OidcClient.create({ ...settings, extraCaPem: [] }), 'network');
    assert.match(tls.message, /certificate/);
    assert.match(tls.message, /extraCaCertificates/);
    await rejectsWith(OidcClient.create({ ...settings, issuer: settings.issuer.replace('https:', 'http:') }), 'insecure-issuer');
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as { port: number }).port;
    await new Promise((r) => closed.close(r));
    const down = await rejectsWith(OidcClient.create({ ...settings, issuer: `https://127.0.0.1:${port}/realms/mail` }), 'network');
    assert.match(down.message, new RegExp(`127\\.0\\.0\\.1:${port}`));
  });

  it('a discovery endpoint that floods or answers HTML is stopped and named (bounded memory)', async () => {
    const hostile = https.createServer({ cert: fs.readFileSync(certs.serverCert), key: fs.readFileSync(certs.serverKey) }, (req, res) => {
      if (req.url?.startsWith('/flood/')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        let sent = 0;
        const pump = () => {
          while (sent <= MAX_REPLY_BYTES * 4 && res.write(chunk)) sent += chunk.length;
          if (sent <= MAX_REPLY_BYTES * 4) res.once('drain', pump);
          else res.end();
        };
        res.on('error', () => undefined);
        pump();
      } else {
        res.writeHead(200, { 'content-type': 'text/html' }).end('<html>Welcome</html>');
      }
    });
    await new Promise<void>((r) => hostile.listen(0, '127.0.0.1', r));
    const origin = `https://127.0.0.1:${(hostile.address() as { port: number }).port}`;
    try {
      const flood = await rejectsWith(OidcClient.create({ ...settings, issuer: `${origin}/flood/x` }), 'network');
      assert.match(flood.message, /more than/);
      await rejectsWith(OidcClient.create({ ...settings, issuer: `${origin}/html/x` }), 'not-oidc');
    } finally {
      hostile.closeAllConnections();
      await new Promise((r) => hostile.close(r));
    }
  });
});

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}
