// Replies of mail providers other than Microsoft and Google (Yahoo/AOL, Yandex, Zoho, QQ), mostly
// from password logins that those providers only accept with an app password.
import { DOCS } from './docs';
import { Entry } from './types';

const OAUTH_TOO = 'With XOAUTH2 the same reply means the token was refused: get a fresh token for this account and scope.';

export const PROVIDER_ENTRIES: readonly Entry[] = [
  {
    id: 'yahoo-imap-invalid-credentials',
    title: 'The IMAP server refused the login (LOGIN/AUTHENTICATE Invalid credentials; Yahoo and AOL wording)',
    cause:
      'Yahoo and AOL answer this way when the password is wrong and, most often, when the normal account password is used ' +
      'by a third-party app: they accept only an app password (or OAuth) from mail clients.',
    fix: `Create an app password in the account's security settings (Yahoo: Account security → Generate app password) and use it instead of the account password. ${OAUTH_TOO}`,
    severity: 'error',
    source: 'imap',
    provider: 'generic',
    docs: [DOCS.yahooAppPasswords, DOCS.rfc5530],
    keys: ['invalid'],
    pattern: /\b(?:LOGIN|AUTHENTICATE) Invalid credentials\b(?! or IMAP is disabled)/i,
    priority: 18,
    supersedes: ['imap-authenticationfailed'],
  },
  {
    id: 'yandex-imap-invalid-credentials-or-disabled',
    title: 'Yandex refused the login (Invalid credentials or IMAP is disabled)',
    cause:
      'Yandex Mail refuses mail clients unless IMAP access is switched on in its settings and the client uses an app ' +
      'password (or OAuth); the account password itself is refused.',
    fix: `Yandex Mail → Settings → Email clients: allow access via IMAP (app passwords and OAuth tokens), create an app password for mail and log in with it. ${OAUTH_TOO}`,
    severity: 'error',
    source: 'imap',
    provider: 'generic',
    docs: [DOCS.yandexClients],
    keys: ['invalid'],
    pattern: /Invalid credentials or IMAP is disabled[^\r\n]{0,80}/i,
    priority: 20,
    supersedes: ['imap-authenticationfailed'],
  },
  {
    id: 'zoho-imap-invalid-credentials',
    title: 'Zoho refused the login (Invalid credentials(Failure))',
    cause:
      'Zoho Mail rejects the password: IMAP access is off for the account, or two-factor authentication is on and the ' +
      'client must use an application-specific password; organisation admins can also disable IMAP.',
    fix: `Zoho Mail → Settings → Mail Accounts → IMAP: enable IMAP access; with 2FA create an application-specific password and use it. ${OAUTH_TOO}`,
    severity: 'error',
    source: 'imap',
    provider: 'generic',
    docs: [DOCS.zohoImap],
    keys: ['invalid'],
    pattern: /Invalid credentials\(Failure\)/,
    priority: 20,
    supersedes: ['imap-authenticationfailed'],
  },
  {
    id: 'qq-smtp-authorization-code',
    title: 'QQ Mail requires an authorization code, not the QQ password (535 Login Fail)',
    cause: 'QQ Mail (and Foxmail accounts) refuse the QQ password over IMAP/POP/SMTP; clients need the separate authorization code.',
    fix: 'QQ Mail web → Settings → Account → enable the POP3/IMAP/SMTP service and generate an authorization code (授权码); use it as the password.',
    severity: 'error',
    source: 'smtp',
    provider: 'generic',
    docs: [DOCS.qqAuthCode],
    keys: ['login'],
    pattern: /Please enter your authorization code to login[^\r\n]{0,160}/i,
    priority: 20,
  },
];
