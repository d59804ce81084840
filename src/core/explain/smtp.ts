// What SMTP submission servers (Exchange Online smtp.office365.com, Gmail smtp.gmail.com, Dovecot
// submission) reply when AUTH or the message that follows is refused.
import { DETAIL_HOOKS } from './hooks';
import { DOCS } from './docs';
import { Entry } from './types';

const SMTP_AUTH_ENABLE =
  'Enable SMTP AUTH for the mailbox: Set-CASMailbox -Identity <user> -SmtpClientAuthenticationDisabled $false ' +
  '(Microsoft 365 admin center → Users → Active users → <user> → Mail → Manage email apps → Authenticated SMTP), ' +
  'and for the organisation: Set-TransportConfig -SmtpClientAuthenticationDisabled $false ' +
  '(Exchange admin center → Settings → Mail flow → uncheck "Turn off SMTP AUTH protocol for your organization"). ' +
  'Changes can take up to an hour.';

export const SMTP_ENTRIES: readonly Entry[] = [
  {
    id: 'm365-smtp-535-5.7.3',
    title: 'Exchange Online rejected SMTP AUTH (535 5.7.3 Authentication unsuccessful)',
    cause:
      'The token (or password) was not accepted: wrong audience (a Graph token instead of Outlook), no SMTP.Send scope, ' +
      'expired token, user= not matching the token\'s account, a shared mailbox used as the login identity, or SMTP AUTH ' +
      'disabled for the mailbox. With a password it means Basic authentication is off or the password is wrong.',
    fix:
      'Request https://outlook.office.com/SMTP.Send (plus offline_access) for the sending user, put that user in user=, ' +
      `and decode the token to check aud, scp and exp. ${SMTP_AUTH_ENABLE}`,
    severity: 'error',
    source: 'smtp',
    provider: 'microsoft',
    docs: [DOCS.msOAuthImapPopSmtp, DOCS.msSmtpAuth],
    keys: ['5.7.'],
    pattern: /\b(?:535[ -])?5\.7\.3 Authentication unsuccessful\b(?: \[[^\]\r\n]{1,120}\])?/,
    priority: 20,
  },
  {
    id: 'm365-smtp-auth-disabled-tenant',
    title: 'SMTP AUTH is turned off for the tenant (535 5.7.139 SmtpClientAuthentication is disabled for the Tenant)',
    cause: 'The organisation-wide SmtpClientAuthenticationDisabled setting is True and the mailbox does not override it.',
    fix: SMTP_AUTH_ENABLE,
    severity: 'error',
    source: 'smtp',
    provider: 'microsoft',
    docs: [DOCS.msSmtpAuth, DOCS.msSetTransportConfig, DOCS.msSetCasMailbox],
    keys: ['5.7.'],
    pattern: /5\.7\.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant\.?/,
    priority: 20,
  },
  {
    id: 'm365-smtp-basic-auth-disabled',
    title: 'Exchange Online no longer accepts passwords for SMTP (535 5.7.139 basic authentication is disabled)',
    cause: 'The client sent AUTH LOGIN/PLAIN with a password; Basic authentication for SMTP AUTH is disabled for this tenant.',
    fix:
      'Use AUTH XOAUTH2 with a token for https://outlook.office.com/SMTP.Send. Make sure SMTP AUTH itself is enabled for the ' +
      'mailbox (Set-CASMailbox -Identity <user> -SmtpClientAuthenticationDisabled $false).',
    severity: 'error',
    source: 'smtp',
    provider: 'microsoft',
    docs: [DOCS.msBasicAuthDeprecation, DOCS.msOAuthImapPopSmtp, DOCS.msSmtpAuth],
    keys: ['5.7.'],
    pattern: /5\.7\.139 Authentication unsuccessful, basic authentication is disabled\.?/,
    priority: 20,
  },
  {
    id: 'm365-smtp-security-defaults',
    title: 'Security defaults block SMTP AUTH for this user (535 5.7.139 user is locked by security defaults)',
    cause:
      "Microsoft Entra security defaults are on; they block legacy authentication, which includes SMTP AUTH with a password.",
    fix:
      'Use OAuth (AUTH XOAUTH2 with an SMTP.Send token). If a password is unavoidable, an admin must turn security defaults ' +
      'off (Microsoft Entra admin center → Identity → Overview → Properties → Manage security defaults) and use Conditional ' +
      'Access instead.',
    severity: 'error',
    source: 'smtp',
    provider: 'microsoft',
    docs: [DOCS.entraSecurityDefaults, DOCS.msSmtpAuth],
    keys: ['5.7.'],
    pattern: /5\.7\.139 Authentication unsuccessful, user is locked by your organization.s security defaults policy\.?/,
    priority: 20,
  },
  {
    id: 'm365-smtp-criteria-not-met',
    title: 'The sign-in did not meet the criteria for SMTP AUTH (535 5.7.139 request did not meet the criteria)',
    cause:
      'Exchange refused the authentication because of a policy on the account: SMTP AUTH disabled for the mailbox, a ' +
      'Conditional Access or MFA requirement that a password login cannot satisfy, or a blocked sign-in.',
    fix: `Use OAuth (SMTP.Send token) instead of a password. ${SMTP_AUTH_ENABLE} Check the Entra sign-in logs for the blocking policy.`,
    severity: 'error',
    source: 'smtp',
    provider: 'microsoft',
    docs: [DOCS.msSmtpAuth, DOCS.entraConditionalAccess],
    keys: ['5.7.'],
    pattern: /5\.7\.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully\.?/,
    priority: 20,
  },
  {
    id: 'm365-smtp-535-5.7.139',
    title: 'Exchange Online refused SMTP AUTH by policy (535 5.7.139)',
    cause: '5.7.139 means the authentication was refused by a tenant or account policy rather than by the credentials.',
    fix: `Read the text after the code and the linked page. ${SMTP_AUTH_ENABLE}`,
    severity: 'error',
    source: 'smtp',
    provider: 'microsoft',
    docs: [DOCS.msSmtpAuth],
    keys: ['5.7.'],
    pattern: /\b(?:535[ -])?5\.7\.139\b[^\r\n]{0,200}/,
    priority: 10,
    fallback: true,
  },
  {
    id: 'm365-smtp-client-not-authenticated',
    title: 'The client sent mail without authenticating (5.7.57 Client not authenticated to send mail)',
    cause:
      'MAIL FROM arrived on an unauthenticated session: the client never sent AUTH (e.g. it skipped AUTH because the server ' +
      'did not offer it before STARTTLS), or AUTH failed and the client carried on. System.Net.Mail wraps it as ' +
      '"The SMTP server requires a secure connection or the client was not authenticated".',
    fix:
      'Connect to smtp.office365.com:587, send STARTTLS, then EHLO again and AUTH XOAUTH2 before MAIL FROM; check the log ' +
      'for an earlier 535 reply and fix that first.',
    severity: 'error',
    source: 'smtp',
    provider: 'microsoft',
    docs: [DOCS.msMultifunctionDevice, DOCS.msOAuthImapPopSmtp],
    keys: ['5.7.'],
    pattern: /\b(?:530[ -])?5\.7\.57 (?:SMTP; )?Client (?:was )?not authenticated to send (?:anonymous )?mail\b[^\r\n]{0,120}/,
    priority: 20,
  },
  {
    id: 'm365-smtp-send-as-denied-5.7.60',
    title: 'The authenticated user may not send as this From address (550 5.7.60)',
    cause:
      'The From (or envelope sender) address differs from the mailbox that authenticated, and that mailbox has no Send As ' +
      'permission on it.',
    fix:
      'Send with From equal to the authenticated mailbox, or grant Send As: ' +
      'Add-RecipientPermission -Identity <from address> -Trustee <authenticated user> -AccessRights SendAs.',
    severity: 'error',
    source: 'smtp',
    provider: 'microsoft',
    docs: [DOCS.msAddRecipientPermission, DOCS.msNdr],
    keys: ['5.7.'],
    pattern: /\b(?:550[ -])?5\.7\.60 SMTP; Client does not have permissions to send as this sender\b[^\r\n]{0,120}/,
    priority: 20,
  },
  {
    id: 'm365-smtp-send-as-denied-5.2.252',
    title: 'Exchange refused to submit the message as another sender (554 5.2.252 SendAsDenied)',
    cause:
      'The authenticated mailbox (or the app-only service principal) is not allowed to send as the From address named in the reply.',
    fix:
      'Use the authenticated mailbox as From, or grant Send As: ' +
      'Add-RecipientPermission -Identity <from address> -Trustee <authenticated user or service principal> -AccessRights SendAs.',
    severity: 'error',
    source: 'smtp',
    provider: 'microsoft',
    docs: [DOCS.msAddRecipientPermission, DOCS.msNdr],
    keys: ['5.2.'],
    pattern: /\b(?:554[ -])?5\.2\.252 SendAsDenied;[^\r\n]{0,200}?not allowed to send as [^\s;]{1,256}/,
    priority: 20,
  },
  {
    id: 'm365-smtp-send-as-denied-storedrv',
    title: 'Exchange refused to submit the message as another sender (SendAsDeniedException)',
    cause:
      'The mailbox that authenticated has no Send As permission on the From address (554 5.2.0 STOREDRV.Submission.Exception: ' +
      'SendAsDeniedException). For app-only SMTP the service principal itself needs the permission.',
    fix: 'Send as the authenticated mailbox, or Add-RecipientPermission -Identity <from address> -Trustee <sender> -AccessRights SendAs.',
    severity: 'error',
    source: 'smtp',
    provider: 'microsoft',
    docs: [DOCS.msAddRecipientPermission, DOCS.msNdr],
    keys: ['sendas'],
    pattern: /SendAsDeniedException\.MapiExceptionSendAsDenied/,
    priority: 15,
    fallback: true,
  },
  {
    id: 'm365-smtp-ip-blocked-5.7.708',
    title: 'Exchange Online blocks mail from this IP (550 5.7.708 traffic not accepted from this IP)',
    cause:
      'The sending IP has a low reputation in Exchange Online Protection, typically for new tenants or trial licences ' +
      'sending through shared address space; it is not an OAuth problem.',
    fix: 'Follow the 5.7.708 steps on the linked page (request an exception through Microsoft support, or relay through a connector).',
    severity: 'error',
    source: 'smtp',
    provider: 'microsoft',
    docs: [DOCS.msNdr57xx],
    keys: ['5.7.'],
    pattern: /\b(?:550[ -])?5\.7\.708 Service unavailable\. Access denied, traffic not accepted from this IP\b[^\r\n]{0,200}/,
    priority: 20,
  },
  {
    id: 'm365-smtp-tenant-blocked-5.7.705',
    title: 'The tenant is blocked from sending (550 5.7.705 Tenant has exceeded threshold)',
    cause:
      'Exchange Online stopped all outbound mail for the tenant after suspicious or bulk sending (often a compromised ' +
      'account), or because the subscription expired and has not resynchronised.',
    fix: 'Secure the compromised accounts, then contact Microsoft support to lift the block (see the 5.7.705 section of the linked page).',
    severity: 'error',
    source: 'smtp',
    provider: 'microsoft',
    docs: [DOCS.msNdr57xx],
    keys: ['5.7.'],
    pattern: /\b(?:550[ -])?5\.7\.705\b[^\r\n]{0,200}/,
    priority: 20,
  },
  {
    id: 'smtp-unrecognized-authentication-type',
    title: 'The server does not offer this AUTH mechanism (504 Unrecognized authentication type)',
    cause:
      'The client asked for a mechanism the server does not offer on this connection: Exchange Online lists AUTH only after ' +
      'STARTTLS, and with Basic authentication off it refuses AUTH LOGIN/PLAIN; a client that falls back to them gets this.',
    fix:
      'Send STARTTLS and EHLO again before AUTH, read the 250-AUTH line, and use AUTH XOAUTH2 with an OAuth token ' +
      '(https://outlook.office.com/SMTP.Send for Exchange Online).',
    severity: 'error',
    source: 'smtp',
    provider: 'microsoft',
    docs: [DOCS.rfc4954, DOCS.msOAuthImapPopSmtp],
    keys: ['authenticat'],
    pattern: /\b(?:504[ -])?5\.[57]\.4 Unrecognized authentication type\b(?: \[[^\]\r\n]{1,120}\])?/,
    priority: 20,
  },
  {
    id: 'm365-smtp-tls-1.0-1.1-not-supported',
    title: 'The client negotiated TLS 1.0/1.1, which Exchange Online refuses (421 4.7.66)',
    cause: 'smtp.office365.com accepts only TLS 1.2 or later for SMTP AUTH; the client (or its TLS library) used TLS 1.0 or 1.1.',
    fix:
      'Update the client or runtime so it negotiates TLS 1.2+ (e.g. .NET: enable SystemDefaultTlsVersions / ' +
      'ServicePointManager.SecurityProtocol = Tls12; Node.js already defaults to TLS 1.2).',
    severity: 'error',
    source: 'smtp',
    provider: 'microsoft',
    docs: [DOCS.msTls12, DOCS.rfc8996],
    keys: ['4.7.'],
    pattern: /\b(?:421[ -])?4\.7\.66 TLS 1\.0 and 1\.1 are not supported\b[^\r\n]{0,200}/,
    priority: 20,
  },
  {
    id: 'm365-smtp-server-busy-4.7.500',
    title: 'Exchange Online deferred the connection (451 4.7.500 Server busy)',
    cause: 'A temporary anti-spam throttle on the sending IP (the ASxxx code says which); not an authentication problem.',
    fix: 'Retry later with fewer connections; if it persists follow the linked page for the ASxxx code.',
    severity: 'warning',
    source: 'smtp',
    provider: 'microsoft',
    docs: [DOCS.msNdr4500],
    keys: ['4.7.'],
    pattern: /\b(?:451[ -])?4\.7\.500 Server busy\b[^\r\n]{0,200}/,
    priority: 20,
  },
  {
    id: 'm365-smtp-auth-disabled-setting',
    title: 'SMTP AUTH is disabled by setting (SmtpClientAuthenticationDisabled : True)',
    cause:
      'Get-CASMailbox (per mailbox) or Get-TransportConfig (whole organisation) shows SmtpClientAuthenticationDisabled True, ' +
      'so Exchange refuses SMTP AUTH for that scope, with OAuth too.',
    fix: SMTP_AUTH_ENABLE,
    severity: 'error',
    source: 'smtp',
    provider: 'microsoft',
    docs: [DOCS.msSmtpAuth, DOCS.msSetCasMailbox, DOCS.msSetTransportConfig],
    keys: ['authenticat'],
    pattern: /\bSmtpClientAuthenticationDisabled\s{0,40}:\s{0,10}True\b/i,
    priority: 20,
  },
  {
    id: 'gmail-smtp-bad-credentials',
    title: 'Gmail rejected SMTP AUTH (535-5.7.8 Username and Password not accepted)',
    cause:
      'For XOAUTH2: the token is expired or revoked, lacks https://mail.google.com/, or belongs to another account than user=. ' +
      'For a password: the account needs an app password (2-Step Verification) because plain passwords are refused.',
    fix:
      'Use XOAUTH2 with a fresh token that includes https://mail.google.com/ and user= equal to the consenting account; ' +
      'answer a 334 challenge with an empty line. For password clients create an app password.',
    severity: 'error',
    source: 'smtp',
    provider: 'gmail',
    docs: [DOCS.googleXoauth2, DOCS.googleAppPasswords],
    keys: ['5.7.'],
    pattern: /\b(?:535[- ]?)?5\.7\.[18] Username and Password not accepted\b\.?/,
    priority: 20,
  },
  {
    id: 'gmail-smtp-app-password-required',
    title: 'Gmail wants an app password or OAuth (534-5.7.9 Application-specific password required)',
    cause: 'A password login on an account with 2-Step Verification; Google accepts only app passwords or OAuth there.',
    fix: 'Switch to AUTH XOAUTH2 with a token for https://mail.google.com/, or create an app password and use it.',
    severity: 'error',
    source: 'smtp',
    provider: 'gmail',
    docs: [DOCS.googleAppPasswords, DOCS.googleXoauth2],
    keys: ['5.7.'],
    pattern: /\b(?:534[- ]?)?5\.7\.9 Application-specific password required\b\.?/i,
    priority: 20,
  },
  {
    id: 'gmail-smtp-web-login-required',
    title: 'Gmail blocked the sign-in until the user logs in via a browser (534-5.7.14 / 5.7.9 web login)',
    cause: 'Google considered the password sign-in risky (new device, location or a password-only client) and wants it confirmed in a browser.',
    fix:
      'Use XOAUTH2 instead of the password. For a password client, sign in to Gmail in a browser from the same network, ' +
      'approve the alert, and use an app password.',
    severity: 'error',
    source: 'smtp',
    provider: 'gmail',
    docs: [DOCS.googleCantSignIn],
    keys: ['5.7.'],
    pattern: /\b534[- ]5\.7\.14\b[^\r\n]{0,300}|\b5\.7\.9 Please log in with your web browser\b[^\r\n]{0,120}/,
    priority: 20,
  },
  {
    id: 'gmail-smtp-authentication-required',
    title: 'Gmail wants authentication first (530-5.7.0 Authentication Required)',
    cause:
      'The client sent MAIL FROM without a successful AUTH: it did not authenticate at all, AUTH failed earlier, or the ' +
      'client gave up on the 334 challenge instead of answering it.',
    fix: 'Make the client authenticate (AUTH XOAUTH2 after STARTTLS on port 587) and fix any earlier 535/334 failure in the log.',
    severity: 'error',
    source: 'smtp',
    provider: 'gmail',
    docs: [DOCS.googleXoauth2, DOCS.rfc4954],
    keys: ['5.7.'],
    pattern: /\b(?:530[- ]?)?5\.7\.0 Authentication Required\b\.?/,
    priority: 20,
  },
  {
    id: 'gmail-smtp-too-many-login-attempts',
    title: 'Gmail rate-limited logins (454 4.7.0 Too many login attempts)',
    cause: 'The client authenticates too often (a new login per message, or many parallel connections) or keeps retrying failed logins.',
    fix: 'Reuse one authenticated connection (pooling) for many messages, stop retrying failing credentials, and wait before trying again.',
    severity: 'warning',
    source: 'smtp',
    provider: 'gmail',
    docs: [DOCS.googleImapSmtp],
    keys: ['too many'],
    pattern: /\b(?:454[- ]4\.7\.0 )?Too many login attempts, please try again later\.?/,
    priority: 20,
  },
  {
    id: 'gmail-smtp-cannot-decode-response',
    title: 'Gmail could not decode what the client sent after 334 (501 5.5.2 Cannot Decode response)',
    cause:
      'The client answered the 334 challenge with something that is not base64 (for example it treated the error ' +
      'challenge as final and sent QUIT, or sent the raw token).',
    fix:
      'After "334 <base64 JSON>" send an empty line; Gmail then returns the real error (usually 535-5.7.8). Send XOAUTH2 ' +
      'credentials base64-encoded.',
    severity: 'warning',
    source: 'sasl',
    provider: 'gmail',
    docs: [DOCS.googleXoauth2],
    keys: ['5.5.'],
    pattern: /\b(?:501[- ])?5\.5\.2 Cannot Decode response\b/,
    priority: 20,
  },
  {
    id: 'dovecot-smtp-authentication-failed',
    title: 'Dovecot submission rejected SMTP AUTH (535 5.7.8 Authentication failed.)',
    cause: "The oauth2 passdb refused the token (not a JWT for local validation, expired, wrong user claim, or inactive); the reason is in the Dovecot log.",
    fix: 'Find the "oauth2 failed" line in the Dovecot log for this session and fix the token or the oauth2 passdb settings.',
    severity: 'error',
    source: 'smtp',
    provider: 'dovecot',
    docs: [DOCS.dovecotOAuth2],
    keys: ['5.7.'],
    pattern: /\b535[- ]5\.7\.8 Authentication failed\./,
    priority: 20,
  },
  {
    id: 'smtp-535-5.7.8',
    title: 'The SMTP server rejected the credentials (535 5.7.8)',
    cause: 'RFC 4954: authentication credentials invalid. For OAuth: expired or revoked token, wrong user, or missing scope.',
    fix: 'Decode the token and check exp, aud, scope and the user; fetch a fresh token and retry.',
    severity: 'error',
    source: 'smtp',
    provider: 'generic',
    docs: [DOCS.rfc4954],
    keys: ['5.7.'],
    pattern: /\b535[- ]5\.7\.8\b[^\r\n]{0,160}/,
    priority: 10,
    fallback: true,
  },
  {
    id: 'dovecot-smtp-temporary-failure',
    title: 'Dovecot submission could not check the token right now (454 4.7.0 Temporary authentication failure)',
    cause: 'The authentication backend (e.g. token introspection) failed; the token itself was not judged.',
    fix: 'On the server look for "oauth2 failed: Introspection failed" in the log and check introspection_url; retry later.',
    severity: 'warning',
    source: 'smtp',
    provider: 'dovecot',
    docs: [DOCS.dovecotOAuth2],
    keys: ['authenticat'],
    pattern: /\b454[- ]4\.7\.0 Temporary authentication failure\.?(?: \[[^\]\r\n]{1,100}\])?/,
    priority: 20,
  },
  {
    id: 'smtp-auth-aborted-by-client',
    title: 'The client cancelled SMTP AUTH (501 5.5.2 Authentication aborted by client)',
    cause:
      'The client answered a 334 challenge with "*", cancelling the exchange. After an XOAUTH2 error challenge ' +
      '(334 <base64 JSON>) the client should send an empty line instead, to receive the real failure reply.',
    fix: 'Decode the preceding 334 challenge for the reason; make the client answer error challenges with an empty line.',
    severity: 'info',
    source: 'sasl',
    provider: 'generic',
    docs: [DOCS.rfc4954, DOCS.rfc7628],
    keys: ['authenticat'],
    pattern: /\b501[- ]5\.5\.2 Authentication aborted by client\.?/,
    priority: 15,
  },
  {
    id: 'smtp-530-5.5.1-authentication-required',
    title: 'The SMTP server wants AUTH before MAIL FROM (530 5.5.1 Authentication Required)',
    cause:
      'The client sent the message without a successful AUTH: no credentials are configured, the library skipped AUTH ' +
      '(nodemailer 6.4.0 did so with some servers, fixed in 6.4.1), or AUTH failed earlier and the error was ignored.',
    fix:
      'Configure the login (user and password, app password or OAuth2), update the library, and check that AUTH got a 235 ' +
      'reply before MAIL FROM.',
    severity: 'error',
    source: 'smtp',
    provider: 'generic',
    docs: [DOCS.rfc4954],
    keys: ['authenticat'],
    pattern: /\b530[ -]5\.5\.1 Authentication Required\.?/i,
    priority: 12,
  },
  {
    id: 'smtp-auth-command-unrecognized',
    title: 'The SMTP server did not accept the AUTH command here (502 5.5.2 Syntax error, command unrecognized)',
    cause:
      'The server offers no AUTH on this connection, or not this mechanism: AUTH before STARTTLS on a server that lists ' +
      'AUTH only on encrypted connections, or on an MX port 25 that takes no logins.',
    fix:
      'Use port 465 with TLS, or STARTTLS on 587 before AUTH, and a mechanism from the 250-AUTH line of the EHLO reply ' +
      'after TLS.',
    severity: 'error',
    source: 'smtp',
    provider: 'generic',
    docs: [DOCS.rfc4954, DOCS.rfc8314],
    keys: ['5.5.'],
    pattern: /\b502[ -]5\.5\.2 Syntax error, command unrecognized\.?/,
    context: [/\bAUTH\b/],
    priority: 12,
  },
  {
    id: 'smtp-error-authentication-failed',
    title: 'The SMTP server refused the login (535 Error: authentication failed)',
    cause:
      'Postfix\'s wording, also used by providers built the same way (QQ Mail, NetEase 163/126, Yandex), when the SASL ' +
      'backend refused the credentials: a wrong user name or password, or a provider that accepts only an authorization ' +
      'code or app password from mail clients; with XOAUTH2 the token was refused. Text after the colon is the backend\'s reason.',
    fix:
      'Log in with the full address. QQ Mail and NetEase: switch on SMTP in the web settings and use the authorization ' +
      'code as the password; Yandex: an app password. On your own Postfix read the Dovecot or Cyrus log of the same minute.',
    severity: 'error',
    source: 'smtp',
    provider: 'generic',
    docs: [DOCS.rfc4954, DOCS.postfixSasl],
    keys: ['authenticat'],
    pattern: /\b535(?:[ -]|, b?['"])(?:5\.7\.8 )?Error: authentication failed\b(?:: [^\r\n'"]{1,120})?/,
    detail: DETAIL_HOOKS.decodedPrompt,
    priority: 12,
    supersedes: ['smtp-535-5.7.8'],
  },
  {
    id: 'smtp-535-credentials-refused',
    title: 'The SMTP server refused the user name and password (535 Authentication failed / credentials invalid)',
    cause:
      'RFC 4954\'s "authentication credentials invalid": the login was refused. Usual reasons: the provider accepts only an ' +
      'app password from mail clients (Zoho with two-factor authentication, GMX and WEB.DE, Yahoo, iCloud), SMTP access is ' +
      'off in the account, the login is not the full address, or a relay service (Brevo and similar) wants its SMTP key ' +
      'instead of the account password.',
    fix:
      'Log in with the full address and an app password or SMTP key; switch SMTP/IMAP access on in the web settings; use ' +
      'the host of your account\'s region (smtp.zoho.eu rather than smtp.zoho.com for an EU account).',
    severity: 'error',
    source: 'smtp',
    provider: 'generic',
    docs: [DOCS.rfc4954],
    keys: ['authenticat', 'invalid'],
    pattern: /\b535[ -](?:5\.7\.[08] )?(?:Authentication Failed|Authentication credentials invalid|Invalid login or password)\b\.?/i,
    priority: 9,
    fallback: true,
  },
  {
    id: 'exim-535-incorrect-authentication-data',
    title: 'Exim refused the SMTP login (535 Incorrect authentication data)',
    cause:
      'Exim\'s reply (cPanel and many hosting providers, mail.ru) when the login failed: a wrong password, a user name that ' +
      'is not the full address, or a provider that wants an app password; after many failures the IP can be blocked for a while.',
    fix:
      'Log in with the full address and the mailbox\'s current password or the provider\'s app password (mail.ru: a password ' +
      'for external applications); check that the mailbox exists on that host and that the same account works in webmail.',
    severity: 'error',
    source: 'smtp',
    provider: 'generic',
    docs: [DOCS.eximAuth, DOCS.rfc4954],
    keys: ['authenticat'],
    pattern: /\b535 Incorrect authentication data\b(?:: authentication failed)?/,
    priority: 20,
  },
  {
    id: 'm365-smtp-invalid-xoauth2-auth-data',
    title: 'Exchange Online could not use the XOAUTH2 message (501 5.5.124 Invalid XOAUTH2 auth data)',
    cause:
      'The XOAUTH2 message reached Exchange but its content is not usable, most often the user= field: "User address ' +
      'provided is not valid" means it is empty, not an e-mail address, or not the mailbox the token may send as (with ' +
      'sasl-xoauth2 the user comes from sasl_passwd, and a token file refreshed with an empty user keeps it empty).',
    fix:
      'Decode the blob after AUTH XOAUTH2 and check that it reads user=<mailbox address>^Aauth=Bearer <token>^A^A with the ' +
      'address of the mailbox the token was issued for (for High Volume Email, the HVE account\'s address).',
    severity: 'error',
    source: 'smtp',
    provider: 'microsoft',
    docs: [DOCS.msOAuthImapPopSmtp, DOCS.saslXoauth2],
    keys: ['5.5.'],
    pattern: /\b(?:501[ -])?5\.5\.124 Invalid XOAUTH2 auth data\b[^\r\n]{0,160}/i,
    priority: 20,
  },
];
