// The console transcript's rows as data, apart from the DOM: a bounded ring buffer (a flood costs memory in
// proportion to the cap, never to the session), the arithmetic of which rows a viewport shows, and a row as
// copied text. The host keeps the rows (transcriptFeed.ts), the webview renders a window of them; free of
// DOM and vscode types so that both use it and plain-Node unit tests check it (test/unit/consoleWebview.test.ts).
import type { Row, TranscriptLine } from './messages';

export type { Row };

export class RowStore {
  private readonly rows: (Row | undefined)[];
  private start = 0;
  private count = 0;
  /** Rows dropped from the front since the last clear (the oldest go first). */
  dropped = 0;

  constructor(readonly capacity: number) {
    this.rows = new Array<Row | undefined>(capacity);
  }

  get length(): number {
    return this.count;
  }

  /** Appends the lines' rows (two for a line with a decoded note); returns how many rows were dropped. */
  push(lines: readonly TranscriptLine[]): number {
    let dropped = 0;
    for (const line of lines) {
      dropped += this.add({ line, decoded: false });
      if (line.d !== undefined) dropped += this.add({ line, decoded: true });
    }
    return dropped;
  }

  private add(row: Row): number {
    if (this.count < this.capacity) {
      this.rows[(this.start + this.count++) % this.capacity] = row;
      return 0;
    }
    this.rows[this.start] = row;
    this.start = (this.start + 1) % this.capacity;
    this.dropped++;
    return 1;
  }

  /** The row at index i, 0 being the oldest kept. */
  get(i: number): Row {
    if (i < 0 || i >= this.count) throw new RangeError(`${i}/${this.count}`);
    return this.rows[(this.start + i) % this.capacity] as Row;
  }

  /** Rows [start, end) (0 being the oldest kept), clamped to those there are. */
  slice(start: number, end: number): Row[] {
    const out: Row[] = [];
    for (let i = Math.max(0, start), e = Math.min(end, this.count); i < e; i++) out.push(this.get(i));
    return out;
  }

  clear(): void {
    this.rows.fill(undefined);
    this.start = 0;
    this.count = 0;
    this.dropped = 0;
  }
}

/**
 * The rows to render for a viewport over rows of one fixed height: those in view plus `overscan` on each
 * side (so that a short session is wholly in the DOM, for selection and for find). `end` is exclusive.
 */
export function rowWindow(scrollTop: number, viewportHeight: number, rowHeight: number, total: number, overscan: number): { start: number; end: number } {
  if (total <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const last = Math.ceil((Math.max(0, scrollTop) + Math.max(0, viewportHeight)) / rowHeight);
  const start = Math.max(0, Math.min(first, total - 1) - overscan);
  const end = Math.min(total, Math.max(last, start + 1) + overscan);
  return { start, end };
}

/** The direction column: what each kind of line shows before its text. */
export const DIRECTION: Record<TranscriptLine['k'], string> = { C: 'C:', S: 'S:', tls: 'TLS', error: '!!', info: '--' };

/** A row as text, as a selection of rendered rows copies it (time, direction, text). */
export function rowText(row: Row): string {
  const pad = (s: string, n: number) => s + ' '.repeat(Math.max(1, n - s.length));
  if (row.decoded) return `${' '.repeat(17)}↳ ${row.line.d ?? ''}`;
  return `${pad(row.line.t.slice(11, 23), 13)}${pad(DIRECTION[row.line.k], 4)}${row.line.x}`;
}
