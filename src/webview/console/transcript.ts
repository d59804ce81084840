// The transcript view, virtualised: the rows live in a RowStore (up to MAX_ROWS of them) and only those
// in view, plus an overscan, are in the DOM, all one line high, so a flood of 100,000 lines costs a frame
// what a screenful costs. It follows the end unless the person scrolled up (or is selecting text);
// Ctrl/Cmd+A in the transcript copies every kept row, not just the rendered ones.
import type { ConsoleStrings, TranscriptLine } from '../../console/messages';
import { WEBVIEW_ROWS_KEPT } from '../../console/limits';
import { Row, RowStore, rowWindow } from './rowStore';
import { format } from './format';

/** Rows kept in the view (the host keeps the whole session for Save Transcript). */
export const MAX_ROWS = WEBVIEW_ROWS_KEPT;
/** Rows rendered beyond each edge of the viewport. */
const OVERSCAN = 40;
/** A session up to this many rows is in the DOM as a whole (for selection and find). */
const WHOLE = 300;
/** A line longer than this shows its start and how much is folded away. */
const FOLD_CHARS = 2000;

const DIRECTION: Record<TranscriptLine['k'], string> = { C: 'C:', S: 'S:', tls: 'TLS', error: '!!', info: '--' };

export class TranscriptView {
  private readonly store = new RowStore(MAX_ROWS);
  private readonly sizer: HTMLDivElement;
  private readonly rowsEl: HTMLDivElement;
  private readonly probe: HTMLDivElement;
  private rowHeight = 0;
  /** The absolute indices (dropped + index) of the rows in the DOM: [renderedStart, renderedEnd). */
  private renderedStart = 0;
  private renderedEnd = 0;
  private scheduled = false;
  private following = true;
  private lastHeight = -1;
  /** Set by Ctrl/Cmd+A in the transcript: a copy then takes every kept row. */
  private allSelected = false;

  constructor(
    private readonly scroller: HTMLElement,
    private readonly trimmedNote: HTMLElement,
    private readonly strings: ConsoleStrings,
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
      this.following = atEnd;
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
      if (!this.allSelected || !e.clipboardData) return;
      e.clipboardData.setData('text/plain', this.allText());
      e.preventDefault();
    });
  }

  get rowCount(): number {
    return this.store.length;
  }

  add(lines: readonly TranscriptLine[]): void {
    if (!lines.length) return;
    this.store.push(lines);
    this.schedule();
  }

  clear(): void {
    this.store.clear();
    this.rowsEl.replaceChildren();
    this.renderedStart = this.renderedEnd = 0;
    this.following = true;
    this.allSelected = false;
    this.schedule();
  }

  /** Every kept row as text, as a selection of rendered rows would copy it. */
  private allText(): string {
    const out: string[] = [];
    for (let i = 0; i < this.store.length; i++) out.push(this.rowText(this.store.get(i)));
    return out.join('\n');
  }

  private rowText(row: Row): string {
    const pad = (s: string, n: number) => s + ' '.repeat(Math.max(1, n - s.length));
    if (row.decoded) return `${' '.repeat(17)}↳ ${row.line.d ?? ''}`;
    return `${pad(row.line.t.slice(11, 23), 13)}${pad(DIRECTION[row.line.k], 4)}${row.line.x}`;
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
    const total = this.store.length;
    const height = total * h;
    if (height !== this.lastHeight) {
      this.sizer.style.height = `${height}px`;
      this.lastHeight = height;
    }
    const dropped = this.store.dropped;
    this.trimmedNote.classList.toggle('hidden', dropped === 0);
    if (dropped) this.trimmedNote.textContent = format(this.strings.trimmed, dropped);
    const viewport = this.scroller.clientHeight;
    if (this.following && !this.selectionInside()) this.scroller.scrollTop = this.scroller.scrollHeight;
    const { start, end } = total <= WHOLE ? { start: 0, end: total } : rowWindow(this.scroller.scrollTop, viewport, h, total, OVERSCAN);
    const absStart = dropped + start;
    const absEnd = dropped + end;
    if (absStart >= this.renderedEnd || absEnd <= this.renderedStart) {
      // No overlap with what is rendered: build the window afresh.
      const frag = this.scroller.ownerDocument.createDocumentFragment();
      for (let i = start; i < end; i++) frag.append(this.rowElement(this.store.get(i), dropped + i));
      this.rowsEl.replaceChildren(frag);
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
      if (absStart < this.renderedStart) {
        const frag = this.scroller.ownerDocument.createDocumentFragment();
        for (let a = absStart; a < this.renderedStart; a++) frag.append(this.rowElement(this.store.get(a - dropped), a));
        this.rowsEl.prepend(frag);
      }
      if (absEnd > this.renderedEnd) {
        const frag = this.scroller.ownerDocument.createDocumentFragment();
        for (let a = this.renderedEnd; a < absEnd; a++) frag.append(this.rowElement(this.store.get(a - dropped), a));
        this.rowsEl.append(frag);
      }
    }
    this.renderedStart = absStart;
    this.renderedEnd = absEnd;
    this.rowsEl.style.transform = `translateY(${start * h}px)`;
  }

  private rowElement(row: Row, abs: number): HTMLDivElement {
    const doc = this.scroller.ownerDocument;
    const div = doc.createElement('div');
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
