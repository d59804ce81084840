// XOAUTH2 and OAUTHBEARER strings written as text, before base64 (Postfix's verbose "uncoded initial reply",
// a program's debug print, a forum post): decoded as the login they are, in every form the separator takes,
// with their base64; found in a log line for hovers and scans; never taken from text that only looks similar.
import * as assert from 'assert';
import { decodeSasl } from '../../src/core/sasl/decode';
import { blobAt, blobsStartingOn, linesOf } from '../../src/core/sasl/detect';
import { plainSaslIn } from '../../src/core/sasl/plainText';

const JWT = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJhdWQiOiJodHRwczovL291dGxvb2sub2ZmaWNlLmNvbSIsInVwbiI6ImFAYi5jb20ifQ.c2lnbmF0dXJl';
const REAL = `user=a@b.com\x01auth=Bearer ${JWT}\x01\x01`;

describe('XOAUTH2 / OAUTHBEARER written as text (before base64)', () => {
  for (const sep of ['\x01', '\\x01', '\\001', '\\u0001', '#001', '^A', '%01', '␁']) {
    it(`reads the separator written as ${JSON.stringify(sep)}`, () => {
      const d = decodeSasl(`user=a@b.com${sep}auth=Bearer ${JWT}${sep}${sep}`);
      assert.strictEqual(d.message?.mechanism, 'XOAUTH2');
      assert.deepStrictEqual([d.message.user, d.message.mechanism === 'XOAUTH2' ? d.message.token : ''], ['a@b.com', JWT]);
      assert.ok(!d.problems.some((p) => p.severity === 'error'), d.problems.map((p) => p.code).join());
      assert.strictEqual(Buffer.from(d.canonicalBase64 ?? '', 'base64').toString('utf8'), REAL, 'the base64 the server must receive');
      const note = d.problems.find((p) => p.code === 'plain-text');
      assert.ok(note, 'says it is the text before base64');
      if (sep !== '\x01') assert.ok(note.message.includes(`"${sep}"`), note.message);
    });
  }

  it("finds the string in Postfix's verbose log line and explains what is wrong with its token", () => {
    const line = `Nov 06 12:49:58 host postfix/smtp[13368]: xsasl_cyrus_client_first: uncoded initial reply: user=a@b.com\\001auth=Bearer ${JWT}\\001\\001`;
    const d = decodeSasl(line);
    assert.strictEqual(d.message?.mechanism, 'XOAUTH2');
    assert.strictEqual(d.message.user, 'a@b.com');
    const found = plainSaslIn(line);
    assert.ok(found && line.slice(found.start, found.end).startsWith('user=a@b.com\\001auth=Bearer eyJ') && line.slice(found.end - 8, found.end) === '\\001\\001');
  });

  it('reads OAUTHBEARER with its host and port fields', () => {
    const d = decodeSasl(`n,a=a@b.com,\\x01host=imap.example.com\\x01port=993\\x01auth=Bearer ${JWT}\\x01\\x01`);
    assert.strictEqual(d.message?.mechanism, 'OAUTHBEARER');
    assert.strictEqual(d.message.user, 'a@b.com');
    assert.ok(d.canonicalBase64?.startsWith('bixhPWFAYi5jb20sAWhvc3Q9'), d.canonicalBase64);
  });

  it('still reports what is wrong: a missing final separator', () => {
    const d = decodeSasl(`user=a@b.com^Aauth=Bearer ${JWT}`);
    assert.ok(
      d.problems.some((p) => p.code === 'missing-final-separator'),
      d.problems.map((p) => p.code).join(),
    );
  });

  it('leaves text that only looks similar alone, and base64 blobs to the base64 path', () => {
    assert.strictEqual(plainSaslIn('user=alice auth=Bearer xyz'), undefined, 'no separator at all');
    assert.strictEqual(plainSaslIn('the parameter user=alice and then auth=basic'), undefined);
    assert.strictEqual(plainSaslIn('myuser=a@b.com^Aauth=Bearer x^A^A'), undefined, 'user= inside a longer word');
    const b64 = Buffer.from(REAL).toString('base64');
    const d = decodeSasl(`C: A1 AUTHENTICATE XOAUTH2 ${b64}`);
    assert.ok(!d.problems.some((p) => p.code === 'plain-text'));
    assert.strictEqual(d.message?.mechanism, 'XOAUTH2');
  });

  it('hovers and scans the string in a log line, the span covering it', () => {
    const line = `2026-12-03 debug: sending user=a@b.com\\x01auth=Bearer ${JWT}\\x01\\x01 to imap.example.com`;
    const src = linesOf([line]);
    const at = line.indexOf('Bearer');
    const hovered = blobAt(src, 0, at);
    assert.ok(hovered, 'a blob under the cursor');
    assert.strictEqual(hovered.result.message?.mechanism, 'XOAUTH2');
    assert.deepStrictEqual(hovered.spans, [{ line: 0, start: line.indexOf('user='), end: line.indexOf(' to imap') }]);
    assert.strictEqual(Buffer.from(hovered.base64, 'base64').toString('utf8'), REAL);
    const { blobs } = blobsStartingOn(src, 0);
    assert.strictEqual(blobs.length, 1, 'the token inside is not a second blob');
    assert.strictEqual(blobAt(src, 0, line.indexOf('imap.example')), undefined, 'nothing after the string');
  });

  it('costs time linear in the line on hostile input (many user= and separators, no auth=Bearer)', () => {
    const hostile = 'user=' + 'a'.repeat(300) + '^A'.repeat(2) + ' auth= '.repeat(20_000);
    const t0 = process.hrtime.bigint();
    assert.strictEqual(plainSaslIn(hostile), undefined);
    const small = process.hrtime.bigint() - t0;
    // Not a timing assertion on speed: a sanity bound against catastrophic backtracking (seconds, not ms).
    assert.ok(small < 2_000_000_000n, `${small} ns`);
  });
});
