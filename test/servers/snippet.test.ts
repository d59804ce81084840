// The generated client programs, run for real against the sandbox (Dovecot validating by introspection at the
// local identity provider): Python's mail part, Java (Jakarta Mail) and PHP (PHPMailer, stream sockets) with
// MAIL_ACCESS_TOKEN; Node in full, signing in with client credentials at the provider through @azure/msal-node.
// A mailbox not granted to the app is refused: the same programs then exit non-zero, which shows the runs can fail.
import * as assert from 'assert';
import { execFile, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { acquireAppToken } from '../../src/auth/appCredential';
import { resolveAuthSettings } from '../../src/auth/authConfig';
import { defaultScopes, generateSnippet, SnippetLanguage, SnippetMechanism, SnippetSession } from '../../src/core/snippet';
import { MailProtocol } from '../../src/core/token/checks';
import { Sandbox, startSandbox } from '../sandbox/sandbox';
import { dovecotAvailable } from './dovecot';

const REPO = path.resolve(__dirname, '../../..');
const JAKARTA_JARS = ['/usr/share/java/jakarta-mail.jar', '/usr/share/java/jakarta-activation.jar'];
const PHPMAILER_AUTOLOAD = '/usr/share/php/libphp-phpmailer/autoload.php';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a program; the limit only keeps a hanging program from hanging the suite (it is no assertion). */
function run(command: string, args: string[], env: Record<string, string>, cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: os.tmpdir(), ...env }, timeout: 60_000, maxBuffer: 4 << 20 }, (err, stdout, stderr) => {
      // A program killed for hanging has no exit code (null): no assertion on an exit code accepts that.
      const code = !err ? 0 : typeof (err as { code?: unknown }).code === 'number' ? (err as unknown as { code: number }).code : null;
      resolve({ code, stdout, stderr });
    });
  });
}

describe('generated client programs against the sandbox (Dovecot + local identity provider)', function () {
  this.timeout(120_000);
  let sandbox: Sandbox;
  let appToken: string;
  let secret: string;
  let dir: string;

  before(async () => {
    assert.ok(dovecotAvailable(), 'Dovecot is installed (scripts/ensure-dovecot.sh installs it)');
    sandbox = await startSandbox();
    assert.deepStrictEqual(sandbox.problems, []);
    secret = fs.readFileSync(sandbox.app!.secretFile, 'utf8').trim();
    const r = resolveAuthSettings({ clientId: sandbox.idp!.clientId, authority: sandbox.idp!.authority });
    assert.ok(r.ok);
    appToken = (await acquireAppToken(r.config, sandbox.app!.clientId, { type: 'secret', secret }, [fs.readFileSync(sandbox.caPath, 'utf8')])).accessToken;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mailoauth-snippet-'));
  });
  after(async () => {
    await sandbox?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const session = (protocol: MailProtocol, mechanism: SnippetMechanism, user = sandbox.app!.grantedMailbox): SnippetSession => {
    const ports = sandbox.dovecot!.ports;
    return {
      protocol,
      host: '127.0.0.1',
      port: { imap: ports.imap, pop3: ports.pop3, smtp: ports.submission }[protocol],
      security: 'none',
      user,
      mechanism,
      flow: 'client-credentials',
      authority: sandbox.idp!.authority,
      clientId: sandbox.app!.clientId,
      scopes: defaultScopes(protocol, 'client-credentials'),
    };
  };

  const write = (language: SnippetLanguage, s: SnippetSession, sub: string): string => {
    const r = generateSnippet(language, s);
    assert.ok(r.ok, JSON.stringify(r));
    const folder = path.join(dir, sub);
    fs.mkdirSync(folder, { recursive: true });
    const file = path.join(folder, r.fileName);
    fs.writeFileSync(file, r.code);
    assert.ok(!r.code.includes(appToken) && !r.code.includes(secret), 'no token or secret in the code');
    return file;
  };

  const assertLoggedIn = (r: Run, what: string, expected: RegExp) => {
    assert.strictEqual(r.code, 0, `${what}: exit ${r.code}\n${r.stdout}\n${r.stderr}`);
    assert.match(r.stdout, expected, `${what}: ${r.stdout}`);
    assert.ok(!`${r.stdout}${r.stderr}`.includes(appToken), 'the program does not print the token');
  };

  const EXPECTED: Record<MailProtocol, RegExp> = { imap: /INBOX/, pop3: /\+OK|\(\d+, \d+\)|\d+ messages/, smtp: /250|Logged in/ };
  const CASES: [MailProtocol, SnippetMechanism][] = [
    ['imap', 'XOAUTH2'],
    ['imap', 'OAUTHBEARER'],
    ['pop3', 'XOAUTH2'],
    ['pop3', 'OAUTHBEARER'],
    ['smtp', 'XOAUTH2'],
    ['smtp', 'OAUTHBEARER'],
  ];

  describe('Python (imaplib, poplib, smtplib) with MAIL_ACCESS_TOKEN', () => {
    for (const [protocol, mechanism] of CASES) {
      it(`logs in over ${protocol} with ${mechanism} and runs the verifying command`, async () => {
        const file = write('python', session(protocol, mechanism), `py-${protocol}-${mechanism}`);
        assertLoggedIn(
          await run('python3', [file], { MAIL_ACCESS_TOKEN: appToken }, dir),
          `python ${protocol} ${mechanism}`,
          protocol === 'imap' ? /^OK \[b'\(.*\) ".*" INBOX'\]/ : EXPECTED[protocol],
        );
      });
    }
    it("is refused for a mailbox not granted to the app, and exits with the server's reply (no hang on the error challenge)", async () => {
      for (const protocol of ['imap', 'pop3'] as const) {
        const file = write('python', session(protocol, 'XOAUTH2', sandbox.otherUser), `py-refused-${protocol}`);
        const r = await run('python3', [file], { MAIL_ACCESS_TOKEN: appToken }, dir);
        assert.strictEqual(r.code, 1, r.stdout);
        assert.match(r.stderr, protocol === 'imap' ? /AUTHENTICATIONFAILED|authentication failed/i : /-ERR/, r.stderr);
      }
    });
  });

  describe('Node (@azure/msal-node, imapflow, node:tls) signing in with client credentials at the local provider', () => {
    const env = () => ({ MAIL_CLIENT_SECRET: secret, NODE_EXTRA_CA_CERTS: sandbox.caPath, NODE_PATH: path.join(REPO, 'node_modules') });
    for (const [protocol, mechanism] of CASES) {
      it(`signs in, then logs in over ${protocol} with ${mechanism} and runs the verifying command`, async () => {
        const file = write('node', session(protocol, mechanism), `node-${protocol}-${mechanism}`);
        assertLoggedIn(await run(process.execPath, [file], env(), dir), `node ${protocol} ${mechanism}`, /Logged in/);
      });
    }
    it('without the secret and without MAIL_ACCESS_TOKEN it stops with a message naming MAIL_CLIENT_SECRET', async () => {
      const file = write('node', session('imap', 'XOAUTH2'), 'node-nosecret');
      const r = await run(process.execPath, [file], { NODE_PATH: path.join(REPO, 'node_modules') }, dir);
      assert.strictEqual(r.code, 1);
      assert.match(r.stderr, /MAIL_CLIENT_SECRET/);
    });
    it('is refused for a mailbox not granted to the app', async () => {
      for (const protocol of ['imap', 'pop3'] as const) {
        const file = write('node', session(protocol, 'XOAUTH2', sandbox.otherUser), `node-refused-${protocol}`);
        const r = await run(process.execPath, [file], env(), dir);
        assert.strictEqual(r.code, 1, r.stdout);
        assert.doesNotMatch(r.stdout, /Logged in/);
      }
    });
  });

  describe('Java (Jakarta Mail from Debian) with MAIL_ACCESS_TOKEN, MSAL4J not on the class path at run time', () => {
    let stubs: string;
    before(function () {
      assert.ok(spawnSync('javac', ['-version']).status === 0, 'javac is installed (default-jdk-headless)');
      for (const jar of JAKARTA_JARS) assert.ok(fs.existsSync(jar), `${jar} exists (scripts/ensure-snippet-runtimes.sh installs libjakarta-mail-java)`);
      // MSAL4J is not packaged for Debian: its API, as documented, compiled as stand-ins for javac only.
      stubs = path.join(dir, 'msal4j-stubs');
      const sources = fs.readdirSync(path.join(REPO, 'test/servers/snippetStubs/com/microsoft/aad/msal4j')).map((f) => path.join(REPO, 'test/servers/snippetStubs/com/microsoft/aad/msal4j', f));
      const r = spawnSync('javac', ['-d', stubs, ...sources], { encoding: 'utf8' });
      assert.strictEqual(r.status, 0, r.stderr);
    });
    const compileAndRun = async (protocol: MailProtocol, user?: string): Promise<Run> => {
      const file = write('java', session(protocol, 'XOAUTH2', user), `java-${protocol}-${user ? 'other' : 'granted'}`);
      const folder = path.dirname(file);
      const c = spawnSync('javac', ['-cp', [...JAKARTA_JARS, stubs].join(':'), '-d', folder, file], { encoding: 'utf8' });
      assert.strictEqual(c.status, 0, c.stderr);
      return run('java', ['-cp', [...JAKARTA_JARS, folder].join(':'), 'MailLogin'], { MAIL_ACCESS_TOKEN: appToken }, folder);
    };
    for (const protocol of ['imap', 'pop3'] as const) {
      it(`compiles, logs in over ${protocol} with XOAUTH2 and runs the verifying command`, async () => {
        assertLoggedIn(await compileAndRun(protocol), `java ${protocol}`, /Logged in/);
      });
    }
    it("over SMTP, Debian's Jakarta Mail 2.0.0 puts the XOAUTH2 response on the AUTH line, which Dovecot refuses as too long (a known limit, in the README)", async () => {
      const r = await compileAndRun('smtp');
      assert.strictEqual(r.code, 1);
      assert.match(r.stderr, /AuthenticationFailedException: 500 5\.5\.2 Line too long/);
    });
    it('is refused for a mailbox not granted to the app', async () => {
      const r = await compileAndRun('imap', sandbox.otherUser);
      assert.strictEqual(r.code, 1);
      assert.match(r.stderr, /AuthenticationFailedException/);
    });
  });

  describe('PHP (PHPMailer from Debian; stream sockets) with MAIL_ACCESS_TOKEN', () => {
    before(() => {
      assert.ok(spawnSync('php', ['--version']).status === 0, 'php is installed (scripts/ensure-snippet-runtimes.sh installs php-cli)');
      assert.ok(fs.existsSync(PHPMAILER_AUTOLOAD), 'PHPMailer is installed (libphp-phpmailer)');
    });
    for (const [protocol, mechanism] of CASES) {
      it(`logs in over ${protocol} with ${mechanism} and runs the verifying command`, async () => {
        const file = write('php', session(protocol, mechanism), `php-${protocol}-${mechanism}`);
        assertLoggedIn(await run('php', [file], { MAIL_ACCESS_TOKEN: appToken, PHPMAILER_AUTOLOAD }, dir), `php ${protocol} ${mechanism}`, /Logged in/);
      });
    }
    it('is refused for a mailbox not granted to the app', async () => {
      const file = write('php', session('pop3', 'OAUTHBEARER', sandbox.otherUser), 'php-refused');
      const r = await run('php', [file], { MAIL_ACCESS_TOKEN: appToken }, dir);
      assert.strictEqual(r.code, 255, 'an uncaught exception');
      assert.match(`${r.stdout}${r.stderr}`, /Login refused: -ERR/);
    });
  });
});
