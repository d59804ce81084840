// What Google's and Keycloak's endpoints, and the mail servers that validate their tokens (Gmail, Dovecot's
// oauth2 passdb, Stalwart), say when an OpenID sign-in or a token login fails. Extends the Google entries of
// identity.ts (invalid_grant "Token has been expired or revoked", admin_policy_enforced, redirect_uri_mismatch,
// the OOB policy page) with the variants those miss; every sample and its source is in test/unit/openidExplain.test.ts.
import { DOCS } from './docs';
import { Entry } from './types';


const GOOGLE: readonly Entry[] = [
  {
    id: 'google-invalid-grant-jwt-clock',
    title: 'Google refused a service account\'s JWT: Invalid JWT (the clock is off)',
    cause:
      'A service account signs a JWT with its key and exchanges it at https://oauth2.googleapis.com/token; Google refuses it ' +
      'when iat and exp are not within an hour of Google\'s time. Almost always the clock of the machine that signed it is wrong ' +
      '(a VM or container without time synchronisation, a laptop resumed from sleep).',
    fix: 'Synchronise the clock (timedatectl set-ntp true, w32tm /resync, restart the container host\'s time sync) and sign a new JWT.',
    severity: 'error',
    source: 'identity',
    provider: 'gmail',
    docs: [DOCS.googleServiceAccount],
    keys: ['short-lived'],
    pattern: /Invalid JWT: Token must be a short-lived token \(60 minutes\)[^\r\n"]{0,200}/i,
    priority: 20,
    supersedes: ['oauth-invalid-grant'],
  },
  {
    id: 'google-invalid-grant-malformed-code',
    title: 'Google refused the authorization code (invalid_grant: Malformed auth code.)',
    cause:
      'The code sent to the token endpoint is not the one Google returned: it was cut, double URL-encoded (4%2F0A… instead of ' +
      '4/0A…), copied with extra characters, or it is not an authorization code at all (a refresh token or a test value).',
    fix: 'Send the code parameter of the redirect exactly once URL-decoded (it starts 4/0A), within minutes, with the same redirect_uri and PKCE verifier.',
    severity: 'error',
    source: 'identity',
    provider: 'gmail',
    docs: [DOCS.googleOAuth2],
    keys: ['malformed auth code'],
    pattern: /Malformed auth code\.?/i,
    priority: 20,
    supersedes: ['oauth-invalid-grant'],
  },
  {
    id: 'google-service-account-unauthorized-client',
    title: 'Google: the service account may not impersonate users for this scope (unauthorized_client)',
    cause:
      'A service account asked for a token for a user (the sub / subject of domain-wide delegation) with a scope such as ' +
      'https://mail.google.com/ that the Workspace admin has not granted to its client ID; or delegation is configured for a ' +
      'different client ID (the numeric OAuth2 client ID of the service account, not its e-mail address).',
    fix:
      'Google Admin console → Security → Access and data control → API controls → Manage Domain Wide Delegation: add the service ' +
      'account\'s numeric client ID with exactly the scopes requested (https://mail.google.com/ for IMAP, POP and SMTP); changes can take a while to apply.',
    severity: 'error',
    source: 'identity',
    provider: 'gmail',
    docs: [DOCS.googleServiceAccount, DOCS.googleXoauth2],
    keys: ['unauthorized to retrieve access tokens'],
    pattern: /Client is unauthorized to retrieve access tokens using this method[^\r\n"]{0,120}/i,
    priority: 22,
    supersedes: ['oauth-unauthorized-client'],
  },
  {
    id: 'gmail-service-account-without-delegation',
    title: 'Gmail refused a service account token: no user was impersonated (domain-wide delegation)',
    cause:
      'The transcript uses a service account (…iam.gserviceaccount.com). Its own token opens no mailbox: Gmail accepts a service ' +
      'account only with domain-wide delegation, for a token requested with the user as subject (sub) and the scope ' +
      'https://mail.google.com/, and only for Google Workspace users (never @gmail.com accounts).',
    fix:
      'Grant domain-wide delegation for the service account\'s client ID with https://mail.google.com/ (Admin console → Security → ' +
      'API controls), request the token with the mailbox as subject (subject=/with_subject/createDelegated), and send that address in user=.',
    severity: 'error',
    source: 'imap',
    provider: 'gmail',
    docs: [DOCS.googleServiceAccount, DOCS.googleXoauth2],
    keys: ['authenticat', 'lookup failed', '5.7.'],
    pattern: /\[AUTHENTICATIONFAILED\] Invalid credentials \(Failure\)|\bNO Lookup failed\b[^\r\n]{0,40}|\bLookup failed [a-z0-9]{1,12}mb\d{5,}[a-z0-9]{2,8}\b|5\.7\.8 Username and Password not accepted/i,
    // Only the fixed suffix: a leading [a-z0-9-]+@ would rescan a long run of letters from every position.
    context: [/\.iam\.gserviceaccount\.com\b/i],
    priority: 32,
    supersedes: ['gmail-imap-invalid-credentials', 'gmail-smtp-bad-credentials', 'gmail-lookup-failed'],
  },
  {
    id: 'gmail-lookup-failed',
    title: 'Gmail found no mailbox for the token (NO Lookup failed)',
    cause:
      'Gmail accepted the token itself but could not match it to the mailbox: the token was issued without the scope ' +
      'https://mail.google.com/ (gmail.readonly and other Gmail API scopes do not open IMAP), the user= field names another ' +
      'account than the one that signed in, or it is a service account token without an impersonated user.',
    fix: 'Request https://mail.google.com/ and sign in again; put the address of the account that signed in into user=; for a service account use domain-wide delegation with the user as subject.',
    severity: 'error',
    source: 'imap',
    provider: 'gmail',
    docs: [DOCS.googleXoauth2, DOCS.googleGmailScopes],
    keys: ['lookup failed'],
    // Gmail's reply carries a request id ("NO Lookup failed o132mb1614466vkc"); "DNS lookup failed" or Dovecot's
    // "userdb lookup failed" are not this.
    pattern: /\bNO Lookup failed\b[^\r\n]{0,40}|\bLookup failed [a-z0-9]{1,12}mb\d{5,}[a-z0-9]{2,8}\b/i,
    priority: 20,
  },
  {
    id: 'google-device-flow-mail-scope',
    title: 'Google refuses the Gmail scope on the device flow (invalid_scope: Invalid device flow scope)',
    cause:
      'Google\'s device authorization grant (for TVs and limited-input devices) allows only a short list of scopes; ' +
      'https://mail.google.com/ and the other Gmail scopes are not on it, so the request fails before any sign-in, whatever the client.',
    fix: 'Use the authorization code flow with a loopback redirect (a Desktop app client; over SSH forward the loopback port), not the device code flow, for Gmail.',
    severity: 'error',
    source: 'identity',
    provider: 'gmail',
    docs: [DOCS.googleDeviceScopes, DOCS.googleNativeApp],
    keys: ['device flow scope'],
    pattern: /Invalid device flow scope:?[^\r\n"]{0,200}/i,
    priority: 22,
    supersedes: ['oauth-invalid-scope'],
  },
  {
    id: 'google-app-blocked-sensitive-scope',
    title: 'Google blocked the app: it asked for a sensitive or restricted scope ("This app is blocked")',
    cause:
      'The OAuth client asks for a restricted scope (https://mail.google.com/ is one) without having passed Google\'s verification ' +
      'for it, and the account may not use such unverified apps; Google blocks the sign-in for every user not covered by an exception. ' +
      'Workspace accounts see this too when the admin blocks access to unverified third-party apps.',
    fix:
      'Use your own Google Cloud project and OAuth client with your account as a test user (or in production, accepting the ' +
      '"Google hasn\'t verified this app" warning); for a Workspace, the admin marks the app Trusted (API controls → Manage third-party app access).',
    severity: 'error',
    source: 'identity',
    provider: 'gmail',
    docs: [DOCS.googleUnverifiedApps, DOCS.googleAccessErrors],
    keys: ['app is blocked', 'sensitive info'],
    pattern: /This app is blocked\b[^\r\n]{0,160}|This app tried to access sensitive info in your Google Account[^\r\n]{0,80}/i,
    priority: 20,
  },
  {
    id: 'google-unverified-app-warning',
    title: 'Google warns that it hasn\'t verified the app (a warning, not a refusal)',
    cause:
      'The OAuth consent screen is in production but the app has not completed verification for its sensitive or restricted scopes ' +
      '(https://mail.google.com/ is restricted). Google shows this warning to every user; an app of your own for your own accounts is allowed past it.',
    fix:
      'For your own client: choose Advanced → Go to <app> (unsafe) and continue. Unverified apps are limited to 100 new users; ' +
      'publishing for others requires verification (and a security assessment for restricted scopes).',
    severity: 'warning',
    source: 'identity',
    provider: 'gmail',
    docs: [DOCS.googleUnverifiedApps],
    keys: ['verified this app'],
    pattern: /Google hasn(?:'|’|&#39;)t verified this app[^\r\n]{0,120}/i,
    priority: 20,
  },
  {
    id: 'google-oob-flow-blocked',
    title: 'Google blocked the out-of-band (OOB) flow (urn:ietf:wg:oauth:2.0:oob)',
    cause:
      'The tool asks Google to show the code for copy and paste (redirect_uri=urn:ietf:wg:oauth:2.0:oob). Google has blocked that ' +
      'flow for all clients; only a loopback redirect (http://127.0.0.1:<port>/ or http://localhost) works for desktop tools.',
    fix:
      'Update the tool to a version with a loopback redirect and use a Desktop app client ID (which accepts any loopback port); ' +
      'on a headless machine forward the loopback port over SSH, or let a loopback redirect fail and paste the address bar URL where the tool accepts it.',
    severity: 'error',
    source: 'identity',
    provider: 'gmail',
    docs: [DOCS.googleOobMigration, DOCS.googleNativeApp],
    keys: ['out-of-band (oob) flow has been blocked'],
    pattern: /The out-of-band \(OOB\) flow has been blocked[^\r\n]{0,160}/i,
    priority: 23,
    supersedes: ['google-oob-blocked', 'oauth-invalid-request'],
  },
  {
    id: 'google-tokeninfo-invalid-value',
    title: 'Google\'s tokeninfo says the token is not valid (invalid_token: Invalid Value)',
    cause:
      'https://oauth2.googleapis.com/tokeninfo knows no live access token by that value: it expired (Google\'s access tokens last ' +
      'one hour), was revoked, was damaged on the way (cut, quoted, URL-encoded twice), or is not an access token (a refresh token 1//…, an ID token).',
    fix: 'Get a fresh access token (refresh it with the refresh token) and send it unchanged; check it again with tokeninfo before the IMAP/SMTP login.',
    severity: 'error',
    source: 'identity',
    provider: 'gmail',
    docs: [DOCS.googleOAuth2],
    keys: ['invalid value'],
    pattern: /(?:"error"\s*:\s*"invalid_token"\s*,\s*)?"error_description"\s*:\s*"Invalid Value"/i,
    context: [/tokeninfo|invalid_token/i],
    priority: 18,
  },
];

const KEYCLOAK: readonly Entry[] = [
  {
    id: 'keycloak-invalid-client-credentials',
    title: 'Keycloak refused the client (Invalid client or Invalid client credentials)',
    cause:
      'The client ID does not exist in this realm (often created in master instead of the realm in the URL), the client secret is ' +
      'wrong or was regenerated, the client is disabled, or the client ID or secret contains characters that the library did not ' +
      'URL-encode in the Basic header. Keycloak logs it as CODE_TO_TOKEN_ERROR / error=invalid_client_credentials.',
    fix:
      'Check the realm in the token URL (https://HOST/realms/REALM/protocol/openid-connect/token) and the Client ID; copy the current ' +
      'secret from Clients → <client> → Credentials (Client authentication on); a public client (PKCE) sends no secret at all.',
    severity: 'error',
    source: 'identity',
    provider: 'keycloak',
    docs: [DOCS.keycloakClients],
    keys: ['invalid client credentials', 'invalid_client_credentials'],
    pattern: /Invalid client or Invalid client credentials|INVALID_CREDENTIALS: Invalid client credentials|\berror="?invalid_client_credentials\b/i,
    priority: 22,
    supersedes: ['oauth-invalid-client', 'oauth-unauthorized-client'],
  },
  {
    id: 'keycloak-client-secret-missing',
    title: 'Keycloak wants a client secret (Client secret not provided in request)',
    cause:
      'The client has Client authentication switched on (a confidential client), but the request carried no secret: a desktop tool, ' +
      'a single-page app or a device-code sign-in that cannot keep a secret is using a confidential client.',
    fix:
      'For a tool that cannot keep a secret switch Client authentication off (a public client with PKCE S256); otherwise enter the ' +
      'secret (in this extension: "Set Client Secret for OpenID Provider…").',
    severity: 'error',
    source: 'identity',
    provider: 'keycloak',
    docs: [DOCS.keycloakClients],
    keys: ['client secret not provided'],
    pattern: /Client secret not provided in request/i,
    priority: 22,
    supersedes: ['oauth-unauthorized-client', 'oauth-invalid-client'],
  },
  {
    id: 'keycloak-direct-grants-disabled',
    title: 'Keycloak: the client may not use the password grant (Client not allowed for direct access grants)',
    cause:
      'The tool sends the user\'s name and password to the token endpoint (grant_type=password, the resource owner password ' +
      'credentials grant), and the client has Direct access grants switched off, as Keycloak does for new clients.',
    fix:
      'Better: sign in in the browser (authorization code with PKCE) or with the device code. If the password grant is really ' +
      'needed: Clients → <client> → Settings → Capability config → Direct access grants on.',
    severity: 'error',
    source: 'identity',
    provider: 'keycloak',
    docs: [DOCS.keycloakClients],
    keys: ['direct access grants'],
    pattern: /Client not (?:allowed|permitted) for direct access grants/i,
    priority: 22,
    supersedes: ['oauth-unauthorized-client'],
  },
  {
    id: 'keycloak-invalid-user-credentials',
    title: 'Keycloak refused the user\'s name or password (Invalid user credentials)',
    cause:
      'In the password grant the user name or password is wrong, the user exists in another realm, or brute-force detection ' +
      'has locked the account for a while (then even the right password gets this answer).',
    fix: 'Check the user in this realm (Users), reset the password or unlock the user (brute-force lockout), and prefer a browser sign-in over the password grant.',
    severity: 'error',
    source: 'identity',
    provider: 'keycloak',
    docs: [DOCS.keycloakClients],
    keys: ['invalid user credentials', 'invalid_user_credentials'],
    pattern: /Invalid user credentials|\berror="?invalid_user_credentials\b/i,
    priority: 22,
    supersedes: ['oauth-invalid-grant'],
  },
  {
    id: 'keycloak-account-not-set-up',
    title: 'Keycloak: the account is not fully set up (required actions pending)',
    cause:
      'The user has required actions waiting (update password, verify e-mail, configure OTP, accept terms). A non-interactive grant ' +
      '(password grant) cannot complete them, so Keycloak refuses it.',
    fix: 'Sign in once in the browser to complete the actions, or remove them under Users → <user> → Required user actions.',
    severity: 'error',
    source: 'identity',
    provider: 'keycloak',
    docs: [DOCS.keycloakClients],
    keys: ['not fully set up'],
    pattern: /Account is not fully set up/i,
    priority: 22,
    supersedes: ['oauth-invalid-grant'],
  },
  {
    id: 'keycloak-code-not-valid',
    title: 'Keycloak refused the authorization code (Code not valid)',
    cause:
      'The code was already redeemed (the callback ran twice, e.g. a page reloaded or a framework that renders twice), it expired ' +
      '(Keycloak codes live about a minute), or it was issued by another Keycloak node or realm than the one it is redeemed at. ' +
      'Keycloak logs CODE_TO_TOKEN_ERROR / error=invalid_code, and "already used for userSession" for a second redemption.',
    fix: 'Redeem each code exactly once, right after the redirect; check that the token URL names the same host and realm as the authorization URL; sign in again.',
    severity: 'error',
    source: 'identity',
    provider: 'keycloak',
    docs: [DOCS.keycloakSessions],
    keys: ['code not valid', 'invalid_code'],
    pattern: /\bCode not valid\b|\berror="?invalid_code\b/i,
    priority: 22,
    supersedes: ['oauth-invalid-grant'],
  },
  {
    id: 'keycloak-incorrect-redirect-uri',
    title: 'Keycloak: the token request\'s redirect_uri differs from the sign-in\'s (Incorrect redirect_uri)',
    cause: 'The redirect_uri sent with the code to the token endpoint is not exactly the one of the authorization request (port, path, trailing slash).',
    fix: 'Send the identical redirect_uri in both requests (a loopback client: the same port and path).',
    severity: 'error',
    source: 'identity',
    provider: 'keycloak',
    docs: [DOCS.keycloakClients],
    keys: ['incorrect redirect_uri'],
    pattern: /Incorrect redirect_uri/i,
    priority: 22,
    supersedes: ['oauth-invalid-grant'],
  },
  {
    id: 'keycloak-invalid-redirect-uri-parameter',
    title: 'Keycloak refused the sign-in: the redirect URI is not registered (Invalid parameter: redirect_uri)',
    cause:
      'The redirect_uri of the authorization request matches none of the client\'s Valid redirect URIs (scheme http/https, host, ' +
      'port and path count; 127.0.0.1 and localhost differ), or the client_id itself is unknown in this realm.',
    fix:
      'Clients → <client> → Settings → Valid redirect URIs: add the exact URI (for a loopback desktop client http://127.0.0.1/* or ' +
      'http://localhost/*); check the client ID and the realm in the URL.',
    severity: 'error',
    source: 'identity',
    provider: 'keycloak',
    docs: [DOCS.keycloakClients],
    keys: ['redirect_uri'],
    pattern: /(?:Invalid parameter|Paramètre invalide) ?: redirect_uri|\berror="?invalid_redirect_uri\b/i,
    priority: 22,
  },
  {
    id: 'keycloak-pkce-required',
    title: 'Keycloak requires PKCE for this client (Missing parameter: code_challenge_method)',
    cause:
      'The client\'s advanced settings require PKCE (Proof Key for Code Exchange Code Challenge Method = S256), and the request sent ' +
      'no code_challenge / code_challenge_method: an app without PKCE, or a device-code request from a library that adds none.',
    fix: 'Make the app send PKCE with S256 (most libraries have a pkce/S256 option), or clear the PKCE method under Clients → <client> → Advanced.',
    severity: 'error',
    source: 'identity',
    provider: 'keycloak',
    docs: [DOCS.keycloakClients],
    keys: ['code_challenge'],
    pattern: /Missing(?:\+|\s|%20)parameter(?::|%3A)(?:\+|\s|%20)?code_challenge(?:_method)?\b/i,
    priority: 22,
    supersedes: ['oauth-invalid-request'],
  },
  {
    id: 'keycloak-device-grant-disabled',
    title: 'Keycloak: the device code flow is off for this client',
    cause: 'The client does not have OAuth 2.0 Device Authorization Grant enabled, so its device authorization (and device code token) requests are refused.',
    fix: 'Clients → <client> → Settings → Capability config → OAuth 2.0 Device Authorization Grant on (a public client needs no secret for it).',
    severity: 'error',
    source: 'identity',
    provider: 'keycloak',
    docs: [DOCS.keycloakDeviceGrant],
    keys: ['device authorization grant'],
    pattern: /Client is not allowed to initiate OAuth 2\.0 Device Authorization Grant[^\r\n"]{0,80}|Client not allowed OAuth 2\.0 Device Authorization Grant/i,
    priority: 22,
    supersedes: ['oauth-unauthorized-client'],
  },
  {
    id: 'keycloak-session-not-active',
    title: 'Keycloak: the refresh token\'s session has ended (Session not active)',
    cause:
      'The user session the refresh token belongs to is gone: SSO Session Idle or SSO Session Max ran out, the user or an admin logged ' +
      'the session out, or Keycloak restarted without keeping sessions. Refresh tokens cannot outlive their session.',
    fix:
      'Sign in again. For a mail client that must stay signed in request offline_access (an offline token, governed by the Offline ' +
      'Session settings), or raise SSO Session Idle/Max under Realm settings → Sessions.',
    severity: 'error',
    source: 'identity',
    provider: 'keycloak',
    docs: [DOCS.keycloakSessions],
    keys: ['session not active'],
    pattern: /\bSession not active\b/i,
    priority: 22,
    supersedes: ['oauth-invalid-grant'],
  },
  {
    id: 'keycloak-token-not-active',
    title: 'Keycloak: the refresh token is no longer valid (Token is not active)',
    cause:
      'The refresh token expired (its lifetime is the SSO Session Idle time, often 30 minutes), or the clocks of the client and ' +
      'Keycloak differ. Behind a load balancer, nodes with differing clocks or without a shared session cache give it too.',
    fix: 'Sign in again; refresh before the idle timeout, request offline_access for long-lived access, and keep every Keycloak node\'s clock synchronised.',
    severity: 'error',
    source: 'identity',
    provider: 'keycloak',
    docs: [DOCS.keycloakSessions],
    keys: ['token is not active'],
    pattern: /\bToken is not active\b/i,
    priority: 22,
    supersedes: ['oauth-invalid-grant'],
  },
  {
    id: 'keycloak-session-missing-client',
    title: 'Keycloak: the session has no record of this client (Session doesn\'t have required client)',
    cause:
      'The refresh or offline token belongs to a session in which this client no longer has a client session: after a Keycloak ' +
      'restart or upgrade that lost the cached client sessions, or when the token is redeemed by another client than the one it was issued to.',
    fix: 'Sign in again to get a new refresh token; use the token only with the client ID that obtained it.',
    severity: 'error',
    source: 'identity',
    provider: 'keycloak',
    docs: [DOCS.keycloakSessions],
    keys: ['required client'],
    pattern: /Session doesn(?:'|’)t have required client/i,
    priority: 22,
    supersedes: ['oauth-invalid-grant'],
  },
  {
    id: 'keycloak-service-account-disabled',
    title: 'Keycloak: the client has no service account (client credentials refused)',
    cause:
      'grant_type=client_credentials needs a confidential client with Service accounts roles switched on; this client has it off, ' +
      'or it is a public client, which cannot use client credentials at all.',
    fix: 'Clients → <client> → Settings → Capability config: Client authentication on and Service accounts roles on; then grant the service account its roles.',
    severity: 'error',
    source: 'identity',
    provider: 'keycloak',
    docs: [DOCS.keycloakServiceAccounts],
    keys: ['retrieve service account'],
    pattern: /(?:Client not enabled|Public client not allowed) to retrieve service account/i,
    priority: 22,
    supersedes: ['oauth-unauthorized-client'],
  },
  {
    id: 'keycloak-introspection-client-refused',
    title: 'Keycloak refused the introspection request\'s client (Authentication failed.)',
    cause:
      'The token introspection endpoint (…/protocol/openid-connect/token/introspect) requires client authentication: the mail ' +
      'server (Dovecot\'s introspection_url, Stalwart) sent no credentials, a wrong secret, or those of a public client.',
    fix:
      'Create a confidential client for the mail server (Client authentication on, no flows needed) and put its ID and secret into ' +
      'the server\'s introspection settings, e.g. Dovecot introspection_url = https://ID:SECRET@HOST/realms/REALM/protocol/openid-connect/token/introspect.',
    severity: 'error',
    source: 'identity',
    provider: 'keycloak',
    docs: [DOCS.keycloakIntrospection, DOCS.dovecotOAuth2],
    keys: ['authentication failed.'],
    pattern: /"error"\s*:\s*"(?:invalid_request|invalid_client|unauthorized_client)"\s*,\s*"error_description"\s*:\s*"Authentication failed\."/i,
    priority: 22,
    supersedes: ['oauth-invalid-request', 'oauth-invalid-client'],
  },
  {
    id: 'keycloak-token-verification-failed',
    title: 'Keycloak did not accept the access token (invalid_token: Token verification failed)',
    cause:
      'Keycloak\'s userinfo endpoint (which some mail servers call instead of introspection) could not verify the token: it expired ' +
      '(5 minutes by default), its session ended, it comes from another realm, or its iss names another host name than the one the ' +
      'server reaches Keycloak by (a frontend URL or proxy that changes the host).',
    fix:
      'Send a fresh access token; make the mail server call Keycloak under the same host name that issued the token (Keycloak\'s ' +
      'hostname setting), or use the introspection endpoint with a confidential client.',
    severity: 'error',
    source: 'identity',
    provider: 'keycloak',
    docs: [DOCS.keycloakIntrospection],
    keys: ['token verification failed'],
    pattern: /invalid_token[^\r\n]{0,60}Token verification failed/i,
    priority: 22,
  },
];

const SERVERS: readonly Entry[] = [
  {
    id: 'dovecot-log-missing-sub',
    title: "Dovecot: the token has no sub claim (Local validation failed: Missing 'sub' field)",
    cause:
      "Dovecot's local JWT validation requires a sub claim, and this token has none. Keycloak 25 and later put sub into access " +
      'tokens only through the "basic" client scope, which clients migrated from older versions (or with lightweight access tokens) may lack.',
    fix:
      'In Keycloak assign the "basic" client scope to the client as a default scope (Clients → <client> → Client scopes), or add a ' +
      'mapper for sub; with another provider issue tokens with a subject.',
    severity: 'error',
    source: 'sasl',
    provider: 'dovecot',
    docs: [DOCS.dovecotOAuth2],
    keys: ['fail'],
    pattern: /oauth2 failed: Local validation failed: Missing 'sub' field/,
    priority: 20,
    supersedes: ['dovecot-log-oauth2-failed'],
  },
  {
    id: 'stalwart-auth-failed-trace',
    title: 'Stalwart refused the login (Authentication failed)',
    cause:
      'Stalwart\'s trace says the credentials were refused. With XOAUTH2 or OAUTHBEARER and an OpenID Connect directory, Stalwart ' +
      'sends the token to the provider\'s userinfo endpoint: an expired or foreign token, a userinfo answer without the claim ' +
      'configured as the user name or e-mail, or a user field that names another account all end here.',
    fix:
      'Check the token (mailoauth inspect), that the directory\'s userinfo URL and claim settings match the provider, and the trace ' +
      'lines just before this one; with the internal directory, OAuth tokens of an external provider are not accepted.',
    severity: 'error',
    source: 'sasl',
    provider: 'stalwart',
    docs: [DOCS.stalwartOidc],
    keys: ['auth.failed', 'result="failed"'],
    pattern: /Authentication failed \(auth\.failed\)[^\r\n]{0,200}|context="auth" event="authenticate" result="failed"/,
    priority: 20,
  },
];

export const OPENID_ENTRIES: readonly Entry[] = [...GOOGLE, ...KEYCLOAK, ...SERVERS];
