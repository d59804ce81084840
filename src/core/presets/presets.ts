// Mail providers: the host, port and security of each protocol, and the OAuth scopes to request.
import * as l10n from '@vscode/l10n';
import { MailProtocol } from '../token/checks';
import { Security } from '../protocol/transport';

export type PresetId = 'microsoft365' | 'outlook' | 'gmail' | 'custom';

export interface Endpoint {
  host: string;
  port: number;
  security: Security;
}

export interface Preset {
  id: PresetId;
  label: string;
  endpoints: Partial<Record<MailProtocol, Endpoint>>;
  /** Scopes per protocol, one resource per request (never mixed). */
  scopes: Partial<Record<MailProtocol, string[]>>;
  note?: string;
}

const OUTLOOK = 'https://outlook.office.com';

/** Microsoft 365 and Outlook.com share the IMAP and POP hosts and the Outlook resource's scopes; SMTP differs. */
const MICROSOFT_IMAP_POP: Preset['endpoints'] = {
  imap: { host: 'outlook.office365.com', port: 993, security: 'tls' },
  pop3: { host: 'outlook.office365.com', port: 995, security: 'tls' },
};
const MICROSOFT_SCOPES: Preset['scopes'] = {
  imap: [`${OUTLOOK}/IMAP.AccessAsUser.All`, 'offline_access'],
  pop3: [`${OUTLOOK}/POP.AccessAsUser.All`, 'offline_access'],
  smtp: [`${OUTLOOK}/SMTP.Send`, 'offline_access'],
};

// Labels and notes are getters: they are read in the language of the moment, not the one at load time.
export const PRESETS: readonly Preset[] = [
  {
    id: 'microsoft365',
    get label() {
      return l10n.t('Microsoft 365 (work or school)');
    },
    endpoints: { ...MICROSOFT_IMAP_POP, smtp: { host: 'smtp.office365.com', port: 587, security: 'starttls' } },
    scopes: MICROSOFT_SCOPES,
  },
  {
    id: 'outlook',
    get label() {
      return l10n.t('Outlook.com (personal Microsoft account)');
    },
    endpoints: { ...MICROSOFT_IMAP_POP, smtp: { host: 'smtp-mail.outlook.com', port: 587, security: 'starttls' } },
    scopes: MICROSOFT_SCOPES,
    get note() {
      return l10n.t('Personal accounts issue opaque tokens (not JWTs) and need the "consumers" or "common" tenant.');
    },
  },
  {
    id: 'gmail',
    label: 'Gmail / Google Workspace',
    endpoints: {
      imap: { host: 'imap.gmail.com', port: 993, security: 'tls' },
      pop3: { host: 'pop.gmail.com', port: 995, security: 'tls' },
      smtp: { host: 'smtp.gmail.com', port: 587, security: 'starttls' },
    },
    scopes: { imap: ['https://mail.google.com/'], pop3: ['https://mail.google.com/'], smtp: ['https://mail.google.com/'] },
    get note() {
      return l10n.t('Google tokens come from the Google provider of mailOAuth.oidc.providers (Mail OAuth (OpenID)), or paste them.');
    },
  },
  {
    id: 'custom',
    get label() {
      return l10n.t('Custom server');
    },
    endpoints: {},
    scopes: {},
  },
];

/**
 * Where a signed-in (Microsoft) account's token belongs: the mail hosts of Microsoft 365 and Outlook.com
 * above, outlook.office.com, and the national clouds' (US Government, China operated by 21Vianet).
 * The console asks before it sends such a token to any other host.
 */
export const MICROSOFT_MAIL_HOSTS: ReadonlySet<string> = new Set([
  ...PRESETS.filter((p) => p.id === 'microsoft365' || p.id === 'outlook').flatMap((p) => Object.values(p.endpoints).map((e) => e.host)),
  'outlook.office.com',
  'outlook.office365.us',
  'smtp.office365.us',
  'partner.outlook.cn',
  'smtp.partner.outlook.cn',
]);

/** A host name as compared: case and a trailing dot do not matter. */
export function hostKey(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '');
}

/** Whether a host is one of Microsoft's mail hosts. */
export function isMicrosoftMailHost(host: string): boolean {
  return MICROSOFT_MAIL_HOSTS.has(hostKey(host));
}

export function presetById(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}

/** The usual port of a protocol for a security mode (IMAP 993/143, POP 995/110, SMTP 465/587/25). */
export function defaultPort(protocol: MailProtocol, security: Security): number {
  const ports: Record<MailProtocol, Record<Security, number>> = {
    imap: { tls: 993, starttls: 143, none: 143 },
    pop3: { tls: 995, starttls: 110, none: 110 },
    smtp: { tls: 465, starttls: 587, none: 25 },
  };
  return ports[protocol][security];
}
