// Tokens of Google, Keycloak and other OpenID providers: recognised by issuer and use, checked against the
// provider's expectations, never with Microsoft's permission checks; and the introspection client's bounds.
import * as assert from 'assert';
import * as crypto from 'crypto';
import * as http from 'http';
import { AddressInfo } from 'net';
import { SignJWT } from 'jose';
import { runCli } from '../../src/cli/main';
import { renderDecodeReport, analyzeSasl, tokenInspectionToJson } from '../../src/core/report/decodeReport';
import { encodeXoauth2 } from '../../src/core/sasl/xoauth2';
import { checkToken } from '../../src/core/token/checks';
import { inspectToken } from '../../src/core/token/inspect';
import { introspect, introspectionInspection, introspectionProblems, MAX_INTROSPECTION_BYTES } from '../../src/core/token/introspect';

const NOW = new Date('2026-11-21T12:00:00Z');
const secs = (d: Date) => Math.floor(d.getTime() / 1000);
const ISSUER = 'https://sso.example.com/realms/mail';

// Keycloak signs with RS256; an RSA key made once for the suite (2048 bits: fast enough, and what Keycloak uses).
const RSA_KEY = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;

/** Claims as Keycloak 26 puts them into an access token of the email and basic client scopes. */
async function keycloakToken(claims: Record<string, unknown> = {}): Promise<string> {
  return new SignJWT({
    exp: secs(NOW) + 300,
    iat: secs(NOW) - 10,
    jti: 'onrtac:6f0c3f3e-6c58-4b0e-9d2f-1a2b3c4d5e6f',
    iss: ISSUER,
    aud: 'account',
    sub: 'f1e2d3c4-b5a6-4789-8abc-def012345678',
    typ: 'Bearer',
    azp: 'mail-oauth-debugger',
    sid: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    realm_access: { roles: ['default-roles-mail', 'offline_access'] },
    resource_access: { account: { roles: ['manage-account'] } },
    scope: 'openid email profile offline_access',
    email_verified: true,
    preferred_username: 'adele',
    email: 'adele@example.com',
    ...claims,
  })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: 'k1' })
    .sign(RSA_KEY);
}

describe('OpenID provider tokens', () => {
  it("a Keycloak access token is recognised as such, its roles shown, and it passes with the provider's expectations", async () => {
    const t = inspectToken(await keycloakToken(), NOW);
    assert.strictEqual(t.issuerKind, 'keycloak');
    assert.strictEqual(t.use, 'access');
    assert.match(t.description, /Keycloak access token \(JWT, RS256, realm mail\)/);
    assert.deepStrictEqual(t.scopes, ['openid', 'email', 'profile', 'offline_access']);
    assert.strictEqual(t.claimViews.find((c) => c.name === 'realm_access')?.value, 'default-roles-mail offline_access');
    const problems = checkToken(t, { now: NOW, protocol: 'imap', user: 'adele@example.com', expected: { issuer: ISSUER + '/', scopes: ['email'] } });
    assert.deepStrictEqual(problems, [], JSON.stringify(problems));
  });

  it('never gives a Microsoft audience or permission verdict on a Keycloak token', async () => {
    const t = inspectToken(await keycloakToken(), NOW);
    const codes = checkToken(t, { now: NOW, protocol: 'smtp' }).map((p) => p.code);
    assert.ok(!codes.some((c) => /audience-not-outlook|audience-graph|missing-permission/.test(c)), codes.join());
    const blob = encodeXoauth2('adele@example.com', await keycloakToken());
    assert.ok(blob.ok);
    const text = renderDecodeReport(analyzeSasl(blob.value, { now: NOW, protocol: 'imap' }), { reveal: false, revealHint: '' });
    assert.doesNotMatch(text, /Mail protocols allowed|Exchange Online|Office 365/);
    assert.strictEqual(tokenInspectionToJson(t).protocols, null);
  });

  it('names what differs: issuer, audience, scope, the user claim, and a token without sub', async () => {
    const t = inspectToken(await keycloakToken({ iss: 'https://other.example.com/realms/mail', sub: undefined }), NOW);
    const problems = checkToken(t, { now: NOW, user: 'megan@example.com', expected: { issuer: ISSUER, audiences: ['mail-server'], scopes: ['mail'] } });
    const codes = problems.map((p) => p.code);
    for (const c of ['issuer-mismatch', 'audience-mismatch', 'missing-scope', 'user-mismatch', 'sub-missing']) assert.ok(codes.includes(c), `${c} in ${codes.join()}`);
    assert.match(problems.find((p) => p.code === 'user-mismatch')!.message, /email claim \(adele@example\.com\)/);
  });

  it('the configured username claim decides which claim is compared with the user field', async () => {
    const t = inspectToken(await keycloakToken(), NOW);
    assert.deepStrictEqual(checkToken(t, { now: NOW, user: 'adele', expected: { usernameClaim: 'preferred_username' } }), []);
    assert.ok(checkToken(t, { now: NOW, user: 'adele' }).some((p) => p.code === 'user-mismatch'));
  });

  it('Keycloak ID and refresh tokens, and a Google ID token, are said not to be access tokens', async () => {
    for (const [claims, use] of [
      [{ typ: 'ID' }, 'id'],
      [{ typ: 'Refresh' }, 'refresh'],
      [{ typ: 'Offline' }, 'refresh'],
      [{ iss: 'https://accounts.google.com', typ: undefined, aud: '1234-abc.apps.googleusercontent.com' }, 'id'],
    ] as const) {
      const t = inspectToken(await keycloakToken(claims), NOW);
      assert.strictEqual(t.use, use, JSON.stringify(claims));
      assert.ok(checkToken(t, { now: NOW }).some((p) => p.code === 'not-an-access-token' && p.severity === 'error'));
    }
  });

  it('Google opaque tokens: an access token is explained with its tokeninfo check, refresh tokens and codes are refused as logins', () => {
    const access = inspectToken('ya29.a0AfB_byC' + 'x'.repeat(200), NOW);
    assert.strictEqual(access.issuerKind, 'google');
    assert.match(access.description, /https:\/\/oauth2\.googleapis\.com\/tokeninfo\?access_token=/);
    assert.deepStrictEqual(checkToken(access, { now: NOW, protocol: 'imap' }), []);
    for (const raw of ['1//0gLXZ' + 'y'.repeat(90), '4/0AX4XfWh' + 'z'.repeat(60)]) {
      const t = inspectToken(raw, NOW);
      assert.ok(
        checkToken(t, { now: NOW }).some((p) => p.code === 'not-an-access-token'),
        raw.slice(0, 4),
      );
    }
    // Near misses are not Google's: an opaque token that only contains "ya29." elsewhere.
    assert.strictEqual(inspectToken('abcya29.' + 'x'.repeat(40), NOW).issuerKind, undefined);
  });

  it('Microsoft tokens keep their checks (the Outlook audience and permission verdicts)', async () => {
    const ms = await new SignJWT({
      aud: 'https://graph.microsoft.com',
      iss: 'https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/',
      tid: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      upn: 'a@contoso.com',
      scp: 'Mail.Read',
      exp: secs(NOW) + 600,
    })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('test-key-test-key-test-key-32byt'));
    const t = inspectToken(ms, NOW);
    assert.strictEqual(t.issuerKind, 'microsoft');
    assert.ok(checkToken(t, { now: NOW }).some((p) => p.code === 'audience-graph'));
  });
});

describe('introspection client', () => {
  let server: http.Server;
  let base = '';
  let reply: (req: http.IncomingMessage, body: string, res: http.ServerResponse) => void = () => undefined;
  before(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => reply(req, body, res));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((r) => server.close(() => r())));

  const TOKEN = 'opaque-token-' + 'q'.repeat(40);

  it('refuses a plain-http endpoint that is not this machine, before any request', async () => {
    const r = await introspect({ endpoint: 'http://sso.example.com/introspect', token: TOKEN });
    assert.ok(!r.ok && r.error.code === 'insecure-url');
  });

  it('sends the token in the body with client_secret_basic, and reads an RFC 7662 answer', async () => {
    let seen: { auth?: string; body: string } = { body: '' };
    reply = (req, body, res) => {
      seen = { auth: req.headers.authorization, body };
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ active: true, scope: 'openid email', client_id: 'mail-oauth-debugger', username: 'adele', exp: secs(NOW) + 3600, iss: ISSUER }));
    };
    const r = await introspect({ endpoint: `${base}/introspect`, token: TOKEN, clientId: 'mail server', clientSecret: 's3cr:t' });
    assert.ok(r.ok && r.active, JSON.stringify(r));
    assert.strictEqual(new URLSearchParams(seen.body).get('token'), TOKEN);
    assert.strictEqual(Buffer.from(seen.auth!.slice(6), 'base64').toString(), 'mail+server:s3cr%3At');
    const t = introspectionInspection(r, TOKEN.length, NOW);
    assert.strictEqual(t.issuerKind, 'keycloak');
    assert.deepStrictEqual(introspectionProblems(r, t, { now: NOW, user: 'adele', expected: { issuer: ISSUER, usernameClaim: 'username' } }), []);
  });

  it('an inactive answer is an error problem; an answer that echoes the token has it cut out', async () => {
    reply = (_req, _body, res) => res.end(JSON.stringify({ active: false, note: `token ${TOKEN} unknown` }));
    const r = await introspect({ endpoint: `${base}/introspect`, token: TOKEN });
    assert.ok(r.ok && !r.active);
    assert.ok(!JSON.stringify(r.claims).includes(TOKEN.slice(10, 30)));
    assert.strictEqual(introspectionProblems(r, introspectionInspection(r, TOKEN.length, NOW), { now: NOW })[0].code, 'token-inactive');
  });

  it('bounds the answer and names non-JSON and refused clients by code', async () => {
    reply = (_req, _body, res) => res.end('x'.repeat(MAX_INTROSPECTION_BYTES + 10));
    let r = await introspect({ endpoint: `${base}/`, token: TOKEN });
    assert.ok(!r.ok && r.error.code === 'too-large', JSON.stringify(r));
    reply = (_req, _body, res) => res.end('<html>login</html>');
    r = await introspect({ endpoint: `${base}/`, token: TOKEN });
    assert.ok(!r.ok && r.error.code === 'not-json');
    reply = (_req, _body, res) => {
      res.statusCode = 401;
      res.end(JSON.stringify({ error: 'invalid_request', error_description: 'Authentication failed.' }));
    };
    r = await introspect({ endpoint: `${base}/`, token: TOKEN, clientId: 'x', clientSecret: 'wrong-secret' });
    assert.ok(!r.ok && r.error.code === 'client-auth' && r.error.detail === 'invalid_request: Authentication failed.', JSON.stringify(r));
  });

  it('the CLI refuses a secret on the command line and an unset secret variable, and reports a failed introspection as an error', async () => {
    let out = '';
    const io = { stdout: (s: string) => (out += s), stderr: (s: string) => (out += s), readStdin: async () => '', now: NOW };
    assert.strictEqual(await runCli(['inspect', TOKEN, '--introspect', `${base}/`, '--client-id', 'x', '--client-secret-env', 'MAILOAUTH_UNSET_VARIABLE_FOR_TEST'], io), 1);
    assert.match(out, /MAILOAUTH_UNSET_VARIABLE_FOR_TEST/);
    assert.strictEqual(await runCli(['inspect', TOKEN, '--client-secret', 'x'], io), 2);
    out = '';
    reply = (_req, _body, res) => res.end('not json');
    assert.strictEqual(await runCli(['inspect', TOKEN, '--introspect', `${base}/`], io), 1);
    assert.match(out, /introspection-failed/);
    assert.ok(!out.includes(TOKEN));
  });
});
