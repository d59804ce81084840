// The sign-in settings (client ID, tenant, cloud or custom authority) checked and turned into what MSAL
// needs, with a message that says what to change for each wrong value. No vscode import: tested in Node.

export type Cloud = 'global' | 'usGovernment' | 'china';
export type SignInFlow = 'auto' | 'authorizationCode' | 'deviceCode';
export type MailProtocolScope = 'imap' | 'pop3' | 'smtp';

/** What the user typed, as read from the settings. */
export interface RawAuthSettings {
  clientId?: unknown;
  tenant?: unknown;
  cloud?: unknown;
  authority?: unknown;
}

export interface CloudInfo {
  label: string;
  loginHost: string;
  /** Resource of delegated mail scopes (IMAP.AccessAsUser.All, ...). */
  outlookResource: string;
  /** Resource of app-only mail tokens (client credentials). */
  appResource: string;
}

export const CLOUDS: Record<Cloud, CloudInfo> = {
  global: { label: 'Global (login.microsoftonline.com)', loginHost: 'login.microsoftonline.com', outlookResource: 'https://outlook.office.com', appResource: 'https://outlook.office365.com' },
  usGovernment: { label: 'US Government (login.microsoftonline.us)', loginHost: 'login.microsoftonline.us', outlookResource: 'https://outlook.office365.us', appResource: 'https://outlook.office365.us' },
  china: { label: 'China operated by 21Vianet (login.chinacloudapi.cn)', loginHost: 'login.chinacloudapi.cn', outlookResource: 'https://partner.outlook.cn', appResource: 'https://partner.outlook.cn' },
};

export interface AuthConfig {
  clientId: string;
  /** Full authority URL, e.g. https://login.microsoftonline.com/organizations. */
  authority: string;
  /** Set for a custom authority: MSAL must trust its host without Microsoft's instance discovery. */
  knownAuthorities: string[];
  cloud: Cloud;
  outlookResource: string;
  appResource: string;
  /** The tenant segment of the authority (organizations, common, consumers, an ID or a domain). */
  tenant: string;
}

export interface SettingProblem {
  /** The setting to change, e.g. mailOAuth.auth.clientId. */
  setting: string;
  message: string;
}

export type AuthSettingsResult = { ok: true; config: AuthConfig } | { ok: false; problem: SettingProblem };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const WHERE_CLIENT_ID = 'Copy the "Application (client) ID" from Azure portal → Microsoft Entra ID → App registrations → your app → Overview.';

export function checkClientId(value: unknown): SettingProblem | undefined {
  const setting = 'mailOAuth.auth.clientId';
  const v = typeof value === 'string' ? value.trim() : '';
  if (!v) return { setting, message: `No client ID is set. ${WHERE_CLIENT_ID}` };
  if (GUID.test(v)) return undefined;
  if (/^[^@\s]+@[^@\s]+$/.test(v)) {
    return { setting, message: `The client ID "${v}" is an email address, not an application ID. The client ID is a GUID such as 4a1aa1d5-c567-49d0-ad0b-cd957a47f842. ${WHERE_CLIENT_ID}` };
  }
  if (/^https?:\/\//i.test(v)) return { setting, message: `The client ID "${v}" is a URL. Put authority URLs in mailOAuth.auth.authority; the client ID is a GUID. ${WHERE_CLIENT_ID}` };
  if (/~/.test(v) || v.length >= 34) {
    // Looks like a client secret value: never echo it back.
    return { setting, message: `The client ID looks like a client secret. Never keep secrets in settings: remove it, and store secrets with "Mail OAuth: Set Client Secret for App-Only Tokens". ${WHERE_CLIENT_ID}` };
  }
  return { setting, message: `The client ID "${v}" is not a GUID (8-4-4-4-12 hexadecimal digits). ${WHERE_CLIENT_ID}` };
}

export function checkTenant(value: unknown): SettingProblem | undefined {
  const setting = 'mailOAuth.auth.tenant';
  const v = typeof value === 'string' ? value.trim() : '';
  if (!v) return { setting, message: 'No tenant is set. Use organizations (work or school accounts), common, consumers (Outlook.com), a tenant ID or a domain such as contoso.onmicrosoft.com.' };
  if (['organizations', 'common', 'consumers'].includes(v.toLowerCase()) || GUID.test(v) || DOMAIN.test(v)) return undefined;
  const at = /^[^@\s]+@([^@\s]+)$/.exec(v);
  if (at) return { setting, message: `The tenant "${v}" is an email address. Use its domain (${at[1]}) or the tenant ID from Microsoft Entra ID → Overview.` };
  if (/^https?:\/\//i.test(v)) return { setting, message: `The tenant "${v}" is a URL. Put a full authority URL in mailOAuth.auth.authority, or only the tenant here (organizations, common, consumers, a tenant ID or a domain).` };
  return { setting, message: `The tenant "${v}" is neither organizations, common, consumers, a tenant ID (GUID) nor a domain such as contoso.onmicrosoft.com.` };
}

/** Checks a custom authority URL; returns it normalized (no trailing slash) or a problem. */
export function checkAuthority(value: string): { url: URL } | { problem: SettingProblem } {
  const setting = 'mailOAuth.auth.authority';
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return { problem: { setting, message: `The authority "${value}" is not a URL. Example: https://login.microsoftonline.com/contoso.onmicrosoft.com (or leave it empty and set the tenant and cloud).` } };
  }
  if (url.protocol !== 'https:') {
    return { problem: { setting, message: `The authority "${value}" must use https:// (MSAL refuses other schemes: authority_uri_insecure).` } };
  }
  const segments = url.pathname.split('/').filter(Boolean);
  if (segments.length === 0) {
    return { problem: { setting, message: `The authority "${value}" names no tenant. Add one: ${url.origin}/organizations, ${url.origin}/common or ${url.origin}/<tenant ID or domain>.` } };
  }
  if (url.search || url.hash) return { problem: { setting, message: `The authority "${value}" must not carry a query or fragment.` } };
  return { url };
}

export function resolveAuthSettings(raw: RawAuthSettings): AuthSettingsResult {
  const clientProblem = checkClientId(raw.clientId);
  if (clientProblem) return { ok: false, problem: clientProblem };
  const clientId = String(raw.clientId).trim();
  const cloud: Cloud = raw.cloud === 'usGovernment' || raw.cloud === 'china' ? raw.cloud : 'global';
  const info = CLOUDS[cloud];
  const custom = typeof raw.authority === 'string' ? raw.authority.trim() : '';
  if (custom) {
    const checked = checkAuthority(custom);
    if ('problem' in checked) return { ok: false, problem: checked.problem };
    const { url } = checked;
    const segments = url.pathname.split('/').filter(Boolean);
    const isMicrosoftHost = Object.values(CLOUDS).some((c) => c.loginHost === url.host);
    return {
      ok: true,
      config: {
        clientId,
        authority: `${url.origin}/${segments.join('/')}`,
        knownAuthorities: isMicrosoftHost ? [] : [url.host],
        cloud,
        outlookResource: info.outlookResource,
        appResource: info.appResource,
        tenant: segments[segments.length - 1]!,
      },
    };
  }
  const tenantProblem = checkTenant(raw.tenant ?? 'organizations');
  if (tenantProblem) return { ok: false, problem: tenantProblem };
  const tenant = String(raw.tenant ?? 'organizations').trim();
  return {
    ok: true,
    config: { clientId, authority: `https://${info.loginHost}/${tenant}`, knownAuthorities: [], cloud, outlookResource: info.outlookResource, appResource: info.appResource, tenant },
  };
}

export const PROTOCOL_PERMISSIONS: Record<MailProtocolScope, string> = {
  imap: 'IMAP.AccessAsUser.All',
  pop3: 'POP.AccessAsUser.All',
  smtp: 'SMTP.Send',
};

/** The delegated scopes for one protocol: the full Outlook URL (as the seeds give it) plus offline_access. */
export function protocolScopes(protocol: MailProtocolScope, outlookResource = CLOUDS.global.outlookResource): string[] {
  return [`${outlookResource}/${PROTOCOL_PERMISSIONS[protocol]}`, 'offline_access'];
}

/** The scope of an app-only (client credentials) token for Exchange Online. */
export function appScopes(appResource = CLOUDS.global.appResource): string[] {
  return [`${appResource}/.default`];
}

const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);

/** The resource (https://host) a scope belongs to, or undefined for OpenID Connect scopes. */
export function scopeResource(scope: string): string | undefined {
  if (OIDC_SCOPES.has(scope.toLowerCase())) return undefined;
  const m = /^(https?:\/\/[^/]+)\//i.exec(scope) ?? /^(api:\/\/[^/]+)\//i.exec(scope);
  return m ? m[1]!.toLowerCase() : 'https://graph.microsoft.com';
}

/**
 * Checks that one token request names one resource: Entra rejects a request mixing, say, Outlook and Graph
 * scopes (AADSTS28000), and a token has a single audience anyway.
 */
export function checkScopes(scopes: readonly string[]): string | undefined {
  if (scopes.length === 0) return 'No scopes were requested. Ask for a protocol scope such as https://outlook.office.com/IMAP.AccessAsUser.All.';
  const resources = [...new Set(scopes.map(scopeResource).filter((r): r is string => !!r))];
  if (resources.length > 1) {
    return `The scopes name several resources (${resources.join(', ')}); one token serves one resource. Request them separately, e.g. only https://outlook.office.com/… scopes for IMAP, POP and SMTP.`;
  }
  return undefined;
}

/** Which protocol a set of scopes is for, if it is exactly one protocol's scope. */
export function protocolOfScopes(scopes: readonly string[]): MailProtocolScope | undefined {
  const names = scopes.map((s) => s.replace(/^https:\/\/[^/]+\//, '').toLowerCase());
  const found = (Object.keys(PROTOCOL_PERMISSIONS) as MailProtocolScope[]).filter((p) => names.includes(PROTOCOL_PERMISSIONS[p].toLowerCase()));
  return found.length === 1 ? found[0] : undefined;
}
