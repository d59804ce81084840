// Access-token inspection: decodes a JWT's header and claims with `jose` (no hand-rolled parsing) and
// puts the claims that matter for mail first; recognises opaque tokens (Outlook.com, Google) as such, and
// says whose token it is (Microsoft, Google, Keycloak, another OpenID provider) and what for (access, ID,
// refresh token, authorization code), so that the checks fit the provider.
import * as l10n from '@vscode/l10n';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { Problem, error } from '../sasl/problems';
import { formatDate } from './time';

/** 'introspected': claims from the issuer's RFC 7662 introspection (or Google's tokeninfo), not from the token. */
export type TokenKind = 'jwt' | 'jwe' | 'opaque' | 'introspected';

/** Who issued the token, as far as its issuer URL or its prefix tells. */
export type IssuerKind = 'microsoft' | 'google' | 'keycloak' | 'generic';

/** What the token is for: only an access token opens a mailbox. */
export type TokenUse = 'access' | 'id' | 'refresh' | 'code';

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
  /** Microsoft, Google, Keycloak or another provider: decides which checks apply. */
  issuerKind?: IssuerKind;
  /** Known only when the token says so (Keycloak's typ, Google's prefixes, an ID token's nonce). */
  use?: TokenUse;
  issuedAt?: Date;
  notBefore?: Date;
  expiresAt?: Date;
  problems: Problem[];
}

// Labels are looked up when shown: the language may change after this module loads.
const MAIL_CLAIMS: [string, () => string][] = [
  ['aud', () => l10n.t('Audience')],
  ['scp', () => l10n.t('Scopes (delegated)')],
  ['scope', () => l10n.t('Scopes')],
  ['roles', () => l10n.t('Roles (app-only)')],
  ['upn', () => l10n.t('User principal name')],
  ['unique_name', () => l10n.t('Unique name')],
  ['email', () => l10n.t('Email')],
  ['preferred_username', () => l10n.t('Preferred username')],
  ['tid', () => l10n.t('Tenant ID')],
  ['appid', () => l10n.t('Application (client) ID')],
  ['azp', () => l10n.t('Authorized party (client ID)')],
  ['client_id', () => l10n.t('Client ID')],
  ['typ', () => l10n.t('Token type')],
  ['realm_access', () => l10n.t('Realm roles')],
  ['resource_access', () => l10n.t('Client roles')],
  ['email_verified', () => l10n.t('Email verified')],
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
    ...opaqueOrigin(token),
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

  return { ...inspectClaims(claims, now, 'jwt', token.length, header), description: describeJwt(header, claims) };
}

/**
 * A token inspection from claims: a JWT's, or what an introspection endpoint answered for an opaque token
 * (RFC 7662 uses the same claim names: scope, client_id, username, exp, iat, nbf, aud, iss).
 */
export function inspectClaims(claims: Record<string, unknown>, now: Date, kind: 'jwt' | 'introspected', length: number, header?: Record<string, unknown>): TokenInspection {
  const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? v.split(/\s+/).filter(Boolean) : []);
  // Google's tokeninfo sends exp as a string of digits.
  const date = (v: unknown): Date | undefined => {
    const n = typeof v === 'string' && /^\d{1,12}$/.test(v) ? Number(v) : v;
    return typeof n === 'number' && Number.isFinite(n) ? new Date(n * 1000) : undefined;
  };
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

  const issuer = str(claims.iss);
  const issuerKind = issuerKindOf(issuer, claims);
  return {
    kind,
    description: kind === 'jwt' ? l10n.t('JWT access token ({0})', 'unsigned') : l10n.t("Opaque token, described by its issuer's introspection answer"),
    length,
    header,
    claims,
    claimViews,
    audiences: list(claims.aud),
    scopes: typeof claims.scp === 'string' ? list(claims.scp) : list(claims.scope ?? claims.scp),
    roles: list(claims.roles),
    account: str(claims.upn) ?? str(claims.unique_name) ?? str(claims.email) ?? str(claims.preferred_username) ?? str(claims.username),
    tenantId: str(claims.tid),
    appId: str(claims.appid) ?? str(claims.azp) ?? str(claims.client_id),
    issuer,
    issuerKind,
    use: useOf(claims, issuerKind, kind),
    issuedAt: date(claims.iat),
    notBefore: date(claims.nbf),
    expiresAt: date(claims.exp),
    problems: [],
  };
}

function displayValue(name: string, value: unknown, at: Date): string {
  if (DATE_CLAIMS.has(name) && typeof value === 'number') return formatDate(new Date(value * 1000), at);
  // Keycloak's roles: {"roles":[...]} per realm, and per client under resource_access.
  if (name === 'realm_access' && isRecord(value) && Array.isArray(value.roles)) return value.roles.map(String).join(' ');
  if (name === 'resource_access' && isRecord(value)) {
    return Object.entries(value)
      .map(([client, v]) => `${client}: ${isRecord(v) && Array.isArray(v.roles) ? v.roles.map(String).join(' ') : JSON.stringify(v)}`)
      .join('; ');
  }
  if (Array.isArray(value)) return value.map(String).join(' ');
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const MICROSOFT_ISSUER = /login\.microsoftonline\.(com|us)|sts\.windows\.net|login\.partner\.microsoftonline\.cn|sts\.chinacloudapi\.cn/;
const GOOGLE_ISSUER = /^(?:https:\/\/)?accounts\.google\.com\/?$/;
// Keycloak's issuer is https://HOST[/auth]/realms/REALM (the /auth prefix before Keycloak 17).
const KEYCLOAK_ISSUER = /\/realms\/[^/]+\/?$/;

export function issuerKindOf(issuer: string | undefined, claims: Record<string, unknown> = {}): IssuerKind | undefined {
  // A tid claim is Microsoft's (the local test provider in Microsoft's layout has its own host).
  if ((issuer !== undefined && MICROSOFT_ISSUER.test(issuer)) || typeof claims.tid === 'string') return 'microsoft';
  if (issuer === undefined) return undefined;
  if (GOOGLE_ISSUER.test(issuer)) return 'google';
  if (KEYCLOAK_ISSUER.test(issuer)) return 'keycloak';
  return 'generic';
}

function useOf(claims: Record<string, unknown>, issuerKind: IssuerKind | undefined, kind: 'jwt' | 'introspected'): TokenUse | undefined {
  if (kind === 'introspected') return undefined;
  // Keycloak writes the token's use into typ: Bearer, ID, Refresh, Offline (an offline_access refresh token), Logout.
  const typ = typeof claims.typ === 'string' ? claims.typ.toLowerCase() : '';
  if (typ === 'bearer') return 'access';
  if (typ === 'id') return 'id';
  if (typ === 'refresh' || typ === 'offline') return 'refresh';
  // Google's access tokens are opaque (ya29.); a JWT from accounts.google.com is an ID token.
  if (issuerKind === 'google') return 'id';
  if (typeof claims.nonce === 'string' && claims.scope === undefined && claims.scp === undefined) return 'id';
  return undefined;
}

/** Issuer and use of an opaque token, from the prefixes Google and Microsoft use. */
function opaqueOrigin(token: string): Pick<TokenInspection, 'issuerKind' | 'use'> {
  if (/^ya29\./.test(token)) return { issuerKind: 'google', use: 'access' };
  if (/^1\/\/?[A-Za-z0-9_-]/.test(token)) return { issuerKind: 'google', use: 'refresh' };
  if (/^4\/[A-Za-z0-9_-]/.test(token)) return { issuerKind: 'google', use: 'code' };
  if (/^Ew[A-Za-z0-9]/.test(token)) return { issuerKind: 'microsoft', use: 'access' };
  if (/^M\.[A-Z0-9]+_/.test(token)) return { issuerKind: 'microsoft', use: 'refresh' };
  return {};
}

function describeJwt(header: Record<string, unknown>, claims: Record<string, unknown>): string {
  const iss = typeof claims.iss === 'string' ? claims.iss : undefined;
  const alg = String(header.alg ?? 'unsigned');
  const kind = issuerKindOf(iss, claims);
  const use = useOf(claims, kind, 'jwt');
  if (kind === 'microsoft') {
    return l10n.t('Microsoft Entra ID access token (JWT, {0})', `${alg}${claims.ver ? `, v${String(claims.ver)}` : ''}`);
  }
  if (kind === 'google') {
    return l10n.t('Google ID token (JWT, {0}): it says who signed in, it is not an access token. Gmail accepts only the opaque access token (ya29.…) from the same token response.', alg);
  }
  if (kind === 'keycloak') {
    const realm = /\/realms\/([^/]+)\/?$/.exec(iss ?? '')?.[1] ?? '';
    if (use === 'id') return l10n.t('Keycloak ID token (JWT, {0}, realm {1}): not an access token', alg, realm);
    if (use === 'refresh') return l10n.t('Keycloak refresh token (JWT, {0}, realm {1}): not an access token', alg, realm);
    return l10n.t('Keycloak access token (JWT, {0}, realm {1})', alg, realm);
  }
  if (use === 'id') return l10n.t('OpenID Connect ID token (JWT, {0}): not an access token', alg);
  return l10n.t('JWT access token ({0})', alg);
}

/** What a token base64-encoded a second time decodes to: "ZXlK" is base64 of "eyJ" (a JWT), "eWEyOS" of "ya29" (Google's). */
export function doubleEncodedStart(token: string): 'eyJ' | 'ya29' | undefined {
  return token.startsWith('ZXlK') ? 'eyJ' : token.startsWith('eWEyOS') ? 'ya29' : undefined;
}

function describeOpaque(token: string): string {
  if (/^Ew[A-Za-z0-9]/.test(token)) {
    return l10n.t('Opaque Microsoft account token (Outlook.com personal accounts issue these; only Microsoft can read them). Not an error.');
  }
  if (/^ya29\./.test(token)) {
    return l10n.t(
      "Opaque Google access token (ya29.…): only Google can read it, so its scopes and expiry cannot be decoded here. Google's tokeninfo endpoint shows them (https://oauth2.googleapis.com/tokeninfo?access_token=…, or mailoauth inspect --tokeninfo); Gmail needs the scope https://mail.google.com/. Access tokens last one hour.",
    );
  }
  if (/^1\/\/?[A-Za-z0-9_-]/.test(token))
    return l10n.t('A Google refresh token (1//…), not an access token: exchange it at https://oauth2.googleapis.com/token (grant_type=refresh_token) for an access token first.');
  if (/^4\/[A-Za-z0-9_-]/.test(token)) {
    return l10n.t(
      'A Google authorization code (4/…), not an access token: redeem it once at https://oauth2.googleapis.com/token (grant_type=authorization_code) within minutes, with the same redirect_uri and PKCE verifier.',
    );
  }
  if (/^M\.[A-Z0-9]+_/.test(token)) return l10n.t('A Microsoft account refresh token, not an access token: exchange it for an access token first.');
  const doubled = doubleEncodedStart(token);
  if (doubled) {
    return doubled === 'eyJ'
      ? l10n.t('Not an access token as it is: the base64 of a JWT (it decodes to "eyJ…"). The token was base64-encoded a second time; send the token itself.')
      : l10n.t('Not an access token as it is: the base64 of a Google access token (it decodes to "ya29…"). The token was base64-encoded a second time; send the token itself.');
  }
  const jwtStart = /^eyJ[A-Za-z0-9_-]{8,}(\.[A-Za-z0-9_-]*)?$/.exec(token);
  if (jwtStart) {
    return l10n.t(
      'This starts like a JWT (eyJ…) but has only {0} of its three dot-separated parts: it was cut off (a log, a terminal or a copy shortened it). Copy the whole token.',
      jwtStart[1] === undefined ? '1' : '2',
    );
  }
  return l10n.t('Opaque token: not a JWT, so its claims cannot be read here (the issuer can introspect it).');
}
