// Captures the log fixtures of client libraries (test/fixtures/logs/README.md): Jakarta Mail's
// `mail.debug`, PHPMailer's `SMTPDebug` and nodemailer's logger, each the real library against a real
// Dovecot on loopback (with a local SMTP sink as its submission relay), with test-made tokens only:
// a good one and one whose `exp` is in the past.
// Run: npx tsc -p . && node out/test/servers/captureClientLogFixtures.js
// Needs: dovecot (scripts/ensure-dovecot.sh), java + javac, php, libphp-phpmailer, libjakarta-mail-java
// (scripts/ensure-snippet-runtimes.sh).
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startDovecot } from './dovecot';
import { startSmtpSink } from './smtpSink';
import { mintToken } from './tokens';

const REPO = path.resolve(__dirname, '../../..');
const OUT = path.join(REPO, 'test/fixtures/logs');
const CLIENTS = path.join(REPO, 'test/servers/logClients');
const USER = 'adele@contoso.com';
const JAKARTA = ['/usr/share/java/jakarta-mail.jar', '/usr/share/java/jakarta-activation.jar'];

/**
 * Runs a client; its stdout and stderr as one log, in the order written (both are where these libraries
 * write their debug output). Asynchronous: the SMTP sink in this process must answer Dovecot's relay meanwhile.
 */
function run(command: string, args: string[], token: string, cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, MAIL_ACCESS_TOKEN: token } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (out += d.toString('utf8')));
    const timer = setTimeout(() => child.kill(), 60_000);
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      resolve(out.replace(/\r\n/g, '\n').trimEnd());
    });
  });
}

async function main(): Promise<void> {
  const sink = await startSmtpSink();
  const dovecot = await startDovecot({ relayPort: sink.port, authFailureDelay: '0' });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mailoauth-capture-'));
  try {
    const good = await mintToken(dovecot.hs256Key, { user: USER });
    const expired = await mintToken(dovecot.hs256Key, { user: USER, expiresInSeconds: -600 });
    const { imap, submission } = dovecot.ports;
    const host = '127.0.0.1';

    const javac = spawnSync('javac', ['-cp', JAKARTA.join(':'), '-d', work, path.join(CLIENTS, 'MailDebug.java')], { encoding: 'utf8' });
    if (javac.status !== 0) throw new Error(`javac: ${javac.stderr}`);
    const java = (args: string[], token: string) => run('java', ['-cp', [...JAKARTA, work].join(':'), 'MailDebug', ...args], token, work);
    const javaVersion = spawnSync('java', ['-version'], { encoding: 'utf8' }).stderr.split('\n')[0];
    write('jakarta-mail-debug.log', [
      `# Jakarta Mail 2.0 (Debian libjakarta-mail-java, ${javaVersion}), mail.debug=true, against Dovecot on ${host} (captured by test/servers/captureClientLogFixtures.ts)`,
      '# 1. IMAP, XOAUTH2, valid token, mail.debug.auth=true (the AUTHENTICATE exchange is shown)',
      await java(['imap', host, String(imap), USER, 'auth'], good),
      '# 2. IMAP, XOAUTH2, expired token, mail.debug.auth not set (the exchange is suppressed, the failure is not)',
      await java(['imap', host, String(imap), USER], expired),
      '# 3. SMTP submission, XOAUTH2, expired token, mail.debug.auth=true',
      await java(['smtp', host, String(submission), USER, 'auth'], expired),
    ]);

    const php = (level: number, token: string) => run('php', [path.join(CLIENTS, 'phpmailer-debug.php'), host, String(submission), USER, String(level)], token, work);
    write('phpmailer-smtpdebug.log', [
      `# PHPMailer 6.6 (Debian libphp-phpmailer), AuthType XOAUTH2, against Dovecot's submission on ${host} (captured by test/servers/captureClientLogFixtures.ts)`,
      '# 1. SMTPDebug = 4 (low-level), valid token: the message is sent',
      await php(4, good),
      '# 2. SMTPDebug = 2 (client and server), expired token',
      await php(2, expired),
    ]);

    const node = (token: string) => run(process.execPath, [path.join(REPO, 'out/test/servers/logClients/nodemailerDebug.js'), host, String(submission), USER], token, REPO);
    const nodemailerVersion = (JSON.parse(fs.readFileSync(require.resolve('nodemailer/package.json'), 'utf8')) as { version: string }).version;
    write('nodemailer-logger.log', [
      `# nodemailer ${nodemailerVersion}, logger: true, debug: true, auth type OAuth2 with an access token, against Dovecot's submission on ${host} (captured by test/servers/captureClientLogFixtures.ts)`,
      '# 1. valid token: the message is sent',
      await node(good),
      '# 2. expired token',
      await node(expired),
    ]);
    await new Promise((r) => setTimeout(r, 500));
    const log = dovecot.log().split(dovecot.dir).join('/var/lib/dovecot-test');
    write('dovecot-client-libraries-auth-debug.log', [
      log
        .split('\n')
        .filter((l) => !/Module loaded|Loading modules|module_dir/.test(l))
        .join('\n'),
    ]);
  } finally {
    await dovecot.stop();
    await sink.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function write(name: string, parts: string[]): void {
  fs.writeFileSync(path.join(OUT, name), parts.join('\n') + '\n');
  console.log(`wrote test/fixtures/logs/${name}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
