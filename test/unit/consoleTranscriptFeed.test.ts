// The console's transcript feed (src/console/transcriptFeed.ts), the host side of the virtualised view:
// whatever the flood, a message carries the extent and a viewport's worth of rows, one message is in flight
// until the webview answers, and the webview gets exactly the rows it asks for, within those kept.
import * as assert from 'assert';
import type { TranscriptLine } from '../../src/console/messages';
import { rowText } from '../../src/console/rowStore';
import { TranscriptFeed, TranscriptMessage } from '../../src/console/transcriptFeed';

const line = (x: string, d?: string): TranscriptLine => ({ t: '2026-01-01T12:00:00.000Z', k: 'S', x, d });

/** A feed whose messages are recorded; `next()` waits for the next one (the feed coalesces on a timer). */
function recordedFeed(capacity?: number) {
  const sent: TranscriptMessage[] = [];
  let waiting: ((m: TranscriptMessage) => void) | undefined;
  const feed = new TranscriptFeed((m) => {
    sent.push(m);
    waiting?.(m);
    waiting = undefined;
    return Promise.resolve(true);
  }, capacity);
  const next = () =>
    new Promise<TranscriptMessage>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no message from the feed within 10 s')), 10_000);
      waiting = (m) => {
        clearTimeout(timer);
        resolve(m);
      };
    });
  return { feed, sent, next };
}

const xs = (m: TranscriptMessage) => m.rows.map((r) => (r.decoded ? `↳${r.line.d}` : r.line.x));

describe('console transcript feed (host side of the virtualised view)', () => {
  it('sends a flood of 100,000 lines as one message: the extent and the last rows, not the flood', async () => {
    const { feed, sent, next } = recordedFeed();
    const got = next();
    for (let i = 1; i <= 100_000; i++) feed.add(line(`* ${i} FETCH`));
    const m = await got;
    assert.strictEqual(sent.length, 1);
    assert.strictEqual(m.count, 100_000);
    assert.strictEqual(m.dropped, 0);
    assert.strictEqual(m.rows.length, 100);
    assert.strictEqual(m.start, 99_900);
    assert.deepStrictEqual(xs(m).slice(-2), ['* 99999 FETCH', '* 100000 FETCH']);
    feed.dispose();
  });

  it('keeps one message in flight: more lines wait for the answer, then go out together', async () => {
    const { feed, sent, next } = recordedFeed();
    let got = next();
    feed.add(line('a'));
    await got;
    for (let i = 0; i < 500; i++) feed.add(line(`b${i}`));
    feed.flush(); // what a verdict does: sends what is new even with a message in flight
    assert.strictEqual(sent.length, 2);
    feed.add(line('c'));
    await new Promise((r) => setTimeout(r, 100));
    assert.strictEqual(sent.length, 2, 'nothing more before the webview answers');
    got = next();
    feed.window(0, 0, true); // rendered, has all it needs, follows the end
    const m = await got;
    assert.strictEqual(m.count, 502);
    assert.deepStrictEqual(xs(m).slice(-1), ['c']);
    feed.dispose();
  });

  it('answers a window request with exactly those rows, clamped to the rows it keeps', () => {
    const { feed, sent } = recordedFeed(1000);
    for (let i = 0; i < 2500; i++) feed.add(line(`${i}`));
    feed.window(1490, 1510, false); // 1,500 rows were dropped: rows 1500–1509 remain of the request
    const m = sent[sent.length - 1]!;
    assert.strictEqual(m.dropped, 1500);
    assert.strictEqual(m.count, 1000);
    assert.strictEqual(m.start, 1500);
    assert.deepStrictEqual(xs(m), ['1500', '1501', '1502', '1503', '1504', '1505', '1506', '1507', '1508', '1509']);
    feed.window(2400, 2600, false);
    assert.deepStrictEqual(xs(sent[sent.length - 1]!).slice(0, 2), ['2400', '2401']);
    assert.strictEqual(sent[sent.length - 1]!.rows.length, 100);
    feed.dispose();
  });

  it('while the view is scrolled up, sends the extent without rows; a taller view gets a longer tail', () => {
    const { feed, sent } = recordedFeed();
    for (let i = 0; i < 1000; i++) feed.add(line(`${i}`));
    feed.window(10, 20, false);
    feed.add(line('new'));
    feed.flush();
    const m = sent[sent.length - 1]!;
    assert.strictEqual(m.count, 1001);
    assert.deepStrictEqual(m.rows, []);
    feed.window(800, 1001, true); // following, and it shows 201 rows
    feed.add(line('newer'));
    feed.flush();
    assert.strictEqual(sent[sent.length - 1]!.rows.length, 201);
    feed.dispose();
  });

  it('gives a line with a decoded note two rows, and copies every kept row as the view shows it', () => {
    const { feed, sent } = recordedFeed();
    feed.add({ t: '2026-01-01T12:00:00.000Z', k: 'C', x: 'A001 AUTHENTICATE XOAUTH2 dXNl…', d: 'XOAUTH2: user=a@b.c' });
    feed.add(line('A001 OK'));
    feed.flush();
    const m = sent[0]!;
    assert.strictEqual(m.count, 3);
    assert.deepStrictEqual(xs(m), ['A001 AUTHENTICATE XOAUTH2 dXNl…', '↳XOAUTH2: user=a@b.c', 'A001 OK']);
    assert.strictEqual(feed.allText(), m.rows.map(rowText).join('\n'));
    feed.dispose();
  });

  it('restores a revived page’s saved lines only before any rows of its own; a new session starts empty', () => {
    const { feed, sent } = recordedFeed();
    feed.restore([line('saved 1'), line('saved 2')]);
    assert.deepStrictEqual(xs(sent[0]!), ['saved 1', 'saved 2']);
    feed.restore([line('other')]);
    assert.strictEqual(feed.length, 2, 'a second page’s lines do not add to the rows');
    feed.clear();
    feed.restore([line('an earlier session’s lines, after a new session started')]);
    assert.strictEqual(feed.length, 0);
    assert.strictEqual(feed.length, 0);
    feed.add(line('new session'));
    feed.flush();
    const m = sent[sent.length - 1]!;
    assert.strictEqual(m.count, 1);
    assert.deepStrictEqual(xs(m), ['new session']);
    feed.dispose();
  });

  it('gives a new page (the panel shown again) the rows there are, even with an answer outstanding', () => {
    const { feed, sent } = recordedFeed();
    for (let i = 0; i < 10; i++) feed.add(line(`${i}`));
    feed.flush();
    const before = sent.length;
    feed.reset();
    assert.strictEqual(sent.length, before + 1);
    assert.strictEqual(sent[sent.length - 1]!.rows.length, 10);
    feed.dispose();
  });

  it('sends nothing once disposed (the panel closed while its session logs out)', async () => {
    const { feed, sent } = recordedFeed();
    feed.add(line('A005 LOGOUT'));
    feed.dispose();
    feed.add(line('* BYE'));
    feed.flush();
    feed.window(0, 10, true);
    await new Promise((r) => setTimeout(r, 50));
    assert.deepStrictEqual(sent, []);
  });
});
