// Checks every message from the host before the webview acts on it, as the host checks the webview's
// (src/console/messages.ts): a wrong shape is dropped, never half-applied. Enumerated values need no list
// here: the form's own <select> options are the values it accepts.
import type { ConsoleForm, Row, ToWebview, TranscriptLine, VerdictView } from '../../console/messages';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const optStr = (v: unknown): v is string | undefined => v === undefined || typeof v === 'string';
const strArray = (v: unknown): v is string[] => Array.isArray(v) && v.every(isStr);
const KINDS = new Set(['C', 'S', 'info', 'tls', 'error']);

function isLine(v: unknown): v is TranscriptLine {
  return isObj(v) && isStr(v.t) && isStr(v.k) && KINDS.has(v.k) && isStr(v.x) && optStr(v.d);
}

const isRow = (v: unknown): v is Row => isObj(v) && typeof v.decoded === 'boolean' && isLine(v.line);
const rowNumber = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

function isForm(v: unknown): v is ConsoleForm {
  return (
    isObj(v) &&
    ['preset', 'protocol', 'host', 'security', 'tokenSource', 'account', 'user', 'mechanism'].every((k) => isStr(v[k])) &&
    typeof v.port === 'number' &&
    typeof v.verifyCertificate === 'boolean'
  );
}

function isVerdict(v: unknown): v is VerdictView {
  return (
    isObj(v) &&
    typeof v.ok === 'boolean' &&
    isStr(v.title) &&
    optStr(v.step) &&
    optStr(v.cause) &&
    optStr(v.fix) &&
    optStr(v.warning) &&
    Array.isArray(v.docs) &&
    v.docs.every((d) => isObj(d) && isStr(d.title) && isStr(d.url)) &&
    Array.isArray(v.tokenProblems) &&
    v.tokenProblems.every((p) => isObj(p) && isStr(p.severity) && isStr(p.message))
  );
}

const isIdLabel = (v: unknown): v is { id: string; label: string } => isObj(v) && isStr(v.id) && isStr(v.label);

/** The message if it is one the webview understands, else undefined. */
export function validateToWebview(v: unknown): ToWebview | undefined {
  if (!isObj(v) || !isStr(v.type)) return undefined;
  switch (v.type) {
    case 'init':
      return isForm(v.form) && strArray(v.accounts) && Array.isArray(v.presets) && v.presets.every(isIdLabel) ? (v as ToWebview) : undefined;
    case 'fill':
      return isStr(v.host) && typeof v.port === 'number' && isStr(v.security) && optStr(v.protocol) && optStr(v.user) && optStr(v.mechanism) ? (v as ToWebview) : undefined;
    case 'newSession':
      return { type: 'newSession' };
    case 'transcript':
      return rowNumber(v.dropped) && rowNumber(v.count) && rowNumber(v.start) && Array.isArray(v.rows) && v.rows.every(isRow) ? (v as ToWebview) : undefined;
    case 'state':
      return typeof v.connected === 'boolean' && typeof v.busy === 'boolean' && optStr(v.protocol) ? (v as ToWebview) : undefined;
    case 'verdict':
      return isVerdict(v.verdict) ? (v as ToWebview) : undefined;
    case 'quickActions':
      return Array.isArray(v.actions) && v.actions.every(isIdLabel) ? (v as ToWebview) : undefined;
    case 'error':
      return isStr(v.message) ? (v as ToWebview) : undefined;
    default:
      return undefined;
  }
}
