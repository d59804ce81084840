// One analysis of a pasted SASL string (decode + token inspection + token checks), rendered the same
// way by the decoded view in VS Code and by the `mailoauth` CLI. Secrets are redacted unless revealed.
import * as l10n from '@vscode/l10n';
import { DecodeHint, DecodeResult, SaslMessage, decodeSasl } from '../sasl/decode';
import { Problem } from '../sasl/problems';
import { CheckContext, MailProtocol, allowedProtocols, checkToken } from '../token/checks';
import { TokenInspection, inspectToken } from '../token/inspect';
import { redactSecret, redactText, redactTokenLike } from '../token/redact';
import { formatDate } from '../token/time';

export interface DecodeReport {
  decode: DecodeResult;
  token?: TokenInspection;
  /** Decode problems followed by token problems. */
  problems: Problem[];
  now: Date;
}

export interface AnalyzeOptions {
  hint?: DecodeHint;
  protocol?: MailProtocol;
  now?: Date;
  /** When the string was used (its log line's timestamp), for expiry checks. */
  usedAt?: Date;
}

export function analyzeSasl(input: string, options: AnalyzeOptions = {}): DecodeReport {
  return reportFor(decodeSasl(input, options.hint), options);
}

/** Completes an existing decode (e.g. of a blob found in a log) with token inspection and checks. */
export function reportFor(decode: DecodeResult, options: AnalyzeOptions = {}): DecodeReport {
  const now = options.now ?? new Date();
  const problems = [...decode.problems];
  const msg = decode.message;
  let token: TokenInspection | undefined;
  if (msg && (msg.mechanism === 'XOAUTH2' || msg.mechanism === 'OAUTHBEARER') && msg.token) {
    token = inspectToken(msg.token, now);
    const ctx: CheckContext = { now, protocol: options.protocol ?? decode.hint.protocol, user: msg.user, usedAt: options.usedAt };
    problems.push(...checkToken(token, ctx));
  }
  return { decode, token, problems, now };
}

/** Secrets carried by a message: the token, or a PLAIN/LOGIN password. */
export function secretsOf(message: SaslMessage | undefined): string[] {
  if (!message) return [];
  const out: string[] = [];
  if ('token' in message && message.token) out.push(message.token);
  if ('password' in message && message.password) out.push(message.password);
  return out;
}

export function isMalformed(report: DecodeReport): boolean {
  return report.decode.problems.some((p) => p.severity === 'error') || !report.decode.message;
}

const MECHANISM_TITLES: Record<string, string> = {
  XOAUTH2: 'XOAUTH2 (SASL, Google/Microsoft)',
  OAUTHBEARER: 'OAUTHBEARER (SASL, RFC 7628)',
  PLAIN: 'PLAIN (SASL, RFC 4616)',
  LOGIN: 'LOGIN (SASL)',
  'ERROR-CHALLENGE': "Server error challenge (the server's answer to a rejected token)",
  'CHALLENGE-ACK': "Client's answer to an OAUTHBEARER error challenge (^A)",
};

export interface RenderOptions {
  /** Show tokens and passwords whole. */
  reveal: boolean;
  /** How to tell the user to reveal secrets, e.g. 'run "Reveal Secrets" (eye icon)' or 'pass --reveal'. */
  revealHint: string;
}

/** Human-readable rendering: mechanism, user, redacted token, claims, problems. */
export function renderDecodeReport(report: DecodeReport, options: RenderOptions): string {
  const { decode, token } = report;
  const msg = decode.message;
  const secrets = secretsOf(msg);
  const hide = (s: string) => (options.reveal ? s : redactSecret(s));
  const lines: string[] = [];
  // An empty label continues the row above (a note under its value), without a stray colon.
  const row = (label: string, value: string) => lines.push(`${(label ? label + ':' : '').padEnd(16)}${value}`);

  if (msg) {
    row(l10n.t('Mechanism'), MECHANISM_TITLES[msg.mechanism] ?? msg.mechanism);
    switch (msg.mechanism) {
      case 'XOAUTH2':
        row(l10n.t('User'), msg.user ?? l10n.t('(missing)'));
        row(l10n.t('Token'), msg.token !== undefined ? hide(msg.token) : '(missing)');
        break;
      case 'OAUTHBEARER':
        row(l10n.t('User'), msg.user ?? l10n.t('(none: n,,)'));
        if (msg.host) row(l10n.t('Host'), msg.host);
        if (msg.port !== undefined) row(l10n.t('Port'), String(msg.port));
        row(l10n.t('Token'), msg.token !== undefined ? hide(msg.token) : '(missing)');
        for (const [k, v] of Object.entries(msg.extensions)) row(k, v);
        break;
      case 'PLAIN':
        if (msg.authzid) row(l10n.t('Act as (authzid)'), msg.authzid);
        row(l10n.t('User'), msg.user ?? '(missing)');
        row(l10n.t('Password'), msg.password !== undefined ? hide(msg.password) : '(missing)');
        break;
      case 'LOGIN':
        row(
          l10n.t('Step'),
          {
            'username-prompt': l10n.t('server asks for the user name'),
            'password-prompt': l10n.t('server asks for the password'),
            username: l10n.t('client sends the user name'),
            password: l10n.t('client sends the password'),
          }[msg.step],
        );
        if (msg.user !== undefined) row(l10n.t('User'), msg.user);
        if (msg.password !== undefined) row(l10n.t('Password'), hide(msg.password));
        break;
      case 'ERROR-CHALLENGE':
        if (msg.status !== undefined) row(l10n.t('Status'), msg.status);
        if (msg.schemes !== undefined) row(l10n.t('Schemes'), msg.schemes);
        if (msg.scope !== undefined) row(l10n.t('Scope'), msg.scope);
        if (msg.openidConfiguration) row(l10n.t('OpenID config'), msg.openidConfiguration);
        row(l10n.t('Meaning'), msg.meaning);
        row(l10n.t('Client must'), l10n.t('answer with {0}', msg.expectedReply));
        break;
      case 'CHALLENGE-ACK':
        break;
    }
    // Text pasted before its base64 encoding was sent by no one yet: show what the server must receive instead.
    const plainText = decode.canonicalBase64 !== undefined && decode.problems.some((p) => p.code === 'plain-text');
    if ((decode.hint.mechanism || decode.hint.sender) && !plainText) {
      // IMAP's command is AUTHENTICATE; POP3's and SMTP's is AUTH.
      const command = decode.hint.protocol === 'imap' ? 'AUTHENTICATE' : 'AUTH';
      row(l10n.t('Sent by'), `${decode.hint.sender ?? 'unknown'}${decode.hint.mechanism ? ` (${command} ${decode.hint.mechanism})` : ''}`);
    }
    if (plainText && decode.canonicalBase64) row(l10n.t('As base64'), hide(decode.canonicalBase64));
    if (decode.decodedText !== undefined) {
      row(l10n.t('Decoded'), options.reveal ? decode.decodedText : redactDecodedText(decode.decodedText, msg, secrets));
      if (/[\u2400-\u241f\u2421]|\^[@A-Z]/.test(decode.decodedText)) row('', l10n.t('control bytes show as ␁ (0x01) and ␀ (0x00); a "^A" is the two characters typed'));
    }
    if (secrets.length > 0 && !options.reveal) lines.push('', l10n.t('Secrets are redacted: {0} to show them.', options.revealHint));
  } else {
    row(l10n.t('Result'), decode.problems.some((p) => p.severity === 'error') ? l10n.t('not a valid SASL string') : l10n.t('not an OAuth login (see below)'));
    // Text of no known shape is shown, escaped, its token-like runs redacted: the user sees what it is.
    if (decode.decodedText !== undefined) {
      const shown = decode.decodedText.length > MAX_SHOWN_CHARS ? decode.decodedText.slice(0, MAX_SHOWN_CHARS) + '…' : decode.decodedText;
      row(l10n.t('Decoded'), options.reveal ? shown : redactTokenLike(shown));
    }
  }

  if (token) {
    lines.push('', l10n.t('Token'));
    lines.push(`  ${token.description}`);
    lines.push(`  ${l10n.t('Length: {0} characters', token.length)}`);
    if (token.kind === 'jwt') {
      const protocols = allowedProtocols(token);
      // Which protocols a token allows is read from Microsoft's permission names; other providers have none.
      if (token.issuerKind === 'microsoft' && (token.scopes.length || token.roles.length)) {
        lines.push(`  ${protocols.length ? l10n.t('Mail protocols allowed: {0}', protocols.map((p) => p.toUpperCase()).join(', ')) : l10n.t('Mail protocols allowed: none')}`);
      }
      if (token.expiresAt) lines.push(`  ${l10n.t('Expires: {0}', formatDate(token.expiresAt, report.now))}`);
      lines.push('', l10n.t('Claims'));
      for (const c of token.claimViews) lines.push(`  ${(c.label + ':').padEnd(30)}${c.value}  [${c.name}]`);
      if (token.header) lines.push('', l10n.t('Header'), `  ${JSON.stringify(token.header)}`);
    }
  }

  lines.push('', report.problems.length ? l10n.t('Problems ({0})', report.problems.length) : l10n.t('Problems: none found'));
  for (const p of report.problems) lines.push(`  ${SEVERITY_MARK[p.severity]} ${p.message}  [${p.code}]`);
  return lines.join('\n') + '\n';
}

/**
 * The decoded text with its secrets redacted. Where parsing failed, a secret may sit where the parser
 * could not find it, so token-like runs are redacted too, and PLAIN/LOGIN text is withheld entirely.
 */
function redactDecodedText(text: string, msg: SaslMessage, secrets: string[]): string {
  if (msg.mechanism === 'PLAIN' && msg.password !== undefined) {
    return `${msg.authzid}\u2400${msg.user ?? ''}\u2400${redactSecret(msg.password)}`;
  }
  if (msg.mechanism === 'PLAIN' || (msg.mechanism === 'LOGIN' && msg.step === 'password')) {
    return '(withheld: it may contain a password)';
  }
  // A malformed blob (a literal "^A", no "Bearer"): the token may hold any character, so whatever follows
  // auth= or Bearer up to the next separator is taken out whole, not only token-shaped runs.
  const known = redactText(text, secrets);
  if ('token' in msg && msg.token !== undefined) return redactTokenLike(known);
  const cut = known.replace(/(auth=(?:Bearer +)?|Bearer +)([^\x01\s^]+)/gi, (_m, key: string, value: string) => `${key}${redactSecret(value)}`);
  return redactTokenLike(cut);
}

/** The decoded text of an unknown shape is shown up to this length. */
const MAX_SHOWN_CHARS = 2000;

const SEVERITY_MARK = { error: '✖ error:', warning: '⚠ warning:', info: 'ℹ info:' } as const;

/** The JSON form (CLI --json). Tokens and passwords are redacted unless revealed, as in every other output. */
export function decodeReportToJson(report: DecodeReport, options: { reveal: boolean }): Record<string, unknown> {
  const msg = report.decode.message;
  const out: Record<string, unknown> = { mechanism: msg?.mechanism ?? null };
  if (msg) {
    for (const [k, v] of Object.entries(msg)) {
      if (k === 'mechanism') continue;
      if ((k === 'password' || k === 'token') && typeof v === 'string' && !options.reveal) {
        out[k] = redactSecret(v);
        out[`${k}Redacted`] = true;
        continue;
      }
      out[k] = v;
    }
    if (!('user' in out)) out.user = null;
    if (!('token' in out) && (msg.mechanism === 'XOAUTH2' || msg.mechanism === 'OAUTHBEARER')) out.token = null;
  } else {
    out.user = null;
    out.token = null;
  }
  out.valid = !isMalformed(report);
  out.sender = report.decode.hint.sender ?? null;
  if (report.token) {
    out.tokenInfo = tokenInspectionToJson(report.token);
  }
  out.problems = report.problems;
  return out;
}

/** The JSON form of a token inspection (CLI `decode --json` and `inspect --json`). */
export function tokenInspectionToJson(t: TokenInspection): Record<string, unknown> {
  return {
    kind: t.kind,
    description: t.description,
    length: t.length,
    header: t.header ?? null,
    claims: t.claims ?? null,
    audiences: t.audiences,
    scopes: t.scopes,
    roles: t.roles,
    account: t.account ?? null,
    tenantId: t.tenantId ?? null,
    appId: t.appId ?? null,
    expiresAt: t.expiresAt?.toISOString() ?? null,
    issuerKind: t.issuerKind ?? null,
    use: t.use ?? null,
    // Microsoft's permission names say which protocols a token opens; for other providers that is unknown.
    protocols: t.issuerKind === 'microsoft' || t.kind === 'opaque' ? allowedProtocols(t) : null,
  };
}
