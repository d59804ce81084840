// Near misses for the entries of the fourth real-world round (samples: realWorld4Samples.ts): text that shares
// their words but is another failure must not get their confident answer. The plain cases are data
// (test/fixtures/knowledge/near-misses.json, read by explainNearMisses.test.ts); here are those that need more.
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

  it('the directory wording of AADSTS50034 is not the tenant-membership answer', () => {
    assert.ok(
      !ids('The user account {EmailHidden} does not exist in the contoso directory. To sign into this application, the account must be added to the directory.').includes('entra-user-not-in-tenant'),
    );
  });
});
