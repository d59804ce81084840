// The console transcript's rows on the host, and how the webview gets the few it shows: the host keeps up
// to VIEW_ROWS_KEPT rows, the webview only the window in view. Each "transcript" message (the extent, plus
// the rows asked for, or the last ones while the view follows the end) is answered by one
// "transcriptWindow" once rendered, so one message is in flight and an update costs the webview a
// viewport's worth of rows, whatever the flood. Free of vscode, so plain-Node unit tests drive it.
import { VIEW_ROWS_KEPT, WINDOW_MAX_ROWS } from './limits';
import type { Row, ToWebview, TranscriptLine } from './messages';
import { RowStore, rowText } from './rowStore';

export type TranscriptMessage = Extract<ToWebview, { type: 'transcript' }>;

/** Rows sent unasked while the view follows the end, until it asks for more (a taller viewport). */
const DEFAULT_TAIL = 100;
/** Lines added within this time go out in one update. */
const COALESCE_MS = 16;

export class TranscriptFeed {
  private readonly rows: RowStore;
  /** A message is out that the webview has not answered yet. */
  private awaiting = false;
  /** Rows were added since the last message. */
  private dirty = false;
  private follow = true;
  private tail = DEFAULT_TAIL;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The panel is gone (a session's last lines, its LOGOUT, may still come): nothing more is kept or sent. */
  private disposed = false;
  /** Nothing was added or cleared yet: a revived panel, whose page may give its saved lines back. */
  private fresh = true;

  /** A message no page takes (a hidden panel) leaves the flow waiting until the next page says "ready". */
  constructor(
    private readonly post: (message: TranscriptMessage) => unknown,
    capacity = VIEW_ROWS_KEPT,
  ) {
    this.rows = new RowStore(capacity);
  }

  /** Rows kept for the view. */
  get length(): number {
    return this.rows.length;
  }

  add(line: TranscriptLine): void {
    if (this.disposed) return;
    this.fresh = false;
    this.rows.push([line]);
    this.dirty = true;
    if (!this.awaiting) this.timer ??= setTimeout(() => this.update(), COALESCE_MS);
  }

  /** A new session: its rows alone (the caller posts "newSession" before them). */
  clear(): void {
    this.fresh = false;
    this.cancelTimer();
    this.rows.clear();
    this.dirty = false;
    this.awaiting = false;
    this.follow = true;
  }

  /** A new page: nothing sent to an earlier one will be answered; it gets what there is. */
  reset(): void {
    this.awaiting = false;
    this.follow = true;
    this.tail = DEFAULT_TAIL;
    this.dirty = this.rows.length > 0 || this.rows.dropped > 0;
    this.update();
  }

  /**
   * Sends what is new now, even with a message in flight: before a verdict, or when a command is done, so
   * that the view has a session's rows before its outcome (rare, so the flow stays bounded).
   */
  flush(): void {
    if (this.dirty) this.send();
  }

  /** The webview's answer to a "transcript" message: the rows it lacks, [start, end) in absolute rows. */
  window(start: number, end: number, follow: boolean): void {
    this.awaiting = false;
    this.follow = follow;
    if (end > start) {
      this.tail = Math.max(DEFAULT_TAIL, Math.min(WINDOW_MAX_ROWS, end - start));
      this.send(start, end);
    } else if (this.dirty) {
      this.timer ??= setTimeout(() => this.update(), COALESCE_MS);
    }
  }

  /** Lines a revived page kept (its saved state), shown again if this host has had no rows of its own. */
  restore(lines: readonly TranscriptLine[]): void {
    if (!this.fresh || !lines.length) return;
    this.fresh = false;
    this.rows.push(lines);
    this.dirty = true;
    this.update();
  }

  /** Every kept row as the view shows it, for Copy after Ctrl/Cmd+A in the transcript. */
  allText(): string {
    const out: string[] = [];
    for (let i = 0; i < this.rows.length; i++) out.push(rowText(this.rows.get(i)));
    return out.join('\n');
  }

  dispose(): void {
    this.disposed = true;
    this.cancelTimer();
  }

  private cancelTimer(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private update(): void {
    this.timer = undefined;
    if (!this.awaiting && this.dirty) this.send();
  }

  /** Posts the extent with the rows [start, end) (absolute), or with the last rows while the view follows. */
  private send(start?: number, end?: number): void {
    this.cancelTimer();
    if (this.disposed) return;
    const dropped = this.rows.dropped;
    const count = this.rows.length;
    let from = dropped + count;
    let rows: Row[] = [];
    if (start !== undefined && end !== undefined) {
      from = Math.max(start, dropped);
      rows = this.rows.slice(from - dropped, end - dropped);
    } else if (this.follow) {
      from = dropped + Math.max(0, count - this.tail);
      rows = this.rows.slice(from - dropped, count);
    }
    this.dirty = false;
    this.awaiting = true;
    this.post({ type: 'transcript', dropped, count, start: from, rows });
  }
}
