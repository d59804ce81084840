// Hostile servers (issue 7): every scenario of hostileScenarios.ts against the engines, through probe()
// as the console and `mailoauth probe` run them. Each must end before its hang detector with the
// explained state it names (step, transport code, message text), close its sockets, leak no token into
// the message, and let nothing unhandled escape.
import * as assert from 'assert';
import { Certificates, makeScenarioCertificates, removeScenarioCertificates, runScenario, scenarios, testToken, USER } from './hostileScenarios';

describe('hostile servers: the engines end every misbehaviour with an explained state', function () {
  this.timeout(90_000);
  let certs: Certificates;
  let token: string;
  let blob: string;
  const unhandled: string[] = [];
  const onRejection = (e: unknown) => unhandled.push(`unhandled rejection: ${(e as Error)?.stack ?? String(e)}`);
  const onException = (e: Error) => unhandled.push(`uncaught exception: ${e.stack ?? e.message}`);

  before(async () => {
    certs = makeScenarioCertificates();
    token = await testToken();
    blob = Buffer.from(`user=${USER}\x01auth=Bearer ${token}\x01\x01`).toString('base64');
    process.on('unhandledRejection', onRejection);
    process.on('uncaughtException', onException);
  });
  after(() => {
    removeScenarioCertificates(certs);
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
  });

  const all = scenarios();
  it('covers the ten misbehaviours of issue 7 for IMAP, POP3 and SMTP', () => {
    const kinds = new Set(all.map((s) => s.kind));
    for (const k of [
      'greeting never comes',
      'endless lines',
      'giant line',
      'literal announcing gigabytes',
      'connection closed during authentication',
      'garbage and invalid UTF-8',
      'slow trickle',
      'TLS handshake fails',
      'STARTTLS refused',
      'challenge loop',
      'reply to a command never sent',
    ]) {
      assert.ok(kinds.has(k), `a scenario plays "${k}"`);
    }
    for (const p of ['imap', 'pop3', 'smtp']) assert.ok(all.filter((s) => s.protocol === p).length >= 20, `${p} has its scenarios`);
  });

  // Disconnect in the console: cancelling a login that a server keeps waiting (no read timeout needed).
  for (const [id, step] of [
    ['imap/greeting-never', 'greeting'],
    ['imap/tls-silent-server', 'connect'],
    ['smtp/endless-slow-lines', 'capabilities'],
  ] as const) {
    it(`${id}: a cancelled login ends at once with "Cancelled during ${step}"`, async () => {
      const s = all.find((x) => x.id === id)!;
      const controller = new AbortController();
      const patient = { ...s, client: { connectTimeoutMs: 60_000, readTimeoutMs: 60_000, replyTimeoutMs: 60_000, loginTimeoutMs: 60_000, signal: controller.signal }, timeoutMs: 20_000 };
      setTimeout(() => controller.abort(), 500);
      const run = await runScenario(
        { ...patient, expect: { step, code: 'cancelled', text: /^Cancelled: the client closed the connection \(Disconnect\) while the server kept it waiting\.$/ } },
        certs,
        token,
      );
      assert.strictEqual(run.mismatch, undefined, `${run.mismatch}\n  message: ${run.message}`);
      assert.strictEqual(run.result!.verdict.title, `Cancelled during ${step === 'connect' ? 'connecting' : step === 'greeting' ? 'the greeting' : 'asking for capabilities'}.`);
      assert.ok(run.socketsClosed, 'the connection is closed');
    });
  }

  for (const s of all) {
    it(`${s.id}: ${s.expect.ok ? 'completes' : `ends explained (${s.expect.code ?? s.expect.step})`}`, async () => {
      const run = await runScenario(s, certs, token);
      assert.notStrictEqual(run.outcome, 'hung', `${s.id} did not end within ${s.timeoutMs} ms`);
      assert.strictEqual(run.mismatch, undefined, `${s.id}: ${run.mismatch}\n  message: ${run.message}`);
      assert.strictEqual(run.outcome, s.expect.ok ? 'ok' : 'explained');
      assert.ok(run.socketsClosed, `${s.id}: every connection is closed at the end`);
      assert.deepStrictEqual(run.peerErrors, [], 'the peer script itself ran without error');
      if (!s.expect.ok) {
        const v = run.result!.verdict;
        assert.ok(v.title.length > 0 && !/undefined/.test(v.title), `a title: ${v.title}`);
        assert.ok(!/\n\s+at /.test(run.message), 'no stack trace in the message');
      }
      // The token never appears in what the user is shown, however the session broke (even when the
      // server echoes it): neither whole, nor its signature, nor the part of the SASL string that carries it.
      const secretBits = [token, token.split('.')[2], blob.slice(48, 88)];
      const shown = [run.message, run.result?.verdict.title ?? '', ...(run.result?.transcript.entries ?? []).map((e) => e.display)];
      for (const text of shown) for (const bit of secretBits) assert.ok(!text.includes(bit), `no token in what is shown: ${text.slice(0, 200)}`);
      assert.deepStrictEqual(unhandled, [], 'nothing unhandled');
    });
  }
});
