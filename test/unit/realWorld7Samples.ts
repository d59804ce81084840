// Real failure strings for the entries added or changed in the seventh real-world round (issue 14): self-hosted
// servers (Dovecot auth and login processes, Postfix SASL client and server, Courier authlib, saslauthd and PAM, ZoneMTA),
// proxies and fetchers (Proton Mail Bridge, DavMail, Email OAuth 2.0 Proxy, fetchmail, getmail6, OfflineIMAP, msmtp),
// providers (NetEase, Mail.ru, GMX POP3) and TLS wordings (Go x509, .NET SslStream, OpenSSL server logs, Jakarta Mail,
// PHP c-client), each with where a user posted it. explain.test.ts checks that each one's first finding is its entry.

export const REAL_WORLD_7_SAMPLES: Record<string, string[]> = {
  'courier-authldap-bind-failed': [
    // https://github.com/svarshavchik/courier/issues/32
    'authdaemond[22475]: ldap_sasl_bind_s failed: Invalid credentials',
  ],
  'davmail-invalid-user-or-password': [
    // https://github.com/mguessan/davmail/issues/354
    'davmail.exchange.ExchangeSession  - Authentication failed: invalid user or password',
  ],
  'davmail-refresh-token-bad-padding': [
    // https://github.com/mguessan/davmail/issues/173
    'davmail.log:2021-08-05 10:10:30,182 WARN  [SmtpConnection-45344] davmail.exchange.auth.O365Token  - refresh token failed javax.crypto.BadPaddingException: Given final block not properly padded. Such issues can arise if a bad key is used during decryption.',
  ],
  'dovecot-auth-process-broken': [
    // https://github.com/docker-mailserver/docker-mailserver/issues/862
    'mail-server    | Feb 26 14:00:39 mail dovecot: imap-login: Disconnected: Auth process      broken (disconnected before auth was ready, waited 92 secs): user=<>, rip=69.136.219.1     06, lip=172.18.0.8, TLS handshaking: SSL_accept() failed: error:1417D18C:SSL routines:     tls_process_client_hello:version too low, session=<cAxh7x1mCN9FiNtq>',
  ],
  'dovecot-login-auth-handshake-timeout': [
    // https://github.com/docker-mailserver/docker-mailserver/issues/862
    'mail-server    | Feb 26 14:00:39 mail dovecot: imap-login: Error: Timeout waiting for      handshake from auth server. my pid=191, input bytes=0',
  ],
  'email-oauth2-proxy-request-expired': [
    // https://github.com/simonrob/email-oauth2-proxy/issues/95
    "2022-11-08 09:08:03,045: IMAP (localhost:1993; 127.0.0.1:4909->outlook.office365.com:993) <-- b'RUBY0001 NO LOGIN Email OAuth 2.0 Proxy: Login failed - the authentication request expired or was cancelled for account mail@company.com\\r\\n'",
  ],
  'fetchmail-attempt-to-get-authorization-failed': [
    // https://github.com/docker-mailserver/docker-mailserver/pull/4156
    "The attempt to get authorization failed.\nSince we have already succeeded in getting authorization for this\nconnection, this is probably another failure mode (such as busy server)\nthat fetchmail cannot distinguish because the server didn't send a useful\nerror message.",
  ],
  'getmail-xoauth-tokens-helper-failed': [
    // https://github.com/getmail6/getmail6/issues/228
    'getmailrc: operation error (External program error (/usr/bin/getmail-gmail-xoauth-tokens exited with 1))\n  0 messages (0 bytes) retrieved, 0 skipped',
  ],
  'javamail-starttls-required-not-offered': [
    // https://github.com/jakartaee/mail-api/issues/392
    'javax.mail.MessagingException: STARTTLS is required but host does not support STARTTLS\n        at com.sun.mail.smtp.SMTPTransport.protocolConnect(SMTPTransport.java:734)',
  ],
  'mailru-app-password-required': [
    // https://github.com/lmanukyan/print-designer/issues/5
    '[22:33:40] ERROR (payload): There is an error with the email configuration you have provided. Error: Invalid login: 535 5.7.0 NEOBHODIM parol prilozheniya https://help.mail.ru/mail/security/protection/external / Application password is REQUIRED',
  ],
  'netease-login-error-or-password-error': [
    // https://github.com/ModelEngine-Group/nexent/issues/3609
    '{"error": "Failed to retrieve emails: b\'LOGIN Login error or password error\'"}',
  ],
  'node-imap-timeout-auth': [
    // https://github.com/cozy/cozy-emails/issues/617
    "DBUG +0000 imap:pool RAW ERROR { [Error: Timed out while authenticating with server] source: 'timeout-auth' }",
  ],
  'nodemailer-greeting-never-received': [
    // https://github.com/wslyvh/paperweight/issues/32
    'SMTP: Greeting never received',
  ],
  'offlineimap-cert-fingerprint-mismatch': [
    // https://github.com/OfflineIMAP/offlineimap/issues/309
    "ERROR: Server SSL fingerprint '[trunchated for security reasons]' for hostname '[trunchated for security reasons]' does not match configured fingerprint. Please verify and set 'cert_fingerprint' accordingly if not set yet.",
  ],
  'pam-authinfo-unavailable': [
    // https://github.com/SSSD/sssd/issues/7719
    'Nov 27 18:34:04 Exynos.local authdaemond[20585]: pam_sss(imap:auth): received for user <username>: 9 (Authentication service cannot retrieve authentication info)',
  ],
  'php-imap-ssl-negotiation-failed': [
    // https://github.com/sdelafond/docker-protonmail-bridge/issues/8
    "imap_open(): Couldn't open stream {127.0.0.1:1143/imap/novalidate-cert}. TLS/SSL failure for 127.0.0.1: SSL negotiation failed",
  ],
  'pop3-err-authentication-failed': [
    // https://github.com/jens-maus/yam/issues/638
    ': PASS xxx\n: -ERR authentication failed\n: QUIT',
  ],
  'postfix-sasl-all-whitespace-username': [
    // https://github.com/loganmarchione/docker-postfixrelay/issues/35
    'Jan 25 11:49:39 dbeb7b45e2b9 postfix/smtp[512]: warning: SASL authentication failure: All-whitespace username.',
  ],
  'postfix-sasl-auth-socket-unreachable': [
    // https://github.com/docker-mailserver/docker-mailserver/issues/3250
    'warning: SASL: Connect to /dev/shm/sasl-auth.sock failed: No such file or directory',
  ],
  'postfix-sasl-backend-connection-lost': [
    // https://github.com/neomutt/neomutt/issues/2690
    '[2020-10-07 21:00:02]<2> mutt_socket_readln_d() 4< 535 5.7.8 Error: authentication failed: Connection lost to authentication server',
  ],
  'proton-bridge-cannot-upgrade-connection': [
    // https://github.com/ProtonMail/proton-bridge/issues/232
    'ERRO[Nov  7 18:28:06.119] cannot upgrade connection: EOF                protocol=IMAP',
  ],
  'proton-bridge-incorrect-password': [
    // https://github.com/shenxn/protonmail-bridge-docker/issues/62
    'ERRO[Aug 13 15:37:55.895] Could not check bridge password               error="backend/credentials: incorrect password" pkg=imap',
  ],
  'proton-bridge-user-not-found': [
    // https://github.com/LukeSmithxyz/mutt-wizard/issues/500
    "IMAP command 'LOGIN <user> <pass>' returned an error: NO user email@pm.me not found",
  ],
  'saslauthd-auth-failure-reason': [
    // https://github.com/cyrusimap/cyrus-sasl/issues/785
    ':auth failure: [user=test] [service=imap] [realm=] [mech=pam] [reason=PAM auth error]',
  ],
  'smtp-535-credentials-refused': [
    // https://github.com/kivitendo/kivitendo-erp/pull/735
    'Fehler: Die E-Mail wurde aufgrund des folgenden Fehlers nicht verschickt: SMTP authentication failed: 5.7.0 Authentication failed',
    // https://github.com/marcpope/borgbackupserver/issues/16
    'Failed: Authentication failed: 535 5.7.0 Invalid login or password',
    // https://github.com/YodasMyDad/ZauberCMS/issues/47
    'MailKit.Net.Smtp.SmtpProtocolException: The SMTP server has unexpectedly disconnected: Authentication failed: Bad username / password',
  ],
  'smtp-authentication-required-for-relay': [
    // https://github.com/4IceG/luci-app-sms-tool-js/issues/45
    "Failed to forward message: Error: MAIL FROM failed: '550 Authentication is required for relay'",
  ],
  'smtp-error-authentication-failed': [
    // https://github.com/aschroder/Magento-SMTP-Pro-Email-Extension/issues/179
    'Exception message was: 5.7.8 Error: authentication failed: UGFzc3dvcmQ6',
  ],
  'smtp-server-does-not-support-authentication': [
    // https://github.com/marlam/msmtp/issues/22
    'sendmail: the server does not support authentication',
    // https://github.com/roundcube/roundcubemail/issues/6880
    'SMTP send:  NOT OK(Authentication failure: SMTP server does not support authentication (Code: ))',
  ],
  'smtp-server-has-no-auth': [
    // https://github.com/Foundry376/Mailspring/issues/811
    '500 5.5.1 Command unrecognized: "AUTH PLAIN c2VkZ2hpAHNXXXXXQBzYWRvaGFzaHRhZG84QA=="',
    // https://github.com/kz26/mailproxy/issues/2
    'auth login\n500 Error: command "AUTH" not recognized',
  ],
  'tls-dotnet-remote-party-closed': [
    // https://github.com/jstedfast/MailKit/issues/427
    'Assert.Fail failed. Exception System.IO.IOException: Authentication failed because the remote party has closed the transport stream.\n   at System.Net.Security.SslState.StartReadFrame(Byte[] buffer, Int32 readBytes, AsyncProtocolRequest asyncRequest)',
  ],
  'tls-go-x509-hostname-mismatch': [
    // https://github.com/keel-hq/keel/issues/526
    'time="2020-07-22T15:02:20Z" level=error msg="extension.notification.mail: failed to send notification" error="x509: certificate is valid for *, not xx.xx.com"',
    // https://github.com/gogs/gogs/issues/4644
    'gomail: could not send email 1: StartTLS: x509: certificate is valid for dd40882ba0ea',
  ],
  'tls-no-shared-cipher': [
    // https://github.com/mailcow/mailcow-dockerized/issues/14
    '9.1.2017 17:04:202017-01-09 16:04:20 imap-login: Error: SSL: Stacked error: error:1408A0C1:SSL routines:ssl3_get_client_hello:no shared cipher',
  ],
  'zone-mta-example-auth-plugin': [
    // https://github.com/zone-eu/wildduck/issues/95
    'zone-mta[8390]: ERR! Plugins "Example Authentication" for "smtp:auth" failed with: Authentication failed',
  ],
  'imaplib-command-illegal-in-state-auth': [
    // https://github.com/home-assistant/core/issues/90750 (left unexplained by the fifth round)
    '2023-04-04 08:16:01.816 ERROR (MainThread) [homeassistant.components.imap.coordinator] Error requesting imap data: command SEARCH illegal in state AUTH',
  ],
  'mailru-oauth-invalid-username-or-password': [
    // https://github.com/yar229/WebDavMailRuCloud/issues/233 (left unexplained by the fifth round)
    'Unauthorized: OAuth: Error Code=3, Value=invalid username or password, Description=username or password is incorrect.',
  ],
  'smtp-auth-command-not-implemented': [
    // https://github.com/zammad/zammad/issues/2393 (left unexplained by the fifth round)
    '502 Command “AUTH PLAIN AGljdGR0ZXN0bWFpbEBsYXVzZ3JvdXAuY29tLnBoADEyMzQ1Njc4” not implemented',
  ],
  'cyrus-sasl-internal-error-nomech': [
    // https://github.com/cyrusimap/cyrus-imapd/issues/2860 (left unexplained by the fifth round)
    'SASL Internal Error -4 in ../../lib/server.c near line 1762',
  ],
  'dovecot-log-password-mismatch': [
    // https://github.com/docker-mailserver/docker-mailserver/issues/479
    'Jan 18 15:25:10 mail dovecot: auth: passwd-file(name@domain.de,IP): Password mismatch (SHA1 of given password: 712c344)',
    // https://github.com/erik73/app-mail/issues/413
    '[password missmatch](sql: Password mismatch)',
  ],
  'dovecot-log-pam-authenticate-failed': [
    // https://github.com/fail2ban/fail2ban/pull/932
    'Jan 29 05:32:50 mail dovecot: auth-worker(304): pam(username,1.2.3.4): pam_authenticate() failed: Authentication failure (password mismatch?)',
  ],
  'dovecot-log-invalid-credentials': [
    // https://github.com/mailcow/mailcow-dockerized/pull/732
    'auth: Info:(test@domain.com,199.99.99.1,<5Ff/7Htd6QCpAM+Y>): invalid credentials',
  ],
  'exchange-server-imap-login-failed': [
    // https://github.com/jstedfast/MailKit/issues/483 (the whole transcript: the greeting and CAPABILITY show an on-premises server)
    'Connected to imaps://imap.hs20.net:993/\nS: * OK The Microsoft Exchange IMAP4 service is ready.\nC: A00000000 CAPABILITY\nS: * CAPABILITY IMAP4 IMAP4rev1 AUTH=PLAIN AUTH=NTLM AUTH=GSSAPI UIDPLUS MOVE ID CHILDREN IDLE NAMESPACE LITERAL+\nS: A00000000 OK CAPABILITY completed.\nC: A00000001 AUTHENTICATE PLAIN\nS: +\nC: XXXXXXXX\nS: A00000001 NO AUTHENTICATE failed.\nC: A00000002 LOGIN *****@*****.com *****\nS: A00000002 NO LOGIN failed.',
  ],
  'tls-go-x509-legacy-common-name': [
    // https://github.com/knadh/listmonk/issues/1363
    'error sending SMTP test (Test connection): x509: certificate relies on legacy Common Name field, use SANs instead',
    // https://github.com/vx3r/wg-gen-web/issues/79
    'time="2021-04-10T10:15:53Z" level=error msg="failed to send email to client" err="x509: certificate relies on legacy Common Name field, use SANs or temporarily enable Common Name matching with GODEBUG=x509ignoreCN=0"',
  ],
  'dovecot-log-unknown-user': [
    // https://github.com/docker-mailserver/docker-mailserver/issues/2961
    'Dec 27 14:50:54 mail dovecot: auth: passwd-file(test@suntopo.com,1.14.69.203,</kQ+qMnwgdABDkXL>): unknown user (SHA1 of given password: 523336)',
    // https://github.com/fail2ban/fail2ban/issues/1059
    'May 31 03:49:45 mailhost dovecot: auth-worker(1668): sql(user@domain.com,X.Y.Z.Z): unknown user (given password: XXX)',
  ],
  'dovecot-log-passwd-file-missing': [
    // https://github.com/outroll/vesta/issues/217
    'auth: Error: passwd-file(qfrtrt,93.191.40.42,<dfrtrtrtty>): stat(/etc/exim4/domains//passwd) failed: No such file or directory',
  ],
  'tls-unsafe-legacy-renegotiation': [
    // https://github.com/openssl/openssl/issues/21296
    '804B1EBA547F0000:error:0A000152:SSL routines:final_renegotiate:unsafe legacy renegotiation disabled:../ssl/statem/extensions.c:879:',
  ],
  'tls-unknown-protocol': [
    // https://github.com/modoboa/modoboa-webmail/issues/179
    'Error: Connection to IMAP server failed: [SSL: UNKNOWN_PROTOCOL] unknown protocol (_ssl.c:590)',
  ],
  'dovecot-plaintext-auth-disallowed': [
    // https://github.com/docker-mailserver/docker-mailserver/issues/1026
    'A002 NO [PRIVACYREQUIRED] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.',
  ],
  'postfix-sasl-no-compatible-mechanisms': [
    // https://github.com/Oefenweb/ansible-postfix/issues/45
    'relay=a.b.c[x.x.x.x]:25, delay=151584, delays=151578/0.02/6.2/0, dsn=4.7.0, status=deferred (SASL authentication failed: server a.b.c[x.x.x.x] offered no compatible authentication mechanisms for this type of connection security)',
    // https://github.com/mailcow/mailcow-dockerized/issues/6557
    'server abc[1.2.3.4] offered no compatible authentication mechanisms for this type of connection security',
  ],
  'msmtp-cannot-use-secure-authentication': [
    // https://github.com/LukeSmithxyz/mutt-wizard/issues/667
    'Protonmail with Bridge: msmtp: cannot use a secure authentication method',
  ],
  'go-smtp-unencrypted-connection': [
    // https://github.com/mattermost/mattermost/issues/5493
    '[2017/06/20 10:00:52 CEST] [EROR] /api/v3/admin/test_email:SendMail code=500 rid=[CENSORED] uid=[CENSORED] ip=[CENSORED], [CENSORED] Failed to authenticate on SMTP server [details: unencrypted connection]',
  ],
  'msmtp-invalid-config-argument': [
    // https://github.com/tiredofit/docker-backuppc/pull/23
    'sendmail: /etc/msmtprc: line 7: invalid argument none for command auth',
  ],
};
