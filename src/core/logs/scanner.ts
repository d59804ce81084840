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
// OAUTHBEARER's "AQ==", and the AUTH/AUTHENTICATE commands after which a blob may follow on the next lines.
const BLOB_PREFIX = /dXNlcj|bixh|biws|eSxh|eSws|eyJz|VXNlcm5hbWU6|UGFzc3dvcmQ6|AQ==/g;
const AUTH_KEYWORD = /\bAUTH(?:ENTICATE)?\b/gi;
const AUTH_KEYWORD_LINE = /\bAUTH(?:ENTICATE)?\b/i;
const CHUNK_LINES = 512;

export async function scanLines<F>(src: LineSource, options: ScanOptions<F> = {}): Promise<ScanResult<F>> {
  const sliceMs = options.sliceMs ?? 15;
  const maxResults = options.maxResults ?? 5000;
  const result: ScanResult<F> = { blobs: [], findings: [], linesScanned: 0, cancelled: false, truncated: false };
  const explainAll = options.explainLine !== undefined && options.explainPrefilter === undefined;
  let sliceStart = Date.now();
  let skipUntil = 0; // lines before this belong to a blob already found

  for (let base = 0; base < src.lineCount; base += CHUNK_LINES) {
    if (Date.now() - sliceStart >= sliceMs) {
      options.onSlice?.(Date.now() - sliceStart);
      await new Promise((resolve) => setImmediate(resolve));
      if (options.isCancelled?.()) {
        result.cancelled = true;
        return result;
      }
      sliceStart = Date.now();
    }
    const end = Math.min(src.lineCount, base + CHUNK_LINES);
    const texts: string[] = [];
    const starts: number[] = [];
    let offset = 0;
    for (let i = base; i < end; i++) {
      const t = src.lineAt(i);
      texts.push(t);
      starts.push(offset);
      offset += t.length + 1;
    }
    starts.push(offset);
    const joined = texts.join('\n');
    const blobLines = new Uint8Array(end - base);
    const explainLines = new Uint8Array(end - base);
    markLines(BLOB_PREFIX, joined, starts, blobLines);
    markLines(AUTH_KEYWORD, joined, starts, blobLines);
    if (options.explainPrefilter) markLines(options.explainPrefilter, joined.toLowerCase(), starts, explainLines);

    for (let k = 0; k < end - base; k++) {
      const line = base + k;
      if (blobLines[k] && line >= skipUntil) {
        // An AUTH line without a blob of its own may have its blob on the next two lines.
        const last = AUTH_KEYWORD_LINE.test(texts[k]) ? Math.min(line + 2, src.lineCount - 1) : line;
        for (let l = line; l <= last; l++) {
          const found = blobsStartingOn(src, l);
          if (found.length) {
            result.blobs.push(...found);
            skipUntil = Math.max(skipUntil, ...found.map((b) => b.endLine + 1));
            break;
          }
        }
      }
      if (options.explainLine && (explainAll || explainLines[k])) {
        const f = options.explainLine(texts[k]);
        if (f.length) result.findings.push({ line, findings: f });
      }
      if (result.blobs.length + result.findings.length >= maxResults) {
        result.linesScanned = line + 1;
        result.truncated = line + 1 < src.lineCount;
        options.onSlice?.(Date.now() - sliceStart);
        return result;
      }
    }
    result.linesScanned = end;
  }
  options.onSlice?.(Date.now() - sliceStart);
  return result;
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
