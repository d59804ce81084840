// Real failure strings for the entries of src/core/explain/data/openid.json (Google, Keycloak, Dovecot with
// Keycloak tokens, Stalwart), each with where a user posted it or where the server's source says it.
// explain.test.ts checks that each one's first finding is its entry; openidExplain.test.ts the near misses.

export const OPENID_SAMPLES: Record<string, string[]> = {
  'google-invalid-grant-jwt-clock': [
    // quoted in a Jekyll analytics plugin's README (public code search), a service-account key on a machine with a wrong clock
    'Error: Authorization failed. Server message: { "error": "invalid_grant", "error_description": "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values and use a clock with skew to account for clock differences between systems." }',
    // the wording with "in the JWT claim" as Exasol's and google-auth's docs quote it, in the form RefreshError prints
    "google.auth.exceptions.RefreshError: ('invalid_grant: Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.', {'error': 'invalid_grant'})",
  ],
  'google-invalid-grant-malformed-code': [
    // A user's notes while setting up a Gmail client (Client ID ... apps.googleusercontent.com, a GOCSPX- secret)
    '❌ Still failed: 400 { "error": "invalid_grant", "error_description": "Malformed auth code." }',
    '{"error":"invalid_grant","error_description":"Malformed auth code."}',
  ],
  'google-service-account-unauthorized-client': [
    // https://github.com/GAM-team/GAM/issues/1291
    'ERROR: User test1@companyurl.com: unauthorized_client: Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested.',
  ],
  'gmail-service-account-without-delegation': [
    // constructed from the setup of https://github.com/jstedfast/MailKit/issues/742 (a service account's own token, no
    // delegation); the reply is Gmail's real one
    [
      'var credential = new ServiceAccountCredential(new ServiceAccountCredential.Initializer("mailer@my-project-1234.iam.gserviceaccount.com") { Scopes = new[] { "https://mail.google.com/" } }.FromPrivateKey(key));',
      'S: A00000001 NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)',
    ].join('\n'),
  ],
  'gmail-lookup-failed': [
    // https://github.com/postalsys/imapflow/issues/157 (a gmail.readonly token)
    "response: '3 NO Lookup failed o132mb1614466vkc',",
    // https://github.com/gaubert/gmvault/issues/253
    'error: Lookup failed b17mb443604527ign',
  ],
  'google-device-flow-mail-scope': [
    // https://github.com/hickford/git-credential-oauth/issues/38 (the same answer names https://mail.google.com/ for Gmail)
    '"error": "invalid_scope",\n  "error_description": "Invalid device flow scope: https://www.googleapis.com/auth/gerritcodereview"',
    // the same answer for the Gmail scope (constructed from the one above; Google lists no Gmail scope for devices)
    '{"error": "invalid_scope", "error_description": "Invalid device flow scope: https://mail.google.com/"}',
  ],
  'google-app-blocked-sensitive-scope': [
    // https://github.com/prasmussen/gdrive/issues/576
    '> This app is blocked',
    // https://github.com/glotlabs/gdrive/issues/121
    'It show me like "This app tried to access sensitive info in your Google Account. To keep your account safe, Google blocked this access."',
  ],
  'google-unverified-app-warning': [
    // Google's warning page title, as quoted in https://support.google.com/cloud/answer/7454865
    'Google hasn’t verified this app',
    "Google hasn't verified this app. The app is requesting access to sensitive info in your Google Account.",
  ],
  'google-oob-flow-blocked': [
    // https://github.com/googleworkspace/md2googleslides (issue quoting the sign-in page)
    '> > The out-of-band (OOB) flow has been blocked in order to keep users secure. Follow the Out-of-Band (OOB) flow migration guide linked in the developer docs below to migrate your app to an alternative method.',
    'Error 400: invalid_request - The out-of-band (OOB) flow has been blocked',
  ],
  'google-tokeninfo-invalid-value': [
    // Google's tokeninfo answer for an expired token, as logged by a Dart client and a PHP client
    '{\n  "error": "invalid_token",\n  "error_description": "Invalid Value"\n}',
    'GET https://www.googleapis.com/oauth2/v3/tokeninfo?access_token=... 400 {"error_description": "Invalid Value"}',
  ],
  'keycloak-invalid-client-credentials': [
    // https://github.com/keycloak/keycloak/issues/16923
    'I got error response {"error":"unauthorized_client","error_description":"Invalid client or Invalid client credentials"}',
    // https://github.com/lbormann/darts-caller/issues/29
    '401: b\'{"error":"invalid_client","error_description":"Invalid client or Invalid client credentials"}\'',
    // https://github.com/pulsejet/nextcloud-oidc-login/issues/297 (Keycloak's event log)
    '2024-10-08 20:15:47,489 WARN  [org.keycloak.events] (executor-thread-57) type="CODE_TO_TOKEN_ERROR", realmId="master", realmName="master", clientId="nextcloud", userId="null", ipAddress="xxx.xxx.xxx.xxx", error="invalid_client_credentials", grant_type="authorization_code"',
    // https://github.com/dominik-th/matomo-plugin-LoginOIDC/issues/57 (an older Keycloak)
    'string (96) "{" error ":" invalid_client "," error_description ":" INVALID_CREDENTIALS: Invalid client credentials "}"',
  ],
  'keycloak-client-secret-missing': [
    // Keycloak's ClientIdAndSecretAuthenticator; posted in many setup guides
    '{\n  "error": "unauthorized_client",\n  "error_description": "Client secret not provided in request"\n}',
  ],
  'keycloak-direct-grants-disabled': [
    // https://github.com/urbanplatform/django-keycloak-auth/issues/99
    'b\'{"error":"unauthorized_client","error_description":"Client not permitted for direct access grants"}\'',
    '{"error":"unauthorized_client","error_description":"Client not allowed for direct access grants"}',
  ],
  'keycloak-invalid-user-credentials': [
    // python-keycloak users, e.g. https://github.com/marcospereirampj/python-keycloak/issues/217
    'keycloak.exceptions.KeycloakAuthenticationError: 401: b\'{"error":"invalid_grant","error_description":"Invalid user credentials"}\'',
  ],
  'keycloak-account-not-set-up': [
    // Keycloak's answer to the password grant for a user with required actions (the description as a Brazilian
    // integration guide lists it, in Keycloak's JSON shape)
    '{"error":"invalid_grant","error_description":"Account is not fully set up"}',
  ],
  'keycloak-code-not-valid': [
    // https://github.com/keycloak/keycloak/issues/13357
    '2022-07-27 12:41:21.716 ERROR 25 --- [nio-8080-exec-2] o.k.adapters.OAuthRequestAuthenticator   :    {"error":"invalid_grant","error_description":"Code not valid"}',
    // https://github.com/marcospereirampj/python-keycloak/issues/339
    '"{\\"error\\": \\"invalid_grant\\", \\"error_description\\": \\"Code not valid\\"}"',
  ],
  'keycloak-incorrect-redirect-uri': [
    // https://github.com/marcospereirampj/python-keycloak/issues/207
    'keycloak.exceptions.KeycloakGetError: 400: b\'{"error":"invalid_grant","error_description":"Incorrect redirect_uri"}\'',
  ],
  'keycloak-invalid-redirect-uri-parameter': [
    // https://github.com/keycloak/keycloak/issues/10528
    'but is returning the following: `Invalid parameter: redirect_uri`',
    // https://github.com/keycloak/keycloak-community/issues/185 (the page and Keycloak's event)
    '> We are sorry... Invalid parameter: redirect_uri',
    '2020-10-29 10:34:58,025 WARN  [org.keycloak.events] (default task-5) type=LOGIN_ERROR, realmId=master, clientId=account, userId=null, ipAddress=10.0.2.2, error=invalid_redirect_uri, redirect_uri=http://192.168.100.1:8600/hub/oauth_callback',
    // A French Keycloak login page, quoted in a QGIS plugin's notes
    'The `gpf-warehouse` client returns "Paramètre invalide : redirect_uri" — no localhost URI is registered for it.',
  ],
  'keycloak-pkce-required': [
    // https://github.com/marcospereirampj/python-keycloak/issues/678 (device method)
    'KeycloakPostError: 400: b\'{"error":"invalid_request","error_description":"Missing parameter: code_challenge_method"}\'',
    // https://github.com/react-keycloak/react-keycloak-examples/issues/13
    'error_description: "Missing+parameter%3A+code_challenge_method"',
    // https://github.com/HarryMWinters/fastapi-oidc/issues/38
    '`Missing+parameter:+code_challenge_method.`',
  ],
  'keycloak-device-grant-disabled': [
    // Keycloak's DeviceEndpoint, as answered to a user (a notes file of a Keycloak CLI integration)
    '{"error":"unauthorized_client","error_description":"Client is not allowed to initiate OAuth 2.0 Device Authorization Grant. The flow is disabled for the client."}',
  ],
  'keycloak-session-not-active': [
    // https://github.com/fa-fifi/keycloak_wrapper/issues/57
    'Failed to get token: invalid_grant: Session not active, {domain: org.openid.appauth.remote-http, user_did_cancel: false, code: -10',
    // https://github.com/s3pweb/keycloak-admin-client-cjs/issues/15
    'OPError: invalid_grant (Session not active)',
  ],
  'keycloak-token-not-active': [
    // https://github.com/keycloak/keycloak/issues/37961
    'Token URL returned the status:  400 , response:  {"error":"invalid_grant","error_description":"Token is not active"}',
  ],
  'keycloak-session-missing-client': [
    // https://github.com/keycloak/keycloak/issues/27384
    "keycloak returns http 500 with message [invalid_grant] Session doesn't have required client",
  ],
  'keycloak-service-account-disabled': [
    // https://github.com/louislam/uptime-kuma/issues/4202
    'The oauth config is invalid. unauthorized_client (Client not enabled to retrieve service account)',
  ],
  'keycloak-introspection-client-refused': [
    // https://github.com/keycloak/keycloak/issues/48721 (the introspection endpoint with a wrong client secret)
    '{"error":"invalid_request","error_description":"Authentication failed."}',
  ],
  'keycloak-token-verification-failed': [
    // Keycloak's userinfo endpoint answer, in the WWW-Authenticate header and in the body
    'WWW-Authenticate: Bearer realm="mail", error="invalid_token", error_description="Token verification failed"',
    '{"error":"invalid_token","error_description":"Token verification failed"}',
  ],
  'dovecot-log-missing-sub': [
    // Dovecot 2.3.19 run here (test/fixtures/logs/dovecot-oauth2-auth-debug-failures.log), a token without sub
    "Dec 02 15:25:48 auth: Info: oauth2(adele@contoso.com,127.0.0.1,<rq/oQahhgsx/AAAB>): oauth2 failed: Local validation failed: Missing 'sub' field",
  ],
  'stalwart-auth-failed-trace': [
    // https://github.com/stalwartlabs/smtp-server/issues/31 (Stalwart 0.5 tracing)
    '2023-12-14T09:42:03.830292Z DEBUG session{instance="submissions" protocol=Smtp remote.ip="172.18.0.1" remote.port=48860}: smtp::inbound::auth: context="auth" event="authenticate" result="failed"',
    // Stalwart 0.10+ event format, as a log parser's test quotes it
    '2026-03-26T10:15:30Z WARN Authentication failed (auth.failed) remote-ip = 44.55.66.77, protocol = imap',
  ],
};
