// The local sandbox behind `npm start`: the test OpenID provider (HTTPS, Microsoft's layout), an SMTP sink
// and Dovecot (IMAP, POP3, submission) validating tokens by introspection at that provider — the chain of
// test/servers/chain.test.ts, kept running. A part that cannot start is reported with what to do; the rest runs.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { makeCertificates } from '../servers/certificates';
import { Dovecot, DovecotPorts, dovecotAvailable, startDovecot } from '../servers/dovecot';
import { IdentityProvider, servicePrincipalOid, TEST_CONFIDENTIAL_CLIENT_ID, TEST_PUBLIC_CLIENT_ID, TEST_TENANT_ID, TEST_USER, TEST_USER_2 } from '../servers/identityProvider';
import { SmtpSink, startSmtpSink } from '../servers/smtpSink';
import { demoMessages } from './demoMessages';

export type SandboxPart = 'identity provider' | 'SMTP sink' | 'Dovecot';

/** A part that did not start: which, why, and what the person can do about it. */
export interface SandboxProblem {
  part: SandboxPart;
  message: string;
  fix: string;
}

export interface SandboxOptions {
  /** Port of the identity provider on 127.0.0.1 (default: any free port). */
  idpPort?: number;
  /** Skip Dovecot (for runs that only need sign-in). */
  noDovecot?: boolean;
}

/** One console preset, in the shape of the mailOAuth.console.customPresets setting. */
export interface SandboxPreset {
  label: string;
  protocol: 'imap' | 'pop3' | 'smtp';
  host: string;
  port: number;
  security: 'none';
  user: string;
  mechanism: 'XOAUTH2' | 'OAUTHBEARER';
}

export interface SandboxInfo {
  /** Temp folder with the CA and the other state; removed by stop(). */
  dir: string;
  /** PEM of the CA that signed the provider's certificate (trust it for sign-in). */
  caPath: string;
  idp?: { origin: string; authority: string; discoveryUrl: string; deviceLoginUrl: string; clientId: string; tenantId: string };
  smtpSink?: { port: number };
  dovecot?: { ports: DovecotPorts; logFile: string; pid?: number };
  /**
   * The app registration for app-only tokens (client credentials): its secret and its certificate (private key and
   * certificate, one PEM) are in files readable by the owner only; its service principal may open `grantedMailbox`.
   */
  app?: { clientId: string; servicePrincipalOid: string; grantedMailbox: string; secretFile: string; certificateFile: string };
  /** The demo account: the provider signs it in without a password. */
  user: { upn: string; name: string };
  /** A mailbox the demo token does not belong to: Dovecot refuses it (the failing scenario). */
  otherUser: string;
  presets: SandboxPreset[];
  problems: SandboxProblem[];
}

export interface Sandbox extends SandboxInfo {
  stop(): Promise<void>;
}

export const OTHER_USER = 'megan@contoso.test';

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mailoauth-sandbox-'));
  const problems: SandboxProblem[] = [];
  const certs = makeCertificates(path.join(dir, 'tls'));
  let idp: IdentityProvider | undefined;
  let sink: SmtpSink | undefined;
  let dovecot: Dovecot | undefined;

  try {
    idp = await IdentityProvider.start({ certificates: certs, port: options.idpPort });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    problems.push(
      err.code === 'EADDRINUSE'
        ? { part: 'identity provider', message: `port ${options.idpPort} on 127.0.0.1 is already in use.`, fix: `Stop the program that uses it (\`ss -ltnp 'sport = :${options.idpPort}'\` shows which), or start with another --idp-port (0 picks a free one).` }
        : { part: 'identity provider', message: `it did not start: ${err.message}`, fix: 'Check that `openssl` works and that node_modules is complete (`npm ci`), then start again.' },
    );
  }

  try {
    sink = await startSmtpSink();
  } catch (e) {
    problems.push({ part: 'SMTP sink', message: `it did not start: ${(e as Error).message}`, fix: 'SMTP logins still work; sending a test message will fail. Start again to retry.' });
  }

  if (!options.noDovecot) {
    if (!dovecotAvailable()) {
      problems.push({
        part: 'Dovecot',
        message: 'Dovecot is not installed (no `dovecot` on PATH).',
        fix: 'Install it with `sudo apt-get install dovecot-imapd dovecot-pop3d dovecot-submissiond` (npm start does this itself when run as root), then start again. Sign-in, encoding, decoding and hovers work without it.',
      });
    } else if (!idp) {
      problems.push({ part: 'Dovecot', message: 'not started: it validates tokens at the identity provider, which is not running.', fix: 'Fix the identity provider (above), then start again.' });
    } else {
      try {
        dovecot = await startDovecot({
          introspectionUrl: idp.introspectionUrlWithCredentials,
          introspectionCaPem: certs.caPem,
          usernameAttribute: 'upn',
          authFailureDelay: '0 secs',
          relayPort: sink?.port,
          appMailboxGrants: { [servicePrincipalOid(TEST_CONFIDENTIAL_CLIENT_ID)]: [TEST_USER.upn] },
          seedMessages: Object.fromEntries([TEST_USER, TEST_USER_2].map((u) => [u.upn, demoMessages(u.upn, u.name)])),
        });
      } catch (e) {
        const text = (e as Error).message;
        const root = process.getuid?.() === 0;
        problems.push({
          part: 'Dovecot',
          message: `it did not start: ${text.split('\n')[0]}`,
          fix: root
            ? 'Its log is printed above; a port it chose may have been taken in the meantime: start again.'
            : 'Dovecot runs its mail processes as user nobody, which needs root: run npm start as root (or in a container as root).',
        });
      }
    }
  }

  const presets: SandboxPreset[] = dovecot
    ? [
        { label: 'Sandbox IMAP (Dovecot, demo account)', protocol: 'imap', host: '127.0.0.1', port: dovecot.ports.imap, security: 'none', user: TEST_USER.upn, mechanism: 'XOAUTH2' },
        { label: 'Sandbox POP3 (Dovecot, demo account)', protocol: 'pop3', host: '127.0.0.1', port: dovecot.ports.pop3, security: 'none', user: TEST_USER.upn, mechanism: 'OAUTHBEARER' },
        { label: 'Sandbox SMTP submission (Dovecot, demo account)', protocol: 'smtp', host: '127.0.0.1', port: dovecot.ports.submission, security: 'none', user: TEST_USER.upn, mechanism: 'XOAUTH2' },
        { label: `Sandbox IMAP as ${OTHER_USER} (fails: not the token's account)`, protocol: 'imap', host: '127.0.0.1', port: dovecot.ports.imap, security: 'none', user: OTHER_USER, mechanism: 'XOAUTH2' },
      ]
    : [];

  const info: SandboxInfo = {
    dir,
    caPath: certs.caCert,
    user: { upn: TEST_USER.upn, name: TEST_USER.name },
    otherUser: OTHER_USER,
    presets,
    problems,
  };
  if (idp) {
    info.idp = {
      origin: idp.origin,
      authority: idp.authority,
      discoveryUrl: `${idp.authority}/v2.0/.well-known/openid-configuration`,
      deviceLoginUrl: `${idp.authority}/oauth2/deviceauth`,
      clientId: TEST_PUBLIC_CLIENT_ID,
      tenantId: TEST_TENANT_ID,
    };
  }
  if (idp) info.app = writeAppCredentials(idp, path.join(dir, 'app-only'));
  if (sink) info.smtpSink = { port: sink.port };
  if (dovecot) info.dovecot = { ports: dovecot.ports, logFile: dovecot.logFile, pid: dovecot.pid };

  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      await Promise.allSettled([dovecot?.stop(), idp?.stop(), sink?.stop()]);
      fs.rmSync(dir, { recursive: true, force: true });
    })());
  return { ...info, stop };
}

/** The app registration's secret and certificate, each in a file only the owner can read (never in a log). */
function writeAppCredentials(idp: IdentityProvider, folder: string): NonNullable<SandboxInfo['app']> {
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  const secretFile = path.join(folder, 'client-secret.txt');
  const certificateFile = path.join(folder, 'client-certificate.pem');
  fs.writeFileSync(secretFile, `${idp.credentials.clientSecret}\n`, { mode: 0o600 });
  fs.writeFileSync(certificateFile, `${idp.credentials.privateKeyPem.trim()}\n${idp.credentials.certificatePem.trim()}\n`, { mode: 0o600 });
  return { clientId: TEST_CONFIDENTIAL_CLIENT_ID, servicePrincipalOid: servicePrincipalOid(TEST_CONFIDENTIAL_CLIENT_ID), grantedMailbox: TEST_USER.upn, secretFile, certificateFile };
}

/** The extension's settings that point it at the sandbox (written into the VS Code profile that npm start opens). */
export function sandboxSettings(sandbox: SandboxInfo): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  if (sandbox.idp) {
    settings['mailOAuth.auth.clientId'] = sandbox.idp.clientId;
    settings['mailOAuth.auth.authority'] = sandbox.idp.authority;
    settings['mailOAuth.auth.extraCaCertificates'] = [sandbox.caPath];
  }
  if (sandbox.app) settings['mailOAuth.auth.appClientId'] = sandbox.app.clientId;
  if (sandbox.presets.length) settings['mailOAuth.console.customPresets'] = sandbox.presets;
  return settings;
}
