// What the CLI and the transcript show of hostile input (issue 12): control characters escaped, no piece
// of the login a server echoes, decode redacted in every form, a warning when the token went unprotected.
import * as assert from 'assert';
import * as fs from 'fs';
import { runCli } from '../../src/cli/main';
import { exposure } from '../../src/core/protocol/probe';
import { encodeXoauth2 } from '../../src/core/sasl/xoauth2';
import { escapeControls } from '../../src/core/report/controlChars';
import { startHostilePeer } from '../servers/hostilePeer';
import { echoingImapPeer, imapPeer, leakedPieces, makeScenarioCertificates, testToken, USER } from '../servers/hostileScenarios';

async function cli(args: string[], stdin = '') {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), readStdin: async () => stdin });
  return { code, out, err };
}

/** C0 but line feed, DEL, C1 and the bidi controls: none may reach a terminal raw. */
const RAW_CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('output safety (issue 12)', function () {
  this.timeout(30_000);

  it('escapes C0, DEL, C1 and bidi controls, keeping line feeds; JSON escapes parse back to the raw text', () => {
    assert.strictEqual(escapeControls('a\x1b[2J\x07\x00\x7f\x9b\u202e\u2066\u200f\u061cb\nc\td'), 'a\\x1b[2J\\x07\\x00\\x7f\\x9b\\u202e\\u2066\\u200f\\u061cb\nc\td');
    const json = escapeControls(JSON.stringify({ s: '\x1b\x9b\u202e' }), 'json');
    assert.ok(!RAW_CONTROL.test(json));
    assert.deepStrictEqual(JSON.parse(json), { s: '\x1b\x9b\u202e' });
  });

  it('probe against a server that echoes the login in a literal and split over lines: no piece of it, no raw controls', async () => {
    const token = await testToken();
    const blob = encodeXoauth2(USER, token);
    assert.ok(blob.ok);
    const peer = await startHostilePeer(echoingImapPeer(blob.value));
    try {
      const r = await cli(['probe', 'imap', '--host', '127.0.0.1', '--port', String(peer.port), '--security', 'none', '--user', USER, '--token', token]);
      assert.strictEqual(r.code, 1);
      assert.match(r.out, /Authentication failed/);
      assert.deepStrictEqual(leakedPieces(r.out, blob.value), [], 'pieces of the SASL response in the output');
      assert.deepStrictEqual(leakedPieces(r.out, token), [], 'pieces of the token in the output');
      assert.ok(!RAW_CONTROL.test(r.out), `raw control characters in the output: ${JSON.stringify(r.out.match(RAW_CONTROL))}`);
      assert.match(r.out, /\\x1b\[2J\\x1b\]0;pwned\\x07\\x00\\u202e\\x9b/, "the server's controls are shown escaped");
      assert.match(r.out, /\[redacted: \d+ chars of the login\]/);

      const j = await cli(['probe', 'imap', '--json', '--host', '127.0.0.1', '--port', String(peer.port), '--security', 'none', '--user', USER, '--token', token]);
      assert.ok(!RAW_CONTROL.test(j.out.replace(/\n/g, '')), 'raw control characters in the JSON');
      const parsed = JSON.parse(j.out);
      assert.deepStrictEqual(leakedPieces(JSON.stringify(parsed.verdict) + JSON.stringify(parsed.transcript), blob.value), []);
      assert.ok(
        (parsed.transcript as { text: string }[]).some((e) => e.text.includes('\x1b[2J')),
        'JSON carries the raw server text',
      );
    } finally {
      await peer.stop();
    }
  });

  it('decode and explain print decoded and matched text with controls escaped', async () => {
    const blob = Buffer.from('user=\x1b]0;title\x07a@b.c\x01auth=Bearer abcdefghijklmnopqrstuvwxyz012345\x01\x01').toString('base64');
    const d = await cli(['decode', blob]);
    assert.ok(!RAW_CONTROL.test(d.out), JSON.stringify(d.out));
    assert.match(d.out, /\\x1b\]0;title\\x07a@b\.c/);
    // This entry's pattern matches what follows the response code, controls included.
    const e = await cli(['explain', 'A01 NO [UNAVAILABLE] \x1b[2J\u202e\x9b fake']);
    assert.strictEqual(e.code, 0);
    assert.ok(!RAW_CONTROL.test(e.out), JSON.stringify(e.out));
    assert.match(e.out, /Matched: NO \[UNAVAILABLE\] \\x1b\[2J\\u202e\\x9b fake/);
    const ej = await cli(['explain', '--json', 'A01 NO [UNAVAILABLE] \x9b\u202e fake']);
    assert.ok(!RAW_CONTROL.test(ej.out.replace(/\n/g, '')));
    assert.match(JSON.parse(ej.out).findings[0].match, /\u202e/);
  });

  it('decode redacts tokens of malformed blobs whatever their characters', async () => {
    const token = 'tok:en!with*odd:chars!0123456789*abcdef';
    for (const text of [`user=a@b.c^Aauth=Bearer ${token}^A^A`, `user=a@b.c\x01auth=${token}\x01\x01`, `user=a@b.c\x01auth=Bearer ${token}\x01\x01`]) {
      const r = await cli(['decode', Buffer.from(text).toString('base64')]);
      assert.ok(!r.out.includes(token), `token whole in: ${r.out}`);
      assert.deepStrictEqual(leakedPieces(r.out, token), [], r.out);
      const j = await cli(['decode', '--json', Buffer.from(text).toString('base64')]);
      assert.deepStrictEqual(leakedPieces(j.out, token), [], j.out);
    }
  });

  it('a login to a server whose certificate was not verified says so and does not call it verified', async () => {
    const certs = makeScenarioCertificates();
    const key = { cert: fs.readFileSync(certs.good.serverCert, 'utf8'), key: fs.readFileSync(certs.good.serverKey, 'utf8') };
    const token = await testToken();
    const peer = await startHostilePeer(imapPeer({ saslIr: true }), { tls: key });
    try {
      const r = await cli(['probe', 'imap', '--host', '127.0.0.1', '--port', String(peer.port), '--insecure', '--user', USER, '--token', token]);
      assert.strictEqual(r.code, 0, r.out + r.err);
      const verdict = r.out.slice(r.out.lastIndexOf('\n✔'));
      assert.ok(!/verified:/.test(verdict) && !/and verified/.test(verdict), verdict);
      assert.match(verdict, /✔ Authenticated with XOAUTH2: the mailbox answers \(LIST INBOX\), but the server's certificate was NOT verified\./);
      assert.match(verdict, /⚠ Warning: The token was sent to 127\.0\.0\.1:\d+, whose TLS certificate was NOT verified/);
      assert.match(r.out, /-- Warning: The token was sent to 127\.0\.0\.1/, 'the transcript (and so the saved one) keeps the warning');
      const j = JSON.parse((await cli(['probe', 'imap', '--json', '--host', '127.0.0.1', '--port', String(peer.port), '--insecure', '--user', USER, '--token', token])).out);
      assert.strictEqual(j.ok, true);
      assert.match(j.verdict.warning, /NOT verified/);
    } finally {
      await peer.stop();
    }
  });

  it('plain text to another machine is a warning; to loopback, or before the token was sent, it is not', () => {
    const sent = { authenticated: true, verified: true, capabilities: [] };
    const base = { protocol: 'imap' as const, port: 143, security: 'none' as const, login: { user: USER, token: 't', mechanism: 'XOAUTH2' as const } };
    assert.match(exposure({ ...base, host: 'mail.example.net' }, undefined, sent) ?? '', /sent in plain text \(no TLS\) to mail\.example\.net:143/);
    assert.match(exposure({ ...base, host: '192.0.2.7' }, undefined, sent) ?? '', /plain text/);
    for (const host of ['127.0.0.1', 'localhost', '::1', '[::1]']) assert.strictEqual(exposure({ ...base, host }, undefined, sent), undefined, host);
    const notSent = { authenticated: false, verified: false, capabilities: [], failure: { step: 'greeting' as const, reply: 'x' } };
    assert.strictEqual(exposure({ ...base, host: 'mail.example.net' }, undefined, notSent), undefined);
  });
});
