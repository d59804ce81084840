// Access-token inspection: decodes a JWT's header and claims with `jose` (no hand-rolled parsing) and
// puts the claims that matter for mail first; recognises opaque tokens (Outlook.com, Google) as such.
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

const MAIL_CLAIMS: [string, string][] = [
  ['aud', 'Audience'],
  ['scp', 'Scopes (delegated)'],
  ['roles', 'Roles (app-only)'],
  ['upn', 'User principal name'],
  ['unique_name', 'Unique name'],
  ['email', 'Email'],
  ['preferred_username', 'Preferred username'],
  ['tid', 'Tenant ID'],
  ['appid', 'Application (client) ID'],
  ['azp', 'Authorized party (client ID)'],
  ['app_displayname', 'Application name'],
  ['iat', 'Issued at'],
  ['nbf', 'Not before'],
  ['exp', 'Expires'],
  ['iss', 'Issuer'],
  ['sub', 'Subject'],
  ['oid', 'Object ID'],
  ['idtyp', 'Identity type'],
  ['ver', 'Token version'],
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
    return { ...base, kind: 'jwe', description: 'Encrypted JWT (JWE): its claims can only be read by the resource it was issued for.' };
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
      description: 'A JWT that cannot be decoded',
      problems: [error('jwt-malformed', `The token looks like a JWT but cannot be decoded: ${(e as Error).message}. It was probably truncated or altered.`)],
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
  for (const [name, label] of MAIL_CLAIMS) view(name, label);
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
    return `Microsoft Entra ID access token (JWT, ${String(header.alg ?? 'unsigned')}${claims.ver ? `, v${String(claims.ver)}` : ''})`;
  }
  return `JWT access token (${String(header.alg ?? 'unsigned')})`;
}

function describeOpaque(token: string): string {
  if (/^Ew[A-Za-z0-9]/.test(token)) {
    return 'Opaque Microsoft account token (Outlook.com personal accounts issue these; only Microsoft can read them). Not an error.';
  }
  if (/^ya29\./.test(token)) {
    return "Opaque Google access token. Google's tokeninfo endpoint shows its scopes and expiry.";
  }
  if (/^1\/\/|^1\//.test(token)) return 'A Google refresh token, not an access token: exchange it for an access token first.';
  if (/^M\.[A-Z0-9]+_/.test(token)) return 'A Microsoft account refresh token, not an access token: exchange it for an access token first.';
  return 'Opaque token: not a JWT, so its claims cannot be read here (the issuer can introspect it).';
}
