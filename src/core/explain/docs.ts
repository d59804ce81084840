// Links to official documentation, named once so that entries stay short and a moved page is
// fixed in one place.
import { DocLink } from './types';

const doc = (title: string, url: string): DocLink => Object.freeze({ title, url });

export const DOCS = Object.freeze({
  msOAuthImapPopSmtp: doc(
    'Authenticate an IMAP, POP or SMTP connection using OAuth',
    'https://learn.microsoft.com/en-us/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth',
  ),
  msSmtpAuth: doc(
    'Enable or disable authenticated client SMTP submission (SMTP AUTH) in Exchange Online',
    'https://learn.microsoft.com/en-us/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission',
  ),
  msPopImapAccess: doc(
    'Enable or disable POP3 or IMAP4 access for a user in Exchange Online',
    'https://learn.microsoft.com/en-us/exchange/clients-and-mobile-in-exchange-online/pop3-and-imap4/enable-or-disable-pop3-or-imap4-access',
  ),
  msBasicAuthDeprecation: doc(
    'Deprecation of Basic authentication in Exchange Online',
    'https://learn.microsoft.com/en-us/exchange/clients-and-mobile-in-exchange-online/deprecation-of-basic-authentication-exchange-online',
  ),
  msSetCasMailbox: doc('Set-CASMailbox', 'https://learn.microsoft.com/en-us/powershell/module/exchange/set-casmailbox'),
  msSetTransportConfig: doc(
    'Set-TransportConfig',
    'https://learn.microsoft.com/en-us/powershell/module/exchange/set-transportconfig',
  ),
  msNewServicePrincipal: doc(
    'New-ServicePrincipal',
    'https://learn.microsoft.com/en-us/powershell/module/exchange/new-serviceprincipal',
  ),
  msAddMailboxPermission: doc(
    'Add-MailboxPermission',
    'https://learn.microsoft.com/en-us/powershell/module/exchange/add-mailboxpermission',
  ),
  msAddRecipientPermission: doc(
    'Add-RecipientPermission',
    'https://learn.microsoft.com/en-us/powershell/module/exchange/add-recipientpermission',
  ),
  msMultifunctionDevice: doc(
    'How to set up a multifunction device or application to send email using Microsoft 365 or Office 365',
    'https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/how-to-set-up-a-multifunction-device-or-application-to-send-email-using-microsoft-365-or-office-365',
  ),
  msNdr: doc(
    'Non-delivery reports and SMTP errors in Exchange Online',
    'https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online',
  ),
  msNdr57xx: doc(
    'Fix email delivery issues for error codes 5.7.700 through 5.7.750 in Exchange Online',
    'https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-5-7-700-through-5-7-750',
  ),
  msNdr4500: doc(
    'Fix email delivery issues for error code 451 4.7.500-699 (ASxxx) in Exchange Online',
    'https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-451-4-7-500-699-asxxx-in-exchange-online',
  ),
  msTls12: doc(
    'Preparing for TLS 1.2 in Office 365 and Office 365 GCC',
    'https://learn.microsoft.com/en-us/microsoft-365/compliance/prepare-tls-1.2-in-office-365',
  ),
  entraErrorCodes: doc(
    'Microsoft Entra authentication and authorization error codes',
    'https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes',
  ),
  entraAuthCodeFlow: doc(
    'Microsoft identity platform and OAuth 2.0 authorization code flow',
    'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow',
  ),
  entraDeviceCode: doc(
    'Microsoft identity platform and the OAuth 2.0 device authorization grant flow',
    'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-device-code',
  ),
  entraClientCredentials: doc(
    'Microsoft identity platform and the OAuth 2.0 client credentials flow',
    'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-client-creds-grant-flow',
  ),
  entraPublicClient: doc(
    'Public client and confidential client applications',
    'https://learn.microsoft.com/en-us/entra/identity-platform/msal-client-applications',
  ),
  entraConsent: doc(
    'Overview of permissions and consent in the Microsoft identity platform',
    'https://learn.microsoft.com/en-us/entra/identity-platform/permissions-consent-overview',
  ),
  entraScopes: doc(
    'Scopes and permissions in the Microsoft identity platform',
    'https://learn.microsoft.com/en-us/entra/identity-platform/scopes-oidc',
  ),
  entraRefreshTokens: doc(
    'Refresh tokens in the Microsoft identity platform',
    'https://learn.microsoft.com/en-us/entra/identity-platform/refresh-tokens',
  ),
  entraCertCredentials: doc(
    'Microsoft identity platform application authentication certificate credentials',
    'https://learn.microsoft.com/en-us/entra/identity-platform/certificate-credentials',
  ),
  entraConditionalAccess: doc(
    'Troubleshooting sign-in problems with Conditional Access',
    'https://learn.microsoft.com/en-us/entra/identity/conditional-access/troubleshoot-conditional-access',
  ),
  entraSecurityDefaults: doc(
    'Security defaults in Microsoft Entra ID',
    'https://learn.microsoft.com/en-us/entra/fundamentals/security-defaults',
  ),
  entraMsalJsErrors: doc(
    'Handle errors and exceptions in MSAL.js',
    'https://learn.microsoft.com/en-us/entra/identity-platform/msal-error-handling-js',
  ),
  entraMsalConfig: doc(
    'Application configuration options (MSAL)',
    'https://learn.microsoft.com/en-us/entra/identity-platform/msal-client-application-configuration',
  ),
  googleXoauth2: doc('OAuth 2.0 Mechanism (IMAP, POP and SMTP)', 'https://developers.google.com/gmail/imap/xoauth2-protocol'),
  googleOAuth2: doc('Using OAuth 2.0 to Access Google APIs', 'https://developers.google.com/identity/protocols/oauth2'),
  googleTokenExpiration: doc(
    'Using OAuth 2.0 to Access Google APIs: refresh token expiration',
    'https://developers.google.com/identity/protocols/oauth2#expiration',
  ),
  googleGmailScopes: doc('Choose Gmail API scopes', 'https://developers.google.com/gmail/api/auth/scopes'),
  googleAppPasswords: doc('Sign in with app passwords', 'https://support.google.com/accounts/answer/185833'),
  googleCantSignIn: doc(
    "Can't sign in to your Gmail account from another email app",
    'https://support.google.com/mail/answer/78754',
  ),
  googleImapSmtp: doc('IMAP, POP, and SMTP (Gmail)', 'https://developers.google.com/gmail/imap/imap-smtp'),
  dovecotOAuth2: doc(
    'Dovecot: Open Authentication v2.0 database',
    'https://doc.dovecot.org/configuration_manual/authentication/oauth2/',
  ),
  dovecotMechanisms: doc(
    'Dovecot: Authentication mechanisms',
    'https://doc.dovecot.org/configuration_manual/authentication/authentication_mechanisms/',
  ),
  rfc7628: doc('RFC 7628: A Set of SASL Mechanisms for OAuth', 'https://datatracker.ietf.org/doc/html/rfc7628'),
  rfc7628Errors: doc(
    'RFC 7628 §3.2.2: Server Response to Failed Authentication',
    'https://datatracker.ietf.org/doc/html/rfc7628#section-3.2.2',
  ),
  rfc6749Errors: doc('RFC 6749 §5.2: Error Response', 'https://datatracker.ietf.org/doc/html/rfc6749#section-5.2'),
  rfc6749AuthzErrors: doc(
    'RFC 6749 §4.1.2.1: Authorization Error Response',
    'https://datatracker.ietf.org/doc/html/rfc6749#section-4.1.2.1',
  ),
  rfc8628Errors: doc(
    'RFC 8628 §3.5: Device Access Token Response',
    'https://datatracker.ietf.org/doc/html/rfc8628#section-3.5',
  ),
  oidcAuthErrors: doc(
    'OpenID Connect Core 1.0 §3.1.2.6: Authentication Error Response',
    'https://openid.net/specs/openid-connect-core-1_0.html#AuthError',
  ),
  rfc5530: doc('RFC 5530: IMAP Response Codes', 'https://datatracker.ietf.org/doc/html/rfc5530'),
  rfc3206: doc('RFC 3206: The SYS and AUTH POP Response Codes', 'https://datatracker.ietf.org/doc/html/rfc3206'),
  rfc4954: doc('RFC 4954: SMTP Service Extension for Authentication', 'https://datatracker.ietf.org/doc/html/rfc4954'),
  rfc3463: doc('RFC 3463: Enhanced Mail System Status Codes', 'https://datatracker.ietf.org/doc/html/rfc3463'),
  rfc8314: doc(
    'RFC 8314: Cleartext Considered Obsolete: Use of TLS for Email Submission and Access',
    'https://datatracker.ietf.org/doc/html/rfc8314',
  ),
  rfc8996: doc('RFC 8996: Deprecating TLS 1.0 and TLS 1.1', 'https://datatracker.ietf.org/doc/html/rfc8996'),
  rfc6125: doc(
    'RFC 6125: Representation and Verification of Domain-Based Application Service Identity',
    'https://datatracker.ietf.org/doc/html/rfc6125',
  ),
  rfc5280: doc('RFC 5280: Internet X.509 Public Key Infrastructure Certificate Profile', 'https://datatracker.ietf.org/doc/html/rfc5280'),
  dotnetSslPolicyErrors: doc('SslPolicyErrors Enum (.NET)', 'https://learn.microsoft.com/en-us/dotnet/api/system.net.security.sslpolicyerrors'),
  nodeTls: doc('Node.js: TLS (SSL)', 'https://nodejs.org/api/tls.html'),
  nodeErrors: doc('Node.js: Common system errors', 'https://nodejs.org/api/errors.html#common-system-errors'),
  postfixSasl: doc('Postfix SASL Howto', 'https://www.postfix.org/SASL_README.html'),
  saslXoauth2: doc('sasl-xoauth2: README (configuration and debugging)', 'https://github.com/tarickb/sasl-xoauth2'),
  dovecotSsl: doc('Dovecot: SSL configuration', 'https://doc.dovecot.org/configuration_manual/dovecot_ssl_configuration/'),
  rfc8446Alerts: doc('RFC 8446 §6.2: Error Alerts', 'https://datatracker.ietf.org/doc/html/rfc8446#section-6.2'),
  javaJsse: doc(
    'Java Secure Socket Extension (JSSE) Reference Guide',
    'https://docs.oracle.com/en/java/javase/17/security/java-secure-socket-extension-jsse-reference-guide.html',
  ),
  googleOobMigration: doc(
    'Google: Out-Of-Band (OOB) flow migration guide',
    'https://developers.google.com/identity/protocols/oauth2/resources/oob-migration',
  ),
  googleAccessErrors: doc('Google Account Help: Fix "Access blocked" errors', 'https://support.google.com/accounts/answer/12917337'),
  msalNetSilent: doc(
    'MSAL.NET: Acquire a token from the cache (AcquireTokenSilent)',
    'https://learn.microsoft.com/en-us/entra/msal/dotnet/acquiring-tokens/acquire-token-silently',
  ),
  nodemailerOAuth2: doc('Nodemailer: OAuth2', 'https://nodemailer.com/smtp/oauth2/'),
  curlErrors: doc('libcurl error codes', 'https://curl.se/libcurl/c/libcurl-errors.html'),
  yahooAppPasswords: doc('Yahoo Help: Generate and manage third-party app passwords', 'https://help.yahoo.com/kb/SLN15241.html'),
  yandexClients: doc('Yandex Mail: Setting up mail clients', 'https://yandex.com/support/mail/mail-clients/others.html'),
  zohoImap: doc('Zoho Mail: IMAP access', 'https://www.zoho.com/mail/help/imap-access.html'),
  rfc2971: doc('RFC 2971: IMAP4 ID extension', 'https://datatracker.ietf.org/doc/html/rfc2971'),
  appleAppPasswords: doc('Apple Support: Sign in to apps with your Apple Account using app-specific passwords', 'https://support.apple.com/en-us/102654'),
  gmxImap: doc('GMX Hilfe: POP3/IMAP server data', 'https://hilfe.gmx.net/pop-imap/pop3/serverdaten.html'),
  webdeImap: doc('WEB.DE Hilfe: IMAP server data', 'https://hilfe.web.de/pop-imap/imap/imap-serverdaten.html'),
  fastmailAppPasswords: doc('Fastmail help: app passwords', 'https://www.fastmail.com/help/clients/apppassword.html'),
  postfixTls: doc('Postfix TLS Support', 'https://www.postfix.org/TLS_README.html'),
  mbsync: doc('mbsync manual (isync)', 'https://isync.sourceforge.io/mbsync.html'),
  msmtp: doc('msmtp manual: authentication', 'https://marlam.de/msmtp/msmtp.html'),
  fetchmail: doc('fetchmail manual', 'https://www.fetchmail.info/fetchmail-man.html'),
  dovecotSubmission: doc('Dovecot: Submission server', 'https://doc.dovecot.org/configuration_manual/submission_server/'),
  jakartaMailOAuth2: doc('Jakarta Mail (Angus Mail): OAuth2 support', 'https://eclipse-ee4j.github.io/angus-mail/OAuth2'),
  phpmailerTroubleshooting: doc('PHPMailer wiki: Troubleshooting', 'https://github.com/PHPMailer/PHPMailer/wiki/Troubleshooting'),
  qqAuthCode: doc('QQ Mail help: authorization code', 'https://service.mail.qq.com/cgi-bin/help?subtype=1&&id=28&&no=1001256'),
  msal4j: doc('Microsoft Authentication Library for Java (MSAL4J)', 'https://learn.microsoft.com/en-us/entra/msal/java/'),
  msalNetTokenCache: doc(
    'Token cache serialization in MSAL.NET',
    'https://learn.microsoft.com/en-us/entra/msal/dotnet/how-to/token-cache-serialization',
  ),
  logicAppsOutlookCom: doc(
    'Connect to Outlook.com from Azure Logic Apps',
    'https://learn.microsoft.com/en-us/azure/connectors/connectors-create-api-outlook',
  ),
  thunderbirdAutoconfig: doc(
    'Thunderbird: Autoconfiguration config file format (OAuth2)',
    'https://wiki.mozilla.org/Thunderbird:Autoconfiguration:ConfigFileFormat',
  ),
  angusMailOAuth2: doc('Angus Mail (Jakarta Mail): OAuth2 support', 'https://eclipse-ee4j.github.io/angus-mail/OAuth2'),
  cyrusSasl: doc('Cyrus SASL documentation', 'https://www.cyrusimap.org/sasl/'),
  eximAuth: doc(
    'Exim: SMTP authentication',
    'https://www.exim.org/exim-html-current/doc/html/spec_html/ch-smtp_authentication.html',
  ),
  neomuttGuide: doc('NeoMutt guide (OAUTHBEARER / XOAUTH2 authentication)', 'https://neomutt.org/guide/'),
  googleServiceAccount: doc('Google: Using OAuth 2.0 for Server to Server Applications (domain-wide delegation)', 'https://developers.google.com/identity/protocols/oauth2/service-account'),
  googleDeviceScopes: doc('Google: OAuth 2.0 for TV and Limited-Input Device Applications (allowed scopes)', 'https://developers.google.com/identity/protocols/oauth2/limited-input-device#allowedscopes'),
  googleUnverifiedApps: doc('Google Cloud: Unverified apps', 'https://support.google.com/cloud/answer/7454865'),
  googleNativeApp: doc('Google: OAuth 2.0 for iOS & Desktop Apps (loopback redirect)', 'https://developers.google.com/identity/protocols/oauth2/native-app'),
  keycloakClients: doc('Keycloak Server Administration: Managing OpenID Connect clients', 'https://www.keycloak.org/docs/latest/server_admin/#_oidc_clients'),
  keycloakSessions: doc('Keycloak Server Administration: Session and token timeouts', 'https://www.keycloak.org/docs/latest/server_admin/#_timeouts'),
  keycloakServiceAccounts: doc('Keycloak Server Administration: Using a service account', 'https://www.keycloak.org/docs/latest/server_admin/#_service_accounts'),
  keycloakDeviceGrant: doc('Keycloak Server Administration: OAuth 2.0 Device Authorization Grant', 'https://www.keycloak.org/docs/latest/server_admin/#_oauth21-device-authorization-grant'),
  keycloakIntrospection: doc('Keycloak Securing Apps: Token introspection endpoint', 'https://www.keycloak.org/securing-apps/oidc-layers#_token_introspection_endpoint'),
  stalwartOidc: doc('Stalwart: OpenID Connect directory', 'https://stalw.art/docs/auth/backend/oidc'),
});
