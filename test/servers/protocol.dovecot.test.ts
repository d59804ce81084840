// The protocol engines against a real Dovecot on loopback: IMAP, POP3 and SMTP submission, plain,
// implicit TLS and STARTTLS, both mechanisms, and the failures users meet.
import * as assert from 'assert';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { runCli } from '../../src/cli/main';
import { probe, ProbeOptions } from '../../src/core/protocol/probe';
import { Mechanism } from '../../src/core/protocol/session';
import { Security } from '../../src/core/protocol/transport';
import { MailProtocol } from '../../src/core/token/checks';
import { Dovecot, freePort, startDovecot } from './dovecot';
import { readyDovecot } from './readyDovecot';
import { SmtpSink } from './smtpSink';
import { mintToken } from './tokens';

const USER = 'adele@contoso.com';

describe('protocol engines against real Dovecot', function () {
  this.timeout(60_000);
  let dovecot: Dovecot;
  let sink: SmtpSink;
  let token: string;

  before(async function () {
    ({ dovecot, sink, token } = await readyDovecot(USER, { sink: true }));
  });
  after(async () => {
    await dovecot?.stop();
    await sink?.stop();
  });

  /**
   * Dovecot delays each further failed login from the same address (2 s, 4 s, 8 s… up to 15 s), as
   * real servers do; failure tests therefore get a Dovecot of their own.
   */
  async function fresh<T>(fn: (d: Dovecot, token: string) => Promise<T>): Promise<T> {
    const d = await startDovecot({ authFailureDelay: '0 secs', relayPort: sink.port });
    try {
      return await fn(d, await mintToken(d.hs256Key, { user: USER }));
    } finally {
      await d.stop();
    }
  }

  const options = (protocol: MailProtocol, security: Security, mechanism: Mechanism, overrides: Partial<ProbeOptions> = {}, server = dovecot): ProbeOptions => {
    const p = server.ports;
    const port = {
      imap: { none: p.imap, starttls: p.imap, tls: p.imaps },
      pop3: { none: p.pop3, starttls: p.pop3, tls: p.pop3s },
      smtp: { none: p.submission, starttls: p.submission, tls: p.submissions },
    }[protocol][security];
    return { protocol, host: 'localhost', port, security, ca: server.certificates.caPem, login: { user: USER, token, mechanism }, readTimeoutMs: 10_000, ...overrides };
  };

  it('keeps its secrets from other users: the HS256 key and oauth2 settings 0600, their folders and the mail home 0700', () => {
    const mode = (f: string) => fs.statSync(path.join(dovecot.dir, f)).mode & 0o777;
    assert.deepStrictEqual(Object.fromEntries(['keys', 'keys/default/HS256', 'keys/default/HS256/default', 'dovecot-oauth2.conf.ext', 'dovecot.conf', 'home'].map((f) => [f, mode(f).toString(8)])), {
      keys: '700',
      'keys/default/HS256': '700',
      'keys/default/HS256/default': '600',
      'dovecot-oauth2.conf.ext': '600',
      'dovecot.conf': '600',
      home: '700',
    });
    assert.strictEqual(mode('.') & 0o044, 0, 'the folder is not listable by others');
  });

  for (const protocol of ['imap', 'pop3', 'smtp'] as const) {
    for (const security of ['none', 'starttls', 'tls'] as const) {
      for (const mechanism of ['XOAUTH2', 'OAUTHBEARER'] as const) {
        it(`${protocol} over ${security} with ${mechanism}: authenticated and verified`, async () => {
          const r = await probe(options(protocol, security, mechanism));
          assert.deepStrictEqual([r.outcome.authenticated, r.outcome.verified, r.outcome.failure], [true, true, undefined], r.transcript.toLog({ reveal: false }));
          assert.strictEqual(r.verdict.ok, true);
          const auth = r.transcript.entries.find((e) => e.kind === 'C' && /AUTH/.test(e.text) && e.text.includes(mechanism));
          assert.ok(auth, `the ${mechanism} command is in the transcript`);
          if (security !== 'none') assert.match(r.tls?.protocol ?? '', /^TLSv1\.[23]$/);
          // SMTP: a real-sized token does not fit the 512-octet AUTH line (RFC 4954 §4), so it follows the 334.
          const minimum = { imap: security === 'starttls' ? 3 : 1, pop3: security === 'starttls' ? 3 : 2, smtp: security === 'starttls' ? 5 : 3 }[protocol];
          assert.strictEqual(r.outcome.roundTripsToAuth, minimum, 'round trips from connect to the authentication reply');
          if (protocol === 'smtp')
            assert.ok(
              r.transcript.entries.some((e) => e.kind === 'C' && e.text === `AUTH ${mechanism}`),
              'AUTH without the initial response',
            );
          const log = r.transcript.toLog({ reveal: false });
          assert.ok(!log.includes(token), 'the saved transcript has no token');
          assert.ok(r.transcript.toLog({ reveal: true }).includes(Buffer.from(token).toString('base64').slice(0, 20)) || r.transcript.toLog({ reveal: true }).length > log.length);
        });
      }
    }
  }

  it('answers the error challenge of a bad token and ends with the failure, without hanging', async () => {
    for (const [protocol, mechanism] of [
      ['imap', 'XOAUTH2'],
      ['pop3', 'OAUTHBEARER'],
      ['smtp', 'XOAUTH2'],
    ] as const) {
      const { r, started } = await fresh(async (d, good) => {
        const started = Date.now();
        const bad = good.slice(0, -4) + 'AAAA';
        return { r: await probe(options(protocol, 'none', mechanism, { login: { user: USER, token: bad, mechanism } }, d)), started };
      });
      assert.strictEqual(r.outcome.authenticated, false);
      assert.strictEqual(r.outcome.failure?.step, 'authenticate');
      assert.ok(r.outcome.errorChallenge, `${protocol}: the challenge was seen`);
      const answer = r.transcript.entries.filter((e) => e.kind === 'C').map((e) => e.text);
      assert.ok(answer.includes(mechanism === 'XOAUTH2' ? '' : 'AQ=='), `${protocol}: answered with ${mechanism === 'XOAUTH2' ? 'an empty line' : 'AQ=='}`);
      assert.match(r.outcome.failure!.reply, /AUTHENTICATIONFAILED|Authentication failed|535/);
      assert.ok(
        r.transcript.entries.some((e) => /^error challenge: \{"status":"(401|invalid_token)"/.test(e.decoded ?? '')),
        'the challenge is decoded in the transcript',
      );
      assert.ok(r.verdict.findings.length > 0, `${protocol}: the verdict explains the failure`);
      assert.ok(Date.now() - started < 8000, 'no hang');
    }
  });

  it('names an expired token as the cause', async () => {
    const r = await fresh(async (d) => {
      const expired = await mintToken(d.hs256Key, { user: USER, expiresInSeconds: -300 });
      return probe(options('imap', 'none', 'XOAUTH2', { login: { user: USER, token: expired, mechanism: 'XOAUTH2' } }, d));
    });
    assert.strictEqual(r.outcome.authenticated, false);
    assert.ok(r.verdict.tokenProblems.some((p) => p.code === 'token-expired'));
    assert.match(r.verdict.cause ?? '', /expired 5 minutes ago/);
  });

  it('names a user that is not the token account', async () => {
    const started = Date.now();
    const r = await fresh((d, t) => probe(options('smtp', 'starttls', 'XOAUTH2', { login: { user: 'someone.else@contoso.com', token: t, mechanism: 'XOAUTH2' } }, d)));
    assert.strictEqual(r.outcome.authenticated, false);
    assert.ok(
      r.verdict.tokenProblems.some((p) => p.code === 'user-mismatch'),
      r.transcript.toLog({ reveal: false }),
    );
    assert.match(r.verdict.cause ?? '', /The user field \(someone\.else@contoso\.com\) is not the token's account/);
    assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms:\n${r.transcript.toLog({ reveal: false })}`);
  });

  it('says so when the server does not offer the mechanism', async () => {
    const only = await startDovecot({ mechanisms: 'xoauth2', authFailureDelay: '0 secs' });
    try {
      const t = await mintToken(only.hs256Key, { user: USER });
      for (const [protocol, port] of [
        ['imap', only.ports.imap],
        ['pop3', only.ports.pop3],
        ['smtp', only.ports.submission],
      ] as const) {
        const r = await probe({ protocol, host: '127.0.0.1', port, security: 'none', login: { user: USER, token: t, mechanism: 'OAUTHBEARER' } });
        assert.strictEqual(r.outcome.authenticated, false);
        assert.match(r.outcome.failure?.reply ?? '', /OAUTHBEARER/);
        assert.match(r.outcome.failure?.reply ?? '', /XOAUTH2/, `${protocol}: names what the server offers`);
      }
    } finally {
      await only.stop();
    }
  });

  it('refuses an untrusted certificate with an explanation, and proceeds when verification is off', async () => {
    const strict = await probe(options('imap', 'tls', 'XOAUTH2', { ca: undefined }));
    assert.strictEqual(strict.outcome.failure?.step, 'connect');
    assert.strictEqual(strict.outcome.failure?.transportError?.code, 'certificate');
    assert.match(strict.outcome.failure!.reply, /not accepted: .*(not trusted|self-signed|untrusted)/);
    const lax = await probe(options('imap', 'tls', 'XOAUTH2', { ca: undefined, verifyCertificate: false }));
    assert.strictEqual(lax.outcome.authenticated, true, lax.transcript.toLog({ reveal: false }));
    assert.strictEqual(lax.tls?.authorized, false);
  });

  it('puts a short initial response on the SMTP AUTH line (one round trip less)', async () => {
    const short = 'EwBAAl3BAAUFFpUAo7J3Ve0bjLBWZWCclRC3EoAA';
    const r = await probe(options('smtp', 'none', 'XOAUTH2', { login: { user: USER, token: short, mechanism: 'XOAUTH2' } }));
    // Dovecot refuses this opaque token: the client lines are EHLO, AUTH with the response, the answer to the challenge.
    const sent = r.transcript.entries.filter((e) => e.kind === 'C').map((e) => e.text);
    assert.match(sent[0], /^EHLO /);
    assert.match(sent[1], /^AUTH XOAUTH2 dXNlcj[A-Za-z0-9+/=]+$/, 'AUTH XOAUTH2 <initial response> on one line');
    assert.strictEqual(sent[2], '', 'then only the answer to the error challenge');
  });

  it('explains a server that closes the connection in the middle of authentication', async () => {
    const port = await freePort();
    const server = net.createServer((s) => {
      s.write('* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=XOAUTH2] ready\r\n');
      s.on('data', (d) => {
        if (/AUTHENTICATE/.test(d.toString())) s.destroy();
      });
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    try {
      const r = await probe({ protocol: 'imap', host: '127.0.0.1', port, security: 'none', login: { user: USER, token, mechanism: 'XOAUTH2' } });
      assert.strictEqual(r.outcome.failure?.step, 'authenticate');
      assert.strictEqual(r.outcome.failure?.transportError?.code, 'closed');
      assert.match(r.verdict.title, /connection failed during authentication/);
    } finally {
      server.close();
    }
  });

  it('mailoauth probe prints the redacted transcript and the verdict, and exits 0 only when verified', async () => {
    const run = async (args: string[], stdin = '') => {
      let out = '';
      let err = '';
      const code = await runCli(args, { stdout: (x) => (out += x), stderr: (x) => (err += x), readStdin: async () => stdin });
      return { code, out, err };
    };
    const ok = await run(['probe', 'imap', '--host', '127.0.0.1', '--port', String(dovecot.ports.imap), '--security', 'none', '--user', USER, '--token', '-'], token);
    assert.strictEqual(ok.code, 0, ok.out + ok.err);
    assert.match(ok.out, /C: A001 AUTHENTICATE XOAUTH2 dXNlcj…/);
    assert.match(ok.out, /↳ XOAUTH2: user=adele@contoso\.com/);
    assert.match(ok.out, /✔ Authenticated with XOAUTH2 and verified/);
    assert.ok(!ok.out.includes(token), 'no token in the output');
    const tlsJson = await run([
      'probe',
      'smtp',
      '--host',
      'localhost',
      '--port',
      String(dovecot.ports.submission),
      '--security',
      'starttls',
      '--user',
      USER,
      '--token',
      token,
      '--mechanism',
      'oauthbearer',
      '--ca',
      dovecot.certificates.caCert,
      '--json',
    ]);
    assert.strictEqual(tlsJson.code, 0, tlsJson.out + tlsJson.err);
    const j = JSON.parse(tlsJson.out);
    assert.deepStrictEqual([j.authenticated, j.verified, j.mechanism, j.roundTripsToAuth], [true, true, 'OAUTHBEARER', 5]);
    assert.match(j.tls.protocol, /TLSv1/);
    assert.ok(!tlsJson.out.includes(token));
    const refused = await run(['probe', 'pop3', '--host', '127.0.0.1', '--port', String(dovecot.ports.pop3s), '--security', 'tls', '--user', USER, '--token', token]);
    assert.strictEqual(refused.code, 1);
    assert.match(refused.out, /✖ The connection failed during connecting/);
    assert.match(refused.out, /certificate of 127\.0\.0\.1 was not accepted/);
    const usage = await run(['probe', 'imap', '--user', USER, '--token', token]);
    assert.strictEqual(usage.code, 2);
    assert.match(usage.err, /^mailoauth: probe needs --host/);
  });
});
