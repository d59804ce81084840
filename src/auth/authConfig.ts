// The sign-in settings (client ID, tenant, cloud or custom authority) checked and turned into what MSAL
// needs, with a message that says what to change for each wrong value. No vscode import: tested in Node
// (the settings themselves are read by src/settings.ts).
import * as l10n from '@vscode/l10n';
import type { Cloud } from '../settings';

export type { Cloud, SignInFlow } from '../settings';

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
  usGovernment: {
    label: 'US Government (login.microsoftonline.us)',
    loginHost: 'login.microsoftonline.us',
    outlookResource: 'https://outlook.office365.us',
    appResource: 'https://outlook.office365.us',
  },
  china: {
    label: 'China operated by 21Vianet (login.chinacloudapi.cn)',
    loginHost: 'login.chinacloudapi.cn',
    outlookResource: 'https://partner.outlook.cn',
    appResource: 'https://partner.outlook.cn',
  },
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

export function checkClientId(value: unknown): SettingProblem | undefined {
  const setting = 'mailOAuth.auth.clientId';
  const v = typeof value === 'string' ? value.trim() : '';
  if (!v) return { setting, message: l10n.t('No client ID is set. Copy the "Application (client) ID" from Azure portal → Microsoft Entra ID → App registrations → your app → Overview.') };
  if (GUID.test(v)) return undefined;
  if (/^[^@\s]+@[^@\s]+$/.test(v)) {
    return {
      setting,
      message: l10n.t(
        'The client ID "{0}" is an email address, not an application ID. The client ID is a GUID such as 4a1aa1d5-c567-49d0-ad0b-cd957a47f842. Copy the "Application (client) ID" from Azure portal → Microsoft Entra ID → App registrations → your app → Overview.',
        v,
      ),
    };
  }
  if (/^https?:\/\//i.test(v)) {
    return {
      setting,
      message: l10n.t(
        'The client ID "{0}" is a URL. Put authority URLs in mailOAuth.auth.authority; the client ID is a GUID. Copy the "Application (client) ID" from Azure portal → Microsoft Entra ID → App registrations → your app → Overview.',
        v,
      ),
    };
  }
  if (/~/.test(v) || v.length >= 34) {
    // Looks like a client secret value: never echo it back.
    return {
      setting,
      message: l10n.t(
        'The client ID looks like a client secret. Never keep secrets in settings: remove it, and store secrets with "Mail OAuth: Set Client Secret for App-Only Tokens". Copy the "Application (client) ID" from Azure portal → Microsoft Entra ID → App registrations → your app → Overview.',
      ),
    };
  }
  return {
    setting,
    message: l10n.t(
      'The client ID "{0}" is not a GUID (8-4-4-4-12 hexadecimal digits). Copy the "Application (client) ID" from Azure portal → Microsoft Entra ID → App registrations → your app → Overview.',
      v,
    ),
  };
}

export function checkTenant(value: unknown): SettingProblem | undefined {
  const setting = 'mailOAuth.auth.tenant';
  const v = typeof value === 'string' ? value.trim() : '';
  if (!v)
    return { setting, message: l10n.t('No tenant is set. Use organizations (work or school accounts), common, consumers (Outlook.com), a tenant ID or a domain such as contoso.onmicrosoft.com.') };
  if (['organizations', 'common', 'consumers'].includes(v.toLowerCase()) || GUID.test(v) || DOMAIN.test(v)) return undefined;
  const at = /^[^@\s]+@([^@\s]+)$/.exec(v);
  if (at) return { setting, message: l10n.t('The tenant "{0}" is an email address. Use its domain ({1}) or the tenant ID from Microsoft Entra ID → Overview.', v, at[1]!) };
  if (/^https?:\/\//i.test(v)) {
    return {
      setting,
      message: l10n.t('The tenant "{0}" is a URL. Put a full authority URL in mailOAuth.auth.authority, or only the tenant here (organizations, common, consumers, a tenant ID or a domain).', v),
    };
  }
  return { setting, message: l10n.t('The tenant "{0}" is neither organizations, common, consumers, a tenant ID (GUID) nor a domain such as contoso.onmicrosoft.com.', v) };
}

/** Checks a custom authority URL; returns it normalized (no trailing slash) or a problem. */
export function checkAuthority(value: string): { url: URL } | { problem: SettingProblem } {
  const setting = 'mailOAuth.auth.authority';
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return {
      problem: {
        setting,
        message: l10n.t('The authority "{0}" is not a URL. Example: https://login.microsoftonline.com/contoso.onmicrosoft.com (or leave it empty and set the tenant and cloud).', value),
      },
    };
  }
  if (url.protocol !== 'https:') {
    return { problem: { setting, message: l10n.t('The authority "{0}" must use https:// (MSAL refuses other schemes: authority_uri_insecure).', value) } };
  }
  const segments = url.pathname.split('/').filter(Boolean);
  if (segments.length === 0) {
    return { problem: { setting, message: l10n.t('The authority "{0}" names no tenant. Add one: {1}/organizations, {1}/common or {1}/<tenant ID or domain>.', value, url.origin) } };
  }
  if (url.search || url.hash) return { problem: { setting, message: l10n.t('The authority "{0}" must not carry a query or fragment.', value) } };
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
