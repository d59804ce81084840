// SASL-level failures that do not belong to one protocol: the base64 JSON error challenge of
// XOAUTH2/OAUTHBEARER, refused mechanisms, clients that never answer, and Dovecot's auth log.
import { ACCEPT_HOOKS, DETAIL_HOOKS } from './hooks';
import { DOCS } from './docs';
import { Entry } from './types';

/** "+ eyJ...", "334 eyJ...", or a client's "server challenge: eyJ..." message. */
const CHALLENGE = /(?:\+ |334[ -])?(?<![A-Za-z0-9+/._])eyJ[A-Za-z0-9+/_-]{12,}={0,2}(?![A-Za-z0-9+/._=-])/;

export const SASL_ENTRIES: readonly Entry[] = [
  {
    id: 'gmail-error-challenge',
    title: 'Gmail rejected the token and sent an error challenge ({"status":"400",...,"scope":"https://mail.google.com/"})',
    cause:
      'Google answers a bad XOAUTH2 token with a base64 JSON challenge instead of a final NO/535: the token is expired or ' +
      'revoked, belongs to another account than user=, or lacks the scope https://mail.google.com/ named in the challenge.',
    fix:
      'Answer the challenge with an empty line to receive the final error (a client that waits instead hangs). Then request ' +
      'https://mail.google.com/, refresh the access token, and make user= the account that granted consent.',
    severity: 'error',
    source: 'sasl',
    provider: 'gmail',
    docs: [DOCS.googleXoauth2, DOCS.rfc7628Errors],
    keys: ['eyj'],
    pattern: CHALLENGE,
    accept: ACCEPT_HOOKS.gmailErrorChallenge,
    detail: DETAIL_HOOKS.errorChallengeFields,
    priority: 22,
  },
  {
    id: 'dovecot-error-challenge',
    title: 'Dovecot rejected the token and sent an error challenge ({"status":"401","schemes":"bearer","scope":"mail"})',
    cause:
      "Dovecot's oauth2 passdb refused the token (not a JWT, expired, wrong user claim, inactive at introspection) and, as " +
      'XOAUTH2/OAUTHBEARER require, sent a JSON error challenge before the final failure.',
    fix:
      'Answer with an empty line (XOAUTH2) or AQ== (OAUTHBEARER) to receive NO [AUTHENTICATIONFAILED]; the reason is in the ' +
      'server log line "oauth2 failed: ...".',
    severity: 'error',
    source: 'sasl',
    provider: 'dovecot',
    docs: [DOCS.dovecotOAuth2, DOCS.rfc7628Errors],
    keys: ['eyj'],
    pattern: CHALLENGE,
    accept: ACCEPT_HOOKS.dovecotErrorChallenge,
    detail: DETAIL_HOOKS.errorChallengeFields,
    priority: 21,
  },
  {
    id: 'oauthbearer-error-challenge',
    title: 'OAUTHBEARER error challenge (RFC 7628 status invalid_token / insufficient_scope / invalid_request)',
    cause:
      'The server rejected the bearer token and sent the RFC 7628 error JSON: invalid_token (expired, revoked, malformed or ' +
      'for another audience), insufficient_scope (see "scope"), or invalid_request (malformed GS2 header or user).',
    fix:
      'Send the single byte 0x01 (base64 AQ==) to finish the exchange and get the failure reply; then fix the token as the ' +
      'status says (the openid-configuration member, if present, tells where to get a new one).',
    severity: 'error',
    source: 'sasl',
    provider: 'generic',
    docs: [DOCS.rfc7628Errors],
    keys: ['eyj'],
    pattern: CHALLENGE,
    accept: ACCEPT_HOOKS.oauthbearerErrorChallenge,
    detail: DETAIL_HOOKS.errorChallengeFields,
    priority: 21,
  },
  {
    id: 'sasl-error-challenge',
    title: 'The server rejected the token and sent a base64 JSON error challenge',
    cause:
      'An XOAUTH2/OAUTHBEARER server sends {"status":...,"schemes":...,"scope":...} before failing: 400/401 mean the token ' +
      'was rejected (expired, revoked, wrong user or audience), 403 that it lacks the scope named in "scope".',
    fix:
      'Answer with an empty line (XOAUTH2) or AQ== (OAUTHBEARER); the server then sends its final failure. A client that does ' +
      'not answer hangs here. Then fix the token as the status says.',
    severity: 'error',
    source: 'sasl',
    provider: 'generic',
    docs: [DOCS.rfc7628Errors, DOCS.googleXoauth2],
    keys: ['eyj'],
    pattern: CHALLENGE,
    accept: ACCEPT_HOOKS.errorChallenge,
    detail: DETAIL_HOOKS.errorChallengeFields,
    priority: 10,
    fallback: true,
  },
  {
    id: 'sasl-unsupported-mechanism',
    title: 'The server does not offer this SASL mechanism (Unsupported authentication mechanism)',
    cause:
      'The client asked for a mechanism the server has not enabled (e.g. XOAUTH2 or OAUTHBEARER missing from the server, or ' +
      'the client library does not support the mechanisms the server lists).',
    fix:
      'Compare the CAPABILITY AUTH=... (IMAP), CAPA SASL (POP3) or 250-AUTH (SMTP) list with the mechanism the client uses. ' +
      'On Dovecot add it: auth_mechanisms = $auth_mechanisms xoauth2 oauthbearer, and list it in the oauth2 passdb mechanisms.',
    severity: 'error',
    source: 'sasl',
    provider: 'generic',
    docs: [DOCS.dovecotMechanisms, DOCS.rfc4954],
    keys: ['authenticat'],
    pattern: /Unsupported authentication mechanism(?:\(s\) detected)?\.?/i,
    priority: 15,
  },
  {
    id: 'imap-cannot',
    title: 'The IMAP server cannot perform this (NO [CANNOT])',
    cause:
      'RFC 5530 CANNOT: the operation can never succeed in this configuration, for example a SASL mechanism that is ' +
      'disabled or not allowed on this connection.',
    fix: 'Read the text after [CANNOT]; use a mechanism the server lists in CAPABILITY, or change the server configuration.',
    severity: 'error',
    source: 'imap',
    provider: 'generic',
    docs: [DOCS.rfc5530],
    keys: ['cannot'],
    pattern: /\bNO \[CANNOT\][^\r\n]{0,200}/,
    priority: 10,
  },
  {
    id: 'sasl-client-did-not-answer-challenge',
    title: "The client did not finish the SASL exchange (client didn't finish SASL auth)",
    cause:
      'The server sent a continuation (often the base64 JSON error challenge after a rejected token) and the client never ' +
      'answered, so both sides waited until the server gave up. Clients that treat the challenge as final hang here.',
    fix:
      'Answer a "+ eyJ..." / "334 eyJ..." challenge with an empty line (XOAUTH2) or AQ== (OAUTHBEARER); then fix the token ' +
      'the challenge complained about.',
    severity: 'warning',
    source: 'sasl',
    provider: 'dovecot',
    docs: [DOCS.rfc7628Errors, DOCS.dovecotOAuth2],
    keys: ['sasl'],
    pattern: /client didn't finish SASL auth(?:, waited \d{1,6} secs)?/,
    priority: 20,
  },
  {
    id: 'sasl-challenge-not-answered-timeout',
    title: 'The client timed out after an error challenge it never answered',
    cause:
      'The transcript has a base64 JSON error challenge ({"status":...}) and then a timeout: the client waited for a final ' +
      'NO/535 that the server only sends after the client answers the challenge, so both sides waited.',
    fix:
      'Make the client answer the challenge with an empty line (XOAUTH2) or AQ== (OAUTHBEARER) to receive the real failure; ' +
      'then fix the token the challenge complained about (decode it with Mail OAuth: Decode SASL String).',
    severity: 'error',
    source: 'sasl',
    provider: 'generic',
    docs: [DOCS.rfc7628Errors, DOCS.googleXoauth2],
    keys: ['etimedout', 'timeout', 'timed out'],
    pattern: /\b(?:ETIMEDOUT|[Ss]ocket timeout|Connection timeout|[Tt]imed out|[Tt]imeout)\b/,
    // Every error challenge starts with {"status": — in base64, eyJzdGF0dXMiOi.
    context: [/(?:\+ |334[ -])eyJzdGF0dXMiOi/],
    priority: 30,
    supersedes: ['net-etimedout'],
  },
  {
    id: 'dovecot-log-not-a-jwt',
    title: 'Dovecot: the token is not a JWT (Local validation failed: Not a JWT token)',
    cause:
      'The oauth2 passdb uses introspection_mode = local, which can only validate JWTs, but the client sent an opaque token ' +
      '(e.g. a Google ya29.* token or a Microsoft consumer token) or a damaged one.',
    fix:
      'Either send a JWT access token signed with a key in local_validation_key_dict, or switch Dovecot to ' +
      'introspection_mode = post/get with the provider\'s introspection_url.',
    severity: 'error',
    source: 'sasl',
    provider: 'dovecot',
    docs: [DOCS.dovecotOAuth2],
    keys: ['fail'],
    pattern: /oauth2 failed: Local validation failed: Not a JWT token/,
    priority: 20,
  },
  {
    id: 'dovecot-log-token-expired',
    title: 'Dovecot: the token has expired (Local validation failed: Token has expired)',
    cause: 'The JWT exp claim is in the past (or the server clock is ahead).',
    fix: 'Refresh the access token before connecting; check the server clock (NTP).',
    severity: 'error',
    source: 'sasl',
    provider: 'dovecot',
    docs: [DOCS.dovecotOAuth2],
    keys: ['fail'],
    pattern: /oauth2 failed: Local validation failed: Token has expired/,
    priority: 20,
  },
  {
    id: 'dovecot-log-username-mismatch',
    title: "Dovecot: the token's user claim does not match the SASL user",
    cause:
      "The claim named by username_attribute (e.g. email, sub, preferred_username) differs from the user in the SASL message " +
      '(user= in XOAUTH2, a= in OAUTHBEARER).',
    fix: 'Log in with the user the token was issued to, or set username_attribute to the claim that holds the mail address.',
    severity: 'error',
    source: 'sasl',
    provider: 'dovecot',
    docs: [DOCS.dovecotOAuth2],
    keys: ['fail'],
    pattern: /oauth2 failed: (?:Local validation|Introspection) failed: Username '[^'\r\n]{0,256}' did not match '[^'\r\n]{0,256}'/,
    priority: 20,
  },
  {
    id: 'dovecot-log-no-username',
    title: 'Dovecot: the introspection answer has no user name (No username returned)',
    cause:
      'The JSON that introspection_url returned has no member named by username_attribute: the endpoint (often a userinfo ' +
      'or introspection endpoint of Keycloak, Authentik or Authelia) leaves it out, e.g. because the token lacks the ' +
      'email/profile scope, or because the endpoint needs client authentication and answered with an empty result.',
    fix:
      'Request the scopes that put the claim in the answer (openid email profile), set username_attribute to a member the ' +
      'endpoint returns (email, preferred_username, sub), and for an RFC 7662 endpoint use introspection_mode = post with ' +
      'client credentials in introspection_url.',
    severity: 'error',
    source: 'sasl',
    provider: 'dovecot',
    docs: [DOCS.dovecotOAuth2],
    keys: ['fail'],
    pattern: /oauth2 failed: Introspection failed: No username returned/,
    priority: 20,
  },
  {
    id: 'dovecot-log-introspection-unreachable',
    title: 'Dovecot could not reach the token introspection endpoint',
    cause: 'The HTTP request to introspection_url failed (connection refused, DNS, TLS), so every OAuth login fails temporarily.',
    fix: 'Check introspection_url, that the endpoint is up and reachable from the Dovecot host, and the TLS CA settings for it.',
    severity: 'error',
    source: 'sasl',
    provider: 'dovecot',
    docs: [DOCS.dovecotOAuth2],
    keys: ['fail'],
    pattern: /oauth2 failed: Introspection failed: connect\([^)\r\n]{0,256}\) failed: [^\r\n]{0,160}/,
    priority: 20,
  },
  {
    id: 'dovecot-log-token-not-valid',
    title: 'Dovecot: the introspection endpoint says the token is not valid',
    cause:
      'The identity provider answered the introspection request with an inactive token (active_attribute did not have ' +
      'active_value): expired, revoked, issued by another provider, or the endpoint needs client authentication Dovecot did not send.',
    fix: 'Get a fresh token from the provider Dovecot introspects against; check active_attribute/active_value and the endpoint\'s own log.',
    severity: 'error',
    source: 'sasl',
    provider: 'dovecot',
    docs: [DOCS.dovecotOAuth2],
    keys: ['fail'],
    pattern: /oauth2 failed: Introspection failed: (?:Provided )?[Tt]oken is not valid/,
    priority: 20,
  },
  {
    id: 'dovecot-log-oauth2-failed',
    title: 'Dovecot oauth2 passdb refused the login (oauth2 failed)',
    cause: 'Dovecot logged why the token was refused after "oauth2 failed:".',
    fix: 'Read the reason; compare the token claims with username_attribute, active_attribute and the introspection settings.',
    severity: 'error',
    source: 'sasl',
    provider: 'dovecot',
    docs: [DOCS.dovecotOAuth2],
    keys: ['fail'],
    pattern: /\boauth2 failed: [^\r\n]{1,300}/,
    priority: 10,
    fallback: true,
  },
  {
    id: 'xoauth2-error-status',
    title: 'The server answered XOAUTH2 with an error challenge (XOAUTH2 authentication error (status))',
    cause:
      'The client library decoded the server\'s error challenge and shows its status. Gmail sends 400 for a token it ' +
      'refuses (expired, revoked, for another account) and for a token without the https://mail.google.com/ scope; 401 ' +
      'means the token is not valid.',
    fix:
      'Request https://mail.google.com/ (gmail.readonly and similar scopes do not work for IMAP), refresh the access token ' +
      'and make the user name the account that granted consent.',
    severity: 'error',
    source: 'sasl',
    provider: 'generic',
    docs: [DOCS.googleXoauth2, DOCS.rfc7628Errors],
    keys: ['authenticat'],
    pattern: /XOAUTH2 authentication error \(\d{3}\)/,
    priority: 20,
  },
  {
    id: 'yandex-imap-authenticate-syntax-error',
    title: 'Yandex does not offer this mechanism (BAD AUTHENTICATE Command syntax error)',
    cause:
      'Yandex answers AUTHENTICATE with a mechanism it does not offer, such as OAUTHBEARER, as a syntax error; its ' +
      'CAPABILITY lists only AUTH=PLAIN and AUTH=XOAUTH2.',
    fix:
      'Use AUTHENTICATE XOAUTH2 with a Yandex OAuth token, or PLAIN/LOGIN with an app password; only the mechanisms in ' +
      'the AUTH= list work.',
    severity: 'error',
    source: 'imap',
    provider: 'generic',
    docs: [DOCS.yandexClients],
    keys: ['authenticat'],
    pattern: /\bBAD AUTHENTICATE Command syntax error\.?(?: sc=[A-Za-z0-9_-]{1,80})?/,
    priority: 20,
  },
  {
    id: 'sasl-mechanism-not-offered',
    title: 'The server does not offer the mechanism the client chose (Unknown mechanism / mechanism not supported)',
    cause:
      'The client asked for a mechanism that is not in the server\'s list: AUTH PLAIN on a server that lists only LOGIN, ' +
      'or OAuth 2.0 (XOAUTH2, OAUTHBEARER) chosen in the client for a server that offers only passwords.',
    fix:
      'Choose a mechanism from the server\'s list (SMTP: the 250-AUTH line after STARTTLS; IMAP: AUTH= in CAPABILITY); in ' +
      'Thunderbird set the authentication method to one of them, e.g. "Normal password".',
    severity: 'error',
    source: 'sasl',
    provider: 'generic',
    docs: [DOCS.rfc4954, DOCS.dovecotMechanisms],
    keys: ['mechanism'],
    pattern: /\b504[ -](?:5\.\d\.\d{1,3} )?Unknown (?:authentication )?mechanism\b[^\r\n]{0,40}|\bAUTHENTICATE mechanism not supported\b[^\r\n\]]{0,20}/i,
    priority: 12,
  },
  {
    id: 'sasl-invalid-base64-response',
    title: 'The server could not base64-decode the client\'s SASL data (Invalid base64 data)',
    cause:
      'AUTHENTICATE needs the mechanism\'s message in base64; the client sent raw text (a user name, password or token in ' +
      'quotes), a placeholder such as (nil), or broken base64.',
    fix:
      'Send base64 of the whole message as one unquoted argument (XOAUTH2: base64("user=<address>^Aauth=Bearer <token>^A^A")); ' +
      'Mail OAuth: Encode XOAUTH2 builds it.',
    severity: 'error',
    source: 'sasl',
    provider: 'generic',
    docs: [DOCS.rfc4954, DOCS.dovecotMechanisms],
    keys: ['invalid', 'illegal base64'],
    pattern: /Invalid base64 data in (?:initial|continued) response|illegal base64 data at input byte \d{1,12}/,
    context: [/AUTHENTICATE|\bAUTH |SASL|base64 data in (?:initial|continued) response/i],
    priority: 20,
  },
  {
    id: 'cyrus-sasl-authentication-failure',
    title: 'Cyrus SASL refused the login (SASL(-13): authentication failure)',
    cause:
      'Cyrus IMAP\'s SASL layer (saslauthd or auxprop) refused the credentials: a wrong password, a user name without the ' +
      'realm or domain the password database expects (loginrealms, virtdomains), or saslauthd\'s backend (PAM, LDAP) ' +
      'refusing; with an OAuth plugin the token failed validation.',
    fix:
      'Test with testsaslauthd -u <user> -r <realm> -s imap and with imtest -a <user>; read the saslauthd lines in ' +
      'auth.log; check sasl_pwcheck_method, loginrealms and virtdomains in imapd.conf.',
    severity: 'error',
    source: 'imap',
    provider: 'generic',
    docs: [DOCS.cyrusSasl],
    keys: ['sasl', 'authenticat'],
    pattern: /\bSASL\(-13\): authentication failure(?:: [^\]\r\n]{1,120})?|\bNO authentication failure\b/,
    priority: 18,
  },
  {
    id: 'sasl-error-challenge-decoded',
    title: 'A SASL error challenge, already decoded ({"status": ..., "scope": ...})',
    cause:
      'The JSON the server sends instead of OK when it refuses an XOAUTH2 or OAUTHBEARER login, shown decoded by the tool. ' +
      'Status 400 or 401 (Gmail, Dovecot) and invalid_token mean the token was refused: expired, revoked, for another ' +
      'account or without the scope named in "scope"; invalid_request means the message itself was malformed (for ' +
      'example an XOAUTH2 string sent as OAUTHBEARER); insufficient_scope means the token lacks that scope.',
    fix:
      'Answer the challenge with an empty line (XOAUTH2) or AQ== (OAUTHBEARER) to receive the final reply; then get a ' +
      'fresh token with the scope named in the challenge for the account in the user field, or fix the message\'s format.',
    severity: 'error',
    source: 'sasl',
    provider: 'generic',
    docs: [DOCS.rfc7628Errors, DOCS.googleXoauth2],
    keys: ['"scope"'],
    pattern:
      /\{\s?"status":\s?"(?:400|401|403|invalid_token|invalid_request|insufficient_scope)"(?:,\s?"schemes":\s?"[^"\r\n]{0,40}")?,\s?"scope":\s?"[^"\r\n]{0,300}"(?:,\s?"openid-configuration":\s?"[^"\r\n]{0,300}")?\s?\}/,
    priority: 18,
  },
];
