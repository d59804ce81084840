import * as assert from 'assert';
import { analyzeSasl, renderDecodeReport } from '../../src/core/report/decodeReport';
import { decodeSasl } from '../../src/core/sasl/decode';
import { hasErrors } from '../../src/core/sasl/problems';
import { encodeXoauth2 } from '../../src/core/sasl/xoauth2';
import { codes, SEED } from './vectors';

describe('XOAUTH2 encoding', () => {
  it('encodes the seed example byte for byte', () => {
    const r = encodeXoauth2(SEED.user, SEED.token);
    assert.ok(r.ok);
    assert.strictEqual(r.value, SEED.encoded);
  });

  it('refuses an empty user, an empty token and a token that already says Bearer', () => {
    assert.deepStrictEqual(codes(encodeXoauth2('', 'abc').problems), ['empty-user']);
    assert.deepStrictEqual(codes(encodeXoauth2('a@b.c', '').problems), ['empty-token']);
    const r = encodeXoauth2('a@b.c', 'Bearer eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0');
    assert.strictEqual(r.ok, false);
    assert.deepStrictEqual(codes(r.problems), ['double-bearer']);
  });

  it('round-trips through the decoder', () => {
    const r = encodeXoauth2('shared@contoso.com', 'tok.en-123_x');
    assert.ok(r.ok);
    const d = decodeSasl(r.value);
    assert.deepStrictEqual(d.message, { mechanism: 'XOAUTH2', user: 'shared@contoso.com', token: 'tok.en-123_x' });
    assert.deepStrictEqual(d.problems, []);
  });
});

describe('XOAUTH2 decoding of what logs contain', () => {
  it('decodes the seed string wrapped over two lines', () => {
    const d = decodeSasl(SEED.wrapped);
    assert.strictEqual(d.message?.mechanism, 'XOAUTH2');
    assert.deepStrictEqual(d.message, { mechanism: 'XOAUTH2', user: SEED.user, token: SEED.token });
    assert.deepStrictEqual(codes(d.problems), ['wrapped']);
    assert.strictEqual(d.canonicalBase64, SEED.encoded);
  });

  it('decodes the IMAP transcript line with tag, C: marker and command', () => {
    const d = decodeSasl(`C: A01 AUTHENTICATE XOAUTH2 ${SEED.google}`);
    assert.deepStrictEqual(d.message, { mechanism: 'XOAUTH2', user: 'someuser@example.com', token: 'ya29.vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg' });
    assert.strictEqual(d.hint.mechanism, 'XOAUTH2');
    assert.strictEqual(d.hint.sender, 'client');
    assert.ok(!hasErrors(d.problems));
  });

  it("decodes the seed's POP exchange, blob wrapped over three lines after AUTH XOAUTH2 and +", () => {
    const d = decodeSasl(SEED.popExchange);
    assert.strictEqual(d.message?.mechanism, 'XOAUTH2');
    assert.strictEqual((d.message as { user?: string }).user, 'someuser@example.com');
    assert.ok(!hasErrors(d.problems), JSON.stringify(d.problems));
    assert.ok(codes(d.problems).includes('ignored-lines'), 'the +OK reply after the blob is reported as ignored');
  });

  it("repairs the seed's broken padding and says so", () => {
    const d = decodeSasl(SEED.popBrokenPadding);
    assert.strictEqual((d.message as { token?: string }).token, 'ya29.vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg');
    assert.ok(codes(d.problems).includes('padding-broken'));
    assert.ok(!hasErrors(d.problems));
  });

  it('accepts missing padding, surrounding whitespace and the URL-safe alphabet', () => {
    const unpadded = SEED.encoded.replace(/=+$/, '');
    const d1 = decodeSasl(`   ${unpadded}\n\n`);
    assert.strictEqual((d1.message as { user?: string }).user, SEED.user);
    assert.ok(codes(d1.problems).includes('padding-missing'));

    const enc = (encodeXoauth2('u@example.com', 'a?b>c~~~') as { value: string }).value; // produces '/' and '+' in base64
    assert.match(enc, /[+/]/);
    const urlSafe = enc.replace(/\+/g, '-').replace(/\//g, '_');
    const d2 = decodeSasl(urlSafe);
    assert.strictEqual((d2.message as { token?: string }).token, 'a?b>c~~~');
    assert.ok(codes(d2.problems).includes('url-safe'));
  });

  it('takes SMTP and POP prefixes, continuations and curl/imaplib log shapes', () => {
    for (const line of [
      `AUTH XOAUTH2 ${SEED.encoded}`,
      `auth xoauth2 ${SEED.encoded}`,
      `AUTHENTICATE XOAUTH2 ${SEED.encoded}`,
      `> A002 AUTHENTICATE XOAUTH2 ${SEED.encoded}`,
      `2024-05-01T10:00:00Z C: ${SEED.encoded}`,
      `b'A001 AUTHENTICATE XOAUTH2 ${SEED.encoded}\\r\\n'`,
      `C: AUTH XOAUTH2\nS: 334\nC: ${SEED.encoded.slice(0, 40)}\n${SEED.encoded.slice(40)}`,
    ]) {
      const d = decodeSasl(line);
      assert.strictEqual((d.message as { user?: string } | undefined)?.user, SEED.user, line);
      assert.ok(!hasErrors(d.problems), `${line}: ${JSON.stringify(d.problems)}`);
    }
  });
});

describe('XOAUTH2 malformed strings are reported precisely', () => {
  const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
  /** Malformed XOAUTH2 text (base64-encoded before decoding): the problem codes it gives, and what the first problem says. */
  const MALFORMED: { name: string; text: string; codes?: string[]; says?: RegExp }[] = [
    { name: 'no ^A separators at all', text: 'user=a@b.c auth=Bearer tok', codes: ['no-separators'] },
    { name: 'a literal "^A" instead of the byte 0x01', text: 'user=a@b.c^Aauth=Bearer tok^A^A', codes: ['no-separators'], says: /two characters "\^A"/ },
    { name: 'an escaped \\x01 written as text', text: 'user=a@b.c\\x01auth=Bearer tok\\x01\\x01', says: /escaped separator/ },
    { name: 'not a Bearer scheme', text: 'user=a@b.c\x01auth=Basic dXNlcjpwYXNz\x01\x01', codes: ['not-bearer'], says: /"Basic", not "Bearer"/ },
    { name: 'a token without any scheme', text: 'user=a@b.c\x01auth=eyJ0eXAiOiJKV1QiLCJub25jZSI6\x01\x01', codes: ['not-bearer'] },
    { name: 'an empty user', text: 'user=\x01auth=Bearer tok\x01\x01', codes: ['empty-user'] },
    { name: 'trailing bytes after ^A^A', text: 'user=a@b.c\x01auth=Bearer tok\x01\x01junk', codes: ['trailing-bytes'], says: /^4 byte/ },
    { name: 'a missing final ^A', text: 'user=a@b.c\x01auth=Bearer tok\x01', codes: ['missing-final-separator'] },
  ];
  for (const m of MALFORMED) {
    it(m.name, () => {
      const d = decodeSasl(b64(m.text));
      if (m.codes) assert.deepStrictEqual(codes(d.problems), m.codes);
      if (m.says) assert.match(d.problems[0].message, m.says);
    });
  }

  it('not base64 at all, naming the offending character', () => {
    const d = decodeSasl('this is not base64!');
    assert.deepStrictEqual(codes(d.problems), ['not-base64']);
    assert.match(d.problems[0].message, /'!'/);
    assert.strictEqual(d.message, undefined);
  });

  it('a truncated string: a cut XOAUTH2 with its user, not a base64 error', () => {
    const d = decodeSasl(SEED.encoded.slice(0, 41));
    assert.deepStrictEqual(codes(d.problems), ['truncated-login']);
    assert.strictEqual(d.message?.mechanism, 'XOAUTH2');
    assert.strictEqual(decodeSasl('QUJDREVGR0hJ').message, undefined, 'a cut string of another kind stays "not valid"');
    assert.deepStrictEqual(codes(decodeSasl('QUJDREVGR0hJSktM' + 'Q').problems), ['truncated']);
  });

  it('base64 of binary data (a hash) is not taken for SASL', () => {
    const d = decodeSasl('3q2+7wAAAAD/////AQIDBAUGBwg=');
    assert.deepStrictEqual(codes(d.problems), ['not-text']);
    assert.strictEqual(d.message, undefined);
  });

  it('base64 of ordinary text is not guessed at', () => {
    const d = decodeSasl(b64('Hello, this is a message body.'));
    assert.deepStrictEqual(codes(d.problems), ['unknown-shape']);
    assert.doesNotMatch(d.problems[0].message, /Hello/, 'decoded content is not echoed (it could be a password)');
  });
});

describe('decode report text', () => {
  const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
  const render = (input: string, hint = {}, reveal = false) => renderDecodeReport(analyzeSasl(input, { hint }), { reveal, revealHint: 'reveal' });

  it('shows a real 0x01 byte as ␁ and a typed "^A" as "^A", with a note', () => {
    const real = render(b64('user=a@b.c\x01auth=Bearer tok\x01\x01'), {}, true);
    assert.match(real, /Decoded: +user=a@b\.c␁auth=Bearer tok␁␁/);
    const typed = render(b64('user=a@b.c^Aauth=Bearer tok^A^A'), {}, true);
    assert.match(typed, /Decoded: +user=a@b\.c\^Aauth=Bearer tok\^A\^A/);
    assert.match(typed, /a "\^A" is the two characters typed/);
    // The note continues the Decoded row: indented, without a label's colon.
    assert.match(real, /\n {16}control bytes show as ␁/);
  });

  it('names the command that carried the blob: AUTHENTICATE for IMAP, AUTH otherwise', () => {
    const blob = b64('user=a@b.c\x01auth=Bearer tok\x01\x01');
    assert.match(render(blob, { mechanism: 'XOAUTH2', sender: 'client', protocol: 'imap' }), /Sent by: +client \(AUTHENTICATE XOAUTH2\)/);
    assert.match(render(blob, { mechanism: 'XOAUTH2', sender: 'client', protocol: 'smtp' }), /Sent by: +client \(AUTH XOAUTH2\)/);
  });
});
