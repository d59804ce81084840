import * as assert from 'assert';
import { decodeSasl } from '../../src/core/sasl/decode';
import { encodeOauthbearer } from '../../src/core/sasl/oauthbearer';
import { hasErrors } from '../../src/core/sasl/problems';
import { CHALLENGES, codes, RFC7628 } from './vectors';

describe('OAUTHBEARER (RFC 7628)', () => {
  it('encodes the RFC 7628 §4.1 example exactly', () => {
    const r = encodeOauthbearer({ user: 'user@example.com', host: 'server.example.com', port: 143, token: RFC7628.token });
    assert.ok(r.ok);
    assert.strictEqual(r.value, RFC7628.imapInitial);
  });

  it('decodes the RFC 7628 §4.1 example', () => {
    const d = decodeSasl(`C: t0 AUTHENTICATE OAUTHBEARER ${RFC7628.imapInitial}`);
    assert.deepStrictEqual(d.message, {
      mechanism: 'OAUTHBEARER',
      user: 'user@example.com',
      host: 'server.example.com',
      port: 143,
      token: RFC7628.token,
      extensions: {},
    });
    assert.deepStrictEqual(d.problems, []);
  });

  it('encodes without host and port, and without a user ("n,,")', () => {
    const r = encodeOauthbearer({ user: 'a@b.c', token: 'tok' });
    assert.ok(r.ok);
    assert.strictEqual(Buffer.from(r.value, 'base64').toString(), 'n,a=a@b.c,\x01auth=Bearer tok\x01\x01');
    const r2 = encodeOauthbearer({ token: 'tok' });
    assert.ok(r2.ok);
    assert.strictEqual(Buffer.from(r2.value, 'base64').toString(), 'n,,\x01auth=Bearer tok\x01\x01');
    assert.deepStrictEqual(decodeSasl(r2.value).message, { mechanism: 'OAUTHBEARER', token: 'tok', extensions: {} });
  });

  it('escapes "," and "=" in the user as RFC 5801 requires, and reads them back', () => {
    const r = encodeOauthbearer({ user: 'odd,name=x@b.c', token: 'tok' });
    assert.ok(r.ok);
    assert.match(Buffer.from(r.value, 'base64').toString(), /^n,a=odd=2Cname=3Dx@b\.c,/);
    assert.strictEqual((decodeSasl(r.value).message as { user?: string }).user, 'odd,name=x@b.c');
  });

  it('refuses a bad port and a bad host', () => {
    assert.deepStrictEqual(codes(encodeOauthbearer({ user: 'a@b.c', token: 'tok', port: 70000 }).problems), ['bad-port']);
    assert.deepStrictEqual(codes(encodeOauthbearer({ user: 'a@b.c', token: 'tok', host: 'bad host' }).problems), ['bad-host']);
  });

  it('reports a missing GS2 header, a missing auth pair and trailing bytes', () => {
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    assert.deepStrictEqual(codes(decodeSasl(`AUTH OAUTHBEARER ${b64('a=u,\x01auth=Bearer t\x01\x01')}`).problems), ['bad-gs2-header']);
    assert.deepStrictEqual(codes(decodeSasl(b64('n,a=u,\x01host=h\x01\x01')).problems), ['missing-auth-field']);
    assert.deepStrictEqual(codes(decodeSasl(b64('n,a=u,\x01auth=Bearer t\x01\x01xx')).problems), ['trailing-bytes']);
    assert.deepStrictEqual(codes(decodeSasl(b64('n,a=u,\x01auth=Bearer t\x01')).problems), ['missing-final-separator']);
    assert.deepStrictEqual(codes(decodeSasl(b64('p=tls-unique,a=u,\x01auth=Bearer t\x01\x01')).problems), ['channel-binding']);
  });

  it("recognises the client's AQ== answer to an error challenge", () => {
    const d = decodeSasl('C: AQ==');
    assert.deepStrictEqual(d.message, { mechanism: 'CHALLENGE-ACK' });
  });
});

describe('server error challenges', () => {
  it("decodes Gmail's challenge from an IMAP continuation", () => {
    const d = decodeSasl(`S: + ${CHALLENGES.gmail}`);
    assert.strictEqual(d.message?.mechanism, 'ERROR-CHALLENGE');
    assert.deepStrictEqual(
      {
        status: (d.message as unknown as Record<string, string>).status,
        schemes: (d.message as unknown as Record<string, string>).schemes,
        scope: (d.message as unknown as Record<string, string>).scope,
      },
      { status: '400', schemes: 'Bearer', scope: 'https://mail.google.com/' },
    );
    assert.strictEqual(d.hint.sender, 'server');
    assert.match((d.message as unknown as Record<string, string>).expectedReply, /empty line/);
    assert.ok(!hasErrors(d.problems));
  });

  it("decodes Dovecot's challenge from an SMTP 334 line", () => {
    const d = decodeSasl(`334 ${CHALLENGES.dovecot}`);
    assert.strictEqual((d.message as unknown as Record<string, string>).status, '401');
    assert.strictEqual((d.message as unknown as Record<string, string>).scope, 'mail');
  });

  it('decodes the RFC 7628 §4.3 challenge and names AQ== as the answer', () => {
    const b64 = Buffer.from(RFC7628.errorJson).toString('base64');
    assert.ok(b64.startsWith(RFC7628.errorChallengePrefix));
    const d = decodeSasl(b64);
    assert.strictEqual((d.message as unknown as Record<string, string>).status, 'invalid_token');
    assert.strictEqual((d.message as unknown as Record<string, string>).openidConfiguration, 'https://example.com/.well-known/openid-configuration');
    assert.match((d.message as unknown as Record<string, string>).expectedReply, /AQ==/);
  });

  it('takes a challenge even inside an XOAUTH2 exchange hint', () => {
    const d = decodeSasl(`${CHALLENGES.gmail}`, { mechanism: 'XOAUTH2' });
    assert.strictEqual(d.message?.mechanism, 'ERROR-CHALLENGE');
  });
});
