// Server error challenges: on a rejected token, XOAUTH2 servers (Gmail, Dovecot) and OAUTHBEARER
// servers (RFC 7628 §3.2.2) send base64 JSON and wait for the client to answer before failing.
import * as l10n from '@vscode/l10n';
import { Problem, error, info } from './problems';

export interface ErrorChallenge {
  mechanism: 'ERROR-CHALLENGE';
  status?: string;
  schemes?: string;
  scope?: string;
  openidConfiguration?: string;
  /** Every member of the JSON, as sent. */
  fields: Record<string, unknown>;
  /** What the client must send next so that the server finishes with its failure reply. */
  expectedReply: string;
  meaning: string;
}

/** What RFC 7628's status values and the HTTP-like codes Google and Dovecot use mean (looked up when used, in the current language). */
const STATUS_MEANING: Readonly<Record<string, () => string>> = {
  invalid_token: () => l10n.t('The token was rejected: expired, revoked, malformed or for another audience.'),
  invalid_request: () => l10n.t('The request was malformed: check the user field and the SASL format.'),
  insufficient_scope: () => l10n.t('The token lacks the scope this server needs (see "scope").'),
  '400': () => l10n.t('The token was rejected (Google uses 400 for an invalid, expired or wrong-scope token).'),
  '401': () => l10n.t('The token was rejected: invalid or expired, or not valid for this user.'),
  '403': () => l10n.t('The token is valid but not allowed here: missing scope, or the account may not use this protocol.'),
};

function statusMeaning(status: string | undefined): string {
  return status !== undefined && Object.hasOwn(STATUS_MEANING, status) ? STATUS_MEANING[status]() : l10n.t('The server rejected the token.');
}

/** Deeper JSON is no error challenge; the bound keeps String() and printing off the call stack's limit. */
export const MAX_CHALLENGE_DEPTH = 32;

export function parseErrorChallenge(text: string): { message?: ErrorChallenge; problems: Problem[] } {
  const depth = jsonDepth(text);
  if (depth > MAX_CHALLENGE_DEPTH) {
    return {
      problems: [
        error('json-too-deep', l10n.t('The base64 decodes to JSON nested {0} levels deep; a server error challenge is a flat object (at most {1} levels are read).', depth, MAX_CHALLENGE_DEPTH)),
      ],
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { problems: [] };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { problems: [] };
  const fields = json as Record<string, unknown>;
  if (!('status' in fields) && !('schemes' in fields) && !('scope' in fields)) return { problems: [] };
  const str = (v: unknown) => (v === undefined || v === null ? undefined : String(v));
  const status = str(fields.status);
  const oauthbearerStyle = status !== undefined && !/^\d+$/.test(status);
  const message: ErrorChallenge = {
    mechanism: 'ERROR-CHALLENGE',
    status,
    schemes: str(fields.schemes),
    scope: str(fields.scope),
    openidConfiguration: str(fields['openid-configuration']),
    fields,
    expectedReply: oauthbearerStyle ? l10n.t('AQ== (a single ^A byte, as RFC 7628 requires)') : l10n.t('an empty line (XOAUTH2)'),
    meaning: statusMeaning(status),
  };
  return {
    message,
    problems: [
      info(
        'error-challenge',
        l10n.t(
          "This is the server's error challenge, not a login. The client must answer with {0}; the server then sends its failure reply. A client that does not answer hangs here.",
          message.expectedReply,
        ),
      ),
    ],
  };
}

/** Deepest nesting of [ and { outside strings, in one pass (no parse, so no recursion). */
function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) max = Math.max(max, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}
