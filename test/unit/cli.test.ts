import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { runCli } from '../../src/cli/main';
import { SEED } from './vectors';

/** The built CLI speaks the environment's language: these tests read its English. */
const ENGLISH: NodeJS.ProcessEnv = { ...process.env, LC_ALL: 'C' };

async function cli(args: string[], stdin = '') {
  let out = '';
  let err = '';
  const code = await runCli(args, {
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
    readStdin: async () => stdin,
    now: new Date('2026-11-21T12:00:00Z'),
  });
  return { code, out, err };
}

describe('mailoauth CLI', () => {
  it('encodes the seed example, with the token from stdin too', async () => {
    const a = await cli(['encode', 'xoauth2', '--user', SEED.user, '--token', SEED.token]);
    assert.deepStrictEqual(a, { code: 0, out: SEED.encoded + '\n', err: '' });
    const b = await cli(['encode', 'xoauth2', '--user', SEED.user, '--token', '-'], SEED.token + '\n');
    assert.strictEqual(b.out, SEED.encoded + '\n');
  });

  it('decodes with --json giving mechanism and user, the token redacted unless --reveal', async () => {
    const r = await cli(['decode', '--json', SEED.wrapped]);
    assert.strictEqual(r.code, 0);
    const j = JSON.parse(r.out);
    assert.strictEqual(j.mechanism, 'XOAUTH2');
    assert.strictEqual(j.user, SEED.user);
    assert.ok(!r.out.includes(SEED.token), 'decode --json printed the token whole without --reveal');
    assert.strictEqual(j.token, 'EwBAAl…EoAA (40 chars)');
    assert.strictEqual(j.tokenRedacted, true);
    const revealed = JSON.parse((await cli(['decode', '--json', '--reveal', SEED.wrapped])).out);
    assert.strictEqual(revealed.token, SEED.token);
  });

  it('shortens the token in human output unless --reveal', async () => {
    const r = await cli(['decode', SEED.encoded]);
    assert.ok(!r.out.includes(SEED.token), 'token must not appear whole');
    assert.match(r.out, /EwBAAl…EoAA \(40 chars\)/);
    const revealed = await cli(['decode', '--reveal', SEED.encoded]);
    assert.ok(revealed.out.includes(SEED.token));
  });

  it('hides a PLAIN password in --json unless --reveal', async () => {
    const blob = Buffer.from('\x00alice@example.com\x00correct-horse-battery').toString('base64');
    const hidden = JSON.parse((await cli(['decode', '--json', blob])).out);
    assert.strictEqual(hidden.user, 'alice@example.com');
    assert.ok(!JSON.stringify(hidden).includes('correct-horse-battery'));
    assert.strictEqual(hidden.passwordRedacted, true);
    const shown = JSON.parse((await cli(['decode', '--json', '--reveal', blob])).out);
    assert.strictEqual(shown.password, 'correct-horse-battery');
  });

  it('gives a challenge its mechanism, status, schemes and scope in --json', async () => {
    const j = JSON.parse((await cli(['decode', '--json', '+', 'eyJzdGF0dXMiOiI0MDAiLCJzY2hlbWVzIjoiQmVhcmVyIiwic2NvcGUiOiJodHRwczovL21haWwuZ29vZ2xlLmNvbS8ifQ=='])).out);
    assert.deepStrictEqual([j.mechanism, j.status, j.schemes, j.scope], ['ERROR-CHALLENGE', '400', 'Bearer', 'https://mail.google.com/']);
  });

  it('answers bad input with one line and a non-zero exit', async () => {
    for (const args of [
      ['decode', 'not base64!'],
      ['encode', 'xoauth2', '--user', '', '--token', 't'],
      ['frob'],
      ['encode', 'xoauth2', '--token', 't'],
      ['decode'],
      ['encode', 'oauthbearer', '--token', 't', '--port', 'x'],
      ['--bogus'],
    ]) {
      const r = await cli(args);
      assert.notStrictEqual(r.code, 0, args.join(' '));
      assert.strictEqual(r.out, '', args.join(' '));
      assert.ok(r.err.startsWith('mailoauth: '), args.join(' '));
      assert.doesNotMatch(r.err, /\n\s+at /, 'no stack trace');
    }
  });

  it('inspects an opaque token without calling it an error', async () => {
    const r = await cli(['inspect', SEED.token]);
    assert.strictEqual(r.code, 0);
    assert.match(r.out, /Opaque Microsoft account token/);
  });

  it('explains a server reply, with --json giving title, cause and fix', async () => {
    const r = await cli([
      'explain',
      '--json',
      'S: 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.',
    ]);
    assert.strictEqual(r.code, 0);
    const { findings } = JSON.parse(r.out);
    assert.ok(findings.length >= 1);
    for (const key of ['title', 'cause', 'fix']) assert.strictEqual(typeof findings[0][key], 'string', key);
    assert.match(findings[0].fix, /SmtpClientAuthenticationDisabled/);
    const human = await cli(['explain', 'AADSTS50011: The redirect URI specified in the request does not match']);
    assert.strictEqual(human.code, 0);
    assert.match(human.out, /Cause: /);
    const none = await cli(['explain', 'everything is fine']);
    assert.strictEqual(none.code, 1);
    assert.match(none.err, /^mailoauth: no known failure recognised/);
  });

  it('runs bundled on plain Node without VS Code', () => {
    const cliPath = path.resolve(__dirname, '../../../dist/cli.js');
    assert.ok(fs.existsSync(cliPath), 'dist/cli.js is built before the unit tests (npm test builds first)');
    const out = execFileSync(process.execPath, [cliPath, 'encode', 'oauthbearer', '--user', 'user@example.com', '--host', 'server.example.com', '--port', '143', '--token', '-'], {
      input: 'vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg==',
      env: ENGLISH,
    }).toString();
    assert.strictEqual(out.trim(), 'bixhPXVzZXJAZXhhbXBsZS5jb20sAWhvc3Q9c2VydmVyLmV4YW1wbGUuY29tAXBvcnQ9MTQzAWF1dGg9QmVhcmVyIHZGOWRmdDRxbVRjMk52YjNSbGNrQmhiSFJoZG1semRHRXVZMjl0Q2c9PQEB');
    const bad = spawnSync(process.execPath, [cliPath, 'decode', '%%%'], { env: ENGLISH });
    assert.strictEqual(bad.status, 1);
    assert.match(bad.stderr.toString(), /^mailoauth: Not base64/);
  });

  it('bundled, decodes and explains what users paste (issue 14)', () => {
    const cliPath = path.resolve(__dirname, '../../../dist/cli.js');
    const run = (...args: string[]) => spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8' });
    const token = 'ya29.a0AfB_byC1' + 'x'.repeat(60);
    const login = Buffer.from(`user=alice@example.com\x01auth=Bearer ${token}\x01\x01`).toString('base64');
    // A whole email-oauth2-proxy line: timestamp, connection, "-->" and a Python bytes repr with an escaped CRLF.
    const line = run('decode', `2022-10-21 10:19:27: IMAP (localhost:1993; 127.0.0.1:50428->outlook.office365.com:993)     --> b'a1 AUTHENTICATE XOAUTH2 ${login}\\r\\n'`);
    assert.strictEqual(line.status, 0, line.stderr);
    assert.match(line.stdout, /User: +alice@example\.com/);
    assert.ok(!line.stdout.includes(token), 'token redacted');
    const cut = run('decode', login.slice(0, 33));
    assert.strictEqual(cut.status, 1);
    assert.match(cut.stdout, /User: +alice@example\.com[\s\S]*\[truncated-login\]/);
    const jwt = run('decode', 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl');
    assert.match(jwt.stderr, /inspect/);
    const unknown = run('decode', Buffer.from('hello \x1b]0;title\x07 world').toString('base64'));
    assert.match(unknown.stdout, /Decoded: +hello /);
    assert.ok(!/[\x1b\x07]/.test(unknown.stdout), 'no raw control bytes on the terminal');
    const greeting = run('decode', '* OK The Microsoft Exchange IMAP4 service is ready. [TQBOADIAUABSADAAMQBDAEEAMAAxADAAOQAuAGEAdQBzAHAAcgBkADAAMQAuAHAAcgBvAGQALgBvAHUAdABsAG8AbwBrAC4AYwBvAG0A]');
    assert.match(greeting.stdout, /MN2PR01CA0109\.ausprd01\.prod\.outlook\.com/);
    const explained = run('explain', 'xm002 NO SELECT Unsafe Login. Please contact kefu@188.com for help');
    assert.strictEqual(explained.status, 0);
    assert.match(explained.stdout, /IMAP ID/);
    const mbsync = run('explain', 'Error: IMAP wants more steps despite successful SASL authentication.');
    assert.match(mbsync.stdout, /error challenge/);
  });

  it('given a whole log line, decodes its blob whatever the tool prefix; a Dovecot token= line points to inspect, which takes it', async () => {
    const login = Buffer.from(`user=${SEED.user}\x01auth=Bearer ${SEED.token}\x01\x01`).toString('base64');
    const challenge = 'eyJzdGF0dXMiOiI0MDAiLCJzY2hlbWVzIjoiQmVhcmVyIiwic2NvcGUiOiJodHRwczovL21haWwuZ29vZ2xlLmNvbS8ifQ==';
    // The prefixes of the tools in test/fixtures/logs (each line as that tool prints it).
    const lines = [
      `2026-12-02 18:04:35\tCLIENT -> SERVER: AUTH XOAUTH2 ${login}`, // PHPMailer
      `[2026-12-02 18:04:41] DEBUG [8wGb6plPww0] C: AUTH XOAUTH2 ${login}`, // nodemailer
      `A0 AUTHENTICATE XOAUTH2 ${login}`, // Jakarta Mail with mail.debug.auth
      `C: A00000001 AUTHENTICATE XOAUTH2 ${login}`, // MailKit
      `Jan  3 22:26:37 mx1 postfix/smtp[5241]: > smtp.office365.com[52.96.40.242]:587: AUTH XOAUTH2 ${login}`, // Postfix
      `15:26:36.704034 send: 'AUTH XOAUTH2 ${login}\\r\\n'`, // smtplib
      `data: ${login}`,
    ];
    for (const line of lines) {
      const r = await cli(['decode', '--json', line]);
      assert.strictEqual(JSON.parse(r.out).user, SEED.user, line.slice(0, 60));
    }
    const servers = [
      `2026-12-02 18:04:35\tSERVER -> CLIENT: 334 ${challenge}`,
      `2022-10-21 10:19:43: IMAP (localhost:1993; 127.0.0.1:50502->imap.gmail.com:993)     <-- b'+ ${challenge}\\r\\n'`,
      `2024-03-12 09:14:05.190000 UTC - [Parent 4812: IMAP]: I/IMAP 0x7f3a2c5e9000:imap.gmail.com:NA:CreateNewLineFromSocket: + ${challenge}`,
      `<== 334 ${challenge}`,
      `S: + ${challenge}`,
    ];
    for (const line of servers) {
      const r = await cli(['decode', '--json', line]);
      assert.strictEqual(JSON.parse(r.out).mechanism, 'ERROR-CHALLENGE', line.slice(0, 60));
    }
    const jwt = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1cG4iOiJhZGVsZUBjb250b3NvLmNvbSIsImV4cCI6MTc5NjIyNTE2MH0.c2lnbmF0dXJlLW5vdC1yZWFs';
    const dovecot = `Nov 21 14:32:59 auth: Debug: client passdb out: OK\t1\tuser=adele@contoso.com\ttoken=${jwt}`;
    const d = await cli(['decode', dovecot]);
    assert.notStrictEqual(d.code, 0, d.err);
    assert.match(d.err, /token= field[\s\S]*mailoauth inspect/);
    const i = await cli(['inspect', dovecot]);
    assert.strictEqual(i.code, 0, i.err);
    assert.match(i.out, /adele@contoso\.com/);
    assert.ok(!i.out.includes(jwt), 'token redacted');
  });
});
