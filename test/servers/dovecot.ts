// A real Dovecot (IMAP, POP3, submission) on loopback for tests, validating XOAUTH2/OAUTHBEARER
// tokens: HS256 JWTs signed with a key made here, by RFC 7662 introspection at a given URL, or at a
// Google-style tokeninfo URL (Dovecot's `tokeninfo_url`, as its Google example configures it).
import { ChildProcess, execFileSync, spawn, spawnSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { makeCertificates, TestCertificates } from './certificates';

export interface DovecotPorts {
  imap: number;
  imaps: number;
  pop3: number;
  pop3s: number;
  submission: number;
  submissions: number;
}

export interface DovecotOptions {
  /** Where submission relays mail to (a local SMTP sink); submission still authenticates without one. */
  relayPort?: number;
  /** Validate tokens by introspection at this URL instead of by the local HS256 key. */
  introspectionUrl?: string;
  /**
   * Validate tokens at this Google-style tokeninfo URL (the token is appended, e.g. ...tokeninfo?access_token=): a
   * 200 with the username attribute accepts the token, a 4xx refuses it. Takes precedence over introspectionUrl.
   */
  tokeninfoUrl?: string;
  /** A scope the token must carry (Dovecot's oauth2 `scope`, e.g. https://mail.google.com/); default none. */
  requiredScope?: string;
  /** PEM of the CA that issued the introspection (or tokeninfo) endpoint's certificate (Dovecot's oauth2 tls_ca_cert_file). */
  introspectionCaPem?: string;
  /** The claim that must equal the SASL user. */
  usernameAttribute?: string;
  /** SASL mechanisms offered (default "xoauth2 oauthbearer"). */
  mechanisms?: string;
  /** Dovecot's delay before a failure reply (default 2 s in Dovecot; tests use less). */
  authFailureDelay?: string;
  /**
   * Dovecot's authentication penalty (default on): after failed logins from an IP, each further attempt from it waits
   * up to 15 s more. Off (the anvil-auth-penalty socket closed, as Dovecot documents) for tests that fail many logins.
   */
  authPenalty?: boolean;
  /**
   * App-only tokens (introspection only): the mailboxes each app's service principal (the token's `oid`) may open,
   * as Exchange's Add-MailboxPermission grants them. App-only tokens name no user; the SASL user names the mailbox.
   */
  appMailboxGrants?: Record<string, string[]>;
  /** Messages (RFC 5322 text, CRLF or LF; stored with LF as Maildir has it) put into each user's INBOX before Dovecot starts. */
  seedMessages?: Record<string, string[]>;
}

export interface Dovecot {
  dir: string;
  ports: DovecotPorts;
  certificates: TestCertificates;
  /** The HS256 key tokens must be signed with (local validation). */
  hs256Key: Buffer;
  logFile: string;
  /** Process ID of the Dovecot master process. */
  pid?: number;
  log(): string;
  stop(): Promise<void>;
}

/** Closes the socket of Dovecot's auth penalty (anvil), which turns the penalty off. */
const NO_AUTH_PENALTY = `service anvil {
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
`;

/** A protocol's login service: its plain (or STARTTLS) listener and its implicit-TLS one, named `<protocol>` and `<protocol>s`. */
function loginService(protocol: 'imap' | 'pop3' | 'submission', plainPort: number, tlsPort: number): string {
  return `service ${protocol}-login {
  inet_listener ${protocol} {
    port = ${plainPort}
  }
  inet_listener ${protocol}s {
    port = ${tlsPort}
    ssl = yes
  }
}
`;
}

export function dovecotAvailable(): boolean {
  return spawnSync('dovecot', ['--version'], { stdio: 'ignore' }).status === 0;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/** Several free ports at once, all different: each is held open until all are found (freePort() one by one can repeat a port). */
async function distinctFreePorts(count: number): Promise<number[]> {
  const servers: net.Server[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const srv = net.createServer();
      servers.push(srv);
      await new Promise<void>((resolve, reject) => {
        srv.once('error', reject);
        srv.listen(0, '127.0.0.1', resolve);
      });
    }
    return servers.map((srv) => (srv.address() as net.AddressInfo).port);
  } finally {
    await Promise.all(servers.map((srv) => new Promise<void>((resolve) => srv.close(() => resolve()))));
  }
}

/** uid and gid of a system user, when this process may hand files to it (root); else undefined. */
function systemUser(name: string): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined; // files stay the running user's, who runs Dovecot too
  try {
    const [uid, gid] = ['-u', '-g'].map((flag) => Number(execFileSync('id', [flag, name], { encoding: 'utf8' }).trim()));
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid: uid!, gid: gid! } : undefined;
  } catch {
    return undefined;
  }
}

/** Gives a file or folder to `owner` (when known) with `mode`: readable by that user alone. */
function restrict(file: string, owner: { uid: number; gid: number } | undefined, mode: number): void {
  if (owner) fs.chownSync(file, owner.uid, owner.gid);
  fs.chmodSync(file, mode);
}

export async function startDovecot(options: DovecotOptions = {}): Promise<Dovecot> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mailoauth-dovecot-'));
  // Dovecot's unprivileged processes must reach its sockets and files inside, but nobody may list it.
  fs.chmodSync(dir, 0o711);
  const certificates = makeCertificates(path.join(dir, 'tls'));
  const [imap, imaps, pop3, pop3s, submission, submissions] = (await distinctFreePorts(6)) as [number, number, number, number, number, number];
  const ports: DovecotPorts = { imap, imaps, pop3, pop3s, submission, submissions };
  const hs256Key = crypto.randomBytes(32);
  // The signing key and the oauth2 settings (the introspection URL carries the client's secret) are read by
  // Dovecot's auth process alone, which runs as Dovecot's internal user: only that user may read them.
  const auth = systemUser('dovecot');
  fs.mkdirSync(path.join(dir, 'keys/default/HS256'), { recursive: true, mode: 0o700 });
  fs.writeFileSync(path.join(dir, 'keys/default/HS256/default'), hs256Key.toString('base64'), { mode: 0o600 });
  for (const folder of ['keys', 'keys/default', 'keys/default/HS256']) restrict(path.join(dir, folder), auth, 0o700);
  restrict(path.join(dir, 'keys/default/HS256/default'), auth, 0o600);
  // Mail processes run as nobody (the static userdb below) and create each user's home here.
  const home = path.join(dir, 'home');
  fs.mkdirSync(home, { recursive: true, mode: 0o700 });
  restrict(home, systemUser('nobody'), 0o700);
  const logFile = path.join(dir, 'dovecot.log');

  let introspectionCa: string[] = [];
  if (options.introspectionCaPem) {
    // In Dovecot's own directory, readable by its auth process whatever user it runs as.
    fs.writeFileSync(path.join(dir, 'introspection-ca.pem'), options.introspectionCaPem, { mode: 0o644 });
    introspectionCa = [`tls_ca_cert_file = ${path.join(dir, 'introspection-ca.pem')}`];
  }
  const scope = options.requiredScope ? [`scope = ${options.requiredScope}`] : [];
  const oauth2 = options.tokeninfoUrl
    ? [`tokeninfo_url = ${options.tokeninfoUrl}`, `username_attribute = ${options.usernameAttribute ?? 'email'}`, 'debug = yes', ...scope, ...introspectionCa]
    : options.introspectionUrl
      ? [
          `introspection_mode = post`,
          `introspection_url = ${options.introspectionUrl}`,
          `username_attribute = ${options.usernameAttribute ?? 'email'}`,
          'active_attribute = active',
          'active_value = true',
          'force_introspection = yes',
          'debug = yes',
          ...scope,
          ...introspectionCa,
        ]
      : [`introspection_mode = local`, `local_validation_key_dict = fs:posix:prefix=${path.join(dir, 'keys')}/`, `username_attribute = ${options.usernameAttribute ?? 'email'}`];
  fs.writeFileSync(path.join(dir, 'dovecot-oauth2.conf.ext'), oauth2.join('\n') + '\n', { mode: 0o600 });
  restrict(path.join(dir, 'dovecot-oauth2.conf.ext'), auth, 0o600);
  const mechanisms = options.mechanisms ?? 'xoauth2 oauthbearer';
  const passdbs = options.introspectionUrl && options.appMailboxGrants ? appOnlyPassdbs(dir, oauth2, mechanisms, options.appMailboxGrants) : '';
  // The app-only passdb's settings hold the introspection URL with its credentials, like the file above.
  if (passdbs) restrict(path.join(dir, 'dovecot-oauth2-app.conf.ext'), auth, 0o600);
  for (const [user, messages] of Object.entries(options.seedMessages ?? {})) seedMaildir(path.join(home, user), messages);

  const conf = `
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${logFile}
info_log_path = ${logFile}
debug_log_path = ${logFile}
listen = 127.0.0.1
protocols = imap pop3 submission
hostname = mail.test
ssl = yes
ssl_cert = <${certificates.serverCert}
ssl_key = <${certificates.serverKey}
disable_plaintext_auth = no
auth_mechanisms = ${mechanisms}
auth_failure_delay = ${options.authFailureDelay ?? '2 secs'}
auth_debug = yes
auth_verbose = yes
first_valid_uid = 1
mail_location = maildir:~/Maildir
${passdbs}passdb {
  driver = oauth2
  mechanisms = ${mechanisms}
  args = ${dir}/dovecot-oauth2.conf.ext
}
userdb {
  driver = static
  args = uid=nobody gid=nogroup home=${home}/%u
}
${loginService('imap', ports.imap, ports.imaps)}${loginService('pop3', ports.pop3, ports.pop3s)}${loginService('submission', ports.submission, ports.submissions)}${options.authPenalty === false ? NO_AUTH_PENALTY : ''}service lmtp {
  unix_listener lmtp {
    mode = 0666
  }
}
submission_relay_host = 127.0.0.1
submission_relay_port = ${options.relayPort ?? 25}
submission_relay_trusted = yes
`;
  const confFile = path.join(dir, 'dovecot.conf');
  fs.writeFileSync(confFile, conf, { mode: 0o600 });

  const child: ChildProcess = spawn('dovecot', ['-F', '-c', confFile], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += d));
  try {
    await waitForPort(ports.imap, 10_000, () => child.exitCode !== null);
  } catch (e) {
    child.kill('SIGKILL');
    throw new Error(`Dovecot did not start: ${stderr.trim() || (e as Error).message}\n${readIfExists(logFile)}`, { cause: e });
  }
  return {
    dir,
    ports,
    certificates,
    hs256Key,
    logFile,
    pid: child.pid,
    log: () => readIfExists(logFile),
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise<void>((resolve) => {
          const t = setTimeout(() => {
            child.kill('SIGKILL');
            resolve();
          }, 5000);
          child.once('exit', () => {
            clearTimeout(t);
            resolve();
          });
        });
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Two passdbs before the delegated one, for app-only tokens: the first accepts an active token of an app (idtyp app,
 * scope .default) whatever the SASL user and keeps its oid; the second looks up "mailbox/oid" among the grants, so
 * an app logs in only to mailboxes granted to its service principal. Any other token falls through to the
 * delegated passdb, unchanged. (Dovecot's introspection sends the token alone, so the provider cannot decide this.)
 */
function appOnlyPassdbs(dir: string, delegated: string[], mechanisms: string, grants: Record<string, string[]>): string {
  const app = delegated
    .filter((line) => !/^(username_attribute|active_attribute|active_value) /.test(line))
    // The username check cannot be per mailbox; a constant format passes it, and the grants passdb decides.
    .concat([
      'username_attribute = active',
      'username_format = app',
      'active_attribute = idtyp',
      'active_value = app',
      'scope = https://outlook.office365.com/.default',
      'pass_attrs = app_oid=%{oauth2:oid}',
    ]);
  fs.writeFileSync(path.join(dir, 'dovecot-oauth2-app.conf.ext'), app.join('\n') + '\n');
  const lines = Object.entries(grants).flatMap(([oid, mailboxes]) => mailboxes.map((m) => `${m.toLowerCase()}/${oid}::::::nopassword=y`));
  fs.writeFileSync(path.join(dir, 'mailbox-grants'), lines.join('\n') + '\n', { mode: 0o644 });
  return `passdb {
  driver = oauth2
  mechanisms = ${mechanisms}
  args = ${dir}/dovecot-oauth2-app.conf.ext
  result_success = continue-ok
  result_failure = continue
  result_internalfail = continue
}
passdb {
  driver = passwd-file
  mechanisms = ${mechanisms}
  args = username_format=%Lu/%{passdb:app_oid} ${dir}/mailbox-grants
  skip = unauthenticated
  result_success = return-ok
  result_failure = return-fail
  result_internalfail = return-fail
}
`;
}

/** A Maildir INBOX holding `messages`, owned by the mail user (nobody) so that Dovecot can keep its indexes there. */
function seedMaildir(userHome: string, messages: string[]): void {
  const maildir = path.join(userHome, 'Maildir');
  for (const sub of ['cur', 'new', 'tmp']) fs.mkdirSync(path.join(maildir, sub), { recursive: true });
  const stamp = Math.floor(Date.now() / 1000);
  messages.forEach((text, i) => fs.writeFileSync(path.join(maildir, 'new', `${stamp}.M${i}P${process.pid}.mail.test`), text.replace(/\r\n/g, '\n')));
  const uid = Number(spawnSync('id', ['-u', 'nobody'], { encoding: 'utf8' }).stdout.trim());
  const gid = Number(spawnSync('id', ['-g', 'nobody'], { encoding: 'utf8' }).stdout.trim());
  if (!Number.isInteger(uid) || !Number.isInteger(gid) || process.getuid?.() !== 0) return; // Dovecot needs root to run as nobody anyway
  for (const p of [userHome, maildir, ...['cur', 'new', 'tmp'].map((d) => path.join(maildir, d)), ...fs.readdirSync(path.join(maildir, 'new')).map((f) => path.join(maildir, 'new', f))])
    fs.chownSync(p, uid, gid);
}

function readIfExists(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

async function waitForPort(port: number, timeoutMs: number, died: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (died()) throw new Error('dovecot exited');
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => {
        s.destroy();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms`);
}
