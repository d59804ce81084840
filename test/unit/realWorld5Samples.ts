// Real failure strings for the entries added or changed in the fifth real-world round (issue 14): mobile and desktop
// clients (K-9 / Thunderbird for Android, Mailspring, libetpan's nmail, SMS Backup+), integrations (Nextcloud Mail,
// FreeScout through webklex/php-imap, Home Assistant, Odoo behind a proxy), self-hosted servers (Courier, mailcow, Cyrus
// saslauthd, Postfix, Roundcube, Stalwart) and Gmail's older request-id wording, each with where a user posted it.
// explain.test.ts checks that each one's first finding is its entry; explainRealWorld5.test.ts the near misses.

export const REAL_WORLD_5_SAMPLES: Record<string, string[]> = {
  aadsts500112: [
    // https://github.com/odoo/odoo/issues/44943
    "An error occurred when fetching the access token. AADSTS500112: The reply address 'http://xxxxx.local/microsoft_outlook/confirm' does not match the reply address 'https://xxxxx.local:8071/microsoft_outlook/confirm' provided when requesting Authorization code.",
  ],
  'courier-login-failed': [
    // https://github.com/fail2ban/fail2ban/issues/1151
    'Aug  4 00:24:19 szerver imapd-ssl: LOGIN FAILED, method=PLAIN, ip=[::ffff:8.0.14.239]',
  ],
  'dovecot-smtp-temporary-failure': [
    // https://github.com/stalwartlabs/stalwart/issues/2364
    'Failed to authenticate on SMTP server with username "noreply@cloud.example.com" using the following authenticators: "XOAUTH2". Authenticator "XOAUTH2" returned "Expected response code "235" but got code "454", with message "454 4.7.0 Temporary authentication failure".".',
  ],
  'gmail-imap-invalid-credentials': [
    // https://github.com/mscdex/node-imap/issues/417
    "{ [Error: Invalid credentials lu2mb33951954wic] textCode: undefined, source: 'authentication' }",
  ],
  'horde-smtp-server-requires-authentication': [
    // https://github.com/nextcloud/mail/issues/864
    '"message":"Sending mail failed: Server requires authentication."',
  ],
  'libetpan-imap-error-login': [
    // https://github.com/d99kris/nmail/issues/129
    '2022-12-27 12:15:52.977 | ERROR | mailimap_login(m_Imap, m_User.c_str(), m_Pass.c_str()) = MAILIMAP_ERROR_LOGIN  (imap.cpp:105)',
  ],
  'mailcow-auth-login-failed': [
    // https://github.com/mailcow/mailcow-dockerized/issues/6673
    'MAILCOWAUTH: Login failed for user mail@example.tld',
  ],
  'mailspring-authentication-error': [
    // https://github.com/Foundry376/Mailspring/issues/885
    'Authentication Error - Check your username and password. (IMAP)View Log',
  ],
  'nextcloud-mail-imap-authentication-failed': [
    // https://github.com/nextcloud/mail/issues/2929
    '"Message":"IMAP errorAuthentication failed.","Code":102',
    // https://github.com/nextcloud/mail/issues/104
    '"message":"Creating account failed: Server denied authentication."',
    // https://github.com/nextcloud/mail/issues/5350
    '"message":"Creating account failed: Connection to IMAP at mail.najessentials.com:993 failed. Authentication failed."',
  ],
  'postfix-sender-rejected-not-logged-in': [
    // https://github.com/home-assistant/core/issues/154774
    "reply: b'553 5.7.1 <smart@box.li>: Sender address rejected: not logged in\\r\\n'",
  ],
  'postfix-smtpd-sasl-authentication-failed': [
    // https://github.com/hardware/mailserver/issues/331
    'mail postfix/smtpd[3101]: warning: unknown[xx.xxx.xxx.xx]: SASL LOGIN authentication failed: UGFzc3dvcmQ6',
  ],
  'roundcube-imap-login-failed': [
    // https://github.com/roundcube/roundcubemail/issues/7429
    'IMAP Error: Login failed for user@domain.com against domain.com from 000.82.000.41(X-Forwarded-For: 000.82.000.41). Authentication failed. in /var/www/mail/program/lib/Roundcube/rcube_imap.php on line 200',
  ],
  'saslauthd-test-authentication-failed': [
    // https://github.com/docker-mailserver/docker-mailserver/issues/60
    '0: NO "authentication failed"',
  ],
  'sms-backup-plus-xoauth-authorization-error': [
    // https://github.com/jberkel/sms-backup-plus/issues/406
    'XOAuth autorization error. Please make sure you enabled IMAP in your Gmail account settings.',
  ],
  'smtp-503-authenticate-first': [
    // https://github.com/stalwartlabs/stalwart/issues/698
    'Diagnostic-Code: smtp; 503 5.5.1 You must authenticate first.',
  ],
  'smtp-535-credentials-refused': [
    // https://github.com/SickChill/sickchill/issues/4943
    "Success in sending / ERROR: (535, '5.7.8 Authentication failed')",
  ],
  'home-assistant-smtp-login-not-possible': [
    // https://github.com/home-assistant/core/issues/22601
    '2019-03-31 13:33:00 ERROR (Thread-2) [homeassistant.components.notify.smtp] Login not possible. Please check your setting and/or your credentials',
  ],
  'k9-authentication-failed-update-settings': [
    // https://github.com/thunderbird/thunderbird-android/issues/8023
    'Authentication failed. Update your server settings.',
  ],
  'webklex-connection-setup-failed-authentication': [
    // https://github.com/freescout-help-desk/freescout/issues/5101
    'Error: connection setup failed: Authentication failed; File: ./overrides/webklex/php-imap/src/Client.php (395)',
  ],
  aadsts700081: [
    // https://github.com/Foundry376/Mailspring/issues/1118
    '*** {"debuginfo":"https://login.microsoftonline.com/common/oauth2/v2.0/token RETURNED {\\"error\\":\\"invalid_grant\\",\\"error_description\\":\\"AADSTS700081: The refresh token has expired due to maximum lifetime. The token was issued on 2020-11-04T10:39:31.6429622Z and the maximum allowed lifetime for this application is 1.00:00:00.',
  ],
  'jakarta-mail-auth-stopped-at-prompt': [
    // https://github.com/scm-manager/scm-manager/issues/302
    'ERROR org.codemonkey.simplejavamail.Mailer - 334 VXNlcm5hbWU6\njavax.mail.AuthenticationFailedException: 334 VXNlcm5hbWU6',
  ],
};
