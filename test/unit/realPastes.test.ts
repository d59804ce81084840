// Decoding whole lines as users posted them publicly (issue 14, measured on 44 real excerpts from
// GitHub issues and forums, /tmp/decodereal). Each line keeps its tool's prefix and its damage as
// posted; every token, user and password in it is synthetic, of the real one's shape (the blobs are
// built here with the sasl encoders), never a real person's.
import * as assert from 'assert';
import { decodeSasl } from '../../src/core/sasl/decode';
import { buildXoauth2 } from '../../src/core/sasl/xoauth2';
import { inspectToken } from '../../src/core/token/inspect';

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');
const b64url = (s: string) => Buffer.from(s).toString('base64url');
const codes = (r: { problems: { code: string }[] }) => r.problems.map((p) => p.code);
const GOOGLE_TOKEN = 'ya29.a0AfB_synthetic' + 'Q'.repeat(40);
// A JWT of Microsoft's shape: {"typ":"JWT","nonce":...} header, claims, signature.
const JWT = `${b64url('{"typ":"JWT","nonce":"synthetic-nonce","alg":"RS256"}')}.${b64url('{"aud":"https://outlook.office.com","upn":"alice@example.com"}')}.${b64url('synthetic-signature')}`;
const CHALLENGE = '{"status":"400","schemes":"Bearer","scope":"https://mail.google.com/"}';

describe('decoding real pasted lines', () => {
  it('credentials a log or a post hid are named as hidden, not decoded as binary', () => {
    // PHPMailer's debug output, curl's verbose log, Apple Mail's log, a redacted AUTH LOGIN answer.
    const lines = [
      '2021-04-26 14:37:53 CLIENT -> SERVER: [credentials hidden] ',
      '    A002 AUTHENTICATE OAUTHBEARER __REDACTED__',
      'AUTH PLAIN  (*** 80 bytes hidden ***)',
      'smtp_1      | [8] [2022-06-02T13:57:44.038] DEBUG -- : [KRFHGM] => 334 *REDACTED challenge *',
      '`' + b64('alice@example.com').slice(0, 6) + 'xxxxxx=`',
      'C: B00000001 AUTHENTICATE XOAUTH2  <there is base64string>',
    ];
    for (const line of lines) {
      const r = decodeSasl(line);
      assert.deepStrictEqual(codes(r), ['redacted'], line);
    }
  });

  it('an access token in a line (a config dump, a token file cut short) points to inspect', () => {
    const lines = [
      `        accessToken: '${GOOGLE_TOKEN}' } } }`,
      // A JSON token file, pasted with the token cut after its claims.
      `{"registration": "microsoft", "email": "admin@example.com", "access_token": "${JWT.split('.').slice(0, 2).join('.').slice(0, 120)}`,
    ];
    for (const line of lines) assert.deepStrictEqual(codes(decodeSasl(line)), ['token-not-sasl'], line);
  });

  it('a scrambled server error challenge is a damaged challenge, not binary or a token', () => {
    const bytes = Buffer.from(CHALLENGE);
    bytes[3] = 0x87; // the poster scrambled it: '{"s' then no longer text
    const r = decodeSasl('└──334 ' + bytes.toString('base64'));
    assert.deepStrictEqual(codes(r), ['damaged-challenge']);
    assert.match(r.problems[0].message, /\{"s/);
  });

  it('a server error challenge pasted as text is read as one', () => {
    const r = decodeSasl(`Getting this response from server: ${CHALLENGE}`);
    assert.strictEqual(r.message?.mechanism, 'ERROR-CHALLENGE');
    assert.ok(codes(r).includes('challenge-text'), codes(r).join());
  });

  it('a login cut with "..." in prose is a cut XOAUTH2 with its user', () => {
    const login = b64(buildXoauth2('rnd@example.com', GOOGLE_TOKEN));
    const r = decodeSasl(`when \`AUTHENTICATE XOAUTH2 ${login.slice(0, 16)}...\` is executed.`);
    assert.strictEqual(r.message?.mechanism, 'XOAUTH2');
    assert.deepStrictEqual(codes(r), ['truncated-login']);
  });

  it('a token base64-encoded twice is named', () => {
    const r = decodeSasl('C: ' + b64(buildXoauth2('alice@example.com', b64(JWT))));
    assert.strictEqual(r.message?.mechanism, 'XOAUTH2');
    assert.ok(codes(r).includes('token-double-encoded'), codes(r).join());
  });

  it('a string cut right after auth=Bearer says the token is missing', () => {
    const r = decodeSasl(b64('user=alice@example.com\x01auth=Bearer'));
    assert.ok(codes(r).includes('token-missing'), codes(r).join());
    assert.ok(!codes(r).includes('not-bearer'), codes(r).join());
  });

  it("PLAIN whose NULs became U+FFFD, in hMailServer's quoted log line, keeps its command and is named", () => {
    const line = `"SMTPD" 15356 2564 "2022-07-03 19:46:05.173" "127.0.0.1" "RECEIVED: AUTH PLAIN ${b64('\ufffdalice@example.com\ufffdSynthetic1')}"`;
    const r = decodeSasl(line);
    assert.strictEqual(r.hint.mechanism, 'PLAIN');
    assert.deepStrictEqual(codes(r), ['plain-separators-replaced']);
  });
});

describe('real pastes: fields and tokens of the wrong shape', () => {
  it("curl's XOAUTH2 text with host= and port= before auth= names those fields", () => {
    // As posted in curl's issue tracker, with a synthetic token.
    const line = String.raw`    user=user@example.com\x01host=imap.gmail.com\x01port=993\x01auth=Bearer ${GOOGLE_TOKEN}\x01\x01`;
    const r = decodeSasl(line);
    assert.strictEqual(r.message?.mechanism, 'XOAUTH2');
    assert.deepStrictEqual(codes(r), ['plain-text', 'fields-before-auth']);
    assert.match(r.problems[1].message, /host=, port=/);
  });

  it('a JWT cut before its signature is called cut, not opaque', () => {
    const cut = JWT.split('.').slice(0, 2).join('.');
    const d = inspectToken(cut).description;
    assert.match(d, /cut off/, d);
    assert.doesNotMatch(d, /Opaque/);
  });
});

describe("real pastes: Microsoft's greeting tag cut short", () => {
  it('shows the start of the server name, not a base64 length error', () => {
    // email-oauth2-proxy's log line as posted, cut inside the tag; the server name is synthetic.
    const tag = Buffer.from('AB1PR01CA0001.EURPRD01.PROD.OUTLOOK.COM', 'utf16le').toString('base64').slice(0, 17);
    const r = decodeSasl(`2023-03-17 08:48:59: IMAP (0.0.0.0:1993; 127.0.0.1:36272->outlook.office365.com:993)     <-- b'* OK The Microsoft Exchange IMAP4 service is ready. [${tag}`);
    assert.deepStrictEqual(codes(r), ['exchange-server-name', 'greeting-cut']);
    assert.strictEqual(r.decodedText, 'AB1PR0…');
  });
});
