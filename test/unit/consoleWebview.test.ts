// The console webview's DOM-free parts: the bounded row store and the viewport arithmetic of the
// virtualised transcript, the placeholder filling, and that the bundle's sources hold no English of their
// own (every user-facing string comes from the host, translated).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { TranscriptLine } from '../../src/console/messages';
import { format } from '../../src/webview/console/format';
import { RowStore, rowText, rowWindow } from '../../src/console/rowStore';
import { validateToWebview } from '../../src/webview/console/validate';

const line = (x: string, d?: string): TranscriptLine => ({ t: '2026-01-01T12:00:00.000Z', k: 'S', x, d });

describe('console webview: row store', () => {
  it('keeps the newest rows up to its capacity, oldest first, and counts the dropped ones', () => {
    const store = new RowStore(3);
    assert.strictEqual(store.push([line('a'), line('b')]), 0);
    assert.strictEqual(store.push([line('c'), line('d'), line('e')]), 2);
    assert.deepStrictEqual(
      [0, 1, 2].map((i) => store.get(i).line.x),
      ['c', 'd', 'e'],
    );
    assert.strictEqual(store.length, 3);
    assert.strictEqual(store.dropped, 2);
    assert.throws(() => store.get(3), RangeError);
  });

  it('gives a line with a decoded note two rows, the note second', () => {
    const store = new RowStore(10);
    store.push([line('A001 AUTHENTICATE XOAUTH2 dXNl…', 'XOAUTH2: user=a@b.c'), line('A001 OK')]);
    assert.deepStrictEqual(
      [0, 1, 2].map((i) => [store.get(i).line.x, store.get(i).decoded]),
      [
        ['A001 AUTHENTICATE XOAUTH2 dXNl…', false],
        ['A001 AUTHENTICATE XOAUTH2 dXNl…', true],
        ['A001 OK', false],
      ],
    );
  });

  it('holds a flood of 250,000 lines in its capacity, the last line last', () => {
    const store = new RowStore(100_000);
    for (let i = 0; i < 250; i++) store.push(Array.from({ length: 1000 }, (_, k) => line(`* ${i * 1000 + k + 1} FETCH`)));
    assert.strictEqual(store.length, 100_000);
    assert.strictEqual(store.dropped, 150_000);
    assert.strictEqual(store.get(0).line.x, '* 150001 FETCH');
    assert.strictEqual(store.get(99_999).line.x, '* 250000 FETCH');
  });

  it('starts afresh on clear', () => {
    const store = new RowStore(2);
    store.push([line('a'), line('b'), line('c')]);
    store.clear();
    assert.strictEqual(store.length, 0);
    assert.strictEqual(store.dropped, 0);
    store.push([line('d')]);
    assert.strictEqual(store.get(0).line.x, 'd');
  });
});

describe('console webview: a row as copied text', () => {
  it('reads as the rendered columns: time, direction, text; a decoded note indented under its line', () => {
    const l = { t: '2026-01-01T12:34:56.789Z', k: 'C' as const, x: 'A001 NOOP', d: 'XOAUTH2: user=a@b.c' };
    assert.strictEqual(rowText({ line: l, decoded: false }), '12:34:56.789 C:  A001 NOOP');
    assert.strictEqual(rowText({ line: l, decoded: true }), `${' '.repeat(17)}↳ XOAUTH2: user=a@b.c`);
    assert.strictEqual(rowText({ line: { ...l, k: 'info' }, decoded: false }), '12:34:56.789 --  A001 NOOP');
  });
});

describe('console webview: the rows a viewport renders', () => {
  it('renders the rows in view plus the overscan on each side, within the rows there are', () => {
    // 20 px rows, a 200 px viewport scrolled to row 500 of 100,000: rows 500–509 in view.
    assert.deepStrictEqual(rowWindow(10_000, 200, 20, 100_000, 50), { start: 450, end: 560 });
    assert.deepStrictEqual(rowWindow(0, 200, 20, 100_000, 50), { start: 0, end: 60 });
    // At the end: the last row is included, nothing past it.
    assert.deepStrictEqual(rowWindow(100_000 * 20 - 200, 200, 20, 100_000, 50), { start: 99_940, end: 100_000 });
  });

  it('renders a short session whole, and nothing for no rows', () => {
    assert.deepStrictEqual(rowWindow(0, 300, 18, 40, 150), { start: 0, end: 40 });
    assert.deepStrictEqual(rowWindow(0, 300, 18, 0, 150), { start: 0, end: 0 });
  });

  it('stays within the rows when the scroll position is past them (rows were just cleared)', () => {
    assert.deepStrictEqual(rowWindow(1_000_000, 200, 20, 10, 5), { start: 4, end: 10 });
    assert.deepStrictEqual(rowWindow(-50, 200, 20, 10, 5), { start: 0, end: 10 });
  });
});

describe('console webview: messages from the host are checked before use', () => {
  const form = { preset: 'custom', protocol: 'imap', host: 'h', port: 993, security: 'tls', tokenSource: 'pasted', account: '', user: 'u', mechanism: 'XOAUTH2', verifyCertificate: true };
  const verdict = { ok: false, title: 't', cause: 'c', docs: [{ title: 'd', url: 'https://x' }], tokenProblems: [{ severity: 'error', message: 'm' }] };

  it('accepts one well-formed message of every type the host sends', () => {
    const good = [
      { type: 'init', form, accounts: ['a@b.c'], presets: [{ id: 'm365', label: 'Microsoft 365' }] },
      { type: 'fill', host: 'h', port: 1, security: 'none' },
      { type: 'newSession' },
      {
        type: 'transcript',
        dropped: 0,
        count: 3,
        start: 1,
        rows: [
          { line: line('x', 'd'), decoded: false },
          { line: line('x', 'd'), decoded: true },
          { line: { t: 't', k: 'C', x: 'y' }, decoded: false },
        ],
      },
      { type: 'transcript', dropped: 150_000, count: 100_000, start: 250_000, rows: [] },
      { type: 'state', connected: true, busy: false, protocol: 'imap' },
      { type: 'verdict', verdict },
      { type: 'quickActions', actions: [{ id: 'imap.list', label: 'LIST' }] },
      { type: 'error', message: 'm' },
    ];
    for (const m of good) assert.deepStrictEqual(validateToWebview(m), m, m.type);
  });

  it('drops unknown types and wrong shapes', () => {
    const bad: unknown[] = [
      null,
      'transcript',
      [{ type: 'newSession' }],
      { type: 'eval' },
      { type: 'transcript', dropped: 0, count: 1, start: 0, rows: 'x' },
      { type: 'transcript', lines: [line('x')] },
      { type: 'transcript', dropped: 0, count: 1, start: 0, rows: [line('x')] },
      { type: 'transcript', dropped: 0, count: 1, start: 0, rows: [{ line: { t: 't', k: 'X', x: 'y' }, decoded: false }] },
      { type: 'transcript', dropped: 0, count: 1, start: 0, rows: [{ line: { t: 't', k: 'S', x: 1 }, decoded: false }] },
      { type: 'transcript', dropped: 0, count: 1, start: 0, rows: [{ line: line('x'), decoded: 'no' }] },
      { type: 'transcript', dropped: -1, count: 1, start: 0, rows: [] },
      { type: 'transcript', dropped: 0, count: 1.5, start: 0, rows: [] },
      { type: 'transcript', dropped: 0, count: 1, start: '0', rows: [] },
      { type: 'init', form: { ...form, port: '993' }, accounts: [], presets: [] },
      { type: 'init', form, accounts: [1], presets: [] },
      { type: 'state', connected: 'yes', busy: false },
      { type: 'verdict', verdict: { ...verdict, docs: [{ title: 'd' }] } },
      { type: 'quickActions', actions: [{ id: 1, label: 'x' }] },
      { type: 'error', message: { text: 'm' } },
    ];
    for (const m of bad) assert.strictEqual(validateToWebview(m), undefined, JSON.stringify(m));
  });
});

describe('console webview: strings', () => {
  it('fills numbered placeholders, numbers in the local format, and leaves unknown ones', () => {
    assert.strictEqual(format('Connected ({0})', 'IMAP'), 'Connected (IMAP)');
    assert.strictEqual(format('{1} before {0}', 'a', 'b'), 'b before a');
    assert.strictEqual(format('{0} lines', 150000), `${(150000).toLocaleString()} lines`);
    assert.strictEqual(format('{0} and {1}', 'x'), 'x and {1}');
  });

  it('the webview sources hold no English text of their own (it comes from the host, translated)', () => {
    const dir = path.resolve(__dirname, '../../../src/webview/console');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ts'));
    assert.ok(files.includes('main.ts') && files.includes('transcript.ts'), `the webview sources are in ${dir}`);
    const found: string[] = [];
    for (const f of files) {
      // Comments say why in English; strings are what the person sees.
      const code = fs
        .readFileSync(path.join(dir, f), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
      for (const m of code.matchAll(/'([^'\n]*)'|"([^"\n]*)"|`([^`]*)`/g)) {
        const text = m[1] ?? m[2] ?? m[3] ?? '';
        // Two words of letters in a row is a sentence fragment; selectors, class names and ids are not.
        if (/[A-Za-z]{2,} +[A-Za-z]{2,}/.test(text.replace(/\$\{[^}]*\}/g, ''))) found.push(`${f}: ${text}`);
      }
    }
    assert.deepStrictEqual(found, []);
  });
});
