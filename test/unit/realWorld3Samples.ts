// Real failure strings for the entries added or widened in the third real-world round (issue 14): mail clients
// and libraries (node-imap, MailCore2, Himalaya, NeoMutt, mbsync's Cyrus SASL plugin, Roundcube, requests-oauthlib,
// Power Automate, scanners), Google sign-in pages, Entra ID, Keycloak, Dovecot, Yahoo/AOL, iCloud, WEB.DE and QQ Mail,
// each with where a user posted it. explain.test.ts checks that each one's first finding is its entry;
// explainRealWorld3.test.ts the near misses.

export const REAL_WORLD_3_SAMPLES: Record<string, string[]> = {
  aadsts65006: [
    // https://github.com/kellylford/QuickMail/issues/511
    "AADSTS65006: Resource '00000002-0000-0ff1-ce00-000000000000' had no entitlements matching required permissions configured on the required resource access for client 'bcdc84f1-d37c-4581-b14a-a01f7b3a1312'.",
  ],
  'cyrus-client-server-rejected-xoauth2': [
    // https://github.com/LukeSmithxyz/mutt-wizard/issues/339
    'Error: SASL(-13): authentication failure: server rejected XOAUTH2: {"status":"400","schemes":"Bearer","scope":"https://mail.google.com/"}',
  ],
  'dovecot-auth-process-broken': [
    // https://github.com/msimerson/Mail-Toaster-6/issues/279
    'Oct  2 13:58:00 dovecot dovecot: imap-login: Disconnected: Auth process broken (disconnected before auth was ready, waited 1 secs)',
  ],
  'gnome-mail-imap-verification-failed': [
    // https://github.com/elementary/mail/issues/739
    'IMAP verification failed: Could not log in. Please verify your credentials.',
  ],
  'google-access-blocked-by-policies': [
    // https://github.com/thunderbird/thunderbird-android/issues/9121
    "Access blocked: This request is blocked by Google's policies",
  ],
  'google-access-blocked-invalid-request': [
    // https://github.com/XaviTorello/mail2googlegroup/issues/17
    'Access blocked: This app’s request is invalid You can’t sign in because this app sent an invalid request. You can try again later, or contact the developer about this issue.',
  ],
  'google-client-missing-project-id': [
    // https://github.com/muttmua/mutt/issues/15
    'Client missing a project id. Error 401: invalid_client',
  ],
  'google-could-not-determine-client-id': [
    // https://github.com/neomutt/neomutt/issues/3477
    'invalid_request Could not determine client ID from request. Perhaps refresh token invalid. Try running once with "--authorize"',
  ],
  'google-disallowed-useragent': [
    // https://github.com/thunderbird/thunderbird-android/issues/7316
    'Error 403: disallowed_useragent',
  ],
  'google-oob-blocked': [
    // https://github.com/jobisoft/TbSync/issues/703
    'Error 400: invalid_request No puedes iniciar sesión en esta aplicación porque no cumple con la política OAuth 2.0 de Google destinada a mantener seguras las aplicaciones. response_type: code redirect_uri: urn:ietf:wg:oauth:2.0:oob',
  ],
  'google-oob-redirect-web-client': [
    // https://github.com/dolfim/django-gmailapi-backend/issues/3
    'The redirect URI in the request, urn:ietf:wg:oauth:2.0:oob, can only be used by a Client ID for native application. It is not allowed for the WEB client type.',
  ],
  'himalaya-login-mechanism-refused': [
    // https://github.com/pimalaya/himalaya/issues/501
    'cannot authenticate to IMAP server using LOGIN mechanism',
  ],
  'icloud-imap-authentication-failed': [
    // https://github.com/Ryan0204/cursor-auto-icloud/issues/12
    "iCloud IMAP operation failed: b'[AUTHENTICATIONFAILED] Authentication Failed'",
  ],
  'imap-no-authentication-failed': [
    // https://github.com/thunderbird/thunderbird-android/issues/5780
    'Username or password is wrong. (Command: *sensitive*; response: #2# [NO, authentication failed])',
    // https://github.com/ikvk/imap_tools/issues/167
    'imap_tools.errors.MailboxLoginError: Response status "OK" expected, but "NO" received. Data: [b\'authentication failed\']',
  ],
  'keycloak-client-assertion-type-missing': [
    // https://github.com/thomasdarimont/spring-boot-keycloak-jwe-example/issues/1
    '{ "error": "invalid_client", "error_description": "Parameter client_assertion_type is missing" }',
  ],
  'm365-scope-resource-not-in-required-access': [
    // https://github.com/jobisoft/EAS-4-TbSync/issues/209
    "error: invalid_scope error_description: The provided value for the input parameter 'scope' is not valid. The scope 'offline_access https://outlook.office.com/.default' is not valid - it refers to a resource which is not listed in the client's Required Resource Access and for which the user does not have any existing consent",
  ],
  'm365-smtp-mailbox-cannot-be-accessed': [
    // https://github.com/nodemailer/nodemailer/issues/949
    "{ Error: Invalid login: Mailbox cannot be accessed code: 'EAUTH', response: Mailbox cannot be accessed [CWXP265CA0023.GBRP265.PROD.OUTLOOK.COM]', responseCode: 550, command: 'AUTH LOGIN' }",
  ],
  'mailcore-authentication-error': [
    // https://github.com/MailCore/mailcore2/issues/1978
    "IMAPSession checkAccount failed（Unable to authenticate with the current session's credentials.）",
  ],
  'neomutt-oauth-token-too-big': [
    // https://github.com/neomutt/neomutt/issues/4368
    'Oauth token is too big:250',
  ],
  'node-imap-no-supported-auth-method': [
    // https://github.com/chirag04/mail-listener2/issues/50
    "{ [Error: No supported authentication method(s) available. Unable to login.] source: 'authentication' }",
  ],
  'oauth-invalid-client': [
    // https://github.com/n8n-io/n8n/issues/22544
    'Client authentication failed (e.g., unknown client, no client authentication included, or unsupported authentication method).',
  ],
  'oauthlib-token-expired': [
    // https://github.com/RogerSelwyn/O365-HomeAssistant/issues/247
    'oauthlib.oauth2.rfc6749.errors.TokenExpiredError: (token_expired)',
  ],
  'power-automate-token-exchange-connection': [
    // https://github.com/OfficeDev/microsoft-teams-apps-requestateam/issues/192
    'Error from token exchange: Connection msmanaged-na/logicflows/30bc99de-55f6-43a0-b5ca-9023277a2518@https://msmanaged-na.azure-apim.net/ is not allowed to access connection msmanaged-na/sharepointonline/8cb5b35afec1405db721a1ad437b694a',
  ],
  'qq-smtp-authorization-code': [
    // https://github.com/pandolia/qqbot/issues/221
    "SMTPAuthenticationError: (535, 'Error: \\xc7\\xeb\\xca\\xb9\\xd3\\xc3\\xca\\xda\\xc8\\xa8\\xc2\\xeb\\xb5\\xc7\\xc2\\xbc\\xa1\\xa3\\xcf\\xea\\xc7\\xe9\\xc7\\xeb\\xbf\\xb4: http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=28&&no=1001256')",
    // https://github.com/pppscn/SmsForwarder/issues/507
    'Failed to send email: 535 Login Fail.Please enter your authorization',
  ],
  'ricoh-authentication-destination-failed': [
    // https://thetoolstrunk.com/authentication-with-the-destination-has-failed/
    'Authentication with the destination has failed.',
  ],
  'roundcube-smtp-535': [
    // https://github.com/roundcube/roundcubemail/issues/6826
    'SMTP Error (535): Authentication failed.',
  ],
  'scan-to-office365-account-locked': [
    // https://www.manualshelf.com/manual/cloud/cx133/user-s-guide-english/page-107.html
    'Authentication Failed: Account is locked.',
  ],
  'smtp-503-bad-sequence': [
    // https://github.com/deanproxy/eMail/issues/7
    'email: FATAL: Smtp error: 503 Bad sequence of commands',
  ],
  'smtp-auth-command-not-implemented': [
    // https://github.com/nodemailer/nodemailer/issues/878
    'Error: Invalid login: 502 Command "AUTH PLAIN .....==" not implemented',
  ],
  'thunderbird-login-to-server-failed': [
    // https://support.mozilla.org/en-US/kb/microsoft-oauth-authentication-and-thunderbird-202
    'Login to server outlook.office365.com with username youremail@hotmail.com failed.',
  ],
  'tls-alert-protocol-version': [
    // https://github.com/Arronlong/httpclientutil/issues/15
    'Caused by: javax.net.ssl.SSLException: Received fatal alert: protocol_version',
  ],
  'tls-unexpected-eof': [
    // https://github.com/NixOS/nixpkgs/issues/202595
    'Socket error: secure read from imap.gmail.com (142.251.163.109:993): error:0A000126:SSL routines::unexpected eof while reading',
  ],
  'tls-wrong-version-number': [
    // https://github.com/pppscn/SmsForwarder/issues/541
    'javax.mail.MessagingException: Could not connect to SMTP host: smtp.mail.me.com, port: 587; nested exception is: javax.net.ssl.SSLException: Unable to parse TLS packet header',
  ],
  'yahoo-smtp-mbr-incorrect-password': [
    // https://github.com/PHPMailer/PHPMailer/issues/1287
    'SMTP ERROR: Password command failed: 535 5.7.0 (#MBR1212) Incorrect username or password.',
  ],
  'yahoo-too-many-bad-attempts': [
    // https://github.com/PHPMailer/PHPMailer/issues/2034
    'SERVER -> CLIENT: 535 5.7.0 (#AUTH005) Too many bad auth attempts.',
    // https://github.com/nedimf/maildroid/issues/17
    'Failed to send email to: abc@xyz.com: javax.mail.AuthenticationFailedException: 535 5.7.0 (#AUTH005) Too many bad auth attempts..',
    // https://github.com/jstedfast/MailKit/issues/320
    'Too many bad login attempts.',
  ],
  'dovecot-oauthbearer-invalid-gs2-header': [
    // https://github.com/the-djmaze/snappymail/issues/758 (SnappyMail's OAUTHBEARER encoder before its fix)
    'Dec 08 10:14:16 auth: Info: oauthbearer(?,********,<*******>): Invalid gs2-header in request',
  ],
  'cyrus-jwt-unexpected-jose-header': [
    // https://github.com/cyrusimap/cyrus-imapd/issues/5600 (Keycloak tokens with kid, cyrus-imapd 3.8.3)
    'JMAP: Unexpected JOSE header structure: func=<validate_header>',
  ],
  'tls-handshake-failure': [
    // https://github.com/thunderbird/thunderbird-android/issues/2146 (K-9 Mail after the update to Android 7.0)
    'javax.net.ssl.SSLHandshakeException: Handshake failed at com.android.org.conscrypt.OpenSSLSocketImpl.startHandshake(OpenSSLSocketImpl.java:429)',
  ],
};
