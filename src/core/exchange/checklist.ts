// When Exchange refuses an app-only token, the setup steps checked against the token's own values: what the
// token proves (permission granted with admin consent, right audience) and which step the refusal points to.
import * as l10n from '@vscode/l10n';
import { MailProtocol } from '../token/checks';
import { TokenInspection } from '../token/inspect';
import { APP_ROLES } from './setup';

export type ChecklistStep = 'permission' | 'audience' | 'servicePrincipal' | 'mailboxPermission' | 'mailboxProtocol';

export interface ChecklistItem {
  step: ChecklistStep;
  /** ok: the token proves it; failed: the token shows it is wrong; unknown: only Exchange knows. */
  status: 'ok' | 'failed' | 'unknown';
  text: string;
}

export interface AppOnlyChecklist {
  items: ChecklistItem[];
  /** The step the evidence points to. */
  pointsTo: ChecklistStep;
  /** One paragraph: the evidence and the step, with the commands and the token's values. */
  summary: string;
}

const APP_AUDIENCES = ['https://outlook.office365.com', 'https://outlook.office.com', 'https://outlook.office365.us', 'https://partner.outlook.cn', '00000002-0000-0ff1-ce00-000000000000'];

/** For an app-only token refused at login (roles, no user): the checklist; undefined for any other token. */
export function appOnlyChecklist(token: TokenInspection, protocol: MailProtocol, mailbox: string): AppOnlyChecklist | undefined {
  if (!token.claims || !token.roles.length || token.account) return undefined;
  const role = APP_ROLES[protocol];
  // Only GUIDs are shown: a claim is the token's text, and a forged token could carry anything.
  const guid = (v: unknown) => (typeof v === 'string' && /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(v) ? v : undefined);
  const oid = guid(token.claims.oid) ?? '<object ID>';
  const appId = guid(token.appId) ?? '<application ID>';
  const aud = token.audiences.map((a) => a.replace(/\/+$/, ''));
  const items: ChecklistItem[] = [
    token.roles.includes(role)
      ? { step: 'permission', status: 'ok', text: l10n.t('{0} granted with admin consent (the token carries it)', role) }
      : { step: 'permission', status: 'failed', text: l10n.t("{0} missing from the token's roles ({1}): add the application permission and grant admin consent", role, token.roles.join(', ')) },
    aud.some((a) => APP_AUDIENCES.includes(a))
      ? { step: 'audience', status: 'ok', text: l10n.t('audience {0}', aud[0]!) }
      : { step: 'audience', status: 'failed', text: l10n.t('audience {0} is not Exchange Online: request the scope https://outlook.office365.com/.default', aud.join(', ') || '-') },
    {
      step: 'servicePrincipal',
      status: 'unknown',
      text: l10n.t("service principal registered in Exchange: New-ServicePrincipal -AppId {0} -ObjectId {1} (the enterprise application's object ID, the token's oid)", appId, oid),
    },
    {
      step: 'mailboxPermission',
      status: 'unknown',
      text:
        protocol === 'smtp'
          ? l10n.t('mailbox permission: Add-RecipientPermission -Identity {0} -Trustee {1} -AccessRights SendAs', mailbox, oid)
          : l10n.t('mailbox permission: Add-MailboxPermission -Identity {0} -User {1} -AccessRights FullAccess', mailbox, oid),
    },
    {
      step: 'mailboxProtocol',
      status: 'unknown',
      text:
        protocol === 'smtp'
          ? l10n.t('SMTP AUTH enabled for {0} (Set-CASMailbox -SmtpClientAuthenticationDisabled $false)', mailbox)
          : l10n.t('{0} enabled for {1} (Set-CASMailbox)', protocol === 'imap' ? 'IMAP' : 'POP', mailbox),
    },
  ];
  const failed = items.find((i) => i.status === 'failed');
  const pointsTo: ChecklistStep = failed?.step ?? 'servicePrincipal';
  const mark = (i: ChecklistItem) => `${i.status === 'ok' ? '✔' : i.status === 'failed' ? '✖' : '?'} ${i.text}`;
  const summary = failed
    ? l10n.t('Checked against the token: {0}. The evidence points to this: {1}.', items.map(mark).join('; '), failed.text)
    : l10n.t(
        'Checked against the token: {0}. Role and audience are right and the login was refused, so the evidence points to Exchange: the service principal is not registered (or with the app registration\'s object ID instead of the enterprise application\'s), or it has no permission on {1}. "Exchange Setup for App-Only Access" writes all the steps with these IDs.',
        items.map(mark).join('; '),
        mailbox,
      );
  return { items, pointsTo, summary };
}
