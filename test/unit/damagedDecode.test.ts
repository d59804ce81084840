// Decoding what users really paste (issue 14, "Decoding what is damaged"): cut and corrupted logins,
// unset variables, passwords as tokens, tokens instead of SASL, other mechanisms, and whole log lines
// with each tool's prefix.
import * as assert from 'assert';
import { decodeSasl } from '../../src/core/sasl/decode';
import { analyzeSasl, renderDecodeReport } from '../../src/core/report/decodeReport';

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');
const codes = (r: { problems: { code: string }[] }) => r.problems.map((p) => p.code);
const TOKEN = 'ya29.a0AfB_byC1' + 'x'.repeat(60);
const LOGIN = b64(`user=alice@example.com\x01auth=Bearer ${TOKEN}\x01\x01`);
const user = (r: ReturnType<typeof decodeSasl>) => (r.message as { user?: string } | undefined)?.user;

describe('decoding damaged logins', () => {
  it('a blob cut mid-character is a cut XOAUTH2 with its user, not a base64 error', () => {
    const r = decodeSasl(LOGIN.slice(0, 33));
    assert.strictEqual(r.message?.mechanism, 'XOAUTH2');
    assert.deepStrictEqual(codes(r), ['truncated-login']);
    assert.match(r.problems[0].message, /user=alice@example\.com/);
  });

  it('a blob cut after the user field says that it ends there', () => {
    const r = decodeSasl(b64('user=alice@example.com'));
    assert.ok(codes(r).includes('missing-auth-field'), codes(r).join());
    assert.ok(!codes(r).includes('no-separators'));
  });

  it('a corrupted byte makes a damaged XOAUTH2, not "binary data"', () => {
    const bytes = Buffer.from(LOGIN, 'base64');
    bytes[30] = 0xff;
    const r = decodeSasl(bytes.toString('base64'));
    assert.strictEqual(r.message?.mechanism, 'XOAUTH2');
    assert.strictEqual(user(r), 'alice@example.com');
    assert.deepStrictEqual(codes(r), ['damaged']);
    const ob = Buffer.from(`n,a=bob@example.com,\x01auth=Bearer ${TOKEN}\x01\x01`);
    ob[25] = 0xc3;
    ob[26] = 0x28;
    const r2 = decodeSasl(ob.toString('base64'));
    assert.strictEqual(r2.message?.mechanism, 'OAUTHBEARER');
    assert.strictEqual(user(r2), 'bob@example.com');
    assert.deepStrictEqual(codes(decodeSasl('3q2+7wAAAAD/////AQIDBAUGBwg=')), ['not-text'], 'real binary stays binary');
  });

  it('flags placeholder users and tokens as unset variables', () => {
    for (const placeholder of ['undefined', 'null', 'None', '${user}', '{{ user }}', '%s', '%(email)s', '{0}', '$EMAIL', '<email>']) {
      const r = decodeSasl(b64(`user=${placeholder}\x01auth=Bearer ${TOKEN}\x01\x01`));
      assert.deepStrictEqual(codes(r), ['placeholder-user'], placeholder);
    }
    const ob = decodeSasl(b64(`n,a=undefined,\x01auth=Bearer ${TOKEN}\x01\x01`));
    assert.ok(codes(ob).includes('placeholder-user'));
    const tok = decodeSasl(b64('user=alice@example.com\x01auth=Bearer undefined\x01\x01'));
    assert.deepStrictEqual(codes(tok), ['placeholder-token']);
    assert.deepStrictEqual(codes(decodeSasl(LOGIN)), [], 'a real user is no placeholder');
    assert.deepStrictEqual(codes(decodeSasl(b64(`user=nonesuch@example.com\x01auth=Bearer ${TOKEN}\x01\x01`))), []);
  });

  it('flags a password sent as the Bearer value', () => {
    for (const pw of ['Hunter2!', 'S3cr3t#pass', 'Passw0rd', 'qwerty123']) {
      const r = decodeSasl(b64(`user=alice@example.com\x01auth=Bearer ${pw}\x01\x01`));
      assert.deepStrictEqual(codes(r), ['password-as-token'], pw);
      assert.ok(!r.problems[0].message.includes(pw), 'the password is not repeated');
    }
    for (const token of [TOKEN, 'EwBwA8l6BAAU' + 'a'.repeat(20), 'eyJ0eXAiOiJKV1QifQ.eyJhIjoxfQ.sig', 'tok']) {
      assert.deepStrictEqual(codes(decodeSasl(b64(`user=alice@example.com\x01auth=Bearer ${token}\x01\x01`))), [], token);
    }
  });

  it('points a JWT or a Google token pasted into decode to inspect', () => {
    for (const input of ['eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl', `Bearer ${TOKEN}`, 'token=eyJhbGciOiJub25lIn0.eyJzdWIiOiJhIn0.']) {
      const r = decodeSasl(input);
      assert.deepStrictEqual(codes(r), ['token-not-sasl'], input);
      assert.match(r.problems[0].message, /inspect/i);
    }
  });

  it('shows a decoded text of unknown shape, escaped, instead of withholding it', () => {
    const r = analyzeSasl(b64('hello \x1b[2J world, this is text'));
    assert.deepStrictEqual(codes(r.decode), ['unknown-shape']);
    const out = renderDecodeReport(r, { reveal: false, revealHint: 'pass --reveal' });
    assert.match(out, /Decoded: +hello \u241b\[2J world, this is text/);
    assert.ok(!out.includes('\x1b'), 'no raw escape byte');
    const secret = analyzeSasl(b64(`some text ${TOKEN} more`));
    assert.ok(!renderDecodeReport(secret, { reveal: false, revealHint: '' }).includes(TOKEN), 'token-like runs redacted');
  });
});

describe('decoding other mechanisms and server tags', () => {
  it('names CRAM-MD5, DIGEST-MD5, SCRAM, NTLM and GSSAPI messages', () => {
    // RFC 2195's example challenge and answer.
    assert.deepStrictEqual(codes(decodeSasl('+ PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+')), ['cram-md5-challenge']);
    assert.deepStrictEqual(codes(decodeSasl(b64('tim b913a602c7eda7a495b4e6e7334d3890'))), ['cram-md5-response']);
    // RFC 2831's example challenge.
    const digest = 'realm="elwood.innosoft.com",nonce="OA6MG9tEQGm2hh",qop="auth",algorithm=md5-sess,charset=utf-8';
    assert.deepStrictEqual(codes(decodeSasl(`334 ${b64(digest)}`)), ['digest-md5-challenge']);
    // RFC 5802's example.
    assert.deepStrictEqual(codes(decodeSasl(b64('n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL'))), ['scram-client-first']);
    assert.deepStrictEqual(codes(decodeSasl(`+ ${b64('r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096')}`)), ['scram-server-first']);
    // An NTLM type 1 message as Windows clients send it.
    assert.deepStrictEqual(codes(decodeSasl('TlRMTVNTUAABAAAAB4IIogAAAAAAAAAAAAAAAAAAAAAGAbEdAAAADw==')), ['ntlm-message']);
    const krb = Buffer.from('6082012006092a864886f71201020201006e82010f30820100a003020105', 'hex');
    assert.deepStrictEqual(codes(decodeSasl(krb.toString('base64'))), ['gssapi-token']);
  });

  it("decodes the base64 tag of Microsoft's IMAP greeting to the server name", () => {
    const r = decodeSasl('* OK The Microsoft Exchange IMAP4 service is ready. [TQBOADIAUABSADAAMQBDAEEAMAAxADAAOQAuAGEAdQBzAHAAcgBkADAAMQAuAHAAcgBvAGQALgBvAHUAdABsAG8AbwBrAC4AYwBvAG0A]');
    assert.deepStrictEqual(codes(r), ['exchange-server-name']);
    assert.strictEqual(r.decodedText, 'MN2PR01CA0109.ausprd01.prod.outlook.com');
    assert.strictEqual(r.message, undefined);
  });
});

describe('decoding a whole log line, whatever the tool', () => {
  const challenge = b64('{"status":"400","schemes":"Bearer","scope":"https://mail.google.com/"}');
  const clientLines: [string, string][] = [
    ['email-oauth2-proxy', `2022-10-21 10:19:27: IMAP (localhost:1993; 127.0.0.1:50428->outlook.office365.com:993)     --> b'a1 AUTHENTICATE XOAUTH2 ${LOGIN}\\r\\n'`],
    ['imaplib debug', `  12:00.01 > b'a1 AUTHENTICATE XOAUTH2 ${LOGIN}'`],
    ['smtplib debuglevel 2', `10:00:00.123456 send: 'AUTH XOAUTH2 ${LOGIN}\\r\\n'`],
    ['Jakarta Mail', `DEBUG SMTP: AUTH XOAUTH2 ${LOGIN}`],
    ['Jakarta Mail IMAP', `A1 AUTHENTICATE XOAUTH2 ${LOGIN}`],
    ['PHPMailer', `2024-01-01 10:00:00\tCLIENT -> SERVER: AUTH XOAUTH2 ${LOGIN}`],
    ['MailKit', `C: A00000001 AUTHENTICATE XOAUTH2 ${LOGIN}`],
    ['mbsync', `[1] >>> 1 AUTHENTICATE XOAUTH2 ${LOGIN}`],
    ['curl', `> A002 AUTHENTICATE XOAUTH2 ${LOGIN}`],
    ['Thunderbird MOZ_LOG', `2024-01-01 10:00:00.123000 UTC - [Parent 1234: IMAP]: D/IMAP 0x7f00:outlook.office365.com:A:SendData: 3 authenticate XOAUTH2 ${LOGIN}`],
    ['nodemailer', `[2024-01-01 10:00:00] DEBUG [abc] C: AUTH XOAUTH2 ${LOGIN}`],
    ['syslog, unknown tool', `Nov 21 14:02:03 host app[123]: sending ${LOGIN}`],
    ['data:', `data: ${LOGIN}`],
    ['[id] C:', `[6T9wqf1xX] C: ${LOGIN}`],
  ];
  for (const [tool, line] of clientLines) {
    it(`finds the login in a ${tool} line`, () => {
      const r = decodeSasl(line);
      assert.strictEqual(r.message?.mechanism, 'XOAUTH2', codes(r).join());
      assert.strictEqual(user(r), 'alice@example.com');
      assert.ok(!r.problems.some((p) => p.severity === 'error'), codes(r).join());
    });
  }
  const serverLines: [string, string][] = [
    ['email-oauth2-proxy', `2022-10-21 10:19:27: IMAP (localhost:1993; 127.0.0.1:50428->imap.gmail.com:993)     <-- b'+ ${challenge}\\r\\n'`],
    ['PHPMailer', `SERVER -> CLIENT: 334 ${challenge}`],
    ['<==', `<== 334 ${challenge}`],
    ['<--', `<-- + ${challenge}`],
    ['escaped line breaks', `recv: '+ ${challenge}\\r\\nA1 NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)\\r\\n'`],
    ['Jakarta Mail', `DEBUG IMAP: + ${challenge}`],
    ['curl', `< 334 ${challenge}`],
  ];
  for (const [tool, line] of serverLines) {
    it(`finds the error challenge in a ${tool} line`, () => {
      const r = decodeSasl(line);
      assert.strictEqual(r.message?.mechanism, 'ERROR-CHALLENGE', codes(r).join());
      assert.strictEqual(r.hint.sender, 'server');
    });
  }

  it('keeps refusing a line with no blob, and stays linear on a long hostile line', () => {
    assert.deepStrictEqual(codes(decodeSasl('DEBUG SMTP: AUTH XOAUTH2 command trace suppressed')), ['empty']);
    const hostile = "b' AUTH XOAUTH2 + 334 ".repeat(20_000);
    const r = decodeSasl(hostile);
    assert.ok(r.problems.length > 0);
  });
});
