// The scopes of mail tokens: one delegated permission per protocol on the cloud's Outlook resource, the
// app-only .default scope, and the check that one request names one resource. No vscode import.
import * as l10n from '@vscode/l10n';
import { MAIL_PROTOCOLS, MailProtocol } from '../core/token/checks';
import { CLOUDS } from './authConfig';

/** A protocol whose token the sign-in asks for: the core's protocols, in the order every list shows them. */
export type MailProtocolScope = MailProtocol;
export { MAIL_PROTOCOLS };

/** The protocol's name as servers and documentation write it. */
export function protocolLabel(p: MailProtocolScope): string {
  return p === 'imap' ? 'IMAP' : p === 'pop3' ? 'POP' : 'SMTP';
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
  if (scopes.length === 0) return l10n.t('No scopes were requested. Ask for a protocol scope such as https://outlook.office.com/IMAP.AccessAsUser.All.');
  const resources = [...new Set(scopes.map(scopeResource).filter((r): r is string => !!r))];
  if (resources.length > 1) {
    return l10n.t(
      'The scopes name several resources ({0}); one token serves one resource. Request them separately, e.g. only https://outlook.office.com/… scopes for IMAP, POP and SMTP.',
      resources.join(', '),
    );
  }
  return undefined;
}

/** Which protocol a set of scopes is for, if it is exactly one protocol's scope. */
export function protocolOfScopes(scopes: readonly string[]): MailProtocolScope | undefined {
  const names = scopes.map((s) => s.replace(/^https:\/\/[^/]+\//, '').toLowerCase());
  const found = MAIL_PROTOCOLS.filter((p) => names.includes(PROTOCOL_PERMISSIONS[p].toLowerCase()));
  return found.length === 1 ? found[0] : undefined;
}
