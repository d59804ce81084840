// What the OpenID Connect tests expect of a failure: an OidcError with the given code, whose message (which can
// quote the provider's bytes) holds no control characters. Shared by oidcClient.test.ts and openidProviders.test.ts.
import * as assert from 'assert';
import { OidcError } from '../../src/auth/oidc/oidcErrors';

/** Awaits `p`, which must reject with an OidcError of `code`; returns that error for further checks. */
export async function rejectsWith(p: Promise<unknown>, code: string): Promise<OidcError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof OidcError, `an OidcError, not ${String(err)}`);
    assert.strictEqual(err.code, code, err.message);
    assert.doesNotMatch(err.message, /[\x00-\x08\x0b-\x1f\x7f]/, 'no control bytes in the message');
    return err;
  }
  assert.fail(`expected an OidcError ${code}`);
}
