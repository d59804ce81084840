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
    keys: ['authenticat', 'no form of'],
    pattern:
      /No compatible authentication mechanisms found|No known authentication mechanisms supported!?|No authentication mecha[a-z]{2,6} supported by both server and client|no form of authori[sz]ation supported/i,
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
    id: 'msal-identity-web-ui-required',
    title: 'Microsoft.Identity.Web: no cached account for the signed-in user (IDW10502, MsalUiRequiredException user_null)',
    cause:
      'The web app asked MSAL for a token silently, but its token cache holds no account for the user: the app restarted ' +
      'with an in-memory cache while the sign-in cookie survived, or consent for the requested scopes is missing.',
    fix:
      'Let Microsoft.Identity.Web challenge the user ([AuthorizeForScopes] on the controller or page, or ' +
      'MicrosoftIdentityConsentAndConditionalAccessHandler in Blazor) and use a distributed token cache ' +
      '(AddDistributedTokenCaches) so that tokens survive restarts.',
    severity: 'warning',
    source: 'identity',
    provider: 'microsoft',
    docs: [DOCS.msalNetTokenCache, DOCS.msalNetSilent],
    keys: ['msaluirequired', 'user_null'],
    pattern: /IDW10502: An MsalUiRequiredException was thrown due to a challenge for the user\.?|ErrorCode: user_null\b/,
    priority: 20,
  },
  {
    id: 'msal4j-jackson-conflict',
    title: 'MSAL4J could not parse a response: a Jackson version conflict (MsalClientException: com.fasterxml.jackson...)',
    cause:
      'MSAL4J parses the authority\'s discovery and token responses with Jackson; another dependency put an older ' +
      'jackson-databind on the classpath, so the classes MSAL4J expects cannot be built. No request reached the token endpoint.',
    fix:
      'Run mvn dependency:tree (or gradle dependencies) and align jackson-databind, jackson-core and jackson-annotations ' +
      'to the version MSAL4J declares or newer, e.g. with dependencyManagement.',
    severity: 'error',
    source: 'identity',
    provider: 'microsoft',
    docs: [DOCS.msal4j],
    keys: ['msal4j'],
    pattern: /com\.microsoft\.aad\.msal4j\.MsalClientException: com\.fasterxml\.jackson\.databind\.[A-Za-z]{1,60}Exception[^\r\n]{0,160}/,
    priority: 20,
  },
  {
    id: 'thunderbird-oauth-not-supported-for-provider',
    title: 'Thunderbird: OAuth 2.0 is not available for this server (not supported / not configured for this provider)',
    cause:
      'Thunderbird, Thunderbird for Android and K-9 Mail offer OAuth 2.0 only for servers in their built-in provider list, ' +
      'matched by host name. The host entered (an alias such as mail.messagingengine.com, or a custom domain) is not in the ' +
      'list, or the provider offers no OAuth to third-party clients.',
    fix:
      'Use the host names the provider documents: Fastmail imap.fastmail.com and smtp.fastmail.com, Microsoft ' +
      'outlook.office365.com and smtp.office365.com, Gmail imap.gmail.com and smtp.gmail.com. For a provider without OAuth ' +
      'use an app password with "Normal password".',
    severity: 'error',
    source: 'general',
    provider: 'generic',
    docs: [DOCS.thunderbirdAutoconfig],
    keys: ['oauth 2.0'],
    pattern: /OAuth 2\.0 is (?:currently not supported|not configured) (?:with|for) this provider\.?/i,
    priority: 20,
  },
  {
    id: 'thunderbird-android-no-oauth-token-provider',
    title: 'Thunderbird for Android: no OAuth sign-in for this server in this account (No OAuth2TokenProvider available)',
    cause:
      'A server of this account is set to OAuth 2.0, but the app has no OAuth sign-in for it in this account: typically ' +
      'the outgoing server belongs to another account (an account sending through Gmail\'s SMTP), and OAuth tokens are ' +
      'kept per account.',
    fix:
      'Open the account\'s outgoing (or incoming) server settings, choose OAuth 2.0 and sign in there, or send through the ' +
      'SMTP server of the account\'s own provider (or with an app password).',
    severity: 'error',
    source: 'general',
    provider: 'generic',
    docs: [DOCS.thunderbirdAutoconfig],
    keys: ['oauth2tokenprovider'],
    pattern: /No OAuth2TokenProvider available/i,
    priority: 20,
  },
  {
    id: 'imap-client-aborted-authenticate',
    title: 'The client cancelled the XOAUTH2 exchange after an error challenge (Client aborted AUTHENTICATE command)',
    cause:
      'Gmail\'s reply when the client answered its error challenge (+ eyJ...) with "*" instead of an empty line: the ' +
      'token was refused or there was none. offlineimap does this when auth_mechanisms lists XOAUTH2 (its default) without ' +
      'oauth2 settings, and then falls back to the next mechanism.',
    fix:
      'For a password or app password set auth_mechanisms = LOGIN (or PLAIN) in the repository; for OAuth set ' +
      'oauth2_client_id, oauth2_client_secret, oauth2_refresh_token and oauth2_request_url. With -d imap the challenge ' +
      'can be decoded to see why the token was refused.',
    severity: 'warning',
    source: 'sasl',
    provider: 'gmail',
    docs: [DOCS.googleXoauth2, DOCS.rfc7628Errors],
    keys: ['authenticat'],
    pattern: /Client aborted AUTHENTICATE command\.?/,
    priority: 20,
  },
  {
    id: 'offlineimap-oauth2-settings-missing',
    title: 'offlineimap: XOAUTH2 is enabled but its oauth2 settings are missing',
    cause:
      'The repository uses XOAUTH2 (auth_mechanisms lists it, or its default does) but lacks the settings offlineimap ' +
      'needs to get a token, so the sync stops before logging in.',
    fix:
      'Add oauth2_request_url (https://accounts.google.com/o/oauth2/token for Gmail, ' +
      'https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token for Microsoft), oauth2_client_id, oauth2_client_secret ' +
      'and oauth2_refresh_token, or remove XOAUTH2 from auth_mechanisms.',
    severity: 'error',
    source: 'general',
    provider: 'generic',
    docs: [DOCS.googleXoauth2],
    keys: ['oauth2_'],
    pattern: /No remote oauth2_[a-z_]{1,40} for repository '[^'\r\n]{1,200}' specified\.?/,
    priority: 20,
  },
  {
    id: 'cyrus-sasl-no-worthy-mechs',
    title: 'Cyrus SASL has no plugin for the mechanism (SASL: No worthy mechs found / xoauth2 unavailable)',
    cause:
      'The program handed the mechanism to Cyrus SASL (libsasl2), which has no plugin for it. mutt and NeoMutt do ' +
      'OAUTHBEARER and XOAUTH2 themselves only when imap_oauth_refresh_command (or smtp_ / pop_) is set; otherwise they ' +
      'ask Cyrus SASL, which usually has no XOAUTH2 plugin.',
    fix:
      'Set imap_authenticators="oauthbearer:xoauth2" and imap_oauth_refresh_command="mutt_oauth2.py <token file>" (and the ' +
      'smtp_ and pop_ settings), or install a Cyrus XOAUTH2 plugin and check that pluginviewer lists it.',
    severity: 'error',
    source: 'sasl',
    provider: 'generic',
    docs: [DOCS.neomuttGuide, DOCS.cyrusSasl],
    keys: ['sasl', 'unavailable'],
    pattern: /\bSASL: No worthy mechs found\b|\b(?:xoauth2|oauthbearer) unavailable\b/i,
    priority: 12,
  },
  {
    id: 'mutt-oauth-refresh-command-empty',
    title: 'NeoMutt: the OAuth refresh command printed no token (Command returned empty string)',
    cause:
      'NeoMutt ran imap_oauth_refresh_command (or smtp_ / pop_) and it printed nothing, so no token was sent: the script ' +
      'failed (expired refresh token, missing token file, wrong path) or waited for input.',
    fix:
      'Run the command by hand: it must print only the access token. If the refresh token expired, authorize the token ' +
      'file again (mutt_oauth2.py <token file> --authorize).',
    severity: 'error',
    source: 'general',
    provider: 'generic',
    docs: [DOCS.neomuttGuide],
    keys: ['getoauthbearer'],
    pattern: /mutt_account_getoauthbearer\(\)[^\r\n]{0,20}?Command returned empty string/,
    priority: 20,
  },
  {
    id: 'imap-clientbug-invalid-tag',
    title: 'Gmail could not read a line as a command ([CLIENTBUG] Invalid tag)',
    cause:
      'The client sent a line outside any command, for example the \\x01 or empty line that only answers an error ' +
      'challenge, after the server had already finished the login (NeoMutt did this after a successful OAUTHBEARER login ' +
      'until 2019).',
    fix: 'Update the client; in your own client send the \\x01 or empty answer only in reply to a "+ " challenge.',
    severity: 'warning',
    source: 'imap',
    provider: 'gmail',
    docs: [DOCS.rfc7628Errors],
    keys: ['invalid'],
    pattern: /\[CLIENTBUG\] Invalid tag/,
    priority: 20,
  },
  {
    id: 'jakarta-mail-no-password',
    title: 'Jakarta Mail did not try to log in: no password (or token) was given (failed to connect, no password specified?)',
    cause:
      'connect() got a null or empty password, so Jakarta Mail gave up before authenticating. With OAuth the access ' +
      'token is passed as the password, so the token was not obtained or not passed on.',
    fix:
      'Set mail.imap.auth.mechanisms (or mail.smtp.auth.mechanisms) to XOAUTH2 and call connect(host, user, accessToken) ' +
      'with a non-empty token for the same user; for SMTP also set mail.smtp.auth to true.',
    severity: 'error',
    source: 'general',
    provider: 'generic',
    docs: [DOCS.angusMailOAuth2],
    keys: ['password'],
    pattern: /AuthenticationFailedException: failed to connect, no password specified\??/,
    priority: 20,
  },
  {
    id: 'jakarta-mail-pop3-no-reply',
    title: 'Angus Mail (Jakarta Mail) got no reply from the POP3 server (Cannot read field "ok" because "this.resp" is null)',
    cause:
      'The POP3 client received no answer to its command: the connection was closed, or the read or write timeout ' +
      '(mail.pop3s.timeout, mail.pop3s.writetimeout) passed first. The library reports it as an ' +
      'AuthenticationFailedException with this NullPointerException text; the server gave no reason.',
    fix:
      'Enable mail.debug to see which command got no reply; raise the timeouts, check proxies and firewalls, and retry; ' +
      'repeated drops right after AUTH point to the server throttling the account.',
    severity: 'warning',
    source: 'pop3',
    provider: 'generic',
    docs: [DOCS.angusMailOAuth2],
    keys: ['cannot'],
    pattern: /Cannot read field "ok" because "this\.resp" is null/,
    priority: 20,
  },
  {
    id: 'mailkit-authentication-failed',
    title: 'MailKit: the server refused the login (MailKit.Security.AuthenticationException)',
    cause:
      'The exception only says that the server refused the login; its words are MailKit\'s. With Exchange Online the ' +
      'usual reasons are a token for the wrong resource (Graph scopes instead of ' +
      'https://outlook.office.com/IMAP.AccessAsUser.All), a missing IMAP or SMTP permission, or, for app-only tokens, a ' +
      'service principal without permission on the mailbox.',
    fix:
      'Create the client with a ProtocolLogger (new ImapClient(new ProtocolLogger("imap.log"))) and explain the server\'s ' +
      'reply in that log; decode the access token and compare aud, scp or roles and the user name with the mailbox.',
    severity: 'error',
    source: 'general',
    provider: 'generic',
    docs: [DOCS.msOAuthImapPopSmtp],
    keys: ['authenticat'],
    pattern: /MailKit\.Security\.AuthenticationException(?:: Authentication failed\.?)?/,
    priority: 8,
    fallback: true,
  },
  {
    id: 'logic-apps-office365-personal-account',
    title: 'Office 365 Outlook connector with a personal account (O365 discovery endpoint returned status code 401)',
    cause:
      'The Office 365 Outlook connector of Logic Apps and Power Automate works only with work or school accounts of ' +
      'Microsoft 365; a personal Outlook.com or Hotmail account has no Office 365 discovery endpoint, so sign-in fails.',
    fix:
      'Use the Outlook.com connector for a personal account, or sign the Office 365 Outlook connection in with a Microsoft ' +
      '365 work account.',
    severity: 'error',
    source: 'identity',
    provider: 'microsoft',
    docs: [DOCS.logicAppsOutlookCom],
    keys: ['unauthorized'],
    pattern: /O365 discovery endpoint returned status code 401 \(Unauthorized\)/,
    priority: 20,
  },
  {
    id: 'fetchmail-upgrade-to-tls-failed',
    title: 'fetchmail: the server refused STARTTLS (upgrade to TLS failed)',
    cause:
      'fetchmail tried STLS or STARTTLS, which it does by default when the server seems to offer it, and the server ' +
      'refused: a local proxy\'s plain port (such as email-oauth2-proxy), or a port that is already TLS. It did not log in.',
    fix:
      'For a plain local proxy set sslproto \'\' on that poll entry; for port 995 or 993 use ssl instead; otherwise make ' +
      'the server offer STARTTLS.',
    severity: 'error',
    source: 'tls',
    provider: 'generic',
    docs: [DOCS.fetchmail],
    keys: ['fail'],
    pattern: /fetchmail: [^\r\n:]{1,253}: upgrade to TLS failed\.?/,
    priority: 20,
  },
  {
    id: 'imapfilter-login-timeout',
    title: 'imapfilter: the login got no answer before the timeout (usually an incorrect OAuth2 string)',
    cause:
      'imapfilter sent its login and the server did not answer within options.timeout. With oauth2 = ..., Gmail then ' +
      'waits for the client\'s answer to an error challenge: the OAuth2 string or its token is wrong.',
    fix:
      'Build the string as base64("user=<address>^Aauth=Bearer <access token>^A^A") with a fresh token (check it with Mail ' +
      'OAuth: Decode SASL String) and give it as the account\'s oauth2 value.',
    severity: 'error',
    source: 'sasl',
    provider: 'generic',
    docs: [DOCS.googleXoauth2, DOCS.rfc7628Errors],
    keys: ['timeout'],
    pattern: /timeout period expired while waiting to read data/,
    context: [/login request to \S{1,320} failed/],
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
