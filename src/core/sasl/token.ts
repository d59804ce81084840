// Checks shared by every mechanism that carries a bearer token (XOAUTH2, OAUTHBEARER).
import * as l10n from '@vscode/l10n';
import { Problem, error, info, warning } from './problems';

/**
 * What loggers write in place of the token: nodemailer's "/* secret *\/", MailKit's "********",
 * email-oauth2-proxy's "[[ Credentials removed from proxy log ]]", and the usual redaction marks.
 */
const REDACTION_MARK = /^(?:\/\* secret \*\/|\*{3,}|\[\[ Credentials removed from proxy log \]\]|<(?:redacted|hidden|secret|token)>|\[(?:redacted|hidden|secret|token)\]|x{8,})$/i;

/** The problem for a token a logger replaced, if `token` is such a mark. */
export function redactedTokenProblem(token: string): Problem | undefined {
  const t = token.trim();
  if (t.length > 64 || !REDACTION_MARK.test(t)) return undefined;
  return info(
    'token-redacted',
    l10n.t(
      'The tool that wrote this log replaced the token with "{0}": the user and the format of the string can be checked, the token itself cannot. Decode the token where it is issued, or with the tool\'s secret logging on, to see its claims.',
      t,
    ),
  );
}

/** Splits "Bearer <token>" and reports whatever deviates from RFC 6750's form. */
export function parseBearerCredentials(value: string): { token?: string; problems: Problem[] } {
  const problems: Problem[] = [];
  const match = /^(\S+) (.*)$/s.exec(value);
  if (!match) {
    if (/^bearer\s*$/i.test(value)) {
      return {
        problems: [
          error(
            'token-missing',
            l10n.t('auth=Bearer is followed by no token: the string was cut off right after it (a log or a copy shortened it), or the token variable was empty when the string was built.'),
          ),
        ],
      };
    }
    if (looksLikeToken(value)) {
      return {
        problems: [error('not-bearer', l10n.t('auth= holds a token without the "Bearer " scheme. Write auth=Bearer <token>.'))],
      };
    }
    return { problems: [error('not-bearer', l10n.t('auth= must be "Bearer <token>", but holds no scheme and token.'))] };
  }
  const [, scheme, rest] = match;
  if (scheme.toLowerCase() !== 'bearer') {
    return {
      problems: [error('not-bearer', l10n.t('The auth scheme is "{0}", not "Bearer". Only OAuth bearer tokens work here: write auth=Bearer <access token>.', scheme.slice(0, 20)))],
    };
  }
  if (scheme !== 'Bearer') {
    problems.push(warning('bearer-case', l10n.t('The scheme is written "{0}"; the documented form is "Bearer". Some servers compare it exactly.', scheme)));
  }
  let token = rest;
  const redacted = redactedTokenProblem(token);
  if (redacted) return { problems: [...problems, redacted] };
  if (/^\s/.test(token) || /\s$/.test(token)) {
    problems.push(warning('token-whitespace', l10n.t('The token has spaces or line breaks around it; servers treat them as part of the token. Trim it.')));
    token = token.trim();
  }
  if (token.length === 0) {
    problems.push(error('empty-token', l10n.t('The token is empty: "auth=Bearer " is followed by nothing. Put the access token after "Bearer ".')));
    return { token, problems };
  }
  if (/^bearer\s/i.test(token)) {
    problems.push(error('double-bearer', l10n.t('The token starts with "Bearer " again ("Bearer Bearer ..."). Pass the access token alone, without the scheme.')));
  }
  if (/\s/.test(token)) {
    problems.push(error('token-whitespace', l10n.t('The token contains spaces or line breaks. An access token has none: it was probably wrapped or pasted with extra text.')));
  }
  if (/^["'].*["']$/s.test(token)) {
    problems.push(warning('token-quoted', l10n.t('The token is wrapped in quotes; the quotes would be sent as part of it. Remove them.')));
  }
  return { token, problems };
}

/** Problems with a token the user is about to encode (before it is wrapped in SASL). */
export function validateTokenInput(token: string): Problem[] {
  if (token.length === 0) return [error('empty-token', l10n.t('The access token is empty. Paste the access token (not the refresh or ID token).'))];
  const problems: Problem[] = [];
  if (/^bearer\s/i.test(token.trim())) {
    problems.push(error('double-bearer', l10n.t('The token starts with "Bearer ". Give the access token alone; the scheme is added for you.')));
  } else if (/\s/.test(token.trim())) {
    problems.push(error('token-whitespace', l10n.t('The token contains spaces or line breaks. An access token has none: check what was pasted.')));
  }
  if (/[\x00-\x1f\x7f]/.test(token.trim())) {
    problems.push(error('token-control', l10n.t('The token contains control characters, which would break the SASL framing.')));
  }
  return problems;
}

/** Problems with a user name: the one to encode (`user`), or the user= field of a decoded string. */
export function validateUserInput(user: string, field: 'user' | 'user field' = 'user'): Problem[] {
  const inField = field === 'user field';
  if (user.trim().length === 0) {
    const fix = l10n.t("Give the mailbox address (for a shared mailbox, the shared mailbox's address).");
    return [error('empty-user', inField ? l10n.t('The user field is empty. {0}', fix) : l10n.t('The user is empty. {0}', fix))];
  }
  if (/[\x00-\x1f\x7f]/.test(user)) {
    return [
      error(
        'user-control',
        inField ? l10n.t('The user field contains control characters, which would break the SASL framing.') : l10n.t('The user contains control characters, which would break the SASL framing.'),
      ),
    ];
  }
  if (user !== user.trim()) {
    return [
      warning(
        'user-whitespace',
        inField ? l10n.t('The user field has spaces around it; servers compare it exactly. Trim it.') : l10n.t('The user has spaces around it; servers compare it exactly. Trim it.'),
      ),
    ];
  }
  return [];
}

/** A loose test for "this looks like an access token": long, no spaces, token characters only. */
export function looksLikeToken(text: string): boolean {
  const t = text.trim();
  return t.length >= 20 && t.length <= 20000 && /^[A-Za-z0-9\-._~+/=!*]+$/.test(t);
}
