// The typed message protocol between the console webview and the extension host. Every message from
// the webview is validated here before use; anything unknown or malformed is dropped (and logged).
import { MECHANISMS } from '../core/protocol/session';
import type { OAuthMechanism } from '../core/sasl/mechanism';
import { SECURITIES } from '../core/protocol/transport';
import { MAIL_PROTOCOLS } from '../core/token/checks';
import { QUICK_ACTION_IDS } from './quickActions';

export { QUICK_ACTION_IDS };

export type ProtocolName = 'imap' | 'pop3' | 'smtp';
export type SecurityName = 'tls' | 'starttls' | 'none';
export type MechanismName = OAuthMechanism;
export type TokenSource = 'account' | 'pasted';

/** The form, as the webview keeps it (never with the token). */
export interface ConsoleForm {
  preset: string;
  protocol: ProtocolName;
  host: string;
  port: number;
  security: SecurityName;
  tokenSource: TokenSource;
  /** The account label chosen for tokenSource 'account'. */
  account: string;
  user: string;
  mechanism: MechanismName;
  verifyCertificate: boolean;
}

export type FromWebview =
  | { type: 'ready' }
  | { type: 'connect'; form: ConsoleForm; token?: string }
  | { type: 'disconnect' }
  | { type: 'command'; line: string }
  | { type: 'quickAction'; action: string }
  | { type: 'saveTranscript' }
  | { type: 'presetChanged'; preset: string; protocol: ProtocolName }
  | { type: 'openLink'; url: string };

export interface TranscriptLine {
  t: string; // ISO time
  k: 'C' | 'S' | 'info' | 'tls' | 'error';
  x: string; // display text (redacted)
  d?: string; // decoded authentication, inline
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
  tokenProblems: { severity: string; message: string }[];
}

export type ToWebview =
  | { type: 'init'; form: ConsoleForm; accounts: string[]; presets: { id: string; label: string }[] }
  | { type: 'fill'; host: string; port: number; security: SecurityName; protocol?: ProtocolName; user?: string; mechanism?: MechanismName }
  /** A new connection starts: the transcript and verdict shown are the new session's alone (as Save saves). */
  | { type: 'newSession' }
  | { type: 'transcript'; lines: TranscriptLine[] }
  | { type: 'state'; connected: boolean; busy: boolean; protocol?: ProtocolName }
  | { type: 'verdict'; verdict: VerdictView }
  | { type: 'quickActions'; actions: { id: string; label: string }[] }
  | { type: 'error'; message: string };

const PROTOCOLS = new Set<string>(MAIL_PROTOCOLS);
const SECURITY_NAMES = new Set<string>(SECURITIES);
const MECHANISM_NAMES = new Set<string>(MECHANISMS);
const SOURCES = new Set(['account', 'pasted']);
const MESSAGE_TYPES = new Set(['ready', 'connect', 'disconnect', 'command', 'quickAction', 'saveTranscript', 'presetChanged', 'openLink']);

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;

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
    protocol: v.protocol as ProtocolName,
    host: v.host,
    port,
    security: v.security as SecurityName,
    tokenSource: v.tokenSource as TokenSource,
    account: v.account,
    user: v.user,
    mechanism: v.mechanism as MechanismName,
    verifyCertificate: v.verifyCertificate,
  };
}

/** Returns the message if it is one the host understands, else undefined. */
export function validateFromWebview(v: unknown): FromWebview | undefined {
  if (!isObj(v) || typeof v.type !== 'string') return undefined;
  switch (v.type) {
    case 'ready':
    case 'disconnect':
    case 'saveTranscript':
      return { type: v.type };
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
      return str(v.preset, 40) && str(v.protocol, 10) && PROTOCOLS.has(v.protocol) ? { type: 'presetChanged', preset: v.preset, protocol: v.protocol as ProtocolName } : undefined;
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
