// Real failure strings for the entries added or changed in the fourth real-world round (issue 14): library wordings
// without an AADSTS code (Entra redirect_uri and tenant texts, msal.js), Postfix with sasl-xoauth2, Exim, TLS errors as
// Java, Go, .NET, rustls and PHP print them, and mail libraries (smtplib, lettre, Ruby Net::IMAP, System.Net.Mail,
// PowerShell Send-MailMessage, Roundcube in French), each with where a user posted it. explain.test.ts checks that each
// one's first finding is its entry; explainRealWorld4.test.ts the near misses.

export const REAL_WORLD_4_SAMPLES: Record<string, string[]> = {
  'entra-user-not-in-tenant': [
    // https://github.com/dotnet-foundation/membership/issues/15
    "Selected user account does not exist in tenant '.NET Foundation' and cannot access the application 'a913d131-bc7d-49ff-b286-3e1ad46ddc57' in that tenant. The account needs to be added as an external user in the tenant first. Please use a different account.",
    // https://github.com/adambu/createuploadsession-graph-jquery/issues/1
    "User account 'XXXXXXXXXXXX' from identity provider 'https://XXXXXXXXXXXXXXXXXX' does not exist in tenant 'XXXXXXXX' and cannot access the application 'XXXXXXXXXXXXXXXXXXXXXXXXX' in that tenant. The account needs to be added as an external user in the tenant first. Sign out and sign in again with a different Azure Active Directory user account.",
  ],
  'exchange-smtp-client-was-not-authenticated': [
    // https://github.com/alanrenouf/vCheck-vSphere/issues/284
    'Exception calling "Send" with "1" argument(s): "The SMTP server requires a secure connection or the client was not authenticated. The server response was: 5.7.1 Client was not authenticated"',
  ],
  'exim-535-incorrect-authentication-data': [
    // https://github.com/fail2ban/fail2ban/issues/2553
    'Oct 22 03:39:17 mx1 exim[29786]: dovecot_login \tauthenticator failed for (User) [92.118.38.37]: 535 Incorrect authentication data (set_id=takeuchi@domain.com)',
    // https://github.com/sandstorm-io/sandstorm/issues/3137
    'Error while trying to send test email: {"code":"EAUTH","response":"535 Incorrect authentication data","responseCode":535,"command":"AUTH PLAIN"} [other-email-sending-error]',
    // https://github.com/PHPMailer/PHPMailer/issues/1375
    '2018-03-13 12:21:18 SMTP ERROR: Username command failed: 535 Incorrect authentication data',
    // https://github.com/fgeek/pyfiscan/issues/5
    "SMTPAuthenticationError: (535, 'Incorrect authentication data')",
  ],
  'exim-unable-to-authenticate-at-present': [
    // https://github.com/Exim/exim/issues/38
    'Unable to authenticate at present (set_id=username): missing or misplaced { or }',
  ],
  'gmail-smtp-authentication-required': [
    // https://github.com/dotnet/dotnet-api-docs/issues/11287
    'System.Net.Mail.SmtpException: The SMTP server requires a secure connection or the client was not authenticated. The server response was: 5.7.0 Authentication Required. For more information, go to',
    // https://github.com/heartcombo/mail_form/issues/75
    'Net::SMTPAuthenticationError (530-5.7.0 Authentication Required. Learn more at',
  ],
  'smtp-530-5.5.1-authentication-required': [
    // https://github.com/bavc/signalserver/issues/151
    "(530, b'5.5.1 Authentication Required. Learn more at\\n5.5.1  https://support.google.com/mail/?p=WantAuthError q3sm8571800qte.0 - gsmtp', 'bavc.signalserver@gmail.com')",
  ],
  'lettre-smtp-permanent-error-535': [
    // https://github.com/pimalaya/himalaya/issues/294
    'Error: permanent error (535)',
  ],
  'm365-smtp-client-not-authenticated': [
    // https://github.com/renevanosnabrugge/SendEmail-BuildTask/issues/49
    '##[error]The SMTP server requires a secure connection or the client was not authenticated. The server response was: 5.7.57 SMTP; Client was not authenticated to send anonymous mail during MAIL FROM',
    // https://github.com/MicrosoftDocs/OfficeDocs-Exchange/issues/1615
    'System.Net.Mail.SmtpException: "The SMTP server requires a secure connection or the client is not authenticated. The server response is: 5.7.57 SMTP; Client was not authenticated to send anonymous mail during MAIL FROM [HK2PR0401CA0011.apcprd04.prod.outlook .com] "',
  ],
  'm365-smtp-criteria-not-met': [
    // https://github.com/ShareX/ShareX/issues/6699
    'System.Net.Mail.SmtpException: The SMTP server requires a secure connection or the client was not authenticated. The server response was: 5.7.57 Client not authenticated to send mail. Error: 535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator. [SG2P153CA0002.APCP153.PROD.OUTLOOK.COM 2023-01-24T10:49:45.194Z 08DAFD75B2194F44]',
  ],
  'microsoft-redirect-uri-not-valid': [
    // https://github.com/shawntabrizi/Microsoft-Authentication-with-MSAL.js/issues/3
    "invalid_request: The provided value for the input parameter 'redirect_uri' is not valid. The expected value is a URI which matches a redirect URI registered for this client application.",
    // https://github.com/joel/omniauth-windowslive/issues/4
    "The provided value for the input parameter 'redirect_uri' is not valid. The value must be an absolute URL whose scheme is http:// or https://.",
    // https://github.com/liveservices/LiveSDK-for-Android/issues/1
    "The Provided value for the input parameter 'redirect_uri'  is not valid. The client application must be marked as 'mobile', or the value must be an absolute URL which matches the registered redirect URL.",
  ],
  'oauth-interaction-required': [
    // https://github.com/AzureAD/microsoft-authentication-library-for-js/issues/3014
    "InteractionRequiredAuthError: Silent authentication was denied. The user must first sign in and if needed grant the client application access to the scope 'User.ReadWrite Calendars.Read Calendars.ReadWrite Mail.Read openid profile'.",
  ],
  'outlook-imap-account-blocked': [
    // https://github.com/mscdex/node-imap/issues/799
    'Error: LOGIN failed. Account is blocked. Login to your account via a web browser to verify your identity.',
  ],
  'python-smtp-auth-extension-not-supported': [
    // https://github.com/awdeorio/mailmerge/pull/22
    'smtplib.SMTPNotSupportedError: SMTP AUTH extension not supported by server.',
  ],
  'roundcube-smtp-535': [
    // https://github.com/roundcube/roundcubemail/issues/6794
    'Erreur SMTP (535) : authentication failed',
  ],
  'ruby-net-imap-unknown-auth-type': [
    // https://github.com/ruby/net-imap/issues/146
    '`authenticate\': unknown auth type - "XOAUTH2" (ArgumentError)',
  ],
  'sasl-xoauth2-token-file-unreadable': [
    // https://github.com/tarickb/sasl-xoauth2/issues/3
    'sasl-xoauth2:   2020-04-15 15:03:26 : TokenStore::Read: failed to open file /etc/tokens/[username]',
    // https://github.com/tarickb/sasl-xoauth2/issues/120
    'postfix/smtp[6716]: [sasl-xoauth2] auth failed: 2026-01-27 23:31:09: TokenStore::Read: failed to open file /var/spool/postfix/etc/tokens/<smtpemail@example.com>: No such file or directory',
  ],
  'sasl-xoauth2-token-refresh-failed': [
    // https://github.com/tarickb/sasl-xoauth2/issues/69
    'Jun 20 12:00:23 postfixrelay sasl-xoauth2: 2023-06-20 12:00:23: TokenStore::Refresh: http error: error setting certificate file: /etc/ssl/certs/ca-certificates.crt',
  ],
  'smtp-503-auth-not-advertised': [
    // https://github.com/nodemailer/nodemailer/issues/18
    'Message failed: 503 AUTH command used when not advertised',
  ],
  'smtp-invalid-authentication-mechanism': [
    // https://github.com/splitbrain/dokuwiki-plugin-smtp/issues/65
    'Got: 535 5.7.8 Error: authentication failed: Invalid authentication mechanism',
  ],
  'smtp-must-issue-starttls-first': [
    // https://github.com/PowerShell/PowerShell/issues/8987
    'smtpServer requires secure connection or client was not authenticated. the server response was: 5.7.0 must issue STARTTLS command first',
  ],
  'tls-certificate-verify-failed': [
    // https://github.com/meeting-room-booking-system/mrbs-code/issues/3367
    'Connection failed. Error #2: stream_socket_enable_crypto(): SSL operation failed with code 1. OpenSSL Error messages:\\nerror:1416F086:SSL routines:tls_process_server_certificate:certificate verify failed [/var/www/html/web/lib/PHPMailer/src/SMTP.php line 469]',
    // https://github.com/php/doc-en/issues/4713
    'SMTP Error: Could not connect to SMTP host. Connection failed. stream_socket_enable_crypto(): SSL operation failed with code 1. OpenSSL Error messages: error:0A000086:SSL routines::certificate verify failedSMTP server error: QUIT command failed',
    // https://github.com/SuiteCRM/SuiteCRM/issues/4146
    'Warning: stream_socket_enable_crypto(): SSL operation failed with code 1. OpenSSL Error messages: error:14090086:SSL routines:ssl3_get_server_certificate:certificate verify failed',
  ],
  'tls-dotnet-certificate-name-mismatch': [
    // https://github.com/Radarr/Radarr/issues/7174
    '2022-04-02 10:01:23.9|Error|X509CertificateValidationService|Certificate validation for 10.0.0.25 failed. RemoteCertificateNameMismatch, RemoteCertificateChainErrors',
  ],
  'tls-dotnet-remote-certificate-invalid': [
    // https://github.com/streetwriters/notesnook-sync-server/issues/34
    'System.Security.Authentication.AuthenticationException: The remote certificate was rejected by the provided RemoteCertificateValidationCallback.',
  ],
  'tls-go-x509-unknown-authority': [
    // https://github.com/amborle/featmap/issues/66
    '2022/06/28 18:28:04 smtp error: x509: certificate signed by unknown authority',
    // https://github.com/BrianLeishman/go-imap/issues/9
    'tls: failed to verify certificate: x509: certificate signed by unknown authority',
    // https://github.com/rodcorsi/mattermail/issues/58
    'IMAP          12:21:20 Greeting error: x509: certificate signed by unknown authority',
  ],
  'tls-handshake-failure': [
    // https://github.com/pimalaya/himalaya/issues/493
    'Error: 0: cannot connect to imap server 1: IO error: received fatal alert: HandshakeFailure',
    // https://github.com/PlexPt/chatgpt-java/issues/24
    'Caused by: javax.net.ssl.SSLHandshakeException: Received fatal alert: handshake_failure',
  ],
  'tls-peer-rejected-certificate': [
    // https://github.com/eclipse-ee4j/angus-mail/pull/188
    'javax.net.ssl.SSLHandshakeException: Received fatal alert: certificate_unknown',
  ],
  'postfix-token-not-owned-by-root': [
    // https://github.com/tarickb/sasl-xoauth2/issues/94
    'Oct  8 06:51:06 Overlord postfix/postfix-script[3103261]: warning: not owned by root: /var/spool/postfix/etc/tokens/harryfoerster@outlook.com',
  ],
  'tiscali-smtp-password-too-simple': [
    // https://github.com/MailCore/mailcore2/pull/1517
    '535 5.7.0 authentication rejected: your password is too simple',
  ],
  'tls-handshake-aborted-connection': [
    // https://github.com/FlowCrypt/flowcrypt-android/issues/195
    'javax.mail.MessagingException: SSL handshake aborted: ssl=0xa77ac600: I/O error during system call, Software caused connection abort;',
  ],
};
