// fast-check generators of hostile server bytes for the IMAP, POP3 and SMTP reply parsers: valid-ish
// replies mutated (odd tags and codes, wrong literal counts, bare CR/LF, NUL, invalid UTF-8, missing
// terminators) plus plain random bytes, cut into chunks at arbitrary offsets.
import * as fc from 'fast-check';
import { FUZZ_LIMITS, Protocol } from './scriptedServer';

/** Bytes the parsers must survive inside any line. */
const nasty = fc.constantFrom('\x00', '\r', '\n', '\r\r\n', '\xff', '\xc3', '\xed\xa0\x80', '\xf0\x9f\x98', '{', '}', '{0}', '\t', ' ', '.', '+');
const text = fc.oneof(
  { weight: 40, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 20, arbitrary: fc.array(fc.oneof(fc.string({ maxLength: 6 }), nasty), { maxLength: 8 }).map((p) => p.join('')) },
  { weight: 1, arbitrary: fc.integer({ min: 200, max: 700 }).map((n) => 'x'.repeat(n)) }, // around and over the line cap
);
const eol = fc.constantFrom('\r\n', '\r\n', '\r\n', '\n', '\r', '', '\r\r\n', '\n\r');

const imapTag = fc.oneof({ weight: 6, arbitrary: fc.constant('A001') }, { weight: 6, arbitrary: fc.constant('*') }, fc.constantFrom('a001', 'A002', 'A003', '+', '', 'A0011', '* 1'));
const imapStatus = fc.constantFrom('OK', 'OK', 'NO', 'BAD', 'BYE', 'PREAUTH', 'ok', 'CAPABILITY', 'FETCH', 'OKAY');
const imapCode = fc.constantFrom('', '[CAPABILITY IMAP4rev1 SASL-IR AUTH=XOAUTH2] ', '[CAPABILITY ', '[ALERT] ', '[AUTHENTICATIONFAILED] ', '[', ']');
/** A literal: announced count right, short, long, huge or malformed; then the bytes and the rest of the line. */
const imapLiteral = fc
  .tuple(
    fc.oneof(
      fc.string({ maxLength: 60 }).map((s) => s.replace(/\n/g, '\r\n')),
      fc.integer({ min: 200, max: 700 }).map((n) => 'y'.repeat(n)),
    ),
    fc.oneof(
      fc.constant(0),
      fc.integer({ min: -3, max: 3 }),
      fc.constantFrom(FUZZ_LIMITS.maxResponseBytes, FUZZ_LIMITS.maxResponseBytes + 1, 4294967296, 999999999999, 9999999999999),
      fc.nat({ max: 2000 }),
    ),
    fc.constantFrom('{', '{'),
    fc.constantFrom('}', '+}', '}', ' }', '}}', '+}x'),
    text,
  )
  .map(([body, delta, open, close, rest]) => {
    const n = delta > 100 ? delta : Math.max(0, Buffer.byteLength(body, 'latin1') + delta);
    return `${open}${n}${close}\r\n${body}${rest}`;
  });
const imapLine = fc
  .tuple(imapTag, imapStatus, imapCode, fc.array(fc.oneof({ weight: 3, arbitrary: text }, { weight: 1, arbitrary: imapLiteral }), { maxLength: 3 }), eol)
  .map(([tag, status, code, parts, end]) => `${tag} ${status} ${code}${parts.join(' ')}${end}`);

const pop3Line = fc.oneof(
  fc.tuple(fc.constantFrom('+OK', '-ERR', '+', '+ ', '+OKAY', 'OK', ''), text, eol).map(([s, t, e]) => `${s} ${t}${e}`),
  fc.tuple(fc.constantFrom('.', '..', '...', '..x', '.x', ' .', '.\r', '. ', '', 'body'), text, eol).map(([s, t, e]) => `${s}${t}${e}`),
  fc.constantFrom('.\r\n', '.\r\n', '..\r\n', '.\n', '.'),
);

const smtpCode = fc.oneof(fc.constantFrom('250', '220', '334', '235', '535', '554', '421', '999', '000', '25', '2500', 'abc', ''), fc.nat({ max: 999 }).map(String));
const smtpLine = fc
  .tuple(smtpCode, fc.constantFrom('-', '-', ' ', '', '\t', '--'), fc.constantFrom('', '5.7.3 ', '2.0.0 ', '9.9.9 ', '5.7.1234 ', '5.7. ', '4.0.0'), text, eol)
  .map(([code, sep, enhanced, t, e]) => `${code}${sep}${enhanced}${t}${e}`);
/** A multi-line reply: continuations with possibly different codes, possibly never terminated. */
const smtpMulti = fc
  .tuple(
    fc.constantFrom('250', '334', '535'),
    fc.array(fc.oneof(text, fc.constantFrom('AUTH XOAUTH2 OAUTHBEARER', 'AUTH=XOAUTH2', 'AUTH', 'STARTTLS')), { maxLength: 12 }),
    fc.boolean(),
    fc.constantFrom('250', '251', '550'),
  )
  .map(([code, lines, terminated, last]) => lines.map((l) => `${code}-${l}\r\n`).join('') + (terminated ? `${last} done\r\n` : ''));

const linesOf: Record<Protocol, fc.Arbitrary<string>> = {
  imap: imapLine,
  pop3: pop3Line,
  smtp: fc.oneof(smtpLine, smtpMulti),
};

/** What a server says first, so that a login (run over the same bytes) gets past its greeting. */
const greetings: Record<Protocol, fc.Arbitrary<string>> = {
  imap: fc.constantFrom('* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=XOAUTH2 AUTH=OAUTHBEARER] ready\r\n', '* OK ready\r\n', '* PREAUTH [CAPABILITY IMAP4rev1 AUTH=XOAUTH2]\r\n'),
  pop3: fc.constantFrom('+OK ready\r\n', '+OK ready\r\n+ \r\n'),
  smtp: fc.constantFrom('220 ready\r\n250-hi\r\n250-AUTH XOAUTH2 OAUTHBEARER\r\n250 SMTPUTF8\r\n', '220 ready\r\n'),
};

/** Scripts go past the transport's cap on unread data (response + line cap) only in chunks (see chunked). */
export const MAX_SCRIPT_BYTES = 4000;

/** Server bytes for one protocol: mutated replies, or random bytes, or both. */
export function serverBytes(protocol: Protocol): fc.Arbitrary<Buffer> {
  const replies = fc.array(linesOf[protocol], { maxLength: 24 }).map((ls) => Buffer.from(ls.join(''), 'latin1'));
  return fc
    .oneof(
      { weight: 4, arbitrary: replies },
      { weight: 2, arbitrary: fc.tuple(greetings[protocol], replies).map(([g, r]) => Buffer.concat([Buffer.from(g, 'latin1'), r])) },
      { weight: 2, arbitrary: fc.uint8Array({ maxLength: 600 }).map((a) => Buffer.from(a)) },
      { weight: 2, arbitrary: fc.tuple(replies, fc.uint8Array({ maxLength: 80 }), fc.nat()).map(([r, noise, at]) => spliceIn(r, Buffer.from(noise), at)) },
    )
    .map((b) => b.subarray(0, MAX_SCRIPT_BYTES));
}

function spliceIn(base: Buffer, insert: Buffer, at: number): Buffer {
  const i = base.length ? at % (base.length + 1) : 0;
  return Buffer.concat([base.subarray(0, i), insert, base.subarray(i)]);
}

/** Cuts bytes into chunks: at random offsets, or one byte each (every split point at once). */
export const cuts = fc.oneof({ weight: 4, arbitrary: fc.array(fc.nat(), { maxLength: 12 }) }, { weight: 1, arbitrary: fc.constant('every-byte' as const) });
