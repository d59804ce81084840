// What a log line says about the blob on it: when it was logged (its timestamp) and which protocol
// it belongs to (from the line and a few lines above). Bounded look-back keeps hovers O(1).
import { DetectedBlob, LineSource } from '../sasl/detect';
import { MailProtocol } from '../token/checks';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// 2024-05-01T10:00:00Z, 2024-05-01 10:00:00,123, [2024-05-01T10:00:00.123+02:00]
const ISO = /(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d):(\d\d)(?:[.,](\d{1,9}))?\s?(Z|[+-]\d\d:?\d\d)?/;
// Syslog and Dovecot's default log_timestamp: "Nov 21 14:02:03" (no year)
const SYSLOG = /^(?:<\d+>)?([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d\d):(\d\d):(\d\d)\b/;

/** The timestamp at the start of a log line, if it has one. Times without a zone are local time. */
export function timestampOf(line: string, now: Date = new Date()): Date | undefined {
  const head = line.slice(0, 64);
  const iso = ISO.exec(head);
  if (iso && iso.index <= 24) {
    const [, y, mo, d, h, mi, s, frac, zone] = iso;
    const ms = frac ? Number(frac.slice(0, 3).padEnd(3, '0')) : 0;
    if (zone) {
      const z = zone === 'Z' ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
      const t = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}.${String(ms).padStart(3, '0')}${z}`);
      return Number.isNaN(t.getTime()) ? undefined : t;
    }
    const t = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
    return Number.isNaN(t.getTime()) ? undefined : t;
  }
  const sys = SYSLOG.exec(head);
  if (sys) {
    const month = MONTHS.indexOf(sys[1].toLowerCase());
    if (month < 0) return undefined;
    let t = new Date(now.getFullYear(), month, Number(sys[2]), Number(sys[3]), Number(sys[4]), Number(sys[5]));
    // A syslog line "from the future" is from last year.
    if (t.getTime() - now.getTime() > 7 * 86400e3) t = new Date(now.getFullYear() - 1, month, Number(sys[2]), Number(sys[3]), Number(sys[4]), Number(sys[5]));
    return t;
  }
  return undefined;
}

/** Lines looked at above a blob to decide its protocol. */
export const PROTOCOL_LOOKBACK = 40;

const CUES: [RegExp, MailProtocol][] = [
  [/\bAUTHENTICATE\b|^\s*(?:S:\s*|<\s*)?\* (?:OK|CAPABILITY|PREAUTH)\b|\bimap(?:-login)?[:\]]|\bIMAP4|:99[3]\b|:143\b|\bimaps?:\/\//i, 'imap'],
  [/\b(?:EHLO|HELO)\b|^\s*(?:S:\s*|<\s*)?(?:220|250)[- ]|\bsubmission(?:-login)?[:\]]|\bsmtp[:\]]|\bESMTP\b|:587\b|:465\b|:25\b|\bsmtps?:\/\//i, 'smtp'],
  [/^\s*(?:S:\s*|<\s*)?(?:\+OK|-ERR)\b|\bCAPA\b|\bpop3(?:-login)?[:\]]|:995\b|:110\b|\bpop3s?:\/\//i, 'pop3'],
];

// The server's reply right after a blob names the protocol best: +OK/-ERR, a 3-digit code, a tagged OK/NO.
const REPLY_CUES: [RegExp, MailProtocol][] = [
  [/^\s*(?:S:\s*|<\s*)?(?:\+OK|-ERR)\b/, 'pop3'],
  [/^\s*(?:S:\s*|<\s*)?[2-5]\d\d(?:[ -]|$)/, 'smtp'],
  [/^\s*(?:S:\s*|<\s*)?[A-Za-z0-9.]+ (?:OK|NO|BAD)\b/, 'imap'],
];

/**
 * The protocol of a blob spanning startLine..endLine: from the server's reply just after it, else from
 * the nearest cue on or above it.
 */
export function protocolNear(src: LineSource, startLine: number, endLine = startLine): MailProtocol | undefined {
  for (let i = endLine + 1; i < src.lineCount && i <= endLine + 3; i++) {
    const text = src.lineAt(i);
    for (const [re, protocol] of REPLY_CUES) if (re.test(text)) return protocol;
  }
  const line = startLine;
  for (let i = line; i >= 0 && line - i <= PROTOCOL_LOOKBACK; i--) {
    const text = src.lineAt(i);
    for (const [re, protocol] of CUES) if (re.test(text)) return protocol;
  }
  return undefined;
}

/** What a blob's log lines tell about its use: the protocol and when it was logged. */
export function blobContext(src: LineSource, blob: DetectedBlob, now: Date = new Date()): { protocol?: MailProtocol; usedAt?: Date } {
  return {
    protocol: blob.hint.protocol ?? protocolNear(src, blob.startLine, blob.endLine),
    usedAt: timestampOf(src.lineAt(blob.startLine), now),
  };
}
