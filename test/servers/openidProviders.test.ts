// The local OpenID provider shaped like Google and like Keycloak (HTTPS, their endpoint layouts, token forms and
// error bodies), signed in through the generic OidcClient (openid-client) as the extension does, and the tokens
// logging in at a real Dovecot over IMAP, POP3 and SMTP with XOAUTH2 and OAUTHBEARER: Dovecot asks Google-style
// tokeninfo (with the Gmail scope required) or Keycloak's RFC 7662 introspection about each token.
import * as assert from 'assert';
import * as fs from 'fs';
import * as https from 'https';
import * as os from 'os';
import * as path from 'path';
import { decodeJwt, importJWK, jwtVerify } from 'jose';
import { OidcClient, OidcClientSettings, OidcTokens } from '../../src/auth/oidc/oidcClient';
import { probe } from '../../src/core/protocol/probe';
import { Mechanism } from '../../src/core/protocol/session';
import { MailProtocol } from '../../src/core/token/checks';
import { makeCertificates, TestCertificates } from './certificates';
import { Dovecot, dovecotAvailable, DovecotOptions, startDovecot } from './dovecot';
import { IdentityBrowser } from './identityBrowser';
import {
  GOOGLE_CLIENT_ID,
  GOOGLE_MAIL_SCOPE,
  GOOGLE_OTHER_CLIENT_ID,
  GOOGLE_TEST_USER,
  IdentityProvider,
  KEYCLOAK_CONFIDENTIAL_CLIENT_ID,
  KEYCLOAK_INTROSPECTION_CLIENT_ID,
  KEYCLOAK_PUBLIC_CLIENT_ID,
  KEYCLOAK_REALM,
  KEYCLOAK_SERVICE_ACCOUNT,
  KEYCLOAK_TEST_USER,
} from './identityProvider';
import { rejectsWith } from './oidcAssertions';
import { SmtpSink, startSmtpSink } from './smtpSink';

const GOOGLE_SCOPES = ['openid', 'email', GOOGLE_MAIL_SCOPE];
const KEYCLOAK_SCOPES = ['openid', 'email', 'offline_access'];

interface Reply {
  status: number;
  body: Record<string, unknown>;
  text: string;
}

function request(method: 'GET' | 'POST', url: string, ca: string, form?: string, authorization?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (form !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    if (authorization) headers.authorization = authorization;
    const req = https.request(url, { method, ca, headers }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString('utf8')));
      res.on('end', () => {
        let body: Record<string, unknown> = {};
        try {
          body = JSON.parse(text) as Record<string, unknown>;
        } catch {
          /* an HTML page */
        }
        resolve({ status: res.statusCode ?? 0, body, text });
      });
    });
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error(`timeout: ${url}`)));
    req.end(form);
  });
}

/** Signs in through the browser (IdentityBrowser plays the user) and returns the tokens and the pages seen. */
async function browserSignIn(oidc: OidcClient, caPem: string, scopes: string[]): Promise<{ tokens: OidcTokens; authorizationUrl: URL }> {
  const browser = new IdentityBrowser(caPem);
  let authorizationUrl: URL | undefined;
  const tokens = await oidc.signInWithBrowser({
    scopes,
    openBrowser: async (url) => {
      authorizationUrl = url;
      void browser.signIn(url.href);
    },
    timeoutMs: 30_000,
  });
  return { tokens, authorizationUrl: authorizationUrl! };
}

/** Logs in at Dovecot with the engine over each protocol and mechanism; returns what failed (empty when all worked). */
async function loginsThatFailed(dovecot: Dovecot, user: string, token: string): Promise<string[]> {
  const failed: string[] = [];
  for (const protocol of ['imap', 'pop3', 'smtp'] as MailProtocol[]) {
    for (const mechanism of ['XOAUTH2', 'OAUTHBEARER'] as Mechanism[]) {
      const r = await probe({
        protocol,
        host: '127.0.0.1',
        port: { imap: dovecot.ports.imap, pop3: dovecot.ports.pop3, smtp: dovecot.ports.submission }[protocol],
        security: 'none',
        login: { user, token, mechanism },
        readTimeoutMs: 10_000,
      });
      const transcript = r.transcript.toLog({ reveal: false });
      assert.ok(!transcript.includes(token), 'the saved transcript has no token');
      if (!(r.outcome.authenticated && r.outcome.verified)) failed.push(`${protocol} ${mechanism}: ${r.outcome.failure?.reply ?? 'not verified'}`);
    }
  }
  return failed;
}

describe('OpenID providers shaped like Google and Keycloak (local, HTTPS) through OidcClient, tokens used at real Dovecot', function () {
  this.timeout(120_000);
  let dir: string;
  let certs: TestCertificates;
  let sink: SmtpSink;

  before(async () => {
    assert.ok(dovecotAvailable(), 'Dovecot is installed (scripts/ensure-dovecot.sh installs it)');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mailoauth-openid-'));
    certs = makeCertificates(dir);
    sink = await startSmtpSink();
  });
  after(async () => {
    await sink?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A Dovecot that asks the provider about each token (`validation`: tokeninfo or introspection), by e-mail, relaying to the sink. */
  const dovecotValidating = (validation: Pick<DovecotOptions, 'tokeninfoUrl' | 'requiredScope' | 'introspectionUrl'>) =>
    startDovecot({ ...validation, introspectionCaPem: certs.caPem, usernameAttribute: 'email', authFailureDelay: '0 secs', authPenalty: false, relayPort: sink.port });

  /** The provider's discovery document, which must answer 200 with `endpoints` (field: URL); the whole document. */
  const discovered = async (idp: IdentityProvider, endpoints: Record<string, string>): Promise<Record<string, unknown>> => {
    const d = await request('GET', idp.discoveryUrl, certs.caPem);
    assert.strictEqual(d.status, 200);
    assert.deepStrictEqual(Object.fromEntries(Object.keys(endpoints).map((field) => [field, d.body[field]])), endpoints);
    return d.body;
  };

  describe('Google-like', () => {
    let idp: IdentityProvider;
    let dovecot: Dovecot;
    let settings: OidcClientSettings;

    before(async () => {
      idp = await IdentityProvider.start({ certificates: certs, shape: 'google' });
      settings = {
        issuer: idp.issuer,
        clientId: GOOGLE_CLIENT_ID,
        clientSecret: idp.googleClientSecret,
        authorizationParameters: { access_type: 'offline' },
        extraCaPem: [certs.caPem],
        timeoutMs: 10_000,
      };
      // As Dovecot's Google example: tokeninfo_url, username_attribute = email; plus the Gmail scope required.
      dovecot = await dovecotValidating({ tokeninfoUrl: idp.tokeninfoUrl, requiredScope: GOOGLE_MAIL_SCOPE });
    });
    after(async () => {
      await dovecot?.stop();
      await idp?.stop();
    });

    it("publishes Google's discovery layout: issuer without a path, /o/oauth2/v2/auth, /token, /device/code, /revoke, /oauth2/v3/certs, /v1/userinfo", async () => {
      const origin = idp.origin;
      const discovery = await discovered(idp, {
        issuer: origin,
        authorization_endpoint: `${origin}/o/oauth2/v2/auth`,
        token_endpoint: `${origin}/token`,
        device_authorization_endpoint: `${origin}/device/code`,
        revocation_endpoint: `${origin}/revoke`,
        jwks_uri: `${origin}/oauth2/v3/certs`,
        userinfo_endpoint: `${origin}/v1/userinfo`,
      });
      assert.ok((discovery.scopes_supported as string[]).includes(GOOGLE_MAIL_SCOPE));
      assert.strictEqual(discovery.introspection_endpoint, undefined, 'Google has no RFC 7662 introspection');
      const oidc = await OidcClient.create(settings);
      assert.strictEqual(oidc.issuer, origin);
    });

    it('signs in with PKCE and access_type=offline: an opaque ya29. access token with the Gmail scope and a 1// refresh token; refresh gives a new one', async () => {
      const oidc = await OidcClient.create(settings);
      const { tokens, authorizationUrl } = await browserSignIn(oidc, certs.caPem, GOOGLE_SCOPES);
      assert.strictEqual(authorizationUrl.pathname, '/o/oauth2/v2/auth');
      assert.strictEqual(authorizationUrl.searchParams.get('code_challenge_method'), 'S256');
      assert.strictEqual(authorizationUrl.searchParams.get('access_type'), 'offline');
      assert.match(tokens.accessToken, /^ya29\.[A-Za-z0-9_-]{20,}$/);
      assert.throws(() => decodeJwt(tokens.accessToken), 'not a JWT');
      assert.match(tokens.refreshToken ?? '', /^1\/\/[A-Za-z0-9_-]{20,}$/);
      assert.deepStrictEqual([...tokens.scopes].sort(), [...GOOGLE_SCOPES].sort(), 'the granted scopes, without offline_access');
      assert.strictEqual(tokens.username, GOOGLE_TEST_USER.upn, 'the ID token names the account');
      const refreshed = await oidc.refresh(tokens.refreshToken!, GOOGLE_SCOPES);
      assert.match(refreshed.accessToken, /^ya29\./);
      assert.notStrictEqual(refreshed.accessToken, tokens.accessToken);

      // Without access_type=offline Google hands out no refresh token.
      const online = await OidcClient.create({ ...settings, authorizationParameters: {} });
      assert.strictEqual((await browserSignIn(online, certs.caPem, GOOGLE_SCOPES)).tokens.refreshToken, undefined);
    });

    it('the token logs in over IMAP, POP3 and SMTP with XOAUTH2 and OAUTHBEARER, Dovecot asking tokeninfo each time; other tokens are refused', async () => {
      const oidc = await OidcClient.create(settings);
      const { tokens } = await browserSignIn(oidc, certs.caPem, GOOGLE_SCOPES);
      const before = idp.introspectionRequests().length;
      assert.deepStrictEqual(await loginsThatFailed(dovecot, GOOGLE_TEST_USER.upn, tokens.accessToken), [], dovecot.log().slice(-3000));
      assert.strictEqual(idp.introspectionRequests().length - before, 6, 'one tokeninfo request per login');

      const info = await request('GET', idp.tokeninfoUrl + encodeURIComponent(tokens.accessToken), certs.caPem);
      assert.strictEqual(info.status, 200);
      assert.deepStrictEqual([info.body.aud, info.body.email, info.body.access_type, typeof info.body.expires_in], [GOOGLE_CLIENT_ID, GOOGLE_TEST_USER.upn, 'offline', 'string']);

      // A token without the Gmail scope (openid email only): tokeninfo knows it, Dovecot's scope check refuses it.
      const noMail = (await browserSignIn(oidc, certs.caPem, ['openid', 'email'])).tokens.accessToken;
      assert.strictEqual((await loginsThatFailed(dovecot, GOOGLE_TEST_USER.upn, noMail)).length, 6);
      assert.match(dovecot.log(), new RegExp(`Token is not valid for scope '${GOOGLE_MAIL_SCOPE.replace(/[/.]/g, '\\$&')}'`));
      // The right token for another mailbox; a made-up ya29. token; then the token itself once revoked.
      assert.strictEqual((await loginsThatFailed(dovecot, 'megan.bowen@gmail.test', tokens.accessToken)).length, 6);
      assert.strictEqual((await loginsThatFailed(dovecot, GOOGLE_TEST_USER.upn, `ya29.${'x'.repeat(40)}`)).length, 6);
      const revoked = await request('POST', idp.endpoints.revocation, certs.caPem, `token=${encodeURIComponent(tokens.accessToken)}`);
      assert.deepStrictEqual([revoked.status, revoked.body], [200, {}]);
      assert.deepStrictEqual((await request('GET', idp.tokeninfoUrl + encodeURIComponent(tokens.accessToken), certs.caPem)).body, { error: 'invalid_token', error_description: 'Invalid Value' });
      assert.strictEqual((await loginsThatFailed(dovecot, GOOGLE_TEST_USER.upn, tokens.accessToken)).length, 6);
    });

    it("refuses the Gmail scope at its device endpoint with Google's invalid_scope body", async () => {
      const oidc = await OidcClient.create(settings);
      assert.ok(oidc.supportsDeviceCode(), 'Google publishes a device endpoint (for other scopes)');
      const err = await rejectsWith(
        oidc.signInWithDeviceCode(GOOGLE_SCOPES, () => assert.fail('no code is shown')),
        'oauth-error',
      );
      assert.deepStrictEqual([err.params.error, err.params.description, err.params.stage], ['invalid_scope', `Invalid device flow scope: ${GOOGLE_MAIL_SCOPE}`, 'device-code']);
      const raw = await request('POST', idp.endpoints.deviceAuthorization, certs.caPem, new URLSearchParams({ client_id: GOOGLE_CLIENT_ID, scope: GOOGLE_SCOPES.join(' ') }).toString());
      assert.deepStrictEqual([raw.status, raw.body], [400, { error: 'invalid_scope', error_description: `Invalid device flow scope: ${GOOGLE_MAIL_SCOPE}` }]);
      // Allowed scopes get Google's device reply, which names the page verification_url (not RFC 8628's verification_uri).
      const allowed = await request(
        'POST',
        idp.endpoints.deviceAuthorization,
        certs.caPem,
        new URLSearchParams({ client_id: GOOGLE_CLIENT_ID, client_secret: idp.googleClientSecret, scope: 'openid email' }).toString(),
      );
      assert.strictEqual(allowed.status, 200);
      assert.deepStrictEqual(Object.keys(allowed.body).sort(), ['device_code', 'expires_in', 'interval', 'user_code', 'verification_url']);
    });

    it("answers the token endpoint's failures with Google's bodies: invalid_client, invalid_grant, unauthorized_client, admin_policy_enforced", async () => {
      const token = (form: Record<string, string>) => request('POST', idp.endpoints.token, certs.caPem, new URLSearchParams(form).toString());
      const oidc = await OidcClient.create(settings);
      const { tokens } = await browserSignIn(oidc, certs.caPem, GOOGLE_SCOPES);
      const rt = tokens.refreshToken!;
      const secret = idp.googleClientSecret;

      const unknown = await token({ grant_type: 'refresh_token', refresh_token: rt, client_id: '1-unknown.apps.googleusercontent.com', client_secret: secret });
      assert.deepStrictEqual([unknown.status, unknown.body], [401, { error: 'invalid_client', error_description: 'The OAuth client was not found.' }]);
      const wrongSecret = await token({ grant_type: 'refresh_token', refresh_token: rt, client_id: GOOGLE_CLIENT_ID, client_secret: 'GOCSPX-wrong' });
      assert.deepStrictEqual([wrongSecret.status, wrongSecret.body], [401, { error: 'invalid_client', error_description: 'Unauthorized' }]);
      const otherClient = await token({ grant_type: 'refresh_token', refresh_token: rt, client_id: GOOGLE_OTHER_CLIENT_ID, client_secret: secret });
      assert.deepStrictEqual([otherClient.status, otherClient.body], [401, { error: 'unauthorized_client', error_description: 'Unauthorized' }]);
      const badCode = await token({
        grant_type: 'authorization_code',
        code: 'made-up',
        redirect_uri: 'http://127.0.0.1:1/',
        code_verifier: 'x'.repeat(43),
        client_id: GOOGLE_CLIENT_ID,
        client_secret: secret,
      });
      assert.deepStrictEqual([badCode.status, badCode.body], [400, { error: 'invalid_grant', error_description: 'Bad Request' }]);

      idp.faults = { adminPolicyEnforced: true };
      try {
        const blocked = await rejectsWith(oidc.refresh(rt, GOOGLE_SCOPES), 'oauth-error');
        assert.strictEqual(blocked.params.error, 'admin_policy_enforced');
      } finally {
        idp.faults = {};
      }
      // Revoking the refresh token ends the grant: the refresh token is then "expired or revoked".
      assert.strictEqual((await request('POST', idp.endpoints.revocation, certs.caPem, `token=${encodeURIComponent(rt)}`)).status, 200);
      const ended = await rejectsWith(oidc.refresh(rt, GOOGLE_SCOPES), 'oauth-error');
      assert.deepStrictEqual([ended.params.error, ended.params.description], ['invalid_grant', 'Token has been expired or revoked.']);
    });

    it("the browser meets Google's refusals: redirect_uri_mismatch, invalid_scope and admin_policy_enforced pages; a declined consent comes back as access_denied", async () => {
      const authorize = (params: Record<string, string>) => {
        const u = new URL(idp.endpoints.authorization);
        const all = {
          client_id: GOOGLE_CLIENT_ID,
          response_type: 'code',
          redirect_uri: 'http://127.0.0.1:8123/',
          scope: GOOGLE_SCOPES.join(' '),
          code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
          code_challenge_method: 'S256',
          ...params,
        };
        for (const [k, v] of Object.entries(all)) u.searchParams.set(k, v);
        return new IdentityBrowser(certs.caPem).signIn(u.href);
      };
      const mismatch = await authorize({ redirect_uri: 'https://app.example/callback' });
      assert.deepStrictEqual([mismatch.status, /Error 400: redirect_uri_mismatch/.test(mismatch.body)], [400, true], mismatch.body);
      const scope = await authorize({ scope: `openid ${GOOGLE_MAIL_SCOPE} https://www.googleapis.com/auth/gmail.nonexistent` });
      assert.strictEqual(scope.status, 400);
      assert.match(scope.body, /Error 400: invalid_scope/);
      assert.match(scope.body, /invalid=\[https:\/\/www\.googleapis\.com\/auth\/gmail\.nonexistent\]/);
      const unknownClient = await authorize({ client_id: '1-unknown.apps.googleusercontent.com' });
      assert.deepStrictEqual([unknownClient.status, /Error 401: invalid_client/.test(unknownClient.body), /The OAuth client was not found\./.test(unknownClient.body)], [401, true, true]);
      idp.faults = { adminPolicyEnforced: true };
      try {
        const blocked = await authorize({});
        assert.match(blocked.body, /Error 400: admin_policy_enforced/);
      } finally {
        idp.faults = {};
      }

      idp.consent = 'refuse';
      try {
        const oidc = await OidcClient.create(settings);
        const err = await rejectsWith(browserSignIn(oidc, certs.caPem, GOOGLE_SCOPES), 'provider-refused');
        assert.deepStrictEqual([err.params.error, err.params.description], ['access_denied', undefined]);
      } finally {
        idp.consent = 'accept';
      }
    });
  });

  describe('Keycloak-like', () => {
    let idp: IdentityProvider;
    let dovecot: Dovecot;
    let settings: OidcClientSettings;

    before(async () => {
      idp = await IdentityProvider.start({ certificates: certs, shape: 'keycloak' });
      settings = { issuer: idp.issuer, clientId: KEYCLOAK_PUBLIC_CLIENT_ID, extraCaPem: [certs.caPem], timeoutMs: 10_000 };
      dovecot = await dovecotValidating({ introspectionUrl: idp.introspectionUrlWithCredentials });
    });
    after(async () => {
      await dovecot?.stop();
      await idp?.stop();
    });

    it('publishes the realm layout: issuer /realms/REALM, /protocol/openid-connect/{auth,token,auth/device,token/introspect,certs,userinfo,logout}', async () => {
      const base = `${idp.origin}/realms/${KEYCLOAK_REALM}`;
      const oc = `${base}/protocol/openid-connect`;
      const discovery = await discovered(idp, {
        issuer: base,
        authorization_endpoint: `${oc}/auth`,
        token_endpoint: `${oc}/token`,
        device_authorization_endpoint: `${oc}/auth/device`,
        introspection_endpoint: `${oc}/token/introspect`,
        jwks_uri: `${oc}/certs`,
        userinfo_endpoint: `${oc}/userinfo`,
        end_session_endpoint: `${oc}/logout`,
      });
      assert.ok((discovery.grant_types_supported as string[]).includes('urn:ietf:params:oauth:grant-type:device_code'));
      const other = await request('GET', `${idp.origin}/realms/other/.well-known/openid-configuration`, certs.caPem);
      assert.deepStrictEqual([other.status, other.body], [404, { error: 'Realm does not exist' }]);
    });

    it("signs in with PKCE: a JWT access token with Keycloak's claims, verifiable with the realm's keys; refresh gives a new one", async () => {
      const oidc = await OidcClient.create(settings);
      const { tokens, authorizationUrl } = await browserSignIn(oidc, certs.caPem, KEYCLOAK_SCOPES);
      assert.strictEqual(authorizationUrl.pathname, `/realms/${KEYCLOAK_REALM}/protocol/openid-connect/auth`);
      const claims = decodeJwt(tokens.accessToken);
      assert.deepStrictEqual(
        [claims.iss, claims.aud, claims.azp, claims.typ, claims.email, claims.preferred_username, claims.sub],
        [idp.issuer, 'account', KEYCLOAK_PUBLIC_CLIENT_ID, 'Bearer', KEYCLOAK_TEST_USER.upn, 'kim.akers', KEYCLOAK_TEST_USER.oid],
      );
      assert.deepStrictEqual(String(claims.scope).split(' ').sort(), [...KEYCLOAK_SCOPES].sort());
      assert.ok(typeof claims.exp === 'number' && claims.exp > Date.now() / 1000);
      // The signature checks out with the published JWKS (what a mail server validating locally would use).
      const jwks = await request('GET', idp.endpoints.jwks, certs.caPem);
      const key = await importJWK((jwks.body.keys as Record<string, unknown>[])[0]!, 'RS256');
      await jwtVerify(tokens.accessToken, key, { issuer: idp.issuer });
      assert.ok(tokens.refreshToken);
      assert.strictEqual(tokens.username, KEYCLOAK_TEST_USER.upn);
      const refreshed = await oidc.refresh(tokens.refreshToken!, KEYCLOAK_SCOPES);
      assert.notStrictEqual(refreshed.accessToken, tokens.accessToken);
      assert.strictEqual(decodeJwt(refreshed.accessToken).email, KEYCLOAK_TEST_USER.upn);
    });

    it('signs in with the device code; the token logs in over IMAP, POP3 and SMTP with both mechanisms, Dovecot introspecting each', async () => {
      const oidc = await OidcClient.create(settings);
      const browser = new IdentityBrowser(certs.caPem);
      let shown: { verificationUri: string; userCode: string } | undefined;
      const tokens = await oidc.signInWithDeviceCode(KEYCLOAK_SCOPES, (p) => {
        shown = p;
        void browser.enterDeviceCode(p.verificationUri, p.userCode);
      });
      assert.strictEqual(shown?.verificationUri, `${idp.issuer}/device`);
      const before = idp.introspectionRequests().length;
      assert.deepStrictEqual(await loginsThatFailed(dovecot, KEYCLOAK_TEST_USER.upn, tokens.accessToken), [], dovecot.log().slice(-3000));
      assert.strictEqual(idp.introspectionRequests().length - before, 6, 'one introspection per login');
      // Another user's mailbox, a token signed by someone else, and the token once revoked are refused.
      assert.strictEqual((await loginsThatFailed(dovecot, 'lee.gu@mail.example.test', tokens.accessToken)).length, 6);
      const [h, p] = tokens.accessToken.split('.');
      assert.strictEqual((await loginsThatFailed(dovecot, KEYCLOAK_TEST_USER.upn, `${h}.${p}.${'A'.repeat(342)}`)).length, 6);
      await idp.revokeAccessToken(tokens.accessToken);
      assert.strictEqual((await loginsThatFailed(dovecot, KEYCLOAK_TEST_USER.upn, tokens.accessToken)).length, 6);
    });

    it('introspection answers only the mail server client, with active and the username; client credentials work for the service-account client only', async () => {
      const oidc = await OidcClient.create(settings);
      const { tokens } = await browserSignIn(oidc, certs.caPem, KEYCLOAK_SCOPES);
      const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
      const ask = (t: string, auth: string) => request('POST', idp.introspectionEndpoint, certs.caPem, `token=${encodeURIComponent(t)}`, auth);
      const good = await ask(tokens.accessToken, basic(KEYCLOAK_INTROSPECTION_CLIENT_ID, idp.introspectionSecret));
      assert.deepStrictEqual([good.status, good.body.active, good.body.email, good.body.username, good.body.client_id], [200, true, KEYCLOAK_TEST_USER.upn, 'kim.akers', KEYCLOAK_PUBLIC_CLIENT_ID]);
      assert.deepStrictEqual((await ask('not-a-token', basic(KEYCLOAK_INTROSPECTION_CLIENT_ID, idp.introspectionSecret))).body, { active: false });
      const wrong = await ask(tokens.accessToken, basic(KEYCLOAK_INTROSPECTION_CLIENT_ID, 'wrong'));
      assert.deepStrictEqual([wrong.status, wrong.body], [401, { error: 'invalid_client', error_description: 'Invalid client or Invalid client credentials' }]);

      const daemon = await OidcClient.create({ ...settings, clientId: KEYCLOAK_CONFIDENTIAL_CLIENT_ID, clientSecret: idp.credentials.clientSecret });
      const app = await daemon.clientCredentials([]);
      const claims = decodeJwt(app.accessToken);
      assert.deepStrictEqual([claims.azp, claims.preferred_username, claims.email, claims.iss], [KEYCLOAK_CONFIDENTIAL_CLIENT_ID, KEYCLOAK_SERVICE_ACCOUNT, undefined, idp.issuer]);
      assert.strictEqual(app.refreshToken, undefined);
      const publicCc = await rejectsWith(oidc.clientCredentials([]), 'oauth-error');
      assert.deepStrictEqual([publicCc.params.error, publicCc.params.description], ['unauthorized_client', 'Public client not allowed to retrieve service account']);
      // The service account has no mailbox: Dovecot finds no e-mail address in it.
      assert.strictEqual((await loginsThatFailed(dovecot, KEYCLOAK_TEST_USER.upn, app.accessToken)).length, 6);
    });

    it("answers failures with Keycloak's bodies: invalid_client, Code not valid, Invalid refresh token / Token is not active, client mismatch, flow disabled, Invalid user credentials", async () => {
      const token = (form: Record<string, string>) => request('POST', idp.endpoints.token, certs.caPem, new URLSearchParams(form).toString());
      const oidc = await OidcClient.create(settings);
      const { tokens } = await browserSignIn(oidc, certs.caPem, KEYCLOAK_SCOPES);
      const rt = tokens.refreshToken!;

      const unknown = await token({ grant_type: 'refresh_token', refresh_token: rt, client_id: 'no-such-client' });
      assert.deepStrictEqual([unknown.status, unknown.body], [401, { error: 'invalid_client', error_description: 'Invalid client or Invalid client credentials' }]);
      const wrongSecret = await token({ grant_type: 'client_credentials', client_id: KEYCLOAK_CONFIDENTIAL_CLIENT_ID, client_secret: 'wrong' });
      assert.deepStrictEqual([wrongSecret.status, wrongSecret.body], [401, { error: 'invalid_client', error_description: 'Invalid client or Invalid client credentials' }]);
      const badCode = await token({ grant_type: 'authorization_code', code: 'made-up', redirect_uri: 'http://127.0.0.1:1/', code_verifier: 'x'.repeat(43), client_id: KEYCLOAK_PUBLIC_CLIENT_ID });
      assert.deepStrictEqual([badCode.status, badCode.body], [400, { error: 'invalid_grant', error_description: 'Code not valid' }]);
      const garbage = await rejectsWith(oidc.refresh('not-a-refresh-token', KEYCLOAK_SCOPES), 'oauth-error');
      assert.deepStrictEqual([garbage.params.error, garbage.params.description], ['invalid_grant', 'Invalid refresh token']);
      const mismatch = await token({ grant_type: 'refresh_token', refresh_token: rt, client_id: KEYCLOAK_CONFIDENTIAL_CLIENT_ID, client_secret: idp.credentials.clientSecret });
      assert.deepStrictEqual([mismatch.status, mismatch.body], [400, { error: 'invalid_grant', error_description: "Invalid refresh token. Token client and authorized client don't match" }]);
      const device = await request(
        'POST',
        idp.endpoints.deviceAuthorization,
        certs.caPem,
        new URLSearchParams({ client_id: KEYCLOAK_CONFIDENTIAL_CLIENT_ID, client_secret: idp.credentials.clientSecret, scope: 'openid' }).toString(),
      );
      assert.deepStrictEqual(
        [device.status, device.body.error, device.body.error_description],
        [400, 'unauthorized_client', 'Client is not allowed to initiate OAuth 2.0 Device Authorization Grant. The flow is disabled for the client.'],
      );
      const password = await token({ grant_type: 'password', username: 'kim.akers', password: 'guess', client_id: KEYCLOAK_CONFIDENTIAL_CLIENT_ID, client_secret: idp.credentials.clientSecret });
      assert.deepStrictEqual([password.status, password.body], [401, { error: 'invalid_grant', error_description: 'Invalid user credentials' }]);
      const direct = await token({ grant_type: 'password', username: 'kim.akers', password: 'guess', client_id: KEYCLOAK_PUBLIC_CLIENT_ID });
      assert.deepStrictEqual([direct.status, direct.body], [400, { error: 'unauthorized_client', error_description: 'Client not allowed for direct access grants' }]);

      // Revoked (as signing out does): the refresh token it handed out is now "not active".
      assert.strictEqual((await request('POST', idp.endpoints.revocation, certs.caPem, new URLSearchParams({ token: rt, client_id: KEYCLOAK_PUBLIC_CLIENT_ID }).toString())).status, 200);
      const ended = await rejectsWith(oidc.refresh(rt, KEYCLOAK_SCOPES), 'oauth-error');
      assert.deepStrictEqual([ended.params.error, ended.params.description], ['invalid_grant', 'Token is not active']);

      const page = await new IdentityBrowser(certs.caPem).signIn(
        `${idp.endpoints.authorization}?client_id=no-such-client&response_type=code&redirect_uri=${encodeURIComponent('http://127.0.0.1:1/')}&scope=openid`,
      );
      assert.match(page.body, /We are sorry\.\.\./);
      assert.match(page.body, /Client not found\./);
    });
  });
});
