// Captures the real log fixtures used by the hover tests: a `curl -v` transcript and Dovecot's log with
// auth debug lines, from real curl against a real Dovecot on loopback with test-made tokens.
// Run: npx tsc -p . --outDir out-dev && node out-dev/test/servers/captureLogFixtures.js
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { SignJWT } from 'jose';
import { startDovecot } from './dovecot';

const OUT = path.resolve(__dirname, '../../../test/fixtures/logs');
const USER = 'adele@contoso.com';

async function token(key: Buffer, expSecondsFromNow: number): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    aud: 'https://outlook.office.com',
    iss: 'https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/',
    tid: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    sub: 'AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ',
    oid: '00000000-0000-0000-66f3-3332eca7ea81',
    email: USER,
    upn: USER,
    scp: 'IMAP.AccessAsUser.All POP.AccessAsUser.All SMTP.Send',
    appid: '11111111-2222-3333-4444-555555555555',
    iat: now - 60,
    nbf: now - 60,
    exp: now + expSecondsFromNow,
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(key);
}

function curl(args: string[]): string {
  const r = spawnSync('curl', ['-v', '-s', '--max-time', '10', ...args], { encoding: 'utf8' });
  return r.stderr;
}

async function main() {
  const dovecot = await startDovecot();
  try {
    const good = await token(dovecot.hs256Key, 3600);
    const expired = await token(dovecot.hs256Key, -600);
    const { imap, pop3, submission } = dovecot.ports;
    const parts = [
      `# curl ${spawnSync('curl', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0].split(' ').slice(0, 2).join(' ')} -v against Dovecot on 127.0.0.1 (captured by test/servers/captureLogFixtures.ts)`,
      `# 1. IMAP, valid token (curl sends OAUTHBEARER although XOAUTH2 is asked for: curl/curl#10259)`,
      curl([`imap://127.0.0.1:${imap}/`, '--login-options', 'AUTH=XOAUTH2', '--user', USER, '--oauth2-bearer', good]),
      `# 2. IMAP, expired token: the server's error challenge, then the failure`,
      curl([`imap://127.0.0.1:${imap}/`, '--login-options', 'AUTH=XOAUTH2', '--user', USER, '--oauth2-bearer', expired]),
      `# 3. POP3, valid token`,
      curl([`pop3://127.0.0.1:${pop3}/`, '--login-options', 'AUTH=XOAUTH2', '--user', USER, '--oauth2-bearer', good]),
      `# 4. SMTP submission, wrong user for the token`,
      curl([
        `smtp://127.0.0.1:${submission}/`,
        '--login-options',
        'AUTH=XOAUTH2',
        '--user',
        'someone.else@contoso.com',
        '--oauth2-bearer',
        good,
        '--mail-from',
        USER,
        '--mail-rcpt',
        USER,
        '-T',
        '/dev/null',
      ]),
    ];
    fs.writeFileSync(path.join(OUT, 'curl-verbose.log'), parts.join('\n'));
    await new Promise((r) => setTimeout(r, 500));
    fs.writeFileSync(path.join(OUT, 'dovecot-auth-debug.log'), dovecot.log().split(dovecot.dir).join('/var/lib/dovecot-test'));
    console.log(`wrote ${OUT}/curl-verbose.log and dovecot-auth-debug.log`);
  } finally {
    await dovecot.stop();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
