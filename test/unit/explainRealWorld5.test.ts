// Near misses for the entries of the fifth real-world round (samples: realWorld5Samples.ts): text that shares
// their words but is another failure must not get their confident answer. The plain cases are data
// (test/fixtures/knowledge/near-misses.json, read by explainNearMisses.test.ts); here are those that need more.
import * as assert from 'assert';
import { explain } from '../../src/core/explain';

const ids = (text: string) => explain(text).map((f) => f.id);
const first = (text: string) => ids(text)[0];

describe('knowledge base: fifth real-world round, near misses', () => {
  it('a 454 4.7.0 answer no longer blames Dovecot alone, and 454 TLS-not-available is not it', () => {
    const finding = explain('454 4.7.0 Temporary authentication failure')[0];
    assert.strictEqual(finding.id, 'dovecot-smtp-temporary-failure');
    assert.ok(!/^Dovecot/.test(finding.title), finding.title);
    assert.ok(!ids('454 4.7.0 TLS not available due to local problem').includes('dovecot-smtp-temporary-failure'));
  });

  it("Postfix smtpd's SASL failure is the server's view; the client's cannot-authenticate lines keep theirs", () => {
    assert.strictEqual(first('postfix/smtpd[3101]: warning: unknown[203.0.113.9]: SASL PLAIN authentication failed: '), 'postfix-smtpd-sasl-authentication-failed');
    const client = 'postfix/smtp[522]: 1284417F5B3: SASL authentication failed; cannot authenticate to server smtp.gmail.com[74.125.136.108]: generic failure';
    assert.ok(!ids(client).includes('postfix-smtpd-sasl-authentication-failed'), ids(client).join());
    assert.strictEqual(first('warning: SASL XOAUTH2 authentication failed: no mechanism available'), 'postfix-smtpd-no-xoauth2');
  });
});
