// Token endpoint failures: Microsoft Entra AADSTS codes, OAuth 2.0 / OpenID Connect error words,
// Google token errors, and MSAL client errors, as users meet them while getting a mail token.
import { DOCS } from './docs';
import { DocLink, Entry, Severity } from './types';

interface AadstsOptions {
  severity?: Severity;
  docs?: readonly DocLink[];
  supersedes?: readonly string[];
}

/** The code plus the message text that follows it in error_description (up to the end of the string). */
function aadsts(code: string, title: string, cause: string, fix: string, opts: AadstsOptions = {}): Entry {
  return {
    id: `aadsts${code}`,
    title: `AADSTS${code}: ${title}`,
    cause,
    fix,
    severity: opts.severity ?? 'error',
    source: 'identity',
    provider: 'microsoft',
    docs: [...(opts.docs ?? []), DOCS.entraErrorCodes],
    keys: ['aadsts'],
    pattern: new RegExp(`\\bAADSTS${code}\\b[^\\r\\n"]{0,300}`),
    priority: 15,
    ...(opts.supersedes ? { supersedes: opts.supersedes } : {}),
  };
}

const SIGN_IN_AGAIN = 'Discard the cached refresh token and sign in again interactively (authorization code or device code flow).';
const OUTLOOK_SCOPES =
  'https://outlook.office.com/IMAP.AccessAsUser.All, https://outlook.office.com/POP.AccessAsUser.All or ' +
  'https://outlook.office.com/SMTP.Send (plus offline_access)';

const AADSTS_ENTRIES: readonly Entry[] = [
  aadsts(
    '16000',
    'the account does not exist in the tenant',
    'The account that signed in (often a personal Microsoft account, or a user of another organisation) is not a member or ' +
      'guest of the tenant named in the authority URL.',
    'Sign in with an account of that tenant, invite the user as a guest, or, for personal Outlook.com accounts, use the ' +
      '/common or /consumers authority with an app whose Supported account types include personal Microsoft accounts.',
  ),
  aadsts(
    '50011',
    'the redirect URI does not match the app registration',
    'The redirect_uri in the request is not registered for the application (differences in scheme, host, port, path or a ' +
      'trailing slash count), or it is registered under the wrong platform.',
    'Azure portal → App registrations → <app> → Authentication → Add a platform (Mobile and desktop applications for ' +
      'http://localhost loopback redirects, Web for confidential clients) and add the exact redirect URI the client sends.',
    { docs: [DOCS.entraAuthCodeFlow] },
  ),
  aadsts(
    '50020',
    'the user is from an identity provider that does not exist in the tenant',
    'The signed-in account is not in the tenant the request was sent to (personal account or another organisation).',
    'Use an account of that tenant, invite the user as a B2B guest, or register the app as multitenant and use the ' +
      '/organizations or /common authority.',
  ),
  aadsts(
    '50034',
    'the user account does not exist in the directory',
    'The user name was mistyped, or the request went to a tenant where the user does not exist.',
    'Check the user name and the tenant in the authority URL (login.microsoftonline.com/<tenant>).',
  ),
  aadsts(
    '50053',
    'the account is locked or the sign-in came from a blocked IP',
    'Too many sign-ins with a wrong password locked the account (smart lockout), or the sign-in came from an IP address ' +
      'with malicious activity.',
    'Wait for the lockout to end or have an admin unblock the user; Microsoft Entra admin center → Monitoring & health → ' +
      'Sign-in logs → filter error code 50053 and read the Failure reason. Stop clients retrying a wrong password.',
  ),
  aadsts(
    '50055',
    'the password has expired',
    "The user's password is expired.",
    'Have the user change the password (or an admin reset it), then sign in again.',
  ),
  aadsts(
    '50057',
    'the user account is disabled',
    'The user object is disabled (sign-in blocked).',
    'An admin re-enables the account: Microsoft Entra admin center → Users → <user> → Edit properties → Settings → Account enabled.',
  ),
  aadsts(
    '50058',
    'no signed-in session for silent sign-in',
    'A silent request (prompt=none or a cached-session SSO attempt) found no usable session.',
    'Fall back to an interactive sign-in.',
    { severity: 'warning' },
  ),
  aadsts(
    '50059',
    'no tenant information in the request',
    'The authority (/common) and the credentials do not identify a tenant, which app-only and password flows need.',
    'Use a tenant-specific authority: https://login.microsoftonline.com/<tenant id or domain>/oauth2/v2.0/token.',
  ),
  aadsts(
    '50076',
    'multifactor authentication is required',
    'Conditional Access, per-user MFA or security defaults require MFA, which a non-interactive flow (password/ROPC, ' +
      'cached refresh token from before the policy) cannot satisfy.',
    'Sign in interactively with the authorization code or device code flow so the user can complete MFA; do not use the password grant.',
    { docs: [DOCS.entraConditionalAccess] },
  ),
  aadsts(
    '50079',
    'the user must register for multifactor authentication',
    'MFA is required and the user has not registered security information yet.',
    'Have the user sign in interactively in a browser and register security info, then retry with an interactive flow.',
    { docs: [DOCS.entraConditionalAccess] },
  ),
  aadsts(
    '50078',
    'the presented multifactor authentication has expired',
    'The MFA claim in the session or refresh token is older than policy allows.',
    SIGN_IN_AGAIN,
  ),
  aadsts(
    '50089',
    'the authentication flow token expired',
    'The sign-in took too long (the flow token expired) or was abandoned and resumed.',
    'Start the sign-in again and complete it promptly.',
    { severity: 'warning' },
  ),
  aadsts(
    '50105',
    'the signed-in user is not assigned to the application',
    'The enterprise application has "Assignment required?" set to Yes and this user (or their group) is not assigned.',
    'Microsoft Entra admin center → Enterprise applications → <app> → Users and groups → Add user/group, or set ' +
      'Properties → Assignment required? to No.',
  ),
  aadsts(
    '50126',
    'invalid user name or password',
    'The password grant (ROPC) was used with wrong credentials, or with an account that cannot use passwords here ' +
      '(federated, passwordless or MFA-protected).',
    'Prefer the authorization code or device code flow for mail clients; if ROPC is unavoidable, check the user name and password.',
  ),
  aadsts(
    '50133',
    'the session is invalid after a password change',
    'The password expired or was changed recently, invalidating the session and refresh tokens.',
    SIGN_IN_AGAIN,
  ),
  aadsts(
    '50158',
    'an external security challenge was not satisfied',
    'A third-party MFA or external control (e.g. a Conditional Access custom control) must be completed interactively.',
    'Sign in interactively in a browser and complete the external challenge.',
  ),
  aadsts(
    '50173',
    'the grant was revoked; a fresh sign-in is needed',
    'An admin or the user revoked the sessions/refresh tokens (e.g. Revoke sessions, password reset), so the stored refresh token no longer works.',
    SIGN_IN_AGAIN,
    { docs: [DOCS.entraRefreshTokens] },
  ),
  aadsts(
    '50194',
    'the application is not multitenant, so /common cannot be used',
    'The app registration is single-tenant but the request used the /common authority.',
    'Use https://login.microsoftonline.com/<tenant id>/ as the authority, or make the app multitenant ' +
      '(App registrations → <app> → Authentication → Supported account types).',
  ),
  aadsts(
    '50196',
    'a client loop was detected',
    'The client requests the same token over and over in a short time, usually because it does not cache tokens.',
    'Cache access and refresh tokens (MSAL does this) and reuse them until they expire.',
  ),
  aadsts(
    '53000',
    'the device is not compliant',
    'A Conditional Access policy requires a compliant (e.g. Intune-managed) device.',
    'Enroll the device in the required device management, or have an admin adjust the policy for this app.',
    { docs: [DOCS.entraConditionalAccess] },
  ),
  aadsts(
    '53003',
    'access blocked by Conditional Access',
    'A Conditional Access policy blocks token issuance for this user, app, location, platform or client type.',
    'Microsoft Entra admin center → Sign-in logs → the failed sign-in → Conditional Access tab shows the policy; an admin ' +
      'must change it or exclude this app/scenario.',
    { docs: [DOCS.entraConditionalAccess] },
  ),
  aadsts(
    '530035',
    'access blocked by security defaults',
    'Security defaults block the request because it uses legacy authentication or is considered unsafe.',
    'Use a modern OAuth flow with MFA (authorization code or device code); admins: security defaults or Conditional Access settings.',
    { docs: [DOCS.entraSecurityDefaults] },
  ),
  aadsts(
    '54005',
    'the authorization code was already redeemed',
    'The client redeemed the same authorization code twice (codes are single-use).',
    'Redeem each code once and use the refresh token afterwards.',
  ),
  aadsts(
    '65001',
    'consent has not been granted',
    'Neither the user nor an admin has consented to the permissions the app requests (e.g. IMAP.AccessAsUser.All).',
    'Send an interactive authorization request so the user consents, or an admin grants consent: App registrations → ' +
      '<app> → API permissions → Grant admin consent for <tenant>.',
    { docs: [DOCS.entraConsent] },
  ),
  aadsts(
    '65002',
    'a Microsoft first-party client id cannot be used for this resource',
    'The request uses an application id that belongs to Microsoft (reused from another product) for an API that has not pre-authorised it.',
    'Register your own application and use its client id.',
  ),
  aadsts(
    '65004',
    'the user declined consent',
    'The user clicked Cancel/Decline on the consent prompt.',
    'Retry and accept the prompt, or have an admin grant consent for the organisation.',
    { docs: [DOCS.entraConsent] },
  ),
  aadsts(
    '650052',
    'the organisation has no subscription for the requested service',
    'The app asks for a resource (for mail: Office 365 Exchange Online) that the tenant has not subscribed to or has disabled.',
    'Check that the tenant has Exchange Online licences, or remove permissions for services the tenant does not use.',
  ),
  aadsts(
    '650057',
    "the resource is not in the app's requested permissions",
    'The scope names a resource (e.g. https://outlook.office.com) for which the app registration lists no permission.',
    `Azure portal → App registrations → <app> → API permissions → Add a permission and add the delegated permission the ` +
      `scope needs (IMAP.AccessAsUser.All, POP.AccessAsUser.All, SMTP.Send), then request ${OUTLOOK_SCOPES}.`,
    { docs: [DOCS.msOAuthImapPopSmtp] },
  ),
  aadsts(
    '70000',
    'the grant is invalid',
    'The refresh token or authorization code is not valid (expired, revoked, for another client, or token binding mismatch).',
    SIGN_IN_AGAIN,
  ),
  aadsts(
    '70002',
    'the client secret does not match',
    'The client_secret sent is not a current secret of this application.',
    'Azure portal → App registrations → <app> → Certificates & secrets → New client secret, and use its Value (not the Secret ID).',
  ),
  aadsts(
    '70008',
    'the refresh token expired from inactivity',
    'The refresh token was not used for longer than its inactivity lifetime, or was revoked.',
    SIGN_IN_AGAIN,
    { docs: [DOCS.entraRefreshTokens] },
  ),
  aadsts(
    '700082',
    'the refresh token expired from inactivity',
    'The refresh token was unused for longer than allowed (an expected part of the token lifecycle).',
    SIGN_IN_AGAIN,
    { docs: [DOCS.entraRefreshTokens] },
  ),
  aadsts(
    '70011',
    'the scope is invalid',
    'The scope parameter is malformed or not allowed: scopes separated by commas instead of spaces, a bare permission name ' +
      'where a full URI is needed, /.default combined with other scopes, or a scope the flow cannot request.',
    `Send space-separated full scopes, e.g. ${OUTLOOK_SCOPES}; for client credentials use https://outlook.office365.com/.default alone.`,
    { docs: [DOCS.entraScopes], supersedes: ['entra-scope-more-than-one-resource'] },
  ),
  aadsts(
    '70016',
    'authorization pending (device code flow)',
    'The user has not yet completed the sign-in at the device login page; this is expected while polling.',
    'Keep polling at the interval the device code response gave until the user finishes or the code expires.',
    { severity: 'info', docs: [DOCS.entraDeviceCode] },
  ),
  aadsts(
    '70018',
    'the device code verification code is wrong',
    'The user typed a wrong code on the device login page.',
    'Have the user enter the code shown by the client exactly, or restart the device code flow.',
    { severity: 'warning', docs: [DOCS.entraDeviceCode] },
  ),
  aadsts(
    '70019',
    'the device code expired',
    'The user did not complete the device code sign-in in time.',
    'Start a new device code flow and finish the sign-in within the expiry time.',
    { severity: 'warning', docs: [DOCS.entraDeviceCode] },
  ),
  aadsts(
    '70020',
    'the device code expired before the sign-in was completed',
    'Nobody entered and confirmed the code at the verification page within its lifetime (15 minutes at Microsoft), so polling ' +
      'with it ends; a code that was already redeemed is refused the same way.',
    'Start the device code sign-in again and enter the new code at the verification page before it expires.',
    { severity: 'warning', docs: [DOCS.entraDeviceCode] },
  ),
  aadsts(
    '70043',
    'the refresh token expired under a sign-in frequency policy',
    'Conditional Access sign-in frequency limits how long a refresh token may be used; this one is older than allowed.',
    `${SIGN_IN_AGAIN} Admins can review the sign-in frequency setting of the Conditional Access policy.`,
    { docs: [DOCS.entraConditionalAccess, DOCS.entraRefreshTokens] },
  ),
  aadsts(
    '700005',
    'the authorization code belongs to another tenant',
    'The code was obtained from one authority (/common or a tenant) and redeemed against another.',
    'Redeem the authorization code at the same authority (/common or /<tenant id>) it was requested from.',
  ),
  aadsts(
    '700016',
    'the application was not found in the tenant',
    'The client_id is wrong (an object id, a secret or an e-mail address instead of the Application (client) ID), the app ' +
      'lives in another tenant than the authority, or a multitenant app was never consented in this tenant.',
    'Copy the Application (client) ID from App registrations → <app> → Overview, and use that tenant (or /organizations for multitenant apps).',
  ),
  aadsts(
    '700022',
    'the scope contains more than one resource',
    'One token request mixed scopes of different resources (e.g. Microsoft Graph and Outlook); a token has one audience.',
    `Request one resource per token: ${OUTLOOK_SCOPES} in one request, Graph scopes in another.`,
    { docs: [DOCS.entraScopes] },
  ),
  aadsts(
    '700024',
    'the client assertion is outside its valid time range',
    'The signed client assertion (certificate JWT or federated credential, e.g. a GitHub OIDC token) has expired or is not ' +
      'yet valid, often because of clock skew or a federated token that lives only minutes.',
    'Synchronise the clock (NTP) and create a fresh assertion right before each token request.',
    { docs: [DOCS.entraCertCredentials] },
  ),
  aadsts(
    '700025',
    'a public client must not send a secret',
    'The app is configured as a public client (mobile/desktop, device code) but the request included client_secret or client_assertion.',
    'Drop the secret from public-client flows, or use a confidential client registration for flows that need one.',
    { docs: [DOCS.entraPublicClient] },
  ),
  aadsts(
    '700027',
    'the client assertion signature is invalid',
    'The certificate-signed assertion does not verify: the certificate was not uploaded to the app, the kid/x5t header does ' +
      'not match it, or it was signed with another private key.',
    'Upload the certificate (.cer/.pem public key) under App registrations → <app> → Certificates & secrets and sign with the matching private key.',
    { docs: [DOCS.entraCertCredentials] },
  ),
  aadsts(
    '7000112',
    'the application is disabled',
    'The enterprise application (service principal) has sign-in disabled: by an admin of the tenant, or, for a ' +
      'third-party app such as an old Thunderbird client id, by its publisher or Microsoft.',
    'Your own app: Microsoft Entra admin center → Enterprise applications → <app> → Properties → Enabled for users to sign ' +
      'in? → Yes. A third-party app: update the client, or configure the client id its publisher documents now.',
  ),
  aadsts(
    '7000215',
    'an invalid client secret was provided',
    'The client_secret is wrong: often the Secret ID was copied instead of the secret Value, or the value was truncated.',
    'Create a new secret under Certificates & secrets and copy its Value immediately (it is shown only once).',
  ),
  aadsts(
    '7000218',
    "the request needs 'client_assertion' or 'client_secret' (app is not a public client)",
    'A public-client flow (device code, password, or a desktop/loopback authorization code flow without a secret) was used ' +
      'with an app that is not allowed to act as a public client.',
    'Azure portal → App registrations → <app> → Authentication → Advanced settings → Allow public client flows → Yes ' +
      '(and register http://localhost under Mobile and desktop applications). Or send a client secret/certificate if the app is confidential.',
    { docs: [DOCS.entraPublicClient, DOCS.entraDeviceCode], supersedes: ['entra-client-secret-required'] },
  ),
  aadsts(
    '7000222',
    'the client secret has expired',
    'The client secret used has passed its expiry date.',
    'Certificates & secrets → New client secret, update the client configuration, and remove the expired one (or switch to a certificate).',
    { docs: [DOCS.entraCertCredentials] },
  ),
  aadsts(
    '90002',
    'the tenant was not found',
    'The tenant id or domain in the authority is wrong, or belongs to another cloud (e.g. a national cloud).',
    'Use the Directory (tenant) ID from App registrations → <app> → Overview, or the tenant\'s verified domain.',
  ),
  aadsts(
    '90008',
    'the app must have the sign-in and read user profile permission',
    'The request needs the app to have at least Microsoft Graph User.Read consented.',
    'Add Microsoft Graph → Delegated → User.Read under API permissions and grant consent.',
    { docs: [DOCS.entraConsent] },
  ),
  aadsts(
    '90014',
    'a required field is missing',
    'The token request lacks a field the grant needs (e.g. code, refresh_token, username, client_id).',
    'Compare the request body with the flow documentation; send it as application/x-www-form-urlencoded POST.',
  ),
  aadsts(
    '900144',
    'the request body is missing a required parameter',
    'A required parameter (named in the message, e.g. client_id, grant_type or scope) is missing from the POST body.',
    'Add the parameter named in the message to the form-encoded body of the token request.',
  ),
  aadsts(
    '9001023',
    'this grant type is not supported on /common or /consumers',
    'The flow (e.g. client credentials or password grant) needs a concrete tenant.',
    'Use https://login.microsoftonline.com/<tenant id>/oauth2/v2.0/token (or /organizations where allowed).',
  ),
  aadsts(
    '90094',
    'admin consent is required',
    'The permissions requested (application permissions such as IMAP.AccessAsApp, or delegated ones the tenant restricts) need an administrator\'s consent.',
    'An admin grants it: App registrations → <app> → API permissions → Grant admin consent for <tenant>, or via the admin consent workflow.',
    { docs: [DOCS.entraConsent] },
  ),
  aadsts(
    '9002313',
    'the request is malformed',
    'Something in the request to the endpoint is invalid (wrong endpoint, parameters or encoding).',
    'Capture the request (e.g. with the library\'s logging) and compare it with the flow documentation.',
  ),
  aadsts(
    '90055',
    'the tenant is being throttled',
    'Too many requests from this tenant or client in a short time.',
    'Back off, cache tokens instead of requesting new ones for every connection.',
    { severity: 'warning' },
  ),
  aadsts(
    '135011',
    'the device used for authentication is disabled',
    'The device object in Microsoft Entra ID is disabled.',
    'An admin re-enables the device: Microsoft Entra admin center → Devices → All devices → <device> → Enable.',
  ),
  aadsts(
    '28000',
    'the scope contains more than one resource',
    'Scopes of different resources were requested together, typically Microsoft Graph scopes mixed with Outlook ' +
      '(IMAP/POP/SMTP) scopes; a token has a single audience.',
    `Request ${OUTLOOK_SCOPES} in its own token request and Graph scopes in another (MSAL: acquireTokenSilent per resource).`,
    { docs: [DOCS.entraScopes, DOCS.msOAuthImapPopSmtp], supersedes: ['entra-scope-more-than-one-resource'] },
  ),
  aadsts(
    '28002',
    'the scope is not valid for this access token request',
    'The scope requested when redeeming a code or refresh token is not valid (not consented, or malformed).',
    `Request valid, consented scopes, e.g. ${OUTLOOK_SCOPES}.`,
    { docs: [DOCS.entraScopes] },
  ),
  aadsts(
    '28003',
    'the scope is empty when redeeming the authorization code',
    'The code redemption request did not include a scope.',
    'Send the same scope when redeeming the authorization code as in the authorize request.',
    { docs: [DOCS.entraAuthCodeFlow] },
  ),
  aadsts(
    '500011',
    'the resource principal was not found in the tenant',
    'The resource in the scope does not exist in this tenant: a typo in the resource URL (e.g. outlook.office.com misspelt), ' +
      'a tenant without Exchange Online, an API that was never consented, or the request went to the wrong tenant.',
    `Check the spelling of the scope (${OUTLOOK_SCOPES}), that the tenant has Exchange Online, and the tenant in the authority.`,
    { docs: [DOCS.msOAuthImapPopSmtp], supersedes: ['entra-resource-principal-not-found'] },
  ),
  aadsts(
    '501051',
    'the application is not assigned to a role for the API',
    'The resource application requires app role assignment and the client application has none.',
    'Assign an app role of the API to the client service principal (admin consent for application permissions), or set ' +
      'Assignment required? to No on the resource enterprise application.',
    { docs: [DOCS.entraConsent] },
  ),
  aadsts(
    '50000',
    'the sign-in service had an internal error',
    'A fault inside Microsoft Entra ID while issuing the token (a transient error or an outage); when it persists for one app, ' +
      'a tenant policy may be refusing it (for example permissions that need admin consent under a consent policy).',
    'Try again in a minute (honour Retry-After); if it persists, check the Microsoft 365 / Azure service health, have an admin ' +
      'grant consent to the app, or open a support request with the Trace ID and Correlation ID. Cached tokens stay valid until they expire.',
    { severity: 'warning' },
  ),
  aadsts(
    '50001',
    'the resource is disabled or does not exist',
    'The resource URL in the request is wrong or disabled.',
    `Use the exact resource, e.g. ${OUTLOOK_SCOPES}.`,
  ),
  aadsts(
    '7000012',
    'the grant was obtained for a different tenant',
    'The refresh token or authorization code was issued by one tenant and redeemed at the token endpoint of another: the ' +
      'token was obtained with /common or /organizations (or another tenant id) and is now refreshed with a different ' +
      'tenant in the URL (sasl-xoauth2: token_endpoint; MSAL: authority).',
    'Refresh at the same authority that issued the token, normally https://login.microsoftonline.com/<tenant id>/oauth2/v2.0/token ' +
      'for both sign-in and refresh, or sign in again with the authority you will keep using.',
    { supersedes: ['oauth-invalid-grant'] },
  ),
  aadsts(
    '700007',
    'the grant was issued for a different client id',
    'The refresh token or code belongs to another application (client id) than the one redeeming it: the client id was ' +
      'changed, or a token from one tool is used with another tool\'s app registration.',
    'Redeem tokens with the client id that obtained them, or sign in again with the current client id.',
    { supersedes: ['oauth-invalid-grant'] },
  ),
  aadsts(
    '500113',
    'no reply address is registered for the application',
    'The app registration has no redirect URI at all on the platform used by the sign-in, so Entra has nowhere to send the code.',
    'Azure portal → App registrations → <app> → Authentication → Add a platform: Mobile and desktop applications with ' +
      'http://localhost (or https://login.microsoftonline.com/common/oauth2/nativeclient) for desktop tools, Web with the exact ' +
      'callback URL for web apps.',
    { docs: [DOCS.entraAuthCodeFlow] },
  ),
  aadsts(
    '900971',
    'no reply address provided',
    'The authorization request has no redirect_uri parameter and the registration does not let Entra pick one.',
    'Send redirect_uri with the exact value registered under App registrations → <app> → Authentication.',
    { docs: [DOCS.entraAuthCodeFlow] },
  ),
  aadsts(
    '650053',
    "the application asked for a scope that doesn't exist on the resource",
    'The scope named in the message does not exist on that resource: a typo (e.g. mailread for Mail.Read), a stray line ' +
      'break or comma in the scope string, or a scope of one API read as another\'s: a bare IMAP.AccessAsUser.All, ' +
      'POP.AccessAsUser.All or SMTP.Send is taken as Microsoft Graph (00000003-0000-0000-c000-000000000000).',
    `Send space-separated scopes spelt exactly as the API defines them; for mail protocols prefix them: ${OUTLOOK_SCOPES}.`,
    { docs: [DOCS.entraScopes, DOCS.msOAuthImapPopSmtp] },
  ),
  aadsts(
    '9002326',
    "cross-origin token redemption is permitted only for the 'Single-Page Application' client type",
    'The token request came from a browser (it had an Origin header) but the redirect URI is registered as Web or Mobile and desktop.',
    'Register the redirect URI under the Single-page application platform, or redeem the code from a back end or desktop client without an Origin header.',
    { docs: [DOCS.entraAuthCodeFlow] },
  ),
  aadsts(
    '700084',
    'the refresh token was issued to a single page app and its fixed lifetime is over',
    'Refresh tokens issued to the Single-page application platform expire after 24 hours, whatever their use.',
    'Sign in again; for a long-running mail client register a Mobile and desktop (public client) redirect URI instead of SPA.',
    { docs: [DOCS.entraRefreshTokens] },
  ),
  aadsts(
    '90072',
    'the external account does not exist in the tenant',
    'The account (often a personal Microsoft account or a user of another organisation) is not a guest of the tenant named in the authority.',
    'Invite the user as a guest of the tenant, or use /common or /consumers with an app that allows personal or multitenant accounts.',
  ),
  aadsts(
    '700054',
    "response_type 'id_token' is not enabled for the application",
    'The app asked for an ID token from the authorize endpoint without implicit ID tokens enabled.',
    'App registrations → <app> → Authentication → Implicit grant and hybrid flows → ID tokens, or use the authorization code flow.',
    { docs: [DOCS.entraAuthCodeFlow] },
  ),
  aadsts(
    '500116',
    'the reply URI is not a valid URL',
    'The redirect_uri sent is not an absolute URL the platform accepts: no scheme, a relative path, a value encoded ' +
      'twice, or one built from a setting that was empty (a site URL that differs per language or host).',
    'Send exactly one of the redirect URIs registered for the app, absolute (https://... or http://localhost:<port>/...) ' +
      'and URL-encoded once; register every host name the site is reached by.',
    { docs: [DOCS.entraAuthCodeFlow] },
  ),
];

const OAUTH_ENTRIES: readonly Entry[] = [
  {
    id: 'oauth-invalid-grant',
    title: 'The token endpoint rejected the grant (invalid_grant)',
    cause:
      'The refresh token or authorization code is expired, revoked, already used, issued to another client, or redeemed with ' +
      'a different redirect_uri or PKCE verifier. For Google, refresh tokens of apps in "Testing" status expire after 7 days.',
    fix: 'Sign in again to get a new refresh token; store the newest refresh token each time the endpoint returns one.',
    severity: 'error',
    source: 'identity',
    provider: 'generic',
    docs: [DOCS.rfc6749Errors, DOCS.entraErrorCodes, DOCS.googleTokenExpiration],
    keys: ['invalid'],
    pattern: /\binvalid_grant\b/,
    priority: 5,
  },
  {
    id: 'oauth-invalid-client',
    title: 'Client authentication failed (invalid_client)',
    cause:
      'The client id, secret or certificate is wrong or expired, or a public client sent (or a confidential client omitted) a secret.',
    fix: 'Check client_id and the current secret Value/certificate; for device code and desktop flows enable public client flows instead of sending a secret.',
    severity: 'error',
    source: 'identity',
    provider: 'generic',
    docs: [DOCS.rfc6749Errors, DOCS.entraErrorCodes],
    keys: ['invalid'],
    pattern: /\binvalid_client\b/,
    priority: 5,
  },
  {
    id: 'oauth-unauthorized-client',
    title: 'The client may not use this grant (unauthorized_client)',
    cause:
      'The application is not registered for this grant type or tenant; with Google, the refresh token was issued to a ' +
      'different OAuth client than the client id/secret now used, or a service account lacks domain-wide delegation for the scope.',
    fix:
      'Use the same client id and secret that obtained the refresh token; check the app registration supports the flow ' +
      '(public client flows, supported account types); for Google Workspace service accounts add the client id and ' +
      'https://mail.google.com/ under Admin console → Security → Access and data control → API controls → Domain-wide delegation.',
    severity: 'error',
    source: 'identity',
    provider: 'generic',
    docs: [DOCS.rfc6749Errors, DOCS.entraErrorCodes, DOCS.googleOAuth2],
    keys: ['unauthorized'],
    pattern: /\bunauthorized_client\b/,
    priority: 5,
  },
  {
    id: 'oauth-invalid-scope',
    title: 'The requested scope is invalid (invalid_scope)',
    cause: 'A scope is unknown, malformed (comma-separated, split into characters), or mixes resources.',
    fix:
      'Send space-separated full scopes: for Microsoft https://outlook.office.com/IMAP.AccessAsUser.All offline_access ' +
      '(one resource per request); for Google https://mail.google.com/.',
    severity: 'error',
    source: 'identity',
    provider: 'generic',
    docs: [DOCS.rfc6749Errors, DOCS.entraScopes, DOCS.googleGmailScopes],
    keys: ['invalid'],
    pattern: /\binvalid_scope\b/,
    priority: 5,
  },
  {
    id: 'oauth-invalid-request',
    title: 'The token request is malformed (invalid_request)',
    cause: 'A required parameter is missing or repeated, or the body is not form-encoded.',
    fix: 'Compare the request with the flow documentation; the error_description names the parameter.',
    severity: 'error',
    source: 'identity',
    provider: 'generic',
    docs: [DOCS.rfc6749Errors],
    keys: ['invalid'],
    pattern: /\binvalid_request\b/,
    priority: 4,
  },
  {
    id: 'oauth-unsupported-grant-type',
    title: 'The server does not support this grant type (unsupported_grant_type)',
    cause: 'grant_type is misspelt or not enabled for this endpoint/app.',
    fix: 'Use authorization_code, refresh_token, client_credentials or urn:ietf:params:oauth:grant-type:device_code as the flow requires.',
    severity: 'error',
    source: 'identity',
    provider: 'generic',
    docs: [DOCS.rfc6749Errors],
    keys: ['unsupported'],
    pattern: /\bunsupported_grant_type\b/,
    priority: 5,
  },
  {
    id: 'oauth-consent-required',
    title: 'Consent is required (consent_required)',
    cause: 'A silent or non-interactive request needs the user (or an admin) to consent to the requested permissions first.',
    fix: 'Run an interactive sign-in (prompt=consent if needed) or have an admin grant consent for the organisation.',
    severity: 'error',
    source: 'identity',
    provider: 'generic',
    docs: [DOCS.oidcAuthErrors, DOCS.entraConsent],
    keys: ['_required'],
    pattern: /\bconsent_required\b/,
    priority: 5,
  },
  {
    id: 'oauth-interaction-required',
    title: 'User interaction is required (interaction_required)',
    cause: 'Silent token acquisition cannot continue: MFA, Conditional Access, consent or a new sign-in is needed.',
    fix: 'Fall back to an interactive flow (authorization code in a browser, or device code).',
    severity: 'warning',
    source: 'identity',
    provider: 'generic',
    docs: [DOCS.oidcAuthErrors, DOCS.entraMsalJsErrors],
    keys: ['_required'],
    pattern: /\binteraction_required\b/,
    priority: 5,
  },
  {
    id: 'oauth-login-required',
    title: 'A sign-in is required (login_required)',
    cause: 'A silent request (prompt=none) found no signed-in session.',
    fix: 'Fall back to an interactive sign-in.',
    severity: 'warning',
    source: 'identity',
    provider: 'generic',
    docs: [DOCS.oidcAuthErrors],
    keys: ['_required'],
    pattern: /\blogin_required\b/,
    priority: 5,
  },
  {
    id: 'oauth-authorization-pending',
    title: 'Device code flow: the user has not finished signing in yet (authorization_pending)',
    cause: 'Expected while polling the token endpoint during the device authorization grant.',
    fix: 'Keep polling at the given interval until the user completes the sign-in or the code expires.',
    severity: 'info',
    source: 'identity',
    provider: 'generic',
    docs: [DOCS.rfc8628Errors, DOCS.entraDeviceCode],
    keys: ['authorization_pending'],
    pattern: /\bauthorization_pending\b/,
    priority: 5,
  },
  {
    id: 'oauth-slow-down',
    title: 'Device code flow: polling too fast (slow_down)',
    cause: 'The client polls the token endpoint more often than the interval allows.',
    fix: 'Increase the polling interval by 5 seconds as RFC 8628 requires and keep polling.',
    severity: 'warning',
    source: 'identity',
    provider: 'generic',
    docs: [DOCS.rfc8628Errors],
    keys: ['slow_down'],
    pattern: /\bslow_down\b/,
    priority: 5,
  },
  {
    id: 'oauth-expired-token',
    title: 'Device code flow: the device code expired (expired_token)',
    cause: 'The user did not complete the sign-in before the device code expired.',
    fix: 'Start a new device authorization request and complete it in time.',
    severity: 'warning',
    source: 'identity',
    provider: 'generic',
    docs: [DOCS.rfc8628Errors, DOCS.entraDeviceCode],
    keys: ['expired'],
    pattern: /\bexpired_token\b/,
    priority: 5,
  },
  {
    id: 'oauth-access-denied',
    title: 'The user or server denied the authorization (access_denied)',
    cause: 'The user declined consent or cancelled the sign-in, or a policy refused it.',
    fix: 'Retry and accept the consent screen, or ask an admin to grant consent / allow the app.',
    severity: 'error',
    source: 'identity',
    provider: 'generic',
    docs: [DOCS.rfc6749AuthzErrors, DOCS.rfc8628Errors],
    keys: ['denied'],
    pattern: /\baccess_denied\b/,
    priority: 5,
  },
  {
    id: 'oauth-temporarily-unavailable',
    title: 'The authorization server is temporarily unavailable (temporarily_unavailable)',
    cause: 'The identity provider is overloaded or in maintenance.',
    fix: 'Retry later with backoff.',
    severity: 'warning',
    source: 'identity',
    provider: 'generic',
    docs: [DOCS.rfc6749AuthzErrors, DOCS.entraErrorCodes],
    keys: ['unavailable'],
    pattern: /\btemporarily_unavailable\b/,
    priority: 5,
  },
  {
    id: 'aadsts-other',
    title: 'Microsoft Entra sign-in error (AADSTS code)',
    cause: 'The Microsoft identity platform refused the request; the code names the reason.',
    fix: 'Look the code up at https://login.microsoftonline.com/error?code=<number> and in the error code reference.',
    severity: 'error',
    source: 'identity',
    provider: 'microsoft',
    docs: [DOCS.entraErrorCodes],
    keys: ['aadsts'],
    pattern: /\bAADSTS\d{4,7}\b[^\r\n"]{0,300}/,
    priority: 10,
    fallback: true,
  },
];

const GOOGLE_ENTRIES: readonly Entry[] = [
  {
    id: 'google-token-expired-or-revoked',
    title: 'Google refresh token expired or revoked (invalid_grant: Token has been expired or revoked)',
    cause:
      'The refresh token no longer works: the app\'s OAuth consent screen is in "Testing" publishing status with External ' +
      'users (refresh tokens then expire after 7 days), the user revoked access or changed the password, the token was unused ' +
      'for six months, or the per-account limit of refresh tokens for this client was exceeded.',
    fix:
      'Google Cloud console → APIs & Services → OAuth consent screen (Google Auth Platform → Audience) → Publish app / ' +
      'In production, then sign in again to get a new refresh token (tokens issued while in Testing keep their 7-day limit).',
    severity: 'error',
    source: 'identity',
    provider: 'gmail',
    docs: [DOCS.googleTokenExpiration, DOCS.googleOAuth2],
    keys: ['expired'],
    pattern: /Token has been expired or revoked\.?/,
    priority: 20,
  },
  {
    id: 'google-invalid-grant-bad-request',
    title: 'Google refused the refresh token (invalid_grant: Bad Request)',
    cause:
      'Google gives no detail: usually the refresh token is expired or revoked (7-day limit in Testing status, revoked ' +
      'consent, password change), or an authorization code was reused or redeemed with another redirect_uri.',
    fix: 'Sign in again for a new refresh token; publish the OAuth consent screen (In production) so tokens stop expiring after 7 days.',
    severity: 'error',
    source: 'identity',
    provider: 'gmail',
    docs: [DOCS.googleTokenExpiration],
    keys: ['invalid'],
    pattern: /invalid_grant\b[^\r\n]{0,80}?Bad Request/,
    priority: 18,
  },
  {
    id: 'google-unauthorized-client-or-scope',
    title: 'Google: Unauthorized client or scope in request',
    cause:
      'A service account with domain-wide delegation asked for a scope that the Workspace admin has not authorised for its ' +
      'client id (or the client id is wrong).',
    fix:
      'Google Admin console → Security → Access and data control → API controls → Manage Domain Wide Delegation → add the ' +
      'service account client id with https://mail.google.com/.',
    severity: 'error',
    source: 'identity',
    provider: 'gmail',
    docs: [DOCS.googleOAuth2, DOCS.googleXoauth2],
    keys: ['unauthorized'],
    pattern: /Unauthorized client or scope in request\.?/,
    priority: 20,
  },
  {
    id: 'google-invalid-scope',
    title: 'Google: Some requested scopes were invalid',
    cause:
      'A scope is unknown or malformed; a list like {invalid=[a, c, e, ...]} means a single scope string was split into ' +
      'characters because a string was passed where a list of scopes was expected.',
    fix: 'Pass the scopes as a list of full URLs, e.g. ["https://mail.google.com/"].',
    severity: 'error',
    source: 'identity',
    provider: 'gmail',
    docs: [DOCS.googleGmailScopes, DOCS.googleOAuth2],
    keys: ['invalid'],
    pattern: /Some requested scopes were invalid\.?[^\r\n'"]{0,200}/,
    priority: 20,
  },
  {
    id: 'google-admin-policy-enforced',
    title: 'Google Workspace admin policy blocks this app (admin_policy_enforced)',
    cause:
      'The Workspace administrator restricts which third-party apps may access Google data (API controls), and this OAuth ' +
      'client id is not trusted or the requested scope (e.g. https://mail.google.com/) is restricted.',
    fix:
      'A Workspace admin: Admin console → Security → Access and data control → API controls → Manage third-party app access → ' +
      'add the app by its client id and set it to Trusted (or allow the Gmail service).',
    severity: 'error',
    source: 'identity',
    provider: 'gmail',
    docs: [DOCS.googleAccessErrors, DOCS.googleOAuth2],
    keys: ['policy'],
    pattern: /\badmin_policy_enforced\b[^\r\n]{0,160}/,
    priority: 20,
  },
  {
    id: 'google-policy-enforced',
    title: 'Google refused the sign-in for a security policy (policy_enforced)',
    cause:
      'The account is in the Advanced Protection Program (or under a comparable policy), which lets only Google apps and ' +
      'verified apps use sensitive scopes such as Gmail; refresh tokens of other apps are refused.',
    fix: 'Use a Google app or a verified client with this account, leave Advanced Protection, or use another account for the tool.',
    severity: 'error',
    source: 'identity',
    provider: 'gmail',
    docs: [DOCS.googleAccessErrors],
    keys: ['policy'],
    pattern: /(?<!admin_)\bpolicy_enforced\b[^\r\n]{0,160}/,
    priority: 20,
  },
  {
    id: 'google-oob-blocked',
    title: "Google blocked the sign-in: the request doesn't comply with Google's OAuth 2.0 policy",
    cause:
      'Google refuses the authorization request itself. Most often it uses the out-of-band redirect urn:ietf:wg:oauth:2.0:oob ' +
      '(copy and paste the code), which Google has blocked; the same page also appears for a redirect URI that is not ' +
      'registered for the client (then it says redirect_uri_mismatch) and for sign-ins from embedded web views.',
    fix:
      'Read "Request details" on the page. redirect_uri=urn:ietf:wg:oauth:2.0:oob: use a loopback redirect ' +
      '(http://127.0.0.1:<port>/ or http://localhost) with a Desktop app client id, or update the tool to a version without ' +
      'OOB. Any other redirect_uri: register exactly that URI for the client. Sign in from the system browser, not a web view.',
    severity: 'error',
    source: 'identity',
    provider: 'gmail',
    docs: [DOCS.googleOobMigration],
    keys: ['policy'],
    pattern: /doesn(?:'|&#39;|’)t comply with Google(?:'|&#39;|’)s OAuth 2\.0 policy[^\r\n]{0,120}/i,
    priority: 20,
    supersedes: ['oauth-invalid-request'],
  },
  {
    id: 'google-app-not-verified-testing',
    title: 'Google blocked the sign-in: the app is in testing and this account is not a test user',
    cause:
      'The OAuth consent screen is in "Testing" publishing status and the account is not on its list of test users, so ' +
      'Google answers access_denied ("has not completed the Google verification process").',
    fix:
      'Google Cloud console → Google Auth Platform → Audience (OAuth consent screen) → Test users → add the account, or publish ' +
      'the app (In production). Refresh tokens of apps in Testing also expire after 7 days.',
    severity: 'error',
    source: 'identity',
    provider: 'gmail',
    docs: [DOCS.googleAccessErrors, DOCS.googleTokenExpiration],
    keys: ['verif'],
    pattern: /has not completed the Google verification process[^\r\n]{0,80}|currently being tested and it hasn(?:'|’)t been verified by Google/i,
    priority: 20,
    supersedes: ['oauth-access-denied'],
  },
  {
    id: 'google-redirect-uri-mismatch',
    title: 'Google: the redirect URI is not registered for this client (redirect_uri_mismatch)',
    cause:
      'The redirect_uri in the request is not among the client\'s authorised redirect URIs (scheme, host, port and path ' +
      'count), or a Web client is used by a desktop tool that redirects to http://localhost:<random port>.',
    fix:
      'Google Cloud console → Credentials → <OAuth client> → Authorised redirect URIs: add the exact URI, or create a Desktop ' +
      'app client, which accepts any loopback port.',
    severity: 'error',
    source: 'identity',
    provider: 'gmail',
    docs: [DOCS.googleOAuth2],
    keys: ['redirect_uri'],
    pattern: /\bredirect_uri_mismatch\b[^\r\n]{0,160}/,
    priority: 22,
    supersedes: ['google-oob-blocked'],
  },
  {
    id: 'entra-resource-principal-not-found',
    title: 'Microsoft Entra: the resource principal was not found in the tenant (AADSTS500011 without its code)',
    cause:
      'The resource (the URL before the scope name, or the resource parameter) does not exist in the tenant the request went ' +
      'to: a typo or a scope of one API under another API\'s URL, a tenant without Exchange Online for https://outlook.office.com, ' +
      'or the wrong tenant in the authority.',
    fix: `Check the authority tenant and the scope's resource: ${OUTLOOK_SCOPES} for mail protocols, https://graph.microsoft.com/... only for Graph.`,
    severity: 'error',
    source: 'identity',
    provider: 'microsoft',
    docs: [DOCS.entraErrorCodes, DOCS.entraScopes],
    keys: ['principal'],
    pattern: /The resource principal named [^\r\n]{0,200}? was not found in the tenant/i,
    priority: 14,
  },
  {
    id: 'google-oauth-client-not-found',
    title: 'Google does not know this client id (invalid_client: The OAuth client was not found)',
    cause:
      'Google\'s token endpoint has no OAuth client with this client_id: a placeholder or mistyped id, a deleted client, ' +
      'or the client id of another provider. sasl-xoauth2 sends every refresh to https://accounts.google.com/o/oauth2/token ' +
      'when /etc/sasl-xoauth2.conf has no token_endpoint, so a Microsoft client id and refresh token end up there.',
    fix:
      'Copy the client id from Google Cloud console → APIs & Services → Credentials; for Microsoft 365 add "token_endpoint": ' +
      '"https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token" to /etc/sasl-xoauth2.conf.',
    severity: 'error',
    source: 'identity',
    provider: 'gmail',
    docs: [DOCS.googleOAuth2, DOCS.saslXoauth2],
    keys: ['oauth client'],
    pattern: /The OAuth client was not found\.?/,
    priority: 20,
  },
];

const MSAL_ENTRIES: readonly Entry[] = [
  {
    id: 'msal-authority-uri-insecure',
    title: 'MSAL refused the authority: it must use https (authority_uri_insecure)',
    cause: 'The authority URL starts with http:// (or was assembled without a scheme).',
    fix: 'Use https://login.microsoftonline.com/<tenant id | organizations | common | consumers> as the authority.',
    severity: 'error',
    source: 'identity',
    provider: 'microsoft',
    docs: [DOCS.entraMsalConfig, DOCS.entraMsalJsErrors],
    keys: ['authority'],
    pattern: /\bauthority_uri_insecure\b[^\r\n]{0,160}/,
    priority: 20,
  },
  {
    id: 'msal-endpoints-resolution-error',
    title: 'MSAL could not discover the authority endpoints (endpoints_resolution_error)',
    cause:
      'MSAL fetches <authority>/v2.0/.well-known/openid-configuration before the first token request; that failed: no network ' +
      'or proxy settings, DNS failure, a typo in the authority host or tenant, or TLS interception.',
    fix:
      'Check the authority (https://login.microsoftonline.com/<tenant>), that the machine can reach it (proxy, firewall), and ' +
      'that the tenant exists; enable MSAL logging to see the failing request.',
    severity: 'error',
    source: 'identity',
    provider: 'microsoft',
    docs: [DOCS.entraMsalConfig, DOCS.entraMsalJsErrors],
    keys: ['_error', 'resolve endpoints'],
    pattern: /\bendpoints_resolution_error\b[^\r\n]{0,160}|could not resolve endpoints\b[^\r\n]{0,120}/,
    priority: 20,
  },
  {
    id: 'msal-invalid-authority',
    title: 'MSAL rejected the authority (invalid_authority / untrusted_authority)',
    cause: 'The authority URL is malformed, points to an unknown host, or is not in knownAuthorities.',
    fix: 'Use https://login.microsoftonline.com/<tenant> (or the national-cloud host) and, for other hosts, list them in knownAuthorities.',
    severity: 'error',
    source: 'identity',
    provider: 'microsoft',
    docs: [DOCS.entraMsalConfig],
    keys: ['authority'],
    pattern: /\b(?:invalid_authority|untrusted_authority)\b[^\r\n]{0,160}/,
    priority: 20,
  },
  {
    id: 'msal-url-parse-error',
    title: 'MSAL could not parse a URL (url_parse_error)',
    cause: 'The authority or redirect URI is not an absolute URL (missing scheme, stray spaces, placeholders left in).',
    fix: 'Set the authority to https://login.microsoftonline.com/<tenant> and the redirect URI to an absolute URL such as http://localhost.',
    severity: 'error',
    source: 'identity',
    provider: 'microsoft',
    docs: [DOCS.entraMsalConfig],
    keys: ['_error'],
    pattern: /\burl_parse_error\b[^\r\n]{0,160}/,
    priority: 20,
  },
  {
    id: 'msal-no-tokens-found',
    title: 'MSAL found no cached token for a silent request (no_tokens_found)',
    cause: 'acquireTokenSilent had no matching account or refresh token in the cache (new machine, cleared cache, other scopes).',
    fix: 'Catch it and fall back to an interactive or device code sign-in; persist the MSAL token cache between runs.',
    severity: 'warning',
    source: 'identity',
    provider: 'microsoft',
    docs: [DOCS.entraMsalJsErrors],
    keys: ['no_tokens'],
    pattern: /\bno_tokens_found\b[^\r\n]{0,160}/,
    priority: 20,
  },
];

/** Identity errors as libraries and tools show them: without their AADSTS code, or only as an HTTP status. */
const CODELESS_ENTRIES: readonly Entry[] = [
  {
    id: 'entra-scope-more-than-one-resource',
    title: 'Microsoft Entra: the scopes name more than one resource (AADSTS70011/AADSTS28000 without its code)',
    cause:
      'One token is always for one resource, and the request mixes two: usually Microsoft Graph permissions (User.Read, ' +
      'Mail.Read) with the Outlook ones for the mail protocols (https://outlook.office.com/IMAP.AccessAsUser.All, SMTP.Send).',
    fix:
      'Request the mail scopes alone, e.g. https://outlook.office.com/IMAP.AccessAsUser.All https://outlook.office.com/SMTP.Send ' +
      'offline_access (openid, profile and email may be added); get a Graph token with a second request if the app calls Graph too.',
    severity: 'error',
    source: 'identity',
    provider: 'microsoft',
    docs: [DOCS.entraScopes, DOCS.msOAuthImapPopSmtp],
    keys: ['one resource'],
    pattern: /(?:[Pp]rovided value for the input parameter )?scope is not valid because it contains more than one resource\.?/,
    priority: 14,
  },
  {
    id: 'entra-invalid-audience',
    title: 'The API refused the token: it was issued for another resource (Access token validation failure. Invalid audience.)',
    cause:
      'Microsoft Graph (or another API) checks the token\'s aud claim: a token for the mail protocols (aud ' +
      'https://outlook.office.com) cannot call Graph\'s /me, and a Graph token cannot log in to IMAP, POP or SMTP.',
    fix:
      'Get one token per resource: Outlook scopes for the mail protocols, https://graph.microsoft.com/User.Read (or other ' +
      'Graph scopes) for Graph; for the user\'s address read preferred_username from the id_token instead of calling /me.',
    severity: 'error',
    source: 'identity',
    provider: 'microsoft',
    docs: [DOCS.entraScopes, DOCS.msOAuthImapPopSmtp],
    keys: ['invalid'],
    pattern: /Access token validation failure\. Invalid audience\.?/,
    priority: 14,
  },
  {
    id: 'entra-client-secret-required',
    title: 'Microsoft Entra wants a client secret the request lacks (AADSTS7000218 without its code)',
    cause:
      'The app registration is a confidential client (Web platform, "Allow public client flows" off), so the token ' +
      'endpoint expects a client secret or certificate; desktop tools and the device code flow send none.',
    fix:
      'Azure portal → App registrations → <app> → Authentication → Allow public client flows: Yes (device code, desktop ' +
      'tools such as mutt_oauth2.py or sasl-xoauth2-tool), or send the client secret Value with the request.',
    severity: 'error',
    source: 'identity',
    provider: 'microsoft',
    docs: [DOCS.entraPublicClient, DOCS.entraErrorCodes],
    keys: ['client_assertion'],
    pattern: /The request body must contain the following parameter: ['‘’]client_assertion['‘’] or ['‘’]client_secret['‘’]?/,
    priority: 14,
  },
  {
    id: 'oauth-token-endpoint-unauthorized',
    title: 'The token endpoint answered HTTP 401 Unauthorized (client authentication failed)',
    cause:
      'A 401 from the token endpoint means invalid_client: a wrong or expired client secret, the secret\'s ID sent instead ' +
      'of its Value, a confidential app registration used without a secret, or a secret sent for a public client. The ' +
      'response body (error_description with an AADSTS code) says which.',
    fix:
      'Print the response body; check client_id and create a new client secret (copy its Value); for device code and ' +
      'desktop tools enable "Allow public client flows" and send no secret.',
    severity: 'error',
    source: 'identity',
    provider: 'generic',
    docs: [DOCS.rfc6749Errors, DOCS.entraPublicClient],
    keys: ['unauthorized'],
    pattern: /HTTP Error 401: Unauthorized|<HTTPError 401: 'Unauthorized'>|OAuth token endpoint failure: Status: Unauthorized|resulted in a `401 Unauthorized` response/,
    context: [/token|oauth|login\.microsoftonline\.com|accounts\.google\.com/i],
    priority: 6,
    fallback: true,
  },
  {
    id: 'email-oauth2-proxy-token-request-failed',
    title: 'email-oauth2-proxy: the token request failed (HTTPError 400 / 401)',
    cause:
      'The proxy\'s request to token_url was refused. 400 most often means scopes that cannot be requested together (a ' +
      '/.default scope mixed with named scopes, or scopes of two resources), an expired or revoked refresh token, or a ' +
      'redirect_uri or tenant that does not fit the app; 401 means the client id or secret is wrong.',
    fix:
      'Run the proxy with --debug to see the error_description; for the client credentials flow use oauth2_scope = ' +
      'https://outlook.office365.com/.default alone with the tenant\'s token_url, otherwise the delegated scopes without /.default.',
    severity: 'error',
    source: 'identity',
    provider: 'generic',
    docs: [DOCS.entraScopes, DOCS.entraClientCredentials],
    keys: ['oauth 2.0'],
    pattern: /Caught exception while requesting OAuth 2\.0 credentials for [^\s:]{1,320}: <HTTPError \d{3}: '[^'\r\n]{0,40}'>/,
    priority: 20,
  },
];

export const IDENTITY_ENTRIES: readonly Entry[] = [
  ...AADSTS_ENTRIES,
  ...GOOGLE_ENTRIES,
  ...MSAL_ENTRIES,
  ...OAUTH_ENTRIES,
  ...CODELESS_ENTRIES,
];
