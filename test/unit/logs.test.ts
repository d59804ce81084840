import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { explainLine, explainPrefilter } from '../../src/core/explain';
import { blobContext, protocolNear, timestampOf } from '../../src/core/logs/lineContext';
import { scanLines } from '../../src/core/logs/scanner';
import { blobAt, linesOf } from '../../src/core/sasl/detect';
import { diagnosticMessage, hoverAt } from '../../src/hover/hoverContent';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/logs');
const read = (f: string) => fs.readFileSync(path.join(FIXTURES, f), 'utf8');

describe('log line context', () => {
  it('reads ISO, comma-fraction and syslog timestamps', () => {
    const now = new Date('2026-11-21T12:00:00Z');
    assert.strictEqual(timestampOf('2026-03-01T10:30:00Z C: A1 ...', now)?.toISOString(), '2026-03-01T10:30:00.000Z');
    assert.strictEqual(timestampOf('[2026-03-01T10:30:00.250+02:00] S: +', now)?.toISOString(), '2026-03-01T08:30:00.250Z');
    const local = timestampOf('2026-03-01 10:30:00,123 DEBUG x', now);
    assert.strictEqual(local?.getHours(), 10);
    assert.strictEqual(local?.getMilliseconds(), 123);
    const sys = timestampOf('Nov 21 14:32:59 auth: Info: ...', now);
    assert.deepStrictEqual([sys?.getMonth(), sys?.getDate(), sys?.getFullYear()], [10, 21, 2026]);
    assert.strictEqual(timestampOf('Dec 30 10:00:00 host x', now)?.getFullYear(), 2025, 'a syslog date ahead of now is last year');
    assert.strictEqual(timestampOf('C: A01 AUTHENTICATE XOAUTH2 abc', now), undefined);
  });

  it("takes the protocol from the server's reply after the blob, else from cues above", () => {
    const src = linesOf(read('seed-transcripts.log'));
    const lines = read('seed-transcripts.log').split('\n');
    const pop = lines.findIndex((l) => l.startsWith('C: dXNlcj1zb21ldXNlckBleGFtcGxlLmNvbQFhdXRoPUJlYX'));
    assert.strictEqual(protocolNear(src, pop, pop + 2), 'pop3');
    const smtp = lines.findIndex((l, i) => i > pop + 5 && l.startsWith('C: dXNlcj1zb21ldXNlckBleGFtcGxlLmNvbQFhdXRoPUJlY') && lines[i + 3]?.startsWith('S: 235'));
    assert.strictEqual(protocolNear(src, smtp, smtp + 2), 'smtp');
    const dovecot = linesOf(['Nov 21 14:33:05 pop3-login: Info: Login: user=<a@b.c>', 'x']);
    assert.strictEqual(protocolNear(dovecot, 1), 'pop3');
    const blob = blobAt(src, pop + 1, 3)!;
    assert.deepStrictEqual(blobContext(src, blob), { protocol: 'pop3', usedAt: undefined });
  });
});

describe('whole-file scan', () => {
  it('finds every blob and explained line of the seed transcripts', async () => {
    const src = linesOf(read('seed-transcripts.log'));
    const r = await scanLines(src, { explainLine, explainPrefilter: explainPrefilter() });
    const slow = await scanLines(src, { explainLine });
    assert.deepStrictEqual(slow.findings, r.findings, 'the prefilter loses no finding');
    assert.deepStrictEqual(
      r.blobs.map((b) => [b.startLine + 1, b.endLine + 1, b.result.message?.mechanism]),
      [
        [8, 8, 'XOAUTH2'],
        [14, 14, 'XOAUTH2'],
        [20, 22, 'XOAUTH2'],
        [29, 31, 'XOAUTH2'],
        [37, 39, 'XOAUTH2'],
        [46, 48, 'XOAUTH2'],
        [52, 53, 'XOAUTH2'],
      ],
    );
    const explained = r.findings.map((f) => f.line + 1);
    for (const needle of ['A01 NO AUTHENTICATE failed.', '-ERR Authentication failure', '535 5.7.3']) {
      const line =
        read('seed-transcripts.log')
          .split('\n')
          .findIndex((l) => l.includes(needle)) + 1;
      assert.ok(explained.includes(line), `${needle} on line ${line} is explained (got ${explained.join(',')})`);
    }
  });

  it('yields between slices and stops when cancelled', async () => {
    const lines = Array.from({ length: 200_000 }, (_, i) => `2026-11-21 10:00:00,000 INFO ordinary line ${i} with some words in it`);
    let slices = 0;
    let cancelled = false;
    const r = await scanLines(linesOf(lines), {
      explainLine,
      sliceMs: 1,
      onSlice: () => {
        slices++;
        if (slices === 3) cancelled = true;
      },
      isCancelled: () => cancelled,
    });
    assert.ok(slices >= 3);
    assert.strictEqual(r.cancelled, true);
    assert.ok(r.linesScanned < lines.length);
  });
});

describe('hover content', () => {
  it('gives the blob hover with links that carry a position, never the token', () => {
    const src = linesOf(read('seed-transcripts.log'));
    const h = hoverAt(src, 7, 60, { uri: 'file:///x.log', isRevealed: () => false })!;
    assert.match(h.markdown, /\*\*Mail OAuth · XOAUTH2\*\*/);
    assert.ok(!h.markdown.includes('ya29.vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg'));
    assert.ok(!decodeURIComponent(h.markdown).includes('ya29.vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg'));
    assert.match(decodeURIComponent(h.markdown), /"line":7,"character":28/);
    const revealed = hoverAt(src, 7, 60, { uri: 'file:///x.log', isRevealed: () => true })!;
    assert.ok(revealed.markdown.includes('`ya29.vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg`'));
  });

  it('gives failure lines a short diagnostic message (title and reply), leaving cause and fix to the hover', () => {
    const [f] = explainLine('S: 535 5.7.3 Authentication unsuccessful [SN4PR0601CA0012.namprd06.prod.outlook.com]');
    assert.ok(f);
    const message = diagnosticMessage(f);
    assert.ok(message.startsWith(f.title), message);
    assert.match(message, /535 5\.7\.3 Authentication unsuccessful/);
    assert.strictEqual(message.split('535 5.7.3').length, 2, `the reply said once: ${message}`);
    const other = diagnosticMessage({ ...f, title: 'SMTP login refused' });
    assert.strictEqual(other, 'SMTP login refused: “535 5.7.3 Authentication unsuccessful [SN4PR0601CA0012.namprd06.prod.outlook.com]”');
    assert.ok(!message.includes(f.cause) && !message.includes(f.fix), 'no cause or fix in the message');
    const long = diagnosticMessage({ ...f, match: `535 ${'x'.repeat(5000)}\u0001\u001b[31m` });
    assert.ok(long.length < f.title.length + 130, `bounded: ${long.length}`);
    assert.ok(!/[\u0000-\u001f]/.test(long), 'no control bytes');
  });

  it('escapes Markdown in values taken from the log', () => {
    const blob = Buffer.from('user=a|b*[x](command:evil)@c.d\x01auth=Bearer tok_en\x01\x01').toString('base64');
    const h = hoverAt(linesOf([`C: ${blob}`]), 0, 5, { uri: 'file:///x.log', isRevealed: () => false })!;
    assert.match(h.markdown, /\| User \| a\\\|b\\\*\\\[x\\\]\(command:evil\)@c\.d \|/);
    assert.doesNotMatch(h.markdown, /\[x\]\(command:evil\)/);
  });
});
