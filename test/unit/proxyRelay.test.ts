// The relay against scripted peers on loopback: what it removes from capabilities, what it answers
// itself, what a hostile server gets (an over-long line, a server that is not there), all explained.
import * as assert from 'assert';
import { wireText } from '../../src/core/proxy/injection';
import * as net from 'net';
import { CaptureProxy } from '../../src/core/proxy/relay';
import { ProxyConnectionView } from '../../src/core/proxy/types';

/** A scripted IMAP server: greets, then answers each line with `reply(line)`. */
async function scripted(reply: (line: string) => string): Promise<{ port: number; stop: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    sockets.add(s);
    s.on('error', () => undefined);
    s.write('* OK [CAPABILITY IMAP4rev1 SASL-IR COMPRESS=DEFLATE STARTTLS AUTH=XOAUTH2] ready\r\n');
    let buf = '';
    s.on('data', (d) => {
      buf += d.toString('latin1');
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl).replace(/\r$/, '');
        buf = buf.slice(nl + 1);
        s.write(reply(line));
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { port: (server.address() as net.AddressInfo).port, stop: () => new Promise((r) => (sockets.forEach((s) => s.destroy()), server.close(() => r()))) };
}

/** Talks to the relay: sends lines, collects everything until the socket closes or `until` matches. */
function talk(port: number, lines: string[], until: RegExp): Promise<string> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    let got = '';
    let sent = false;
    s.on('data', (d) => {
      got += d.toString('latin1');
      if (!sent) {
        sent = true;
        s.write(lines.map((l) => `${l}\r\n`).join(''));
      }
      if (until.test(got)) s.end();
    });
    s.on('close', () => resolve(got));
    s.on('error', () => resolve(got));
  });
}

async function withProxy(upstreamPort: number, fn: (port: number, closed: () => Promise<ProxyConnectionView>) => Promise<void>): Promise<void> {
  const proxy = new CaptureProxy({
    protocol: 'imap',
    listenHost: '127.0.0.1',
    listenPort: 0,
    upstream: { host: '127.0.0.1', port: upstreamPort, security: 'none' },
    clientSecurity: 'none',
    connectTimeoutMs: 3000,
  });
  const done: ProxyConnectionView[] = [];
  proxy.onEvent((e) => e.type === 'closed' && done.push(e.connection));
  const { port } = await proxy.listen();
  try {
    await fn(port, async () => {
      for (let i = 0; i < 100 && done.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
      assert.ok(done[0], 'the connection closed');
      return done.shift()!;
    });
  } finally {
    await proxy.close();
  }
}

describe('capture proxy relay against scripted peers', () => {
  it("removes COMPRESS=DEFLATE and the server's STARTTLS from what the client sees, says so, and answers STARTTLS and COMPRESS itself", async () => {
    const seen: string[] = [];
    const server = await scripted((line) => {
      seen.push(line);
      const [tag, verb] = line.split(' ');
      return verb === 'CAPABILITY' ? `* CAPABILITY IMAP4rev1 COMPRESS=DEFLATE STARTTLS IDLE\r\n${tag} OK done\r\n` : `${tag} OK done\r\n`;
    });
    try {
      await withProxy(server.port, async (port, closed) => {
        const got = await talk(port, ['a CAPABILITY', 'b STARTTLS', 'c COMPRESS DEFLATE', 'd LOGOUT'], /d OK/);
        assert.ok(
          !/COMPRESS=DEFLATE|STARTTLS I/.test(
            got
              .split('\n')
              .filter((l) => /CAPABILITY/.test(l))
              .join('\n'),
          ),
          got,
        );
        assert.match(got, /\* CAPABILITY IMAP4rev1 IDLE\r\n/);
        assert.match(got, /b BAD /);
        assert.match(got, /c NO \[CANNOT\]/);
        assert.deepStrictEqual(seen, ['a CAPABILITY', 'd LOGOUT'], 'STARTTLS and COMPRESS never reached the server');
        const c = await closed();
        const log = c.transcript.toLog({ reveal: false });
        assert.match(log, /removed COMPRESS=DEFLATE/);
      });
    } finally {
      await server.stop();
    }
  });

  it('relays a 1 MB line whole, records it cut, and goes on with the session', async () => {
    const long = `* OK ${'x'.repeat(1024 * 1024)}`;
    const server = await scripted((line) => {
      const [tag, verb] = line.split(' ');
      return verb === 'NOOP' ? `${long}\r\n${tag} OK done\r\n` : `${tag} OK done\r\n`;
    });
    try {
      await withProxy(server.port, async (port, closed) => {
        const got = await talk(port, ['a NOOP', 'b LOGOUT'], /b OK/);
        assert.ok(got.includes(`${long}\r\na OK done\r\n`), 'the long line arrived whole');
        const c = await closed();
        const log = c.transcript.toLog({ reveal: false });
        assert.ok(log.length < 100_000, `the transcript holds no megabyte line (${log.length})`);
        assert.match(log, /longer than the relay inspects/);
      });
    } finally {
      await server.stop();
    }
  });

  it('tells the client in IMAP when the server cannot be reached, and explains the ending', async () => {
    const free = await new Promise<number>((r) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => r(p));
      });
    });
    await withProxy(free, async (port, closed) => {
      const got = await talk(port, [], /BYE/);
      assert.match(got, /^\* BYE \[UNAVAILABLE\] .*refused the connection/);
      const c = await closed();
      assert.strictEqual(c.ending?.code, 'upstream-failed');
    });
  });
});

describe('capture proxy: text the relay writes into replies to the client', () => {
  it('is one line of printable ASCII, a German message still readable', () => {
    const german = 'Das Passwort ist nicht das dieses Proxys: Melden Sie sich mit dem Proxy-Passwort an, das beim Start gezeigt wurde („nie“ das Postfach-Passwort) – größer…\r\nA2 LOGIN x y';
    const wire = wireText(german);
    assert.match(wire, /^[\x20-\x7e]*$/);
    assert.ok(wire.includes('"nie" das Postfach-Passwort) - groesser...'), wire);
    assert.ok(!wire.includes('\n'));
    assert.strictEqual(wireText('Zugriff verweigert: 認証'), 'Zugriff verweigert: ??');
    assert.strictEqual(wireText('café résumé'), 'cafe resume');
  });
});
