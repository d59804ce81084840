// Splits one direction of a relayed mail session into protocol lines and opaque byte runs (IMAP
// literals, SMTP DATA and BDAT, POP3 message bodies), streaming: message data is passed on as it
// arrives, never collected, so the cost is linear in bytes and memory is bounded by the line cap.

/** What the framer does with the bytes that follow, decided by the protocol handler after each line. */
export type FrameMode =
  | { kind: 'line' }
  /** Exactly n opaque bytes (an IMAP literal, an SMTP BDAT chunk), then lines again. */
  | { kind: 'bytes'; left: number }
  /** Opaque bytes up to and including CRLF "." CRLF (SMTP DATA, a POP3 multi-line body). */
  | { kind: 'dot' };

export interface FrameSink {
  /** A whole line, CRLF included, at most the line cap long. */
  line(line: Buffer): void;
  /** Opaque bytes to pass on unchanged (message data, the parts of an over-long line). */
  raw(bytes: Buffer): void;
  /** The end of a line longer than the cap, which was passed on raw: its last bytes and its length. */
  longLineEnd(tail: Buffer, length: number): void;
  /** The end of a dot-terminated run (the "." line has been passed on raw). */
  dotEnd?(): void;
  /** The end of a counted run. */
  bytesEnd?(): void;
}

const DOT_END = Buffer.from('\r\n.\r\n');

export class Framer {
  mode: FrameMode = { kind: 'line' };
  /** Bytes of an unfinished line. */
  private partial: Buffer[] = [];
  private partialLength = 0;
  /** In an over-long line: its length so far and its last bytes (for a literal announced at its end). */
  private longLine: { length: number; tail: Buffer } | undefined;
  /** In dot mode: the last bytes seen, so that the end marker is found across chunk boundaries. */
  private dotTail: Buffer = Buffer.from('\r\n');
  /** While held, arriving bytes wait here (the handler answers locally or switches TLS first). */
  private held: Buffer[] | undefined;

  constructor(
    private readonly sink: FrameSink,
    private readonly maxLineBytes: number,
  ) {}

  /** Enters dot mode right after a line: "." CRLF as the very next line ends it. */
  startDot(): void {
    this.mode = { kind: 'dot' };
    this.dotTail = Buffer.from('\r\n');
  }

  /** Stops processing: bytes that arrive (or are left in the current chunk) wait until release(). */
  hold(): void {
    this.held ??= [];
  }

  get isHeld(): boolean {
    return this.held !== undefined;
  }

  /** Bytes waiting behind a hold, dropped (after STARTTLS: bytes before the handshake are an injection). */
  dropHeld(): number {
    const n = (this.held ?? []).reduce((a, b) => a + b.length, 0);
    if (this.held) this.held = [];
    return n;
  }

  release(): void {
    const waiting = this.held;
    this.held = undefined;
    for (const [i, chunk] of (waiting ?? []).entries()) {
      this.push(chunk);
      if (this.held) {
        (this.held as Buffer[]).push(...waiting!.slice(i + 1));
        return;
      }
    }
  }

  /** Bytes not yet forwarded (an unfinished line), for the limits. */
  get buffered(): number {
    return this.partialLength + (this.held ?? []).reduce((a, b) => a + b.length, 0);
  }

  push(chunk: Buffer): void {
    let rest = chunk;
    while (rest.length > 0) {
      if (this.held) {
        this.held.push(rest);
        return;
      }
      const mode = this.mode;
      if (mode.kind === 'bytes') {
        const n = Math.min(mode.left, rest.length);
        this.sink.raw(rest.subarray(0, n));
        mode.left -= n;
        rest = rest.subarray(n);
        if (mode.left === 0) {
          this.mode = { kind: 'line' };
          this.sink.bytesEnd?.();
        }
        continue;
      }
      if (mode.kind === 'dot') {
        rest = this.pushDot(rest);
        continue;
      }
      rest = this.pushLine(rest);
    }
  }

  private pushDot(chunk: Buffer): Buffer {
    // The marker may straddle the previous chunk: search the last 4 bytes seen plus this chunk's first ones.
    const tail = this.dotTail;
    const joint = Buffer.concat([tail, chunk.subarray(0, DOT_END.length - 1)]);
    let at = joint.indexOf(DOT_END);
    let end: number;
    if (at >= 0) end = at + DOT_END.length - tail.length;
    else {
      at = chunk.indexOf(DOT_END);
      end = at >= 0 ? at + DOT_END.length : -1;
    }
    if (end < 0) {
      this.sink.raw(chunk);
      this.dotTail = Buffer.from(Buffer.concat([tail, chunk]).subarray(-(DOT_END.length - 1)));
      return Buffer.alloc(0);
    }
    this.sink.raw(chunk.subarray(0, end));
    this.mode = { kind: 'line' };
    this.sink.dotEnd?.();
    return chunk.subarray(end);
  }

  private pushLine(chunk: Buffer): Buffer {
    const nl = chunk.indexOf(0x0a);
    if (this.longLine) {
      const part = nl < 0 ? chunk : chunk.subarray(0, nl + 1);
      this.sink.raw(part);
      this.longLine.length += part.length;
      this.longLine.tail = Buffer.from(Buffer.concat([this.longLine.tail, part]).subarray(-64));
      if (nl < 0) return Buffer.alloc(0);
      const { tail, length } = this.longLine;
      this.longLine = undefined;
      this.sink.longLineEnd(tail, length);
      return chunk.subarray(nl + 1);
    }
    const fits = nl < 0 ? this.partialLength + chunk.length <= this.maxLineBytes : this.partialLength + nl + 1 <= this.maxLineBytes;
    if (nl < 0 && fits) {
      this.partial.push(chunk);
      this.partialLength += chunk.length;
      return Buffer.alloc(0);
    }
    if (!fits) {
      // Longer than the cap: pass it on as it comes, uninspected, keeping only its end.
      const sofar = Buffer.concat(this.partial);
      this.partial = [];
      this.partialLength = 0;
      this.sink.raw(sofar);
      this.longLine = { length: sofar.length, tail: Buffer.from(sofar.subarray(-64)) };
      return chunk;
    }
    let line: Buffer;
    if (this.partialLength > 0) {
      this.partial.push(chunk.subarray(0, nl + 1));
      line = Buffer.concat(this.partial);
      this.partial = [];
      this.partialLength = 0;
    } else line = chunk.subarray(0, nl + 1);
    this.sink.line(line);
    return chunk.subarray(nl + 1);
  }
}
