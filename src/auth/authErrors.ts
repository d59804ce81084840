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

/**
 * Turns any sign-in error into an AuthFailure. `lastReply` is the last OAuth error the network client saw,
 * used when MSAL kept only the error word (device code replies).
 */
export function toAuthFailure(err: unknown, lastReply?: OAuthErrorReply): AuthFailure {
  if (err instanceof AuthFailure) return err;
  let detail = errorText(err);
  if (lastReply?.error_description && !detail.includes(lastReply.error_description.slice(0, 40))) {
    detail = `${detail}${detail ? ' — ' : ''}${lastReply.error}: ${lastReply.error_description}`;
  }
  const findings = explain(detail);
  const aadsts = /AADSTS\d+: [^.\r\n]*\.?/.exec(detail)?.[0];
  const head = aadsts ?? detail.split(/\r?\n/)[0]!.slice(0, 240);
  const best = findings[0];
  const message = best ? `Sign-in failed: ${head} ${best.title === head ? '' : `(${best.title}) `}Fix: ${best.fix}` : `Sign-in failed: ${head}`;
  return new AuthFailure(message.replace(/\s+/g, ' ').trim(), detail, findings);
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
