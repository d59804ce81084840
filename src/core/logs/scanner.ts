// Whole-document scan for auth blobs (and, through a callback, explained failure lines), in slices
// that yield to the event loop so the extension host is never held for long. Cancellable.
// Lines are tested in chunks: cheap regexes run over a chunk's joined text, and only the lines they
// hit get the real work, which is several times faster than testing each line on its own.
import { blobsStartingOn, DetectedBlob, LineSource } from '../sasl/detect';

export interface ScanOptions<F> {
  /** Explains one line (the knowledge base); returns nothing for ordinary lines. */
  explainLine?: (line: string) => F[];
  /** A global regex over lower-cased text that every line with a finding matches (explainLine's prefilter). */
  explainPrefilter?: RegExp;
  /** Longest stretch of work between two yields, in ms. */
  sliceMs?: number;
  isCancelled?: () => boolean;
  /** Called with the duration of each slice, for benchmarks. */
  onSlice?: (ms: number) => void;
  /** Stop after this many results (a runaway log should not flood the Problems panel). */
  maxResults?: number;
}

export interface ScanResult<F> {
  blobs: DetectedBlob[];
  findings: { line: number; findings: F[] }[];
  linesScanned: number;
  cancelled: boolean;
  truncated: boolean;
}

// Base64 prefixes of "user=", "n,a=", "n,,", "y,a=", "y,,", '{"s' (error challenges), LOGIN's prompts,
// OAUTHBEARER's "AQ==", "auth=" of a login string written as text (before base64), and the AUTH/AUTHENTICATE
// commands after which a blob may follow on the next lines.
const BLOB_PREFIX = /dXNlcj|bixh|biws|eSxh|eSws|eyJz|VXNlcm5hbWU6|UGFzc3dvcmQ6|AQ==|[Aa]uth=|AUTH=/g;
const AUTH_KEYWORD = /\bAUTH(?:ENTICATE)?\b/gi;
const AUTH_KEYWORD_LINE = /\bAUTH(?:ENTICATE)?\b/i;
const CHUNK_LINES = 512;
/**
 * Text tested per chunk of lines, and per piece of a longer line. With each blob at most
 * MAX_BLOB_CHARS and each line joined into one wrap at most once, this bounds the work between two
 * looks at the clock by bytes, not by lines (issue 12: a file of long lines held the host for 38 s).
 */
const CHUNK_CHARS = 64 * 1024;
/**
 * Lines longer than this are scanned on their own, in pieces this long: every run in a piece may be
 * decoded (a line of short blobs), so a piece is small.
 */
const PIECE_CHARS = 4 * 1024;

export async function scanLines<F>(src: LineSource, options: ScanOptions<F> = {}): Promise<ScanResult<F>> {
  const sliceMs = options.sliceMs ?? 15;
  const maxResults = options.maxResults ?? 5000;
  const result: ScanResult<F> = { blobs: [], findings: [], linesScanned: 0, cancelled: false, truncated: false };
  const explainAll = options.explainLine !== undefined && options.explainPrefilter === undefined;
  let sliceStart = Date.now();
  let skipUntil = 0; // lines before this belong to a blob already found, or to a wrap already followed

  /** Yields when the slice is used up; false when the scan was cancelled meanwhile. */
  const keepGoing = async (): Promise<boolean> => {
    if (Date.now() - sliceStart < sliceMs) return true;
    options.onSlice?.(Date.now() - sliceStart);
    await new Promise((resolve) => setImmediate(resolve));
    sliceStart = Date.now();
    if (options.isCancelled?.()) result.cancelled = true;
    return !result.cancelled;
  };
  /** Looks for blobs starting on `line` (in [from, to)); an AUTH line's blob may be on the next two lines. */
  const examine = (line: number, hasAuthKeyword: boolean, from = 0, to = Infinity): void => {
    const last = hasAuthKeyword ? Math.min(line + 2, src.lineCount - 1) : line;
    for (let l = line; l <= last; l++) {
      if (l > line && l < skipUntil) continue;
      const found = l === line ? blobsStartingOn(src, l, from, to) : blobsStartingOn(src, l);
      skipUntil = Math.max(skipUntil, found.reach + 1, ...found.blobs.map((b) => b.endLine + 1));
      if (found.blobs.length) {
        result.blobs.push(...found.blobs);
        break;
      }
    }
  };
  const explain = (line: number, text: string): void => {
    const f = options.explainLine!(text);
    if (f.length) result.findings.push({ line, findings: f });
  };
  const full = () => result.blobs.length + result.findings.length >= maxResults;

  for (let base = 0; base < src.lineCount;) {
    if (!(await keepGoing())) return result;
    const first = src.lineAt(base);
    if (first.length > PIECE_CHARS) {
      // A long line, in pieces; failure replies are short, so only its first CHUNK_CHARS are explained.
      let auth = false;
      const startsHere = base >= skipUntil; // checked once: the first piece's own reach covers this line
      for (let from = 0; from < first.length; from += PIECE_CHARS) {
        if (from > 0 && !(await keepGoing())) return result;
        const piece = first.slice(from, from + PIECE_CHARS + 16); // + a prefix cut by the boundary
        const hasAuth = AUTH_KEYWORD_LINE.test(piece);
        auth ||= hasAuth;
        if (startsHere && (hasAuth || matches(BLOB_PREFIX, piece))) examine(base, false, from, from + PIECE_CHARS);
        if (full()) {
          // A line of thousands of blobs stops here too, not at its end (memory, and the collector's pauses).
          finish(result, base, src.lineCount, options, sliceStart);
          result.truncated = true;
          return result;
        }
      }
      if (auth && startsHere && !result.blobs.some((b) => b.startLine === base)) examine(base, true, 0, 0);
      if (options.explainLine) {
        const head = first.slice(0, CHUNK_CHARS);
        if (explainAll || (options.explainPrefilter && matches(options.explainPrefilter, head.toLowerCase()))) explain(base, head);
      }
      base++;
      result.linesScanned = base;
      if (full()) return finish(result, base, src.lineCount, options, sliceStart);
      continue;
    }
    const texts: string[] = [];
    const starts: number[] = [];
    let offset = 0;
    for (let i = base; i < src.lineCount && i - base < CHUNK_LINES; i++) {
      const t = src.lineAt(i);
      if (i > base && offset + t.length > CHUNK_CHARS) break;
      texts.push(t);
      starts.push(offset);
      offset += t.length + 1;
    }
    starts.push(offset);
    const end = base + texts.length;
    const joined = texts.join('\n');
    const blobLines = new Uint8Array(end - base);
    const explainLines = new Uint8Array(end - base);
    markLines(BLOB_PREFIX, joined, starts, blobLines);
    markLines(AUTH_KEYWORD, joined, starts, blobLines);
    if (options.explainPrefilter) markLines(options.explainPrefilter, joined.toLowerCase(), starts, explainLines);

    for (let k = 0; k < end - base; k++) {
      const line = base + k;
      if (k > 0 && (blobLines[k] || explainLines[k]) && !(await keepGoing())) return result;
      if (blobLines[k] && line >= skipUntil) examine(line, AUTH_KEYWORD_LINE.test(texts[k]));
      if (options.explainLine && (explainAll || explainLines[k])) explain(line, texts[k]);
      if (full()) return finish(result, line + 1, src.lineCount, options, sliceStart);
    }
    result.linesScanned = end;
    base = end;
  }
  options.onSlice?.(Date.now() - sliceStart);
  return result;
}

function finish<F>(result: ScanResult<F>, scanned: number, lineCount: number, options: ScanOptions<F>, sliceStart: number): ScanResult<F> {
  result.linesScanned = scanned;
  result.truncated = scanned < lineCount;
  options.onSlice?.(Date.now() - sliceStart);
  return result;
}

function matches(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  const hit = re.test(text);
  re.lastIndex = 0;
  return hit;
}

/** Flags the lines (of a chunk joined with "\n") that a global regex matches, once per line. */
function markLines(re: RegExp, text: string, starts: number[], flags: Uint8Array): void {
  re.lastIndex = 0;
  let line = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    while (starts[line + 1] <= m.index) line++;
    flags[line] = 1;
    re.lastIndex = starts[line + 1]; // the rest of this line cannot add anything
    if (m[0].length === 0 && re.lastIndex <= m.index) re.lastIndex = m.index + 1;
  }
}
