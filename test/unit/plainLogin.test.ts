import * as assert from 'assert';
import { decodeSasl } from '../../src/core/sasl/decode';
import { codes } from './vectors';

const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('PLAIN and LOGIN', () => {
  it('decodes PLAIN, recognised by its two NULs', () => {
    const d = decodeSasl(`AUTH PLAIN ${b64('\x00alice@example.com\x00s3cret-pass')}`);
    assert.deepStrictEqual(d.message, { mechanism: 'PLAIN', authzid: '', user: 'alice@example.com', password: 's3cret-pass' });
    assert.deepStrictEqual(d.problems, []);
  });

  it('reports PLAIN with the wrong number of NULs', () => {
    const d = decodeSasl(`AUTH PLAIN ${b64('alice@example.com\x00pw')}`);
    assert.deepStrictEqual(codes(d.problems), ['plain-separators']);
  });

  it("decodes the LOGIN server prompts and the client's user name", () => {
    assert.deepStrictEqual(decodeSasl('334 VXNlcm5hbWU6').message, { mechanism: 'LOGIN', step: 'username-prompt' });
    assert.deepStrictEqual(decodeSasl('334 UGFzc3dvcmQ6').message, { mechanism: 'LOGIN', step: 'password-prompt' });
    assert.deepStrictEqual(decodeSasl(`AUTH LOGIN ${b64('bob@example.com')}`).message, { mechanism: 'LOGIN', step: 'username', user: 'bob@example.com' });
  });

  it('takes a LOGIN password only when told it is one', () => {
    const d = decodeSasl(b64('hunter2!'), { mechanism: 'LOGIN', loginStep: 'password' });
    assert.deepStrictEqual(d.message, { mechanism: 'LOGIN', step: 'password', password: 'hunter2!' });
  });
});
