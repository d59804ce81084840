// Bare tokens logged as a field (Dovecot's auth debug "token=..."): found under the cursor, in bounded time.
import * as assert from 'assert';
import { tokenFieldAt } from '../../src/core/logs/tokenField';
import { linesOf } from '../../src/core/sasl/detect';
import { hoverAt } from '../../src/hover/hoverContent';

const OPAQUE = 'EwBwA8l6BAAUkj1oqbP9z5XqXkOe2Rjw0tdm6W0AAQ' + 'x'.repeat(300);

describe('token= fields in logs', () => {
  it('finds the value of token= under the cursor, not of auth_token= or refresh_token=', () => {
    const line = 'Nov 21 14:32:59 auth: Debug: client passdb out: OK\t1\tuser=adele@contoso.com\ttoken=' + OPAQUE + '\tauth_token=1a772b795ecbd1083901f0b278c3ec12';
    const at = line.indexOf('token=') + 10;
    assert.deepStrictEqual(tokenFieldAt(line, at), { token: OPAQUE, start: line.indexOf('token=') + 6, end: line.indexOf('token=') + 6 + OPAQUE.length });
    assert.strictEqual(tokenFieldAt(line, line.indexOf('auth_token=') + 14), undefined);
    assert.strictEqual(tokenFieldAt('grant_type=refresh_token&refresh_token=' + OPAQUE, 50), undefined);
    assert.strictEqual(tokenFieldAt(line, 5), undefined);
  });

  it('hovers an opaque token as opaque, redacted', () => {
    const line = 'auth: Debug: oauth2(adele@contoso.com,127.0.0.1): token=' + OPAQUE;
    const hover = hoverAt(linesOf([line]), 0, line.length - 3, { uri: 'file:///x.log', isRevealed: () => false });
    assert.ok(hover && !hover.blob);
    assert.match(hover.markdown, /opaque/i);
    assert.ok(!hover.markdown.includes(OPAQUE.slice(10, 40)));
  });

  it('looks at a bounded window of a long line', () => {
    const line = 'token=' + 'A'.repeat(2_000_000);
    assert.strictEqual(tokenFieldAt(line, 1_000_000), undefined);
    assert.strictEqual(tokenFieldAt(line, 10), undefined); // longer than any token: no field
  });
});
