import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { blobAt, blobsStartingOn, linesOf } from '../../src/core/sasl/detect';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/logs');
const seedLog = fs.readFileSync(path.join(FIXTURES, 'seed-transcripts.log'), 'utf8');
const src = linesOf(seedLog);
const lineOf = (needle: string, from = 0) => seedLog.split('\n').findIndex((l, i) => i >= from && l.includes(needle));

describe('blob detection in logs', () => {
  it('finds the IMAP blob when hovering anywhere over it', () => {
    const line = lineOf('A01 AUTHENTICATE XOAUTH2 dXNl');
    const text = src.lineAt(line);
    const start = text.indexOf('dXNl');
    for (const ch of [start, start + 50, text.length - 1]) {
      const b = blobAt(src, line, ch);
      assert.ok(b, `blob at ${ch}`);
      assert.strictEqual(b.result.message?.mechanism, 'XOAUTH2');
      assert.strictEqual(b.hint.protocol, 'imap');
      assert.deepStrictEqual(b.spans, [{ line, start, end: text.length }]);
    }
    assert.strictEqual(blobAt(src, line, 3), undefined, 'no hover over "A01"');
  });

  it('decodes the wrapped POP blob whole from each of its three lines', () => {
    const first = lineOf('C: dXNlcj1zb21ldXNlckBleGFtcGxlLmNvbQFhdXRoPUJlYX');
    for (const line of [first, first + 1, first + 2]) {
      const b = blobAt(src, line, 5);
      assert.ok(b, `line ${line}`);
      assert.strictEqual(b.startLine, first);
      assert.strictEqual(b.endLine, first + 2);
      assert.strictEqual((b.result.message as { user?: string }).user, 'someuser@example.com');
      assert.ok(!b.result.problems.some((p) => p.severity === 'error'));
    }
  });

  it("decodes the seed's wrapped blob with broken padding and reports the padding", () => {
    const last = seedLog.split('\n').findIndex((l) => /l0Q2cBAQ=\s*$/.test(l) && !l.includes('=='));
    const first = last - 2;
    const b = blobAt(src, last, 2);
    assert.ok(b);
    assert.strictEqual(b.startLine, first);
    assert.ok(b.result.problems.some((p) => p.code === 'padding-broken'));
  });

  it('joins a wrapped blob whose first line decodes on its own (multiple of 4)', () => {
    const first = lineOf('dXNlcj10ZXN0QGNvbnRvc28ub25taWNyb3NvZnQuY29tAWF1dGg9QmVhcmVy');
    const b = blobAt(src, first, 0);
    assert.ok(b);
    assert.strictEqual(b.endLine, first + 1);
    assert.strictEqual((b.result.message as { token?: string }).token, 'EwBAAl3BAAUFFpUAo7J3Ve0bjLBWZWCclRC3EoAA');
  });

  it('finds server challenges, LOGIN answers and AQ==', () => {
    const log = linesOf([
      'S: + eyJzdGF0dXMiOiI0MDAiLCJzY2hlbWVzIjoiQmVhcmVyIiwic2NvcGUiOiJodHRwczovL21haWwuZ29vZ2xlLmNvbS8ifQ==',
      'C: AQ==',
      'C: AUTH LOGIN',
      'S: 334 VXNlcm5hbWU6',
      'C: Ym9i',
      'S: 334 UGFzc3dvcmQ6',
      'C: aHVudGVyMg==',
      'S: 235 2.7.0 Authentication successful',
    ]);
    assert.strictEqual(blobAt(log, 0, 10)?.result.message?.mechanism, 'ERROR-CHALLENGE');
    assert.strictEqual(blobAt(log, 1, 4)?.result.message?.mechanism, 'CHALLENGE-ACK');
    assert.deepStrictEqual(blobAt(log, 3, 8)?.result.message, { mechanism: 'LOGIN', step: 'username-prompt' });
    assert.deepStrictEqual(blobAt(log, 4, 4)?.result.message, { mechanism: 'LOGIN', step: 'username', user: 'bob' });
    assert.deepStrictEqual(blobAt(log, 6, 4)?.result.message, { mechanism: 'LOGIN', step: 'password', password: 'hunter2' });
    assert.strictEqual(blobAt(log, 7, 20), undefined, 'no hover on the success reply');
  });

  it('stays silent on base64 that is not an auth blob', () => {
    const noise = linesOf([
      'Message-ID: <CAF=Yh9ZkQzVb3x0aXZlQGV4YW1wbGUuY29t@mail.gmail.com>',
      'Content-Transfer-Encoding: base64',
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
      'sha256: 3q2+7wAAAAD/////AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=',
      'request-id 72f988bf-86f1-41af-91ab-2d7cd011db47 took 12ms',
      'SGVsbG8sIHRoaXMgaXMgYSBwbGFpbiB0ZXh0IG1lc3NhZ2UgYm9keS4=',
      'path /usr/local/lib/node_modules/something/else',
      'Authorization: Bearer eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJ4In0.c2ln',
    ]);
    for (let i = 0; i < noise.lineCount; i++) {
      const text = noise.lineAt(i);
      for (let ch = 0; ch < text.length; ch += 3) {
        assert.strictEqual(blobAt(noise, i, ch), undefined, `no hover on line ${i} ("${text.slice(0, 30)}…") at ${ch}`);
      }
      assert.deepStrictEqual(blobsStartingOn(noise, i).blobs, []);
    }
  });
});
