// Near misses for the entries of the fifth real-world round (samples: realWorld5Samples.ts): text that shares
// their words but is another failure must not get their confident answer.
import * as assert from 'assert';
import { explain } from '../../src/core/explain';

const ids = (text: string) => explain(text).map((f) => f.id);
const first = (text: string) => ids(text)[0];

describe('knowledge base: fifth real-world round, near misses', () => {
  it("Gmail's request-id wording needs Gmail's id shape, not any word after Invalid credentials", () => {
    assert.strictEqual(first('{ [Error: Invalid credentials lu2mb33951954wic] textCode: undefined }'), 'gmail-imap-invalid-credentials');
    assert.ok(!ids('Invalid credentials supplied for user bob').includes('gmail-imap-invalid-credentials'));
  });

  it('a 454 4.7.0 answer no longer blames Dovecot alone, and 454 TLS-not-available is not it', () => {
    const finding = explain('454 4.7.0 Temporary authentication failure')[0];
    assert.strictEqual(finding.id, 'dovecot-smtp-temporary-failure');
    assert.ok(!/^Dovecot/.test(finding.title), finding.title);
    assert.ok(!ids('454 4.7.0 TLS not available due to local problem').includes('dovecot-smtp-temporary-failure'));
  });

  it("Python's 535 tuple is a refused login; a 535 with Gmail's wording keeps Gmail's entry", () => {
    assert.strictEqual(first("ERROR: (535, '5.7.8 Authentication failed')"), 'smtp-535-credentials-refused');
    assert.strictEqual(first("(535, b'5.7.8 Username and Password not accepted. Learn more at\\n5.7.8  https://support.google.com/mail/?p=BadCredentials x - gsmtp')"), 'gmail-smtp-bad-credentials');
  });

  it("Courier's successful LOGIN and other Courier lines are not a failure", () => {
    assert.ok(!ids('Aug  4 00:24:18 szerver imapd-ssl: LOGIN, user=user@domain.com, ip=[::ffff:8.0.14.239], port=[50522], protocol=IMAP').includes('courier-login-failed'));
    assert.ok(!ids('Aug  4 00:24:24 szerver imapd-ssl: LOGOUT, ip=[::ffff:84.0.134.239], rcvd=104, sent=342').includes('courier-login-failed'));
  });

  it("Postfix smtpd's SASL failure is the server's view; the client's cannot-authenticate lines keep theirs", () => {
    assert.strictEqual(first('postfix/smtpd[3101]: warning: unknown[203.0.113.9]: SASL PLAIN authentication failed: '), 'postfix-smtpd-sasl-authentication-failed');
    const client = 'postfix/smtp[522]: 1284417F5B3: SASL authentication failed; cannot authenticate to server smtp.gmail.com[74.125.136.108]: generic failure';
    assert.ok(!ids(client).includes('postfix-smtpd-sasl-authentication-failed'), ids(client).join());
    assert.strictEqual(first('warning: SASL XOAUTH2 authentication failed: no mechanism available'), 'postfix-smtpd-no-xoauth2');
  });

  it('a Postfix sender rejection for another reason is not the not-logged-in answer', () => {
    assert.ok(!ids('553 5.7.1 <bob@example.com>: Sender address rejected: not owned by user alice@example.com').includes('postfix-sender-rejected-not-logged-in'));
  });

  it('a 503 5.5.1 bad sequence of commands is not the authenticate-first answer', () => {
    assert.ok(!ids('503 5.5.1 Error: nested MAIL command').includes('smtp-503-authenticate-first'));
    assert.ok(!ids('503 5.5.1 Bad sequence of commands').includes('smtp-503-authenticate-first'));
  });

  it('webklex: a connection failure without a refused login is not the login answer', () => {
    assert.ok(!ids('Error: connection setup failed; File: /www/html/vendor/webklex/php-imap/src/Client.php (391)').includes('webklex-connection-setup-failed-authentication'));
  });

  it("Roundcube's SMTP 535 keeps its SMTP entry, not the IMAP login one", () => {
    assert.strictEqual(first('SMTP Error (535): Authentication failed.'), 'roundcube-smtp-535');
    assert.ok(!ids('SMTP Error (535): Authentication failed.').includes('roundcube-imap-login-failed'));
  });

  it("AADSTS500112 is not AADSTS50011's redirect URI mismatch and vice versa", () => {
    assert.strictEqual(first("AADSTS500112: The reply address 'http://a.local/confirm' does not match the reply address 'https://a.local/confirm'"), 'aadsts500112');
    assert.ok(!ids("AADSTS50011: The redirect URI 'http://localhost' specified in the request does not match").includes('aadsts500112'));
  });

  it('saslauthd success and other 0: replies are not a failure', () => {
    assert.ok(!ids('0: OK "Success."').includes('saslauthd-test-authentication-failed'));
  });

  it('AADSTS700081 (maximum lifetime) and AADSTS700082 (inactivity) stay apart', () => {
    assert.strictEqual(first('AADSTS700081: The refresh token has expired due to maximum lifetime.'), 'aadsts700081');
    assert.ok(!ids('AADSTS700082: The refresh token has expired due to inactivity.').includes('aadsts700081'));
  });

  it("JavaMail's other 334 replies and a refused password are not the stopped-at-prompt answer", () => {
    assert.ok(!ids('javax.mail.AuthenticationFailedException: 334 ').includes('jakarta-mail-auth-stopped-at-prompt'));
    assert.ok(!ids('javax.mail.AuthenticationFailedException: 535 5.7.8 Error: authentication failed').includes('jakarta-mail-auth-stopped-at-prompt'));
  });
});
