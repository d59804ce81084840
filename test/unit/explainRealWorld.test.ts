import * as assert from 'assert';
import { explain, explainLine, KNOWLEDGE_BASE, KNOWLEDGE_BASE_TRANSLATIONS } from '../../src/core/explain';

/**
 * Real failure strings that users posted in public trackers (issue 14's second sweep), one or more
 * for each entry added or widened for them, with the thread each was copied from. They join the
 * SAMPLES of explain.test.ts: the first finding for each must be the entry it is listed under.
 */
export const REAL_WORLD_SAMPLES: Record<string, string[]> = {
  // Postfix with sasl-xoauth2
  'sasl-xoauth2-reader-error': [
    // https://github.com/tarickb/sasl-xoauth2/issues/70
    'Jun 20 05:57:22 vtunelesexp postfix/smtp[30076]: sasl-xoauth2: Exception during init: reader error',
    ['Error from reader: * Line 5, Column 3', "  Missing ',' or '}' in object declaration", 'sasl-xoauth2: Exception during init: reader error'].join('\n'),
  ],
  'postfix-smtp-malformed-response': [
    // https://github.com/tarickb/sasl-xoauth2/issues/97
    'Jan 03 22:26:38 DD-0125-001VM postfix/qmgr[5230]: warning: private/smtp socket: malformed response',
  ],
  'google-oauth-client-not-found': [
    // https://github.com/tarickb/sasl-xoauth2/issues/95
    ['TokenStore::Refresh: code=401, response={', '  "error": "invalid_client",', '  "error_description": "The OAuth client was not found."', '}'].join('\n'),
  ],
  // Identity errors without their code, and bare HTTP statuses of the token endpoint
  'entra-scope-more-than-one-resource': [
    // https://github.com/Dolibarr/dolibarr/pull/25888
    'Provided value for the input parameter scope is not valid because it contains more than one resource.',
  ],
  'entra-invalid-audience': [
    // https://github.com/MicrosoftDocs/office-developer-exchange-docs/issues/87
    'server just responds with an `Access token validation failure. Invalid audience.`',
  ],
  'entra-client-secret-required': [
    // https://github.com/tarickb/sasl-xoauth2/pull/62
    'a "HTTP Error 401: Unauhorized" error is returned because "The request body must contain the following parameter: \'client_assertion\' or \'client_secret\'".',
  ],
  'oauth-token-endpoint-unauthorized': [
    // https://github.com/dotnet/AspNetCore.Docs/issues/22325
    'Exception: OAuth token endpoint failure: Status: Unauthorized;Headers: Cache-Control: no-store, no-cache',
    // https://github.com/tarickb/sasl-xoauth2/issues/70
    ['urllib.error.HTTPError: HTTP Error 401: Unauthorized', '  File "/root/./sasl-xoauth2-tool.in", line 167, in outlook_get_initial_tokens'].join('\n'),
  ],
  'email-oauth2-proxy-token-request-failed': [
    // https://github.com/simonrob/email-oauth2-proxy/issues/72
    "Caught exception while requesting OAuth 2.0 credentials for testuser@domain.com: <HTTPError 400: 'Bad Request'>",
  ],
  aadsts500116: [
    // https://github.com/WPManageNinja/fluent-smtp/issues/432
    'AADSTS500116: The reply uri specified in the request is not a valid URL.',
  ],
  aadsts7000112: [
    // https://github.com/simonrob/email-oauth2-proxy/issues/267
    "Message: AADSTS7000112: Application '08162f7c-0fd2-4200-a84a-f25a4db0b584'(Thunderbird) is disabled.",
  ],
  // Client libraries and tools
  'msal-identity-web-ui-required': [
    // https://github.com/Azure-Samples/active-directory-aspnetcore-webapp-openidconnect-v2/issues/683
    '---> Microsoft.Identity.Web.MicrosoftIdentityWebChallengeUserException: IDW10502: An MsalUiRequiredException was thrown due to a challenge for the user. See https://aka.ms/ms-id-web/ca_incremental-consent.',
  ],
  'msal4j-jackson-conflict': [
    // https://github.com/Azure-Samples/ms-identity-java-daemon/issues/4
    'com.microsoft.aad.msal4j.MsalClientException: com.fasterxml.jackson.databind.JsonMappingException: No suitable constructor found for type [simple type, class com.microsoft.aad.msal4j.InstanceDiscoveryMetadataEntry]',
  ],
  'thunderbird-oauth-not-supported-for-provider': [
    // https://github.com/thunderbird/thunderbird-android/issues/8368
    ['OAuth sign in failed', 'OAuth 2.0 is currently not supported with this provider', 'Retry'].join('\n'),
  ],
  'thunderbird-android-no-oauth-token-provider': [
    // https://github.com/thunderbird/thunderbird-android/issues/10492
    'No meesage was sent and this error occurs: no oauth2tokenprovider available.',
  ],
  'imap-client-aborted-authenticate': [
    // https://github.com/OfflineIMAP/offlineimap/issues/374
    " XOAUTH2 authentication failed: AUTHENTICATE command error: BAD ['Client aborted AUTHENTICATE command. cn9mb200386477igc']. Data: KKIG2 AUTHENTICATE XOAUTH2",
  ],
  'offlineimap-oauth2-settings-missing': [
    // https://github.com/OfflineIMAP/offlineimap/issues/258
    " ERROR: No remote oauth2_request_url for repository 'Remotenis' specified.",
  ],
  'cyrus-sasl-no-worthy-mechs': [
    // https://github.com/muttmua/mutt/issues/5
    ['[2021-04-30 10:11:45]<2> mutt_sasl_cb_log() SASL: No worthy mechs found', '[2021-04-30 10:11:45]<2> imap_auth_sasl() xoauth2 unavailable'].join('\n'),
  ],
  'mutt-oauth-refresh-command-empty': [
    // https://github.com/neomutt/neomutt/issues/2130
    '[2022-04-29 10:36:28]<E> mutt_account_getoauthbearer() Command returned empty string',
  ],
  'imap-clientbug-invalid-tag': [
    // https://github.com/neomutt/neomutt/pull/1664
    '[2019-04-21 15:35:38]<5> mutt_socket_readln_d() 5< * BAD [CLIENTBUG] Invalid tag',
  ],
  'jakarta-mail-no-password': [
    // https://github.com/assimbly/runtime/issues/240
    '  "error": "jakarta.mail.AuthenticationFailedException: failed to connect, no password specified?",',
  ],
  'jakarta-mail-pop3-no-reply': [
    // https://github.com/eclipse-ee4j/angus-mail/issues/164
    '::: AuthenticationFailedException stackTrace ::: jakarta.mail.AuthenticationFailedException: Cannot read field "ok" because "this.resp" is null',
  ],
  'mailkit-authentication-failed': [
    // https://github.com/BlueHippoGithub/IMAP-OAuth-2.0-Example/issues/2
    ['Line:  await client.AuthenticateAsync(oauth2);', 'MailKit.Security.AuthenticationException', '  HResult=0x80131500', '  Message=Authentication failed.'].join('\n'),
  ],
  'logic-apps-office365-personal-account': [
    // https://github.com/MicrosoftDocs/azure-docs/issues/17557
    "Failed with error: 'OAuth2Certificate authorization flow failed for service 'Office 365 (Discovery, Certificate)'. O365 discovery endpoint returned status code 401 (Unauthorized).",
  ],
  'fetchmail-upgrade-to-tls-failed': [
    // https://github.com/simonrob/email-oauth2-proxy/issues/162
    ['fetchmail: POP3> STLS', 'fetchmail: POP3< -ERR Command is not valid in this state.', 'fetchmail: localhost: upgrade to TLS failed.'].join('\n'),
  ],
  'imapfilter-login-timeout': [
    // https://github.com/lefcha/imapfilter/issues/115
    ['imapfilter: timeout period expired while waiting to read data', 'imapfilter: login request to xxxxxx@gmail.com@imap.gmail.com failed'].join('\n'),
  ],
  'phpmailer-could-not-authenticate': [
    // https://github.com/PHPMailer/PHPMailer/issues/649 (another host answered: the ISP redirects port 587)
    ['SERVER -> CLIENT: 250-main.reidash.com Hello awb.reidash.com [209.95.44.96]250-SIZE 52428800250-8BITMIME250-PIPELINING250-AUTH PLAIN LOGIN250 HELP', 'SMTP Error: Could not authenticate.'].join(
      '\n',
    ),
  ],
  'client-no-compatible-mechanism': [
    // https://github.com/eleith/emailjs/issues/126
    'Error Sending: Email failed to send. Error: no form of authorisation supported',
    // https://github.com/jakartaee/mail-api/issues/84 (its typo included)
    'javax.mail.AuthenticationFailedException: No authentication mechansims supported by both server and client',
  ],
  // IMAP and POP
  'm365-basic-auth-disabled': [
    // https://github.com/holon-run/uxc/issues/445
    ['a1 LOGIN jolestar@hotmail.com ***', 'a1 NO Basic authentication is disabled.'].join('\n'),
  ],
  'm365-imap-password-via-authenticate-plain': [
    // https://github.com/barbushin/php-imap/issues/726
    'IMAP connection error: ["Retrying PLAIN authentication after AUTHENTICATE failed.","Can not authenticate to IMAP server: AUTHENTICATE failed."]',
    // https://github.com/LogicLabs-OU/OpenArchiver/issues/154
    ['"response": "3 NO AUTHENTICATE failed.",', '"executedCommand": "3 AUTHENTICATE PLAIN",'].join('\n'),
  ],
  'imap-empty-username-or-password': [
    // https://github.com/dlech/gmailbuttons/issues/27
    '1 NO Empty username or password <random-token>',
  ],
  'gmail-imap-invalid-credentials': [
    // https://github.com/mscdex/node-imap/issues/826
    'Error: Invalid credentials (Failure)',
    // https://github.com/thunderbird/thunderbird-android/issues/4723 (K-9 Mail's typo included)
    '(Command: *sensitive*; response: #3#[NO, [AUTHENIFICATIONFAILED], invalid credentials (Failure)])',
  ],
  'imap-authenticationfailed': [
    // https://github.com/mscdex/node-imap/issues/839
    ["  type: 'no',", "  textCode: 'AUTHENTICATIONFAILED',", "  source: 'authentication'"].join('\n'),
  ],
  // SMTP
  'smtp-530-5.5.1-authentication-required': [
    // https://github.com/nodemailer/nodemailer/issues/1083
    'Error: Mail command failed: 530 5.5.1 Authentication Required.',
  ],
  'smtp-auth-command-unrecognized': [
    // https://github.com/sandstorm-io/sandstorm/issues/2876
    '{"code":"EAUTH","response":"502 5.5.2 Syntax error, command unrecognized.","responseCode":502,"command":"AUTH PLAIN"}',
  ],
  'smtp-error-authentication-failed': [
    // https://github.com/zulip/zulip/issues/30505
    "Failed to send mails: (535, b'5.7.8 Error: authentication failed: UGFzc3dvcmQ6')",
    // https://github.com/xuess/puppeteer-sign/issues/2 (QQ Mail and NetEase with an authorization code)
    '0|main  | Error: Invalid login: 535 Error: authentication failed',
  ],
  'smtp-535-credentials-refused': [
    // https://github.com/gophish/gophish/issues/1665
    'Max connection attempts exceeded - 535 Authentication credentials invalid',
    // https://github.com/marcpope/borgbackupserver/issues/16
    'Failed: Authentication failed: 535 5.7.0 Invalid login or password',
  ],
  'exim-535-incorrect-authentication-data': [
    // https://github.com/muquit/mailsend/issues/74
    "Error: AUTH LOGIN failed: '535 Incorrect authentication data: authentication failed",
    // https://github.com/afterlogic/webmail-lite-8/issues/77
    '(535 Incorrect authentication data)',
  ],
  // Providers
  'yandex-smtp-tls-required': [
    // https://github.com/PHPMailer/PHPMailer/issues/283
    'SMTP -> ERROR: AUTH not accepted from server: 530 5.7.7 Email sending without SSL/TLS encryption is not allowed. Please see: http://help.yandex.ru/mail/mail-clients/ssl.xml',
  ],
  'yandex-smtp-looks-like-spam': [
    // https://github.com/higty/higlabo/pull/17
    '5.7.8 Error: authentication failed: Your message looks like spam. You need to use web for sending or prove you are not a robot using the following link http://ya.cc',
  ],
  'zoho-smtp-authentication-failed': [
    // https://github.com/nodemailer/nodemailer/issues/456
    ['SERVER 1:', '└──220 mx.zohomail.com SMTP Server ready July 7, 2015 8:18:44 AM PDT', 'SERVER 1:', '└──535 Authentication Failed'].join('\n'),
  ],
  'qq-smtp-invalid-input': [
    // https://github.com/gshang2017/docker/issues/18
    '[2020-03-02 07:40:10,127] ERROR {cps.worker:531} Error sending email: Invalid input from 113.87.161.252 to newxmesmtplogicsvrszb1.qq.com.',
  ],
  'qq-smtp-authorization-code': [
    // https://github.com/DesertsP/Valine-Admin/issues/86 (GBK shown as Latin-1)
    'Error: Invalid login: 535 Error: ÇëÊ¹ÓÃÊÚÈ¨ÂëµÇÂ¼¡£ÏêÇéÇë¿´: http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=28&&no=1001256',
    // https://github.com/pandolia/qqbot/issues/221 (Python bytes repr)
    "SMTPAuthenticationError: (535, 'Error: \\xc7\\xeb\\xca\\xb9\\xd3\\xc3\\xca\\xda\\xc8\\xa8\\xc2\\xeb\\xb5\\xc7\\xc2\\xbc\\xa1\\xa3\\xcf\\xea\\xc7\\xe9\\xc7\\xeb\\xbf\\xb4: http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=28&&no=1001256')",
  ],
  // SASL
  'xoauth2-error-status': [
    // https://github.com/emersion/go-imap/issues/213
    'XOAUTH2 authentication error (400)',
  ],
  'yandex-imap-authenticate-syntax-error': [
    // https://github.com/emersion/go-imap/issues/539
    'T2 BAD AUTHENTICATE Command syntax error. sc=KtaXGO0WxOs0_140955_imap-production-29',
  ],
  'sasl-mechanism-not-offered': [
    // https://github.com/basecamp/once/issues/12
    'SMTPAuthentificationError 504 Unknown mechanism <PLAIN>',
    // https://github.com/thunderbird/thunderbird-android/issues/9406
    'Command continuation aborted: #1# [NO, AUTHENTICATE mechanism not supported, mate]',
  ],
  'sasl-invalid-base64-response': [
    // https://github.com/ck-ws/pam-script-saml/issues/6
    '[ALERT] Invalid base64 data in initial response',
    // https://github.com/emersion/go-imap/issues/675
    ['C AUTHENTICATE PLAIN (nil)', '2025/03/19 08:48:41 handling AUTHENTICATE command: illegal base64 data at input byte 0'].join('\n'),
  ],
  'cyrus-sasl-authentication-failure': [
    // https://github.com/cyrusimap/cyrus-imapd/issues/2970
    'Jan 10 14:09:41 kolab imaps[11638]: badlogin: [127.0.0.1] unknown AUTHENTICATE+PLAIN+TLS [SASL(-13): authentication failure: Password verification failed]',
    // https://github.com/cyrusimap/cyrus-sasl/issues/785
    'S: A01 NO authentication failure',
  ],
  'sasl-error-challenge-decoded': [
    // https://github.com/curl/curl/issues/10259 (the reporter's decoding of the 334 challenge curl -v printed)
    '-> {"status":"invalid_request","scope":"https://mail.google.com/"}',
    // Gmail's challenge as decoders print it (the project's seed notes on failure strings)
    '{"status":"400","schemes":"Bearer","scope":"https://mail.google.com/"}',
  ],
  'm365-smtp-invalid-xoauth2-auth-data': [
    // https://github.com/tarickb/sasl-xoauth2/issues/110
    'Sep 10 01:29:09 host postfix/smtp[53043]: < smtp-hve.office365.com[130.107.37.108]:587: 501 5.5.124 Invalid XOAUTH2 auth data - User address provided is not valid. Please ensure the auth d',
  ],
  // TLS
  'tls-certificate-verify-failed': [
    // https://github.com/imapsync/imapsync/issues/476
    'ERROR: Unable to connect to imap.gmail.com: SSL connect attempt failed error:1416F086:SSL routines:tls_process_server_certificate:certificate verify failed at C:\\Users\\michel\\AppData\\Local\\Temp\\par-6d696368656c\\inc\\lib/Mail/IMAPClient.pm line 377.',
  ],
  'tls-server-plaintext-on-tls-port': [
    // https://github.com/docker-mailserver/docker-mailserver/issues/3351
    'May 17 10:35:53 mail dovecot: imap-login: Disconnected: Connection closed: SSL_accept() failed: error:1408F10B:SSL routines:ssl3_get_record:wrong version number (disconnected before auth was ready, waited 0 secs): user=<>, rip=x.x.x.x, lip=x.x.x.x, session=<j63/i9r73sPesspc>',
  ],
  'postfix-ssl-accept-error': [
    // https://github.com/docker-mailserver/docker-mailserver/issues/3351
    'May 17 10:37:59 mail postfix/smtps/smtpd[21250]: SSL_accept error from unknown[x.x.x.x]: Connection reset by peer',
  ],
};

/** Near misses: strings close to a new entry's wording that must get another (or no) answer. */
const NEAR_MISSES: { text: string; first: string | undefined; not: string[] }[] = [
  // SMTP clients say "AUTH LOGIN failed" for any server: not Exchange's IMAP "LOGIN failed".
  { text: "Error: AUTH LOGIN failed: '535 Incorrect authentication data", first: 'exim-535-incorrect-authentication-data', not: ['m365-imap-login-failed'] },
  // With its code, the AADSTS entry alone explains the codeless wordings.
  { text: "AADSTS7000218: The request body must contain the following parameter: 'client_assertion' or 'client_secret'.", first: 'aadsts7000218', not: ['entra-client-secret-required'] },
  { text: 'AADSTS70011: The provided value for the input parameter scope is not valid because it contains more than one resource.', first: 'aadsts70011', not: ['entra-scope-more-than-one-resource'] },
  // A token refused on XOAUTH2 stays a token problem, not a password one.
  { text: 'C: A1 AUTHENTICATE XOAUTH2 dXNlcj1h\nS: A1 NO AUTHENTICATE failed.', first: 'm365-imap-authenticate-failed', not: ['m365-imap-password-via-authenticate-plain'] },
  // Dovecot's own 535 wording keeps its entry; the generic credentials entry stays out.
  { text: '535 5.7.8 Authentication failed.', first: 'dovecot-smtp-authentication-failed', not: ['smtp-535-credentials-refused'] },
  // Zoho's IMAP wording (no space) is not Gmail's.
  { text: '2 NO [AUTHENTICATIONFAILED] Invalid credentials(Failure)', first: 'zoho-imap-invalid-credentials', not: ['gmail-imap-invalid-credentials'] },
  // A 535 Authentication Failed without any sign of Zoho is not blamed on Zoho.
  { text: 'Error: Invalid login: 535 Authentication Failed', first: 'smtp-535-credentials-refused', not: ['zoho-smtp-authentication-failed'] },
  // The client-side wrong version number keeps the client's explanation.
  { text: 'Error: 40F7:error:0A00010B:SSL routines:ssl3_get_record:wrong version number', first: 'tls-wrong-version-number', not: ['tls-server-plaintext-on-tls-port'] },
  // Exchange's SMTP wording of disabled basic authentication keeps its SMTP entry.
  { text: '535 5.7.139 Authentication unsuccessful, basic authentication is disabled.', first: 'm365-smtp-basic-auth-disabled', not: ['m365-basic-auth-disabled'] },
  // Without a failed login, an imapfilter timeout, a Go base64 error or a 401 of another API explain nothing.
  { text: 'imapfilter: timeout period expired while waiting to read data', first: undefined, not: ['imapfilter-login-timeout'] },
  { text: 'json: illegal base64 data at input byte 12', first: undefined, not: ['sasl-invalid-base64-response'] },
  { text: 'GET /api/v1/items -> urllib.error.HTTPError: HTTP Error 401: Unauthorized', first: undefined, not: ['oauth-token-endpoint-unauthorized'] },
];

describe('failure knowledge base: real strings of the second sweep (issue 14)', () => {
  it('lists only real entries, each with German text', () => {
    for (const id of Object.keys(REAL_WORLD_SAMPLES)) {
      assert.ok(
        KNOWLEDGE_BASE.some((e) => e.id === id),
        `${id} is no entry`,
      );
    }
    for (const id of Object.keys(REAL_WORLD_SAMPLES)) {
      const de = KNOWLEDGE_BASE_TRANSLATIONS.de[id];
      assert.ok(de && de.title && de.cause.length > 20 && de.fix.length > 20, `${id}: German text`);
    }
  });

  for (const { text, first, not } of NEAR_MISSES) {
    it(`near miss: ${text.replace(/\n/g, '⏎').slice(0, 80)} → ${first ?? 'nothing'}`, () => {
      const ids = (text.includes('\n') ? explain(text) : explainLine(text)).map((f) => f.id);
      assert.strictEqual(ids[0], first, ids.join(', '));
      for (const id of not) assert.ok(!ids.includes(id), `${id} in ${ids.join(', ')}`);
    });
  }

  it('decodes the base64 prompt Postfix echoes after "authentication failed:"', () => {
    const [f] = explainLine("Failed to send mails: (535, b'5.7.8 Error: authentication failed: UGFzc3dvcmQ6')");
    assert.strictEqual(f.id, 'smtp-error-authentication-failed');
    assert.match(f.cause, /"UGFzc3dvcmQ6" is base64 for "Password:"/);
    // Not every reason is base64: a plain word adds nothing.
    const [g] = explainLine('535 5.7.8 Error: authentication failed: Invalid format.');
    assert.strictEqual(g.id, 'smtp-error-authentication-failed');
    assert.doesNotMatch(g.cause, /is base64 for/);
  });
});
