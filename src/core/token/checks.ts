// Checks of an inspected token against what IMAP, POP and SMTP servers require: not expired, issued for
// the mail service, carrying the protocol's permission, and for the account in the SASL user field.
import * as l10n from '@vscode/l10n';
import { Problem, error, info, warning } from '../sasl/problems';
import { TokenInspection } from './inspect';
import { formatDuration, formatRelative } from './time';

export type MailProtocol = 'imap' | 'pop3' | 'smtp';
export const MAIL_PROTOCOLS: readonly MailProtocol[] = ['imap', 'pop3', 'smtp'];

/** Delegated (scp) and app-only (roles) permission per protocol, as Exchange Online names them. */
export const MICROSOFT_PERMISSIONS: Record<MailProtocol, { delegated: string; app: string; label: string }> = {
  imap: { delegated: 'IMAP.AccessAsUser.All', app: 'IMAP.AccessAsApp', label: 'IMAP' },
  pop3: { delegated: 'POP.AccessAsUser.All', app: 'POP.AccessAsApp', label: 'POP' },
  smtp: { delegated: 'SMTP.Send', app: 'SMTP.SendAsApp', label: 'SMTP' },
};

const OUTLOOK_AUDIENCES = [
  'https://outlook.office.com',
  'https://outlook.office365.com',
  '00000002-0000-0ff1-ce00-000000000000',
  'https://outlook.office365.us',
  'https://outlook.office365.com.mcas.ms',
  'https://partner.outlook.cn',
];
const GRAPH_AUDIENCES = ['https://graph.microsoft.com', '00000003-0000-0000-c000-000000000000', 'https://graph.microsoft.us', 'https://microsoftgraph.chinacloudapi.cn'];

export interface CheckContext {
  now: Date;
  protocol?: MailProtocol;
  /** The SASL user field, to compare with the token's account. */
  user?: string;
  /** When the token was used: the timestamp of the log line that carries it. */
  usedAt?: Date;
  /** Clock skew servers tolerate, in seconds. */
  skewSeconds?: number;
  /**
   * For a token just received from the identity platform: when it expires by this computer's clock (now plus
   * the reply's expires_in, as MSAL computes it). A JWT exp far from it means the two clocks differ.
   */
  localExpiresOn?: Date;
  /** What the configured OpenID provider (or the command line) says the token must carry; checked on non-Microsoft tokens. */
  expected?: ExpectedClaims;
}

/** Expectations for a token of an OpenID provider: its settings (issuer, client ID, scopes, username claim). */
export interface ExpectedClaims {
  /** The provider's issuer; a token from another issuer is refused by a server that trusts only this one. */
  issuer?: string;
  /** Audiences the mail server accepts (one of them must be in aud). */
  audiences?: readonly string[];
  /** Scopes the mail server needs (each must be in scope/scp). */
  scopes?: readonly string[];
  /** The client the token should have been issued to (azp / client_id). */
  clientId?: string;
  /** The claim the mail server takes the user name from (Dovecot's username_attribute); default email, then preferred_username. */
  usernameClaim?: string;
}

const checkClock = () => l10n.t('Check the system date, time and time zone (set them automatically / NTP)');

/**
 * How far this computer's clock is from the identity platform's, judged on a token just received: its exp (by
 * the platform's clock) against the expiry computed here from expires_in. Positive: this clock is behind.
 */
export function clockSkewProblem(token: TokenInspection, ctx: CheckContext): Problem | undefined {
  if (!token.expiresAt || !ctx.localExpiresOn) return undefined;
  const offset = token.expiresAt.getTime() - ctx.localExpiresOn.getTime();
  if (Math.abs(offset) <= (ctx.skewSeconds ?? 300) * 1000) return undefined;
  const now = ctx.now;
  const about =
    offset > 0
      ? l10n.t("This computer's clock is about {0} behind the identity platform's", formatDuration(Math.abs(offset)))
      : l10n.t("This computer's clock is about {0} ahead of the identity platform's", formatDuration(Math.abs(offset)));
  const start = token.notBefore ?? token.issuedAt;
  if (offset > 0 && start && start.getTime() > now.getTime()) {
    return error('clock-skew', l10n.t('{0}: by this clock the token is not valid until {1} ({2}). {3}, then get a new token.', about, start.toISOString(), formatRelative(start, now), checkClock()));
  }
  if (offset < 0 && token.expiresAt.getTime() <= now.getTime()) {
    return error(
      'clock-skew',
      l10n.t(
        '{0}: by this clock the token expired {1} ({2}), although its lifetime has not run out. {3}, then get a new token.',
        about,
        formatRelative(token.expiresAt, now),
        token.expiresAt.toISOString(),
        checkClock(),
      ),
    );
  }
  return warning('clock-skew', l10n.t('{0}: expiry times shown here are off by as much, and servers may refuse tokens sooner or later than expected. {1}.', about, checkClock()));
}

export function isOutlookAudience(aud: string): boolean {
  return OUTLOOK_AUDIENCES.includes(withoutTrailingSlashes(aud).toLowerCase());
}

// A loop, not /\/+$/: that regex restarts at every '/' and is quadratic on a claim of slashes.
function withoutTrailingSlashes(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 0x2f) end--;
  return s.slice(0, end);
}

/** Which protocols the token's permissions allow (Microsoft tokens). */
export function allowedProtocols(token: TokenInspection): MailProtocol[] {
  // A token for another resource (Graph, say) opens no mailbox, whatever its scopes are called.
  if (token.audiences.length > 0 && !token.audiences.some(isOutlookAudience)) return [];
  return (Object.keys(MICROSOFT_PERMISSIONS) as MailProtocol[]).filter((p) => hasPermission(token, p));
}

export function hasPermission(token: TokenInspection, protocol: MailProtocol): boolean {
  const perm = MICROSOFT_PERMISSIONS[protocol];
  const names = [...token.scopes, ...token.roles].map((s) => s.replace(/^https:\/\/[^/]+\//, '').toLowerCase());
  return names.includes(perm.delegated.toLowerCase()) || names.includes(perm.app.toLowerCase());
}

export function checkToken(token: TokenInspection, ctx: CheckContext): Problem[] {
  const problems: Problem[] = [...token.problems];
  const wrongUse = wrongUseProblem(token);
  if (wrongUse) problems.push(wrongUse);
  if ((token.kind !== 'jwt' && token.kind !== 'introspected') || !token.claims) return problems;
  const skew = (ctx.skewSeconds ?? 300) * 1000;
  const now = ctx.now;
  const clock = clockSkewProblem(token, ctx);
  if (clock) problems.push(clock);
  // With the clock off, "expired" and "not yet valid" are the clock's doing, said once above.
  const clockInvalid = clock?.severity === 'error';

  if (token.expiresAt && !clockInvalid) {
    const exp = token.expiresAt;
    if (ctx.usedAt) {
      // Judge the login by the time it happened; that it has expired since is only a note.
      if (exp.getTime() <= ctx.usedAt.getTime()) {
        problems.push(
          error(
            'token-expired',
            l10n.t(
              'The token had already expired when this line was logged: it expired {0} before ({1}). The application sent a stale token: refresh it before each login.',
              formatDuration(ctx.usedAt.getTime() - exp.getTime(), true),
              exp.toISOString(),
            ),
          ),
        );
      } else if (exp.getTime() <= now.getTime()) {
        problems.push(info('token-expired-since', l10n.t('The token was valid when this line was logged; it has expired since ({0}).', formatRelative(exp, now))));
      }
    } else if (exp.getTime() <= now.getTime()) {
      problems.push(
        error(
          'token-expired',
          token.issuerKind === 'keycloak'
            ? l10n.t(
                "The token expired {0} ({1}). Get a new access token; Keycloak's access tokens last 5 minutes unless the realm's Access Token Lifespan says otherwise.",
                formatRelative(exp, now),
                exp.toISOString(),
              )
            : token.issuerKind === 'microsoft' || token.issuerKind === 'google'
              ? l10n.t('The token expired {0} ({1}). Get a new access token; tokens last about an hour.', formatRelative(exp, now), exp.toISOString())
              : l10n.t('The token expired {0} ({1}). Get a new access token (refresh it before each login).', formatRelative(exp, now), exp.toISOString()),
        ),
      );
    } else if (exp.getTime() - now.getTime() < skew) {
      problems.push(warning('token-expiring', l10n.t('The token expires {0}; refresh it before a long session.', formatRelative(exp, now))));
    }
  }
  const usedAt = ctx.usedAt ?? now;
  if (clockInvalid) {
    // said above
  } else if (token.notBefore && token.notBefore.getTime() - skew > usedAt.getTime()) {
    problems.push(
      error(
        'token-not-yet-valid',
        l10n.t('The token is not valid until {0} ({1}). Check the clock of the machine that got it.', token.notBefore.toISOString(), formatRelative(token.notBefore, usedAt)),
      ),
    );
  } else if (token.issuedAt && token.issuedAt.getTime() - skew > usedAt.getTime()) {
    problems.push(
      warning(
        'token-issued-in-future',
        l10n.t("The token says it was issued {0} ({1}): this computer's clock or the issuer's is wrong. {2}.", formatRelative(token.issuedAt, usedAt), token.issuedAt.toISOString(), checkClock()),
      ),
    );
  }

  const isMicrosoft = token.issuerKind === 'microsoft' || token.tenantId !== undefined || /microsoftonline|sts\.windows\.net/.test(token.issuer ?? '');
  if (!isMicrosoft) {
    problems.push(...openIdProblems(token, ctx));
  } else {
    const auds = token.audiences;
    if (auds.some((a) => GRAPH_AUDIENCES.includes(withoutTrailingSlashes(a).toLowerCase()))) {
      problems.push(
        error(
          'audience-graph',
          l10n.t(
            'The token is for Microsoft Graph, not for Exchange Online mail protocols. Request the scopes with their full Outlook URL, e.g. https://outlook.office.com/IMAP.AccessAsUser.All (without it, "IMAP.AccessAsUser.All" is taken as a Graph scope).',
          ),
        ),
      );
    } else if (auds.length > 0 && !auds.some(isOutlookAudience)) {
      problems.push(error('audience-not-outlook', l10n.t("The token's audience ({0}) is not Exchange Online (https://outlook.office.com). The server will refuse it.", auds.join(', '))));
    }
    const protocols = ctx.protocol ? [ctx.protocol] : undefined;
    if (protocols) {
      for (const p of protocols) {
        if (!hasPermission(token, p)) {
          const perm = MICROSOFT_PERMISSIONS[p];
          const where = token.roles.length ? 'roles' : 'scp';
          problems.push(
            error(
              'missing-permission',
              l10n.t(
                'The token has no {0} permission: {1} lacks {2}. Add the permission to the app registration (API permissions → Office 365 Exchange Online) and request it.',
                perm.label,
                where,
                token.roles.length ? perm.app : perm.delegated,
              ),
            ),
          );
        }
      }
    } else if (auds.some(isOutlookAudience) && allowedProtocols(token).length === 0 && (token.scopes.length || token.roles.length)) {
      problems.push(error('missing-permission', l10n.t('The token carries no IMAP, POP or SMTP permission (IMAP.AccessAsUser.All, POP.AccessAsUser.All, SMTP.Send or their AsApp roles).')));
    }
  }

  if (!isMicrosoft) {
    // said by openIdProblems, against the claim the server reads
  } else if (ctx.user && token.account && ctx.user.toLowerCase() !== token.account.toLowerCase()) {
    problems.push(
      warning(
        'user-mismatch',
        l10n.t(
          "The user field ({0}) is not the token's account ({1}). That is right only for a shared mailbox the account has Full Access to; otherwise the server refuses the login.",
          ctx.user,
          token.account,
        ),
      ),
    );
  } else if (ctx.user && token.roles.length > 0 && !token.account) {
    problems.push(info('app-only', l10n.t("App-only token: the server checks that the app's service principal has access to {0}.", ctx.user)));
  }
  return problems;
}

/** A refresh token, an ID token or an authorization code where an access token belongs. */
function wrongUseProblem(token: TokenInspection): Problem | undefined {
  switch (token.use) {
    case 'refresh':
      return error(
        'not-an-access-token',
        l10n.t('This is a refresh token, not an access token: mail servers refuse it. Exchange it at the token endpoint (grant_type=refresh_token) and send the access_token of the reply.'),
      );
    case 'id':
      return error(
        'not-an-access-token',
        token.issuerKind === 'google'
          ? l10n.t('This is an ID token (id_token), not an access token: Gmail refuses it. Send the access_token (ya29.…) of the same token response.')
          : l10n.t('This is an ID token (id_token), not an access token: mail servers that validate access tokens refuse it. Send the access_token of the same token response.'),
      );
    case 'code':
      return error(
        'not-an-access-token',
        l10n.t('This is an authorization code, not an access token: redeem it once at the token endpoint (grant_type=authorization_code) and send the access_token of the reply.'),
      );
    default:
      return undefined;
  }
}

const normalizedUrl = (u: string) => withoutTrailingSlashes(u.trim()).toLowerCase();

/** The claim a server reads the user name from, and its value: the configured one, else email, then preferred_username. */
function usernameClaimOf(token: TokenInspection, ctx: CheckContext): { claim: string; value: string | undefined } {
  const claims = token.claims ?? {};
  const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  const configured = ctx.expected?.usernameClaim;
  if (configured) return { claim: configured, value: str(claims[configured]) };
  if (str(claims.email)) return { claim: 'email', value: str(claims.email) };
  if (str(claims.preferred_username)) return { claim: 'preferred_username', value: str(claims.preferred_username) };
  if (str(claims.username)) return { claim: 'username', value: str(claims.username) };
  return { claim: 'email', value: undefined };
}

/**
 * Checks for tokens of Google, Keycloak and other OpenID providers: issuer, audience, scope, client and the
 * user name claim, against what the provider's settings expect. Never a Microsoft permission or audience.
 */
function openIdProblems(token: TokenInspection, ctx: CheckContext): Problem[] {
  const problems: Problem[] = [];
  const expected = ctx.expected ?? {};
  const claims = token.claims ?? {};
  if (expected.issuer && token.issuer !== undefined && normalizedUrl(token.issuer) !== normalizedUrl(expected.issuer)) {
    problems.push(
      error(
        'issuer-mismatch',
        l10n.t(
          'The token was issued by {0}, not by the configured issuer {1}. A server that trusts {1} refuses it (for Keycloak: another realm, or the realm reached under another host name, which changes iss).',
          token.issuer,
          expected.issuer,
        ),
      ),
    );
  } else if (expected.issuer && token.issuer === undefined && token.kind === 'jwt') {
    problems.push(warning('issuer-missing', l10n.t('The token has no iss claim: a server that checks the issuer ({0}) refuses it.', expected.issuer)));
  }
  if (expected.audiences?.length) {
    const wanted = expected.audiences.map(normalizedUrl);
    if (!token.audiences.some((a) => wanted.includes(normalizedUrl(a)))) {
      problems.push(
        error(
          'audience-mismatch',
          token.audiences.length
            ? l10n.t(
                "The token's audience ({0}) is not one the mail server accepts ({1}). In Keycloak add an Audience mapper (client scope → Mappers → By configuration → Audience) for {1}.",
                token.audiences.join(', '),
                expected.audiences.join(', '),
              )
            : l10n.t(
                'The token has no aud claim, but the mail server expects {0}. In Keycloak add an Audience mapper (client scope → Mappers → By configuration → Audience).',
                expected.audiences.join(', '),
              ),
        ),
      );
    }
  }
  if (expected.scopes?.length && (token.scopes.length || 'scope' in claims || 'scp' in claims)) {
    const have = new Set(token.scopes.map((s) => s.toLowerCase()));
    const missing = expected.scopes.filter((s) => !have.has(s.toLowerCase()));
    if (missing.length) {
      problems.push(
        error(
          'missing-scope',
          l10n.t(
            'The token lacks the scope {0} (it has: {1}). Request it in the sign-in and, for Keycloak, assign the client scope to the client (Clients → client → Client scopes).',
            missing.join(' '),
            token.scopes.join(' ') || l10n.t('(none)'),
          ),
        ),
      );
    }
  } else if (token.issuerKind === 'google' && token.kind === 'introspected' && !token.scopes.includes('https://mail.google.com/')) {
    problems.push(
      error(
        'missing-scope',
        l10n.t(
          'The token lacks the scope https://mail.google.com/ (it has: {0}). Gmail IMAP, POP and SMTP accept no narrower Gmail scope (gmail.readonly, gmail.send, …): request https://mail.google.com/ and sign in again.',
          token.scopes.join(' ') || l10n.t('(none)'),
        ),
      ),
    );
  }
  if (expected.clientId && token.appId && token.appId !== expected.clientId) {
    problems.push(warning('client-mismatch', l10n.t("The token was issued to the client {0}, not to {1}: it comes from another application's sign-in.", token.appId, expected.clientId)));
  }
  if (claims.email_verified === false && usernameClaimOf(token, ctx).claim === 'email') {
    problems.push(warning('email-not-verified', l10n.t('The token says the email address is not verified (email_verified: false); servers that require a verified address refuse it.')));
  }
  if (token.kind === 'jwt' && typeof claims.sub !== 'string' && token.use !== 'refresh' && token.use !== 'id') {
    problems.push(
      warning(
        'sub-missing',
        l10n.t(
          'The token has no sub claim: Dovecot\'s local validation refuses it ("Missing \'sub\' field"). Keycloak 25 and later put sub into access tokens through the "basic" client scope: assign it to the client as a default scope.',
        ),
      ),
    );
  }
  const who = usernameClaimOf(token, ctx);
  if (ctx.user && who.value && ctx.user.toLowerCase() !== who.value.toLowerCase()) {
    problems.push(
      error(
        'user-mismatch',
        l10n.t(
          "The user field ({0}) is not the token's {1} claim ({2}): a server that takes the user from that claim (Dovecot's username_attribute) refuses the login. Log in as {2}, or point the server at the claim that holds the mail address.",
          ctx.user,
          who.claim,
          who.value,
        ),
      ),
    );
  } else if (token.kind === 'jwt' && !who.value && token.use !== 'refresh' && token.use !== 'id') {
    problems.push(
      warning(
        'username-claim-missing',
        l10n.t(
          "The token has no {0} claim, which servers read the user name from (Dovecot's username_attribute defaults to email). Request the email scope (for Keycloak: the email client scope, and an email address on the user), or set the server to a claim the token has.",
          who.claim,
        ),
      ),
    );
  }
  return problems;
}
