// The whole chain, real end to end: MSAL signs in at the local OpenID provider (device code, the user's
// step done over HTTPS by the test browser), Dovecot validates the access token it got by RFC 7662
// introspection at that same provider (HTTPS trusting the test CA, client_secret_basic), and the protocol
// engines log in with it over IMAP, POP3 and SMTP with XOAUTH2 and OAUTHBEARER (SMTP sends a token of provider
// size after the 334, as RFC 4954 §4 requires; Dovecot's submission-login would refuse it on the AUTH line).
// Tampered, revoked and expired
// tokens are refused by introspection after the error challenge, and the verdicts say why.
import * as assert from 'assert';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { PublicClientApplication } from '@azure/msal-node';
import { MsalNetworkClient } from '../../src/auth/networkClient';
import { probe, ProbeOptions } from '../../src/core/protocol/probe';
import { challengeAnswer, initialResponse, Mechanism } from '../../src/core/protocol/session';
import { MailProtocol } from '../../src/core/token/checks';
import { introspect } from '../../src/core/token/introspect';
import { runCli } from '../../src/cli/main';
import { makeCertificates, TestCertificates } from './certificates';
import { Dovecot, dovecotAvailable, startDovecot } from './dovecot';
import { IdentityBrowser } from './identityBrowser';
import { SmtpSink, startSmtpSink } from './smtpSink';
import { IdentityProvider, TEST_INTROSPECTION_CLIENT_ID, TEST_PUBLIC_CLIENT_ID, TEST_USER } from './identityProvider';

const SCOPES = ['IMAP.AccessAsUser.All', 'POP.AccessAsUser.All', 'SMTP.Send'].map((s) => `https://outlook.office.com/${s}`);

describe('the whole chain: token from the OpenID provider, introspected by Dovecot, used by the engines', function () {
  this.timeout(60_000);
  let dir: string;
  let certs: TestCertificates;
  let idp: IdentityProvider;
  let app: PublicClientApplication;
  let token: string;
  let sink: SmtpSink;

  /** A Dovecot that asks the provider about each token. Failure tests get their own (Dovecot slows repeated failures). */
  const introspectingDovecot = () =>
    startDovecot({ introspectionUrl: idp.introspectionUrlWithCredentials, introspectionCaPem: certs.caPem, usernameAttribute: 'upn', authFailureDelay: '0 secs', relayPort: sink.port });
  /** Runs `use` with a fresh introspecting Dovecot, and stops that Dovecot however `use` ends. */
  const withIntrospectingDovecot = async (use: (dovecot: Dovecot) => Promise<void>): Promise<void> => {
    const dovecot = await introspectingDovecot();
    try {
      await use(dovecot);
    } finally {
      await dovecot.stop();
    }
  };

  const signIn = async (): Promise<string> => {
    const browser = new IdentityBrowser(certs.caPem);
    const result = await app.acquireTokenByDeviceCode({ scopes: SCOPES, deviceCodeCallback: (r) => void browser.enterDeviceCode(r.verificationUri, r.userCode) });
    assert.ok(result?.accessToken, 'MSAL got an access token');
    return result.accessToken;
  };

  const options = (d: Dovecot, protocol: MailProtocol, mechanism: Mechanism, t: string): ProbeOptions => ({
    protocol,
    host: '127.0.0.1',
    port: { imap: d.ports.imap, pop3: d.ports.pop3, smtp: d.ports.submission }[protocol],
    security: 'none',
    login: { user: TEST_USER.upn, token: t, mechanism },
    readTimeoutMs: 10_000,
  });

  before(async () => {
    assert.ok(dovecotAvailable(), 'Dovecot is installed (scripts/ensure-dovecot.sh installs it)');
    sink = await startSmtpSink();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mailoauth-chain-'));
    certs = makeCertificates(dir);
    idp = await IdentityProvider.start({ certificates: certs });
    app = new PublicClientApplication({
      auth: { clientId: TEST_PUBLIC_CLIENT_ID, authority: idp.authority, knownAuthorities: [idp.host] },
      system: { networkClient: new MsalNetworkClient({ extraCaPem: [certs.caPem] }) },
    });
    token = await signIn();
  });
  after(async () => {
    await idp?.stop();
    await sink?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a token from the provider logs in over IMAP and POP3 with XOAUTH2 and OAUTHBEARER, each login validated by introspection', async () => {
    await withIntrospectingDovecot(async (dovecot) => {
      const before = idp.introspectionRequests().length;
      for (const protocol of ['imap', 'pop3'] as const) {
        for (const mechanism of ['XOAUTH2', 'OAUTHBEARER'] as const) {
          const r = await probe(options(dovecot, protocol, mechanism, token));
          const transcript = r.transcript.toLog({ reveal: false });
          assert.deepStrictEqual([r.outcome.authenticated, r.outcome.verified, r.outcome.failure], [true, true, undefined], `${protocol} ${mechanism}:\n${transcript}\n${dovecot.log()}`);
          assert.strictEqual(r.verdict.ok, true);
          assert.ok(!transcript.includes(token), 'the saved transcript has no token');
        }
      }
      // Dovecot really asked the provider, once per login, over HTTPS trusting the test CA.
      assert.strictEqual(idp.introspectionRequests().length - before, 4);
      const log = dovecot.log();
      assert.match(log, new RegExp(`Making introspection request to https://[^@\\s]+@${escapeRegExp(idp.host)}/`));
      assert.match(log, /Received valid SSL certificate: \/CN=localhost/);
      assert.strictEqual(log.match(/oauth2\(adele@contoso\.test,[^)]*\): Introspection succeeded/g)?.length, 4, log);
      // (Dovecot's auth_debug logs the token itself in "client passdb out: OK ... token=…": no assertion on that.)
    });
  });

  it('SMTP submission accepts the token by introspection when the response follows the 334 (both mechanisms)', async () => {
    await withIntrospectingDovecot(async (dovecot) => {
      for (const mechanism of ['XOAUTH2', 'OAUTHBEARER'] as const) {
        const before = idp.introspectionRequests().length;
        const replies = await smtpAuthAfterContinuation(dovecot.ports.submission, mechanism, token);
        assert.deepStrictEqual(
          replies.map((r) => r.slice(0, 3)),
          ['334', '235', '250'],
          replies.join('\n'),
        );
        assert.strictEqual(idp.introspectionRequests().length - before, 1);
      }
    });
  });

  it('SMTP through the engine: a real-sized token follows the 334 (RFC 4954 §4) and is accepted by introspection', async () => {
    // Dovecot 2.3's submission-login takes an AUTH command line of about 1 KiB; RFC 4954 §4 says a client
    // must not put an initial response on the AUTH line when the line would exceed SMTP's 512 octets.
    await withIntrospectingDovecot(async (dovecot) => {
      for (const mechanism of ['XOAUTH2', 'OAUTHBEARER'] as const) {
        const before = idp.introspectionRequests().length;
        const r = await probe(options(dovecot, 'smtp', mechanism, token));
        assert.deepStrictEqual([r.outcome.authenticated, r.outcome.verified], [true, true], r.transcript.toLog({ reveal: false }));
        assert.ok(
          r.transcript.entries.some((e) => e.kind === 'C' && e.text === `AUTH ${mechanism}`),
          'AUTH without the initial response',
        );
        assert.strictEqual(idp.introspectionRequests().length - before, 1, 'one introspection call');
      }
    });
  });

  it('the provider answers introspection only for its resource-server client, and says what the token is', async () => {
    const basic = (secret: string) => `Basic ${Buffer.from(`${TEST_INTROSPECTION_CLIENT_ID}:${secret}`).toString('base64')}`;
    const ask = (auth: string | undefined) => postForm(idp.introspectionEndpoint, certs.caPem, `token=${encodeURIComponent(token)}`, auth);
    const good = await ask(basic(idp.introspectionSecret));
    assert.strictEqual(good.status, 200);
    assert.strictEqual(good.body.active, true, JSON.stringify(good.body));
    assert.strictEqual(good.body.upn, TEST_USER.upn);
    assert.strictEqual(good.body.aud, 'https://outlook.office.com');
    assert.strictEqual(good.body.client_id, TEST_PUBLIC_CLIENT_ID);
    assert.match(String(good.body.scp), /IMAP\.AccessAsUser\.All/);
    assert.strictEqual((await ask(basic('wrong'))).status, 401);
    assert.strictEqual((await ask(undefined)).status, 400);
  });

  it('core introspection asks the provider over HTTPS with client_secret_basic: active with the right secret, a client-auth error with a wrong one, and the CLI never prints the token', async () => {
    const good = await introspect({ endpoint: idp.introspectionEndpoint, token, clientId: TEST_INTROSPECTION_CLIENT_ID, clientSecret: idp.introspectionSecret, extraCaPem: [certs.caPem] });
    assert.ok(good.ok && good.active, JSON.stringify(good));
    assert.strictEqual(good.claims.upn, TEST_USER.upn);
    const wrong = await introspect({ endpoint: idp.introspectionEndpoint, token, clientId: TEST_INTROSPECTION_CLIENT_ID, clientSecret: 'wrong-secret-value', extraCaPem: [certs.caPem] });
    assert.ok(!wrong.ok && wrong.error.code === 'client-auth', JSON.stringify(wrong));
    // Without the test CA the provider's certificate is not trusted: a TLS error by code, not a stack.
    const untrusted = await introspect({ endpoint: idp.introspectionEndpoint, token, clientId: TEST_INTROSPECTION_CLIENT_ID, clientSecret: idp.introspectionSecret });
    assert.ok(!untrusted.ok && untrusted.error.code === 'tls', JSON.stringify(untrusted));

    const caFile = path.join(dir, 'introspection-ca.pem');
    fs.writeFileSync(caFile, certs.caPem);
    process.env.MAILOAUTH_TEST_INTROSPECTION_SECRET = idp.introspectionSecret;
    try {
      let out = '';
      const code = await runCli(
        [
          'inspect',
          token,
          '--introspect',
          idp.introspectionEndpoint,
          '--client-id',
          TEST_INTROSPECTION_CLIENT_ID,
          '--client-secret-env',
          'MAILOAUTH_TEST_INTROSPECTION_SECRET',
          '--ca',
          caFile,
          '--protocol',
          'imap',
          '--user',
          TEST_USER.upn,
        ],
        { stdout: (s) => (out += s), stderr: (s) => (out += s), readStdin: async () => '' },
      );
      assert.strictEqual(code, 0, out);
      assert.match(out, /active: the issuer accepts the token/);
      assert.ok(!out.includes(token) && !out.includes(token.slice(40, 80)) && !out.includes(idp.introspectionSecret), 'neither the token nor the secret in the output');
    } finally {
      delete process.env.MAILOAUTH_TEST_INTROSPECTION_SECRET;
    }
  });

  it('a token that expired at the provider is refused by introspection, and the verdict names the expiry', async () => {
    idp.accessTokenTtl = 2;
    let short: string;
    try {
      short = await signIn();
    } finally {
      idp.accessTokenTtl = 3600;
    }
    await new Promise((r) => setTimeout(r, 3100));
    await withIntrospectingDovecot(async (dovecot) => {
      const before = idp.introspectionRequests().length;
      const r = await probe(options(dovecot, 'imap', 'OAUTHBEARER', short));
      assert.strictEqual(r.outcome.authenticated, false, r.transcript.toLog({ reveal: false }));
      assert.ok(r.outcome.errorChallenge);
      assert.ok(
        r.verdict.tokenProblems.some((p) => p.code === 'token-expired'),
        JSON.stringify(r.verdict),
      );
      assert.strictEqual(idp.introspectionRequests().length - before, 1, 'Dovecot asked the provider, which said inactive');
      assert.match(dovecot.log(), /oauth2 failed: Introspection failed: Provided token is not valid/);
    });
  });

  for (const kind of ['tampered', 'revoked'] as const) {
    it(`a ${kind} token is refused by introspection: error challenge answered, failure explained`, async () => {
      let bad: string;
      if (kind === 'tampered') {
        // Same header and claims (same jti), another signature: only a signature check tells it apart.
        const [h, p, s] = token.split('.') as [string, string, string];
        const sig = Buffer.from(s, 'base64url');
        sig[0] = sig[0]! ^ 0xff;
        bad = `${h}.${p}.${sig.toString('base64url')}`;
      } else {
        bad = await signIn();
        await idp.revokeAccessToken(bad);
      }
      // Dovecot slows down repeated failures from one address: each attempt gets a Dovecot of its own.
      for (const [protocol, mechanism] of [
        ['imap', 'XOAUTH2'],
        ['pop3', 'OAUTHBEARER'],
        ['imap', 'OAUTHBEARER'],
      ] as const) {
        await withIntrospectingDovecot(async (dovecot) => {
          const before = idp.introspectionRequests().length;
          const started = Date.now();
          const r = await probe(options(dovecot, protocol, mechanism, bad));
          const elapsed = Date.now() - started;
          const transcript = r.transcript.toLog({ reveal: false });
          assert.strictEqual(r.outcome.authenticated, false, transcript);
          assert.strictEqual(r.outcome.failure?.step, 'authenticate');
          assert.ok(r.outcome.errorChallenge, `${protocol}: the error challenge was seen`);
          const answers = r.transcript.entries.filter((e) => e.kind === 'C').map((e) => e.text);
          assert.ok(answers.includes(mechanism === 'XOAUTH2' ? '' : 'AQ=='), `${protocol}: answered the challenge`);
          assert.ok(
            r.transcript.entries.some((e) => /^error challenge: \{"status":"(401|invalid_token)"/.test(e.decoded ?? '')),
            'the challenge is decoded in the transcript',
          );
          assert.match(r.outcome.failure!.reply, /AUTHENTICATIONFAILED|Authentication failed/);
          assert.strictEqual(r.verdict.ok, false);
          // XOAUTH2: Dovecot's challenge ("… inactive at introspection"); OAUTHBEARER: RFC 7628 invalid_token ("… revoked …").
          assert.ok(
            r.verdict.findings.some((f) => f.id === (mechanism === 'XOAUTH2' ? 'dovecot-error-challenge' : 'oauthbearer-error-challenge')),
            `${protocol} ${mechanism}: ${JSON.stringify(r.verdict.findings.map((f) => f.id))}`,
          );
          assert.match(r.verdict.cause ?? '', /inactive at introspection|revoked/, `${protocol} ${mechanism}: the verdict explains the failure`);
          assert.strictEqual(idp.introspectionRequests().length - before, 1, `${protocol}: Dovecot asked the provider`);
          assert.match(dovecot.log(), /oauth2 failed: Introspection failed: Provided token is not valid/);
          assert.ok(elapsed < 8000, `no hang (${elapsed} ms)`);
        });
      }
      await withIntrospectingDovecot(async (dovecot) => {
        const smtp = await smtpAuthAfterContinuation(dovecot.ports.submission, 'XOAUTH2', bad);
        assert.deepStrictEqual(
          smtp.map((r) => r.slice(0, 3)),
          ['334', '334', '535'],
          `SMTP: error challenge, then refused:\n${smtp.join('\n')}`,
        );
        assert.match(dovecot.log(), /oauth2 failed: Introspection failed: Provided token is not valid/);
      });
    });
  }
});

/**
 * SMTP AUTH as RFC 4954 allows for long responses: "AUTH <mech>", the response after the empty 334, and an
 * empty line after an error challenge; then NOOP when authenticated. Returns the server's replies.
 */
async function smtpAuthAfterContinuation(port: number, mechanism: Mechanism, accessToken: string): Promise<string[]> {
  const socket = net.connect(port, '127.0.0.1');
  socket.setEncoding('utf8');
  let buffer = '';
  const waiters: Array<() => void> = [];
  socket.on('data', (d: string) => {
    buffer += d;
    waiters.splice(0).forEach((w) => w());
  });
  const reply = async (): Promise<string> => {
    for (;;) {
      const m = /(?:^|\n)(\d{3}) [^\n]*\r\n/.exec(buffer);
      if (m) {
        const text = buffer
          .slice(0, m.index + m[0].length)
          .trim()
          .split('\r\n')
          .pop()!;
        buffer = buffer.slice(m.index + m[0].length);
        return text;
      }
      await new Promise<void>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no SMTP reply; got ${JSON.stringify(buffer)}`)), 10_000);
        waiters.push(() => (clearTimeout(t), resolve()));
      });
    }
  };
  const send = (line: string) => socket.write(`${line}\r\n`);
  try {
    await reply(); // 220
    send('EHLO chain.test');
    await reply();
    const replies: string[] = [];
    send(`AUTH ${mechanism}`);
    replies.push(await reply());
    send(initialResponse({ user: TEST_USER.upn, token: accessToken, mechanism }, '127.0.0.1', port));
    let r = await reply();
    replies.push(r);
    if (r.startsWith('334')) {
      send(challengeAnswer(mechanism));
      r = await reply();
      replies.push(r);
    }
    if (r.startsWith('235')) {
      send('NOOP');
      replies.push(await reply());
    }
    send('QUIT');
    return replies;
  } finally {
    socket.destroy();
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function postForm(url: string, caPem: string, body: string, authorization?: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const https = await import('https');
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        method: 'POST',
        host: u.hostname,
        port: u.port,
        path: u.pathname,
        ca: caPem,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), accept: 'application/json', ...(authorization ? { authorization } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown> }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
