// What IMAP and POP3 servers (Exchange Online / Outlook.com, Gmail, Dovecot) reply when an OAuth
// login fails, and the admin settings that cause those replies.
import { DOCS } from './docs';
import { Entry } from './types';

/** Clients that fetch app-only tokens (client credentials) leave one of these in their logs. */
const APP_ONLY = /client_credentials|AcquireTokenForClient|\.AccessAsApp\b/i;
/** A Graph token (aud https://graph.microsoft.com) is not accepted by Exchange's IMAP/POP/SMTP. */
const GRAPH_TOKEN = /graph\.microsoft\.com\/(?:\.default|IMAP\.AccessAsUser\.All|POP\.AccessAsUser\.All|SMTP\.Send)|"aud"\s*:\s*"(?:https:\/\/graph\.microsoft\.com|00000003-0000-0000-c000-000000000000)"/i;

const M365_CHECK_TOKEN =
  'Decode the token (Mail OAuth: Decode SASL String) and check: aud is https://outlook.office.com (or outlook.office365.com), ' +
  'scp contains IMAP.AccessAsUser.All / POP.AccessAsUser.All (delegated) or roles contains IMAP.AccessAsApp / POP.AccessAsApp (app-only), ' +
  'exp is in the future, and user= is the mailbox the token may open.';

export const IMAP_POP_ENTRIES: readonly Entry[] = [
  {
    id: 'm365-imap-authenticate-failed',
    title: 'Exchange Online rejected the XOAUTH2 login (NO AUTHENTICATE failed.)',
    cause:
      'Exchange gives no reason. Usual causes: the token is for another resource (aud is Microsoft Graph, not Outlook); ' +
      'it lacks the IMAP.AccessAsUser.All scope (or IMAP.AccessAsApp role for app-only); it has expired; the user= field ' +
      'does not name a mailbox the token may open; the mailbox has no Exchange Online licence or IMAP is disabled for it; ' +
      'or, for app-only tokens, the service principal was never registered in Exchange or given access to the mailbox.',
    fix:
      `${M365_CHECK_TOKEN} Request the scope https://outlook.office.com/IMAP.AccessAsUser.All (plus offline_access). ` +
      'Enable IMAP for the mailbox: Set-CASMailbox -Identity <user> -ImapEnabled $true. For app-only access run ' +
      'New-ServicePrincipal -AppId <application id> -ServiceId <enterprise application object id> and ' +
      'Add-MailboxPermission -Identity <mailbox> -User <service principal id> -AccessRights FullAccess.',
    severity: 'error',
    source: 'imap',
    provider: 'microsoft',
    docs: [DOCS.msOAuthImapPopSmtp, DOCS.msPopImapAccess, DOCS.msSetCasMailbox],
    keys: ['authenticat'],
    pattern: /\bAUTHENTICATE failed\b\.?/i,
    priority: 20,
  },
  {
    id: 'm365-app-only-not-authorized',
    title: 'App-only (client credentials) token rejected by Exchange Online IMAP/POP',
    cause:
      'The client uses a client-credentials token. Exchange accepts it only if the application has the IMAP.AccessAsApp or ' +
      'POP.AccessAsApp application permission with admin consent, its service principal is registered in Exchange, and that ' +
      'service principal has FullAccess to the mailbox named in user=. A common mistake is passing the App registrations ' +
      'object id instead of the Enterprise applications object id to New-ServicePrincipal.',
    fix:
      'Azure portal → App registrations → API permissions → Add a permission → APIs my organization uses → ' +
      'Office 365 Exchange Online → Application permissions → IMAP.AccessAsApp / POP.AccessAsApp, then Grant admin consent. ' +
      'In Exchange Online PowerShell: New-ServicePrincipal -AppId <application id> -ServiceId <Enterprise applications object id>; ' +
      'Add-MailboxPermission -Identity <mailbox> -User <service principal id> -AccessRights FullAccess. ' +
      'Request the token with scope https://outlook.office365.com/.default and put the mailbox address in user=.',
    severity: 'error',
    source: 'imap',
    provider: 'microsoft',
    docs: [DOCS.msOAuthImapPopSmtp, DOCS.msNewServicePrincipal, DOCS.msAddMailboxPermission, DOCS.entraClientCredentials],
    keys: ['authenticat'],
    pattern: /\bAUTHENTICATE failed\b\.?|Authentication failure: unknown user name or bad password\.?|User is authenticated but not connected\.?/i,
    context: [APP_ONLY],
    priority: 30,
    supersedes: ['m365-imap-authenticate-failed', 'm365-pop3-authentication-failure', 'm365-imap-authenticated-not-connected'],
  },
  {
    id: 'm365-graph-token-for-mail-protocol',
    title: 'A Microsoft Graph token was sent to IMAP/POP/SMTP',
    cause:
      'The transcript shows a token requested for Microsoft Graph (https://graph.microsoft.com/...). Exchange IMAP, POP and ' +
      'SMTP only accept tokens whose audience is Outlook (https://outlook.office.com or https://outlook.office365.com); ' +
      'a Graph token is refused even when it carries IMAP.AccessAsUser.All.',
    fix:
      'Request the token with the Outlook resource in the scope: https://outlook.office.com/IMAP.AccessAsUser.All, ' +
      'https://outlook.office.com/POP.AccessAsUser.All or https://outlook.office.com/SMTP.Send (plus offline_access); ' +
      'for app-only use https://outlook.office365.com/.default. Do not mix Graph and Outlook scopes in one request.',
    severity: 'error',
    source: 'identity',
    provider: 'microsoft',
    docs: [DOCS.msOAuthImapPopSmtp, DOCS.entraScopes],
    keys: ['authenticat'],
    pattern: /\bAUTHENTICATE failed\b\.?|Authentication failure: unknown user name or bad password\.?|5\.7\.3 Authentication unsuccessful/i,
    context: [GRAPH_TOKEN],
    priority: 31,
    supersedes: ['m365-imap-authenticate-failed', 'm365-pop3-authentication-failure', 'm365-smtp-535-5.7.3', 'm365-app-only-not-authorized'],
  },
  {
    id: 'm365-imap-authenticated-not-connected',
    title: 'Exchange accepted the token but could not open the mailbox (User is authenticated but not connected.)',
    cause:
      'Login succeeded for the account in the token, but the mailbox in user= could not be opened with it: the token ' +
      "belongs to a different account than user= (e.g. an admin signed in while user= is someone else's mailbox), the " +
      'signed-in user or app-only service principal has no FullAccess on that (shared) mailbox, or the mailbox is not ' +
      'provisioned or licensed. With password logins it also follows a wrong password.',
    fix:
      'Sign in interactively as the mailbox owner, or keep the delegate token and set user= to a mailbox the delegate may ' +
      'open. Grant access with Add-MailboxPermission -Identity <mailbox> -User <delegate or service principal id> ' +
      `-AccessRights FullAccess. ${M365_CHECK_TOKEN}`,
    severity: 'error',
    source: 'imap',
    provider: 'microsoft',
    docs: [DOCS.msOAuthImapPopSmtp, DOCS.msAddMailboxPermission],
    keys: ['authenticat'],
    pattern: /User is authenticated but not connected\.?/i,
    priority: 20,
  },
  {
    id: 'm365-imap-login-failed',
    title: 'Exchange Online / Outlook.com refused a password login (NO LOGIN failed.)',
    cause:
      'The client sent IMAP LOGIN (user name and password) instead of AUTHENTICATE XOAUTH2. Exchange Online has turned ' +
      'Basic authentication off, and Outlook.com accounts need OAuth too, so the password is refused even when correct. ' +
      'On Outlook.com it also appears when IMAP access is switched off in the account settings.',
    fix:
      'Configure the client for OAuth 2.0 (AUTHENTICATE XOAUTH2 with a token for https://outlook.office.com/IMAP.AccessAsUser.All). ' +
      'For Outlook.com enable IMAP under Settings → Mail → Forwarding and IMAP. For a tenant mailbox check ' +
      'Set-CASMailbox -Identity <user> -ImapEnabled $true.',
    severity: 'error',
    source: 'imap',
    provider: 'microsoft',
    docs: [DOCS.msBasicAuthDeprecation, DOCS.msOAuthImapPopSmtp],
    keys: ['fail'],
    // Not "AUTH LOGIN failed": an SMTP client's words for any server's refusal of AUTH LOGIN.
    pattern: /(?<!AUTH )\bLOGIN failed\b\.?/,
    priority: 20,
  },
  {
    id: 'm365-shared-mailbox-user-field',
    title: 'Shared mailbox written as delegate\\shared in the user field',
    cause:
      'The login names the mailbox as "delegate@domain\\shared", the Basic-auth syntax for shared mailboxes. With OAuth ' +
      'the user field must be the shared mailbox address alone, while the token is the delegate\'s.',
    fix:
      'Put only the shared mailbox address in user= (XOAUTH2) or the login name, and use a token of a user who has ' +
      'FullAccess on it: Add-MailboxPermission -Identity shared@contoso.com -User delegate@contoso.com -AccessRights FullAccess.',
    severity: 'warning',
    source: 'imap',
    provider: 'microsoft',
    docs: [DOCS.msOAuthImapPopSmtp, DOCS.msAddMailboxPermission],
    keys: ['with user [', 'login "', 'auth=bearer'],
    pattern:
      /(?:with user \[|LOGIN "|user=)[\w.+-]{1,64}@[\w.-]{1,253}\\{1,2}[\w.+-]{1,64}(?:@[\w.-]{1,253})?(?:\]|"|(?:\x01|\^A)auth=Bearer)/i,
    priority: 25,
    supersedes: ['m365-imap-login-failed'],
  },
  {
    id: 'm365-imap-session-invalidated',
    title: 'Exchange ended the session (* BYE Session invalidated)',
    cause:
      'A session authenticated with OAuth lives only as long as its access token: when the token expires ' +
      '(AccessTokenExpired) Exchange sends BYE and drops the connection, even in the middle of a sync or IDLE.',
    fix:
      'Treat BYE as a normal event: reconnect and authenticate again with a fresh access token (refresh it shortly before ' +
      'exp rather than after failures), and resume the operation.',
    severity: 'warning',
    source: 'imap',
    provider: 'microsoft',
    docs: [DOCS.msOAuthImapPopSmtp, DOCS.entraRefreshTokens],
    keys: ['invalid'],
    pattern: /Session invalidated(?: - [A-Za-z]{1,64})?/,
    priority: 20,
  },
  {
    id: 'm365-throttled',
    title: 'Exchange Online is throttling the client (Request is throttled)',
    cause: 'Too many requests or connections from this client in a short time; Exchange asks for a pause.',
    fix:
      'Wait at least the suggested backoff time before retrying, reduce parallel connections and request rate ' +
      '(e.g. fewer simultaneous IMAP sessions per mailbox), and reuse one authenticated session.',
    severity: 'warning',
    source: 'imap',
    provider: 'microsoft',
    docs: [DOCS.msOAuthImapPopSmtp],
    keys: ['throttl'],
    pattern: /Request is throttled\.(?: Suggested Backoff Time: \d{1,12} milliseconds)?/,
    priority: 20,
  },
  {
    id: 'm365-server-unavailable',
    title: 'Exchange Online answered Server Unavailable',
    cause:
      'The Exchange backend for this mailbox is busy or throttling the client (often after many connections in a short ' +
      'time); the trailing number is an internal reason code.',
    fix: 'Back off and retry later with fewer simultaneous connections; if it persists, check the Microsoft 365 service health.',
    severity: 'warning',
    source: 'imap',
    provider: 'microsoft',
    docs: [DOCS.msOAuthImapPopSmtp],
    keys: ['unavailable'],
    pattern: /Server Unavailable\. ?\d{1,4}/,
    priority: 20,
  },
  {
    id: 'imap-unavailable',
    title: 'The IMAP server reported a temporary failure (NO [UNAVAILABLE])',
    cause:
      'RFC 5530 UNAVAILABLE: a subsystem the server needs (authentication backend, token introspection, mailbox store) is ' +
      'down or overloaded. The login itself may be fine.',
    fix: 'Retry later; server administrators should check the authentication backend and the server log for the reason.',
    severity: 'warning',
    source: 'imap',
    provider: 'generic',
    docs: [DOCS.rfc5530],
    keys: ['unavailable'],
    pattern: /\bNO \[UNAVAILABLE\][^\r\n]{0,200}/,
    priority: 10,
    fallback: true,
  },
  {
    id: 'imap-authenticationfailed',
    title: 'The IMAP server rejected the credentials (NO [AUTHENTICATIONFAILED])',
    cause:
      'RFC 5530 AUTHENTICATIONFAILED: the token or password was not accepted. With XOAUTH2/OAUTHBEARER: expired or revoked ' +
      'token, token for another user or audience, or missing scope.',
    fix: 'Decode the token and check exp, aud, scope and that user= matches the account; get a fresh token and retry.',
    severity: 'error',
    source: 'imap',
    provider: 'generic',
    docs: [DOCS.rfc5530, DOCS.rfc7628],
    keys: ['authenticat'],
    // node-imap shows the response code as textCode: 'AUTHENTICATIONFAILED'.
    pattern: /\[AUTHENTICATIONFAILED\][^\r\n]{0,200}|textCode: 'AUTHENTICATIONFAILED'/,
    priority: 10,
    fallback: true,
  },
  {
    id: 'gmail-imap-invalid-credentials',
    title: 'Gmail rejected the XOAUTH2 token (Invalid credentials (Failure))',
    cause:
      'Google did not accept the access token: expired (they last one hour) or revoked, issued for another account than ' +
      'user=, or issued without the https://mail.google.com/ scope (gmail.readonly, gmail.modify or gmail.send tokens do ' +
      'not work for IMAP). With a password login it means the password is wrong or an app password is required.',
    fix:
      'Request the scope https://mail.google.com/, refresh the access token, and make user= the Google account that ' +
      'granted consent. If the server first sent a base64 challenge (+ eyJ...), answer it with an empty line to get this reply.',
    severity: 'error',
    source: 'imap',
    provider: 'gmail',
    docs: [DOCS.googleXoauth2, DOCS.googleGmailScopes],
    keys: ['authenticat', 'invalid'],
    // Also as node-imap (Error: Invalid credentials (Failure)) and K-9 Mail (lower case) show it.
    pattern: /(?:\[AUTHENTICATIONFAILED\] |\bError: )?[Ii]nvalid credentials \(Failure\)/,
    priority: 20,
  },
  {
    id: 'gmail-missing-mail-scope',
    title: 'Gmail token lacks the https://mail.google.com/ scope',
    cause:
      'The transcript shows a token requested with a narrower Gmail API scope (gmail.send, gmail.modify, gmail.readonly ...). ' +
      'Gmail IMAP, POP and SMTP accept only tokens that include https://mail.google.com/.',
    fix:
      'Add https://mail.google.com/ to the requested scopes (Google Cloud console → OAuth consent screen → Data access / ' +
      'Scopes, and in the authorization request), then have the user consent again to get a new refresh token.',
    severity: 'error',
    source: 'identity',
    provider: 'gmail',
    docs: [DOCS.googleXoauth2, DOCS.googleGmailScopes],
    keys: ['authenticat', '5.7.', 'eyj'],
    pattern:
      /\[AUTHENTICATIONFAILED\] Invalid credentials \(Failure\)|5\.7\.8 Username and Password not accepted|(?:\+ ?|334[ -])eyJzdGF0dXMiOiI0MDAi[A-Za-z0-9+/]{0,200}={0,2}/,
    context: [/googleapis\.com\/auth\/gmail\.(?:send|modify|readonly|compose|insert|labels|metadata)\b/],
    priority: 30,
    supersedes: ['gmail-imap-invalid-credentials', 'gmail-smtp-bad-credentials', 'gmail-error-challenge', 'sasl-error-challenge'],
  },
  {
    id: 'gmail-imap-app-password-required',
    title: 'Gmail wants an app password or OAuth ([ALERT] Application-specific password required)',
    cause:
      'The client logged in with the Google account password, and the account uses 2-Step Verification, so Google refuses ' +
      'plain passwords. An OAuth-capable client that shows this is not using XOAUTH2 at all.',
    fix:
      'Switch the client to OAuth 2.0 (AUTHENTICATE XOAUTH2 with a token for https://mail.google.com/), or create an app ' +
      'password (Google Account → Security → 2-Step Verification → App passwords) and use it instead of the account password.',
    severity: 'error',
    source: 'imap',
    provider: 'gmail',
    docs: [DOCS.googleAppPasswords, DOCS.googleXoauth2],
    keys: ['password'],
    pattern: /(?:\[ALERT\] )?Application-specific password required: https?:\/\/support\.google\.com\/\S{0,120}/,
    priority: 20,
  },
  {
    id: 'gmail-imap-web-login-required',
    title: 'Gmail blocked the sign-in until the user logs in via a browser ([ALERT] Please log in via your web browser)',
    cause:
      'Google considered the password sign-in risky (new device or location, or a "less secure app" style password login) ' +
      'and wants the user to confirm it in a browser first.',
    fix:
      'Use OAuth 2.0 (XOAUTH2) instead of the password. If a password login is unavoidable, sign in to Gmail in a browser ' +
      'from the same network, approve the security alert, and use an app password.',
    severity: 'error',
    source: 'imap',
    provider: 'gmail',
    docs: [DOCS.googleCantSignIn, DOCS.googleXoauth2],
    keys: ['browser'],
    pattern: /(?:\[ALERT\] )?Please log in via your web browser: https?:\/\/support\.google\.com\/\S{0,120}/,
    priority: 20,
  },
  {
    id: 'gmail-imap-webalert',
    title: 'Gmail requires a web login ([WEBALERT ...] Web login required)',
    cause:
      'Google blocked the IMAP sign-in and sent a link (WEBALERT) where the user must confirm the sign-in; this accompanies ' +
      'password logins that Google treats as risky.',
    fix:
      'Open the WEBALERT link in a browser signed in to that account and approve it, then switch the client to OAuth 2.0 ' +
      '(XOAUTH2) or an app password so it does not happen again.',
    severity: 'error',
    source: 'imap',
    provider: 'gmail',
    docs: [DOCS.googleCantSignIn],
    keys: ['webalert'],
    pattern: /\[WEBALERT[ \]][^\]\r\n]{0,2048}\](?: Web login required\.?)?/,
    priority: 21,
  },
  {
    id: 'gmail-imap-invalid-sasl-argument',
    title: 'Gmail could not parse the XOAUTH2 string (Invalid SASL argument)',
    cause:
      'The AUTHENTICATE XOAUTH2 argument is not a valid XOAUTH2 message: the ^A (0x01) separators are missing, user= or ' +
      'auth=Bearer is misspelled, the string was not base64-encoded, or it was base64-encoded twice.',
    fix:
      'Send base64("user=" + email + "\\x01auth=Bearer " + token + "\\x01\\x01"). Decode what the client sent with ' +
      'Mail OAuth: Decode SASL String to see which part is wrong.',
    severity: 'error',
    source: 'sasl',
    provider: 'gmail',
    docs: [DOCS.googleXoauth2],
    keys: ['invalid'],
    pattern: /\bInvalid SASL argument\b\.?/,
    priority: 20,
  },
  {
    id: 'dovecot-imap-authentication-failed',
    title: 'Dovecot rejected the login (NO [AUTHENTICATIONFAILED] Authentication failed.)',
    cause:
      "Dovecot's oauth2 passdb did not accept the token: it is not a JWT while introspection_mode = local, it has expired, " +
      'its username_attribute claim does not equal the SASL user, or the introspection endpoint said it is not active. ' +
      'The reason is only in the server log (auth: ... oauth2 failed: ...).',
    fix:
      'Read the Dovecot log line for this session (search for "oauth2 failed"). Check that the token carries the claim named ' +
      'by username_attribute with the same value as user=, that it is not expired, and that introspection_url and ' +
      'introspection_mode match the identity provider.',
    severity: 'error',
    source: 'imap',
    provider: 'dovecot',
    docs: [DOCS.dovecotOAuth2, DOCS.rfc5530],
    keys: ['authenticat'],
    pattern: /\[AUTHENTICATIONFAILED\] Authentication failed\./,
    priority: 20,
  },
  {
    id: 'dovecot-imap-temporary-failure',
    title: 'Dovecot could not check the token right now (NO [UNAVAILABLE] Temporary authentication failure.)',
    cause:
      'The login did not fail on the token: Dovecot could not reach or understand the token introspection endpoint (or ' +
      'another passdb backend) and reports a temporary failure.',
    fix:
      'On the server, look for "oauth2 failed: Introspection failed" in the log; check introspection_url, DNS, TLS CA file ' +
      'and that the endpoint answers JSON. Clients should retry later rather than ask for a new password.',
    severity: 'warning',
    source: 'imap',
    provider: 'dovecot',
    docs: [DOCS.dovecotOAuth2, DOCS.rfc5530],
    keys: ['authenticat'],
    pattern: /\[UNAVAILABLE\] Temporary authentication failure\.?(?: \[[^\]\r\n]{1,100}\])?/,
    priority: 20,
  },
  {
    id: 'dovecot-pop3-authentication-failed',
    title: 'Dovecot POP3 rejected the login (-ERR [AUTH] Authentication failed.)',
    cause:
      'RFC 3206 [AUTH]: the credentials were refused. For XOAUTH2/OAUTHBEARER the token failed validation (not a JWT, ' +
      'expired, wrong user claim, or inactive at the introspection endpoint).',
    fix: 'Read the matching "oauth2 failed" line in the Dovecot log; fix the token (fresh, right user claim) or the oauth2 passdb settings.',
    severity: 'error',
    source: 'pop3',
    provider: 'dovecot',
    docs: [DOCS.dovecotOAuth2, DOCS.rfc3206],
    keys: ['authenticat'],
    pattern: /-ERR \[AUTH\] Authentication failed\.?/,
    priority: 20,
  },
  {
    id: 'dovecot-pop3-temporary-failure',
    title: 'Dovecot POP3 could not check the token right now (-ERR [SYS/TEMP] Temporary authentication failure.)',
    cause: 'RFC 3206 [SYS/TEMP]: the authentication backend (e.g. the token introspection endpoint) failed; the token was not judged.',
    fix: 'Check the Dovecot log for "Introspection failed" and the reachability of introspection_url; retry later.',
    severity: 'warning',
    source: 'pop3',
    provider: 'dovecot',
    docs: [DOCS.dovecotOAuth2, DOCS.rfc3206],
    keys: ['authenticat'],
    pattern: /-ERR \[SYS\/TEMP\] Temporary authentication failure\.?(?: \[[^\]\r\n]{1,100}\])?/,
    priority: 20,
  },
  {
    id: 'm365-pop3-authentication-failure',
    title: 'Exchange Online POP rejected the XOAUTH2 login (-ERR Authentication failure)',
    cause:
      'Same causes as IMAP AUTHENTICATE failed: token for the wrong resource, missing POP.AccessAsUser.All (or ' +
      'POP.AccessAsApp for app-only), expired token, user= not matching, POP disabled for the mailbox, or an app-only ' +
      'service principal without mailbox permission. Exchange also refuses the blob when it is sent on the AUTH line ' +
      'instead of after the "+" continuation.',
    fix:
      `${M365_CHECK_TOKEN} Request https://outlook.office.com/POP.AccessAsUser.All; send "AUTH XOAUTH2", wait for "+", ` +
      'then send the base64 blob on its own line. Enable POP: Set-CASMailbox -Identity <user> -PopEnabled $true.',
    severity: 'error',
    source: 'pop3',
    provider: 'microsoft',
    docs: [DOCS.msOAuthImapPopSmtp, DOCS.msPopImapAccess, DOCS.msSetCasMailbox],
    keys: ['password'],
    pattern: /(?:-ERR )?Authentication failure: unknown user name or bad password\.?/,
    priority: 20,
  },
  {
    id: 'm365-pop3-logon-failure',
    title: 'Exchange Online POP refused a USER/PASS login (-ERR Logon failure)',
    cause:
      'The client used USER/PASS (Basic authentication), which Exchange Online no longer accepts; the same reply follows ' +
      'a wrong password or repeated logins in a short time.',
    fix:
      'Use AUTH XOAUTH2 with a token for https://outlook.office.com/POP.AccessAsUser.All; check that POP is enabled ' +
      '(Set-CASMailbox -Identity <user> -PopEnabled $true).',
    severity: 'error',
    source: 'pop3',
    provider: 'microsoft',
    docs: [DOCS.msBasicAuthDeprecation, DOCS.msOAuthImapPopSmtp],
    keys: ['password'],
    pattern: /(?:-ERR )?Logon failure: unknown user name or bad password\.?/,
    priority: 20,
  },
  {
    id: 'm365-imap-disabled-for-mailbox',
    title: 'IMAP is disabled for this mailbox (ImapEnabled : False)',
    cause: 'Get-CASMailbox shows ImapEnabled False: Exchange refuses IMAP for this mailbox whatever the token says.',
    fix: 'Set-CASMailbox -Identity <user> -ImapEnabled $true (allow up to an hour to take effect).',
    severity: 'error',
    source: 'imap',
    provider: 'microsoft',
    docs: [DOCS.msPopImapAccess, DOCS.msSetCasMailbox],
    keys: ['enabled'],
    pattern: /\bImapEnabled\s{0,40}:\s{0,10}False\b/i,
    priority: 20,
  },
  {
    id: 'm365-pop-disabled-for-mailbox',
    title: 'POP is disabled for this mailbox (PopEnabled : False)',
    cause: 'Get-CASMailbox shows PopEnabled False: Exchange refuses POP for this mailbox whatever the token says.',
    fix: 'Set-CASMailbox -Identity <user> -PopEnabled $true (allow up to an hour to take effect).',
    severity: 'error',
    source: 'pop3',
    provider: 'microsoft',
    docs: [DOCS.msPopImapAccess, DOCS.msSetCasMailbox],
    keys: ['enabled'],
    pattern: /\bPopEnabled\s{0,40}:\s{0,10}False\b/i,
    priority: 20,
  },
  {
    id: 'm365-basic-auth-disabled',
    title: 'Exchange Online / Outlook.com: password logins are switched off (Basic authentication is disabled.)',
    cause:
      'The server refused the password login before checking it: Basic authentication (LOGIN, or AUTHENTICATE PLAIN with ' +
      'the password) is off for IMAP and POP, for personal Outlook.com, Hotmail and Live accounts as for Microsoft 365 ' +
      'tenants. A correct password or an app password does not help.',
    fix:
      'Use OAuth 2.0: AUTHENTICATE XOAUTH2 with a token for https://outlook.office.com/IMAP.AccessAsUser.All (the ' +
      '/consumers or /common authority for personal accounts); for a client without OAuth put a local OAuth proxy such as ' +
      'email-oauth2-proxy in front of it.',
    severity: 'error',
    source: 'imap',
    provider: 'microsoft',
    docs: [DOCS.msBasicAuthDeprecation, DOCS.msOAuthImapPopSmtp],
    keys: ['authenticat'],
    pattern: /(?<!unsuccessful, )\bBasic authentication is disabled\.?/,
    priority: 20,
  },
  {
    id: 'm365-imap-password-via-authenticate-plain',
    title: 'Exchange Online / Outlook.com refused a password sent with AUTHENTICATE PLAIN (AUTHENTICATE failed.)',
    cause:
      'The client logged in with AUTHENTICATE PLAIN, i.e. user name and password, which Exchange Online and Outlook.com ' +
      'refuse since Basic authentication was switched off, app passwords included; the reply is the same as for a ' +
      'rejected token.',
    fix:
      'Configure the client for OAuth 2.0 (AUTHENTICATE XOAUTH2 with a token for https://outlook.office.com/IMAP.AccessAsUser.All), ' +
      'or put a local OAuth proxy such as email-oauth2-proxy in front of a client without OAuth.',
    severity: 'error',
    source: 'imap',
    provider: 'microsoft',
    docs: [DOCS.msBasicAuthDeprecation, DOCS.msOAuthImapPopSmtp],
    keys: ['authenticat'],
    pattern: /Retrying PLAIN authentication after AUTHENTICATE failed\.?|\bAUTHENTICATE failed\b\.?/i,
    context: [/AUTHENTICATE PLAIN|PLAIN authentication/i],
    priority: 30,
    supersedes: ['m365-imap-authenticate-failed', 'm365-app-only-not-authorized', 'm365-graph-token-for-mail-protocol'],
  },
  {
    id: 'imap-empty-username-or-password',
    title: 'The client sent an empty user name or password (NO Empty username or password)',
    cause:
      'The client sent LOGIN with an empty user name or password, so the server refused without checking: nothing is ' +
      'stored for this account (an add-on or script reusing an account that signs in with OAuth2, which has no password), ' +
      'or a variable was empty.',
    fix:
      'Authenticate with AUTHENTICATE XOAUTH2 and the account\'s token, or store an app password for LOGIN; check the ' +
      'values the tool passes.',
    severity: 'error',
    source: 'imap',
    provider: 'gmail',
    docs: [DOCS.googleXoauth2, DOCS.googleAppPasswords],
    keys: ['password'],
    pattern: /\bNO Empty username or password\b/,
    priority: 20,
  },
];
