// The knowledge base's code: the few entries whose match needs more than a regular expression name
// one of these hooks in their data ("accept": a check that the match really is that failure;
// "detail": a sentence computed from the match, appended to the cause). Everything else is data.
import * as l10n from '@vscode/l10n';

/** Decodes what follows "+ " / "334 " leniently: logs wrap, truncate and damage the padding. */
function decodeChallenge(match: string): string | undefined {
  const b64 = /eyJ[A-Za-z0-9+/_-]*/.exec(match)?.[0];
  if (!b64) return undefined;
  const text = Buffer.from(b64.slice(0, 4096).replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
  return text.startsWith('{"') ? text : undefined;
}

/** The fields of an error challenge, or undefined when the JSON is not one (e.g. a JWT header). */
function challengeFields(match: string): Record<string, string> | undefined {
  const text = decodeChallenge(match);
  if (!text) return undefined;
  const fields: Record<string, string> = {};
  try {
    const json: unknown = JSON.parse(text);
    if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
    for (const [k, v] of Object.entries(json as Record<string, unknown>)) fields[k] = String(v);
  } catch {
    // Truncated or wrapped in the log: read the members that survived.
    const member = /"([A-Za-z_-]{1,40})"\s*:\s*"([^"]{0,500})"/g;
    for (let m = member.exec(text); m; m = member.exec(text)) fields[m[1]] = m[2];
  }
  return 'status' in fields ? fields : undefined;
}

/** Checks that a match is the failure it looks like; by the name an entry's "accept" gives. */
export const ACCEPT_HOOKS: Readonly<Record<string, (match: string) => boolean>> = Object.freeze({
  /** Google sends 400 today; its protocol page shows 401 with schemes "bearer mac". A log may cut the scope off. */
  gmailErrorChallenge(m: string): boolean {
    const f = challengeFields(m);
    if (f === undefined) return false;
    if (f.scope !== undefined) return /^40[01]$/.test(f.status) && f.scope.includes('mail.google.com');
    return f.status === '400' && f.schemes === 'Bearer';
  },
  /** Dovecot's oauth2 passdb: {"status":"401","schemes":"bearer","scope":"mail"}. */
  dovecotErrorChallenge(m: string): boolean {
    const f = challengeFields(m);
    return f !== undefined && f.status === '401' && f.schemes === 'bearer' && f.scope === 'mail';
  },
  /** RFC 7628 statuses are words (invalid_token), not HTTP numbers. */
  oauthbearerErrorChallenge(m: string): boolean {
    const f = challengeFields(m);
    return f !== undefined && !/^\d+$/.test(f.status);
  },
  /** Any JSON object with a status: an error challenge (a JWT header has none). */
  errorChallenge(m: string): boolean {
    return challengeFields(m) !== undefined;
  },
});

/** Sentences computed from a match (through l10n.t: they are not in the tables); by the name an entry's "detail" gives. */
export const DETAIL_HOOKS: Readonly<Record<string, (match: string) => string | undefined>> = Object.freeze({
  /** The members of an error challenge, decoded. */
  errorChallengeFields(match: string): string | undefined {
    const f = challengeFields(match);
    if (!f) return undefined;
    const shown = Object.entries(f)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ');
    return l10n.t('The challenge decodes to {0}.', `{${shown}}`);
  },
  /** The reason after "authentication failed:" when it is base64 of a printable prompt (Postfix echoes the last challenge). */
  decodedPrompt(match: string): string | undefined {
    const m = /authentication failed: ([A-Za-z0-9+/]{4,40}={0,2})$/.exec(match);
    if (!m || m[1].length % 4 !== 0) return undefined;
    const text = Buffer.from(m[1], 'base64').toString('latin1');
    if (!/^[\x20-\x7e]{2,30}$/.test(text)) return undefined;
    return l10n.t('"{0}" is base64 for "{1}": the server refused the answer to that prompt.', m[1], text);
  },
  /** What Exchange Server's reason word means (SMTP Receive protocol log, event 1035). */
  exchangeAuthReason(match: string): string | undefined {
    const reason = /(?:because of|with error) ([A-Za-z]+)$/.exec(match)?.[1];
    if (reason === 'LogonDenied') {
      return l10n.t('LogonDenied: Active Directory refused the user name and password (wrong password, a locked or disabled account, or a user name the connector cannot resolve).');
    }
    if (reason === 'IllegalMessage') {
      return l10n.t('IllegalMessage: the AUTH exchange itself was malformed (an answer that is not base64, or a blob of another mechanism).');
    }
    return undefined;
  },
});
