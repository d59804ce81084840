// The mailOAuth.oidc.providers setting checked and completed with its presets (Google, Keycloak, generic):
// each entry becomes a provider configuration or a problem that names the entry and the field. A bad entry
// is skipped (or, for a field that only narrows what works, kept without it), never thrown. No vscode import.
import * as l10n from '@vscode/l10n';

export const OIDC_SETTING = 'mailOAuth.oidc.providers';
export type OidcPresetId = 'google' | 'keycloak' | 'generic';
export type OidcFlowId = 'authorizationCode' | 'deviceCode' | 'clientCredentials';
export const OIDC_FLOWS: readonly OidcFlowId[] = ['authorizationCode', 'deviceCode', 'clientCredentials'];
const PRESET_IDS: readonly OidcPresetId[] = ['google', 'keycloak', 'generic'];
const ENDPOINT_FIELDS = ['authorization', 'token', 'deviceAuthorization', 'introspection', 'revocation', 'userinfo'] as const;
const KNOWN_FIELDS = new Set(['id', 'label', 'preset', 'issuer', 'endpoints', 'clientId', 'scopes', 'mailHosts', 'usernameClaim', 'flows', 'introspectionClientId']);
/** More providers than anyone configures; the rest are named as skipped (every entry costs a discovery). */
export const MAX_PROVIDERS = 50;
const MAX_STRING = 2048;
const MAX_LIST = 50;

export type OidcEndpointsConfig = Partial<Record<(typeof ENDPOINT_FIELDS)[number], string>> & { authorization: string; token: string };

export interface OidcProviderConfig {
  id: string;
  /** As the Accounts view shows it: the label, else the preset's name, else the id. */
  label: string;
  preset: OidcPresetId;
  issuer: string;
  endpoints?: OidcEndpointsConfig;
  clientId: string;
  scopes: string[];
  mailHosts: string[];
  /** Claims of the ID token that name the account, in order. */
  usernameClaims: string[];
  /** The flows the person listed (tried in this order), or undefined for the default order. */
  flows?: OidcFlowId[];
  introspectionClientId?: string;
  /** False where the provider refuses the configured scopes in its device flow (Google's mail scope). */
  deviceCodeAllowed: boolean;
  /** Extra authorization request parameters the preset needs (Google: a refresh token only with access_type=offline). */
  authorizationParameters: Record<string, string>;
  /** Plain http endpoints on this machine (a local test provider). */
  allowHttp: boolean;
}

export type OidcSettingProblemCode =
  | 'not-a-list'
  | 'too-many'
  | 'not-an-object'
  | 'missing'
  | 'bad-id'
  | 'duplicate-id'
  | 'not-a-string'
  | 'bad-preset'
  | 'bad-url'
  | 'insecure-url'
  | 'keycloak-issuer'
  | 'issuer-or-endpoints'
  | 'not-a-string-list'
  | 'bad-scope'
  | 'bad-host'
  | 'bad-flow'
  | 'google-device-code'
  | 'unknown-field';

export interface OidcSettingProblem {
  code: OidcSettingProblemCode;
  /** Index in the setting's list; -1 for the setting itself. */
  index: number;
  /** The entry's id when it has a usable one. */
  id?: string;
  /** The field (`issuer`, `endpoints.token`), empty for the entry as a whole. */
  field: string;
  /** 'error': the entry is skipped; 'warning': it is used without the field. */
  severity: 'error' | 'warning';
  value?: string;
  message: string;
}

export interface OidcProvidersResult {
  providers: OidcProviderConfig[];
  problems: OidcSettingProblem[];
}

const GOOGLE_MAIL_SCOPE = 'https://mail.google.com/';

interface Preset {
  label: string;
  issuer?: string;
  scopes: string[];
  mailHosts: string[];
  authorizationParameters: Record<string, string>;
}

const PRESETS: Record<OidcPresetId, Preset> = {
  google: {
    label: 'Google',
    issuer: 'https://accounts.google.com',
    scopes: ['openid', 'email', GOOGLE_MAIL_SCOPE],
    mailHosts: ['imap.gmail.com', 'pop.gmail.com', 'smtp.gmail.com'],
    // Google hands out a refresh token only for access_type=offline, and again on later sign-ins only with prompt=consent.
    authorizationParameters: { access_type: 'offline', prompt: 'consent' },
  },
  keycloak: { label: 'Keycloak', scopes: ['openid', 'email', 'offline_access'], mailHosts: [], authorizationParameters: {} },
  generic: { label: '', scopes: ['openid', 'email', 'offline_access'], mailHosts: [], authorizationParameters: {} },
};

/** The preset's defaults, for the README, the set-up messages and the tests. */
export function oidcPreset(id: OidcPresetId): Readonly<Preset> {
  return PRESETS[id];
}

const where = (index: number, id: string | undefined, field: string) => {
  const entry = id ? `${OIDC_SETTING}[${index}] ("${id}")` : `${OIDC_SETTING}[${index}]`;
  return field ? `${entry}.${field}` : entry;
};

const MESSAGES: Record<OidcSettingProblemCode, (w: string, v: string) => string> = {
  'not-a-list': () => l10n.t('{0} must be a list of providers ([{ "id", "issuer", "clientId" }]): it was ignored.', OIDC_SETTING),
  'too-many': (w) => l10n.t('{0}: more than {1} providers; this one and the ones after it were skipped.', w, MAX_PROVIDERS),
  'not-an-object': (w) => l10n.t('{0} is not an object: skipped.', w),
  missing: (w) => l10n.t('{0} is missing: the entry was skipped.', w),
  'bad-id': (w, v) => l10n.t('{0} "{1}" is not a valid id (lower-case letters, digits and "-", at most 40, starting with a letter or digit): the entry was skipped.', w, v),
  'duplicate-id': (w, v) => l10n.t('{0} "{1}" is used by an earlier entry: ids must be unique; the entry was skipped.', w, v),
  'not-a-string': (w) => l10n.t('{0} must be a text: the entry was skipped.', w),
  'bad-preset': (w, v) => l10n.t('{0} "{1}" is not a preset: use "google", "keycloak" or "generic"; the entry was skipped.', w, v),
  'bad-url': (w, v) => l10n.t('{0} "{1}" is not a URL: the entry was skipped.', w, v),
  'insecure-url': (w, v) => l10n.t('{0} "{1}" does not use https (http is allowed for this machine only: 127.0.0.1, ::1, localhost): the entry was skipped.', w, v),
  'keycloak-issuer': (w, v) => l10n.t('{0} "{1}" is not a Keycloak realm URL: Keycloak issuers look like https://HOST/realms/REALM; the entry was skipped.', w, v),
  'issuer-or-endpoints': (w) => l10n.t('{0} needs an "issuer" (discovery) or "endpoints" with "authorization" and "token": the entry was skipped.', w),
  'not-a-string-list': (w) => l10n.t('{0} must be a list of texts: the entry was skipped.', w),
  'bad-scope': (w, v) => l10n.t('{0}: "{1}" is not a scope (no spaces or control characters): the entry was skipped.', w, v),
  'bad-host': (w, v) => l10n.t('{0}: "{1}" is not a host name: the entry was skipped.', w, v),
  'bad-flow': (w, v) => l10n.t('{0}: "{1}" is not a flow (use "authorizationCode", "deviceCode", "clientCredentials"): it was ignored.', w, v),
  'google-device-code': (w) =>
    l10n.t('{0}: Google does not allow the Gmail scope (https://mail.google.com/) in its device code flow; the device code flow is not offered for this provider (sign in through the browser).', w),
  'unknown-field': (w) => l10n.t('{0} is not a field of an OpenID provider (a typo?): it was ignored.', w),
};

/** Checks the setting's value; never throws, whatever it holds. */
export function resolveOidcProviders(raw: unknown): OidcProvidersResult {
  const providers: OidcProviderConfig[] = [];
  const problems: OidcSettingProblem[] = [];
  if (raw === undefined || raw === null) return { providers, problems };
  if (!Array.isArray(raw)) {
    problems.push(problem('not-a-list', -1, undefined, '', 'error'));
    return { providers, problems };
  }
  const ids = new Set<string>();
  for (let index = 0; index < raw.length; index++) {
    if (index >= MAX_PROVIDERS) {
      problems.push(problem('too-many', index, undefined, '', 'error'));
      break;
    }
    const entryProblems: OidcSettingProblem[] = [];
    const p = resolveEntry(raw[index], index, ids, entryProblems);
    problems.push(...entryProblems);
    if (p) {
      ids.add(p.id);
      providers.push(p);
    }
  }
  return { providers, problems };
}

function problem(code: OidcSettingProblemCode, index: number, id: string | undefined, field: string, severity: 'error' | 'warning', value?: string): OidcSettingProblem {
  const shown = value === undefined ? '' : clipValue(value);
  return { code, index, ...(id ? { id } : {}), field, severity, ...(value === undefined ? {} : { value: shown }), message: MESSAGES[code](where(index, id, field), shown) };
}

/** Values are quoted in messages: bounded and without control characters. */
function clipValue(v: string): string {
  const s = v.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '?');
  return s.length > 120 ? `${s.slice(0, 120)}…` : s;
}

function resolveEntry(entry: unknown, index: number, ids: Set<string>, problems: OidcSettingProblem[]): OidcProviderConfig | undefined {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    problems.push(problem('not-an-object', index, undefined, '', 'error'));
    return undefined;
  }
  const e = entry as Record<string, unknown>;
  // The id first: every later message names the entry by it.
  let id: string | undefined;
  if (e.id === undefined) problems.push(problem('missing', index, undefined, 'id', 'error'));
  else if (typeof e.id !== 'string' || !/^[a-z0-9][a-z0-9-]{0,39}$/.test(e.id)) problems.push(problem('bad-id', index, undefined, 'id', 'error', String(e.id)));
  else if (ids.has(e.id)) problems.push(problem('duplicate-id', index, undefined, 'id', 'error', e.id));
  else id = e.id;
  const fail = (code: OidcSettingProblemCode, field: string, value?: string) => {
    problems.push(problem(code, index, id, field, 'error', value));
    return undefined;
  };
  const warn = (code: OidcSettingProblemCode, field: string, value?: string) => problems.push(problem(code, index, id, field, 'warning', value));
  for (const k of Object.keys(e)) if (!KNOWN_FIELDS.has(k)) warn('unknown-field', clipValue(k));

  const str = (field: string, required: boolean): string | undefined | null => {
    const v = e[field];
    if (v === undefined || (typeof v === 'string' && !v.trim())) return required ? (fail('missing', field), null) : undefined;
    if (typeof v !== 'string' || v.length > MAX_STRING) return (fail('not-a-string', field), null);
    return v.trim();
  };
  const presetRaw = str('preset', false);
  if (presetRaw === null) return undefined;
  if (presetRaw !== undefined && !PRESET_IDS.includes(presetRaw as OidcPresetId)) return fail('bad-preset', 'preset', presetRaw);
  const preset = (presetRaw ?? 'generic') as OidcPresetId;
  const defaults = PRESETS[preset];
  const label = str('label', false);
  const clientId = str('clientId', true);
  const issuerRaw = str('issuer', false);
  const usernameClaim = str('usernameClaim', false);
  const introspectionClientId = str('introspectionClientId', false);
  if (label === null || clientId === null || issuerRaw === null || usernameClaim === null || introspectionClientId === null || !id || !clientId) return undefined;

  let allowHttp = false;
  const url = (field: string, v: string): string | undefined => {
    let u: URL;
    try {
      u = new URL(v);
    } catch {
      return fail('bad-url', field, v);
    }
    if (u.protocol === 'http:' && isLoopback(u.hostname)) allowHttp = true;
    else if (u.protocol !== 'https:') return fail('insecure-url', field, v);
    if (u.username || u.password) return fail('bad-url', field, v);
    return v;
  };

  let endpoints: OidcEndpointsConfig | undefined;
  if (e.endpoints !== undefined) {
    if (typeof e.endpoints !== 'object' || e.endpoints === null || Array.isArray(e.endpoints)) return fail('not-an-object', 'endpoints');
    const raw = e.endpoints as Record<string, unknown>;
    const out: Partial<Record<(typeof ENDPOINT_FIELDS)[number], string>> = {};
    for (const k of Object.keys(raw)) if (!(ENDPOINT_FIELDS as readonly string[]).includes(k)) warn('unknown-field', `endpoints.${clipValue(k)}`);
    for (const f of ENDPOINT_FIELDS) {
      const v = raw[f];
      if (v === undefined) continue;
      if (typeof v !== 'string' || v.length > MAX_STRING) return fail('not-a-string', `endpoints.${f}`);
      if (!url(`endpoints.${f}`, v.trim())) return undefined;
      out[f] = v.trim();
    }
    if (!out.authorization) return fail('missing', 'endpoints.authorization');
    if (!out.token) return fail('missing', 'endpoints.token');
    endpoints = out as OidcEndpointsConfig;
  }
  const issuerGiven = issuerRaw ?? defaults.issuer;
  if (!issuerGiven && !endpoints) return fail('issuer-or-endpoints', '');
  if (issuerGiven && !url('issuer', issuerGiven)) return undefined;
  if (preset === 'keycloak' && issuerGiven && !/\/realms\/[^/]+\/?$/.test(new URL(issuerGiven).pathname)) return fail('keycloak-issuer', 'issuer', issuerGiven);
  // Explicit endpoints without an issuer: the authorization server's origin stands in (ID tokens then name it).
  const issuer = issuerGiven ?? new URL(endpoints!.authorization).origin;

  const list = (field: string, fallback: string[], valid: (s: string) => boolean, bad: OidcSettingProblemCode): string[] | undefined => {
    const v = e[field];
    if (v === undefined) return [...fallback];
    if (!Array.isArray(v) || v.length > MAX_LIST || v.some((s) => typeof s !== 'string' || s.length > MAX_STRING)) return fail('not-a-string-list', field);
    const items = (v as string[]).map((s) => s.trim()).filter(Boolean);
    const wrong = items.find((s) => !valid(s));
    if (wrong !== undefined) return fail(bad, field, wrong);
    return [...new Set(items)];
  };
  const scopes = list('scopes', defaults.scopes, (s) => /^[\x21\x23-\x5b\x5d-\x7e]+$/.test(s), 'bad-scope');
  if (!scopes) return undefined;
  const mailHosts = list('mailHosts', defaults.mailHosts, (s) => /^[a-z0-9.:[\]-]{1,253}$/i.test(s), 'bad-host');
  if (!mailHosts) return undefined;

  let flows: OidcFlowId[] | undefined;
  if (e.flows !== undefined) {
    if (!Array.isArray(e.flows)) return fail('not-a-string-list', 'flows');
    flows = [];
    for (const f of e.flows.slice(0, MAX_LIST)) {
      if (OIDC_FLOWS.includes(f as OidcFlowId)) {
        if (!flows.includes(f as OidcFlowId)) flows.push(f as OidcFlowId);
      } else warn('bad-flow', 'flows', typeof f === 'string' ? f : (JSON.stringify(f) ?? String(f)));
    }
  }
  const deviceCodeAllowed = !(preset === 'google' || /^https:\/\/accounts\.google\.com\/?$/.test(issuer)) || !scopes.includes(GOOGLE_MAIL_SCOPE);
  if (!deviceCodeAllowed && flows?.includes('deviceCode')) {
    warn('google-device-code', 'flows');
    flows = flows.filter((f) => f !== 'deviceCode');
  }
  return {
    id,
    label: label ?? (defaults.label || id),
    preset,
    issuer,
    ...(endpoints ? { endpoints } : {}),
    clientId,
    scopes,
    mailHosts: mailHosts.map((h) => h.toLowerCase()),
    usernameClaims: [...new Set([usernameClaim ?? 'email', 'email', 'preferred_username'])],
    ...(flows ? { flows } : {}),
    ...(introspectionClientId ? { introspectionClientId } : {}),
    deviceCodeAllowed,
    authorizationParameters: { ...defaults.authorizationParameters },
    allowHttp,
  };
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** Where the extension host runs (the same kinds as the Microsoft flows' choice). */
export type HostKind = 'desktop' | 'remote' | 'web';

/**
 * The flows to try for a sign-in, in order: the ones the person listed, else the browser first on a
 * desktop and the device code first elsewhere (the loopback redirect needs the browser on this machine).
 * Device code only where allowed (and, at run time, offered by the provider); client credentials only
 * when listed and a client secret is stored.
 */
export function chooseOidcFlows(p: OidcProviderConfig, host: HostKind, hasSecret: boolean): OidcFlowId[] {
  const order: OidcFlowId[] = p.flows ?? (host === 'desktop' ? ['authorizationCode', 'deviceCode'] : ['deviceCode', 'authorizationCode']);
  return order.filter((f) => (f === 'deviceCode' ? p.deviceCodeAllowed : f === 'clientCredentials' ? hasSecret && !!p.flows?.includes(f) : true));
}

/** The key of the provider's client secret in SecretStorage. */
export function clientSecretKey(providerId: string): string {
  return `mailOAuth.oidc.clientSecret.${providerId}`;
}

/** The provider a token for the host comes from: the first whose mailHosts list it. */
export function providerForHost(providers: readonly OidcProviderConfig[], host: string): OidcProviderConfig | undefined {
  const h = host.trim().toLowerCase().replace(/\.$/, '');
  return providers.find((p) => p.mailHosts.includes(h));
}

/** The prefix of session scopes that names the provider: getSession('mail-oauth-oidc', ['provider:google', ...]). */
export const PROVIDER_SCOPE_PREFIX = 'provider:';

/** Splits vscode.authentication scopes into the provider id and the OAuth scopes. */
export function parseSessionScopes(scopes: readonly string[] | undefined): { providerId?: string; scopes: string[] } {
  const all = [...(scopes ?? [])];
  const tag = all.find((s) => s.startsWith(PROVIDER_SCOPE_PREFIX));
  return { ...(tag ? { providerId: tag.slice(PROVIDER_SCOPE_PREFIX.length) } : {}), scopes: all.filter((s) => !s.startsWith(PROVIDER_SCOPE_PREFIX)) };
}
