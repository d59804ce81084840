// Real failure strings for the entries added or changed in the eighth real-world round (issue 14), taken from Q&A
// sites, vendor knowledge bases and help pages rather than GitHub issues: Exchange Online's 550 5.7.30 and LogonDenied
// OAuthLog replies, Jira's mail handler, QNAP Notification Center, Garoon's GRN_OAUTH_ codes, Gmail's [ALERT] browser
// login, Exchange POP's protocol error through Jakarta Mail and PHPMailer's summary before Gmail's reply, each with
// where it was posted. explain.test.ts checks that each one's first finding is its entry; near-misses.json (round
// "eighth") the near misses.

export const REAL_WORLD_8_SAMPLES: Record<string, string[]> = {
  'm365-smtp-basic-auth-not-supported-client-submission': [
    // https://jorijn.com/en/blog/office-365-smtp-basic-auth-wordpress
    '550 5.7.30 Basic authentication is not supported for Client Submission',
  ],
  'm365-imap-logondenied-oauthlog': [
    // https://phinit.de/en/2025/12/23/ms365-fix-logondenied-error-on-imap-oauth-powershell-fix
    'Exception: MailBeeImapLoginBadCredentialsException\nResponse: MBN00000002 NO AUTHENTICATE failed.\nError="AuthFailed:LogonDenied-None-OAuthLog:AuthExc_Auth Failed. [...] User:XXXXXXXX@..."',
  ],
  'jira-mail-oauth-token-not-defined': [
    // https://confluence.atlassian.com/jirakb/jira-mail-handler-or-service-management-mail-handler-cannot-be-configured-using-oauth-2-0-the-authorization-or-connection-test-fails-1095250181.html
    'We couldn\'t connect to your mail server\nHere\'s the error we received: "OAuth token not defined for connection. OAuth Authorisation required."',
  ],
  'jira-mail-could-not-open-folder': [
    // https://confluence.atlassian.com/jirakb/jira-mail-handler-or-service-management-mail-handler-cannot-be-configured-using-oauth-2-0-the-authorization-or-connection-test-fails-1095250181.html
    "We couldn't connect to your mail server\nJIRA couldn't open the folder 'inbox' at outlook.office365.com. Check and make sure the folder name is correct and try again.",
  ],
  'qnap-notification-authorization-expired': [
    // https://www.qnap.com/hu-hu/how-to/faq/con_show.php?cid=1428
    'Authorization has expired. Reauthorize the account.',
    // https://www.qnap.com.cn/zh-cn/how-to/faq/article/ (the Chinese FAQ quotes the English warning without the space)
    'Authorization has expired.Reauthorize the account.',
  ],
  'garoon-oauth-account-mismatch': [
    // https://jp.cybozu.help/g/en/error/oauth.html
    'GRN_OAUTH_00006:The specified "Incoming e-mail account" differs from the account used in the OAuth authorization.',
  ],
  'garoon-oauth-insufficient-privilege': [
    // https://jp.cybozu.help/g/en/error/oauth.html
    'GRN_OAUTH_00016:The access privilege to the e-mail server is not sufficient.',
  ],
  'gmail-imap-web-login-required': [
    // https://help.funnelbud.com/setup/email-sync/troubleshooting
    'Cannot authenticate to IMAP server: [ALERT] Please log in via your web browser',
    // https://www.mintlify.com/bradsjm/mail-imap-mcp-rs/troubleshooting/authentication
    'Error: authentication failed: [AUTHENTICATIONFAILED] Web login required',
  ],
  'm365-pop3-protocol-error-connection-closed': [
    // https://confluence.atlassian.com/jirakb/jira-mail-handler-or-service-management-mail-handler-cannot-be-configured-using-oauth-2-0-the-authorization-or-connection-test-fails-1095250181.html
    'Unfortunately no connection was possible. Review the errors below and rectify: AuthenticationFailedException: Protocol error. Connection is closed. 10',
  ],
  'gmail-smtp-bad-credentials': [
    // https://www.fixwikihub.com/articles/wp-mail-smtp-authentication-failed-delivery
    'SMTP Error: Could not authenticate.\nSMTP server response: 535 5.7.8 Username and Password not accepted.\nLearn more at https://support.google.com/mail/?p=BadCredentials',
  ],
  'apple-mail-unable-to-verify-account': [
    // https://fr.ittrip.xyz/ms-office/outlook/apple-mail-outlook-oauth
    'Unable to verify account name or password',
    // https://fr.ittrip.xyz/ms-office/outlook/apple-mail-outlook-oauth
    'Impossible de vérifier le nom du compte ou le mot de passe',
    // https://eatsip365.com/how-to-fix-an-iphone-email-password-issue
    'Cannot Get Mail. The user name or password for [my email] is incorrect.',
  ],
  'jakarta-mail-bye-read-timed-out': [
    // https://confluence.atlassian.com/jirakb/jira-mail-handler-or-service-management-mail-handler-cannot-be-configured-using-oauth-2-0-the-authorization-or-connection-test-fails-1095250181.html
    'Unfortunately no connection was possible. Review the errors below and rectify:\nConnectionException: * BYE Jakarta Mail Exception: java.net.SocketTimeoutException: Read timed out',
  ],
  'thunderbird-login-to-server-failed': [
    // https://support.mozilla.org/it/kb/microsoft-oauth-authentication-and-thunderbird-202
    'Accesso al server outlook.office365.com con nome utente youremail@hotmail.com non riuscito.',
  ],
  'google-app-blocked-sensitive-scope': [
    // https://moltbot.ninja/blog/google-workspace-add-app-by-client-id
    'Access blocked: [App Name] has not been verified',
  ],
  'gmail-imap-app-password-required': [
    // https://www.mintlify.com/bradsjm/mail-imap-mcp-rs/troubleshooting/authentication
    'Error: authentication failed: [AUTHENTICATIONFAILED] Application-specific password required',
  ],
  'mailspring-authentication-error': [
    // https://community.getmailspring.com/t/connecting-mailspring-to-microsoft-office-365-and-outlook-com/14394
    'Authentication Error — Check your username and password (IMAP)',
  ],
  'outlook-imap-alert-invalid-credentials': [
    // https://umatechnology.org/?p=1423373
    "Your IMAP server wants to alert you 'Invalid Credentials'",
  ],
  'imap-authenticationfailed': [
    // https://mailboxtaxi.com/troubleshooting/fix-authentication-failed
    'AUTHENTICATIONFAILED Invalid credentials',
  ],
  'windows-mail-account-settings-out-of-date': [
    // https://umatechnology.org/your-outlook-account-settings-are-out-of-date-in-mail-or-calendar-app
    'Your Outlook account settings are out of date',
  ],
  'outlook-rest-api-v2-deprecated': [
    // https://docs.osticket.com/en/latest/OAuth2/Microsoft%20Authorization%20Guide.html
    'The API version v2 has been depreciated',
  ],
};
