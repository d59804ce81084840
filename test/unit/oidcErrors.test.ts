// OpenID sign-in errors that say what to do: a Google "Desktop app" client refused for want of its client
// secret (invalid_client at the token endpoint) is told to store the secret, in English and German; the same
// answer with a secret stored, or from another provider, keeps the provider's own words.
import * as assert from 'assert';
import { OidcError, withClientSecretHint } from '../../src/auth/oidc/oidcErrors';
import { inGerman } from './german';

const GOOGLE = { id: 'google', label: 'Google', preset: 'google' };
const refused = () => new OidcError('oauth-error', { stage: 'authorization-code', error: 'invalid_client', description: 'Unauthorized', status: 401 });

describe('OpenID sign-in errors: the client secret hint', () => {
  it('Google without a stored client secret: invalid_client says to run Set Client Secret, and offers it for that provider', () => {
    const e = withClientSecretHint(refused(), GOOGLE, false);
    assert.strictEqual(e.code, 'client-secret-missing');
    assert.strictEqual(e.params.providerId, 'google');
    assert.strictEqual(e.params.error, undefined, 'no provider error word left for the knowledge base to explain the Entra way');
    assert.match(e.message, /^Google refused the sign-in without a client secret \(invalid_client\): a Google "Desktop app" client needs its secret\. Run "Set Client Secret for OpenID Provider…"/);
  });

  it('keeps the provider’s answer with a secret stored (a wrong one), for another preset, and for other errors', () => {
    for (const [e, provider, hasSecret] of [
      [refused(), GOOGLE, true],
      [refused(), { id: 'sso', label: 'Keycloak', preset: 'keycloak' }, false],
      [new OidcError('oauth-error', { stage: 'authorization-code', error: 'invalid_grant', description: 'Bad Request' }), GOOGLE, false],
      [new OidcError('network', { stage: 'authorization-code', detail: 'connect ECONNREFUSED' }), GOOGLE, false],
    ] as const) {
      assert.strictEqual(withClientSecretHint(e, provider, hasSecret), e);
    }
  });

  it('is German in the German UI', () => {
    const message = inGerman(() => withClientSecretHint(refused(), GOOGLE, false).message);
    assert.match(message, /Google/);
    assert.match(message, /Clientschlüssel|Client-Secret|Clientgeheimnis/);
    assert.doesNotMatch(message, /refused the sign-in/);
  });
});

describe('OpenID sign-in errors: Google’s device code and the Gmail scope', () => {
  it('names Google’s answer only when Google was asked', () => {
    const asked = new OidcError('device-scope-refused', { error: 'invalid_scope' });
    assert.match(asked.message, /^Google does not allow the Gmail scope \(https:\/\/mail\.google\.com\/\) in the device code flow \(invalid_scope\)\. Sign in through the browser/);
    const known = new OidcError('device-scope-refused', {});
    assert.match(known.message, /in the device code flow, so Google was not asked\. Sign in through the browser/);
    assert.ok(!known.message.includes('invalid_scope'), known.message);
  });
});
