// Near misses for the Google, Keycloak, Dovecot and Stalwart entries (src/core/explain/data/openid.json): text that
// shares their words but is another failure must not get their confident answer. Samples: openidSamples.ts.
import * as assert from 'assert';
import { explain, explainLine } from '../../src/core/explain';

const ids = (text: string) => explain(text).map((f) => f.id);

describe('knowledge base: OpenID providers, near misses', () => {
  it('"lookup failed" of DNS or of a Dovecot userdb is not Gmail\'s mailbox lookup', () => {
    for (const line of ['getaddrinfo: DNS lookup failed for imap.example.com', 'auth: Error: userdb lookup failed for adele@example.com', 'LDAP lookup failed: timeout']) {
      assert.ok(!ids(line).some((id) => id.startsWith('gmail-')), `${line}: ${ids(line).join()}`);
    }
  });

  it('Dovecot\'s own "Authentication failed." reply is not Keycloak\'s introspection client refusal', () => {
    assert.ok(!ids('a1 NO [AUTHENTICATIONFAILED] Authentication failed.').includes('keycloak-introspection-client-refused'));
    assert.ok(!ids('535 5.7.8 Authentication failed.').includes('keycloak-introspection-client-refused'));
  });

  it('an "Invalid Value" that is not Google\'s tokeninfo answer gets no token verdict', () => {
    assert.deepStrictEqual(explainLine('ValueError: Invalid Value for --port'), []);
    assert.ok(!ids('{"error_description": "Invalid Value"}').includes('google-tokeninfo-invalid-value'), 'no tokeninfo or invalid_token in sight');
  });

  it('PKCE parameters in an ordinary request, and another invalid parameter, are not a missing-PKCE or redirect verdict', () => {
    assert.deepStrictEqual(explainLine('GET /realms/mail/protocol/openid-connect/auth?client_id=x&code_challenge=abc&code_challenge_method=S256 HTTP/1.1 302'), []);
    assert.ok(!ids('We are sorry... Invalid parameter: client_id').includes('keycloak-invalid-redirect-uri-parameter'));
  });

  it("Microsoft's and Google's client errors keep their own entries", () => {
    assert.ok(!ids('AADSTS7000215: Invalid client secret provided.').some((id) => id.startsWith('keycloak-')));
    assert.strictEqual(ids('{"error": "invalid_grant", "error_description": "Bad Request"}')[0], 'google-invalid-grant-bad-request');
    assert.strictEqual(ids('invalid_grant: Token has been expired or revoked.')[0], 'google-token-expired-or-revoked');
    // A service account's clock error is not Gmail's Testing-status expiry.
    assert.strictEqual(ids('invalid_grant: Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe.')[0], 'google-invalid-grant-jwt-clock');
  });

  it("without a service account in sight, Gmail's invalid credentials keep the general Gmail answer", () => {
    assert.strictEqual(ids('A1 NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)')[0], 'gmail-imap-invalid-credentials');
  });

  it('the Keycloak words are matched whatever the case a library prints them in', () => {
    assert.strictEqual(ids('INVALID_GRANT: SESSION NOT ACTIVE')[0], 'keycloak-session-not-active');
    assert.strictEqual(ids('error: invalid client or invalid client credentials')[0], 'keycloak-invalid-client-credentials');
  });
});
