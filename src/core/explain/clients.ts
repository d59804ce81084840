// What client libraries and tools say when they wrap a mail or token failure in their own words:
// MSAL.NET, nodemailer, MailKit, curl, mbsync, msmtp, fetchmail, and Dovecot's login summaries.
import { DOCS } from './docs';
import { Entry } from './types';

export const CLIENT_ENTRIES: readonly Entry[] = [
  {
    id: 'msal-net-ui-required-no-account',
    title: 'MSAL: no account in the token cache for a silent request (MsalUiRequiredException)',
    cause:
      'AcquireTokenSilent was called without an account or login hint, or with one the cache does not hold: the cache is ' +
      'not persisted between runs, the account signed in with other scopes or authority, or a web app lost its session.',
    fix:
      'Catch MsalUiRequiredException and fall back to AcquireTokenInteractive or the device code flow; persist the token ' +
      'cache, and pass the IAccount from GetAccountsAsync() of the same client application.',
    severity: 'warning',
    source: 'identity',
    provider: 'microsoft',
    docs: [DOCS.msalNetSilent],
    keys: ['login'],
    pattern: /No account or login hint was passed to the AcquireTokenSilent call\.?|No account was found in the token cache having this login hint\.?/i,
    priority: 20,
  },
  {
    id: 'nodemailer-cannot-create-access-token',
    title: "nodemailer could not get an access token (Can't create new access token for user)",
    cause:
      'nodemailer has no valid accessToken and cannot refresh one: the transport lacks refreshToken, clientId or clientSecret ' +
      '(or they sit outside auth: {type: "OAuth2", ...}), or the token endpoint refused the refresh (the error before this ' +
      'one, e.g. invalid_grant, names the reason).',
    fix:
      'Give auth {type: "OAuth2", user, clientId, clientSecret, refreshToken} (or a fresh accessToken with expires), using the ' +
      'client id that issued the refresh token; listen to the "token" event to store new tokens.',
    severity: 'error',
    source: 'smtp',
    provider: 'generic',
    docs: [DOCS.nodemailerOAuth2],
    keys: ['access token'],
    pattern: /Can't create new access token for user/i,
    priority: 20,
  },
  {
    id: 'client-no-compatible-mechanism',
    title: 'The client found no authentication mechanism it shares with the server',
    cause:
      'The server\'s capability list (AUTH=... in IMAP, 250-AUTH in SMTP) has no mechanism the client is allowed to use: ' +
      'XOAUTH2/OAUTHBEARER was removed or not requested, the server offers none before STARTTLS, or it offers no AUTH at all.',
    fix:
      'Look at the capability list the server sent after TLS; authenticate with an explicit OAuth mechanism (MailKit: ' +
      'Authenticate(new SaslMechanismOAuth2(user, token)); curl: --login-options AUTH=XOAUTH2 with --oauth2-bearer) and ' +
      'use STARTTLS or implicit TLS first.',
    severity: 'error',
    source: 'sasl',
    provider: 'generic',
    docs: [DOCS.rfc4954, DOCS.curlErrors],
    keys: ['authenticat'],
    pattern: /No compatible authentication mechanisms found|No known authentication mechanisms supported!?/i,
    priority: 20,
  },
  {
    id: 'curl-login-denied',
    title: 'curl: (67) Login denied',
    cause:
      'curl\'s exit code 67 (CURLE_LOGIN_DENIED) only says that the server refused the login; the server\'s reply just ' +
      'before it (with -v) names the reason: a rejected token or password, or an OAUTHBEARER message the server cannot use.',
    fix:
      'Run again with -v and explain the server\'s last reply; for Gmail and Microsoft use --login-options AUTH=XOAUTH2 with ' +
      '--oauth2-bearer <token> and --user <address>.',
    severity: 'error',
    source: 'general',
    provider: 'generic',
    docs: [DOCS.curlErrors],
    keys: ['login'],
    pattern: /curl: \(67\) Login denied|\bCURLE_LOGIN_DENIED\b/,
    priority: 8,
    // Ranks below the server's reply, which says why.
    fallback: true,
  },
  {
    id: 'mbsync-more-steps-after-sasl',
    title: 'mbsync: "IMAP wants more steps despite successful SASL authentication" (the server rejected the token)',
    cause:
      'The server answered the XOAUTH2 login with an error challenge (its base64 JSON, visible with mbsync -Dn) instead of OK: ' +
      'the token was refused (expired, for another account or scope, or not a token at all). The Cyrus SASL XOAUTH2 plugin ' +
      'considers its one step done and cannot answer the challenge, so mbsync stops with this message. A plugin built ' +
      'against another libsasl2 (after an upgrade) fails the same way.',
    fix:
      'Run mbsync -V -Dn and decode the "+ eyJ..." line after AUTHENTICATE; make PassCmd print a fresh access token for the ' +
      'User of the account (Gmail scope https://mail.google.com/, Microsoft IMAP.AccessAsUser.All). With an app password ' +
      'use AuthMechs LOGIN instead of XOAUTH2; after a system upgrade rebuild the SASL plugin.',
    severity: 'error',
    source: 'sasl',
    provider: 'generic',
    docs: [DOCS.mbsync, DOCS.rfc7628],
    keys: ['sasl'],
    pattern: /IMAP wants more steps despite successful SASL authentication\.?/i,
    priority: 20,
  },
  {
    id: 'sasl-plugin-callback-missing',
    title: 'Cyrus SASL could not run the XOAUTH2 plugin (Unable to find a callback: 18948)',
    cause:
      'The XOAUTH2 plugin asked libsasl2 for the token through a callback (18948) that the program did not register: usually ' +
      'mbsync linked against macOS\'s built-in SASL library, or a plugin built for another libsasl2. No request reached the server.',
    fix:
      'Install Cyrus SASL and the XOAUTH2 plugin from the same source (Homebrew, MacPorts, nix or the distribution) and ' +
      'use an isync built against that libsasl2; check with "pluginviewer" (saslpluginviewer) that XOAUTH2 is listed.',
    severity: 'error',
    source: 'sasl',
    provider: 'generic',
    docs: [DOCS.mbsync],
    keys: ['sasl'],
    pattern: /SASL\(-1\): generic failure: Unable to find a callback: \d+/i,
    priority: 25,
    supersedes: ['postfix-sasl-plugin-failed'],
  },
  {
    id: 'msmtp-authentication-failed',
    title: 'msmtp: authentication failed (the server\'s message follows)',
    cause:
      'msmtp only reports that the server refused the login with this method; the next line ("server message: ...") holds ' +
      'the server\'s reply, which names the reason.',
    fix:
      'Explain the "server message" line; for XOAUTH2/OAUTHBEARER make passwordeval print a fresh access token for the "user" ' +
      'of the account, and run msmtp --debug to see the exchange.',
    severity: 'error',
    source: 'smtp',
    provider: 'generic',
    docs: [DOCS.msmtp],
    keys: ['authenticat'],
    pattern: /msmtp: authentication failed \(method [A-Z0-9_-]{1,20}\)/i,
    priority: 8,
    fallback: true,
  },
  {
    id: 'fetchmail-authorization-failure',
    title: 'fetchmail: Authorization failure (the server refused the login)',
    cause:
      'fetchmail gave up logging in; the server\'s reply on the lines before ("POP3< -ERR ...", "IMAP< ... NO ...") names the ' +
      'reason: a wrong password or token, or a mechanism the server does not offer.',
    fix:
      'Read the server reply before this line (fetchmail -v shows it); with OAuth use "auth oauthbearer" (fetchmail 6.5 and ' +
      'later) with a fresh access token as the password, otherwise the auth method the server lists.',
    severity: 'error',
    source: 'general',
    provider: 'generic',
    docs: [DOCS.fetchmail],
    keys: ['fail'],
    pattern: /Authorization failure on \S{1,320}/i,
    priority: 8,
    fallback: true,
  },
  {
    id: 'dovecot-login-auth-failed',
    title: 'Dovecot login summary: the client disconnected after a failed authentication',
    cause:
      'imap-login, pop3-login or submission-login logs how a connection ended; "auth failed, N attempts" means every ' +
      'login on it was refused. The reason is in the auth process\'s lines just before, with the same session: "oauth2 ' +
      'failed: ..." (token expired, not valid, no username, introspection failed).',
    fix:
      'Look at the auth: lines of this session above (auth_verbose = yes, auth_debug = yes show them) and explain those.',
    severity: 'warning',
    source: 'imap',
    provider: 'dovecot',
    docs: [DOCS.dovecotOAuth2],
    keys: ['fail'],
    pattern: /\(auth failed, \d{1,6} attempts? in \d{1,6} secs\)(?:: user=<[^>\r\n]{0,320}>(?:, method=[A-Z0-9-]{1,20})?)?/,
    priority: 8,
    fallback: true,
  },
  {
    id: 'dovecot-submission-relay-unreachable',
    title: "Dovecot submission could not reach its relay server (Failed to connect to relay server)",
    cause:
      'The login worked: Dovecot\'s submission service accepted the client, but it forwards every message to the SMTP server ' +
      'in submission_relay_host/submission_relay_port, and that server refused or did not answer the connection.',
    fix:
      'Set submission_relay_host and submission_relay_port to a running MTA (for example Postfix on 127.0.0.1:25, with ' +
      'submission_relay_trusted = yes where it must accept the mail for relaying) and check it is reachable from Dovecot.',
    severity: 'error',
    source: 'smtp',
    provider: 'dovecot',
    docs: [DOCS.dovecotSubmission],
    keys: ['fail'],
    pattern: /Failed to connect to relay server(?: \(connect\))?|submission\([^)\r\n]{0,320}\)[^:\r\n]{0,80}: Error: smtp-client: conn \S{1,80} \[\d{1,6}\]: connect\(\S{1,80}\) failed: [^\r\n]{0,80}/i,
    priority: 20,
  },
  {
    id: 'jakarta-mail-oauth2-asked-for-more',
    title: 'Jakarta Mail: the server answered XOAUTH2 with a challenge (OAUTH2 asked for more)',
    cause:
      'Jakarta Mail (JavaMail) sends AUTH XOAUTH2 with the token and expects 235; it got a 334 continuation instead, which ' +
      'for XOAUTH2 is the server\'s error challenge: the token was refused (expired, wrong scope or audience, or issued for ' +
      'another user than the one given to connect()). Jakarta Mail does not answer the challenge and gives up, so the ' +
      'server\'s final 535 never shows.',
    fix:
      'Decode the 334 challenge just above (hover it): it names the status and the scope the server wants. Get a fresh ' +
      'access token for the right scope (Microsoft: https://outlook.office.com/SMTP.Send; Google: https://mail.google.com/) ' +
      'for the same user you pass to Transport.connect(), and pass the token itself as the password.',
    severity: 'error',
    source: 'smtp',
    provider: 'generic',
    docs: [DOCS.jakartaMailOAuth2, DOCS.rfc4954],
    keys: ['asked for more', 'fail'],
    pattern: /OAUTH2 asked for more|AUTH XOAUTH2 failed, THROW:?/i,
    priority: 20,
  },
  {
    id: 'phpmailer-could-not-authenticate',
    title: 'PHPMailer: SMTP Error: Could not authenticate',
    cause:
      'PHPMailer\'s summary of a refused SMTP AUTH; the server\'s own reply is in the SERVER -> CLIENT line before it ' +
      '(SMTPDebug = 2 or more shows it). With AuthType XOAUTH2 a "334 eyJ..." reply means the token was refused: PHPMailer ' +
      'treats the error challenge as the failure and does not answer it. With a password it is a wrong or app-less ' +
      'password, or SMTP AUTH disabled for the mailbox.',
    fix:
      'Set $mail->SMTPDebug = 2 and read the server\'s reply to AUTH (hover it). For XOAUTH2 give setOAuth() a provider ' +
      'whose token is current, has the SMTP scope and belongs to the user in $mail->Username/the From address; for ' +
      'passwords use an app password or the method the server offers.',
    severity: 'error',
    source: 'smtp',
    provider: 'generic',
    docs: [DOCS.phpmailerTroubleshooting, DOCS.rfc4954],
    keys: ['could not authenticate'],
    pattern: /SMTP Error: Could not authenticate\.?/i,
    priority: 20,
  },
  {
    id: 'nodemailer-user-failed-to-authenticate',
    title: 'nodemailer: the user failed to authenticate',
    cause:
      'nodemailer\'s logger line after the server refused every AUTH attempt of this connection; the server\'s reply is ' +
      'in the S: lines just before. With an access token and no refresh credentials nodemailer retries once with the same ' +
      'token ("Reusing existing access token (no refresh capability)"), so an expired token fails twice.',
    fix:
      'Read (hover) the server\'s reply above. Give auth {type: "OAuth2", user, clientId, clientSecret, refreshToken} so ' +
      'nodemailer can get a new token, or pass a fresh accessToken with its expires time; the user must be the token\'s account.',
    severity: 'error',
    source: 'smtp',
    provider: 'generic',
    docs: [DOCS.nodemailerOAuth2],
    keys: ['failed to authenticate'],
    pattern: /User "[^"\r\n]{0,320}" failed to authenticate/,
    priority: 20,
  },
];
