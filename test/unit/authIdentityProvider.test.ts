// The test identity provider, exercised with plain MSAL Node (no VS Code): discovery at Microsoft's
// paths, auth code + PKCE through MSAL's loopback, device code, refresh, client credentials with a secret
// and a certificate, and Entra-shaped errors for a refused consent and an unknown client ID.
import * as assert from 'assert';
import * as net from 'net';
import { AuthError, ConfidentialClientApplication, PublicClientApplication, ServerError } from '@azure/msal-node';
import { MsalNetworkClient, OAuthErrorReply } from '../../src/auth/networkClient';
import { inspectToken } from '../../src/core/token/inspect';
import { useIdentityProvider } from './identityProviderFixture';
import type { TestCertificates } from '../servers/certificates';
import { IdentityBrowser } from '../servers/identityBrowser';
import { IdentityProvider, TEST_CONFIDENTIAL_CLIENT_ID, TEST_PUBLIC_CLIENT_ID, TEST_TENANT_ID, TEST_USER } from '../servers/identityProvider';

const IMAP = 'https://outlook.office.com/IMAP.AccessAsUser.All';

describe('test identity provider (plain MSAL Node)', function () {
  this.timeout(30_000);
  let certs: TestCertificates;
  let idp: IdentityProvider;
  useIdentityProvider('idp-unit', (f) => ({ idp, certs } = f));

  function publicApp(clientId = TEST_PUBLIC_CLIENT_ID): PublicClientApplication {
    return new PublicClientApplication({
      auth: { clientId, authority: idp.authority, knownAuthorities: [idp.host] },
      system: { networkClient: new MsalNetworkClient({ extraCaPem: [certs.caPem] }) },
    });
  }

  it('serves discovery at /{tenant}/v2.0/.well-known/openid-configuration with Microsoft-shaped endpoints', async () => {
    const client = new MsalNetworkClient({ extraCaPem: [certs.caPem] });
    const res = await client.sendGetRequestAsync<Record<string, string>>(`${idp.authority}/v2.0/.well-known/openid-configuration`);
    assert.strictEqual(res.status, 200);
    assert.strictEqual(res.body.issuer, `${idp.origin}/${TEST_TENANT_ID}/v2.0`);
    assert.strictEqual(res.body.authorization_endpoint, `${idp.authority}/oauth2/v2.0/authorize`);
    assert.strictEqual(res.body.token_endpoint, `${idp.authority}/oauth2/v2.0/token`);
    assert.strictEqual(res.body.device_authorization_endpoint, `${idp.authority}/oauth2/v2.0/devicecode`);
  });

  it('answers plain HTTP on its port (code-server’s /proxy/PORT/ speaks it) with a redirect to the same path over HTTPS, and a bad request with 400', async () => {
    const port = Number(new URL(idp.origin).port);
    const ask = (request: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = net.connect(port, '127.0.0.1', () => socket.end(request));
        let reply = '';
        socket.on('data', (d: Buffer) => (reply += d.toString('latin1')));
        socket.on('end', () => resolve(reply));
        socket.on('error', reject);
        socket.setTimeout(10_000, () => socket.destroy(new Error('no answer')));
      });
    const redirect = await ask(`GET /${TEST_TENANT_ID}/oauth2/v2.0/deviceauth?x=1 HTTP/1.1\r\nHost: localhost:${port}\r\n\r\n`);
    assert.match(redirect, /^HTTP\/1\.1 308 /);
    assert.ok(redirect.includes(`\r\nLocation: ${idp.origin}/${TEST_TENANT_ID}/oauth2/v2.0/deviceauth?x=1\r\n`), redirect);
    assert.match(await ask('\x01\x02 nonsense\r\n\r\n'), /^HTTP\/1\.1 400 /);
    // HTTPS on the same port still works (the test CA).
    const res = await new MsalNetworkClient({ extraCaPem: [certs.caPem] }).sendGetRequestAsync<Record<string, string>>(`${idp.authority}/v2.0/.well-known/openid-configuration`);
    assert.strictEqual(res.status, 200);
  });

  it('auth code + PKCE through MSAL’s loopback gives an Outlook JWT with scp, upn, tid, and a refresh token', async () => {
    const app = publicApp();
    const browser = new IdentityBrowser(certs.caPem);
    let finalPage = '';
    const result = await app.acquireTokenInteractive({
      scopes: [IMAP, 'offline_access'],
      openBrowser: async (url) => {
        assert.match(url, /code_challenge_method=S256/);
        void browser.signIn(url).then((p) => (finalPage = p.body));
      },
      successTemplate: 'signed-in-page',
    });
    const t = inspectToken(result.accessToken);
    assert.deepStrictEqual(t.audiences, ['https://outlook.office.com']);
    assert.ok(t.scopes.includes('IMAP.AccessAsUser.All'), t.scopes.join(' '));
    assert.strictEqual(t.claims?.upn, TEST_USER.upn);
    assert.strictEqual(t.claims?.tid, TEST_TENANT_ID);
    assert.strictEqual(result.account?.username, TEST_USER.upn);
    assert.strictEqual(result.account?.homeAccountId, `${TEST_USER.oid}.${TEST_TENANT_ID}`);
    assert.match(app.getTokenCache().serialize(), /"RefreshToken":\{"[^"]+":/);
    await new Promise((r) => setTimeout(r, 50));
    assert.strictEqual(finalPage, 'signed-in-page');
  });

  it('device code: the user step done over HTTP completes MSAL’s polling; refresh renews a short-lived token', async () => {
    const app = publicApp();
    const browser = new IdentityBrowser(certs.caPem);
    idp.accessTokenTtl = 60; // under MSAL's 5-minute renewal margin: every silent call refreshes
    const result = await app.acquireTokenByDeviceCode({
      scopes: [IMAP, 'offline_access'],
      deviceCodeCallback: (r) => {
        assert.match(r.message, /enter the code/);
        void browser.enterDeviceCode(r.verificationUri, r.userCode);
      },
    });
    assert.ok(result);
    const before = idp.tokenRequests('refresh_token').length;
    const silent = await app.acquireTokenSilent({ account: result.account!, scopes: [IMAP] });
    assert.notStrictEqual(silent.accessToken, result.accessToken);
    assert.strictEqual(idp.tokenRequests('refresh_token').length, before + 1);
  });

  it('refused consent reaches MSAL as access_denied with AADSTS65004', async () => {
    idp.consent = 'refuse';
    const browser = new IdentityBrowser(certs.caPem);
    await assert.rejects(
      publicApp().acquireTokenInteractive({ scopes: [IMAP], openBrowser: async (url) => void browser.signIn(url) }),
      (err: ServerError) => err.errorCode === 'access_denied' && /AADSTS65004/.test(err.errorMessage),
    );
  });

  it('an unknown client ID gets AADSTS700016 as Entra words it (MSAL keeps only the error word; the network client sees the rest)', async () => {
    const replies: OAuthErrorReply[] = [];
    const app = new PublicClientApplication({
      auth: { clientId: '00000000-1111-4222-8333-444444444444', authority: idp.authority, knownAuthorities: [idp.host] },
      system: { networkClient: new MsalNetworkClient({ extraCaPem: [certs.caPem], onErrorReply: (r) => replies.push(r) }) },
    });
    await assert.rejects(app.acquireTokenByDeviceCode({ scopes: [IMAP], deviceCodeCallback: () => undefined }), (err: AuthError) => /unauthorized_client/.test(err.message));
    assert.ok(replies.length > 0);
    assert.strictEqual(replies[0]!.error, 'unauthorized_client');
    assert.match(replies[0]!.error_description ?? '', /^AADSTS700016: Application with identifier '00000000-1111-4222-8333-444444444444' was not found/);
    assert.match(replies[0]!.url, /\/oauth2\/v2\.0\/devicecode$/);
  });

  it('client credentials with a secret and with a certificate give app-only tokens with roles', async () => {
    const network = new MsalNetworkClient({ extraCaPem: [certs.caPem] });
    const withSecret = new ConfidentialClientApplication({
      auth: { clientId: TEST_CONFIDENTIAL_CLIENT_ID, authority: idp.authority, knownAuthorities: [idp.host], clientSecret: idp.credentials.clientSecret },
      system: { networkClient: network },
    });
    const a = await withSecret.acquireTokenByClientCredential({ scopes: ['https://outlook.office365.com/.default'] });
    const ta = inspectToken(a!.accessToken);
    assert.deepStrictEqual(ta.audiences, ['https://outlook.office365.com']);
    assert.deepStrictEqual(ta.roles, ['IMAP.AccessAsApp', 'POP.AccessAsApp', 'SMTP.SendAsApp']);

    const withCert = new ConfidentialClientApplication({
      auth: {
        clientId: `${TEST_CONFIDENTIAL_CLIENT_ID.slice(0, -1)}b`,
        authority: idp.authority,
        knownAuthorities: [idp.host],
        clientCertificate: { thumbprintSha256: idp.credentials.thumbprintSha256, privateKey: idp.credentials.privateKeyPem, x5c: idp.credentials.certificatePem },
      },
      system: { networkClient: network },
    });
    const b = await withCert.acquireTokenByClientCredential({ scopes: ['https://outlook.office365.com/.default'] });
    assert.ok(inspectToken(b!.accessToken).roles.includes('SMTP.SendAsApp'));
  });
});
