// The proxy's framer: lines, counted literals, dot-terminated runs and over-long lines, fed in every
// chunking, reassemble to the same bytes and the same units.
import * as assert from 'assert';
import { Framer } from '../../src/core/proxy/framer';
import { checkClientLogin, secretEquals } from '../../src/core/proxy/injection';
import { CaptureProxy } from '../../src/core/proxy/relay';

function frame(input: Buffer, chunk: number, onLine: (f: Framer, line: string) => void, maxLine = 64): { out: Buffer; units: string[] } {
  const parts: Buffer[] = [];
  const units: string[] = [];
  const f: Framer = new Framer(
    {
      line: (l) => {
        parts.push(l);
        units.push(`L:${l.toString('latin1').trimEnd()}`);
        onLine(f, l.toString('latin1'));
      },
      raw: (b) => {
        parts.push(b);
        if (units[units.length - 1]?.startsWith('R:')) units[units.length - 1] += b.toString('latin1');
        else units.push(`R:${b.toString('latin1')}`);
      },
      longLineEnd: (_t, n) => units.push(`LONG:${n}`),
      dotEnd: () => units.push('DOT'),
    },
    maxLine,
  );
  for (let i = 0; i < input.length; i += chunk) f.push(input.subarray(i, i + chunk));
  return { out: Buffer.concat(parts), units };
}

describe('proxy framer', () => {
  const literalSession = Buffer.from('A1 APPEND INBOX {12}\r\nhello\r\nworld\r\nA2 NOOP\r\n');
  const onLiteral = (f: Framer, line: string) => {
    const m = /\{(\d+)\}\r\n$/.exec(line);
    if (m) f.mode = { kind: 'bytes', left: Number(m[1]) };
  };

  for (const chunk of [1, 2, 3, 7, 1000]) {
    it(`passes a literal through unread and finds the next command, in chunks of ${chunk}`, () => {
      const { out, units } = frame(literalSession, chunk, onLiteral);
      assert.strictEqual(out.toString('latin1'), literalSession.toString('latin1'));
      assert.deepStrictEqual(units, ['L:A1 APPEND INBOX {12}', 'R:hello\r\nworld', 'L:', 'L:A2 NOOP']);
    });

    it(`ends a dot-terminated run at CRLF.CRLF only (dot-stuffed lines stay data), in chunks of ${chunk}`, () => {
      const data = Buffer.from('DATA\r\nline\r\n..stuffed\r\n.notend\r\n.\r\nQUIT\r\n');
      const { out, units } = frame(data, chunk, (f, l) => (l.startsWith('DATA') ? f.startDot() : undefined));
      assert.strictEqual(out.toString('latin1'), data.toString('latin1'));
      assert.deepStrictEqual(units, ['L:DATA', 'R:line\r\n..stuffed\r\n.notend\r\n.\r\n', 'DOT', 'L:QUIT']);
    });
  }

  it('ends an empty dot-terminated run right after the line that started it', () => {
    const { units } = frame(Buffer.from('RETR 1\r\n.\r\nNOOP\r\n'), 1, (f, l) => (l.startsWith('RETR') ? f.startDot() : undefined));
    assert.deepStrictEqual(units, ['L:RETR 1', 'R:.\r\n', 'DOT', 'L:NOOP']);
  });

  it('passes a line longer than the cap on unread, bounded, and reads the next line again', () => {
    const long = `X ${'a'.repeat(500)}\r\n`;
    const { out, units } = frame(Buffer.from(`${long}B NOOP\r\n`), 13, () => undefined, 64);
    assert.strictEqual(out.toString('latin1'), `${long}B NOOP\r\n`);
    assert.deepStrictEqual(
      units.filter((u) => !u.startsWith('R:')),
      [`LONG:${long.length}`, 'L:B NOOP'],
    );
  });

  it('holds bytes until released, in order', () => {
    const got: string[] = [];
    const f: Framer = new Framer({ line: (l) => (got.push(l.toString().trim()), l.toString().startsWith('HOLD') ? f.hold() : undefined), raw: () => undefined, longLineEnd: () => undefined }, 100);
    f.push(Buffer.from('A\r\nHOLD\r\nB\r\nC\r\n'));
    assert.deepStrictEqual(got, ['A', 'HOLD']);
    f.release();
    assert.deepStrictEqual(got, ['A', 'HOLD', 'B', 'C']);
  });
});

describe('proxy injection checks', () => {
  const inject = { mechanism: 'XOAUTH2' as const, clientPassword: 'proxy-secret-123', account: 'adele@contoso.com', mailboxes: { shared: 'sales@contoso.com' }, token: async () => 't' };
  it('accepts only the proxy password and the account or a mapped name', () => {
    assert.deepStrictEqual(checkClientLogin(inject, 'Adele@Contoso.com', 'proxy-secret-123'), { ok: true, mailbox: 'adele@contoso.com' });
    assert.deepStrictEqual(checkClientLogin(inject, 'shared', 'proxy-secret-123'), { ok: true, mailbox: 'sales@contoso.com' });
    assert.strictEqual(checkClientLogin(inject, 'adele@contoso.com', 'proxy-secret-12').ok, false);
    assert.strictEqual(checkClientLogin(inject, 'bob@contoso.com', 'proxy-secret-123').ok, false);
    assert.strictEqual(checkClientLogin(inject, 'adele@contoso.com', undefined).ok, false);
  });
  it('compares secrets of different lengths without throwing', () => {
    assert.strictEqual(secretEquals('a', 'a'), true);
    assert.strictEqual(secretEquals('a', 'ab'), false);
  });
  it('refuses a non-loopback listen address unless allowed', () => {
    const options = { protocol: 'imap' as const, listenHost: '0.0.0.0', listenPort: 0, upstream: { host: 'x', port: 1, security: 'none' as const }, clientSecurity: 'none' as const };
    assert.throws(() => new CaptureProxy(options), /loopback only/);
    assert.doesNotThrow(() => new CaptureProxy({ ...options, allowNonLoopback: true }));
  });
});
