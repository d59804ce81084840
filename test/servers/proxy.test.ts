// The capture proxy (`mailoauth proxy`) between real clients — curl, Python's imaplib/poplib/smtplib,
// msmtp, fetchmail, mbsync — as "the user's application" and a real Dovecot: sessions complete through
// the relay, their logins appear decoded and explained, secrets stay out of the saved transcripts, and
// injection replaces plain logins with the account's token.
import * as assert from 'assert';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Dovecot } from './dovecot';
import { readyDovecot } from './readyDovecot';
import { ProxyEventJson, RunningProxy, startProxyCli } from './proxyCli';
import { SmtpSink } from './smtpSink';
import { mintToken } from './tokens';

const USER = 'adele@contoso.com';

interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a client without blocking this process (the SMTP sink that Dovecot relays to lives here). */
function run(cmd: string, args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env: { ...process.env, ...options.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('error', (e) => (stderr += String(e)));
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** curl logging in with XOAUTH2 through the relay at `url` (it sends OAUTHBEARER where the server offers it), then `extra`. */
function curlXoauth2(url: string, token: string, ...extra: string[]): Promise<Ran> {
  return run('curl', ['-s', '--max-time', '30', url, '--login-options', 'AUTH=XOAUTH2', '--user', `${USER}:`, '--oauth2-bearer', token, ...extra]);
}

function has(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

const login = (e: ProxyEventJson) => (e.logins as { mechanism: string; user: string; outcome: string; replaced: string | null; verdict: { ok: boolean; title: string; cause: string | null } }[])[0];

describe('capture proxy between real clients and real Dovecot', function () {
  this.timeout(120_000);
  let dovecot: Dovecot;
  let sink: SmtpSink;
  let token: string;
  let dir: string;
  const proxies: RunningProxy[] = [];

  before(async function () {
    ({ dovecot, sink, token } = await readyDovecot(USER, { sink: true }));
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mailoauth-proxy-test-'));
  });
  after(async () => {
    for (const p of proxies) await p.stop();
    await dovecot?.stop();
    await sink?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function proxy(protocol: 'imap' | 'pop3' | 'smtp', security: 'tls' | 'starttls' | 'none', extra: string[] = [], stdin?: string): Promise<RunningProxy> {
    const p = dovecot.ports;
    const port = {
      imap: { none: p.imap, starttls: p.imap, tls: p.imaps },
      pop3: { none: p.pop3, starttls: p.pop3, tls: p.pop3s },
      smtp: { none: p.submission, starttls: p.submission, tls: p.submissions },
    }[protocol][security];
    fs.writeFileSync(path.join(dir, 'ca.pem'), dovecot.certificates.caPem);
    const r = await startProxyCli(
      [
        protocol,
        '--listen',
        '127.0.0.1:0',
        '--host',
        'localhost',
        '--port',
        String(port),
        '--security',
        security,
        '--ca',
        path.join(dir, 'ca.pem'),
        '--save-dir',
        path.join(dir, 'transcripts'),
        '--config-dir',
        path.join(dir, 'config'),
        ...extra,
      ],
      { stdin },
    );
    proxies.push(r);
    return r;
  }

  function savedTranscript(closed: ProxyEventJson): string {
    assert.ok(closed.transcript, 'a transcript was saved');
    return fs.readFileSync(closed.transcript as string, 'utf8');
  }

  const tokenSignature = () => token.split('.')[2];

  it('curl over IMAP (OAUTHBEARER through a TLS upstream): the session completes, the login is decoded, verified by the server and saved without the usable token', async () => {
    const p = await proxy('imap', 'tls');
    const r = await curlXoauth2(`imap://127.0.0.1:${p.port}/INBOX`, token, '-X', 'EXAMINE INBOX');
    assert.strictEqual(r.status, 0, r.stderr);
    const closed = await p.closed();
    const l = login(closed);
    assert.deepStrictEqual([l.user, l.outcome, l.verdict.ok], [USER, 'ok', true], JSON.stringify(closed));
    assert.match(l.mechanism, /^(XOAUTH2|OAUTHBEARER)$/);
    const loginEvent = p.events.find((e) => e.event === 'login');
    assert.deepStrictEqual([loginEvent?.user, loginEvent?.outcome], [USER, 'ok']);
    const saved = savedTranscript(closed);
    assert.ok(!saved.includes(tokenSignature()), 'the token signature is not in the saved transcript');
    assert.match(saved, /C: \S+ AUTHENTICATE (XOAUTH2|OAUTHBEARER) /);
    assert.match(saved, /EXAMINE INBOX/);
    assert.ok(
      !/COMPRESS=DEFLATE/i.test(
        saved
          .split('\n')
          .filter((x) => / S: /.test(x))
          .join('\n'),
      ),
      'COMPRESS=DEFLATE is not offered to the client',
    );
  });

  it('curl over POP3 and SMTP (STARTTLS upstream, done by the relay): both sessions complete and are explained', async () => {
    const pop = await proxy('pop3', 'starttls');
    const r1 = await curlXoauth2(`pop3://127.0.0.1:${pop.port}/`, token);
    assert.strictEqual(r1.status, 0, r1.stderr);
    const c1 = await pop.closed();
    assert.deepStrictEqual([login(c1).user, login(c1).outcome], [USER, 'ok'], JSON.stringify(c1));
    assert.match(savedTranscript(c1), /# tls: to the server: TLSv1\.[23]/);

    const smtp = await proxy('smtp', 'starttls');
    const mail = path.join(dir, 'mail.eml');
    fs.writeFileSync(mail, `From: ${USER}\r\nTo: bob@contoso.com\r\nSubject: through the relay\r\n\r\nHello.\r\n..leading dot\r\n`);
    const r2 = await curlXoauth2(`smtp://127.0.0.1:${smtp.port}`, token, '--mail-from', USER, '--mail-rcpt', 'bob@contoso.com', '--upload-file', mail);
    assert.strictEqual(r2.status, 0, r2.stderr);
    const c2 = await smtp.closed();
    assert.deepStrictEqual([login(c2).user, login(c2).outcome], [USER, 'ok'], JSON.stringify(c2));
    assert.ok(
      sink.messages.some((m) => m.data.includes('..leading dot') || m.data.includes('.leading dot')),
      'the message reached the sink',
    );
  });

  it('Python imaplib, poplib and smtplib with XOAUTH2: each session completes through the relay', async () => {
    const imap = await proxy('imap', 'none');
    const pop = await proxy('pop3', 'none');
    const smtp = await proxy('smtp', 'none');
    const script = `
import base64, imaplib, os, poplib, smtplib, sys
u, t = os.environ['U'], os.environ['T']
raw = 'user=%s\\x01auth=Bearer %s\\x01\\x01' % (u, t)
m = imaplib.IMAP4('127.0.0.1', int(sys.argv[1]))
m.authenticate('XOAUTH2', lambda _: raw.encode())
m.select('INBOX'); m.logout()
p = poplib.POP3('127.0.0.1', int(sys.argv[2]))
p._shortcmd('AUTH XOAUTH2 ' + base64.b64encode(raw.encode()).decode())
p.stat(); p.quit()
s = smtplib.SMTP('127.0.0.1', int(sys.argv[3]))
s.ehlo(); s.docmd('AUTH', 'XOAUTH2 ' + base64.b64encode(raw.encode()).decode())
s.sendmail(u, ['bob@contoso.com'], 'Subject: py\\r\\n\\r\\nfrom python\\r\\n'); s.quit()
print('ok')
`;
    const r = await run('python3', ['-c', script, String(imap.port), String(pop.port), String(smtp.port)], { env: { U: USER, T: token } });
    assert.strictEqual(r.stdout.trim(), 'ok', r.stderr);
    for (const p of [imap, pop, smtp]) {
      const c = await p.closed();
      assert.deepStrictEqual([login(c).mechanism, login(c).user, login(c).outcome], ['XOAUTH2', USER, 'ok'], JSON.stringify(c));
    }
  });

  it('a refused token (expired) is explained: the error challenge decoded, the cause from the token checks', async () => {
    const expired = await mintToken(dovecot.hs256Key, { user: USER, expiresInSeconds: -600 });
    const imap = await proxy('imap', 'none');
    const script = `
import imaplib, os, sys
m = imaplib.IMAP4('127.0.0.1', int(sys.argv[1]))
try:
    m.authenticate('XOAUTH2', lambda _: ('user=%s\\x01auth=Bearer %s\\x01\\x01' % (os.environ['U'], os.environ['T'])).encode())
except imaplib.IMAP4.error as e:
    print('refused')
`;
    const r = await run('python3', ['-c', script, String(imap.port)], { env: { U: USER, T: expired } });
    assert.strictEqual(r.stdout.trim(), 'refused', r.stderr);
    const c = await imap.closed();
    const l = login(c);
    assert.deepStrictEqual([l.outcome, l.verdict.ok], ['refused', false]);
    assert.match(l.verdict.cause ?? '', /expired/i);
  });

  it('a 20 MB message appended and fetched through the relay (synchronising literal up, literal down) arrives byte-identical', async () => {
    const imap = await proxy('imap', 'tls');
    const script = `
import hashlib, imaplib, os, sys
body = os.urandom(11 * 1024 * 1024).hex()[:20 * 1024 * 1024 - 200]
msg = ('Subject: big\\r\\n\\r\\n' + '\\r\\n'.join(body[i:i+998] for i in range(0, len(body), 998)) + '\\r\\n').encode()
m = imaplib.IMAP4('127.0.0.1', int(sys.argv[1]))
m.authenticate('XOAUTH2', lambda _: ('user=%s\\x01auth=Bearer %s\\x01\\x01' % (os.environ['U'], os.environ['T'])).encode())
m.create('Big'); m.select('Big')
m.append('Big', None, None, msg)
typ, data = m.fetch('*', '(BODY.PEEK[])')
got = data[0][1]
print(len(msg), hashlib.sha256(msg).hexdigest() == hashlib.sha256(got).hexdigest())
m.logout()
`;
    const r = await run('python3', ['-c', script, String(imap.port)], { env: { U: USER, T: token } });
    const [size, same] = r.stdout.trim().split(' ');
    assert.ok(Number(size) > 20_000_000, `message size ${size} ${r.stderr}`);
    assert.strictEqual(same, 'True', 'the fetched message equals the appended one');
    const c = await imap.closed();
    assert.ok((c.bytesFromClient as number) > 20_000_000 && (c.bytesFromServer as number) > 20_000_000);
    const saved = savedTranscript(c);
    assert.ok(saved.length < 1_000_000, `the transcript does not hold the message (${saved.length} chars)`);
  });

  it('msmtp (XOAUTH2, STARTTLS to the relay with its local CA) sends a message through the relay', async function () {
    if (!has('msmtp')) assert.fail('msmtp is installed (scripts/ensure-mail-clients.sh installs it)');
    const smtp = await proxy('smtp', 'tls', ['--client-security', 'starttls']);
    const ca = path.join(dir, 'proxy-ca.crt');
    const exported = await run(process.execPath, [path.resolve(__dirname, '../../../dist/cli.js'), 'proxy', '--export-ca', ca, '--config-dir', path.join(dir, 'config')]);
    assert.strictEqual(exported.status, 0, exported.stderr);
    fs.writeFileSync(path.join(dir, 'token.txt'), token);
    const conf = path.join(dir, 'msmtprc');
    fs.writeFileSync(
      conf,
      `account relay\nhost 127.0.0.1\nport ${smtp.port}\ntls on\ntls_starttls on\ntls_trust_file ${ca}\nauth xoauth2\nuser ${USER}\nfrom ${USER}\npasswordeval cat ${path.join(dir, 'token.txt')}\naccount default : relay\n`,
      { mode: 0o600 },
    );
    const r = await run('msmtp', ['-C', conf, 'bob@contoso.com'], { input: `From: ${USER}\nTo: bob@contoso.com\nSubject: msmtp\n\nvia msmtp\n` });
    assert.strictEqual(r.status, 0, r.stderr + r.stdout);
    const c = await smtp.closed();
    assert.deepStrictEqual([login(c).mechanism, login(c).user, login(c).outcome], ['XOAUTH2', USER, 'ok'], JSON.stringify(c));
    assert.match(savedTranscript(c), /# tls: to the client: TLSv1\.[23]/);
  });

  /** An mbsync configuration pulling INBOX from the relay; `auth` is its AuthMechs line. */
  function mbsyncConfig(port: number, auth: string, passCmd: string): string {
    const maildir = fs.mkdtempSync(path.join(dir, 'maildir-'));
    const conf = path.join(maildir, 'mbsyncrc');
    fs.writeFileSync(
      conf,
      `IMAPAccount relay\nHost 127.0.0.1\nPort ${port}\nUser ${USER}\nPassCmd "${passCmd}"\nAuthMechs ${auth}\nSSLType None\n\nIMAPStore remote\nAccount relay\n\nMaildirStore local\nPath ${maildir}/\nInbox ${maildir}/INBOX\n\nChannel inbox\nFar :remote:INBOX\nNear :local:INBOX\nCreate Near\nSync Pull\nSyncState *\n`,
      { mode: 0o600 },
    );
    return conf;
  }

  it('mbsync (XOAUTH2 through Cyrus SASL) pulls INBOX through the relay', async function () {
    if (!has('mbsync')) assert.fail('mbsync is installed (scripts/ensure-mail-clients.sh)');
    const imap = await proxy('imap', 'tls');
    fs.writeFileSync(path.join(dir, 'token.txt'), token);
    const r = await run('mbsync', ['-c', mbsyncConfig(imap.port, 'XOAUTH2', `cat ${path.join(dir, 'token.txt')}`), 'inbox']);
    const c = await imap.closed();
    assert.deepStrictEqual([login(c).mechanism, login(c).user, login(c).outcome], ['XOAUTH2', USER, 'ok'], `${JSON.stringify(c)}\n${r.stdout}${r.stderr}`);
    assert.strictEqual(r.status, 0, r.stdout + r.stderr);
  });

  describe('injection mode', () => {
    it('fetchmail and Python log in with plain logins and the proxy password; the relay logs in with the token, never forwarding the password', async () => {
      const pop = await proxy('pop3', 'tls', ['--inject', '--user', USER, '--token', '-'], token);
      const imap = await proxy('imap', 'none', ['--inject', '--user', USER, '--token', '-', '--mechanism', 'oauthbearer'], token);
      assert.ok(pop.clientPassword && pop.clientPassword.length >= 20, 'a generated proxy password is shown');
      const rc = path.join(dir, 'fetchmailrc-inject');
      fs.writeFileSync(rc, `poll 127.0.0.1 service ${pop.port} protocol pop3 auth password user "${USER}" password "${pop.clientPassword}" sslproto '' keep mda "cat >/dev/null"\n`, { mode: 0o600 });
      const r1 = await run('fetchmail', ['-f', rc, '--nosyslog', '-v', '--nodetach'], { env: { HOME: dir } });
      assert.ok(r1.status === 0 || r1.status === 1, `fetchmail: ${r1.status} ${r1.stdout}${r1.stderr}`);
      const c1 = await pop.closed();
      const l1 = login(c1);
      assert.deepStrictEqual([l1.mechanism, l1.user, l1.outcome, l1.replaced], ['XOAUTH2', USER, 'ok', 'USER/PASS'], JSON.stringify(c1));
      const saved = savedTranscript(c1);
      assert.ok(!saved.includes(pop.clientPassword!), 'the proxy password is not in the transcript');

      const script = `
import imaplib, sys
m = imaplib.IMAP4('127.0.0.1', int(sys.argv[1]))
m.login(sys.argv[2], sys.argv[3]); m.select('INBOX'); m.logout()
m = imaplib.IMAP4('127.0.0.1', int(sys.argv[1]))
try:
    m.login(sys.argv[2], 'the-mailbox-password')
    print('accepted')
except imaplib.IMAP4.error:
    print('refused')
`;
      const r2 = await run('python3', ['-c', script, String(imap.port), USER, imap.clientPassword!]);
      assert.strictEqual(r2.stdout.trim(), 'refused', r2.stderr);
      const ok = await imap.closed();
      assert.deepStrictEqual([login(ok).mechanism, login(ok).outcome, login(ok).replaced], ['OAUTHBEARER', 'ok', 'LOGIN'], JSON.stringify(ok));
      const refused = await imap.closed();
      assert.strictEqual(login(refused).outcome, 'refused');
      assert.match(login(refused).verdict.cause ?? '', /proxy password/);
      assert.ok(!dovecot.log().includes('the-mailbox-password'), 'the wrong password never reached the server');

      // mbsync with AUTHENTICATE PLAIN (SASL-IR) against the same proxy.
      const r3 = await run('mbsync', ['-c', mbsyncConfig(imap.port, 'PLAIN', `echo ${imap.clientPassword}`), 'inbox']);
      const c3 = await imap.closed();
      assert.deepStrictEqual([login(c3).mechanism, login(c3).outcome, login(c3).replaced], ['OAUTHBEARER', 'ok', 'AUTHENTICATE PLAIN'], `${JSON.stringify(c3)}\n${r3.stdout}${r3.stderr}`);
      assert.strictEqual(r3.status, 0, r3.stdout + r3.stderr);
    });

    it("msmtp with AUTH PLAIN and smtplib with AUTH LOGIN send mail with the account's token", async () => {
      const smtp = await proxy('smtp', 'starttls', ['--inject', '--user', USER, '--token-command', `cat ${path.join(dir, 'token.txt')}`]);
      fs.writeFileSync(path.join(dir, 'token.txt'), token);
      const conf = path.join(dir, 'msmtprc-inject');
      fs.writeFileSync(conf, `account relay\nhost 127.0.0.1\nport ${smtp.port}\ntls off\nauth plain\nuser ${USER}\nfrom ${USER}\npassword ${smtp.clientPassword}\naccount default : relay\n`, {
        mode: 0o600,
      });
      const r1 = await run('msmtp', ['-C', conf, 'bob@contoso.com'], { input: `From: ${USER}\nTo: bob@contoso.com\nSubject: injected\n\nvia msmtp, injected\n` });
      assert.strictEqual(r1.status, 0, r1.stderr + r1.stdout);
      const c1 = await smtp.closed();
      assert.deepStrictEqual([login(c1).mechanism, login(c1).outcome, login(c1).replaced], ['XOAUTH2', 'ok', 'AUTH PLAIN'], JSON.stringify(c1));
      const script = `
import smtplib, sys
s = smtplib.SMTP('127.0.0.1', int(sys.argv[1]))
s.ehlo()
s.user, s.password = sys.argv[2], sys.argv[3]
s.auth('LOGIN', s.auth_login, initial_response_ok=False)
s.sendmail(sys.argv[2], ['bob@contoso.com'], 'Subject: login\\r\\n\\r\\nvia AUTH LOGIN\\r\\n'); s.quit(); print('ok')
`;
      const r2 = await run('python3', ['-c', script, String(smtp.port), USER, smtp.clientPassword!]);
      assert.strictEqual(r2.stdout.trim(), 'ok', r2.stderr);
      const c2 = await smtp.closed();
      assert.deepStrictEqual([login(c2).outcome, login(c2).replaced], ['ok', 'AUTH LOGIN'], JSON.stringify(c2));
      assert.ok(sink.messages.some((m) => m.data.includes('via AUTH LOGIN')));
    });
  });

  it('stops cleanly on SIGTERM with exit code 0', async () => {
    const p = await proxy('imap', 'none');
    const { code } = await p.stop();
    assert.strictEqual(code, 0);
    assert.ok(p.events.some((e) => e.event === 'stopped'));
  });

  it('refuses to listen on a non-loopback address without --allow-remote', async () => {
    const r = await run(process.execPath, [path.resolve(__dirname, '../../../dist/cli.js'), 'proxy', 'imap', '--listen', '0.0.0.0:0', '--host', 'localhost', '--port', '1', '--security', 'none']);
    assert.strictEqual(r.status, 1);
    assert.match(r.stderr, /loopback only/);
  });
});
