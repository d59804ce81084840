// Near misses for the entries of the fourth real-world round (samples: realWorld4Samples.ts): text that shares
// their words but is another failure must not get their confident answer.
import * as assert from 'assert';
import { explain } from '../../src/core/explain';

const ids = (text: string) => explain(text).map((f) => f.id);
const first = (text: string) => ids(text)[0];

describe('knowledge base: fourth real-world round, near misses', () => {
  it('a 5.7.57 that wraps a 535 reply is explained by the 535, a bare 5.7.57 keeps its own entry', () => {
    const wrapped =
      'The SMTP server requires a secure connection or the client was not authenticated. The server response was: 5.7.57 Client not authenticated to send mail. Error: 535 5.7.3 Authentication unsuccessful [AM0PR01CA0001.eurprd01.prod.exchangelabs.com]';
    assert.strictEqual(first(wrapped), 'm365-smtp-535-5.7.3');
    assert.ok(!ids(wrapped).includes('m365-smtp-client-not-authenticated'), ids(wrapped).join());
    assert.strictEqual(first('530 5.7.57 Client not authenticated to send mail. [AM0PR01CA0001.eurprd01.prod.exchangelabs.com]'), 'm365-smtp-client-not-authenticated');
  });

  it("Exchange Online's anonymous-mail wording is not the on-premises receive connector answer", () => {
    assert.ok(!ids('530 5.7.1 Client was not authenticated to send anonymous mail during MAIL FROM').includes('exchange-smtp-client-was-not-authenticated'));
  });

  it('sasl-xoauth2: a refresh failure and an unreadable token file get different answers', () => {
    assert.strictEqual(first('sasl-xoauth2: TokenStore::Refresh: request failed'), 'sasl-xoauth2-token-refresh-failed');
    assert.ok(!ids('sasl-xoauth2: TokenStore::Refresh: request failed').includes('sasl-xoauth2-token-file-unreadable'));
    assert.ok(!ids('TokenStore::Read: failed to open file /etc/tokens/a@example.com').includes('sasl-xoauth2-token-refresh-failed'));
  });

  it("Go's other x509 errors are not the unknown-authority answer", () => {
    assert.ok(!ids('x509: certificate has expired or is not yet valid: current time 2026-01-01T00:00:00Z is after 2025-12-31T23:59:59Z').includes('tls-go-x509-unknown-authority'));
    assert.ok(!ids('x509: certificate is valid for mail.example.com, not 10.0.0.25').includes('tls-go-x509-unknown-authority'));
  });

  it('.NET chain errors alone are not a name mismatch', () => {
    assert.ok(!ids('Certificate validation for mail.example.com failed. RemoteCertificateChainErrors').includes('tls-dotnet-certificate-name-mismatch'));
  });

  it("lettre's other permanent errors are not the refused-login answer", () => {
    assert.ok(!ids('Error: permanent error (550): 5.1.1 The email account that you tried to reach does not exist').includes('lettre-smtp-permanent-error-535'));
  });

  it('Ruby: an unknown password mechanism is not the XOAUTH2 authenticator answer', () => {
    assert.ok(!ids('`authenticate\': unknown auth type - "NTLM" (ArgumentError)').includes('ruby-net-imap-unknown-auth-type'));
  });

  it('Java alerts keep their own meaning', () => {
    assert.strictEqual(first('javax.net.ssl.SSLHandshakeException: Received fatal alert: protocol_version'), 'tls-alert-protocol-version');
    assert.ok(!ids('javax.net.ssl.SSLHandshakeException: Received fatal alert: handshake_failure').includes('tls-peer-rejected-certificate'));
    assert.ok(!ids('javax.net.ssl.SSLHandshakeException: Received fatal alert: certificate_unknown').includes('tls-handshake-failure'));
  });

  it("Google's redirect_uri_mismatch is not Microsoft's redirect URI answer", () => {
    assert.strictEqual(first('Error 400: redirect_uri_mismatch'), 'google-redirect-uri-mismatch');
    assert.ok(!ids('Error 400: redirect_uri_mismatch').includes('microsoft-redirect-uri-not-valid'));
  });

  it('the directory wording of AADSTS50034 is not the tenant-membership answer', () => {
    assert.ok(
      !ids('The user account {EmailHidden} does not exist in the contoso directory. To sign into this application, the account must be added to the directory.').includes('entra-user-not-in-tenant'),
    );
  });

  it("Exim's authenticator-broken answer needs its own words", () => {
    assert.ok(!ids('Unable to authenticate: bad credentials').includes('exim-unable-to-authenticate-at-present'));
  });

  it('smtplib: a missing STARTTLS extension is not the missing AUTH answer', () => {
    assert.ok(!ids('smtplib.SMTPNotSupportedError: STARTTLS extension not supported by server.').includes('python-smtp-auth-extension-not-supported'));
  });

  it('a Postfix reason other than the mechanism keeps the generic refused-login answer', () => {
    assert.strictEqual(first('535 5.7.8 Error: authentication failed: UGFzc3dvcmQ6'), 'smtp-error-authentication-failed');
  });

  it("a plain LOGIN failed is not Outlook.com's blocked-account answer", () => {
    assert.ok(!ids('A1 NO LOGIN failed.').includes('outlook-imap-account-blocked'));
  });

  it("Gmail's Authentication Required is not the STARTTLS-first answer", () => {
    assert.strictEqual(first('530-5.7.0 Authentication Required. Learn more at'), 'gmail-smtp-authentication-required');
  });
  it('only token files get the expected-warning answer, and only connection drops the handshake-aborted one', () => {
    assert.ok(!ids('postfix/postfix-script[1234]: warning: not owned by root: /var/spool/postfix/etc/postfix/main.cf').includes('postfix-token-not-owned-by-root'));
    assert.ok(!ids('javax.net.ssl.SSLHandshakeException: SSL handshake aborted: ssl=0x7f1c: Failure in SSL library, usually a protocol error').includes('tls-handshake-aborted-connection'));
  });
});
