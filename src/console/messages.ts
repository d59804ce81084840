// The typed message protocol between the console webview and the extension host: the one definition
// both sides compile against (the webview bundle, src/webview/console/, imports these types only). Every
// message from the webview is validated here before use; anything unknown or malformed is dropped (and
// logged). The webview checks what the host sends in turn (src/webview/console/validate.ts).
import { MECHANISMS, type Mechanism } from '../core/protocol/session';
import { SECURITIES, type Security } from '../core/protocol/transport';
import { MAIL_PROTOCOLS, type MailProtocol } from '../core/token/checks';
import type { EntryKind } from '../core/protocol/transcript';
import type { Severity } from '../core/sasl/problems';
import { SAVED_LINES, WINDOW_MAX_ROWS } from './limits';
import { QUICK_ACTION_IDS } from './quickActions';

export { QUICK_ACTION_IDS };

export type TokenSource = 'account' | 'pasted';

/** The form, as the webview keeps it (never with the token). */
export interface ConsoleForm {
  preset: string;
  protocol: MailProtocol;
  host: string;
  port: number;
  security: Security;
  tokenSource: TokenSource;
  /** The account label chosen for tokenSource 'account'. */
  account: string;
  user: string;
  mechanism: Mechanism;
  verifyCertificate: boolean;
}

export type FromWebview =
  | { type: 'ready' }
  /**
   * The answer to every "transcript" message, once it is rendered (flow control: one in flight): the rows
   * [start, end) the view needs and has not got (absolute row numbers; empty when it has them all), and
   * whether it follows the end (then the host's next update brings the last rows unasked).
   */
  | { type: 'transcriptWindow'; start: number; end: number; follow: boolean }
  /** Ctrl/Cmd+A in the transcript, then copy: the host puts every kept row on the clipboard. */
  | { type: 'copyTranscript' }
  /** A new page's saved lines (after a reload), shown again if the host has no rows of its own. */
  | { type: 'restoreLines'; lines: TranscriptLine[] }
  | { type: 'connect'; form: ConsoleForm; token?: string }
  | { type: 'disconnect' }
  | { type: 'command'; line: string }
  | { type: 'quickAction'; action: string }
  | { type: 'saveTranscript' }
  | { type: 'presetChanged'; preset: string; protocol: MailProtocol }
  | { type: 'openLink'; url: string };

export interface TranscriptLine {
  t: string; // ISO time
  k: EntryKind;
  x: string; // display text (redacted)
  d?: string; // decoded authentication, inline
}

/** One row of the transcript view: a line, or (decoded) the decoded-authentication note beneath it. */
export interface Row {
  line: TranscriptLine;
  decoded: boolean;
}

export interface VerdictView {
  ok: boolean;
  title: string;
  step?: string;
  cause?: string;
  fix?: string;
  /** The token went to an unverified server or in plain text. */
  warning?: string;
  docs: { title: string; url: string }[];
  tokenProblems: { severity: Severity; message: string }[];
}

/**
 * The webview's own user-facing text, translated on the host (vscode.l10n.t) and embedded in the page as
 * JSON: the bundle holds no English of its own. `{0}` marks where the webview puts a value.
 */
export interface ConsoleStrings {
  /** Status line: not connected, working, connected ({0}: IMAP, POP3 or SMTP). */
  notConnected: string;
  working: string;
  connected: string;
  /** Command line placeholder ({0}: the protocol), IMAP's mentions the tag it adds. */
  commandHintImap: string;
  commandHint: string;
  /** The account list without accounts. */
  noAccounts: string;
  /** A verdict paragraph's label ({0}: one of the labels below) before its text. */
  labelled: string;
  /** Verdict paragraph labels. */
  warning: string;
  step: string;
  cause: string;
  fix: string;
  token: string;
  note: string;
  /** After a folded long line ({0}: characters left out). */
  folded: string;
  /** The first row when older rows were dropped ({0}: how many). */
  trimmed: string;
}

export type ToWebview =
  | { type: 'init'; form: ConsoleForm; accounts: string[]; presets: { id: string; label: string }[] }
  | { type: 'fill'; host: string; port: number; security: Security; protocol?: MailProtocol; user?: string; mechanism?: Mechanism }
  /** A new connection starts: the transcript and verdict shown are the new session's alone (as Save saves). */
  | { type: 'newSession' }
  /**
   * The transcript's extent (rows [dropped, dropped + count) are kept; earlier ones were dropped from the
   * view) and the rows from absolute row `start` on: those the webview asked for, or the last ones while it
   * follows the end. Answered by one "transcriptWindow".
   */
  | { type: 'transcript'; dropped: number; count: number; start: number; rows: Row[] }
  | { type: 'state'; connected: boolean; busy: boolean; protocol?: MailProtocol }
  | { type: 'verdict'; verdict: VerdictView }
  | { type: 'quickActions'; actions: { id: string; label: string }[] }
  | { type: 'error'; message: string };

const PROTOCOLS = new Set<string>(MAIL_PROTOCOLS);
const SECURITY_NAMES = new Set<string>(SECURITIES);
const MECHANISM_NAMES = new Set<string>(MECHANISMS);
const SOURCES = new Set(['account', 'pasted']);
const MESSAGE_TYPES = new Set(['ready', 'transcriptWindow', 'copyTranscript', 'restoreLines', 'connect', 'disconnect', 'command', 'quickAction', 'saveTranscript', 'presetChanged', 'openLink']);

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const rowNumber = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const KINDS = new Set<string>(['C', 'S', 'info', 'tls', 'error'] satisfies EntryKind[]);

/** A saved line coming back from the webview: the shape and sizes the host itself sends. */
function isSavedLine(v: unknown): v is TranscriptLine {
  return isObj(v) && str(v.t, 40) && str(v.k, 5) && KINDS.has(v.k) && str(v.x, 30_000) && (v.d === undefined || str(v.d, 30_000));
}

export function validateForm(v: unknown): ConsoleForm | undefined {
  if (!isObj(v)) return undefined;
  const port = v.port;
  if (
    !str(v.preset, 40) ||
    !str(v.protocol, 10) ||
    !PROTOCOLS.has(v.protocol) ||
    !str(v.host, 255) ||
    typeof port !== 'number' ||
    !Number.isInteger(port) ||
    port < 0 ||
    port > 65535 ||
    !str(v.security, 10) ||
    !SECURITY_NAMES.has(v.security) ||
    !str(v.tokenSource, 10) ||
    !SOURCES.has(v.tokenSource) ||
    !str(v.account, 320) ||
    !str(v.user, 320) ||
    !str(v.mechanism, 20) ||
    !MECHANISM_NAMES.has(v.mechanism) ||
    typeof v.verifyCertificate !== 'boolean'
  ) {
    return undefined;
  }
  return {
    preset: v.preset,
    protocol: v.protocol as MailProtocol,
    host: v.host,
    port,
    security: v.security as Security,
    tokenSource: v.tokenSource as TokenSource,
    account: v.account,
    user: v.user,
    mechanism: v.mechanism as Mechanism,
    verifyCertificate: v.verifyCertificate,
  };
}

/** Returns the message if it is one the host understands, else undefined. */
export function validateFromWebview(v: unknown): FromWebview | undefined {
  if (!isObj(v) || typeof v.type !== 'string') return undefined;
  switch (v.type) {
    case 'ready':
    case 'copyTranscript':
    case 'disconnect':
    case 'saveTranscript':
      return { type: v.type };
    case 'transcriptWindow':
      return rowNumber(v.start) && rowNumber(v.end) && v.start <= v.end && v.end - v.start <= WINDOW_MAX_ROWS && typeof v.follow === 'boolean'
        ? { type: 'transcriptWindow', start: v.start, end: v.end, follow: v.follow }
        : undefined;
    case 'restoreLines':
      return Array.isArray(v.lines) && v.lines.length <= SAVED_LINES && v.lines.every(isSavedLine)
        ? { type: 'restoreLines', lines: v.lines.map((l) => ({ t: l.t, k: l.k, x: l.x, d: l.d })) }
        : undefined;
    case 'connect': {
      const form = validateForm(v.form);
      if (!form) return undefined;
      if (v.token !== undefined && !str(v.token, 20_000)) return undefined;
      return { type: 'connect', form, token: v.token as string | undefined };
    }
    case 'command':
      return str(v.line, 8_000) && !/[\r\n]/.test(v.line) ? { type: 'command', line: v.line } : undefined;
    case 'quickAction':
      return str(v.action, 40) && QUICK_ACTION_IDS.includes(v.action) ? { type: 'quickAction', action: v.action } : undefined;
    case 'presetChanged':
      return str(v.preset, 40) && str(v.protocol, 10) && PROTOCOLS.has(v.protocol) ? { type: 'presetChanged', preset: v.preset, protocol: v.protocol as MailProtocol } : undefined;
    case 'openLink':
      return str(v.url, 2000) && /^https:\/\//.test(v.url) ? { type: 'openLink', url: v.url } : undefined;
    default:
      return undefined;
  }
}

/**
 * What the log says about a dropped message: its type when it is one of ours or a short plain word,
 * never the message's values (a malformed "connect" may carry a token).
 */
export function describeDropped(raw: unknown): string {
  if (!isObj(raw)) return `not an object (${raw === null ? 'null' : Array.isArray(raw) ? 'array' : typeof raw})`;
  const type = raw.type;
  if (typeof type === 'string' && MESSAGE_TYPES.has(type)) return `a malformed "${type}" message`;
  if (typeof type === 'string' && /^[A-Za-z][A-Za-z0-9_.-]{0,29}$/.test(type)) return `unknown type "${type}"`;
  return 'no valid type';
}
