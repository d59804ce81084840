// Finds SASL blobs in log text: on one line (for hovers, in time independent of file size) and in
// whole documents (for listings and diagnostics). A wrapped blob is found from any of its lines.
import { DecodeHint, DecodeResult, decodePlainSasl, decodeSasl } from './decode';
import { plainSaslIn } from './plainText';

/** Read access to a document's lines (VS Code's TextDocument fits, so does an array). */
export interface LineSource {
  readonly lineCount: number;
  lineAt(line: number): string;
}

export interface DetectedBlob {
  /** First and last line of the blob (a wrapped blob spans several). */
  startLine: number;
  endLine: number;
  /** Character range of the blob on each of its lines. */
  spans: { line: number; start: number; end: number }[];
  /** The base64 as found (lines joined without whitespace). */
  base64: string;
  hint: DecodeHint;
  result: DecodeResult;
}

/** Longest wrapped blob followed, in lines. */
export const MAX_WRAPPED_LINES = 200;
/**
 * Longest blob, in base64 characters (real XOAUTH2 strings are a few KB). Every hover and every scan
 * step examines at most about this much text, whatever the file holds (issue 12).
 */
export const MAX_BLOB_CHARS = 64 * 1024;
/** Text before a blob read for its command ("A01 AUTHENTICATE XOAUTH2 "): a prefix is short. */
const MAX_PREFIX_CHARS = 256;
const MIN_RUN = 12;

// A base64 run; the lookarounds keep it from starting or ending inside a longer word.
const RUN = /(?<![A-Za-z0-9+/_\-.@])[A-Za-z0-9+/_-]{2,}={0,2}(?![A-Za-z0-9+/_\-=.@])/g;
const PURE_BASE64_LINE = /^\s*[A-Za-z0-9+/_-]+={0,2}\s*$/;
/** Base64 of "user=", "n,a=", "n,,", "y,a=", "y,,", '{"s': such a line starts a blob, it does not continue one. */
const BLOB_START = /^\s*(?:dXNlcj|bixh|biws|eSxh|eSws|eyJz)/;
const COMMAND_BEFORE = /(?:^|\s)(?:([A-Za-z0-9.]+)\s+)?(AUTHENTICATE|AUTH)\s+([A-Za-z0-9_-]+)\s+$/i;
const CONTINUATION_BEFORE = /(?:^|[\s:>'"])(\+|334)\s+$/;
const LOGIN_PROMPT = /(?:^|\s)(?:\+|334)\s+(VXNlcm5hbWU6|UGFzc3dvcmQ6)\s*$/;

/** Mechanisms that make a blob worth showing; everything else (hashes, IDs, attachments) is noise. */
function isAuthBlob(result: DecodeResult): boolean {
  if (result.message) return true;
  // Malformed but unmistakably an attempt at XOAUTH2/OAUTHBEARER: worth explaining.
  return result.problems.some((p) => ['no-separators', 'missing-user-field', 'field-case'].includes(p.code)) && result.decodedText !== undefined;
}

/**
 * The auth blob under a position, if any. Examines at most MAX_BLOB_CHARS around the position and
 * joins each line of a wrap once, so a hover costs the same on any file.
 */
export function blobAt(src: LineSource, line: number, character: number): DetectedBlob | undefined {
  const text = src.lineAt(line);
  const plain = plainBlob(text, line);
  if (plain && character >= plain.spans[0].start && character <= plain.spans[0].end) return plain;
  for (const run of runsIn(text, character - MAX_BLOB_CHARS, character + 1)) {
    if (character < run.start || character > run.end) continue;
    const found = blobFromRun(src, line, run).blob;
    if (found) return found;
  }
  // A continuation line of a wrapped blob: find the top of the wrap once, then follow it down.
  if (text.length > MAX_BLOB_CHARS || !PURE_BASE64_LINE.test(text)) return undefined;
  let top = line;
  let chars = text.length;
  while (top > 0 && line - top < MAX_WRAPPED_LINES && !BLOB_START.test(src.lineAt(top))) {
    const prev = src.lineAt(top - 1);
    const last = lastRunOf(prev);
    if (!last || last.text.endsWith('=')) break;
    chars += last.text.length;
    if (chars > MAX_BLOB_CHARS) return undefined; // too far below any start to be part of a blob
    top--;
    if (prev.length > MAX_BLOB_CHARS || !PURE_BASE64_LINE.test(prev)) break; // the wrap starts in the middle of this line
  }
  // Each candidate start joins the lines after it; the next candidate is the first line it did not take.
  for (let start = top; start < line;) {
    const run = lastRunOf(src.lineAt(start));
    if (!run) break;
    const { blob, reach } = blobFromRun(src, start, run);
    if (blob && blob.endLine >= line) return blob;
    start = Math.max(reach, blob?.endLine ?? start) + 1;
  }
  return undefined;
}

/**
 * Every auth blob that starts on this line (usually zero or one), among the runs that start at a
 * character in [from, to) (a very long line is scanned in pieces). `reach` is the last line any of
 * them looked at: those lines continue this one's wrap and start no blob of their own.
 */
export function blobsStartingOn(src: LineSource, line: number, from = 0, to = Infinity): { blobs: DetectedBlob[]; reach: number } {
  const blobs: DetectedBlob[] = [];
  let reach = line;
  const text = src.lineAt(line);
  const plain = plainBlob(text, line);
  const inPlain = (b: DetectedBlob) => plain !== undefined && b.startLine === line && b.spans[0].start < plain.spans[0].end && b.spans[0].end > plain.spans[0].start;
  if (plain && plain.spans[0].start >= from && plain.spans[0].start < to) blobs.push(plain);
  for (const run of runsIn(text, from, to)) {
    const found = blobFromRun(src, line, run);
    if (found.blob && !inPlain(found.blob)) blobs.push(found.blob);
    reach = Math.max(reach, found.reach);
  }
  return { blobs, reach };
}

/** A login string written as text on the line (before base64: Postfix's "uncoded initial reply", a debug print). */
function plainBlob(text: string, line: number): DetectedBlob | undefined {
  const found = plainSaslIn(text);
  if (!found) return undefined;
  const result = decodePlainSasl(found);
  if (!result.message || result.canonicalBase64 === undefined) return undefined;
  return { startLine: line, endLine: line, spans: [{ line, start: found.start, end: found.end }], base64: result.canonicalBase64, hint: result.hint, result };
}

interface Run {
  start: number;
  end: number;
  text: string;
}

/**
 * The runs of at most MAX_BLOB_CHARS that start at a character in [from, to), found in a window of the
 * line just wide enough for them (one character before, for the look-behind; a blob's length after).
 */
function runsIn(text: string, from = 0, to = Infinity): Run[] {
  const lo = Math.max(0, from);
  const hi = Math.min(text.length, to);
  if (lo >= hi) return [];
  const winStart = Math.max(0, lo - 1);
  const winEnd = Math.min(text.length, hi + MAX_BLOB_CHARS + 3);
  const window = winStart === 0 && winEnd === text.length ? text : text.slice(winStart, winEnd);
  const runs: Run[] = [];
  RUN.lastIndex = 0;
  for (let m = RUN.exec(window); m; m = RUN.exec(window)) {
    const start = winStart + m.index;
    if (start >= hi) break;
    const end = start + m[0].length;
    // A run cut by the window's end is longer than any blob; one starting before lo is another piece's.
    if (start < lo || (end === winEnd && winEnd < text.length) || m[0].length > MAX_BLOB_CHARS) continue;
    runs.push({ start, end, text: m[0] });
  }
  return runs;
}

/** The run that ends the line (the one a wrap continues), from the line's last MAX_BLOB_CHARS. */
function lastRunOf(text: string): Run | undefined {
  const end = trimmedEnd(text);
  const runs = runsIn(text, end - MAX_BLOB_CHARS, end);
  const last = runs[runs.length - 1];
  return last && last.end === end ? last : undefined;
}

/** Length of the line without trailing white space (no copy of a long line). */
function trimmedEnd(text: string): number {
  let end = text.length;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return end;
}

/** The blob a run starts, if any, and the last line looked at (the run's own, or the end of its wrap). */
function blobFromRun(src: LineSource, line: number, run: Run): { blob?: DetectedBlob; reach: number } {
  const text = src.lineAt(line);
  const lineEnd = trimmedEnd(text);
  // Only the text just before the run can name its command; "\0" marks a cut so nothing anchors there.
  const before = run.start > MAX_PREFIX_CHARS ? '\0' + text.slice(run.start - MAX_PREFIX_CHARS, run.start) : text.slice(0, run.start);
  const hint: DecodeHint = {};
  const cmd = COMMAND_BEFORE.exec(before);
  if (cmd) {
    hint.mechanism = cmd[3].toUpperCase();
    hint.sender = 'client';
    if (cmd[2].toUpperCase() === 'AUTHENTICATE') hint.protocol = 'imap';
  } else {
    const cont = CONTINUATION_BEFORE.exec(before);
    if (cont) {
      hint.sender = 'server';
      if (cont[1] === '334') hint.protocol = 'smtp';
    }
  }
  if (!hint.mechanism && /^\s*(?:C:|>)?\s*$/.test(before) && run.end === lineEnd) {
    // A client line holding only a blob, right after a LOGIN prompt.
    const login = loginContext(src, line);
    if (login) Object.assign(hint, login);
  }
  // Short runs are everywhere in logs; only LOGIN answers and the OAUTHBEARER "AQ==" are short blobs.
  if (run.text.length < MIN_RUN && hint.mechanism !== 'LOGIN' && !(run.text === 'AQ==' && hint.sender !== 'server')) {
    return { reach: line };
  }

  const single = decode(run.text, hint);
  const spans = [{ line, start: run.start, end: run.end }];

  // Follow a wrap: the run ends its line, is not padded, and the next lines are pure base64 that does
  // not start a blob of its own, up to MAX_BLOB_CHARS in all.
  let endLine = line;
  if (run.end === lineEnd && !run.text.endsWith('=')) {
    let joined = run.text;
    const wrapSpans = [...spans];
    for (let next = line + 1; next < src.lineCount && next - line <= MAX_WRAPPED_LINES; next++) {
      const t = src.lineAt(next);
      if (joined.length + t.length > MAX_BLOB_CHARS) break; // checked before any regex reads t
      if (!PURE_BASE64_LINE.test(t) || BLOB_START.test(t)) break;
      const start = t.length - t.trimStart().length;
      const piece = t.trim();
      joined += piece;
      wrapSpans.push({ line: next, start, end: start + piece.length });
      endLine = next;
      if (piece.endsWith('=')) break;
    }
    if (endLine > line) {
      const wrapped = decode(joined, hint);
      if (isAuthBlob(wrapped) && (!isAuthBlob(single) || errorCount(wrapped) <= errorCount(single))) {
        return { blob: { startLine: line, endLine, spans: wrapSpans, base64: joined, hint, result: wrapped }, reach: endLine };
      }
    }
  }
  if (!isAuthBlob(single)) return { reach: endLine };
  return { blob: { startLine: line, endLine: line, spans, base64: run.text, hint, result: single }, reach: endLine };
}

function decode(base64: string, hint: DecodeHint): DecodeResult {
  return decodeSasl(base64, hint);
}

function errorCount(r: DecodeResult): number {
  return r.problems.filter((p) => p.severity === 'error').length;
}

/** AUTH LOGIN sends user name and password on the lines after the server's prompts. */
function loginContext(src: LineSource, line: number): DecodeHint | undefined {
  for (let up = line - 1; up >= 0 && line - up <= 2; up--) {
    const m = LOGIN_PROMPT.exec(src.lineAt(up));
    if (m) return { mechanism: 'LOGIN', sender: 'client', loginStep: m[1] === 'VXNlcm5hbWU6' ? 'username' : 'password' };
  }
  return undefined;
}

/** Wraps an array (or a string split into lines) as a LineSource. */
export function linesOf(text: string | readonly string[]): LineSource {
  const lines = typeof text === 'string' ? text.split(/\r?\n/) : text;
  return { lineCount: lines.length, lineAt: (i) => lines[i] };
}
