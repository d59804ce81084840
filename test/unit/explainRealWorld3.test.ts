// Near misses for the entries of the third real-world round (samples: realWorld3Samples.ts): text that shares
// their words but is another failure must not get their confident answer.
import * as assert from 'assert';
import { explain, explainLine } from '../../src/core/explain';

const ids = (text: string) => explain(text).map((f) => f.id);
const first = (text: string) => ids(text)[0];

describe('knowledge base: third real-world round, near misses', () => {
  it('an AUTHENTICATIONFAILED reply without iCloud in sight is not the iCloud answer', () => {
    assert.notStrictEqual(first('a1 NO [AUTHENTICATIONFAILED] Authentication failed.'), 'icloud-imap-authentication-failed');
    assert.strictEqual(first("iCloud IMAP operation failed: b'[AUTHENTICATIONFAILED] Authentication Failed'"), 'icloud-imap-authentication-failed');
  });

  it('the bracketed AUTHENTICATIONFAILED code keeps its own entry, not the bare "NO authentication failed" one', () => {
    assert.ok(!ids('a1 NO [AUTHENTICATIONFAILED] Authentication failed.').includes('imap-no-authentication-failed'));
  });

  it("Gmail's login throttling is not Yahoo's bad-attempts answer", () => {
    const line = 'Too many login attempts, please try again later. b9-20020adfe309000000b0020d0c9c95d3sm2119253wrj.77 - gsmtp';
    assert.ok(!ids(line).includes('yahoo-too-many-bad-attempts'), ids(line).join());
  });

  it("a server-side Cyrus SASL failure is not the client plugin's rejected-token answer", () => {
    assert.strictEqual(first('badlogin: [10.0.0.5] PLAIN [SASL(-13): authentication failure: Password verification failed]'), 'cyrus-sasl-authentication-failure');
  });

  it('an unexpected EOF outside OpenSSL is no TLS verdict', () => {
    assert.deepStrictEqual(explainLine('SyntaxError: Unexpected EOF while reading JSON'), []);
  });

  it('other TLS alerts and other 5xx replies keep their own entries', () => {
    assert.ok(!ids('javax.net.ssl.SSLHandshakeException: Received fatal alert: handshake_failure').includes('tls-alert-protocol-version'));
    assert.ok(!ids('502 5.5.2 Error: command not recognized').includes('smtp-auth-command-not-implemented'));
    assert.ok(!ids('503 5.5.1 Error: authentication not enabled').includes('smtp-503-bad-sequence'));
  });

  it('another AADSTS code is not AADSTS65006, and a Keycloak secret error is not the signed-JWT one', () => {
    assert.strictEqual(first("AADSTS65001: The user or administrator has not consented to use the application with ID 'x'."), 'aadsts65001');
    assert.ok(!ids('{"error":"invalid_client","error_description":"Invalid client or Invalid client credentials"}').includes('keycloak-client-assertion-type-missing'));
  });

  it('a redirect URI mismatch without the out-of-band redirect keeps the mismatch answer', () => {
    assert.strictEqual(
      first('Error 400: redirect_uri_mismatch The redirect URI in the request, http://localhost:58903/, does not match the ones authorized for the OAuth client.'),
      'google-redirect-uri-mismatch',
    );
  });
});
