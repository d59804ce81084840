import * as assert from 'assert';
import { explain, explainLine, KNOWLEDGE_BASE, KNOWLEDGE_BASE_SIZE, KNOWLEDGE_BASE_TRANSLATIONS } from '../../src/core/explain';
import { REAL_WORLD_SAMPLES } from './explainRealWorld.test';
import { EXCHANGE_SERVER_SAMPLES } from './exchangeServerSamples';
import { OPENID_SAMPLES } from './openidSamples';
import { REAL_WORLD_3_SAMPLES } from './realWorld3Samples';
import { REAL_WORLD_4_SAMPLES } from './realWorld4Samples';
import { REAL_WORLD_5_SAMPLES } from './realWorld5Samples';
import { REAL_WORLD_6_SAMPLES } from './realWorld6Samples';
import { REAL_WORLD_7_SAMPLES } from './realWorld7Samples';
import { REAL_WORLD_8_SAMPLES } from './realWorld8Samples';

/**
 * Real output for every knowledge base entry: copied from public issue trackers and vendor
 * documentation, or captured from Node.js 20 / OpenSSL 3, msal-node and Dovecot 2.3.19 run
 * locally. The first finding for each sample must be the entry it is listed under.
 */
const SAMPLES: Record<string, string[]> = {
  // Google, Keycloak, Dovecot with Keycloak tokens, Stalwart (issue 15): src/core/explain/data/openid.json
  ...OPENID_SAMPLES,
  // Exchange Server's own protocol log and transport events: src/core/explain/data/exchangeServer.json
  ...EXCHANGE_SERVER_SAMPLES,
  // IMAP / POP
  'm365-imap-authenticate-failed': [
    'A01 NO AUTHENTICATE failed.',
    'S: B00000001 NO AUTHENTICATE failed.',
    'Can not authenticate to IMAP server: A0001 NO AUTHENTICATE failed.',
    "2022-10-21 10:19:27: IMAP (localhost:1993; 127.0.0.1:50428->outlook.office365.com:993)     <-- b'a1 NO AUTHENTICATE failed.\\r\\n'",
  ],
  'm365-app-only-not-authorized': [
    [
      'var result = await app.AcquireTokenForClient(scopes).ExecuteAsync();',
      'C: A00000001 AUTHENTICATE XOAUTH2 dXNlcj14eHh4QG5lZXdlci5jb20BYXV0aD1CZWFyZXIgZXlKMGVYQWlPaUpLVjFRaUxDSmhiR2NpT2lKU1V6STFOaUo5AQE=',
      'S: A00000001 NO AUTHENTICATE failed.',
    ].join('\n'),
    [
      'Configured Entra application with permission POP.AccessAsApp',
      "2024-03-17 23:59:02: POP (127.0.0.1:57071-{127.0.0.1:1995}-outlook.office365.com:995)     <-- b'-ERR Authentication failure: unknown user name or bad password.\\r\\n'",
    ].join('\n'),
  ],
  'm365-graph-token-for-mail-protocol': [["'scope' => 'https://graph.microsoft.com/.default',", "'grant_type' => 'password',", 'got failure response: NO AUTHENTICATE failed.'].join('\n')],
  'm365-imap-authenticated-not-connected': [
    'A3 BAD User is authenticated but not connected.',
    "getmailrc: operation error (IMAP error (EXAMINE command error: BAD [b'User is authenticated but not connected.']))",
    'Read:   4 BAD User is authenticated but not connected.',
  ],
  'm365-imap-login-failed': [
    'Host2 failure: Error login on [outlook.office365.com] with user [username@domain.com] auth [LOGIN]: 2 NO LOGIN failed.',
    'Response status "OK" expected, but "NO" received. Data: [b\'LOGIN failed.\']',
    'development.ERROR: NO LOGIN failed.',
  ],
  'm365-shared-mailbox-user-field': [
    'Host1 failure: Error login on [outlook.office365.com] with user [xxx@domainname.com\\shared@domainname.com] auth [LOGIN]: 2 NO LOGIN failed.',
    'C: A00000002 LOGIN "svc_asop_o365@XXX.onmicrosoft.com\\\\MB-XXX-DOC-ATTACH-DEV" =VMElykTsOn73',
  ],
  'm365-imap-session-invalidated': [
    '* BYE Session invalidated - AccessTokenExpired',
    "net-imap-0.4.9/lib/net/imap.rb:2694:in `get_tagged_response': Session invalidated - AccessTokenExpired (Net::IMAP::ByeResponseError)",
  ],
  'm365-throttled': [
    'Error sending \'1069 APPEND INBOX (\\Seen \\Answered) "22-Oct-2018 19:58:29 -0300" {43498}\': 1069 NO Request is throttled. Suggested Backoff Time: 299609 milliseconds',
    'BAD Request is throttled. Suggested Backoff Time: 178755 milliseconds',
  ],
  'm365-server-unavailable': ['imapfilter: IMAP (3): 10EA NO Server Unavailable. 15', '-ERR Server Unavailable. 21'],
  'imap-unavailable': ["S: a NO [UNAVAILABLE] User's backend down for maintenance"],
  'imap-authenticationfailed': ['S: b NO [AUTHENTICATIONFAILED] Authentication failed'],
  'gmail-imap-invalid-credentials': [
    "18:49.64 < b'ILPK1 NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)'",
    'imaplib.IMAP4.error: [AUTHENTICATIONFAILED] Invalid credentials (Failure)',
    'javax.mail.AuthenticationFailedException: [AUTHENTICATIONFAILED] Invalid credentials (Failure)',
  ],
  'gmail-missing-mail-scope': [
    [
      "$options = ['scope' => ['https://www.googleapis.com/auth/gmail.send']];",
      '2019-02-15 10:12:40     SERVER -> CLIENT: 334 eyJzdGF0dXMiOiI0MDAiLCJzY2hlbWVzIjoiQmVhcmVyIiwic2NvcGUiOiJodHRwczovL21haWwuZ29vZ2xlLmNvbS8ifQ==',
      '2019-02-15 10:12:40     SMTP ERROR: AUTH command failed: 334 eyJzdGF0dXMiOiI0MDAiLCJzY2hlbWVzIjoiQmVhcmVyIiwic2NvcGUiOiJodHRwczovL21haWwuZ29vZ2xlLmNvbS8ifQ==',
    ].join('\n'),
    ['I have an access token with scope `https://www.googleapis.com/auth/gmail.modify`', "  18:49.64 < b'ILPK1 NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)'"].join('\n'),
  ],
  'gmail-imap-app-password-required': [
    "IMAP command 'LOGIN <user> <pass>' returned an error: NO [ALERT] Application-specific password required: https://support.google.com/accounts/answer/185833 (Failure)",
    "imaplib.error: b'[ALERT] Application-specific password required: https://support.google.com/accounts/answer/185833 (Failure)'",
  ],
  'gmail-imap-web-login-required': [
    'Error login on [imap.gmail.com] with user [xxxxxxxxxxxxx@gmail.com] auth [LOGIN]: 2 NO [ALERT] Please log in via your web browser: https://support.google.com/mail/accounts/answer/78754 (Failure)',
    'imaplib.error: [ALERT] Please log in via your web browser: https://support.google.com/mail/accounts/answer/78754 (Failure)',
  ],
  'gmail-imap-webalert': ['* NO [WEBALERT https://accounts.google.com/signin/continue?sarp=1&scc=1&plt=AKgnsbttoGtD4OMtfxi7uAy8s84fzfawSNIPPED] Web login required.'],
  'gmail-imap-invalid-sasl-argument': ["<= 'A1 NO Invalid SASL argument. qk7if1705226pac.117'", "'A1 BAD Invalid SASL argument"],
  'dovecot-imap-authentication-failed': ['a NO [AUTHENTICATIONFAILED] Authentication failed.'],
  'dovecot-imap-temporary-failure': ['a NO [UNAVAILABLE] Temporary authentication failure. [vm:2026-11-21 14:17:01]'],
  'dovecot-pop3-authentication-failed': ['-ERR [AUTH] Authentication failed.'],
  'dovecot-pop3-temporary-failure': ['-ERR [SYS/TEMP] Temporary authentication failure. [vm:2026-11-21 14:17:11]'],
  'm365-pop3-authentication-failure': [
    '-ERR Authentication failure: unknown user name or bad password.',
    "2024-04-29 13:13:36: POP (10.1.2.90:64286-{172.15.0.1:1995}-outlook.office365.com:995; user@domain.com) <-- b'-ERR Authentication failure: unknown user name or bad password.\\r\\n'",
    'jakarta.mail.AuthenticationFailedException: Authentication failure: unknown user name or bad password.',
  ],
  'm365-pop3-logon-failure': ['-ERR Logon failure: unknown user name or bad password.', 'jakarta.mail.AuthenticationFailedException: Logon failure: unknown user name or bad password.'],
  'm365-imap-disabled-for-mailbox': ['ImapEnabled                          : False'],
  'm365-pop-disabled-for-mailbox': ['PopEnabled                           : False'],

  // SMTP
  'm365-smtp-535-5.7.3': [
    'S: 535 5.7.3 Authentication unsuccessful [SN2PR00CA0018.namprd00.prod.outlook.com]',
    'MailKit.Security.AuthenticationException: AuthenticationInvalidCredentials: 5.7.3 Authentication unsuccessful [BN3PR03CA0067.namprd03.prod.outlook.com]',
    'SMTP -> ERROR: Password not accepted from server: 535 5.7.3 Authentication unsuccessful',
  ],
  'm365-smtp-auth-disabled-tenant': [
    '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [MN2PR05CA0004.namprd05.prod.outlook.com 2023-09-12T20:59:57.214Z 08DBB276B7E699C4]',
  ],
  'm365-smtp-basic-auth-disabled': ['javax.mail.AuthenticationFailedException: 535 5.7.139 Authentication unsuccessful, basic authentication is disabled. [BM1P287CA0015.INDP287.PROD.OUTLOOK.COM]'],
  'm365-smtp-security-defaults': ["535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy."],
  'm365-smtp-criteria-not-met': ['535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully.'],
  'm365-smtp-535-5.7.139': ['Error: Invalid login: 535 5.7.139 Authentication unsuccessful'],
  'm365-smtp-client-not-authenticated': [
    'SMTP< 530 5.7.57 Client not authenticated to send mail',
    'The SMTP server requires a secure connection or the client was not authenticated. The server response was: 5.7.57 Client not authenticated to send mail.',
    'The server response is: 5.7.57 SMTP; Client was not authenticated to send anonymous mail during MAIL FROM [HK2PR0401CA0011.apcprd04.prod.outlook.com]',
  ],
  'm365-smtp-send-as-denied-5.7.60': [
    'Expected response code 250 but got code "550", with message "550 5.7.60 SMTP; Client does not have permissions to send as this sender [MW2PR1901MB2155.namprd19.prod.outlook.com]',
  ],
  'm365-smtp-send-as-denied-5.2.252': [
    '554 5.2.252 SendAsDenied; delightgx46@outlook.com not allowed to send as security@sfb.com; STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; Failed to process message due to a permanent exception with message [BeginDiagnosticData]Cannot submit message.',
  ],
  'm365-smtp-send-as-denied-storedrv': [
    '554 5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; Failed to process message due to a permanent exception with message Cannot submit message.',
  ],
  'm365-smtp-ip-blocked-5.7.708': [
    "Remote Server returned '550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP. For more information please go to http://go.microsoft.com/fwlink/?LinkId=526653 AS(7230) [BM1PR01MB1076.INDPRD01.PROD.OUTLOOK.COM]'",
  ],
  'm365-smtp-tenant-blocked-5.7.705': ['5.7.705: Tenant has exceeded threshold restriction'],
  'smtp-unrecognized-authentication-type': [
    'email: FATAL: Smtp error: 504 5.7.4 Unrecognized authentication type [SN1NAM02FT025.eop-nam02.prod.protection.outlook.com]',
    'AuthError: Invalid login - 504 5.7.4 Unrecognized authentication type',
    '504 5.5.4 Unrecognized authentication type',
  ],
  'm365-smtp-tls-1.0-1.1-not-supported': [
    'Checking for SMTP success or error status in the message: 421 4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2. Visit https://aka.ms/smtp_auth_tls. [SA9P221CA0019.NAMP221.PROD.OUTLOOK.COM]',
  ],
  'm365-smtp-server-busy-4.7.500': ['451 4.7.500 Server busy. Please try again later from [203.0.113.7]. (S77719)'],
  'm365-smtp-auth-disabled-setting': ['SmtpClientAuthenticationDisabled : True'],
  'gmail-smtp-bad-credentials': [
    '2021-04-26 14:37:53 SERVER -> CLIENT: 535-5.7.8 Username and Password not accepted. Learn more at 535 5.7.8 https://support.google.com/mail/?p=BadCredentials y10sm11524926ejh.105 - gsmtp',
    '535: 5.7.8 Username and Password not accepted. Learn more at 5.7.8  https://support.google.com/mail/?p=BadCredentials c7sm19648018pfp.164 - gsmtp',
    "smtplib.SMTPAuthenticationError: (535, b'5.7.8 Username and Password not accepted. Learn more at\\n5.7.8  https://support.google.com/mail/?p=BadCredentials 4-20020a1c1904000000b00xxxstuffxxx.14 - gsmtp')",
  ],
  'gmail-smtp-app-password-required': [
    "smtplib.SMTPAuthenticationError: (534, b'5.7.9 Application-specific password required. For more information, go to\\n5.7.9 https://support.google.com/mail/?p=InvalidSecondFactor w11-20020a056512098b00b0050e8ea87dcesm1401366lft.169 - gsmtp')",
    'Error 1: Password Command Failed: 534-5.7.9 Application-Specific Password Required',
  ],
  'gmail-smtp-web-login-required': [
    "response: '534-5.7.14 <https://accounts.google.com/ContinueSignIn?sarp=1&scc=1&plt=AKgnsbskT\\n534-5.7.14 mcN_8qFRw1MANHNzfbxd7A3pKabqK0cHcTgOzcg5rIwtaZJptHooK8gk4e41daCvaTnPA",
    "ERROR: 18-May-23 18:45:05 \t(534, b'5.7.9 Please log in with your web browser and then try again. Learn more at\\n5.7.9  https://support.google.com/mail/?p=WebLoginRequired p26-20020a62ab1a000000b006259e883ee9sm205331pff.189 - gsmtp')",
  ],
  'gmail-smtp-authentication-required': [
    "Failed to send email: (530, b'5.7.0 Authentication Required. For more information, go to\\n5.7.0  https://support.google.com/mail/?p=WantAuthError a640c23a62f3a-a8383946441sm64936366b.148 - gsmtp', 'novgor1992@gmail.com')",
    'Error SMTP: 530-5.7.0 Authentication Required',
  ],
  'gmail-smtp-too-many-login-attempts': [
    'Error: Invalid login: 454 4.7.0 Too many login attempts, please try again later. 4-20020a056000154400b00203812ca383sm10857871wry.78 - gsmtp',
    "GMailAuthDemo.exe raised exception class EIdSMTPReplyError with message 'Too many login attempts, please try again later. b9-20020adfe309000000b0020d0c9c95d3sm2119253wrj.77 - gsmtp",
  ],
  'gmail-smtp-cannot-decode-response': ['SERVER -> CLIENT: 501 5.5.2 Cannot Decode response f76sm30036326wmd.15 - gsmtp'],
  'dovecot-smtp-authentication-failed': ['535 5.7.8 Authentication failed.'],
  'smtp-535-5.7.8': ['smtp::inbound::session: event="write" data="535 5.7.8 Authentication credentials invalid.\\r\\n" size=47'],
  'dovecot-smtp-temporary-failure': ['454 4.7.0 Temporary authentication failure. [vm:2026-11-21 14:17:21]'],
  'smtp-auth-aborted-by-client': ['501 5.5.2 Authentication aborted by client.'],

  // SASL
  'gmail-error-challenge': [
    '+ eyJzdGF0dXMiOiI0MDAiLCJzY2hlbWVzIjoiQmVhcmVyIiwic2NvcGUiOiJodHRwczovL21haWwuZ29vZ2xlLmNvbS8ifQ==',
    "  18:49.49 < b'+ eyJzdGF0dXMiOiI0MDAiLCJzY2hlbWVzIjoiQmVhcmVyIiwic2NvcGUiOiJodHRwczovL21haWwuZ29vZ2xlLmNvbS8ifQ=='",
    'got an extra server challenge: eyJzdGF0dXMiOiI0MDAiLCJzY2hlbWVzIjoiQmVhcmVyIiwic2NvcGUiOiJodHRwczovL21haWwuZ29vZ2xlLmNvbS8ifQ==',
    "[09:50:29.374] [LOG] <= '+ eyJzdGF0dXMiOiI0MDAiLCJzY2hlbWVzIjoiQmVhcmVyIiwic2Nvc",
    '2023-11-17 06:32:30 SERVER -> CLIENT: 334 eyJzdGF0dXMiOiI0MDAiLCJzY2hlbWVzIjoiQmVhcmVyIiwic2NvcGUiOiJodHRwczov9vZ2xlLmNvbS8ifQ==',
    "self.sock.recv(IsA(int)).AndReturn('334 eyJzdGF0dXMiOiI0MDEiLCJzY2hlbWVzIjoiYmVhcmVyIG1hYyIsInNjb3BlIjoiaHR0cHM6Ly9tYWlsLmdvb2dsZS5jb20vIn0K\\r\\n')",
  ],
  'dovecot-error-challenge': ['+ eyJzdGF0dXMiOiI0MDEiLCJzY2hlbWVzIjoiYmVhcmVyIiwic2NvcGUiOiJtYWlsIn0=', 'S: 334 eyJzdGF0dXMiOiI0MDEiLCJzY2hlbWVzIjoiYmVhcmVyIiwic2NvcGUiOiJtYWlsIn0='],
  'oauthbearer-error-challenge': [
    'S: + eyJzdGF0dXMiOiJpbnZhbGlkX3Rva2VuIiwic2NvcGUiOiJleGFtcGxlX3Njb3BlIiwib3BlbmlkLWNvbmZpZ3VyYXRpb24iOiJodHRwczovL2V4YW1wbGUuY29tLy53ZWxsLWtub3duL29wZW5pZC1jb25maWd1cmF0aW9uIn0=',
  ],
  'sasl-error-challenge': ['+ eyJzdGF0dXMiOiI0MDEifQ==', '334 eyJzdGF0dXMiOiI0MDEifQ=='],
  'sasl-unsupported-mechanism': [
    'a NO [ALERT] Unsupported authentication mechanism.',
    '-ERR [AUTH] Unsupported authentication mechanism.',
    '504 5.5.4 Unsupported authentication mechanism.',
    '[Error: Unsupported authentication mechanism(s) detected. Unable to login.]',
  ],
  'imap-cannot': ['S: l NO [CANNOT] Adjacent slashes are not supported'],
  'sasl-client-did-not-answer-challenge': [
    "Nov 21 14:16:24 imap-login: Info: Disconnected: Connection closed (client didn't finish SASL auth, waited 4 secs): user=<>, method=XOAUTH2, rip=127.0.0.1, lip=127.0.0.1, secured, session=<Zo8yAcpgkLp/AAAB>",
  ],
  'sasl-challenge-not-answered-timeout': [
    [
      "[09:50:29.073] [LOG] => 'A1 AUTHENTICATE XOAUTH2 dXNlcj14QGdtYWlsLmNvbQFhdXRoPUJlYXJlciB5YTI5LmJhZAEB'",
      "[09:50:29.374] [LOG] <= '+ eyJzdGF0dXMiOiI0MDAiLCJzY2hlbWVzIjoiQmVhcmVyIiwic2NvcGUiOiJodHRwczovL21haWwuZ29vZ2xlLmNvbS8ifQ=='",
      "{ [Error: Timed out while authenticating with server] source: 'timeout-auth' }",
    ].join('\n'),
  ],
  'dovecot-log-not-a-jwt': ['Nov 21 14:16:14 auth: Info: oauth2(alice@example.com,127.0.0.1,<bWveAMpgGuB/AAAB>): oauth2 failed: Local validation failed: Not a JWT token'],
  'dovecot-log-token-expired': ['Nov 21 14:16:24 auth: Info: oauth2(alice@example.com,127.0.0.1,<Zo8yAcpgkLp/AAAB>): oauth2 failed: Local validation failed: Token has expired'],
  'dovecot-log-username-mismatch': [
    "Nov 21 14:16:28 auth: Info: oauth2(bob@example.com,127.0.0.1,<vbZvAcpglLp/AAAB>): oauth2 failed: Local validation failed: Username 'bob@example.com' did not match 'alice@example.com'",
    "Nov 21 14:17:31 auth: Info: oauth2(alice@example.com,127.0.0.1,<4F41Bcpg/It/AAAB>): oauth2 failed: Introspection failed: Username 'alice@example.com' did not match 'carol@example.com'",
  ],
  'dovecot-log-introspection-unreachable': [
    'Nov 21 14:16:59 auth: Error: oauth2(alice@example.com,127.0.0.1,<ItZKA8pgbKZ/AAAB>): oauth2 failed: Introspection failed: connect(127.0.0.1:1) failed: Connection refused',
  ],
  'dovecot-log-token-not-valid': ['Nov 21 14:17:25 auth: Info: oauth2(alice@example.com,127.0.0.1,<6mwcBcpg8ot/AAAB>): oauth2 failed: Introspection failed: Provided token is not valid'],
  'dovecot-log-oauth2-failed': ['Nov 21 14:28:07 auth: Error: oauth2(alice@example.com,127.0.0.1,<ofJjK8pgZpB/AAAB>): oauth2 failed: Introspection failed: 500 Internal Server Error'],

  // Identity: AADSTS (message text from the Microsoft Entra error code reference and issue trackers)
  aadsts16000: ["AADSTS16000: User account '{EmailHidden}' from identity provider 'live.com' does not exist in tenant 'Contoso' and cannot access the application"],
  aadsts50011: ["AADSTS50011: The redirect URI 'http://localhost:8080/' specified in the request does not match the redirect URIs configured for the application"],
  aadsts50020: ["AADSTS50020: User account 'user@outlook.com' from identity provider 'live.com' does not exist in tenant 'Contoso' and cannot access the application"],
  aadsts50034: ['AADSTS50034: The user account {EmailHidden} does not exist in the contoso.onmicrosoft.com directory.'],
  aadsts50053: ["AADSTS50053: The account is locked, you've tried to sign in too many times with an incorrect user ID or password."],
  aadsts50055: ['AADSTS50055: The password is expired.'],
  aadsts50057: ['AADSTS50057: The user account is disabled.'],
  aadsts50058: ['AADSTS50058: A silent sign-in request was sent but no user is signed in.'],
  aadsts50059: ['AADSTS50059: No tenant-identifying information found in either the request or implied by any provided credentials.'],
  aadsts50076: [
    "AADSTS50076: Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '00000002-0000-0ff1-ce00-000000000000'.",
  ],
  aadsts50079: ['AADSTS50079: Due to a configuration change made by your administrator, or because you moved to a new location, you must enroll in multi-factor authentication.'],
  aadsts50078: ['AADSTS50078: Presented multi-factor authentication has expired due to policies configured by your administrator.'],
  aadsts50089: ['AADSTS50089: Authentication failed due to flow token expired.'],
  aadsts50105: ["AADSTS50105: The signed in user 'sathish.rs@HCL.COM' is not assigned to a role for the application 'de8bc8b5-d9f9-48b1-a8ad-b748da725064'(Graph Explorer)."],
  aadsts50126: ['AADSTS50126: Error validating credentials due to invalid username or password.'],
  aadsts50133: ['AADSTS50133: Session is invalid due to expiration or recent password change.'],
  aadsts50158: ['AADSTS50158: External security challenge not satisfied. User will be redirected to another page or authentication provider to satisfy additional authentication challenges.'],
  // Azure/azure-powershell#11233 (2020), Login-AzAccount's output.
  aadsts50000: [
    'AADSTS50000: There was an error issuing a token or an issue with our sign-in service.\nTrace ID: 78a52fb1-6427-48db-9e07-6fa7c8faee00\nCorrelation ID: 75f55382-d7bc-43cd-93c5-ec9a28805aa6',
  ],
  aadsts50173: ['AADSTS50173: The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password.'],
  aadsts50194: [
    "AADSTS50194: Application 'a1b2c3d4-0000-0000-0000-000000000000'(Mail OAuth test) is not configured as a multi-tenant application. Usage of the /common endpoint is not supported for such applications created after '10/15/2018'.",
  ],
  aadsts50196: ['AADSTS50196: The server terminated an operation because it encountered a client request loop.'],
  aadsts53000: ['AADSTS53000: Device is not in required device state: compliant.'],
  aadsts53003: ['AADSTS53003: Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.'],
  aadsts530035: ['AADSTS530035: Access has been blocked by security defaults.'],
  aadsts54005: ['AADSTS54005: OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.'],
  aadsts65001: [
    "\"AADSTS65001: The user or administrator has not consented to use the application with ID 'facd6cff-a294-4415-b59f-c5b01937d7bd' named 'DavMail'. Send an interactive authorization request for this user and resource.",
  ],
  aadsts65002: [
    "AADSTS65002: Consent between first party application '9e5f94bc-e8a4-4e73-b8be-63364c29d753' and first party resource '00000002-0000-0ff1-ce00-000000000000' must be configured via preauthorization",
  ],
  aadsts65004: ['AADSTS65004: User declined to consent to access the app.'],
  aadsts650052: ['AADSTS650052: The app needs access to a service (\\"https://outlook.office.com/\\") that your organization \\"contoso\\" has not subscribed to or enabled.'],
  aadsts650057: ["AADSTS650057: Invalid resource. The client has requested access to a resource which is not listed in the requested permissions in the client's application registration."],
  aadsts70000: ['AADSTS70000: Provided grant is invalid or malformed.'],
  aadsts70002: ['AADSTS70002: Error validating credentials. AADSTS50012: Invalid client secret is provided.'],
  aadsts70008: ['AADSTS70008: The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.'],
  aadsts700082: ['AADSTS700082: The refresh token has expired due to inactivity. The token was issued on 2026-05-02T10:00:00Z and was inactive for 90.00:00:00.'],
  aadsts70011: [
    '{"error":"invalid_scope","error_description":"AADSTS70011: The provided request must include a \'scope\' input parameter. The provided value for the input parameter \'scope\' is not valid. The scope https://management.azure.com/.default https://storage.azure.com/.default is not valid.\\r\\nTrace ID: 81053cae-3879-4358-a9de-95bf1e230800"}',
  ],
  aadsts70016: ['{"error":"authorization_pending","error_description":"AADSTS70016: OAuth 2.0 device flow error. Authorization is pending. Continue polling."}'],
  aadsts70018: ['AADSTS70018: Invalid verification code.'],
  aadsts70019: ['AADSTS70019: Verification code expired.'],
  // Azure/azure-cli#22251 (2022), as az login --use-device-code printed it.
  aadsts70020: ["AADSTS70020: The provided value for the input parameter 'device_code' is not valid. This device code has expired.\nTrace ID: a8f3578e-d4cb-44ac-91a8-64c1322d6f00"],
  aadsts70043: [
    '{"error":"invalid_grant","error_description":"AADSTS70043: The refresh token has expired or is invalid due to sign-in frequency checks by conditional access. The token was issued on 2026-11-20T07:11:07Z and the maximum allowed lifetime for this request is 43200."}',
  ],
  aadsts700005: ['AADSTS700005: Provided Authorization Code is intended to use against other tenant, thus rejected.'],
  aadsts700016: [
    "Message: AADSTS700016: Application with identifier 'g.schiavo' was not found in the directory 'xxxx'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.",
  ],
  aadsts700022: [
    '"AADSTS700022: Provided value for the input parameter scope is not valid because it contains more than one resource. Scope Group.Read.All User.Read User.Read.All https://vault.azure.net/user_impersonation openid profile is not valid."',
  ],
  aadsts700024: ['AADSTS700024: Client assertion is not within its valid time range.'],
  aadsts700025: ["AADSTS700025: Client is public so neither 'client_assertion' nor 'client_secret' should be presented."],
  aadsts700027: ['AADSTS700027: Client assertion failed signature validation.'],
  aadsts7000112: ["AADSTS7000112: Application 'a1b2c3d4-0000-0000-0000-000000000000'(Mail OAuth test) is disabled."],
  aadsts7000215: [
    '{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID"}',
  ],
  aadsts7000218: ['{"error":"invalid_client","error_description":"AADSTS7000218: The request body must contain the following parameter: \'client_assertion\' or \'client_secret\'."}'],
  aadsts7000222: ["AADSTS7000222: The provided client secret keys for app 'a1b2c3d4-0000-0000-0000-000000000000' are expired."],
  aadsts90002: ["AADSTS90002: Tenant 'contoso.onmicrosoft.con' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud."],
  aadsts90008: [
    'AADSTS90008: The user or administrator has not consented to use the application. At the minimum, the application requires access to Microsoft Entra ID by specifying the sign-in and read user profile permission.',
  ],
  aadsts90014: ["AADSTS90014: The required field 'refresh_token' is missing from the credential."],
  aadsts900144: ["AADSTS900144: The request body must contain the following parameter: 'grant_type'."],
  aadsts9001023: ['AADSTS9001023: The grant type is not supported over the /common or /consumers endpoints. Please use the /organizations or tenant-specific endpoint.'],
  aadsts90094: ['AADSTS90094: The grant requires admin permission.'],
  aadsts9002313: ['AADSTS9002313: Invalid request. Request is malformed or invalid.'],
  aadsts90055: ['AADSTS90055: There are too many incoming requests.'],
  aadsts135011: ['AADSTS135011: Device used during the authentication is disabled.'],
  aadsts28000: [
    'Auth Failed ServerError: 28000 - [2020-04-09 22:47:24Z]: AADSTS28000: Provided value for the input parameter scope is not valid because it contains more than one resource. Scope openid profile email https://graph.microsoft.com/user.readbasic.all https://microsoft.onmicrosoft.com/aria.api/user_impersonation offline_access is not valid.',
  ],
  aadsts28002: ["AADSTS28002: Provided value for the input parameter scope 'IMAP.AccessAsUser.All' is not valid when requesting an access token. Please specify a valid scope."],
  aadsts28003: [
    '(invalid_request) AADSTS28003: Provided value for the input parameter scope cannot be empty when requesting an access token using the provided authorization code. Please specify a valid scope.',
  ],
  aadsts500011: [
    'AADSTS500011: The resource principal named https://outlook.office356.com was not found in the tenant named Contoso. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.',
  ],
  aadsts501051: [
    "invalid_client: AADSTS501051: Application '1df771d6-ef9c-473e-af87-cafa8928e024'(testClient) is not assigned to a role for the application '8d138478-d3a3-47f5-a233-1408cd6baae4'(testBackend2)",
  ],
  aadsts50001: ['AADSTS50001: The application named https://outlook.office.com was not found in the tenant named contoso.onmicrosoft.com.'],
  aadsts700054: ["AADSTS700054: response_type 'id_token' is not enabled for the application."],

  // Identity: OAuth words, Google, MSAL
  'oauth-invalid-grant': ["XOAUTH2 authentication failed: xoauth2handler got: {u'error': u'invalid_grant'}"],
  'oauth-invalid-client': ["google.auth.exceptions.RefreshError: ('invalid_client: Unauthorized', {'error': 'invalid_client', 'error_description': 'Unauthorized'})"],
  'oauth-unauthorized-client': ["oauth gmail error: { [Error: unauthorized_client] code: 'EAUTH' }"],
  'oauth-invalid-scope': ['{"error":"invalid_scope"}'],
  'oauth-invalid-request': ['{"error":"invalid_request"}'],
  'oauth-unsupported-grant-type': ['{"error":"unsupported_grant_type"}'],
  'oauth-consent-required': ['http://localhost:8080/callback?error=consent_required&state=af0ifjsldkj'],
  'oauth-interaction-required': ['InteractionRequiredAuthError: interaction_required'],
  'oauth-login-required': ['http://localhost:8080/callback?error=login_required&state=af0ifjsldkj'],
  'oauth-authorization-pending': ['{"error":"authorization_pending"}'],
  'oauth-slow-down': ['{"error":"slow_down"}'],
  'oauth-expired-token': ['{"error":"expired_token"}'],
  'oauth-access-denied': ['http://localhost:8080/callback?error=access_denied&state=xyz'],
  'oauth-temporarily-unavailable': ['{"error":"temporarily_unavailable"}'],
  'aadsts-other': ["AADSTS50107: The requested federation realm object 'http://adfs.contoso.com/adfs/services/trust' does not exist."],
  'google-token-expired-or-revoked': [
    "google.auth.exceptions.RefreshError: ('invalid_grant: Token has been expired or revoked.', {'error': 'invalid_grant', 'error_description': 'Token has been expired or revoked.'})",
    '"data":{"error":"invalid_grant","error_description":"Token has been expired or revoked."}',
  ],
  'google-invalid-grant-bad-request': ['{"error": "invalid_grant", "error_description": "Bad Request"}'],
  'google-unauthorized-client-or-scope': ['{ "error" : "unauthorized_client", "error_description" : "Unauthorized client or scope in request." }'],
  'google-invalid-scope': [
    "google.auth.exceptions.RefreshError: ('invalid_scope: Some requested scopes were invalid. {invalid=[a, c, e, g, h, i, l, m, ., /, o, p, s, t, :]}', {'error': 'invalid_scope'})",
  ],
  'msal-authority-uri-insecure': ['ClientConfigurationError: authority_uri_insecure: See https://aka.ms/msal.js.errors#authority_uri_insecure for details'],
  'msal-endpoints-resolution-error': [
    'ClientAuthError: endpoints_resolution_error: See https://aka.ms/msal.js.errors#endpoints_resolution_error for details',
    'ClientAuthError: Error: could not resolve endpoints. Please check network and try again.',
  ],
  'msal-invalid-authority': ['ClientConfigurationError: untrusted_authority: See https://aka.ms/msal.js.errors#untrusted_authority for details'],
  'msal-url-parse-error': ['ClientConfigurationError: url_parse_error: See https://aka.ms/msal.js.errors#url_parse_error for details'],
  'msal-no-tokens-found': ['InteractionRequiredAuthError: no_tokens_found: See https://aka.ms/msal.js.errors#no_tokens_found for details'],

  // TLS and connections (Node.js 20 / OpenSSL 3 output captured locally, plus issue trackers)
  'tls-certificate-expired': ['Error: certificate has expired', "code: 'CERT_HAS_EXPIRED'"],
  'tls-self-signed-certificate': ['Error: self-signed certificate', 'Error: self signed certificate', "code: 'DEPTH_ZERO_SELF_SIGNED_CERT'"],
  'tls-self-signed-in-chain': ['Error: self-signed certificate in certificate chain', "code: 'SELF_SIGNED_CERT_IN_CHAIN'"],
  'tls-unable-to-verify-first-certificate': ['Error: unable to verify the first certificate', "code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'"],
  'tls-unable-to-get-local-issuer': [
    'Error: unable to get local issuer certificate',
    '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1129)',
  ],
  'tls-hostname-mismatch': [
    "Error [ERR_TLS_CERT_ALTNAME_INVALID]: Hostname/IP does not match certificate's altnames: Host: imap.example.net. is not in the cert's altnames: DNS:localhost, IP Address:127.0.0.1",
  ],
  'tls-java-pkix-path': [
    'javax.net.ssl.SSLHandshakeException: sun.security.validator.ValidatorException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target',
  ],
  'tls-dotnet-remote-certificate-invalid': ['System.Security.Authentication.AuthenticationException: The remote certificate is invalid according to the validation procedure.'],
  'tls-revocation-check-failed': ['  • The revocation function was unable to check revocation for the certificate.', '        • unable to get certificate CRL'],
  'tls-mailkit-ssl-handshake': ['MailKit.Security.SslHandshakeException: An error occurred while attempting to establish an SSL or TLS connection.'],
  'tls-wrong-version-number': [
    'Error: 805CF1669D7F0000:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:../deps/openssl/openssl/ssl/record/ssl3_record.c:350:',
    'Error: 140494523365248:error:1408F10B:SSL routines:ssl3_get_record:wrong version number:../deps/openssl/openssl/ssl/record/ssl3_record.c:332:',
    "code: 'ERR_SSL_WRONG_VERSION_NUMBER'",
  ],
  'tls-unsupported-protocol': [
    '[Error: 139960913590208:error:1425F102:SSL routines:ssl_choose_client_version:unsupported protocol:../deps/openssl/openssl/ssl/statem/statem_lib.c:1994:',
    "ERROR (2018-12-14 11:12:22): Failed to connect to account 'Exchange' ([SSL: UNSUPPORTED_PROTOCOL] unsupported protocol (_ssl.c:727)).",
  ],
  'tls-alert-protocol-version': [
    'Error: 805CF1669D7F0000:error:0A00042E:SSL routines:ssl3_read_bytes:tlsv1 alert protocol version:../deps/openssl/openssl/ssl/record/rec_layer_s3.c:1601:SSL alert number 70',
    'imapfilter: initiating SSL connection to imap.gmail.com; error:1409442E:SSL routines:SSL3_READ_BYTES:tlsv1 alert protocol version',
  ],
  'tls-handshake-failure': [
    'Error: 805CF1669D7F0000:error:0A000410:SSL routines:ssl3_read_bytes:sslv3 alert handshake failure:../deps/openssl/openssl/ssl/record/rec_layer_s3.c:1601:SSL alert number 40',
  ],
  'tls-socket-disconnected-before-handshake': ["Error: Client network socket disconnected before secure TLS connection was established { code: 'ECONNRESET' }"],
  'net-econnreset': ['Error: connect ECONNRESET 127.0.0.1:38799', 'Error: read ECONNRESET'],
  'net-eproto': ["  code: 'EPROTO',"],
  'net-etimedout': ['Error: connect ETIMEDOUT 40.101.92.18:587', 'Error: Connection timeout with the code ETIMEDOUT'],
  'net-econnrefused': ['Error: connect ECONNREFUSED 127.0.0.1:1'],
  'net-dns-lookup-failed': ['Error: getaddrinfo ENOTFOUND imap.nonexistent-host.invalid', 'Error: getaddrinfo EAI_AGAIN smtp.office365.com'],
  // Issue 14: real strings from public trackers, each with its thread.
  // Postfix relay with the sasl-xoauth2 plugin (Cyrus SASL)
  'postfix-sasl-plugin-failed': [
    // https://github.com/tarickb/sasl-xoauth2/issues/102
    'SASL authentication failed; cannot authenticate to server smtp.gmail.com[142.250.147.108]: generic failure',
    // https://github.com/tarickb/sasl-xoauth2/issues/50
    'Oct  8 08:19:01 fw-scar postfix/smtp[19884]: 2467B284D8C: to=<destinationaddress@gmail.com>, relay=smtp.gmail.com[142.251.9.109]:587, delay=0.72, delays=0.1/0.03/0.58/0, dsn=4.7.0, status=deferred (SASL authentication failed; cannot authenticate to server smtp.gmail.com[142.251.9.109]: bad protocol / cancel)',
    // https://github.com/tarickb/sasl-xoauth2/issues/48
    '2022-10-06T17:16:19.798803+00:00 3f37bdb13e5a postfix/relay/smtp[522]: 1284417F5B3: SASL authentication failed; cannot authenticate to server smtp.gmail.com[74.125.136.108]: transient failure (e.g., weak key)',
  ],
  'postfix-sasl-no-mechanism': [
    // https://github.com/tarickb/sasl-xoauth2/issues/28
    'warning: SASL authentication failure: No worthy mechs found',
    // https://github.com/bokysan/docker-postfix/issues/180
    '2024-02-08T16:42:00.441548+00:00 INFO    postfix/relay/smtp[364]: 36F1612: SASL authentication failed; cannot authenticate to server smtp.postmarkapp.com[34.249.162.51]: no mechanism available',
  ],
  'postfix-sasl-plugin-init-failed': [
    // https://github.com/tarickb/sasl-xoauth2/issues/28
    "Mar  8 16:58:37 de-testserver-01 pluginviewer[22979]: sasl-xoauth2: Exception during init: * Line 4, Column 3#012  Missing ',' or '}' in object declaration",
    'Mar  8 17:00:56 testserver-01 postfix/smtp[22986]: sasl_client_add_plugin(): entry_point(): failed for plugname sasl-xoauth2',
  ],
  'postfix-smtpd-no-xoauth2': [
    // https://github.com/docker-mailserver/docker-mailserver/issues/4119
    "postfix/submissions/smtpd[1653]: warning: SASL authentication failure: Couldn't find mech XOAUTH2",
    'postfix/submissions/smtpd[1653]: warning: hostname[ip-adres]: SASL XOAUTH2 authentication failed: no mechanism available, sasl_username=(unavailable)',
  ],
  'postfix-sasl-passwd-lookup': [
    // https://github.com/tarickb/sasl-xoauth2/issues/96
    'smtp_sasl_passwd_lookup: no auth info found; smtp_sasl_passwd_lookup: no auth info found',
  ],
  // Identity errors: other tenant or client, reply addresses, scopes under the wrong resource
  aadsts7000012: [
    // https://github.com/tarickb/sasl-xoauth2/issues/80
    'AADSTS7000012: The grant was obtained for a different tenant.',
    // https://github.com/BingAds/BingAds-Python-SDK/issues/297
    'error_code: invalid_grant, error_description: AADSTS7000012: The grant was obtained for a different tenant. Trace ID: 1ba335d3-c20a-4335-8396-1f4b83ef1301 Correlation ID: a50bb72c-bdbe-444a-b89e-67ed6ed092f2 Timestamp: 2024-08-27 20:02:29Z',
  ],
  aadsts700007: [
    // https://github.com/microsoft/Partner-Center-PowerShell/issues/419
    'New-PartnerAccessToken : AADSTS700007: The grant was issued for a different client id. Trace ID: 2917c15e-6c7.. Correlation ID: 7f320e16-4297-4... Timestamp: 2023-11-29 06:26:32Z',
  ],
  aadsts500113: [
    // https://github.com/OneDrive/onedrive-sample-apibrowser-dotnet/issues/27
    'AADSTS500113: No reply address is registered for the application.',
  ],
  aadsts900971: [
    // https://github.com/RogerSelwyn/O365-HomeAssistant/issues/51
    'Getting this error, AADSTS900971: No reply address provided, while doing the setup for O365.',
  ],
  aadsts650053: [
    // https://github.com/MicrosoftDocs/azure-docs/issues/67211
    "OpenIdConnectProtocolException: Message contains error: 'invalid_client', error_description: 'AADSTS650053: The application 'Living Messiah Web Site' asked for scope 'mailread' that doesn't exist on the resource '00000003-0000-0000-c000-000000000000'. Contact the app vendor.",
    // https://github.com/O365/python-o365/issues/551
    "AADSTS650053: The application 'APPNAME' asked for scope 'message_all' that doesn't exist on the resource '00000003-0000-0000-c000-000000000000'. Contact the app vendor.",
  ],
  aadsts9002326: [
    // Wording of the Microsoft Entra error code reference (not seen in a tracker paste)
    "AADSTS9002326: Cross-origin token redemption is permitted only for the 'Single-Page Application' client-type.",
  ],
  aadsts700084: [
    // Wording of the Microsoft Entra error code reference (not seen in a tracker paste)
    'AADSTS700084: The refresh token was issued to a single page app (SPA), and therefore has a fixed, limited lifetime of 1.00:00:00, which cannot be extended.',
  ],
  aadsts90072: [
    // Wording of the Microsoft Entra error code reference (not seen in a tracker paste)
    "AADSTS90072: User account 'user@outlook.com' from identity provider 'live.com' does not exist in tenant 'Contoso' and cannot access the application.",
  ],
  'entra-resource-principal-not-found': [
    // https://github.com/dotnet/sign/issues/287 (the code stripped by the library)
    'The resource principal named https://<my-vault-name>.vault.azure.net/  was not found in the tenant namedThis can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.',
    // https://github.com/OfficeDev/Microsoft-Teams-Samples/issues/754
    'The resource principal named RESOURCE_ID/TENANT_NAME.sharepoint.com was not found in the tenant named MY_COMPANY_NAME. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.',
  ],
  // Google consent and policy
  'google-admin-policy-enforced': [
    // https://github.com/GAM-team/got-your-back/issues/284
    'Error 400: admin_policy_enforced',
    // https://github.com/FlowCrypt/flowcrypt-browser/issues/1409
    '"error": "admin_policy_enforced",',
  ],
  'google-policy-enforced': [
    // https://github.com/vitalif/grive2/issues/311
    'Errore 400: policy_enforced',
  ],
  'google-oob-blocked': [
    // https://github.com/WPManageNinja/fluent-smtp/issues/88
    "Error 400: invalid_request You can't sign in to this app because it doesn't comply with Google's OAuth 2.0 policy for keeping apps secure.",
    '"error_description": "\\nYou can&#39;t sign in to this app because it doesn&#39;t comply with Google&#39;s OAuth 2.0 policy for keeping apps secure.',
  ],
  'google-app-not-verified-testing': [
    // https://github.com/Gururagavendra/gmail-cleaner/issues/9
    'Access blocked: Gmail Cleanup has not completed the Google verification process',
    // https://github.com/levz0r/gmail-tester/issues/79
    'Error 403: access_denied The developer hasn’t given you access to this app. It’s currently being tested and it hasn’t been verified by Google.',
  ],
  'google-redirect-uri-mismatch': [
    // https://github.com/dqdang/digested-clips/issues/5
    'Error 400: redirect_uri_mismatch The redirect URI in the request, http://localhost:8080/, does not match the ones authorized for the OAuth client.',
    // https://github.com/dissorial/doc-chatbot/issues/10: the same page also says "doesn't comply with Google's OAuth 2.0 policy"
    [
      'Error 400: redirect_uri_mismatch',
      '',
      "You can't sign in to this app because it doesn't comply with Google's OAuth 2.0 policy.",
      '',
      'Request details: redirect_uri=http://localhost:3000/api/auth/callback/google',
    ].join('\n'),
  ],
  // TLS wordings of servers and runtimes
  'tls-peer-rejected-certificate': [
    // https://github.com/docker-mailserver/docker-mailserver/issues/4343
    '2025-02-04T09:21:59.779240+00:00 mail dovecot: imap-login: Disconnected: Connection closed: SSL_accept() failed: error:0A000416:SSL routines::sslv3 alert certificate unknown: SSL alert number 46 (no auth attempts in 0 secs): user=<>, rip=218.212.176.48',
    // https://github.com/nextcloud/mail/issues/3095
    'Info: Disconnected (no auth attempts in 0 secs): user=<>, rip=XXX  lip=XXX, TLS handshaking: SSL_accept() failed: error:14094418:SSL routines:ssl3_read_bytes:tlsv1 alert unknown ca: SSL alert number 48',
    // https://github.com/mailcow/mailcow-dockerized/issues/2557
    'imap-login: Disconnected (no auth attempts in 1 secs): user=<>, TLS: SSL_read failed: error:14094412:SSL routines:ssl3_read_bytes:sslv3 alert bad certificate: SSL alert number 42',
  ],
  'tls-java-no-appropriate-protocol': [
    // https://github.com/convertigo/convertigo/issues/514
    'Caused by: javax.net.ssl.SSLHandshakeException: No appropriate protocol (protocol is disabled or cipher suites are inappropriate)',
  ],
  'tls-unknown-protocol': [
    // https://github.com/r-raymond/nixos-mailserver/issues/119
    'Socket error: secure connect to adalind.mkaito.net (147.75.80.235:143): error:140770FC:SSL routines:SSL23_GET_SERVER_HELLO:unknown protocol',
  ],
  'dovecot-ssl-dh-parameters': [
    // https://github.com/r-raymond/nixos-mailserver/issues/119
    "imap-login: Error: Failed to initialize SSL server context: Couldn't parse DH parameters: error:0906D06C:PEM routines:PEM_read_bio:no start line: Expecting: DH PARAMETERS",
  ],
  'javamail-could-not-convert-socket': [
    // https://github.com/byzer-org/byzer-lang/issues/1659
    'javax.mail.MessagingException: Could not convert socket to TLS;',
  ],
  // Self-hosted OAUTHBEARER
  'dovecot-log-no-username': [
    // https://github.com/docker-mailserver/docker-mailserver/issues/4119
    'dovecot: auth: Error: oauth2(user, IP,<*******>): oauth2 failed: Introspection failed: No username returned',
  ],
  // Other providers
  'yahoo-imap-invalid-credentials': [
    // https://github.com/OfflineIMAP/offlineimap/issues/688 (imap.mail.yahoo.com)
    'PLAIN authentication failed: [AUTHENTICATIONFAILED] AUTHENTICATE Invalid credentials',
    // https://github.com/Enough-Software/enough_mail/issues/245 (imap.mail.yahoo.com)
    'S: a0 NO [AUTHENTICATIONFAILED] LOGIN Invalid credentials',
    // https://github.com/emersion/go-imap/issues/436 (Yahoo)
    '2021/07/20 20:11:41 LOGIN Invalid credentials',
  ],
  'yandex-imap-invalid-credentials-or-disabled': [
    // https://github.com/Foundry376/Mailspring/issues/904
    '2 NO [AUTHENTICATIONFAILED] LOGIN Invalid credentials or IMAP is disabled sc=ebI8JB0ug4Y1_290737_53p',
  ],
  'zoho-imap-invalid-credentials': [
    // https://github.com/Foundry376/Mailspring/issues/1334 (svwall.zoho.com)
    '2 NO [AUTHENTICATIONFAILED] Invalid credentials(Failure)',
  ],
  'qq-smtp-authorization-code': [
    // https://github.com/curl/curl/issues/5321
    '< 535 Login Fail. Please enter your authorization code to login. More information in http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=28&&no=1001256',
  ],
  // Client-library wrappers
  'msal-net-ui-required-no-account': [
    // https://github.com/manoj-choudhari-git/net-core-msal-samples/issues/18
    'MsalUiRequiredException: No account or login hint was passed to the AcquireTokenSilent call.',
    // https://github.com/jstedfast/MailKit/issues/1169
    'Additional information: You are trying to acquire a token silently using a login hint. No account was found in the token cache having this login hint.',
  ],
  'nodemailer-cannot-create-access-token': [
    // https://github.com/nodemailer/nodemailer/issues/1166
    "Error: Can't create new access token for user",
  ],
  'client-no-compatible-mechanism': [
    // https://github.com/jstedfast/MailKit/issues/531
    'System.NotSupportedException: No compatible authentication mechanisms found',
    // https://github.com/curl/curl/issues/17420
    '== Info: No known authentication mechanisms supported!',
  ],
  'curl-login-denied': [
    // https://github.com/curl/curl/issues/10259
    'curl: (67) Login denied',
  ],
  // Issue 14: more providers, TLS of other runtimes
  'netease-imap-unsafe-login': [
    // https://github.com/smiley22/S22.Imap/issues/167
    'xm002 NO SELECT Unsafe Login. Please contact kefu@188.com for help',
    // https://github.com/joeyates/imap-backup/issues/217
    'S: RUBY0005 NO EXAMINE Unsafe Login. Please contact kefu@188.com for help',
    // https://github.com/pimalaya/himalaya/issues/651
    'Error: cannot select IMAP mailbox: unexpected NO response: SELECT Unsafe Login. Please contact kefu@188.com for help',
  ],
  'icloud-imap-authentication-failed': [
    // https://github.com/lefcha/imapfilter/issues/125
    [
      'S (3): * OK [CAPABILITY st11p00mm-iscream022 15E205 XAPPLEPUSHSERVICE IMAP4 IMAP4rev1 SASL-IR AUTH=ATOKEN AUTH=PLAIN] iSCREAM ready to rumble (15E205-0982aaf890fd:18514) st11p00mm-iscream022 [04:19:14:31:21:53]',
      'C (3): 1001 LOGIN "damien" *',
      'S (3): 1001 NO [AUTHENTICATIONFAILED] Authentication failed',
    ].join('\n'),
  ],
  'gmx-webde-authentication-failed': [
    // https://github.com/jens-maus/yam/issues/638 (GMX and WEB.DE, POP3)
    ['For Web.de and GMX.de it was not working', ': PASS xxx', ': -ERR authentication failed', ': QUIT'].join('\n'),
    // https://github.com/s1t5/mail-archiver/issues/132 (imap.gmx.net)
    ['host: "imap.gmx.net"', 'NO [AUTHENTICATIONFAILED] Authentication failed.'].join('\n'),
  ],
  'fastmail-app-password': [
    // https://github.com/Foundry376/Mailspring/issues/2217
    ['ssl connect imap.fastmail.com 993 2', '2 LOGIN "hugo@barrera.io" *********', '2 NO Incorrect username or password.'].join('\n'),
  ],
  'imap-incorrect-username-or-password': [
    // https://github.com/Foundry376/Mailspring/issues/2217 (the reply alone, without the host)
    '2 NO Incorrect username or password.',
  ],
  'tls-dh-key-too-small': [
    // https://github.com/redimp/otterwiki/issues/71
    '40D7AD2CAA7F0000:error:0A00018A:SSL routines:tls_process_ske_dhe:dh key too small:../ssl/statem/statem_clnt.c:2086:',
    // https://github.com/mailpile/Mailpile/issues/2281
    '[SSL: DH_KEY_TOO_SMALL] dh key too small (_ssl.c:727)',
    // https://github.com/nodemailer/nodemailer/issues/486
    'some error occured "dh key is too small"',
  ],
  'sasl-xoauth2-token-refresh-failed': [
    // the message format of tarickb/sasl-xoauth2 src/token_store.cc with curl's error text; https://github.com/tarickb/sasl-xoauth2/issues/42
    'Oct  6 17:16:19 mx1 sasl-xoauth2:   2022-10-06 17:16:19: TokenStore::Refresh: http error: error setting certificate file: /etc/ssl/certs/ca-certificates.crt',
    'sasl-xoauth2:   2023-06-26 09:43:47: TokenStore::Refresh: request failed',
  ],
  'jakarta-mail-oauth2-asked-for-more': [
    // test/fixtures/logs/jakarta-mail-debug.log (Jakarta Mail 2.0 against Dovecot, captured here)
    'jakarta.mail.AuthenticationFailedException: OAUTH2 asked for more',
    'DEBUG SMTP: AUTH XOAUTH2 failed, THROW: ',
  ],
  'phpmailer-could-not-authenticate': [
    // test/fixtures/logs/phpmailer-smtpdebug.log (PHPMailer 6.6 against Dovecot, captured here); https://github.com/PHPMailer/PHPMailer/issues/341
    '2026-12-02 18:04:35\tSMTP Error: Could not authenticate.',
    'Mailer Error: SMTP Error: Could not authenticate.',
  ],
  'nodemailer-user-failed-to-authenticate': [
    // test/fixtures/logs/nodemailer-logger.log (nodemailer 10.6 against Dovecot, captured here)
    '[2026-12-02 18:04:46] INFO  [8wGb6plPww0] User "adele@contoso.com" failed to authenticate',
  ],
  'mbsync-more-steps-after-sasl': [
    // https://github.com/tarickb/sasl-xoauth2/issues/93
    'Error: IMAP wants more steps despite successful SASL authentication.',
  ],
  'sasl-plugin-callback-missing': [
    // https://github.com/ltratt/pizauth/issues/36
    'Error performing SASL authentication step: SASL(-1): generic failure: Unable to find a callback: 18948',
  ],
  'msmtp-authentication-failed': [
    // test/fixtures/logs/msmtp-debug-rejected.log (msmtp 1.8 against Dovecot, captured here)
    'msmtp: authentication failed (method XOAUTH2)',
  ],
  'fetchmail-authorization-failure': [
    // test/fixtures/logs/fetchmail-verbose-rejected.log (fetchmail 6.4.37 against Dovecot, captured here)
    'fetchmail: Authorization failure on adele@contoso.com@127.0.0.1',
  ],
  'dovecot-login-auth-failed': [
    // test/fixtures/logs/dovecot-oauth2-auth-debug-failures.log (Dovecot 2.3.19, captured here)
    'Dec 02 15:25:50 imap-login: Info: Disconnected: Connection closed (auth failed, 1 attempts in 2 secs): user=<adele@contoso.com>, method=XOAUTH2, rip=127.0.0.1, lip=127.0.0.1, secured, session=<rq/oQahhgsx/AAAB>',
    'Dec 02 15:26:46 submission-login: Info: Disconnected: Aborted login by logging out (auth failed, 1 attempts in 2 secs): user=<adele@contoso.com>, method=XOAUTH2, rip=127.0.0.1, lip=127.0.0.1, secured, session=<hC45RahhPq9/AAAB>',
  ],
  'dovecot-submission-relay-unreachable': [
    // test/fixtures/logs/python-smtplib-debuglevel2.log and the Dovecot log of the same run (captured here)
    "15:26:40.790067 reply: b'421 4.4.0 vm Failed to connect to relay server (connect)\\r\\n'",
    'Dec 02 15:26:40 submission(adele@contoso.com)<18690><XkPJRKhhgNd/AAAB>: Info: Disconnected: Failed to connect to relay server (connect) (state=GREETING) in=0 out=80',
    'Dec 02 15:26:40 submission(adele@contoso.com)<18690><XkPJRKhhgNd/AAAB>: Error: smtp-client: conn 127.0.0.1:31925 [1]: connect(127.0.0.1:31925) failed: Connection refused',
  ],
  'curl-ssl-connect-error': [
    // https://github.com/openssl/openssl/issues/16506 (through a SOCKS proxy)
    'curl: (35) OpenSSL SSL_connect: SSL_ERROR_SYSCALL in connection to imap.gmail.com:993',
  ],
};
// The second sweep of real strings (explainRealWorld.test.ts) joins these.
for (const [id, samples] of Object.entries(REAL_WORLD_SAMPLES)) (SAMPLES[id] ??= []).push(...samples);
// Third real-world round (issue 14): clients, libraries, Google sign-in pages, Entra ID, Keycloak, Dovecot, providers;
// merged, not spread, because several of its entries (widened ones) already have samples above.
for (const [id, samples] of Object.entries(REAL_WORLD_3_SAMPLES)) (SAMPLES[id] ??= []).push(...samples);
// Fourth real-world round (issue 14): library wordings without codes, sasl-xoauth2, Exim, Java/Go/.NET/rustls TLS, smtplib,
// lettre, Ruby Net::IMAP; merged, not spread, for the same reason (widened entries have samples above).
for (const [id, samples] of Object.entries(REAL_WORLD_4_SAMPLES)) (SAMPLES[id] ??= []).push(...samples);
// Fifth real-world round (issue 14): mobile and desktop clients, integrations (Nextcloud, FreeScout, Home Assistant),
// self-hosted servers (Courier, mailcow, saslauthd, Postfix, Roundcube); merged, not spread, for the same reason.
for (const [id, samples] of Object.entries(REAL_WORLD_5_SAMPLES)) (SAMPLES[id] ??= []).push(...samples);
// Sixth real-world round (issue 14): Microsoft Graph and Entra texts, Exchange replies, Google org_internal, Go net/smtp,
// nodemailer, GLPI, Indy, Znuny; merged, not spread, for the same reason (widened entries have samples above).
for (const [id, samples] of Object.entries(REAL_WORLD_6_SAMPLES)) (SAMPLES[id] ??= []).push(...samples);
// Seventh real-world round (issue 14): self-hosted servers (Dovecot, Postfix, Courier), proxies and fetchers, smaller
// providers, TLS wordings; merged, not spread, for the same reason.
for (const [id, samples] of Object.entries(REAL_WORLD_7_SAMPLES)) (SAMPLES[id] ??= []).push(...samples);
// Eighth real-world round (issue 14): Q&A sites, vendor knowledge bases and help pages (Exchange 5.7.30 and LogonDenied,
// Jira, QNAP, Garoon, Gmail [ALERT]); merged, not spread, for the same reason (widened entries have samples above).
for (const [id, samples] of Object.entries(REAL_WORLD_8_SAMPLES)) (SAMPLES[id] ??= []).push(...samples);

const ORDINARY = [
  '2026-11-21 14:00:07.123 INFO [worker-3] Fetched message 4711 from INBOX (uid=9001, size=5120 bytes)',
  '* 12 FETCH (UID 1012 FLAGS (\\Seen) RFC822.SIZE 3344 INTERNALDATE "21-Nov-2026 10:00:00 +0000")',
  'A00042 OK FETCH completed.',
  '* OK The Microsoft Exchange IMAP4 service is ready. [UwBZAFgAUABSADAAMQBDAEEAMAAxADAAOQAuAGEAdQBzAHAAcgBkADAAMQAuAHAAcgBvAGQALgBvAHUAdABsAG8AbwBrAC4AYwBvAG0A]',
  '* CAPABILITY IMAP4 IMAP4rev1 AUTH=PLAIN AUTH=XOAUTH2 SASL-IR UIDPLUS MOVE ID UNSELECT CHILDREN IDLE NAMESPACE LITERAL+',
  'A00000001 OK AUTHENTICATE completed.',
  '250-AUTH LOGIN PLAIN XOAUTH2 PLAIN-CLIENTTOKEN OAUTHBEARER XOAUTH',
  '235 2.7.0 Authentication successful',
  '+OK User successfully authenticated.',
  '* OK Gimap ready for requests from 182.74.29.148 c74mb246678438itb',
  'Nov 21 14:16:32 imap-login: Info: Login: user=<alice@example.com>, method=XOAUTH2, rip=127.0.0.1, lip=127.0.0.1, mpid=19036, secured, session=<wB7qAcpgkr1/AAAB>',
  '127.0.0.1 - - [21/Nov/2026:10:00:07 +0000] "GET /api/messages?page=2 HTTP/1.1" 200 512 "-" "Mozilla/5.0 (X11; Linux x86_64)"',
  '{"level":30,"time":1761021544364,"pid":97536,"component":"imap-connection","src":"s","msg":"* 3 EXISTS"}',
  '    at processTicksAndRejections (node:internal/process/task_queues:95:5)',
  'Subject: Re: quarterly report draft',
  // base64 that is not an error: an XOAUTH2 blob, a JWT, server ids
  'C: A01 AUTHENTICATE XOAUTH2 dXNlcj1zb21ldXNlckBleGFtcGxlLmNvbQFhdXRoPUJlYXJlciB5YTI5LnZGOWRmdDRxbVRjMk52YjNSbGNrQmhkSFJoZG1semRHRXVZMjl0Q2cBAQ==',
  'Authorization: Bearer eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL291dGxvb2sub2ZmaWNlLmNvbSIsInNjcCI6IklNQVAuQWNjZXNzQXNVc2VyLkFsbCJ9.c2lnbmF0dXJl',
  'id_token=eyJhbGciOiJub25lIn0.eyJzdWIiOiJhbGljZSIsInNjb3BlIjoibWFpbCJ9.',
  'S: +',
  'S: 334',
  'S: 334 VXNlcm5hbWU6',
  'dXNlcj10ZXN0QGNvbnRvc28ub25taWNyb3NvZnQuY29tAWF1dGg9QmVhcmVy',
  'IEV3QkFBbDNCQUFVRkZwVUFvN0ozVmUwYmpMQldaV0NjbFJDM0VvQUEBAQ==',
];

describe('failure knowledge base: data', () => {
  it('has the expected size and unique ids', () => {
    assert.strictEqual(KNOWLEDGE_BASE_SIZE, KNOWLEDGE_BASE.length);
    assert.ok(KNOWLEDGE_BASE_SIZE >= 150, `only ${KNOWLEDGE_BASE_SIZE} entries`);
    assert.strictEqual(new Set(KNOWLEDGE_BASE.map((e) => e.id)).size, KNOWLEDGE_BASE_SIZE);
    const aadsts = KNOWLEDGE_BASE.filter((e) => /^aadsts\d+$/.test(e.id));
    assert.ok(aadsts.length >= 40, `only ${aadsts.length} AADSTS codes`);
  });

  it('gives every entry a title, cause, fix and official documentation', () => {
    const official =
      /^https:\/\/(?:learn\.microsoft\.com\/|developers\.google\.com\/|support\.google\.com\/|datatracker\.ietf\.org\/doc\/html\/rfc\d+(?:#|$)|doc\.dovecot\.org\/|nodejs\.org\/api\/|openid\.net\/specs\/|www\.postfix\.org\/|github\.com\/tarickb\/sasl-xoauth2$|docs\.oracle\.com\/en\/java\/|nodemailer\.com\/|curl\.se\/libcurl\/|help\.yahoo\.com\/|yandex\.com\/support\/|www\.zoho\.com\/mail\/help\/|service\.mail\.qq\.com\/|support\.apple\.com\/|hilfe\.gmx\.net\/|hilfe\.web\.de\/|www\.fastmail\.com\/help\/|isync\.sourceforge\.io\/|marlam\.de\/msmtp\/|www\.fetchmail\.info\/|wiki\.mozilla\.org\/Thunderbird:|eclipse-ee4j\.github\.io\/angus-mail\/|www\.cyrusimap\.org\/|www\.exim\.org\/|neomutt\.org\/guide\/|github\.com\/PHPMailer\/PHPMailer\/wiki\/|www\.keycloak\.org\/|stalw\.art\/docs\/|docs\.openssl\.org\/|requests-oauthlib\.readthedocs\.io\/|docs\.python\.org\/3\/library\/|pkg\.go\.dev\/(?:crypto\/|net\/smtp)|grafana\.com\/docs\/|github\.com\/ruby\/net-imap$|docs\.rs\/lettre\/|www\.courier-mta\.org\/|proton\.me\/support\/|davmail\.sourceforge\.net\/|github\.com\/simonrob\/email-oauth2-proxy$|github\.com\/getmail6\/getmail6$|github\.com\/zone-eu\/zone-mta$|github\.com\/mscdex\/node-imap$|help\.mail\.ru\/mail\/|github\.com\/OfflineIMAP\/offlineimap3$|www\.php\.net\/manual\/|confluence\.atlassian\.com\/jirakb\/|www\.qnap\.com\/|jp\.cybozu\.help\/|support\.microsoft\.com\/|docs\.osticket\.com\/)/;
    for (const e of KNOWLEDGE_BASE) {
      assert.ok(e.title && !e.title.includes('\n'), `${e.id}: title`);
      assert.ok(e.cause.length > 20 && e.fix.length > 20, `${e.id}: cause and fix`);
      assert.ok(e.docs.length > 0, `${e.id}: docs`);
      for (const d of e.docs) assert.match(d.url, official, `${e.id}: ${d.url}`);
      assert.ok(!e.pattern.global && !e.pattern.sticky, `${e.id}: stateless pattern`);
    }
  });

  it('has German title, cause and fix for each entry added in issue 14, keyed by a real id', () => {
    const added = [
      'netease-imap-unsafe-login',
      'icloud-imap-authentication-failed',
      'gmx-webde-authentication-failed',
      'fastmail-app-password',
      'imap-incorrect-username-or-password',
      'tls-dh-key-too-small',
      'curl-ssl-connect-error',
      'mbsync-more-steps-after-sasl',
      'sasl-plugin-callback-missing',
      'msmtp-authentication-failed',
      'fetchmail-authorization-failure',
      'dovecot-login-auth-failed',
      'dovecot-submission-relay-unreachable',
      'jakarta-mail-oauth2-asked-for-more',
      'phpmailer-could-not-authenticate',
      'nodemailer-user-failed-to-authenticate',
      'sasl-xoauth2-token-refresh-failed',
    ];
    for (const id of added) {
      const de = KNOWLEDGE_BASE_TRANSLATIONS.de[id];
      assert.ok(de && de.title && de.cause.length > 20 && de.fix.length > 20, `${id}: German text`);
    }
    for (const id of Object.keys(KNOWLEDGE_BASE_TRANSLATIONS.de))
      assert.ok(
        KNOWLEDGE_BASE.some((e) => e.id === id),
        `${id} is no entry`,
      );
  });

  it('has at least one real sample for every entry', () => {
    const missing = KNOWLEDGE_BASE.filter((e) => !SAMPLES[e.id]?.length).map((e) => e.id);
    assert.deepStrictEqual(missing, []);
    const unknown = Object.keys(SAMPLES).filter((id) => !KNOWLEDGE_BASE.some((e) => e.id === id));
    assert.deepStrictEqual(unknown, []);
  });
});

describe('failure knowledge base: samples', () => {
  for (const [id, samples] of Object.entries(SAMPLES)) {
    for (const sample of samples) {
      const multiLine = sample.includes('\n');
      it(`${id} ← ${sample.replace(/\n/g, '⏎').slice(0, 90)}`, () => {
        const findings = multiLine ? explain(sample) : explainLine(sample);
        assert.ok(findings.length > 0, 'no finding');
        assert.strictEqual(findings[0].id, id, `first finding is ${findings.map((f) => f.id).join(', ')}`);
        const f = findings[0];
        assert.strictEqual(sample.slice(f.index, f.index + f.match.length), f.match);
        // The prefilter must see what the pattern matched: a key is part of every match.
        const entry = KNOWLEDGE_BASE.find((e) => e.id === id)!;
        assert.ok(
          entry.keys.some((k) => f.match.toLowerCase().includes(k.toLowerCase())),
          `no key of ${id} in "${f.match}"`,
        );
        if (!multiLine) assert.deepStrictEqual(explain(sample), findings, 'explain and explainLine agree on one line');
      });
    }
  }
});

describe('failure knowledge base: case', () => {
  // Servers, libraries and users change the case of what they quote; only entries whose protocol keywords
  // carry the meaning (IMAP's NO/BAD, LOGIN, POP3's -ERR, AUTH) keep to the case those are written in.
  const caseSensitive = new Set(KNOWLEDGE_BASE.filter((e) => !e.pattern.ignoreCase).map((e) => e.id));
  it('keeps case only where a protocol keyword carries the meaning', () => {
    for (const e of KNOWLEDGE_BASE.filter((x) => caseSensitive.has(x.id))) {
      assert.match(
        e.pattern.source,
        /\\bNO\\b|\\bBAD\\b|\\bOK\\b|LOGIN|-ERR|\\+OK|\\bUSER\\b|\\bPASS\\b|\\bAUTH\\b|AUTHENTICATE|STARTTLS|EHLO|HELO/,
        `${e.id} is case-sensitive without a protocol keyword`,
      );
    }
  });
  for (const [id, samples] of Object.entries(SAMPLES)) {
    if (caseSensitive.has(id)) continue;
    // Base64 (an error challenge, a blob) changes its meaning with its case, and an entry's context (the command
    // it follows) is protocol text: such samples are left as they are.
    if (KNOWLEDGE_BASE.find((e) => e.id === id)?.context) continue;
    const words = samples.filter((s) => !/[A-Za-z0-9+/]{16,}/.test(s));
    if (words.length === 0) continue;
    it(`${id}: its samples lower-cased get the same entry`, () => {
      for (const sample of words) {
        const variant = sample.toLowerCase();
        const ids = (variant.includes('\n') ? explain(variant) : explainLine(variant)).map((f) => f.id);
        assert.ok(ids.includes(id), `${variant.slice(0, 100)} → ${ids.join(', ') || 'nothing'}`);
      }
    });
  }
});

describe('failure knowledge base: matching', () => {
  it('finds nothing in ordinary log lines and base64 that is not an error', () => {
    for (const line of ORDINARY) assert.deepStrictEqual(explainLine(line), [], line);
    assert.deepStrictEqual(explain(ORDINARY.join('\n')), []);
    assert.deepStrictEqual(explainLine(''), []);
  });

  it('explains the seed SMTP failure transcript', () => {
    const transcript = [
      '[connection begins]',
      'C: auth xoauth2',
      'S: 334',
      'C: dXNlcj1zb21ldXNlckBleGFtcGxlLmNvbQFhdXRoPUJlY',
      'XJlciB5YTI5LnZGOWRmdDRxbVRjMk52YjNSbGNrQmhkSFJoZG1semRHRXVZMj',
      'l0Q2cBAQ==',
      'S: 535 5.7.3 Authentication unsuccessful [SN2PR00CA0018.namprd00.prod.outlook.com]',
    ].join('\r\n');
    const findings = explain(transcript);
    assert.deepStrictEqual(
      findings.map((f) => f.id),
      ['m365-smtp-535-5.7.3'],
    );
    assert.strictEqual(findings[0].match, '535 5.7.3 Authentication unsuccessful [SN2PR00CA0018.namprd00.prod.outlook.com]');
    assert.strictEqual(findings[0].index, transcript.indexOf('535 5.7.3'));
    assert.strictEqual(findings[0].provider, 'microsoft');
    assert.ok(findings[0].fix.includes('Set-CASMailbox -Identity <user> -SmtpClientAuthenticationDisabled $false'));
  });

  it('explains the Gmail error challenge and says what it decodes to', () => {
    const line = '+ eyJzdGF0dXMiOiI0MDAiLCJzY2hlbWVzIjoiQmVhcmVyIiwic2NvcGUiOiJodHRwczovL21haWwuZ29vZ2xlLmNvbS8ifQ==';
    const [f] = explainLine(line);
    assert.strictEqual(f.id, 'gmail-error-challenge');
    assert.strictEqual(f.match, line);
    assert.strictEqual(f.index, 0);
    assert.ok(f.cause.includes('status=400, schemes=Bearer, scope=https://mail.google.com/'), f.cause);
    assert.ok(f.docs.some((d) => d.url.startsWith('https://developers.google.com/')));
  });

  it('orders a Gmail IMAP transcript: challenge and final failure, each once', () => {
    const transcript = [
      "  18:48.35 > b'ILPK1 AUTHENTICATE XOAUTH2'",
      "  18:48.50 < b'+ '",
      "  18:49.49 < b'+ eyJzdGF0dXMiOiI0MDAiLCJzY2hlbWVzIjoiQmVhcmVyIiwic2NvcGUiOiJodHRwczovL21haWwuZ29vZ2xlLmNvbS8ifQ=='",
      "  18:49.64 < b'ILPK1 NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)'",
      "  18:49.70 < b'ILPK2 NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)'",
    ].join('\n');
    const ids = explain(transcript).map((f) => f.id);
    assert.deepStrictEqual(ids, ['gmail-error-challenge', 'gmail-imap-invalid-credentials']);
  });

  it('ranks the AADSTS code above the generic OAuth error word', () => {
    const ids = explainLine(SAMPLES.aadsts7000218[0]).map((f) => f.id);
    assert.deepStrictEqual(ids, ['aadsts7000218', 'oauth-invalid-client']);
  });

  it('lets a specific reply replace the catch-all for the same text', () => {
    const ids = explainLine(SAMPLES['m365-smtp-auth-disabled-tenant'][0]).map((f) => f.id);
    assert.ok(!ids.includes('m365-smtp-535-5.7.139'), ids.join(', '));
    const unknownCode = explainLine('AADSTS50107: The requested federation realm object does not exist.');
    assert.deepStrictEqual(
      unknownCode.map((f) => f.id),
      ['aadsts-other'],
    );
  });

  it("keeps provider wordings apart: each reply gets its own provider, none a neighbour's", () => {
    const first = (s: string) => explainLine(s)[0]?.id;
    assert.strictEqual(first('a1 NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)'), 'gmail-imap-invalid-credentials');
    assert.strictEqual(first('2 NO [AUTHENTICATIONFAILED] Invalid credentials(Failure)'), 'zoho-imap-invalid-credentials');
    assert.strictEqual(first('2 NO [AUTHENTICATIONFAILED] LOGIN Invalid credentials or IMAP is disabled'), 'yandex-imap-invalid-credentials-or-disabled');
    assert.ok(!explainLine('Error 400: admin_policy_enforced').some((f) => f.id === 'google-policy-enforced'));
    // One finding per failure: the specific entry replaces the catch-all for the same text.
    assert.deepStrictEqual(
      explainLine('S: a0 NO [AUTHENTICATIONFAILED] LOGIN Invalid credentials').map((f) => f.id),
      ['yahoo-imap-invalid-credentials'],
    );
    assert.deepStrictEqual(
      explainLine('AADSTS500011: The resource principal named https://outlook.office.com was not found in the tenant named Contoso.').map((f) => f.id),
      ['aadsts500011'],
    );
    // curl's exit code ranks below the server reply that explains it.
    // https://github.com/curl/curl/issues/10259
    const curl = explain('< 535 5.7.8  https://support.google.com/mail/?p=BadCredentials b6-20020aa7d486000000b0048447efe3fcsm2477734edr.84 - gsmt\ncurl: (67) Login denied').map((f) => f.id);
    assert.ok(curl.length > 1 && curl.includes('curl-login-denied') && curl[0] !== 'curl-login-denied', curl.join(', '));
  });

  it('returns fresh objects, so callers cannot change the knowledge base', () => {
    const a = explainLine('A01 NO AUTHENTICATE failed.');
    a[0].docs.push({ title: 'x', url: 'y' });
    a[0].cause = 'changed';
    const b = explainLine('A01 NO AUTHENTICATE failed.');
    assert.notStrictEqual(b[0].cause, 'changed');
    assert.ok(!b[0].docs.some((d) => d.url === 'y'));
  });

  it('stays linear on hostile input', () => {
    const hostile = [
      '+ ' + 'eyJ'.repeat(200_000),
      'oauth2 failed: ' + "Username '".repeat(100_000),
      '[WEBALERT ' + 'x'.repeat(500_000),
      'AADSTS' + '1'.repeat(300_000),
      'a'.repeat(1_000_000) + ' AUTHENTICATE failed.',
      'The resource principal named ' + 'x'.repeat(500_000),
      'SASL authentication failed; cannot authenticate to server ' + '['.repeat(500_000),
      'LOGIN Invalid credentials '.repeat(50_000),
    ];
    for (const text of hostile) {
      explainLine(text);
      explain(text);
    }
    assert.strictEqual(explainLine(hostile[4])[0].id, 'm365-imap-authenticate-failed');
  });
});
