// Builds the Markdown of log hovers (auth blobs and explained failure lines). No `vscode` import,
// so the benchmark measures exactly what a hover costs; texts go through @vscode/l10n, which activate()
// gives the extension's bundle (vscode.l10n's), so hovers speak VS Code's display language. Secrets never enter the Markdown unless revealed:
// command links carry the blob's position, not its content.
import * as l10n from '@vscode/l10n';
import { explainLine, Finding } from '../core/explain';
import { blobContext, protocolNear, timestampOf } from '../core/logs/lineContext';
import { tokenFieldAt } from '../core/logs/tokenField';
import { DecodeReport, reportFor, secretsOf } from '../core/report/decodeReport';
import { blobAt, DetectedBlob, LineSource } from '../core/sasl/detect';
import { Problem } from '../core/sasl/problems';
import { allowedProtocols, checkToken, MailProtocol } from '../core/token/checks';
import { inspectToken, TokenInspection } from '../core/token/inspect';
import { redactSecret } from '../core/token/redact';
import { formatDate } from '../core/token/time';

/** Where the blob is, for command links: the command finds the blob again from this. */
export interface BlobRef {
  uri: string;
  line: number;
  character: number;
}

export interface BlobHoverInput {
  blob: DetectedBlob;
  report: DecodeReport;
  ref: BlobRef;
  revealed: boolean;
  protocol?: MailProtocol;
  loggedAt?: Date;
}

/** Mechanism names stay as they are; the two pseudo-mechanisms are described (in the display language). */
function mechanismLabel(mechanism: string): string {
  if (mechanism === 'ERROR-CHALLENGE') return l10n.t('server error challenge');
  if (mechanism === 'CHALLENGE-ACK') return l10n.t("client's answer to an error challenge");
  return mechanism;
}
const ICON = { error: '$(error)', warning: '$(warning)', info: '$(info)' } as const;

export function commandLink(label: string, command: string, args: unknown): string {
  return `[${label}](command:${command}?${encodeURIComponent(JSON.stringify([args]))})`;
}

/** Escapes text for inline Markdown (table cells included; never used at the start of a line). */
export function md(text: string): string {
  return text.replace(/[\\`*_[\]<>|~$]/g, '\\$&').replace(/\r?\n/g, ' ');
}

export function blobHoverMarkdown(input: BlobHoverInput): string {
  const { report, blob, ref, revealed } = input;
  const msg = report.decode.message;
  const out: string[] = [];
  const mech = msg ? mechanismLabel(msg.mechanism) : l10n.t('malformed {0} string', blob.hint.mechanism ?? 'SASL');
  const who = blob.hint.sender ? ` · ${blob.hint.sender === 'server' ? l10n.t('server → client') : l10n.t('client → server')}` : '';
  const proto = input.protocol ? ` · ${input.protocol.toUpperCase()}` : '';
  const wrapped = blob.endLine > blob.startLine ? ` · ${l10n.t('wrapped over {0} lines', blob.endLine - blob.startLine + 1)}` : '';
  out.push(`**Mail OAuth · ${md(mech)}**${md(who)}${md(proto)}${md(wrapped)}`, '');

  const rows: [string, string][] = [];
  const secret = (s: string) => (revealed ? '`' + s.replace(/`/g, '') + '`' : md(redactSecret(s)));
  if (msg) {
    if ('user' in msg && msg.user !== undefined) rows.push([l10n.t('User'), md(msg.user)]);
    if (msg.mechanism === 'OAUTHBEARER') {
      if (msg.host) rows.push([l10n.t('Host'), md(msg.host)]);
      if (msg.port !== undefined) rows.push([l10n.t('Port'), String(msg.port)]);
    }
    if (msg.mechanism === 'PLAIN' && msg.authzid) rows.push([l10n.t('Act as'), md(msg.authzid)]);
    if ('token' in msg && msg.token !== undefined) rows.push([l10n.t('Token'), secret(msg.token)]);
    if ('password' in msg && msg.password !== undefined) rows.push([l10n.t('Password'), secret(msg.password)]);
    if (msg.mechanism === 'LOGIN' && (msg.step === 'username-prompt' || msg.step === 'password-prompt')) {
      rows.push([l10n.t('Step'), msg.step === 'username-prompt' ? l10n.t('server asks for the user name') : l10n.t('server asks for the password')]);
    }
    if (msg.mechanism === 'ERROR-CHALLENGE') {
      if (msg.status !== undefined) rows.push([l10n.t('Status'), md(msg.status)]);
      if (msg.schemes !== undefined) rows.push([l10n.t('Schemes'), md(msg.schemes)]);
      if (msg.scope !== undefined) rows.push([l10n.t('Scope'), md(msg.scope)]);
      rows.push([l10n.t('Meaning'), md(msg.meaning)]);
      rows.push([l10n.t('Client must'), md(l10n.t('answer with {0}', msg.expectedReply))]);
    }
  }
  if (report.token) rows.push(...tokenRows(report.token, report.now, input.loggedAt));
  pushTable(out, rows);
  pushProblems(
    out,
    report.problems.filter((p) => p.code !== 'wrapped'),
  );

  const links: string[] = [];
  if (msg && 'user' in msg && msg.user) links.push(commandLink(`$(copy) ${md(l10n.t('Copy user'))}`, 'mailOAuth.logs.copyUser', ref));
  if (secretsOf(msg).length) {
    links.push(commandLink(`$(copy) ${md(msg && 'token' in msg ? l10n.t('Copy token') : l10n.t('Copy password'))}`, 'mailOAuth.logs.copySecret', ref));
    links.push(revealed ? commandLink(`$(eye-closed) ${md(l10n.t('Hide'))}`, 'mailOAuth.logs.hideSecret', ref) : commandLink(`$(eye) ${md(l10n.t('Reveal'))}`, 'mailOAuth.logs.revealSecret', ref));
  }
  links.push(commandLink(`$(preview) ${md(l10n.t('Open decoded view'))}`, 'mailOAuth.logs.openDecoded', ref));
  out.push(links.join(' · '));
  return out.join('\n');
}

/** The rows that describe an access token (its kind, lifetime, audience, permissions), no secret among them. */
function tokenRows(token: TokenInspection, now: Date, loggedAt: Date | undefined): [string, string][] {
  const rows: [string, string][] = [[l10n.t('Token kind'), md(token.description)]];
  if (token.expiresAt) rows.push([l10n.t('Expires'), md(formatDate(token.expiresAt, now))]);
  if (loggedAt) rows.push([l10n.t('Logged at'), md(loggedAt.toISOString())]);
  if (token.audiences.length) rows.push([l10n.t('Audience'), md(token.audiences.join(', '))]);
  if (token.scopes.length) rows.push([l10n.t('Scopes'), md(token.scopes.join(' '))]);
  if (token.roles.length) rows.push([l10n.t('Roles'), md(token.roles.join(' '))]);
  if (token.account) rows.push([l10n.t('Account'), md(token.account)]);
  if (token.tenantId) rows.push([l10n.t('Tenant'), md(token.tenantId)]);
  if (token.appId) rows.push([l10n.t('Client ID'), md(token.appId)]);
  if (token.kind === 'jwt' && token.issuerKind === 'microsoft' && (token.scopes.length || token.roles.length)) {
    const p = allowedProtocols(token);
    rows.push([l10n.t('Allows'), p.length ? p.map((x) => x.toUpperCase()).join(', ') : l10n.t('no mail protocol')]);
  }
  return rows;
}

function pushTable(out: string[], rows: [string, string][]): void {
  if (rows.length) out.push('| | |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`), '');
}

function pushProblems(out: string[], problems: readonly Problem[]): void {
  if (!problems.length) return;
  out.push(`**${l10n.t('Problems')}**`, '');
  for (const p of problems) out.push(`- ${ICON[p.severity]} ${md(p.message)}`);
  out.push('');
}

/**
 * The hover of an access token logged bare (Dovecot's "token=eyJ..."): the same token rows as a blob's,
 * checked at the line's own time, the token itself redacted. No reveal link: the commands find blobs, not fields.
 */
export function tokenHoverMarkdown(input: { token: string; now: Date; protocol?: MailProtocol; loggedAt?: Date }): string {
  const inspection = inspectToken(input.token, input.now);
  const problems = checkToken(inspection, { now: input.now, protocol: input.protocol, usedAt: input.loggedAt });
  const proto = input.protocol ? ` · ${input.protocol.toUpperCase()}` : '';
  const out = [`**Mail OAuth · ${md(l10n.t('access token'))}**${md(proto)}`, ''];
  pushTable(out, [[l10n.t('Token'), md(redactSecret(input.token))], ...tokenRows(inspection, input.now, input.loggedAt)]);
  pushProblems(out, problems);
  return out.join('\n');
}

export function findingsHoverMarkdown(findings: readonly Finding[]): string {
  const out: string[] = [];
  for (const f of findings.slice(0, 3)) {
    out.push(`**Mail OAuth · ${md(f.title)}**`, '', `${ICON[f.severity]} **${md(l10n.t('Cause:'))}** ${md(f.cause)}`, '', `$(tools) **${md(l10n.t('Fix:'))}** ${md(f.fix)}`, '');
    if (f.docs.length) out.push(f.docs.map((d) => `[${md(d.title)}](${d.url})`).join(' · '), '');
  }
  if (findings.length > 3) out.push(md(l10n.t('…and {0} more explanations in the Problems panel.', findings.length - 3)));
  return out.join('\n');
}

/**
 * The Problems-panel (and hover header) text of an explained failure: the title and the reply, short, because
 * VS Code shows a diagnostic's message above the hover, where a whole explanation would push the formatted
 * cause and fix below the fold. The hover and the output hold the rest.
 */
export function diagnosticMessage(f: Finding): string {
  const reply = f.match
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const max = 120;
  const shown = reply.length > max ? `${reply.slice(0, max - 1)}…` : reply;
  // Many titles quote the reply's code already ("… (535 5.7.3 Authentication unsuccessful)"): say it once.
  if (!shown || f.title.includes(shown.slice(0, 24))) return f.title;
  return `${f.title}: “${shown}”`;
}

export interface HoverAt {
  markdown: string;
  /** The hovered part of the line. */
  line: number;
  start: number;
  end: number;
  blob?: DetectedBlob;
}

/**
 * Everything a log hover computes, for one position: the auth blob under it (decoded, checked at the
 * line's own time and protocol) or the explanation of a failure line. Touches only nearby lines.
 */
export function hoverAt(src: LineSource, line: number, character: number, options: { uri: string; isRevealed: (blob: DetectedBlob) => boolean; now?: Date }): HoverAt | undefined {
  const blob = blobAt(src, line, character);
  if (blob) {
    const { protocol, usedAt: loggedAt } = blobContext(src, blob, options.now);
    const report = reportFor(blob.result, { protocol, usedAt: loggedAt, now: options.now });
    const span = blob.spans.find((s) => s.line === line) ?? blob.spans[0];
    const markdown = blobHoverMarkdown({
      blob,
      report,
      protocol,
      loggedAt,
      revealed: options.isRevealed(blob),
      ref: { uri: options.uri, line: blob.startLine, character: blob.spans[0].start },
    });
    return { markdown, line, start: span.start, end: span.end, blob };
  }
  const field = tokenFieldAt(src.lineAt(line), character);
  if (field) {
    const now = options.now ?? new Date();
    const loggedAt = timestampOf(src.lineAt(line), now);
    const markdown = tokenHoverMarkdown({ token: field.token, now, loggedAt, protocol: protocolNear(src, line) });
    return { markdown, line, start: field.start, end: field.end };
  }
  const findings = explainAround(src.lineAt(line), character);
  if (findings.length === 0) return undefined;
  const first = findings[0];
  return { markdown: findingsHoverMarkdown(findings), line, start: first.index, end: first.index + first.match.length };
}

/** Characters each side of the cursor explained on a long line: failure replies are short (issue 12). */
const EXPLAIN_WINDOW = 8 * 1024;

/** The findings on a line, or on a long line the part around the cursor, so a hover costs the same on any line. */
function explainAround(text: string, character: number): Finding[] {
  if (text.length <= 2 * EXPLAIN_WINDOW) return explainLine(text);
  const from = Math.max(0, character - EXPLAIN_WINDOW);
  return explainLine(text.slice(from, character + EXPLAIN_WINDOW)).map((f) => ({ ...f, index: f.index + from }));
}
