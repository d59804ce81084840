// Sign-in failures as values the user can act on: a code with its parameters (what callers branch on), the
// text made from them by the message table below (what people read, in their language), MSAL's error plus
// the identity platform's own reply (which MSAL sometimes drops), and the knowledge base's explanation.
// No vscode import (tested in plain Node): the text goes through @vscode/l10n, which reads the same bundle.
import * as l10n from '@vscode/l10n';
import { explain, Finding } from '../core/explain';
import type { OAuthErrorReply } from './networkClient';

/** Which request failed: it starts the message ("Sign-in failed", "Token renewal failed", ...). */
export type AuthStage = 'signIn' | 'renewal' | 'appOnly';

/** Every failure the user can meet, with the parameters its text needs. */
export interface AuthErrorParams {
  /** The person cancelled (a button, a closed dialog). */
  cancelled: Record<string, never>;
  /** An interactive flow ran out of time; `waitingFor` says what never came. */
  timedOut: { seconds: number; waitingFor: 'browser' | 'deviceCode' };
  /** MSAL stopped polling: the code's own lifetime or the time allowed ended before it was entered. */
  deviceCodeExpired: { seconds: number; ended: 'codeLifetime' | 'timeAllowed' };
  /** No answer from the identity platform; `network` is the network client's sentence about why. */
  unreachable: { stage: AuthStage; network: string };
  /** HTTP 5xx from the identity platform (or a proxy in front of it). */
  serverFault: { stage: AuthStage; status: number; aadsts?: string };
  /** The identity platform refused; `head` is its own first sentence, `title` and `fix` the explanation. */
  refused: { stage: AuthStage; head: string; title?: string; fix?: string };
  /** A stored sign-in was refused (revoked, expired): signing in again is the fix. */
  renewalRequired: { user?: string; why: string };
  /** A setting is wrong; `text` is authConfig's sentence about it. */
  setting: { setting: string; text: string };
  /** App-only tokens: the (app) client ID is wrong. */
  appClientId: { text: string };
  /** The requested scopes cannot make one token; `text` is the sentence of checkScopes. */
  scopes: { text: string };
  browserNotOpened: Record<string, never>;
  /** The identity platform answered without an account, or without a token. */
  noAccount: Record<string, never>;
  noToken: { stage: AuthStage };
  /** No client secret or certificate is stored for the app. */
  noAppCredential: { clientId: string };
  /** The PEM file chosen as the app's certificate lacks the key or the certificate. */
  certificateFile: Record<string, never>;
  /** The console asked for an account that is not signed in (any more). */
  accountGone: { user: string };
  /** The console asked without naming one of several signed-in accounts. */
  chooseAccount: Record<string, never>;
  /** Anything else (a bug, an unexpected exception), with its text. */
  unexpected: { text: string };
}

export type AuthErrorCode = keyof AuthErrorParams;

/** The text of each code: the one place user-facing failure sentences are written. */
const MESSAGES: { [C in AuthErrorCode]: (p: AuthErrorParams[C]) => string } = {
  cancelled: () => l10n.t('Sign-in was cancelled.'),
  timedOut: (p) =>
    p.waitingFor === 'browser'
      ? l10n.t('Sign-in timed out after {0} s: the browser did not come back with a sign-in. Try again, or use the other sign-in method.', p.seconds)
      : l10n.t('Sign-in timed out after {0} s: the device code was not entered. Try again, or use the other sign-in method.', p.seconds),
  deviceCodeExpired: (p) =>
    p.ended === 'codeLifetime'
      ? l10n.t('Sign-in timed out: the device code expired before the code was entered and confirmed. Sign in again for a new code and enter it promptly.')
      : l10n.t('Sign-in timed out: the {0} s allowed for sign-in ran out before the code was entered and confirmed. Sign in again for a new code and enter it promptly.', p.seconds),
  unreachable: (p) => {
    switch (p.stage) {
      case 'signIn':
        return l10n.t(
          'Sign-in failed: cannot reach the identity platform: {0}. Check the network connection, the proxy and the authority (mailOAuth.auth settings), then try again. Signed-in accounts and their tokens are kept.',
          p.network,
        );
      case 'renewal':
        return l10n.t(
          'Token renewal failed: cannot reach the identity platform: {0}. Check the network connection, the proxy and the authority (mailOAuth.auth settings), then try again. Signed-in accounts and their tokens are kept.',
          p.network,
        );
      case 'appOnly':
        return l10n.t(
          'App-only token failed: cannot reach the identity platform: {0}. Check the network connection, the proxy and the authority (mailOAuth.auth settings), then try again. Signed-in accounts and their tokens are kept.',
          p.network,
        );
    }
  },
  serverFault: (p) => {
    const code = p.aadsts ?? '';
    switch (p.stage) {
      case 'signIn':
        return code
          ? l10n.t(
              'Sign-in failed: the identity platform answered HTTP {0} ({1}), a fault on its side or in a proxy in front of it, not in your settings. Try again in a minute. Signed-in accounts and their tokens are kept.',
              p.status,
              code,
            )
          : l10n.t(
              'Sign-in failed: the identity platform answered HTTP {0}, a fault on its side or in a proxy in front of it, not in your settings. Try again in a minute. Signed-in accounts and their tokens are kept.',
              p.status,
            );
      case 'renewal':
        return code
          ? l10n.t(
              'Token renewal failed: the identity platform answered HTTP {0} ({1}), a fault on its side or in a proxy in front of it, not in your settings. Try again in a minute. Signed-in accounts and their tokens are kept.',
              p.status,
              code,
            )
          : l10n.t(
              'Token renewal failed: the identity platform answered HTTP {0}, a fault on its side or in a proxy in front of it, not in your settings. Try again in a minute. Signed-in accounts and their tokens are kept.',
              p.status,
            );
      case 'appOnly':
        return code
          ? l10n.t(
              'App-only token failed: the identity platform answered HTTP {0} ({1}), a fault on its side or in a proxy in front of it, not in your settings. Try again in a minute. Signed-in accounts and their tokens are kept.',
              p.status,
              code,
            )
          : l10n.t(
              'App-only token failed: the identity platform answered HTTP {0}, a fault on its side or in a proxy in front of it, not in your settings. Try again in a minute. Signed-in accounts and their tokens are kept.',
              p.status,
            );
    }
  },
  refused: (p) => {
    const { head, title, fix } = p;
    switch (p.stage) {
      case 'signIn':
        if (fix === undefined) return l10n.t('Sign-in failed: {0}', head);
        return title === undefined ? l10n.t('Sign-in failed: {0} Fix: {1}', head, fix) : l10n.t('Sign-in failed: {0} ({1}) Fix: {2}', head, title, fix);
      case 'renewal':
        if (fix === undefined) return l10n.t('Token renewal failed: {0}', head);
        return title === undefined ? l10n.t('Token renewal failed: {0} Fix: {1}', head, fix) : l10n.t('Token renewal failed: {0} ({1}) Fix: {2}', head, title, fix);
      case 'appOnly':
        if (fix === undefined) return l10n.t('App-only token failed: {0}', head);
        return title === undefined ? l10n.t('App-only token failed: {0} Fix: {1}', head, fix) : l10n.t('App-only token failed: {0} ({1}) Fix: {2}', head, title, fix);
    }
  },
  renewalRequired: (p) =>
    p.user
      ? l10n.t('The sign-in of {0} must be renewed: {1} Sign in again to get new tokens; other signed-in accounts are not affected.', p.user, p.why)
      : l10n.t('The sign-in of this account must be renewed: {0} Sign in again to get new tokens; other signed-in accounts are not affected.', p.why),
  setting: (p) => p.text,
  appClientId: (p) => l10n.t('App-only tokens: {0} (or set mailOAuth.auth.appClientId).', p.text),
  scopes: (p) => p.text,
  browserNotOpened: () => l10n.t('The browser was not opened, so sign-in cannot continue. Try again, or sign in with a device code.'),
  noAccount: () => l10n.t('The identity platform returned a token without an account.'),
  noToken: (p) => (p.stage === 'appOnly' ? l10n.t('The identity platform returned no app-only token.') : l10n.t('Sign-in failed: the device code flow returned no token.')),
  noAppCredential: (p) =>
    l10n.t(
      'No client secret or certificate is stored for the app {0}. Run "Mail OAuth: Set Client Secret for App-Only Tokens" or "Mail OAuth: Set Client Certificate for App-Only Tokens".',
      p.clientId,
    ),
  certificateFile: () => l10n.t('The file must hold both the private key and the certificate in PEM form (-----BEGIN PRIVATE KEY----- and -----BEGIN CERTIFICATE-----).'),
  accountGone: (p) => l10n.t('{0} is not signed in any more: sign in again, or choose another account.', p.user),
  chooseAccount: () => l10n.t('Choose one of the signed-in accounts.'),
  unexpected: (p) => p.text,
};

export class AuthFailure extends Error {
  constructor(
    readonly code: AuthErrorCode,
    readonly params: Readonly<Record<string, unknown>>,
    message: string,
    /** The identity platform's or MSAL's own words (error code and description), for the details view. */
    readonly detail: string,
    readonly findings: Finding[],
  ) {
    super(message);
    this.name = 'AuthFailure';
  }

  /** Ended by the person or by the clock, not by a fault: callers stay quiet about it (a timeout is shown once by the sign-in). */
  get cancelled(): boolean {
    return this.code === 'cancelled' || this.code === 'timedOut';
  }
}

/** The failure of a code with its parameters; its message comes from the table. `detail` defaults to the message. */
export function authFailure<C extends AuthErrorCode>(code: C, params: AuthErrorParams[C], detail?: string, findings: Finding[] = []): AuthFailure {
  const message = MESSAGES[code](params);
  return new AuthFailure(code, params, message, detail ?? message, findings);
}

export class CancelledError extends AuthFailure {
  constructor() {
    const message = MESSAGES.cancelled({});
    super('cancelled', {}, message, message, []);
  }
}

/** Any error as an AuthFailure: an AuthFailure stays as it is, anything else becomes `unexpected` with its text. */
export function asAuthFailure(err: unknown): AuthFailure {
  if (err instanceof AuthFailure) return err;
  const text = err instanceof Error ? err.message : String(err);
  return authFailure('unexpected', { text }, text);
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
  /** Which request failed (the default: sign-in). */
  stage?: AuthStage;
  /** The network client's sentence about the last request that got no answer (refused, reset, timed out). */
  networkFailure?: string;
  /** Takes the secrets the extension sent out of the error's text (MsalNetworkClient.redact). */
  redact?: (text: string) => string;
}

/**
 * Turns any sign-in error into an AuthFailure. `lastReply` is the last OAuth error the network client saw,
 * used when MSAL kept only the error word (device code replies).
 */
export function toAuthFailure(err: unknown, lastReply?: OAuthErrorReply, ctx: FailureContext = {}): AuthFailure {
  if (err instanceof AuthFailure) return err;
  const stage = ctx.stage ?? 'signIn';
  // An identity provider may echo the client secret, refresh token or code verifier in its description;
  // MSAL passes it on. Taken out before the text is shown, logged or explained.
  const redact = ctx.redact ?? ((t: string) => t);
  let detail = redact(errorText(err));
  // MSAL's own error codes (not text of ours) say the request never got an answer.
  if (ctx.networkFailure && /\b(?:network_error|endpoints_resolution_error)\b/.test(detail)) {
    // MSAL's network_error says nothing about why; the network client's sentence does.
    detail = `${detail} — ${ctx.networkFailure}`;
    return authFailure(
      'unreachable',
      { stage, network: ctx.networkFailure },
      detail,
      explain(detail).filter((f) => f.source === 'identity'),
    );
  }
  if (lastReply?.error_description && !detail.includes(redact(lastReply.error_description).slice(0, 40))) {
    detail = `${detail}${detail ? ' — ' : ''}${redact(`${lastReply.error}: ${lastReply.error_description}`)}`;
  }
  const findings = explain(detail);
  if (lastReply?.status && lastReply.status >= 500) {
    // A server fault: nothing the user configured is wrong, and retrying later is the whole fix.
    const aadsts = /AADSTS\d+/.exec(lastReply.error_description ?? '')?.[0];
    return authFailure('serverFault', { stage, status: lastReply.status, ...(aadsts ? { aadsts } : {}) }, detail, findings);
  }
  const { head, best } = headline(detail, findings);
  const params: AuthErrorParams['refused'] = { stage, head: oneLine(head) };
  if (best) {
    params.fix = oneLine(best.fix);
    if (best.title !== head) params.title = oneLine(best.title);
  }
  return authFailure('refused', params, detail, findings);
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

/** A notification is one line: runs of white space (the server's line breaks) become one space. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A multi-line report of a failure for the output channel: the server's words, then cause and fix. */
export function describeFailure(f: AuthFailure): string {
  const lines = [f.message, '', l10n.t('Identity platform said: {0}', f.detail)];
  for (const finding of f.findings) {
    lines.push('', `▸ ${finding.title}`, `  ${l10n.t('Cause: {0}', finding.cause)}`, `  ${l10n.t('Fix: {0}', finding.fix)}`);
    for (const d of finding.docs) lines.push(`  ${d.title}: ${d.url}`);
  }
  return lines.join('\n');
}
