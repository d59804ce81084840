// Injection mode's checks and upstream login: the client's plain login is accepted only with the
// relay's per-proxy password and a login name that maps to the account; the upstream login is then
// XOAUTH2 or OAUTHBEARER with the account's token. The client's password never goes upstream.
import * as l10n from '@vscode/l10n';
import { encodeOauthbearer } from '../sasl/oauthbearer';
import { encodeXoauth2 } from '../sasl/xoauth2';
import * as crypto from 'crypto';
import { InjectOptions, UpstreamOptions } from './types';

/** A random password for the client to present in injection mode (24 URL-safe characters). */
export function generateClientPassword(): string {
  return crypto.randomBytes(18).toString('base64url');
}

/** Compares two secrets in time independent of where they differ (hashes make the lengths equal). */
export function secretEquals(a: string, b: string): boolean {
  const ha = crypto.createHash('sha256').update(a, 'utf8').digest();
  const hb = crypto.createHash('sha256').update(b, 'utf8').digest();
  return crypto.timingSafeEqual(ha, hb);
}

export type Check = { ok: true; mailbox: string } | { ok: false; reason: string };

export function checkClientLogin(inject: InjectOptions, user: string | undefined, password: string | undefined): Check {
  // The password first, whatever the name: a wrong password says nothing about which names exist.
  if (password === undefined || !secretEquals(password, inject.clientPassword)) {
    return { ok: false, reason: l10n.t('The password is not the one this proxy generated: the client must log in with the proxy password shown when the proxy started (never the mailbox password).') };
  }
  const name = (user ?? '').trim().toLowerCase();
  if (name === inject.account.toLowerCase()) return { ok: true, mailbox: inject.account };
  for (const [login, mailbox] of Object.entries(inject.mailboxes ?? {})) if (login.toLowerCase() === name) return { ok: true, mailbox };
  return { ok: false, reason: l10n.t("The login name {0} is not the proxy's account ({1}) nor one of its mapped mailboxes.", user ?? '', inject.account) };
}

/** The upstream initial response for the mailbox, with the account's token. */
export function initialResponseFor(inject: InjectOptions, upstream: UpstreamOptions, mailbox: string, token: string): string {
  const r = inject.mechanism === 'XOAUTH2' ? encodeXoauth2(mailbox, token) : encodeOauthbearer({ user: mailbox, token, host: upstream.host, port: upstream.port });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join(' '));
  return r.value;
}

/** What the client sends to end an error challenge (XOAUTH2: an empty line; OAUTHBEARER: ^A). */
export function challengeAnswerFor(mechanism: InjectOptions['mechanism']): string {
  return mechanism === 'XOAUTH2' ? '' : 'AQ==';
}

/** A message safe for one protocol line: no line breaks, no control bytes, bounded. */
export function oneLine(text: string, max = 400): string {
  const t = text.replace(/[\x00-\x1f\x7f]+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max)}…` : t;
}

const FOLDED: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss', '…': '...', '„': '"', '“': '"', '”': '"', '‘': "'", '’': "'", '–': '-', '—': '-', '→': '->' };

/**
 * Text the relay itself puts into a reply to the client: one line of printable ASCII, since IMAP, POP3 and
 * SMTP reply text is 7-bit unless an extension was negotiated. A translated message stays readable
 * (umlauts spelt out, accents dropped); anything else non-ASCII becomes "?".
 */
export function wireText(text: string, max = 400): string {
  const folded = oneLine(text, max)
    .replace(/[äöüÄÖÜß…„“”‘’–—→]/g, (c) => FOLDED[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  return folded.replace(/[^\x20-\x7e]/g, '?');
}
