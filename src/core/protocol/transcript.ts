// The record of a protocol session: every line sent (C) and received (S), TLS details and notes, with
// timestamps. Lines that carry credentials keep a redacted form for display and saving.
import * as l10n from '@vscode/l10n';
import { decodeSasl } from '../sasl/decode';
import { encodeOauthbearer } from '../sasl/oauthbearer';
import { encodeXoauth2 } from '../sasl/xoauth2';
import { cutRanges, FRAGMENT_CHARS, fragmentRanges, redactFragments, redactSecret, secretFragments } from '../token/redact';

export type EntryKind = 'C' | 'S' | 'info' | 'tls' | 'error';

export interface TranscriptEntry {
  time: Date;
  kind: EntryKind;
  /** The exact text (for C/S: the line without CRLF). May contain secrets. */
  text: string;
  /** The text safe to show and save: credentials replaced by their redacted form. */
  display: string;
  /** A short decoded explanation of an auth blob on this line (mechanism, user, challenge status). */
  decoded?: string;
}

export type TranscriptListener = (entry: TranscriptEntry) => void;

/**
 * Longer than any protocol line (the transport's line cap): message data such as an IMAP literal, never
 * an auth blob. Such entries are neither decoded nor redacted again when saved: megabytes of base64 would
 * cost seconds in the redaction and overflow the stack in the blob regex.
 */
const MAX_BLOB_LINE = 64 * 1024;

/** Base64 runs long enough to carry a token; shorter ones (AQ==, prompts) are never secret. */
const LONG_BASE64 = /[A-Za-z0-9+/]{24,}={0,2}/g;

/**
 * Redacts a protocol line for display: any auth blob becomes "dXNlcj…AQ== (1220 chars)". A line that is
 * not an auth exchange is returned as it is.
 */
export function redactLine(line: string, secrets: readonly string[] = []): string {
  let out = line;
  for (const s of secrets) if (s.length >= 8) out = out.split(s).join(redactSecret(s));
  return out.replace(LONG_BASE64, (run) => {
    const d = decodeSasl(run);
    const m = d.message;
    if (!m || m.mechanism === 'ERROR-CHALLENGE' || m.mechanism === 'CHALLENGE-ACK') return run;
    if (m.mechanism === 'LOGIN' && (m.step === 'username-prompt' || m.step === 'password-prompt')) return run;
    return redactSecret(run);
  });
}

/**
 * A token made unusable but still inspectable: a JWT loses its signature (its claims stay readable, so a
 * saved transcript can still be checked for expiry, audience and scopes); an opaque token keeps only its
 * ends. Either way it is a single token word, so the SASL string stays well formed.
 */
export function unusableToken(token: string): string {
  const jwt = /^(eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+)\.[A-Za-z0-9_-]+$/.exec(token);
  if (jwt) return `${jwt[1]}.`;
  return token.length > 12 ? `${token.slice(0, 6)}…${token.slice(-4)}` : '…';
}

/**
 * Redacts a protocol line for a saved transcript: an XOAUTH2/OAUTHBEARER blob is re-encoded with its
 * token made unusable (see unusableToken), so the hovers can still decode and check it; other
 * credentials are shortened as on screen.
 */
export function redactLineForSaving(line: string, secrets: readonly string[] = []): string {
  const m = BLOB_PLACES.exec(line);
  const run = m && (m[1] ?? m[2] ?? m[3]);
  const msg = run ? decodeSasl(run).message : undefined;
  if (run && msg && (msg.mechanism === 'XOAUTH2' || msg.mechanism === 'OAUTHBEARER') && msg.token) {
    const token = unusableToken(msg.token);
    const r = msg.mechanism === 'XOAUTH2' ? encodeXoauth2(msg.user ?? '', token) : encodeOauthbearer({ user: msg.user, host: msg.host, port: msg.port, token });
    if (r.ok) return line.replace(run, r.value);
  }
  return redactLine(line, secrets);
}

// Where a protocol line can carry a SASL blob: after AUTH/AUTHENTICATE <mechanism>, after a
// continuation ("+ ", "334 "), or alone on a client line. Other lines are never decoded (cheap).
const BLOB_PLACES = /^(?:\S+ )?AUTH(?:ENTICATE)? \S+ ([A-Za-z0-9+/=]+)$|^(?:\+|334) ([A-Za-z0-9+/=]+)$|^([A-Za-z0-9+/]{4,}={0,2})$/i;

/** One line saying what an auth blob on a line is, for the transcript (never the secret itself). */
export function describeBlob(line: string): string | undefined {
  if (line.length > MAX_BLOB_LINE) return undefined;
  const m = BLOB_PLACES.exec(line);
  const run = m && (m[1] ?? m[2] ?? m[3]);
  if (!run) return undefined;
  const d = decodeSasl(run);
  const msg = d.message;
  if (!msg) return undefined;
  switch (msg.mechanism) {
    case 'XOAUTH2':
      return msg.token ? l10n.t('XOAUTH2: user={0}, token {1}', msg.user ?? '?', redactSecret(msg.token)) : l10n.t('XOAUTH2: user={0}, token missing', msg.user ?? '?');
    case 'OAUTHBEARER': {
      const fields = `a=${msg.user ?? '(none)'}${msg.host ? `, host=${msg.host}` : ''}${msg.port ? `, port=${msg.port}` : ''}`;
      return msg.token ? l10n.t('OAUTHBEARER: {0}, token {1}', fields, redactSecret(msg.token)) : l10n.t('OAUTHBEARER: {0}, token missing', fields);
    }
    case 'ERROR-CHALLENGE':
      return l10n.t('error challenge: {0} ({1})', JSON.stringify(msg.fields), msg.meaning);
    case 'CHALLENGE-ACK':
      return l10n.t('answer to the error challenge (^A, as RFC 7628 requires)');
    case 'PLAIN':
      return `PLAIN: user=${msg.user ?? '?'}`;
    case 'LOGIN':
      return msg.step === 'username-prompt' || msg.step === 'password-prompt' ? (msg.step === 'username-prompt' ? l10n.t('LOGIN username prompt') : l10n.t('LOGIN password prompt')) : undefined;
  }
}

export class Transcript {
  readonly entries: TranscriptEntry[] = [];
  private readonly listeners: TranscriptListener[] = [];
  /** Secrets the session sent (its token, its SASL response), redacted wherever they appear. */
  private readonly secrets: string[] = [];
  /** Every FRAGMENT_CHARS-long piece of the secrets: a server's echo of any part of them is redacted too. */
  private fragments = new Set<string>();
  /** The end of the last server entry: an echo split across lines or literals is found across the break. */
  private carry = '';

  addSecret(secret: string): void {
    if (!secret) return;
    this.secrets.push(secret);
    this.fragments = secretFragments(this.secrets);
  }

  /** Text with this session's secrets, any piece of them and any auth blob redacted, for messages that quote server bytes. */
  redact(text: string): string {
    return redactFragments(redactLine(text, this.secrets), this.fragments);
  }

  onEntry(listener: TranscriptListener): void {
    this.listeners.push(listener);
  }

  add(kind: EntryKind, text: string, options: { display?: string; decoded?: string } = {}): TranscriptEntry {
    // Longer than any protocol line: message data, whose blob pass would cost seconds (see MAX_BLOB_LINE).
    const base = options.display ?? (text.length > MAX_BLOB_LINE ? text : redactLine(text, this.secrets));
    // Then any piece of the secrets, for server lines across the previous one's end too (an echo split
    // across lines or literals).
    let display = base;
    if (this.fragments.size > 0) {
      const carry = kind === 'S' ? this.carry : '';
      const found = fragmentRanges(carry + base, this.fragments);
      if (found.length > 0) {
        const ranges = found.map(([a, b]): [number, number] => [Math.max(0, a - carry.length), b - carry.length]).filter(([, b]) => b > 0);
        display = cutRanges(base, ranges);
      }
    }
    if (kind === 'S') this.carry = base.slice(-(FRAGMENT_CHARS - 1));
    const described = options.decoded ?? (kind === 'C' || kind === 'S' ? describeBlob(text) : undefined);
    const decoded = described === undefined ? undefined : redactFragments(described, this.fragments);
    const entry: TranscriptEntry = { time: new Date(), kind, text, display, decoded };
    this.entries.push(entry);
    for (const l of this.listeners) l(entry);
    return entry;
  }

  /** The transcript as a log in the mail-transcript format that the hover feature reads. */
  toLog(options: { reveal: boolean }): string {
    return (
      this.entries
        .map((e) => {
          const stamp = e.time.toISOString();
          // Server lines keep the display form, whose redaction saw the line before (an echo split across lines).
          const text = options.reveal ? e.text : e.kind === 'C' && e.text.length <= MAX_BLOB_LINE ? redactLineForSaving(e.text, this.secrets) : e.display;
          const prefix = e.kind === 'C' ? 'C: ' : e.kind === 'S' ? 'S: ' : `# ${e.kind}: `;
          return `${stamp} ${prefix}${text}${e.decoded ? `\n${stamp} #   ${e.decoded}` : ''}`;
        })
        .join('\n') + '\n'
    );
  }
}
