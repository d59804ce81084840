// What a verified session did, as the code generators need it: the sign-in flow and its identity-platform
// values, the server and its security, the mechanism and user field, and the command that verified the login.
// It never holds a token or a secret: the generated programs read those from the environment.
import * as l10n from '@vscode/l10n';
import { Security } from '../protocol/transport';
import { MailProtocol } from '../token/checks';

export type SnippetLanguage = 'python' | 'node' | 'csharp' | 'java' | 'php';
export type SnippetFlow = 'device-code' | 'auth-code' | 'client-credentials';
export type SnippetMechanism = 'XOAUTH2' | 'OAUTHBEARER';

export const SNIPPET_LANGUAGES: readonly SnippetLanguage[] = ['python', 'node', 'csharp', 'java', 'php'];
export const SNIPPET_FLOWS: readonly SnippetFlow[] = ['device-code', 'auth-code', 'client-credentials'];

export interface SnippetSession {
  protocol: MailProtocol;
  host: string;
  port: number;
  security: Security;
  /** The SASL user field: the mailbox logged in to (a shared mailbox, or the mailbox an app-only token opens). */
  user: string;
  mechanism: SnippetMechanism;
  flow: SnippetFlow;
  /** Authority URL without a trailing slash, e.g. https://login.microsoftonline.com/organizations. */
  authority: string;
  clientId: string;
  scopes: string[];
}

/** The environment variables the programs read; named once so that every language and the README agree. */
export const ENV_TOKEN = 'MAIL_ACCESS_TOKEN';
export const ENV_SECRET = 'MAIL_CLIENT_SECRET';

/** The command that verified the login, as the console and `mailoauth probe` send it. */
export const VERIFY_COMMAND: Record<MailProtocol, string> = { imap: 'LIST "" "INBOX"', pop3: 'STAT', smtp: 'NOOP' };

/** The constants every program opens with, by their upper-case name (C# spells them in Pascal case). */
export type ConstantName = 'HOST' | 'PORT' | 'USER' | 'AUTHORITY' | 'CLIENT_ID' | 'SCOPES';
/** What a constant holds: text, a number, or a list of text. */
export type ConstantType = 'string' | 'int' | 'string[]';

/** How a language writes its constants: one declaration, a list of literals, and where a comment line starts. */
export interface ConstantStyle {
  literal: (value: string) => string;
  list: (literals: string[]) => string;
  declare: (name: ConstantName, type: ConstantType, value: string) => string;
  /** The comment marker with the indentation the declarations have (`#`, `//`, `    //`). */
  comment: string;
}

/** The session's values as the constants a program opens with, in every language in the same order and with the same note. */
export function sessionConstants(x: SnippetSession, style: ConstantStyle): string[] {
  const { literal, declare } = style;
  return [
    declare('HOST', 'string', literal(x.host)),
    declare('PORT', 'int', String(x.port)),
    `${style.comment} The mailbox to log in to (for an app-only token or a shared mailbox, the mailbox that is opened).`,
    declare('USER', 'string', literal(x.user)),
    declare('AUTHORITY', 'string', literal(x.authority)),
    declare('CLIENT_ID', 'string', literal(x.clientId)),
    declare('SCOPES', 'string[]', style.list(x.scopes.map(literal))),
  ];
}

/**
 * The session's values as the constants a JavaScript or PHP program opens with: both languages write them
 * `const NAME = value;` with `[a, b]` lists, so only the string literal (`literal`) differs.
 */
export function constDeclarations(x: SnippetSession, literal: (value: string) => string): string[] {
  return sessionConstants(x, { literal, list: (items) => `[${items.join(', ')}]`, declare: (name, _type, value) => `const ${name} = ${value};`, comment: '//' });
}

export const PLACEHOLDER_CLIENT_ID = '00000000-0000-0000-0000-000000000000';

/** Microsoft's login hosts: any other authority host is a private provider, which MSAL must be told to trust. */
const MICROSOFT_LOGIN_HOSTS = new Set([
  'login.microsoftonline.com',
  'login.microsoftonline.us',
  'login.chinacloudapi.cn',
  'login.partner.microsoftonline.cn',
  'login.microsoft.com',
  'login.windows.net',
  'login.live.com',
]);

export function authorityHost(authority: string): string {
  try {
    return new URL(authority).host;
  } catch {
    return '';
  }
}

export function isMicrosoftAuthority(authority: string): boolean {
  return MICROSOFT_LOGIN_HOSTS.has(new URL(authority).hostname.toLowerCase());
}

/** Delegated scopes per protocol (Microsoft 365); app-only tokens use the resource's .default. */
export function defaultScopes(protocol: MailProtocol, flow: SnippetFlow, authority = 'https://login.microsoftonline.com/organizations'): string[] {
  const host = authorityHost(authority);
  const us = host.endsWith('.us');
  const china = host.endsWith('.cn');
  if (flow === 'client-credentials') return [`${us ? 'https://outlook.office365.us' : china ? 'https://partner.outlook.cn' : 'https://outlook.office365.com'}/.default`];
  const resource = us ? 'https://outlook.office365.us' : china ? 'https://partner.outlook.cn' : 'https://outlook.office.com';
  const permission = { imap: 'IMAP.AccessAsUser.All', pop3: 'POP.AccessAsUser.All', smtp: 'SMTP.Send' }[protocol];
  return [`${resource}/${permission}`, 'offline_access'];
}

export type SnippetProblemCode = 'bad-host' | 'bad-port' | 'bad-user' | 'bad-authority' | 'bad-client-id' | 'bad-scope' | 'unsupported';

export interface SnippetProblem {
  code: SnippetProblemCode;
  message: string;
}

/** Longest value put into a program: a host, user or scope longer than this is not a real one. */
const MAX_VALUE = 1024;

/**
 * Checks a session before any code is made from it. The values may still hold quotes, backslashes or
 * non-ASCII (each generator escapes them for its language); control characters are refused, since no real
 * host, mailbox or scope has one and a line break would end up in a protocol line.
 */
export function checkSession(s: SnippetSession): SnippetProblem | undefined {
  const control = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
  if (!s.host || s.host.length > MAX_VALUE || control.test(s.host) || /\s/.test(s.host))
    return { code: 'bad-host', message: l10n.t('The host must be a host name or address without spaces or control characters.') };
  if (!Number.isInteger(s.port) || s.port < 1 || s.port > 65535) return { code: 'bad-port', message: l10n.t('The port must be a number from 1 to 65535.') };
  if (!s.user || s.user.length > MAX_VALUE || control.test(s.user)) return { code: 'bad-user', message: l10n.t('The user must be the mailbox address, without control characters.') };
  let url: URL | undefined;
  try {
    url = new URL(s.authority);
  } catch {
    url = undefined;
  }
  if (!url || url.protocol !== 'https:' || s.authority.length > MAX_VALUE || control.test(s.authority) || url.search || url.hash || url.username) {
    return { code: 'bad-authority', message: l10n.t('The authority must be an https URL such as https://login.microsoftonline.com/organizations.') };
  }
  if (!/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(s.clientId))
    return { code: 'bad-client-id', message: l10n.t('The client ID must be the application (client) ID, a GUID.') };
  if (!s.scopes.length || s.scopes.some((x) => !x || x.length > MAX_VALUE || control.test(x) || /\s/.test(x)))
    return { code: 'bad-scope', message: l10n.t('Each scope must be one word without spaces, such as https://outlook.office.com/IMAP.AccessAsUser.All.') };
  return undefined;
}

/** The authority for a tenant (a GUID, a domain, organizations, common or consumers) in the global cloud. */
export function authorityForTenant(tenant: string): string {
  return `https://login.microsoftonline.com/${encodeURIComponent(tenant)}`;
}
