// The local sandbox behind `npm start`: the test OpenID provider (HTTPS, Microsoft's layout), an SMTP sink
// and Dovecot (IMAP, POP3, submission) validating tokens by introspection at that provider — the chain of
// test/servers/chain.test.ts, kept running — and a second demo account at the same provider shaped like a
// Keycloak realm, with a second Dovecot that introspects its tokens there (test/servers/openidProviders.test.ts).
// A part that cannot start is reported with what to do; the rest runs.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { makeCertificates } from '../servers/certificates';
import { Dovecot, DovecotOptions, DovecotPorts, dovecotAvailable, startDovecot } from '../servers/dovecot';
import {
  IdentityProvider,
  KEYCLOAK_INTROSPECTION_CLIENT_ID,
  KEYCLOAK_PUBLIC_CLIENT_ID,
  KEYCLOAK_TEST_USER,
  KEYCLOAK_TEST_USER_2,
  servicePrincipalOid,
  TEST_CONFIDENTIAL_CLIENT_ID,
  TEST_PUBLIC_CLIENT_ID,
  TEST_TENANT_ID,
  TEST_USER,
  TEST_USER_2,
} from '../servers/identityProvider';
import { SmtpSink, startSmtpSink } from '../servers/smtpSink';
import { demoMessages } from './demoMessages';

export type SandboxPart = 'identity provider' | 'SMTP sink' | 'Dovecot' | 'OpenID provider (Keycloak-like)' | 'Dovecot (Keycloak-like)';

/** A part that did not start: which, why, and what the person can do about it. */
export interface SandboxProblem {
  part: SandboxPart;
  message: string;
  fix: string;
}

export interface SandboxOptions {
  /** Port of the identity provider on 127.0.0.1 (default: any free port). */
  idpPort?: number;
  /** Port of the Keycloak-like OpenID provider on 127.0.0.1 (default: any free port). */
  oidcPort?: number;
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
  /** For an OpenID provider's account: `provider:<id>` and the OAuth scopes, as getSession('mail-oauth-oidc', …) takes them. */
  scopes?: string[];
}

/** The id of the sandbox's OpenID provider in mailOAuth.oidc.providers (and in its session scopes, provider:<id>). */
export const SANDBOX_OIDC_PROVIDER_ID = 'sandbox-keycloak';
const SANDBOX_OIDC_SCOPES = ['openid', 'email', 'offline_access'];

/** One entry of the mailOAuth.oidc.providers setting (the agreed schema; the client secret is never in it). */
export interface OidcProviderSetting {
  id: string;
  label?: string;
  preset?: 'google' | 'keycloak' | 'generic';
  issuer?: string;
  endpoints?: { authorization: string; token: string; deviceAuthorization?: string; introspection?: string; revocation?: string; userinfo?: string };
  clientId: string;
  scopes?: string[];
  mailHosts?: string[];
  usernameClaim?: string;
  flows?: ('authorizationCode' | 'deviceCode' | 'clientCredentials')[];
  introspectionClientId?: string;
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
  /**
   * The second demo account, at the provider shaped like a Keycloak realm (same origin's CA), and the Dovecot that
   * introspects that realm's tokens. The introspection client's secret is in a file only the owner can read.
   */
  oidc?: {
    providerId: string;
    issuer: string;
    discoveryUrl: string;
    realm: string;
    clientId: string;
    scopes: string[];
    user: { email: string; name: string };
    introspectionClientId: string;
    introspectionSecretFile: string;
    dovecot?: { ports: DovecotPorts; logFile: string; pid?: number };
    presets: SandboxPreset[];
  };
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
  let keycloak: IdentityProvider | undefined;
  let keycloakDovecot: Dovecot | undefined;

  try {
    idp = await IdentityProvider.start({ certificates: certs, port: options.idpPort });
  } catch (e) {
    problems.push(
      providerProblem('identity provider', options.idpPort, e, {
        inUse: `Stop the program that uses it (\`ss -ltnp 'sport = :${options.idpPort}'\` shows which), or start with another --idp-port (0 picks a free one).`,
        other: 'Check that `openssl` works and that node_modules is complete (`npm ci`), then start again.',
      }),
    );
  }

  try {
    keycloak = await IdentityProvider.start({ certificates: certs, port: options.oidcPort, shape: 'keycloak' });
  } catch (e) {
    problems.push(
      providerProblem('OpenID provider (Keycloak-like)', options.oidcPort, e, {
        inUse: 'Stop the program that uses it, or start with another port (0 picks a free one). The Microsoft-like provider runs without it.',
        other: 'Check that node_modules is complete (`npm ci`), then start again.',
      }),
    );
  }

  try {
    sink = await startSmtpSink();
  } catch (e) {
    problems.push({ part: 'SMTP sink', message: `it did not start: ${(e as Error).message}`, fix: 'SMTP logins still work; sending a test message will fail. Start again to retry.' });
  }

  /** A Dovecot that asks `provider` about each token (the user by `usernameAttribute`), relays to the sink, and holds demo messages for `users`. */
  const introspectingDovecot = (provider: IdentityProvider, usernameAttribute: string, users: { upn: string; name: string }[], appOnly: Pick<DovecotOptions, 'appMailboxGrants'> = {}) =>
    startDovecot({
      introspectionUrl: provider.introspectionUrlWithCredentials,
      introspectionCaPem: certs.caPem,
      usernameAttribute,
      authFailureDelay: '0 secs',
      relayPort: sink?.port,
      seedMessages: Object.fromEntries(users.map((u) => [u.upn, demoMessages(u.upn, u.name)])),
      ...appOnly,
    });

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
        dovecot = await introspectingDovecot(idp, 'upn', [TEST_USER, TEST_USER_2], { appMailboxGrants: { [servicePrincipalOid(TEST_CONFIDENTIAL_CLIENT_ID)]: [TEST_USER.upn] } });
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

  // The Keycloak-like realm's own Dovecot: it asks the realm's introspection endpoint about each token (by e-mail).
  if (keycloak && dovecot) {
    try {
      keycloakDovecot = await introspectingDovecot(keycloak, 'email', [KEYCLOAK_TEST_USER, KEYCLOAK_TEST_USER_2]);
    } catch (e) {
      problems.push({
        part: 'Dovecot (Keycloak-like)',
        message: `it did not start: ${(e as Error).message.split('\n')[0]}`,
        fix: 'A port it chose may have been taken in the meantime: start again. The Microsoft-like sandbox runs without it.',
      });
    }
  }

  const presets: SandboxPreset[] = dovecot
    ? [
        { label: 'Sandbox IMAP (Dovecot, demo account)', protocol: 'imap', host: '127.0.0.1', port: dovecot.ports.imap, security: 'none', user: TEST_USER.upn, mechanism: 'XOAUTH2' },
        { label: 'Sandbox POP3 (Dovecot, demo account)', protocol: 'pop3', host: '127.0.0.1', port: dovecot.ports.pop3, security: 'none', user: TEST_USER.upn, mechanism: 'OAUTHBEARER' },
        { label: 'Sandbox SMTP submission (Dovecot, demo account)', protocol: 'smtp', host: '127.0.0.1', port: dovecot.ports.submission, security: 'none', user: TEST_USER.upn, mechanism: 'XOAUTH2' },
        {
          label: `Sandbox IMAP as ${OTHER_USER} (fails: not the token's account)`,
          protocol: 'imap',
          host: '127.0.0.1',
          port: dovecot.ports.imap,
          security: 'none',
          user: OTHER_USER,
          mechanism: 'XOAUTH2',
        },
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
  if (keycloak) info.oidc = keycloakInfo(keycloak, keycloakDovecot, path.join(dir, 'openid'));
  if (sink) info.smtpSink = { port: sink.port };
  if (dovecot) info.dovecot = { ports: dovecot.ports, logFile: dovecot.logFile, pid: dovecot.pid };

  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      await Promise.allSettled([dovecot?.stop(), keycloakDovecot?.stop(), idp?.stop(), keycloak?.stop(), sink?.stop()]);
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

/** The Keycloak-like realm as the sandbox reports it, its console presets, and its introspection secret in a private file. */
function keycloakInfo(keycloak: IdentityProvider, dovecot: Dovecot | undefined, folder: string): NonNullable<SandboxInfo['oidc']> {
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  const introspectionSecretFile = path.join(folder, 'introspection-client-secret.txt');
  fs.writeFileSync(introspectionSecretFile, `${keycloak.introspectionSecret}\n`, { mode: 0o600 });
  const user = KEYCLOAK_TEST_USER;
  const scopes = [`provider:${SANDBOX_OIDC_PROVIDER_ID}`, ...SANDBOX_OIDC_SCOPES];
  const presets: SandboxPreset[] = dovecot
    ? [
        {
          label: 'Sandbox Keycloak IMAP (Dovecot, second demo account)',
          protocol: 'imap',
          host: '127.0.0.1',
          port: dovecot.ports.imap,
          security: 'none',
          user: user.upn,
          mechanism: 'OAUTHBEARER',
          scopes,
        },
        {
          label: 'Sandbox Keycloak POP3 (Dovecot, second demo account)',
          protocol: 'pop3',
          host: '127.0.0.1',
          port: dovecot.ports.pop3,
          security: 'none',
          user: user.upn,
          mechanism: 'XOAUTH2',
          scopes,
        },
        {
          label: 'Sandbox Keycloak SMTP submission (Dovecot, second demo account)',
          protocol: 'smtp',
          host: '127.0.0.1',
          port: dovecot.ports.submission,
          security: 'none',
          user: user.upn,
          mechanism: 'OAUTHBEARER',
          scopes,
        },
        {
          label: `Sandbox Keycloak IMAP as ${KEYCLOAK_TEST_USER_2.upn} (fails: not the token's account)`,
          protocol: 'imap',
          host: '127.0.0.1',
          port: dovecot.ports.imap,
          security: 'none',
          user: KEYCLOAK_TEST_USER_2.upn,
          mechanism: 'OAUTHBEARER',
          scopes,
        },
      ]
    : [];
  return {
    providerId: SANDBOX_OIDC_PROVIDER_ID,
    issuer: keycloak.issuer,
    discoveryUrl: keycloak.discoveryUrl,
    realm: keycloak.realm,
    clientId: KEYCLOAK_PUBLIC_CLIENT_ID,
    scopes: SANDBOX_OIDC_SCOPES,
    user: { email: user.upn, name: user.name },
    introspectionClientId: KEYCLOAK_INTROSPECTION_CLIENT_ID,
    introspectionSecretFile,
    ...(dovecot ? { dovecot: { ports: dovecot.ports, logFile: dovecot.logFile, pid: dovecot.pid } } : {}),
    presets,
  };
}

/** The sandbox's entry of mailOAuth.oidc.providers, per the agreed schema (no secret: its client is public). */
export function sandboxOidcProviders(sandbox: SandboxInfo): OidcProviderSetting[] {
  if (!sandbox.oidc) return [];
  return [
    {
      id: sandbox.oidc.providerId,
      label: `Sandbox Keycloak (realm ${sandbox.oidc.realm})`,
      preset: 'keycloak',
      issuer: sandbox.oidc.issuer,
      clientId: sandbox.oidc.clientId,
      scopes: sandbox.oidc.scopes,
      mailHosts: ['127.0.0.1'],
      usernameClaim: 'email',
      flows: ['authorizationCode', 'deviceCode'],
      introspectionClientId: sandbox.oidc.introspectionClientId,
    },
  ];
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
  const presets = [...sandbox.presets, ...(sandbox.oidc?.presets ?? [])];
  if (presets.length) settings['mailOAuth.console.customPresets'] = presets;
  const providers = sandboxOidcProviders(sandbox);
  if (providers.length) {
    // The OpenID provider's TLS certificate is signed by the same sandbox CA as the Microsoft-like one's.
    settings['mailOAuth.oidc.providers'] = providers;
    settings['mailOAuth.auth.extraCaCertificates'] = [sandbox.caPath];
  }
  return settings;
}

/** Why a test identity provider did not start: its port taken (with the fix for that), or another failure. */
function providerProblem(part: SandboxPart, port: number | undefined, e: unknown, fix: { inUse: string; other: string }): SandboxProblem {
  const err = e as NodeJS.ErrnoException;
  return err.code === 'EADDRINUSE' ? { part, message: `port ${port} on 127.0.0.1 is already in use.`, fix: fix.inUse } : { part, message: `it did not start: ${err.message}`, fix: fix.other };
}
