// Errors of OpenID Connect sign-in as values: a code, its parameters, and the text from one message table
// (localised with @vscode/l10n), so callers branch on codes and never on wording.
import * as l10n from '@vscode/l10n';
import * as client from 'openid-client';
import { escapeControls } from '../../core/report/controlChars';
import { OidcNetworkError } from './oidcFetch';

export type OidcStage = 'discovery' | 'authorization-code' | 'device-code' | 'refresh' | 'client-credentials';

export interface OidcErrorParams {
  issuer?: string;
  expected?: string;
  got?: string;
  stage?: OidcStage;
  error?: string;
  description?: string;
  status?: number;
  seconds?: number;
  detail?: string;
  /** The configured provider (mailOAuth.oidc.providers id) and the account, for session errors. */
  provider?: string;
  user?: string;
  /** The provider's id in mailOAuth.oidc.providers, where a message offers a command for it. */
  providerId?: string;
}

export type OidcErrorCode =
  | 'bad-issuer'
  | 'insecure-issuer'
  | 'issuer-mismatch'
  | 'not-oidc'
  | 'network'
  | 'oauth-error'
  | 'provider-refused'
  | 'state-mismatch'
  | 'browser-timeout'
  | 'cancelled'
  | 'no-device-endpoint'
  | 'device-scope-refused'
  | 'unknown-provider'
  | 'choose-provider'
  | 'no-flow'
  | 'session-ended'
  | 'no-refresh-token'
  | 'account-gone'
  | 'browser-not-opened'
  | 'client-secret-missing'
  | 'unexpected';

/** Names of the steps, shown in parentheses so that no sentence is assembled from translated pieces. */
const STAGES: Record<OidcStage, () => string> = {
  discovery: () => l10n.t('discovery document'),
  'authorization-code': () => l10n.t('authorization code'),
  'device-code': () => l10n.t('device code'),
  refresh: () => l10n.t('token refresh'),
  'client-credentials': () => l10n.t('client credentials'),
};

const MESSAGES: Record<OidcErrorCode, (p: OidcErrorParams) => string> = {
  'bad-issuer': (p) => l10n.t('The issuer "{0}" is not a URL: use the provider\'s issuer, e.g. https://accounts.google.com or https://sso.example.com/realms/mail.', p.issuer ?? ''),
  'insecure-issuer': (p) => l10n.t('The issuer "{0}" does not use https: tokens and secrets would cross the network in clear text. Use the https URL of the provider.', p.issuer ?? ''),
  'issuer-mismatch': (p) =>
    l10n.t(
      'The discovery document at {0} names another issuer ({1}): the configured issuer must be exactly the one the provider publishes (check a trailing slash or the realm path).',
      p.expected ?? '',
      p.got ?? '',
    ),
  'not-oidc': (p) => l10n.t('{0} did not answer like an OpenID provider ({1}: no valid JSON metadata): check the issuer URL.', p.issuer ?? '', STAGES[p.stage ?? 'discovery']()),
  network: (p) => p.detail ?? '',
  'oauth-error': (p) =>
    p.description
      ? l10n.t('The provider refused the request ({0}): {1} ({2}).', STAGES[p.stage ?? 'discovery'](), p.description, p.error ?? '')
      : l10n.t('The provider refused the request ({0}): {1}.', STAGES[p.stage ?? 'discovery'](), p.error ?? String(p.status ?? '')),
  'provider-refused': (p) => (p.description ? l10n.t('The provider ended the sign-in: {0} ({1}).', p.description, p.error ?? '') : l10n.t('The provider ended the sign-in: {0}.', p.error ?? '')),
  'state-mismatch': () => l10n.t('The browser came back with a state that this sign-in did not send: the reply belongs to another sign-in (or was forged) and was ignored. Sign in again.'),
  'browser-timeout': (p) => l10n.t('The browser did not come back within {0} s. Sign in again, or use the device code flow if the browser cannot reach this machine.', p.seconds ?? 300),
  cancelled: () => l10n.t('Sign-in cancelled.'),
  'no-device-endpoint': (p) => l10n.t('{0} offers no device authorization endpoint: sign in through the browser instead.', p.issuer ?? ''),
  // With Google's own answer (invalid_scope) when it was asked; without, when the extension knew before asking.
  'device-scope-refused': (p) =>
    p.error
      ? l10n.t(
          'Google does not allow the Gmail scope (https://mail.google.com/) in the device code flow ({0}). Sign in through the browser (authorization code with PKCE) with a "Desktop app" client instead.',
          p.error,
        )
      : l10n.t(
          'Google does not allow the Gmail scope (https://mail.google.com/) in the device code flow, so Google was not asked. Sign in through the browser (authorization code with PKCE) with a "Desktop app" client instead.',
        ),
  'unknown-provider': (p) => l10n.t('No OpenID provider "{0}" is configured: add it to mailOAuth.oidc.providers (user settings) with its issuer and client ID.', p.provider ?? ''),
  'choose-provider': () => l10n.t('Several OpenID providers are configured: name one in the scopes (provider:<id>), or sign in from the Accounts view.'),
  'no-flow': (p) =>
    l10n.t(
      'No sign-in flow of {0} can run: its "flows" list only flows that are not possible here (client credentials need a client secret: run "Set Client Secret for OpenID Provider…").',
      p.provider ?? '',
    ),
  'session-ended': (p) => l10n.t('The sign-in of {0} at {1} has ended: {2} Sign in again.', p.user ?? '', p.provider ?? '', p.detail ?? ''),
  'no-refresh-token': (p) =>
    l10n.t(
      'The token of {0} at {1} has expired and the provider gave no refresh token to renew it (ask for the offline_access scope; Google gives one with access_type=offline): sign in again.',
      p.user ?? '',
      p.provider ?? '',
    ),
  'account-gone': (p) => l10n.t('{0} is not signed in at {1} any more: sign in again, or choose another account.', p.user ?? '', p.provider ?? ''),
  'browser-not-opened': () => l10n.t('The browser could not be opened for the sign-in.'),
  'client-secret-missing': (p) =>
    l10n.t(
      '{0} refused the sign-in without a client secret (invalid_client): a Google "Desktop app" client needs its secret. Run "Set Client Secret for OpenID Provider…" with the secret of the client (Google Cloud console → APIs & Services → Credentials), then sign in again.',
      p.provider ?? '',
    ),
  unexpected: (p) => l10n.t('Sign-in failed unexpectedly ({0}): {1}', STAGES[p.stage ?? 'discovery'](), p.detail ?? ''),
};

export class OidcError extends Error {
  constructor(
    readonly code: OidcErrorCode,
    readonly params: OidcErrorParams,
  ) {
    super(escapeControls(MESSAGES[code](params)));
    this.name = 'OidcError';
  }
}

/** Turns what openid-client, oauth4webapi or the fetch threw into an OidcError, by type and code. */
export function oidcErrorOf(err: unknown, stage: OidcStage, issuer?: string): OidcError {
  if (err instanceof OidcError) return err;
  const network = findCause(err, (e): e is OidcNetworkError => e instanceof OidcNetworkError);
  if (network) return new OidcError('network', { stage, detail: network.message });
  if (err instanceof client.ResponseBodyError) {
    return new OidcError('oauth-error', { stage, error: clip(err.error), status: err.status, ...(err.error_description ? { description: clip(err.error_description) } : {}) });
  }
  if (err instanceof client.AuthorizationResponseError) {
    return new OidcError('provider-refused', { stage, error: clip(err.error), ...(err.error_description ? { description: clip(err.error_description) } : {}) });
  }
  const e = err as { name?: string; code?: string; message?: string; cause?: { attribute?: string; expected?: string; body?: { issuer?: string } } };
  if (e?.name === 'AbortError') return new OidcError('cancelled', {});
  if (e?.code === 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED' && e.cause?.attribute === 'issuer') {
    return new OidcError('issuer-mismatch', { stage, expected: clip(String(e.cause.expected ?? issuer ?? '')), got: clip(String(e.cause.body?.issuer ?? '')) });
  }
  if (e?.code === 'OAUTH_RESPONSE_IS_NOT_JSON' || e?.code === 'OAUTH_INVALID_SERVER_METADATA' || e?.code === 'OAUTH_MISSING_SERVER_METADATA' || e?.code === 'OAUTH_RESPONSE_IS_NOT_CONFORM') {
    return new OidcError('not-oidc', { stage, issuer: issuer ?? '' });
  }
  if (e?.code === 'OAUTH_HTTP_REQUEST_FORBIDDEN') return new OidcError('insecure-issuer', { issuer: issuer ?? '' });
  return new OidcError('unexpected', { stage, detail: clip(e?.message ?? String(err)) });
}

/**
 * Google's "Desktop app" clients authenticate with their client secret: without one stored, Google's token
 * endpoint answers invalid_client ("Unauthorized"), whose usual explanation (a public client sending a
 * secret, as at Entra ID) would point the wrong way. That answer becomes one that says to store the secret.
 */
export function withClientSecretHint(e: OidcError, provider: { id: string; label: string; preset: string }, hasSecret: boolean): OidcError {
  if (hasSecret || provider.preset !== 'google' || e.code !== 'oauth-error' || e.params.error !== 'invalid_client') return e;
  return new OidcError('client-secret-missing', { provider: provider.label, providerId: provider.id, ...(e.params.stage ? { stage: e.params.stage } : {}) });
}

function findCause<T>(err: unknown, is: (e: unknown) => e is T): T | undefined {
  let cur: unknown = err;
  for (let i = 0; i < 5 && cur; i++) {
    if (is(cur)) return cur;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Provider text is untrusted: bounded and without control bytes before it reaches a message. */
export function clip(s: string): string {
  return escapeControls(s.length > 500 ? `${s.slice(0, 500)}…` : s);
}
