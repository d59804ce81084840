// What client libraries and tools say when they wrap a mail or token failure in their own words:
// MSAL.NET, nodemailer, MailKit and curl.
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
];
