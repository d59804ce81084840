// Real failure strings for the entries added or changed in the sixth real-world round (issue 14): Microsoft Graph
// (ErrorAccessDenied, NoPermissionsInAccessToken, InvalidAuthenticationToken), Entra admin approval and AADSTS codes,
// Exchange replies (licence, Send As, POP protocol error, criteria not met), Google org_internal, Go net/smtp, nodemailer,
// GLPI's OAuth IMAP plugin, Indy, Znuny and Ruby Net::IMAP, each with where a user posted it.
// explain.test.ts checks that each one's first finding is its entry; near-misses.json (round "sixth") the near misses.

export const REAL_WORLD_6_SAMPLES: Record<string, string[]> = {
  'exchangelib-invalid-license': [
    // https://github.com/ecederstrand/exchangelib/issues/1209
    "exchangelib.errors.ErrorInvalidLicense: The license is invalid for this mailbox., Mailbox 'c0593cae-2dea-4178-aecf-63d6b17809e7' doesn't have a valid license.",
  ],
  'go-smtp-unencrypted-connection': [
    // https://github.com/grafana/grafana/issues/12569
    'lvl=eror msg="Failed to send alert notification email" logger=alerting.notifier.email error="unencrypted connection"',
  ],
  'm365-smtp-criteria-not-met': [
    // https://github.com/nodemailer/nodemailer/issues/1617
    'Error: Invalid login: Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator.',
  ],
  'entra-admin-approval-required': [
    // https://github.com/n8n-io/n8n/issues/22524
    'Need admin approval n8n cloud n8n GMBH n8n cloud needs permission to access resources in your organisation that only an admin can grant. Please ask an admin to grant permission to this app before you',
  ],
  'nodemailer-xoauth2-invalid-request': [
    // https://github.com/nodemailer/nodemailer/issues/1048
    "[0] { Error: invalid_request\n[0]     at postRequest (/Users/jessicasewell/Desktop/code/Projects/Project-3/pupper_2/node_modules/nodemailer/lib/xoauth2/index.js:259:33)\n[0]     at PassThrough.req.once (/Users/jessicasewell/Desktop/code/Projects/Project-3/pupper_2/node_modules/nodemailer/lib/xoauth2/index.js:328:20)\n[0]     at Object.onceWrapper (events.js:277:13)\n[0]     at PassThrough.emit (events.js:189:13)\n[0]     at endReadableNT (_stream_readable.js:1125:12)\n[0]     at process._tickCallback (internal/process/next_tick.js:63:19) code: 'EAUTH', command: 'AUTH XOAUTH2' }",
  ],
  'graph-invalid-authentication-token': [
    // https://wpmailsmtp.com/docs/outlook-invalid-authentication-token/
    'Error: InvalidAuthenticationToken: Token Expired',
  ],
  'glpi-oauthimap-cannot-login': [
    // https://github.com/pluginsGLPI/oauthimap/issues/67
    '[2025-01-24 15:44:12] glpiphplog.CRITICAL:   *** Uncaught Exception Laminas\\Mail\\Storage\\Exception\\RuntimeException: cannot login, user or password wrong in /volume1/glpi/marketplace/oauthimap/inc/imap/imapoauthstorage.class.php at line 76',
  ],
  'glpi-oauthimap-unable-to-get-user-email': [
    // https://github.com/pluginsGLPI/oauthimap/issues/68
    '[2024-11-18 14:31:45] glpiphplog.WARNING:   *** PHP User Warning (512): Unable to get user email in /var/www/html/glpi/plugins/oauthimap/inc/authorization.class.php at line 434',
  ],
  aadsts90112: [
    // https://github.com/pluginsGLPI/oauthimap/issues/112
    '[2025-10-24 11:22:57] glpi.CRITICAL: *** Uncaught PHP Exception League\\OAuth2\\Client\\Provider\\Exception\\IdentityProviderException: "invalid_request\nAADSTS90112: Application identifier is expected to be a GUID. Trace ID: 7120f89c-0bba-487c-a746-a1666ffa2000 Correlation ID: 3c7f6dd9-d1a2-479e-867c-46cfcec836a2 Timestamp: 2025-10-24 11:22:57Z" at Azure.php line 492',
  ],
  'graph-error-access-denied': [
    // https://github.com/microsoftgraph/msgraph-sdk-php/issues/1204
    '\\"code\\":\\"ErrorAccessDenied\\",\\"message\\":\\"Access is denied. Check credentials and try again.\\"}',
    // https://github.com/kartverket/skyline/issues/78
    "WARN msg=could not send email trace-id=d36a930a-fd95-11ee-afb8-0242ac120002 error=[MS Graph API] Access is denied. Check credentials and try again. (code=ErrorAccessDenied, message='Access is denied. Check credentials and try again.')",
    // https://github.com/microsoftgraph/msgraph-sample-android/issues/29
    'com.microsoft.graph.http.GraphServiceException: Error code: ErrorAccessDenied\n    Error message: Access is denied. Check credentials and try again.\n    \n    GET https://graph.microsoft.com/v1.0/me/mailFolders',
  ],
  'graph-no-permissions-in-access-token': [
    // https://github.com/microsoftgraph/microsoft-graph-docs-contrib/issues/6623
    '{ "error": { "code": "NoPermissionsInAccessToken", "message": "The token contains no permissions, or permissions can not be understood.", "innerError": { "request-id": "a17cb89a-96b2-47cc-81aa-50eb23e52ce0", "date": "2019-09-11T23:23:10" } } }',
    // https://github.com/wapacro/laravel-msgraph-mail/issues/4
    'Microsoft Graph API responded with code NoPermissionsInAccessToken: The token contains no permissions, or permissions can not be understood.',
  ],
  aadsts7000216: [
    // https://github.com/Azure/azure-sdk-for-js/issues/10079
    "\"error\": \"invalid_client\",\n\"errorDescription\": \"AADSTS7000216: 'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials' grant type.",
  ],
  'exchange-smtp-no-send-as-permission': [
    // https://github.com/nodemailer/nodemailer/issues/145
    '550 5.7.1 Client does not have permissions to send as this sender',
  ],
  'gmail-imap-web-login-required': [
    // https://github.com/dcparker/ruby-gmail/issues/95
    '<Net::IMAP::NoResponseError: Please log in via your web browser',
  ],
  'google-org-internal': [
    // https://github.com/googlesamples/google-services/issues/404
    'Error 403: org_internal \nThis client is restricted to users within its organization.',
  ],
  'smtp-530-5.7.1-authentication-required': [
    // https://github.com/keycloak/keycloak/issues/12175
    'com.sun.mail.smtp.SMTPSendFailedException: 530 5.7.1 Authentication required',
  ],
  'm365-pop3-protocol-error-connection-closed': [
    // https://github.com/getmail6/getmail6/issues/256
    "operation error (POP error (b'-ERR Protocol error. Connection is closed. 10'))",
  ],
  'indy-sasl-handlers-not-supported': [
    // https://github.com/geoffsmith82/GmailAuthSMTP/issues/10
    "Doesn't support AUTH or the specified SASL handlers!!",
  ],
  'smtp-auth-plain-undefined-credentials': [
    // https://github.com/nodemailer/nodemailer/issues/413
    "{ type: 'client',\n  message: 'AUTH PLAIN AHVuZGVmaW5lZAB1bmRlZmluZWQ=' }\n    {\n        type: 'server',\n  message: '535-5.7.8 Username and Password not accepted. Learn more at\\n535 5.7\n        .8 http://support.google.com/mail/bin/answer.py?answer=14257 jt8sm12013679wid.4",
  ],
  'znuny-mail-account-auth-failed': [
    // https://github.com/znuny/Znuny/issues/259
    'Auth for user xxx/outlook.office365.com failed!',
  ],
};
