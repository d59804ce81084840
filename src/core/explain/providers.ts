// Replies of mail providers other than Microsoft and Google (Yahoo/AOL, Yandex, Zoho, QQ, NetEase,
// iCloud, GMX/WEB.DE, Fastmail), mostly
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
    keys: ['login', 'mail.qq', '授权码'],
    // The reply in English, in Chinese (请使用授权码登录), or garbled by a wrong charset: its help link is the same.
    pattern:
      /Please enter your authorization code to login[^\r\n]{0,160}|请使用授权码登录[^\r\n]{0,120}|https?:\/\/service\.mail\.qq\.com\/cgi-bin\/help\?subtype=1&&id=28&&no=1001256/i,
    priority: 20,
  },
  {
    id: 'netease-imap-unsafe-login',
    title: 'NetEase (163/126/yeah.net) refused the mailbox: Unsafe Login (the client sent no IMAP ID)',
    cause:
      'The login itself succeeded; NetEase Mail then refuses SELECT/EXAMINE from a client that has not identified itself with ' +
      'the IMAP ID command (RFC 2971). Clients that send ID (Thunderbird, Outlook, Apple Mail) are let in.',
    fix:
      'Send an ID command after logging in and before selecting a folder, e.g. a1 ID ("name" "myclient" "version" "1.0" ' +
      '"vendor" "myclient"); in Jakarta Mail IMAPStore.id(map), in node-imap/imapflow the id option, in Python ' +
      'imaplib a raw ID command via xatom. Use the authorization code (授权码) from the web settings as the password.',
    severity: 'error',
    source: 'imap',
    provider: 'generic',
    docs: [DOCS.rfc2971],
    keys: ['login'],
    pattern: /(?:SELECT|EXAMINE)?\s?Unsafe Login\.?(?: Please contact kefu@188\.com for help)?/i,
    priority: 20,
  },
  {
    id: 'icloud-imap-authentication-failed',
    title: 'iCloud Mail refused the login (it accepts only an app-specific password)',
    cause:
      'iCloud Mail (imap.mail.me.com, smtp.mail.me.com) offers third-party mail clients no OAuth and refuses the Apple ' +
      'Account password: it needs an app-specific password, which requires two-factor authentication on the Apple Account. ' +
      'The user name is the iCloud address (or its part before @icloud.com), not another alias.',
    fix:
      'Create an app-specific password at account.apple.com (Sign-In and Security → App-Specific Passwords) and log in with ' +
      'it through LOGIN/PLAIN; XOAUTH2 and OAUTHBEARER are not offered by iCloud.',
    severity: 'error',
    source: 'imap',
    provider: 'generic',
    docs: [DOCS.appleAppPasswords],
    keys: ['authenticat'],
    pattern: /NO \[AUTHENTICATIONFAILED\] Authentication failed\.?|-ERR \[AUTH\][^\r\n]{0,80}|535 5\.7\.8 Error: authentication failed[^\r\n]{0,60}/i,
    context: [/iSCREAM|\b(?:imap|smtp|p\d+-imap)\.mail\.me\.com\b|@(?:icloud|me|mac)\.com\b/i],
    priority: 30,
    supersedes: ['imap-authenticationfailed', 'dovecot-imap-authentication-failed', 'smtp-535-5.7.8'],
  },
  {
    id: 'gmx-webde-authentication-failed',
    title: 'GMX / WEB.DE refused the login (POP3/IMAP access is switched off, or an app password is needed)',
    cause:
      'GMX and WEB.DE switch POP3/IMAP/SMTP access off by default for mail programs, and switch it off again after a long ' +
      'time without use; with two-factor authentication the account password is refused and an application-specific ' +
      'password is required. The server then only says "authentication failed" (the account receives an e-mail ' +
      'explaining it, in German: "Die für die E-Mail Programme benötigten Protokolle POP3/IMAP/SMTP sind ... deaktiviert").',
    fix:
      'In the GMX / WEB.DE web mail: E-Mail → Einstellungen → POP3/IMAP Abruf: "POP3 und IMAP Zugriff erlauben"; with ' +
      'two-factor authentication create an application-specific password (Anwendungsspezifisches Passwort) and use it. ' +
      'GMX and WEB.DE offer third-party clients no OAuth.',
    severity: 'error',
    source: 'imap',
    provider: 'generic',
    docs: [DOCS.gmxImap, DOCS.webdeImap],
    keys: ['authenticat', 'login'],
    pattern: /-ERR authentication failed|NO \[AUTHENTICATIONFAILED\][^\r\n]{0,60}|NO LOGIN failed[^\r\n]{0,40}|535 Authentication credentials invalid|authentication failed/i,
    context: [/\b(?:imap|pop|smtp|mail)\.(?:gmx\.(?:net|de|com|at|ch)|web\.de)\b|@(?:gmx\.(?:net|de|at|ch)|web\.de)\b|\bGMX\b|\bWEB\.DE\b/i],
    priority: 30,
    supersedes: ['imap-authenticationfailed', 'dovecot-imap-authentication-failed', 'dovecot-pop3-authentication-failed'],
  },
  {
    id: 'fastmail-app-password',
    title: 'Fastmail refused the login (Incorrect username or password): an app password is required',
    cause:
      'Fastmail accepts only app passwords (or its own OAuth for approved apps) from mail clients; the account password is ' +
      'refused with "Incorrect username or password", as is an app password whose access does not include Mail (IMAP/POP/SMTP).',
    fix:
      'Fastmail → Settings → Privacy & Security → Integrations/App passwords: create a new app password with access "Mail ' +
      '(IMAP/POP/SMTP)" and log in with the full Fastmail address and that password.',
    severity: 'error',
    source: 'imap',
    provider: 'generic',
    docs: [DOCS.fastmailAppPasswords],
    keys: ['password'],
    pattern: /Incorrect username or password\.?/i,
    context: [/fastmail|messagingengine\.com/i],
    priority: 30,
  },
  {
    id: 'imap-incorrect-username-or-password',
    title: 'The server refused the user name or password (Incorrect username or password)',
    cause:
      'The server says only that the credentials were wrong. With a password: a typo, or a provider that needs an app password ' +
      '(Fastmail, iCloud, Yahoo) instead of the account password. With XOAUTH2/OAUTHBEARER: the token was refused or the user ' +
      'field names another account.',
    fix:
      'Check which account the login names; with a password provider create an app password; with OAuth decode the login ' +
      'blob and compare the token\'s account and scopes with the user field.',
    severity: 'error',
    source: 'imap',
    provider: 'generic',
    docs: [DOCS.rfc5530],
    keys: ['password'],
    pattern: /Incorrect username or password\.?/i,
    priority: 10,
  },
  {
    id: 'yandex-smtp-tls-required',
    title: 'Yandex refuses AUTH on an unencrypted connection (530 5.7.7 Email sending without SSL/TLS encryption is not allowed)',
    cause: 'The client tried to log in and send over a connection without TLS; Yandex accepts neither before encryption.',
    fix:
      'Use port 465 with SSL/TLS, or STARTTLS on 587 before AUTH (PHPMailer: SMTPSecure = \'ssl\' or \'tls\'; nodemailer: ' +
      'secure: true on 465).',
    severity: 'error',
    source: 'smtp',
    provider: 'generic',
    docs: [DOCS.yandexClients, DOCS.rfc8314],
    keys: ['5.7.'],
    pattern: /\b530[ -]5\.7\.7 Email sending without SSL\/TLS encryption is not allowed\.?(?: Please see: \S{1,200})?/,
    priority: 20,
  },
  {
    id: 'yandex-smtp-looks-like-spam',
    title: 'Yandex blocked sending from mail clients for this account (Your message looks like spam)',
    cause:
      'Yandex\'s anti-spam stopped SMTP for this account (a new account, an unusual volume, or a suspicious login) until ' +
      'the owner proves to be a person; the credentials themselves were accepted.',
    fix:
      'Sign in to Yandex Mail in a browser, follow the link in the reply (captcha, phone confirmation) and send one message ' +
      'from the web interface, then retry from the client.',
    severity: 'error',
    source: 'smtp',
    provider: 'generic',
    docs: [DOCS.yandexClients],
    keys: ['authenticat'],
    pattern:
      /(?:5\.7\.8 )?Error: authentication failed: Your message looks like spam\. You need to use web for sending or prove you are not a robot[^\r\n]{0,120}/,
    priority: 20,
    supersedes: ['smtp-error-authentication-failed'],
  },
  {
    id: 'zoho-smtp-authentication-failed',
    title: 'Zoho Mail refused the SMTP login (535 Authentication Failed)',
    cause:
      'Zoho refuses the account password when two-factor authentication is on (an application-specific password is ' +
      'needed), a login that is not the full address, and a host of another data centre than the account\'s.',
    fix:
      'Create an application-specific password (Zoho Accounts → Security → App Passwords) and use it with the full ' +
      'address; use the host of your data centre (smtp.zoho.com, smtp.zoho.eu, smtp.zoho.in; smtppro.zoho.com for ' +
      'organisation accounts).',
    severity: 'error',
    source: 'smtp',
    provider: 'generic',
    docs: [DOCS.zohoImap],
    keys: ['authenticat'],
    pattern: /\b535 Authentication Failed\b/,
    context: [/zoho/i],
    priority: 30,
    supersedes: ['smtp-535-credentials-refused'],
  },
  {
    id: 'qq-smtp-invalid-input',
    title: 'QQ Mail refused the sender after the login (Invalid input from ... qq.com)',
    cause:
      'QQ Mail accepts only the logged-in address as MAIL FROM; here another address, or a display name instead of an ' +
      'address, was sent as the envelope sender.',
    fix:
      'Send MAIL FROM (and the From header) with the QQ address that logged in; a display name goes in the header as ' +
      '"Name <address>".',
    severity: 'error',
    source: 'smtp',
    provider: 'generic',
    docs: [DOCS.qqAuthCode],
    keys: ['invalid'],
    pattern: /Invalid input from \d{1,3}(?:\.\d{1,3}){3} to [A-Za-z0-9.-]{1,120}\.qq\.com\.?/,
    priority: 20,
  },
];
