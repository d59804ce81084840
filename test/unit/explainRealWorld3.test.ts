// Near misses for the entries of the third real-world round (samples: realWorld3Samples.ts): text that shares
// their words but is another failure must not get their confident answer. The plain cases are data
// (test/fixtures/knowledge/near-misses.json, read by explainNearMisses.test.ts); here are those that need more.
import * as assert from 'assert';
import { explain } from '../../src/core/explain';

const ids = (text: string) => explain(text).map((f) => f.id);
const first = (text: string) => ids(text)[0];

describe('knowledge base: third real-world round, near misses', () => {
  it("Gmail's login throttling is not Yahoo's bad-attempts answer", () => {
    const line = 'Too many login attempts, please try again later. b9-20020adfe309000000b0020d0c9c95d3sm2119253wrj.77 - gsmtp';
    assert.ok(!ids(line).includes('yahoo-too-many-bad-attempts'), ids(line).join());
  });

  it('a redirect URI mismatch without the out-of-band redirect keeps the mismatch answer', () => {
    assert.strictEqual(
      first('Error 400: redirect_uri_mismatch The redirect URI in the request, http://localhost:58903/, does not match the ones authorized for the OAuth client.'),
      'google-redirect-uri-mismatch',
    );
  });
});
