// Exchange Online setup for app-only (client credentials) IMAP, POP and SMTP access, as a PowerShell document with
// the application's own IDs filled in: from an app-only token (appid, oid = the enterprise application's object ID,
// tid, roles) or from the app-only settings (client ID and tenant; the object ID is then looked up).
// Every cmdlet and parameter was checked against Microsoft's documentation; the URLs are in the document.
import * as l10n from '@vscode/l10n';
import { powershellString as ps } from '../snippet/literals';
import { MailProtocol } from '../token/checks';
import { inspectToken, TokenInspection } from '../token/inspect';

export const APP_ROLES: Record<MailProtocol, string> = { imap: 'IMAP.AccessAsApp', pop3: 'POP.AccessAsApp', smtp: 'SMTP.SendAsApp' };

export const EXCHANGE_DOCS = {
  oauth: 'https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth',
  connect: 'https://learn.microsoft.com/powershell/module/exchange/connect-exchangeonline',
  newServicePrincipal: 'https://learn.microsoft.com/powershell/module/exchange/new-serviceprincipal',
  getServicePrincipal: 'https://learn.microsoft.com/powershell/module/exchange/get-serviceprincipal',
  addMailboxPermission: 'https://learn.microsoft.com/powershell/module/exchange/add-mailboxpermission',
  addRecipientPermission: 'https://learn.microsoft.com/powershell/module/exchange/add-recipientpermission',
  testAuthorization: 'https://learn.microsoft.com/powershell/module/exchange/test-serviceprincipalauthorization',
  applicationRbac: 'https://learn.microsoft.com/exchange/permissions-exo/application-rbac',
  setCasMailbox: 'https://learn.microsoft.com/powershell/module/exchange/set-casmailbox',
  smtpAuth: 'https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission',
  securityDefaults: 'https://learn.microsoft.com/entra/fundamentals/security-defaults',
} as const;

export interface AppOnlyIds {
  /** Application (client) ID: the token's appid (v1) or azp (v2). */
  appId?: string;
  /** The enterprise application's (service principal's) object ID: the token's oid. */
  servicePrincipalId?: string;
  tenantId?: string;
  /** The roles the token carries (undefined when the IDs come from settings). */
  roles?: string[];
  audience?: string;
  appName?: string;
}

export type ExchangeProblemCode = 'not-a-jwt' | 'not-app-only' | 'bad-mailbox' | 'bad-id';

export interface ExchangeProblem {
  code: ExchangeProblemCode;
  message: string;
}

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** The IDs of an app-only token, or why the token is not one (a delegated token names a user and has scp). */
export function appOnlyIdsFromToken(token: string | TokenInspection): { ok: true; ids: AppOnlyIds } | { ok: false; problem: ExchangeProblem } {
  const info = typeof token === 'string' ? inspectToken(token.trim()) : token;
  if (info.kind !== 'jwt' || !info.claims) return { ok: false, problem: { code: 'not-a-jwt', message: l10n.t('This is not a JWT access token: app-only tokens from Microsoft Entra ID are JWTs.') } };
  if (info.scopes.length || info.account || info.claims.idtyp === 'user') {
    return {
      ok: false,
      problem: { code: 'not-app-only', message: l10n.t('This is a delegated token (it names a user and carries scp): the Exchange app-only setup is for tokens got with client credentials.') },
    };
  }
  const str = (v: unknown) => (typeof v === 'string' && GUID.test(v) ? v : undefined);
  return {
    ok: true,
    ids: {
      appId: str(info.claims.appid) ?? str(info.claims.azp),
      servicePrincipalId: str(info.claims.oid),
      tenantId: str(info.claims.tid),
      roles: info.roles,
      audience: info.audiences[0],
      appName: typeof info.claims.app_displayname === 'string' && info.claims.app_displayname.length <= 256 && !CONTROL.test(info.claims.app_displayname) ? info.claims.app_displayname : undefined,
    },
  };
}

export interface SetupInput {
  ids: AppOnlyIds;
  /** The mailbox the app opens or sends as; a placeholder when not given. */
  mailbox?: string;
  /** What the IDs come from, for the document's head. */
  source: 'token' | 'settings';
}

/** The PowerShell document, or a problem with the mailbox or an ID (values with control characters are refused). */
export function exchangeSetupDocument(input: SetupInput): { ok: true; text: string } | { ok: false; problem: ExchangeProblem } {
  const mailbox = input.mailbox?.trim();
  if (mailbox !== undefined && (mailbox === '' || mailbox.length > 320 || CONTROL.test(mailbox))) {
    return { ok: false, problem: { code: 'bad-mailbox', message: l10n.t('The mailbox must be an address such as shared@contoso.com, without control characters.') } };
  }
  for (const id of [input.ids.appId, input.ids.servicePrincipalId, input.ids.tenantId]) {
    if (id !== undefined && !GUID.test(id)) return { ok: false, problem: { code: 'bad-id', message: l10n.t('IDs must be GUIDs.') } };
  }
  const { appId, servicePrincipalId, tenantId, roles } = input.ids;
  const L: string[] = [];
  const c = (text: string) => L.push(`# ${text}`);
  const docs = (url: string) => L.push(`# ${l10n.t('Docs: {0}', url)}`);
  const blank = () => L.push('');

  c(l10n.t('Exchange Online: app-only (client credentials) access for IMAP, POP and SMTP'));
  c(
    input.source === 'token'
      ? l10n.t('Made by Mail OAuth Debugger from an app-only access token (its appid, oid and tid claims).')
      : l10n.t('Made by Mail OAuth Debugger from the app-only settings (client ID and tenant).'),
  );
  c(l10n.t('A tenant administrator runs these steps in PowerShell 7 with the ExchangeOnlineManagement module. Read each step first: they change the tenant.'));
  docs(EXCHANGE_DOCS.oauth);
  blank();
  L.push(`$AppId    = ${ps(appId ?? '<application (client) ID>')}`);
  L.push(
    `$ObjectId = ${servicePrincipalId ? ps(servicePrincipalId) : "'<object ID of the enterprise application>'"}  # ${l10n.t("the ENTERPRISE APPLICATION's object ID (the token's oid), NOT the app registration's")}`,
  );
  L.push(`$TenantId = ${ps(tenantId ?? '<tenant ID or contoso.onmicrosoft.com>')}`);
  L.push(`$Mailbox  = ${ps(mailbox ?? '<mailbox the app opens, e.g. shared@contoso.com>')}`);
  blank();

  c(l10n.t('Step 1. API permissions, in the Microsoft Entra admin center (not PowerShell):'));
  c(l10n.t('  App registrations > your app > API permissions > Add a permission > APIs my organization uses >'));
  c(l10n.t('  Office 365 Exchange Online > Application permissions: IMAP.AccessAsApp, POP.AccessAsApp, SMTP.SendAsApp'));
  c(l10n.t('  (only those the app needs), then "Grant admin consent". Tokens are requested with the scope https://outlook.office365.com/.default.'));
  if (roles) {
    const present = Object.values(APP_ROLES).filter((r) => roles.includes(r));
    const missing = Object.values(APP_ROLES).filter((r) => !roles.includes(r));
    c(present.length ? l10n.t('  This token carries: {0}.', present.join(', ')) : l10n.t('  This token carries none of them: add them and grant admin consent, then get a new token.'));
    if (present.length && missing.length) c(l10n.t('  Not in this token: {0} (needed only for that protocol).', missing.join(', ')));
  }
  blank();

  c(l10n.t('Step 2. Connect to Exchange Online as an administrator.'));
  docs(EXCHANGE_DOCS.connect);
  L.push('Install-Module -Name ExchangeOnlineManagement -Scope CurrentUser');
  L.push('Connect-ExchangeOnline -Organization $TenantId');
  blank();

  c(l10n.t("Step 3. Register the app's service principal in Exchange."));
  c(l10n.t('WARNING: -ObjectId is the object ID of the ENTERPRISE APPLICATION (Entra admin center > Enterprise applications >'));
  c(l10n.t("your app > Object ID; in an app-only token it is the oid claim), NOT the Object ID on the app registration's overview."));
  c(l10n.t('With the wrong one every login fails (AUTHENTICATE failed) although the token looks right. The most common mistake.'));
  if (!servicePrincipalId) {
    c(l10n.t('The object ID is not known here: find it with Microsoft Graph PowerShell:'));
    L.push("#   Connect-MgGraph -Scopes 'Application.Read.All'; (Get-MgServicePrincipal -Filter \"appId eq '$AppId'\").Id");
  }
  docs(EXCHANGE_DOCS.newServicePrincipal);
  L.push(`New-ServicePrincipal -AppId $AppId -ObjectId $ObjectId -DisplayName ${ps(input.ids.appName ?? 'Mail app (app-only IMAP/POP/SMTP)')}`);
  blank();

  c(l10n.t('Step 4. Check the registration: AppId and ObjectId must be the values above.'));
  docs(EXCHANGE_DOCS.getServicePrincipal);
  L.push('Get-ServicePrincipal -Identity $ObjectId | Format-List DisplayName, AppId, ObjectId, Identity');
  blank();

  c(l10n.t('Step 5. Give the service principal the mailbox. IMAP and POP: Full Access. SMTP: Send As, to send as the mailbox.'));
  docs(EXCHANGE_DOCS.addMailboxPermission);
  L.push('Add-MailboxPermission -Identity $Mailbox -User $ObjectId -AccessRights FullAccess');
  docs(EXCHANGE_DOCS.addRecipientPermission);
  L.push('Add-RecipientPermission -Identity $Mailbox -Trustee $ObjectId -AccessRights SendAs -Confirm:$false');
  L.push('Get-MailboxPermission -Identity $Mailbox -User $ObjectId');
  c(l10n.t('New permissions can take a while (up to about an hour) before IMAP, POP and SMTP logins see them.'));
  blank();

  c(l10n.t('Step 6. Scoping. The mailbox permissions of step 5 are what limits IMAP, POP and SMTP app-only access: the app'));
  c(l10n.t('opens only the mailboxes granted to it. RBAC for Applications scopes the Graph and EWS application roles'));
  c(l10n.t('(e.g. "Application Mail.Read") to a management scope; Test-ServicePrincipalAuthorization shows what it grants.'));
  docs(EXCHANGE_DOCS.applicationRbac);
  docs(EXCHANGE_DOCS.testAuthorization);
  L.push('Test-ServicePrincipalAuthorization -Identity $ObjectId -Resource $Mailbox | Format-Table');
  blank();

  c(l10n.t('Step 7. The mailbox side (the same checks as for a signed-in user): IMAP and POP enabled on the mailbox,'));
  c(l10n.t('SMTP AUTH not disabled for the organization or the mailbox.'));
  docs(EXCHANGE_DOCS.setCasMailbox);
  L.push('Get-CASMailbox -Identity $Mailbox | Format-List ImapEnabled, PopEnabled, SmtpClientAuthenticationDisabled');
  L.push('Set-CASMailbox -Identity $Mailbox -ImapEnabled $true -PopEnabled $true');
  docs(EXCHANGE_DOCS.smtpAuth);
  L.push('Get-TransportConfig | Format-List SmtpClientAuthenticationDisabled');
  c(l10n.t('SMTP AUTH for this mailbox even when it is disabled for the organization ($null follows the organization):'));
  L.push('Set-CASMailbox -Identity $Mailbox -SmtpClientAuthenticationDisabled $false');
  c(l10n.t('Security defaults (Entra admin center > Overview > Properties) turn SMTP AUTH off; with them on, SMTP AUTH needs'));
  c(l10n.t('them replaced by Conditional Access policies.'));
  docs(EXCHANGE_DOCS.securityDefaults);
  blank();
  L.push('Disconnect-ExchangeOnline -Confirm:$false');
  L.push('');
  return { ok: true, text: L.join('\n') };
}
