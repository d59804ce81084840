// Access-token inspection: decodes a JWT's header and claims with `jose` (no hand-rolled parsing) and
// puts the claims that matter for mail first; recognises opaque tokens (Outlook.com, Google) as such.
import * as l10n from '@vscode/l10n';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { Problem, error } from '../sasl/problems';
import { formatDate } from './time';

export type TokenKind = 'jwt' | 'jwe' | 'opaque';

export interface ClaimView {
  name: string;
  label: string;
  /** Display value (dates formatted, lists joined). */
  value: string;
}

export interface TokenInspection {
  kind: TokenKind;
  /** What kind of token this is, in words (for opaque tokens, whose issuer is known from the prefix). */
  description: string;
  length: number;
  header?: Record<string, unknown>;
  claims?: Record<string, unknown>;
  /** Mail-relevant claims first, then the rest. */
  claimViews: ClaimView[];
  audiences: string[];
  scopes: string[];
  roles: string[];
  /** upn / unique_name / email / preferred_username: the account the token is for. */
  account?: string;
  tenantId?: string;
  appId?: string;
  issuer?: string;
  issuedAt?: Date;
  notBefore?: Date;
  expiresAt?: Date;
  problems: Problem[];
}

// Labels are looked up when shown: the language may change after this module loads.
const MAIL_CLAIMS: [string, () => string][] = [
  ['aud', () => l10n.t('Audience')],
  ['scp', () => l10n.t('Scopes (delegated)')],
  ['roles', () => l10n.t('Roles (app-only)')],
  ['upn', () => l10n.t('User principal name')],
  ['unique_name', () => l10n.t('Unique name')],
  ['email', () => l10n.t('Email')],
  ['preferred_username', () => l10n.t('Preferred username')],
  ['tid', () => l10n.t('Tenant ID')],
  ['appid', () => l10n.t('Application (client) ID')],
  ['azp', () => l10n.t('Authorized party (client ID)')],
  ['app_displayname', () => l10n.t('Application name')],
  ['iat', () => l10n.t('Issued at')],
  ['nbf', () => l10n.t('Not before')],
  ['exp', () => l10n.t('Expires')],
  ['iss', () => l10n.t('Issuer')],
  ['sub', () => l10n.t('Subject')],
  ['oid', () => l10n.t('Object ID')],
  ['idtyp', () => l10n.t('Identity type')],
  ['ver', () => l10n.t('Token version')],
];
const DATE_CLAIMS = new Set(['iat', 'nbf', 'exp', 'auth_time']);

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const JWE_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

export function inspectToken(rawToken: string, now: Date = new Date()): TokenInspection {
  const token = rawToken.trim();
  const base: TokenInspection = {
    kind: 'opaque',
    description: describeOpaque(token),
    length: token.length,
    claimViews: [],
    audiences: [],
    scopes: [],
    roles: [],
    problems: [],
  };
  if (JWE_SHAPE.test(token)) {
    return { ...base, kind: 'jwe', description: l10n.t('Encrypted JWT (JWE): its claims can only be read by the resource it was issued for.') };
  }
  if (!JWT_SHAPE.test(token) || !token.startsWith('eyJ')) return base;

  let header: Record<string, unknown>;
  let claims: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(token) as Record<string, unknown>;
    claims = decodeJwt(token) as Record<string, unknown>;
  } catch (e) {
    return {
      ...base,
      kind: 'jwt',
      description: l10n.t('A JWT that cannot be decoded'),
      problems: [error('jwt-malformed', l10n.t('The token looks like a JWT but cannot be decoded: {0}. It was probably truncated or altered.', (e as Error).message))],
    };
  }

  const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? v.split(/\s+/) : []);
  const date = (v: unknown): Date | undefined => (typeof v === 'number' && Number.isFinite(v) ? new Date(v * 1000) : undefined);
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

  const claimViews: ClaimView[] = [];
  const shown = new Set<string>();
  const view = (name: string, label: string) => {
    if (!(name in claims)) return;
    shown.add(name);
    claimViews.push({ name, label, value: displayValue(name, claims[name], now) });
  };
  for (const [name, label] of MAIL_CLAIMS) view(name, label());
  for (const name of Object.keys(claims)) if (!shown.has(name)) view(name, name);

  return {
    ...base,
    kind: 'jwt',
    description: describeJwt(header, claims),
    header,
    claims,
    claimViews,
    audiences: list(claims.aud),
    scopes: typeof claims.scp === 'string' ? claims.scp.split(/\s+/).filter(Boolean) : list(claims.scope ?? claims.scp),
    roles: list(claims.roles),
    account: str(claims.upn) ?? str(claims.unique_name) ?? str(claims.email) ?? str(claims.preferred_username),
    tenantId: str(claims.tid),
    appId: str(claims.appid) ?? str(claims.azp),
    issuer: str(claims.iss),
    issuedAt: date(claims.iat),
    notBefore: date(claims.nbf),
    expiresAt: date(claims.exp),
  };

  function displayValue(name: string, value: unknown, at: Date): string {
    if (DATE_CLAIMS.has(name) && typeof value === 'number') return formatDate(new Date(value * 1000), at);
    if (Array.isArray(value)) return value.map(String).join(' ');
    if (typeof value === 'object' && value !== null) return JSON.stringify(value);
    return String(value);
  }
}

function describeJwt(header: Record<string, unknown>, claims: Record<string, unknown>): string {
  const iss = typeof claims.iss === 'string' ? claims.iss : '';
  if (/login\.microsoftonline\.(com|us)|sts\.windows\.net|login\.partner\.microsoftonline\.cn|sts\.chinacloudapi\.cn/.test(iss)) {
    return l10n.t('Microsoft Entra ID access token (JWT, {0})', `${String(header.alg ?? 'unsigned')}${claims.ver ? `, v${String(claims.ver)}` : ''}`);
  }
  return l10n.t('JWT access token ({0})', String(header.alg ?? 'unsigned'));
}

function describeOpaque(token: string): string {
  if (/^Ew[A-Za-z0-9]/.test(token)) {
    return l10n.t('Opaque Microsoft account token (Outlook.com personal accounts issue these; only Microsoft can read them). Not an error.');
  }
  if (/^ya29\./.test(token)) {
    return l10n.t("Opaque Google access token. Google's tokeninfo endpoint shows its scopes and expiry.");
  }
  if (/^1\/\/|^1\//.test(token)) return l10n.t('A Google refresh token, not an access token: exchange it for an access token first.');
  if (/^M\.[A-Z0-9]+_/.test(token)) return l10n.t('A Microsoft account refresh token, not an access token: exchange it for an access token first.');
  return l10n.t('Opaque token: not a JWT, so its claims cannot be read here (the issuer can introspect it).');
}
