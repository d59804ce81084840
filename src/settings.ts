// Every mailOAuth.* setting the extension reads, typed, in one place, each read the way its trust rule says.
// Settings that decide where sign-in happens or where tokens are sent (authority, cloud, extra CAs, console
// presets) are machine-scoped and read from the user's (or the remote machine's) settings only: a
// repository's .vscode/settings.json must not choose them, trusted or not. The app registration (client ID,
// tenant, app client ID) may come from a trusted workspace: package.json lists it as restrictedConfigurations,
// so VS Code itself drops a workspace's value in Restricted Mode.
import * as vscode from 'vscode';

export type Cloud = 'global' | 'usGovernment' | 'china';
export type SignInFlow = 'auto' | 'authorizationCode' | 'deviceCode';

export const AUTH_SECTION = 'mailOAuth.auth';
export const LOGS_SECTION = 'mailOAuth.logs';
export const CONSOLE_SECTION = 'mailOAuth.console';
export const OIDC_SECTION = 'mailOAuth.oidc';

/** The sign-in settings as typed (checked and turned into MSAL's configuration by auth/authConfig.ts). */
export interface AuthSettings {
  /** Raw values: authConfig.ts names what is wrong with each, so they stay as the user typed them. */
  clientId: unknown;
  tenant: unknown;
  /** User or machine scope only. */
  cloud: unknown;
  /** User or machine scope only. */
  authority: unknown;
  /** The app registration of client credentials (app-only tokens); empty for the client ID. */
  appClientId: string;
  /** Paths of PEM files; user or machine scope only. */
  extraCaCertificates: string[];
  signInFlow: SignInFlow;
  /** How long an interactive sign-in may take, at least 30 s. */
  interactiveTimeoutMs: number;
  /** How long one request to the identity platform may wait, at least 1 s. */
  networkTimeoutMs: number;
}

export interface LogSettings {
  additionalLanguages: string[];
  filePatterns: string[];
  diagnostics: boolean;
}

/** The setting's user (or remote machine) value, else its default; workspace and folder values are ignored. */
function userOnly<T>(section: string, key: string): T | undefined {
  const i = vscode.workspace.getConfiguration(section).inspect<T>(key);
  return i?.globalValue ?? i?.defaultValue;
}

export function authSettings(): AuthSettings {
  const c = vscode.workspace.getConfiguration(AUTH_SECTION);
  const flow = c.get<unknown>('signInFlow');
  return {
    clientId: c.get('clientId'),
    tenant: c.get('tenant'),
    cloud: userOnly(AUTH_SECTION, 'cloud'),
    authority: userOnly(AUTH_SECTION, 'authority'),
    appClientId: stringOr(c.get('appClientId'), '').trim(),
    extraCaCertificates: strings(userOnly(AUTH_SECTION, 'extraCaCertificates')),
    signInFlow: flow === 'authorizationCode' || flow === 'deviceCode' ? flow : 'auto',
    interactiveTimeoutMs: Math.max(30, numberOr(c.get('timeoutSeconds'), 300)) * 1000,
    networkTimeoutMs: Math.max(1, numberOr(c.get('networkTimeoutSeconds'), 30)) * 1000,
  };
}

export function logSettings(): LogSettings {
  const c = vscode.workspace.getConfiguration(LOGS_SECTION);
  return { additionalLanguages: strings(c.get('additionalLanguages')), filePatterns: strings(c.get('filePatterns')), diagnostics: c.get('diagnostics') !== false };
}

/** mailOAuth.console.customPresets as written (checked by core/presets/customPresets); user or machine scope only. */
export function consoleCustomPresets(): unknown {
  return userOnly(CONSOLE_SECTION, 'customPresets');
}

/**
 * mailOAuth.oidc.providers as written (checked by auth/oidc/oidcSettings.ts); user or machine scope only: a
 * provider decides where the browser signs in and which servers get its tokens.
 */
export function oidcProvidersSetting(): unknown {
  return userOnly(OIDC_SECTION, 'providers');
}

/** Opens the Settings editor at a section (the sign-in settings unless told). */
export function openSettings(section: string = AUTH_SECTION): Thenable<unknown> {
  return vscode.commands.executeCommand('workbench.action.openSettings', section);
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
}

function stringOr(v: unknown, fallback: string): string {
  return typeof v === 'string' ? v : fallback;
}

function numberOr(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}
