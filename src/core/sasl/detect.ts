// Finds SASL blobs in log text: on one line (for hovers, in time independent of file size) and in
// whole documents (for listings and diagnostics). A wrapped blob is found from any of its lines.
import { DecodeHint, DecodeResult, decodeSasl } from './decode';

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

/** Longest wrapped blob followed, in lines; bounds the work of a hover. */
export const MAX_WRAPPED_LINES = 200;
const MIN_RUN = 12;

// A base64 run; the lookarounds keep it from starting or ending inside a longer word.
const RUN = /(?<![A-Za-z0-9+/_\-.@])[A-Za-z0-9+/_-]{2,}={0,2}(?![A-Za-z0-9+/_\-=.@])/g;
const PURE_BASE64_LINE = /^\s*[A-Za-z0-9+/_-]+={0,2}\s*$/;
const COMMAND_BEFORE = /(?:^|\s)(?:([A-Za-z0-9.]+)\s+)?(AUTHENTICATE|AUTH)\s+([A-Za-z0-9_-]+)\s+$/i;
const CONTINUATION_BEFORE = /(?:^|[\s:>'"])(\+|334)\s+$/;
const LOGIN_PROMPT = /(?:^|\s)(?:\+|334)\s+(VXNlcm5hbWU6|UGFzc3dvcmQ6)\s*$/;

/** Mechanisms that make a blob worth showing; everything else (hashes, IDs, attachments) is noise. */
function isAuthBlob(result: DecodeResult): boolean {
  if (result.message) return true;
  // Malformed but unmistakably an attempt at XOAUTH2/OAUTHBEARER: worth explaining.
  return result.problems.some((p) => ['no-separators', 'missing-user-field', 'field-case'].includes(p.code)) && result.decodedText !== undefined;
}

/** The auth blob under a position, if any; looks at no more than the blob's own lines. */
export function blobAt(src: LineSource, line: number, character: number): DetectedBlob | undefined {
  const text = src.lineAt(line);
  for (const run of runsIn(text)) {
    if (character < run.start || character > run.end) continue;
    const found = blobFromRun(src, line, run);
    if (found) return found;
  }
  // A continuation line of a wrapped blob: find where the blob starts.
  if (PURE_BASE64_LINE.test(text)) {
    for (let up = line - 1; up >= 0 && line - up <= MAX_WRAPPED_LINES; up--) {
      const prev = src.lineAt(up);
      const runs = runsIn(prev);
      const last = runs[runs.length - 1];
      if (last && last.end === prev.trimEnd().length) {
        const found = blobFromRun(src, up, last);
        if (found && found.endLine >= line) return found;
        if (!PURE_BASE64_LINE.test(prev)) break;
      } else {
        break;
      }
    }
  }
  return undefined;
}

/** Every auth blob that starts on this line (usually zero or one). */
export function blobsStartingOn(src: LineSource, line: number): DetectedBlob[] {
  const out: DetectedBlob[] = [];
  for (const run of runsIn(src.lineAt(line))) {
    const found = blobFromRun(src, line, run);
    if (found) out.push(found);
  }
  return out;
}

interface Run {
  start: number;
  end: number;
  text: string;
}

function runsIn(text: string): Run[] {
  const runs: Run[] = [];
  RUN.lastIndex = 0;
  for (let m = RUN.exec(text); m; m = RUN.exec(text)) {
    runs.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return runs;
}

function blobFromRun(src: LineSource, line: number, run: Run): DetectedBlob | undefined {
  const text = src.lineAt(line);
  const before = text.slice(0, run.start);
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
  if (!hint.mechanism && /^\s*(?:C:|>)?\s*$/.test(before) && run.end === text.trimEnd().length) {
    // A client line holding only a blob, right after a LOGIN prompt.
    const login = loginContext(src, line);
    if (login) Object.assign(hint, login);
  }
  // Short runs are everywhere in logs; only LOGIN answers and the OAUTHBEARER "AQ==" are short blobs.
  if (run.text.length < MIN_RUN && hint.mechanism !== 'LOGIN' && !(run.text === 'AQ==' && hint.sender !== 'server')) {
    return undefined;
  }

  const single = decode(run.text, hint);
  const spans = [{ line, start: run.start, end: run.end }];

  // Follow a wrap: the run ends its line, is not padded, and the next lines are pure base64.
  const endsLine = run.end === text.trimEnd().length;
  if (endsLine && !run.text.endsWith('=')) {
    let joined = run.text;
    const wrapSpans = [...spans];
    let endLine = line;
    for (let next = line + 1; next < src.lineCount && next - line <= MAX_WRAPPED_LINES; next++) {
      const t = src.lineAt(next);
      if (!PURE_BASE64_LINE.test(t)) break;
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
        return { startLine: line, endLine, spans: wrapSpans, base64: joined, hint, result: wrapped };
      }
    }
  }
  if (!isAuthBlob(single)) return undefined;
  return { startLine: line, endLine: line, spans, base64: run.text, hint, result: single };
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
