// Sign-in failures as values the user can act on: MSAL's error plus the identity platform's own reply
// (which MSAL sometimes drops), explained by the knowledge base in core/explain with what to change.
import { explain, Finding } from '../core/explain';
import type { OAuthErrorReply } from './networkClient';

export class AuthFailure extends Error {
  constructor(
    message: string,
    /** The identity platform's or MSAL's own words (error code and description), for the details view. */
    readonly detail: string,
    readonly findings: Finding[],
    readonly cancelled = false,
  ) {
    super(message);
    this.name = 'AuthFailure';
  }
}

export class CancelledError extends AuthFailure {
  constructor(what = 'Sign-in was cancelled.') {
    super(what, what, [], true);
  }
}

interface MsalLikeError {
  error?: unknown;
  error_description?: unknown;
  errorCode?: unknown;
  errorMessage?: unknown;
  subError?: unknown;
  message?: unknown;
}

/** Text of an error without secrets: MSAL errors carry codes and server descriptions, never tokens. */
function errorText(err: unknown): string {
  if (typeof err === 'string') return err;
  const e = (err ?? {}) as MsalLikeError;
  const parts = [e.errorCode ?? e.error, e.errorMessage ?? e.error_description, e.subError].filter((p): p is string => typeof p === 'string' && p.length > 0);
  if (parts.length === 0 && typeof e.message === 'string') parts.push(e.message);
  return parts.join(': ');
}

/** How a failure is reported: what failed, and what the network client saw that MSAL does not pass on. */
export interface FailureContext {
  /** Starts the message: "Sign-in failed" (the default) or, for a silent renewal, "Token renewal failed". */
  what?: string;
  /** The network client's sentence about the last request that got no answer (refused, reset, timed out). */
  networkFailure?: string;
  /** Takes the secrets the extension sent out of the error's text (MsalNetworkClient.redact). */
  redact?: (text: string) => string;
}

/** Said wherever a fault leaves the token cache as it was, so the user knows nothing needs redoing. */
export const CACHE_KEPT = 'Signed-in accounts and their tokens are kept.';

/**
 * Turns any sign-in error into an AuthFailure. `lastReply` is the last OAuth error the network client saw,
 * used when MSAL kept only the error word (device code replies).
 */
export function toAuthFailure(err: unknown, lastReply?: OAuthErrorReply, ctx: FailureContext = {}): AuthFailure {
  if (err instanceof AuthFailure) return err;
  const what = ctx.what ?? 'Sign-in failed';
  // An identity provider may echo the client secret, refresh token or code verifier in its description;
  // MSAL passes it on. Taken out before the text is shown, logged or explained.
  const redact = ctx.redact ?? ((t: string) => t);
  let detail = redact(errorText(err));
  if (ctx.networkFailure && /\b(?:network_error|endpoints_resolution_error)\b/.test(detail)) {
    // MSAL's network_error says nothing about why; the network client's sentence does.
    detail = `${detail} — ${ctx.networkFailure}`;
    const message = `${what}: cannot reach the identity platform: ${ctx.networkFailure}. Check the network connection, the proxy and the authority (mailOAuth.auth settings), then try again. ${CACHE_KEPT}`;
    return new AuthFailure(message, detail, explain(detail).filter((f) => f.source === 'identity'));
  }
  if (lastReply?.error_description && !detail.includes(redact(lastReply.error_description).slice(0, 40))) {
    detail = `${detail}${detail ? ' — ' : ''}${redact(`${lastReply.error}: ${lastReply.error_description}`)}`;
  }
  const findings = explain(detail);
  const { head, best } = headline(detail, findings);
  if (lastReply?.status && lastReply.status >= 500) {
    // A server fault: nothing the user configured is wrong, and retrying later is the whole fix.
    const aadsts = /AADSTS\d+/.exec(lastReply.error_description ?? '')?.[0];
    const message = `${what}: the identity platform answered HTTP ${lastReply.status}${aadsts ? ` (${aadsts})` : ''}, a fault on its side or in a proxy in front of it, not in your settings. Try again in a minute. ${CACHE_KEPT}`;
    return new AuthFailure(message, detail, findings);
  }
  const message = best ? `${what}: ${head} ${best.title === head ? '' : `(${best.title}) `}Fix: ${best.fix}` : `${what}: ${head}`;
  return new AuthFailure(message.replace(/\s+/g, ' ').trim(), detail, findings);
}

/** The headline of a failure already made. */
export function explainedHead(f: AuthFailure): { head: string; best: Finding | undefined } {
  return headline(f.detail, f.findings);
}

/** The identity platform's own first sentence (with its AADSTS code when there is one) and the best explanation. */
function headline(detail: string, findings: Finding[]): { head: string; best: Finding | undefined } {
  const aadsts = /AADSTS\d+: [^.\r\n]*\.?/.exec(detail)?.[0];
  return { head: aadsts ?? detail.split(/\r?\n/)[0]!.slice(0, 240), best: findings[0] };
}

/** A multi-line report of a failure for the output channel: the server's words, then cause and fix. */
export function describeFailure(f: AuthFailure): string {
  const lines = [f.message, '', `Identity platform said: ${f.detail}`];
  for (const finding of f.findings) {
    lines.push('', `▸ ${finding.title}`, `  Cause: ${finding.cause}`, `  Fix: ${finding.fix}`);
    for (const d of finding.docs) lines.push(`  ${d.title}: ${d.url}`);
  }
  return lines.join('\n');
}
