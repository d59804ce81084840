// Issue 12: hovers, the Problems-panel scan and decoding cost work bounded by input bytes, whatever a
// file holds. No clocks: the work is counted as characters read through the LineSource.
import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import { decodeBase64 } from '../../src/core/sasl/base64';
import { decodeSasl } from '../../src/core/sasl/decode';
import { blobAt, LineSource, linesOf, MAX_BLOB_CHARS } from '../../src/core/sasl/detect';
import { scanLines } from '../../src/core/logs/scanner';
import { hoverAt } from '../../src/hover/hoverContent';
import * as path from 'path';
import * as fs from 'fs';

/** Base64 of seeded pseudo-random bytes in lines of `width` characters (about `chars` in all). */
function base64Lines(chars: number, width: number, seed = 1): string[] {
  const bytes = Buffer.alloc(Math.ceil((chars * 3) / 4));
  for (let i = 0; i < bytes.length; i++) bytes[i] = (seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 16;
  const all = bytes.toString('base64').replace(/=/g, '');
  const lines: string[] = [];
  for (let i = 0; i < all.length; i += width) lines.push(all.slice(i, i + width));
  return lines;
}

/** A LineSource that counts the characters handed out: the work a caller can do on them. */
function counting(lines: string[]): LineSource & { read: number } {
  const src = {
    read: 0,
    lineCount: lines.length,
    lineAt(i: number) {
      src.read += lines[i].length;
      return lines[i];
    },
  };
  return src;
}

const b64 = (s: string) => Buffer.from(s, 'latin1').toString('base64');
/** An XOAUTH2 blob whose length is a multiple of 3 bytes, so its base64 has no padding to end a wrap. */
function unpaddedXoauth2(i: number): string {
  const head = `user=u${i}@example.com\x01auth=Bearer `;
  const token = 't'.repeat(42 + ((3 - ((head.length + 44) % 3)) % 3));
  return b64(`${head}${token}\x01\x01`);
}

describe('bounded cost on hostile input (issue 12)', () => {
  it('a hover in base64 text with long lines reads a bounded number of characters', () => {
    for (const width of [76, 1000, 4000]) {
      const lines = base64Lines(4 << 20, width);
      const src = counting(lines);
      const mid = lines.length >> 1;
      assert.strictEqual(blobAt(src, mid, width >> 1), undefined);
      // Before the fix a hover here re-joined up to 200 lines for each of up to 200 lines above (up to 160 MB).
      assert.ok(src.read <= 8 * MAX_BLOB_CHARS, `${width}-character lines: a hover read ${src.read} characters`);
    }
  });

  it('a hover still finds a wrapped blob from its last line', () => {
    const blob = b64(`user=someone@example.com\x01auth=Bearer ${'x'.repeat(3000)}\x01\x01`);
    const wrapped = blob.match(/.{1,76}/g)!;
    const lines = ['C: A01 AUTHENTICATE XOAUTH2', ...wrapped, 'S: A01 OK'];
    const found = blobAt(linesOf(lines), wrapped.length, 3);
    assert.strictEqual(found?.startLine, 1);
    assert.strictEqual(found?.endLine, wrapped.length);
    assert.strictEqual(found?.result.message?.mechanism, 'XOAUTH2');
  });

  it('a wrap does not run into a line that starts a blob of its own', () => {
    // Unpadded blobs on consecutive lines: each is a blob, not the continuation of the one above.
    const lines = Array.from({ length: 50 }, (_, i) => unpaddedXoauth2(i));
    assert.ok(lines.every((l) => !l.endsWith('=')));
    const src = linesOf(lines);
    for (let i = 0; i < lines.length; i++) {
      const found = blobAt(src, i, 5);
      assert.deepStrictEqual([found?.startLine, found?.endLine, found?.base64], [i, i, lines[i]]);
    }
  });

  for (const [name, make] of [
    ['lines starting with eyJz and thousands of base64 characters', () => base64Lines(2.4 * (1 << 20), 4000).map((l) => 'eyJz' + l.slice(4))],
    ['short lines with eyJz in the middle', () => base64Lines(1 << 20, 76).map((l) => l.slice(0, 30) + 'eyJz' + l.slice(34))],
    ['base64 lines with +AUTH+ in them', () => base64Lines(1 << 20, 76).map((l) => l.slice(0, 30) + '+AUTH+' + l.slice(36))],
  ] as [string, () => string[]][]) {
    it(`the scan's work between two yields and in all is bounded by bytes: ${name}`, async () => {
      const lines = make();
      const size = lines.reduce((n, l) => n + l.length + 1, 0);
      const src = counting(lines);
      let last = 0;
      let mostPerSlice = 0;
      // sliceMs 0: the scan yields at every look at the clock, so each slice is the least work it does between two.
      const result = await scanLines(src, { sliceMs: 0, onSlice: () => ((mostPerSlice = Math.max(mostPerSlice, src.read - last)), (last = src.read)) });
      assert.strictEqual(result.linesScanned, lines.length);
      assert.ok(mostPerSlice <= 8 * MAX_BLOB_CHARS, `one slice read ${mostPerSlice} characters`);
      assert.ok(src.read <= 8 * size, `the scan read ${src.read} characters of a ${size}-character file`);
    });
  }

  it('the scan still finds blobs on consecutive lines and after AUTH lines', async () => {
    const lines = [...Array.from({ length: 1000 }, (_, i) => unpaddedXoauth2(i)), 'C: AUTH XOAUTH2', 'S: 334', unpaddedXoauth2(1000)];
    const result = await scanLines(linesOf(lines), { sliceMs: 0 });
    assert.strictEqual(result.blobs.length, 1001);
  });

  it('the scan finds the blobs all along a line longer than its pieces', async () => {
    const line = Array.from({ length: 5000 }, (_, i) => 'AUTHENTICATE XOAUTH2 ' + unpaddedXoauth2(i)).join(' ');
    assert.ok(line.length > 10 * 16 * 1024);
    const result = await scanLines(linesOf([line]), { sliceMs: 0 });
    assert.strictEqual(result.blobs.length, 5000);
  });

  it('a flood of padding is counted in one pass', () => {
    // /=+$/ restarted at every '=' of padding that does not end the string: 50,000 took 3.3 s before the
    // fix, so 200,000 ran far past the test timeout.
    const r = decodeBase64('='.repeat(200_000) + 'dXNl');
    assert.ok(!r.ok);
    assert.match(r.problems[0].message, /'=' \(padding\) in the middle at position 1\b/);
    const sasl = decodeSasl('+ ' + '='.repeat(200_000) + 'AAAA');
    assert.deepStrictEqual(
      sasl.problems.map((p) => p.code),
      ['not-base64'],
    );
    const ok = decodeBase64('dXNl' + '='.repeat(200_000));
    assert.ok(ok.ok && ok.value.problems.some((p) => p.message.includes("200000 '=' where none belong")));
  });

  it('a hover on a line of a million spaces before a blob, or a flood of padding, answers', () => {
    const blob = b64(`user=someone@example.com\x01auth=Bearer ${'x'.repeat(100)}\x01\x01`);
    const src = linesOf([' '.repeat(1 << 20) + blob, 'S: + ' + '='.repeat(1 << 20)]);
    assert.strictEqual(hoverAt(src, 0, (1 << 20) + 5, { uri: 'file:///x.log', isRevealed: () => false })?.blob?.result.message?.mechanism, 'XOAUTH2');
    hoverAt(src, 1, 500_000, { uri: 'file:///x.log', isRevealed: () => false });
  });

  it('a hover on a very long line explains the failure reply around the cursor, at its place', () => {
    const reply = 'S: A01 NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)';
    const text = 'x '.repeat(300_000) + reply + ' y'.repeat(300_000);
    const at = text.indexOf(reply);
    const found = hoverAt(linesOf([text]), 0, at + 10, { uri: 'file:///x.log', isRevealed: () => false });
    assert.ok(found && found.start >= at && found.end <= at + reply.length, `range ${found?.start}-${found?.end}, reply at ${at}`);
  });

  it('a deeply nested error challenge is a one-line error, not a stack overflow', () => {
    const deep = b64('{"status":' + '['.repeat(5000) + ']'.repeat(5000) + '}');
    const r = decodeSasl(deep);
    assert.deepStrictEqual(
      r.problems.filter((p) => p.severity === 'error').map((p) => p.code),
      ['json-too-deep'],
    );
    assert.match(r.problems[0].message, /nested 5001 levels deep/);
    // Strings may hold brackets: they do not count as nesting.
    const flat = decodeSasl(b64(JSON.stringify({ status: '['.repeat(100), schemes: 'bearer' })));
    assert.strictEqual(flat.message?.mechanism, 'ERROR-CHALLENGE');
  });

  it('the CLI decodes a deeply nested error challenge with a one-line error and exit 1', function () {
    const cliPath = path.resolve(__dirname, '../../../dist/cli.js');
    if (!fs.existsSync(cliPath)) execFileSync(process.execPath, ['esbuild.js'], { cwd: path.resolve(__dirname, '../../..') });
    const deep = b64('{"status":' + '['.repeat(5000) + ']'.repeat(5000) + '}');
    const r = spawnSync(process.execPath, [cliPath, 'decode', deep]);
    assert.strictEqual(r.status, 1, r.stderr.toString());
    assert.doesNotMatch(r.stderr.toString() + r.stdout.toString(), /internal error|Maximum call stack/);
    assert.match(r.stdout.toString() + r.stderr.toString(), /nested 5001 levels deep/);
  });
});
