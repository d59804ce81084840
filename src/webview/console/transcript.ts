// The transcript view, virtualised: the host keeps the rows (src/console/transcriptFeed.ts); the view knows
// their extent and holds only those around the viewport, all one line high, asking the host for those it
// lacks. A flood of 100,000 lines thus costs a frame what a screenful costs, in messages as in the DOM. It
// follows the end unless the person scrolled up (or is selecting text); Ctrl/Cmd+A then Copy in the
// transcript copies every kept row (the host puts them on the clipboard), not just the rendered ones.
import type { ConsoleStrings, FromWebview, Row, ToWebview, TranscriptLine } from '../../console/messages';
import { WINDOW_MAX_ROWS } from '../../console/limits';
import { DIRECTION, rowWindow } from '../../console/rowStore';
import { format } from './format';

type TranscriptMessage = Extract<ToWebview, { type: 'transcript' }>;

/** Rows rendered beyond each edge of the viewport. */
const OVERSCAN = 40;
/** A session up to this many rows is in the DOM as a whole (for selection and find). */
const WHOLE = 300;
/** A line longer than this shows its start and how much is folded away. */
const FOLD_CHARS = 2000;
/** Rows kept around the window, so that scrolling back a little needs no round trip to the host. */
const CACHE_ROWS = 3 * WINDOW_MAX_ROWS;

export class TranscriptView {
  /** Rows received, by absolute row number (rows since the session began, dropped ones included). */
  private readonly cache = new Map<number, Row>();
  /** The extent: rows [dropped, dropped + count) are kept by the host. */
  private dropped = 0;
  private count = 0;
  /** A "transcript" message arrived and is not answered yet (the host sends the next one after the answer). */
  private owe = false;
  /** A request for missing rows is out. */
  private asked = false;
  private readonly sizer: HTMLDivElement;
  private readonly rowsEl: HTMLDivElement;
  private readonly probe: HTMLDivElement;
  private rowHeight = 0;
  /** The absolute indices of the rows in the DOM: [renderedStart, renderedEnd). */
  private renderedStart = 0;
  private renderedEnd = 0;
  /** Rows in the DOM were placeholders for rows that have arrived since: build the window afresh. */
  private stale = false;
  private scheduled = false;
  private following = true;
  /** Where the view last put the scroll position to follow the end. */
  private pinnedTop = 0;
  private lastHeight = -1;
  /** Set by Ctrl/Cmd+A in the transcript: a copy then takes every kept row. */
  private allSelected = false;

  constructor(
    private readonly scroller: HTMLElement,
    private readonly trimmedNote: HTMLElement,
    private readonly strings: ConsoleStrings,
    private readonly post: (message: FromWebview) => void,
  ) {
    const doc = scroller.ownerDocument;
    this.sizer = doc.createElement('div');
    this.sizer.className = 'sizer';
    this.rowsEl = doc.createElement('div');
    this.rowsEl.className = 'rows';
    this.sizer.append(this.rowsEl);
    // An invisible row of the same style tells the row height (the editor font size may change).
    this.probe = doc.createElement('div');
    this.probe.className = 'probe';
    this.probe.setAttribute('aria-hidden', 'true');
    this.probe.textContent = 'X';
    scroller.replaceChildren(this.sizer, this.probe);
    scroller.addEventListener('scroll', () => {
      const atEnd = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - Math.max(4, this.rowHeight / 2);
      // Only the person scrolling up stops the following: a scroll event after the view shrank (the verdict
      // appeared) or its rows grew taller finds it off the end too, at the very place it was put.
      if (atEnd) this.following = true;
      else if (scroller.scrollTop < this.pinnedTop - 1) this.following = false;
      this.schedule();
    });
    new ResizeObserver(() => {
      this.rowHeight = 0; // measured again
      this.schedule();
    }).observe(scroller);
    scroller.addEventListener('keydown', (e) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'a') {
        e.preventDefault();
        const sel = doc.getSelection();
        if (!sel) return;
        sel.selectAllChildren(this.rowsEl);
        this.allSelected = true;
      }
    });
    doc.addEventListener('selectionchange', () => {
      const sel = doc.getSelection();
      if (this.allSelected && !(sel && sel.anchorNode === this.rowsEl && sel.focusNode === this.rowsEl)) this.allSelected = false;
    });
    doc.addEventListener('copy', (e) => {
      if (!this.allSelected) return;
      // The rows are the host's: it puts them all on the clipboard, not just the rendered ones.
      e.preventDefault();
      this.post({ type: 'copyTranscript' });
    });
  }

  /** The extent and rows from the host (answered once rendered). */
  receive(msg: TranscriptMessage): void {
    this.dropped = msg.dropped;
    this.count = msg.count;
    for (let i = 0; i < msg.rows.length; i++) {
      const a = msg.start + i;
      const row = msg.rows[i];
      if (!row) continue;
      if (a >= this.renderedStart && a < this.renderedEnd && !this.cache.has(a)) this.stale = true; // it shows a placeholder
      this.cache.set(a, row);
    }
    this.asked = false;
    this.owe = true;
    this.schedule();
  }

  /** The last lines received, up to `max`, when the view has the end (for the saved state), else none. */
  tailLines(max: number): TranscriptLine[] {
    const out: TranscriptLine[] = [];
    for (let a = this.dropped + this.count - 1; a >= this.dropped && out.length < max; a--) {
      const row = this.cache.get(a);
      if (!row) break;
      if (!row.decoded) out.push(row.line);
    }
    return out.reverse();
  }

  clear(): void {
    this.cache.clear();
    this.dropped = this.count = 0;
    this.owe = this.asked = false;
    this.rowsEl.replaceChildren();
    this.renderedStart = this.renderedEnd = 0;
    this.following = true;
    this.pinnedTop = 0;
    this.allSelected = false;
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    requestAnimationFrame(() => {
      this.scheduled = false;
      this.render();
    });
  }

  private selectionInside(): boolean {
    const sel = this.scroller.ownerDocument.getSelection();
    return !!sel && !sel.isCollapsed && !!sel.anchorNode && this.rowsEl.contains(sel.anchorNode) && !this.allSelected;
  }

  private render(): void {
    if (!this.rowHeight) this.rowHeight = this.probe.getBoundingClientRect().height || 18;
    const h = this.rowHeight;
    const total = this.count;
    const height = total * h;
    if (height !== this.lastHeight) {
      this.sizer.style.height = `${height}px`;
      this.lastHeight = height;
    }
    const dropped = this.dropped;
    this.trimmedNote.classList.toggle('hidden', dropped === 0);
    if (dropped) this.trimmedNote.textContent = format(this.strings.trimmed, dropped);
    const follow = this.following && !this.selectionInside();
    if (follow) {
      this.scroller.scrollTop = this.scroller.scrollHeight;
      this.pinnedTop = this.scroller.scrollTop;
    }
    const { start, end } = total <= WHOLE ? { start: 0, end: total } : rowWindow(this.scroller.scrollTop, this.scroller.clientHeight, h, total, OVERSCAN);
    const absStart = dropped + start;
    const absEnd = dropped + end;
    this.renderWindow(absStart, absEnd);
    this.rowsEl.style.transform = `translateY(${start * h}px)`;
    this.ask(absStart, absEnd, follow);
    if (this.cache.size > CACHE_ROWS) {
      for (const a of this.cache.keys()) if (a < absStart - WINDOW_MAX_ROWS || a >= absEnd + WINDOW_MAX_ROWS || a < dropped) this.cache.delete(a);
    }
  }

  /** Puts the rows [absStart, absEnd) in the DOM, keeping those already there. */
  private renderWindow(absStart: number, absEnd: number): void {
    const doc = this.scroller.ownerDocument;
    const build = (from: number, to: number) => {
      const frag = doc.createDocumentFragment();
      for (let a = from; a < to; a++) frag.append(this.rowElement(this.cache.get(a), a));
      return frag;
    };
    if (this.stale || absStart >= this.renderedEnd || absEnd <= this.renderedStart) {
      // No overlap with what is rendered (or rows arrived for its placeholders): build the window afresh.
      this.rowsEl.replaceChildren(build(absStart, absEnd));
      this.stale = false;
    } else {
      // Keep the overlap; drop the rows that left the window, add those that entered it.
      while (this.renderedStart < absStart && this.rowsEl.firstChild) {
        this.rowsEl.firstChild.remove();
        this.renderedStart++;
      }
      while (this.renderedEnd > absEnd && this.rowsEl.lastChild) {
        this.rowsEl.lastChild.remove();
        this.renderedEnd--;
      }
      if (absStart < this.renderedStart) this.rowsEl.prepend(build(absStart, this.renderedStart));
      if (absEnd > this.renderedEnd) this.rowsEl.append(build(this.renderedEnd, absEnd));
    }
    this.renderedStart = absStart;
    this.renderedEnd = absEnd;
  }

  /** Answers the host's last message: the rows of the window not received yet (one request out at a time). */
  private ask(absStart: number, absEnd: number, follow: boolean): void {
    let from = -1;
    let to = -1;
    for (let a = absStart; a < absEnd; a++) {
      if (this.cache.has(a)) continue;
      if (from < 0) from = a;
      to = a + 1;
    }
    if (from >= 0 && !this.asked) {
      this.post({ type: 'transcriptWindow', start: from, end: Math.min(to, from + WINDOW_MAX_ROWS), follow });
      this.asked = true;
      this.owe = false;
    } else if (this.owe) {
      this.post({ type: 'transcriptWindow', start: 0, end: 0, follow });
      this.owe = false;
    }
  }

  /** A row's element; a row not received yet is an empty row of the same height until it arrives. */
  private rowElement(row: Row | undefined, abs: number): HTMLDivElement {
    const doc = this.scroller.ownerDocument;
    const div = doc.createElement('div');
    if (!row) {
      div.className = ['row', 'pending'].join(' ');
      div.dataset.i = String(abs);
      return div;
    }
    div.className = (row.decoded ? ['row', 'decoded', row.line.k] : ['row', row.line.k]).join(' ');
    div.dataset.i = String(abs);
    const time = doc.createElement('span');
    time.className = 'time';
    const dir = doc.createElement('span');
    dir.className = 'dir';
    const text = doc.createElement('span');
    text.className = 'text';
    if (row.decoded) {
      text.textContent = `↳ ${row.line.d ?? ''}`;
    } else {
      time.textContent = row.line.t.slice(11, 23);
      dir.textContent = DIRECTION[row.line.k];
      const x = row.line.x;
      if (x.length > FOLD_CHARS) {
        text.textContent = x.slice(0, FOLD_CHARS);
        const more = doc.createElement('span');
        more.className = 'folded';
        more.textContent = ` ${format(this.strings.folded, x.length - FOLD_CHARS)}`;
        text.append(more);
      } else {
        text.textContent = x;
      }
    }
    // Spaces between the columns, so that a copied selection reads as the saved transcript does.
    div.append(time, ' ', dir, ' ', text);
    return div;
  }
}
