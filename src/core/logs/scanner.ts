// Whole-document scan for auth blobs (and, through a callback, explained failure lines), in slices
// that yield to the event loop so the extension host is never held for long. Cancellable.
import { blobsStartingOn, DetectedBlob, LineSource } from '../sasl/detect';

export interface ScanOptions<F> {
  /** Explains one line (the knowledge base); returns nothing for ordinary lines. */
  explainLine?: (line: string) => F[];
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

// Cheap tests that reject ordinary lines before any real work. Base64 prefixes of "user=", "n,a=",
// "n,,", "y,a=", '{"s' (error challenges), LOGIN's prompts and OAUTHBEARER's "AQ==".
const BLOB_PREFIX = /dXNlcj|bixh|biws|eSxh|eSws|eyJz|VXNlcm5hbWU6|UGFzc3dvcmQ6|AQ==/;
const AUTH_KEYWORD = /\bAUTH(?:ENTICATE)?\b/i;

export async function scanLines<F>(src: LineSource, options: ScanOptions<F> = {}): Promise<ScanResult<F>> {
  const sliceMs = options.sliceMs ?? 15;
  const maxResults = options.maxResults ?? 5000;
  const result: ScanResult<F> = { blobs: [], findings: [], linesScanned: 0, cancelled: false, truncated: false };
  let sliceStart = Date.now();
  let line = 0;
  while (line < src.lineCount) {
    // Check the clock only every 256 lines: Date.now() per line would cost more than the scan.
    if ((line & 255) === 0 && Date.now() - sliceStart >= sliceMs) {
      options.onSlice?.(Date.now() - sliceStart);
      await new Promise((resolve) => setImmediate(resolve));
      if (options.isCancelled?.()) {
        result.cancelled = true;
        return result;
      }
      sliceStart = Date.now();
    }
    const text = src.lineAt(line);
    let next = line + 1;
    if (BLOB_PREFIX.test(text) || AUTH_KEYWORD.test(text)) {
      for (let l = line; l <= line + 2 && l < src.lineCount; l++) {
        const found = blobsStartingOn(src, l);
        if (found.length) {
          result.blobs.push(...found);
          next = Math.max(next, ...found.map((b) => b.endLine + 1));
          break;
        }
        // Only an AUTH line without a blob of its own lets the blob sit on the next lines.
        if (l === line && !AUTH_KEYWORD.test(text)) break;
      }
    }
    if (options.explainLine) {
      for (let l = line; l < next; l++) {
        const f = options.explainLine(src.lineAt(l));
        if (f.length) result.findings.push({ line: l, findings: f });
      }
    }
    result.linesScanned = next;
    line = next;
    if (result.blobs.length + result.findings.length >= maxResults) {
      result.truncated = line < src.lineCount;
      break;
    }
  }
  options.onSlice?.(Date.now() - sliceStart);
  return result;
}
