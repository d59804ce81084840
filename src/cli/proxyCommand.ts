// `mailoauth proxy imap|pop3|smtp`: runs the capture proxy in a terminal or CI job, printing one line
// when it listens, a summary per connection (or one JSON object per event), until SIGINT/SIGTERM.
import * as l10n from '@vscode/l10n';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateClientPassword } from '../core/proxy/injection';
import { CaptureProxy } from '../core/proxy/relay';
import { LoginRecord, ProxyConnectionView, ProxyError, ProxyEvent, ProxyOptions } from '../core/proxy/types';
import { Mechanism } from '../core/protocol/session';
import { Security } from '../core/protocol/transport';
import { validateTokenInput } from '../core/sasl/token';
import { MailProtocol } from '../core/token/checks';
import { inspectToken } from '../core/token/inspect';
import { defaultConfigDir } from './configDir';
import { flags, LOGIN_OPTIONS, OUTPUT_OPTIONS, parseCommandLine, SERVER_OPTIONS, TRUST_OPTIONS, values } from './options';

export interface ProxyCliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => Promise<string>;
}

export const PROXY_USAGE = `  proxy imap|pop3|smtp --listen 127.0.0.1:PORT --host H --port P --security tls|starttls|none
        [--client-security none|starttls|tls] [--ca FILE] [--insecure]
        [--inject --user U (--token - | --token-command CMD) [--mechanism xoauth2|oauthbearer]
         [--map LOGIN=MAILBOX]... [--client-password PW]] [--save-dir DIR] [--json]
        [--allow-remote] [--export-ca FILE]
                                             Relay the user's own application to the server: each
                                             connection's login decoded and explained, transcripts
                                             redacted; --inject replaces a plain login with OAuth
`;

class Usage extends Error {}

const SECURITIES = ['tls', 'starttls', 'none'];

function parseHostPort(value: string): { host: string; port: number } {
  const m = /^(?:\[([^\]]+)\]|([^:]+)):(\d{1,5})$/.exec(value);
  const port = m ? Number(m[3]) : NaN;
  if (!m || port > 65535) throw new Usage(l10n.t('--listen must be HOST:PORT (for example 127.0.0.1:1143), not "{0}"', value));
  return { host: m[1] ?? m[2], port };
}

/** A token source: the token read once from standard input, or a command run when the cached token is near expiry. */
function tokenSource(token: string | undefined, command: string | undefined): () => Promise<string> {
  if (token !== undefined) return async () => token;
  let cached: { token: string; until: number } | undefined;
  return () =>
    new Promise((resolve, reject) => {
      if (cached && Date.now() < cached.until) return resolve(cached.token);
      execFile('/bin/sh', ['-c', command!], { timeout: 60_000, maxBuffer: 1024 * 1024 }, (err, stdout) => {
        if (err) return reject(new Error(l10n.t('the token command failed ({0})', (err as NodeJS.ErrnoException).code ?? err.message.split('\n')[0])));
        const t = stdout.trim();
        const problems = validateTokenInput(t);
        if (problems.length) return reject(new Error(l10n.t('the token command printed no usable token: {0}', problems[0].message)));
        const exp = inspectToken(t).expiresAt?.getTime();
        cached = { token: t, until: exp ? exp - 60_000 : Date.now() + 5 * 60_000 };
        resolve(t);
      });
    });
}

function loginJson(l: LoginRecord): Record<string, unknown> {
  return {
    mechanism: l.mechanism,
    user: l.user ?? null,
    outcome: l.outcome,
    replaced: l.replaced ?? null,
    reply: l.reply ?? null,
    token: l.token ?? null,
    verdict: l.verdict
      ? {
          ok: l.verdict.ok,
          title: l.verdict.title,
          cause: l.verdict.cause ?? null,
          fix: l.verdict.fix ?? null,
          findings: l.verdict.findings.map((f) => f.id),
          tokenProblems: l.verdict.tokenProblems.map((p) => ({ severity: p.severity, code: p.code, message: p.message })),
        }
      : null,
  };
}

function kb(n: number): string {
  return n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

function summary(c: ProxyConnectionView, file: string | undefined): string {
  const lines = [`#${c.id} ${c.client}: ${l10n.t('{0} from the client, {1} from the server', kb(c.bytesFromClient), kb(c.bytesFromServer))}; ${c.ending?.message ?? ''}`];
  if (c.logins.length === 0) lines.push(`  ${l10n.t('no login')}`);
  for (const l of c.logins) {
    const v = l.verdict;
    lines.push(`  ${v?.ok ? '✔' : '✖'} ${l.mechanism}${l.replaced ? ` (${l10n.t("replacing the client's {0}", l.replaced)})` : ''} ${l.user ?? '?'}: ${v?.title ?? l.outcome}`);
    if (v && !v.ok) {
      if (v.cause) lines.push(`    ${l10n.t('Cause')}: ${v.cause}`);
      if (v.fix) lines.push(`    ${l10n.t('Fix')}:   ${v.fix}`);
    }
    for (const p of v?.tokenProblems ?? []) if (!v?.cause?.includes(p.message)) lines.push(`    ${p.severity}: ${p.message}`);
  }
  if (file) lines.push(`  ${l10n.t('transcript')}: ${file}`);
  return lines.join('\n') + '\n';
}

/** `setJson` tells the caller's output filter that JSON follows (control characters then stay \u escapes). */
export async function runProxyCommand(argv: string[], io: ProxyCliIo, stop?: AbortSignal, setJson?: (json: boolean) => void): Promise<number> {
  try {
    setJson?.(argv.includes('--json'));
    return await run(argv, io, stop);
  } catch (e) {
    if (e instanceof Usage) {
      io.stderr(`mailoauth: ${e.message}\n${l10n.t('Run "mailoauth --help" for usage.')}\n`);
      return 2;
    }
    if (e instanceof ProxyError || (e instanceof Error && e.name === 'LocalCaError')) {
      io.stderr(`mailoauth: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

async function run(argv: string[], io: ProxyCliIo, stop?: AbortSignal): Promise<number> {
  const { values: o, positionals } = parseCommandLine(
    {
      args: argv,
      allowPositionals: true,
      options: {
        ...SERVER_OPTIONS,
        ...TRUST_OPTIONS,
        ...LOGIN_OPTIONS,
        ...OUTPUT_OPTIONS,
        ...values('listen', 'client-security', 'token-command', 'client-password', 'save-dir', 'config-dir', 'export-ca'),
        ...flags('inject', 'allow-remote'),
        map: { type: 'string', multiple: true },
      },
    },
    (message) => new Usage(message),
  );
  const configDir = o['config-dir'] ?? defaultConfigDir();
  // Loaded only when needed: the certificate library would slow every start of the CLI.
  const { loadOrCreateLocalCa, leafFor } = await import('../core/proxy/localCa.js');
  if (o['export-ca'] !== undefined && positionals.length === 0) {
    const ca = await loadOrCreateLocalCa(configDir);
    fs.writeFileSync(o['export-ca'], ca.certPem);
    io.stdout(`${l10n.t('CA certificate written to {0} (trust it in the application that connects with TLS)', o['export-ca'])}\n`);
    return 0;
  }
  const [protocolArg, ...extra] = positionals;
  const protocol = protocolArg === 'pop' ? 'pop3' : protocolArg;
  if (protocol !== 'imap' && protocol !== 'pop3' && protocol !== 'smtp') throw new Usage(l10n.t('proxy needs a protocol: imap, pop3 or smtp'));
  if (extra.length) throw new Usage(l10n.t('unexpected argument "{0}"', extra[0]));
  if (!o.listen) throw new Usage(l10n.t('proxy needs --listen 127.0.0.1:PORT'));
  const listen = parseHostPort(o.listen);
  if (!o.host) throw new Usage(l10n.t('proxy needs --host (the real server)'));
  const security = (o.security ?? (protocol === 'smtp' ? 'starttls' : 'tls')) as Security;
  if (!SECURITIES.includes(security)) throw new Usage(l10n.t('--security must be tls, starttls or none, not "{0}"', security));
  const clientSecurity = (o['client-security'] ?? 'none') as Security;
  if (!SECURITIES.includes(clientSecurity)) throw new Usage(l10n.t('--client-security must be none, starttls or tls, not "{0}"', clientSecurity));
  const defaults: Record<MailProtocol, Record<Security, number>> = {
    imap: { tls: 993, starttls: 143, none: 143 },
    pop3: { tls: 995, starttls: 110, none: 110 },
    smtp: { tls: 465, starttls: 587, none: 587 },
  };
  const port = o.port !== undefined ? Number(o.port) : defaults[protocol][security];
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Usage(l10n.t('--port "{0}" is not a number from 1 to 65535', o.port ?? ''));
  let ca: string | undefined;
  if (o.ca !== undefined) {
    try {
      ca = fs.readFileSync(o.ca, 'utf8');
    } catch (e) {
      throw new ProxyError('options', l10n.t('cannot read the CA file {0}: {1}', o.ca, (e as NodeJS.ErrnoException).code ?? (e as Error).message));
    }
  }

  let inject: ProxyOptions['inject'];
  let generatedPassword: string | undefined;
  if (o.inject) {
    if (!o.user) throw new Usage(l10n.t('--inject needs --user (the account the token is for)'));
    if ((o.token === undefined) === (o['token-command'] === undefined)) throw new Usage(l10n.t('--inject needs either --token - or --token-command CMD'));
    if (o.token !== undefined && o.token !== '-') throw new Usage(l10n.t('--token takes "-" (read from standard input): a token on the command line is visible to every user of this machine'));
    const token = o.token === '-' ? (await io.readStdin()).trim() : undefined;
    if (token !== undefined) {
      const problems = validateTokenInput(token);
      if (problems.length) throw new ProxyError('options', problems[0].message);
    }
    const mechanism = (o.mechanism ?? 'xoauth2').toUpperCase() as Mechanism;
    if (mechanism !== 'XOAUTH2' && mechanism !== 'OAUTHBEARER') throw new Usage(l10n.t('--mechanism must be xoauth2 or oauthbearer'));
    const mailboxes: Record<string, string> = {};
    for (const m of o.map ?? []) {
      const [login, mailbox] = m.split('=');
      if (!login || !mailbox) throw new Usage(l10n.t('--map takes LOGIN=MAILBOX, not "{0}"', m));
      mailboxes[login] = mailbox;
    }
    generatedPassword = o['client-password'] === undefined ? generateClientPassword() : undefined;
    inject = { mechanism, account: o.user, mailboxes, clientPassword: o['client-password'] ?? generatedPassword!, token: tokenSource(token, o['token-command']) };
  } else if (o.token !== undefined || o['token-command'] !== undefined) throw new Usage(l10n.t('--token and --token-command are for --inject'));

  let clientTls: ProxyOptions['clientTls'];
  if (clientSecurity !== 'none') {
    const localCa = await loadOrCreateLocalCa(configDir);
    clientTls = await leafFor(localCa);
  }
  const saveDir = o['save-dir'];
  if (saveDir) fs.mkdirSync(saveDir, { recursive: true, mode: 0o700 });

  const proxy = new CaptureProxy({
    protocol,
    listenHost: listen.host,
    listenPort: listen.port,
    allowNonLoopback: o['allow-remote'],
    upstream: { host: o.host, port, security, ca, insecure: o.insecure },
    clientSecurity,
    clientTls,
    inject,
  });
  const json = (obj: Record<string, unknown>) => io.stdout(JSON.stringify(obj) + '\n');
  proxy.onEvent((e: ProxyEvent) => {
    switch (e.type) {
      case 'listening':
        if (o.json)
          json({ event: 'listening', host: e.host, port: e.port, protocol, upstream: `${o.host}:${port}`, security, clientSecurity, inject: !!inject, clientPassword: generatedPassword ?? null });
        else {
          io.stdout(`listening on ${e.host}:${e.port}\n`);
          if (generatedPassword) io.stdout(`${l10n.t('proxy password (the client logs in as {0} with it): {1}', inject!.account, generatedPassword)}\n`);
        }
        break;
      case 'connection':
        if (o.json) json({ event: 'connection', id: e.connection.id, client: e.connection.client });
        break;
      case 'login':
        if (o.json) json({ event: 'login', id: e.connection.id, ...loginJson(e.login) });
        break;
      case 'closed': {
        const c = e.connection;
        let file: string | undefined;
        if (saveDir) {
          file = path.join(saveDir, `${protocol}-${c.startedAt.toISOString().replace(/[:.]/g, '-')}-${c.id}.mailtranscript`);
          try {
            fs.writeFileSync(file, c.transcript.toLog({ reveal: !!o.reveal }), { mode: 0o600 });
          } catch (err) {
            io.stderr(`mailoauth: ${l10n.t('cannot save the transcript {0}: {1}', file, (err as NodeJS.ErrnoException).code ?? '')}\n`);
            file = undefined;
          }
        }
        if (o.json)
          json({
            event: 'closed',
            id: c.id,
            client: c.client,
            bytesFromClient: c.bytesFromClient,
            bytesFromServer: c.bytesFromServer,
            ending: c.ending ?? null,
            logins: c.logins.map(loginJson),
            transcript: file ?? null,
          });
        else io.stdout(summary(c, file));
        break;
      }
      case 'warning':
        if (o.json) json({ event: 'warning', code: e.code, message: e.message });
        else io.stderr(`mailoauth: ${l10n.t('warning')}: ${e.message}\n`);
        break;
    }
  });
  // Listened for before listening: a SIGTERM right after the "listening" line must stop, not kill, the relay.
  let unlisten = () => {};
  const stopped = new Promise<void>((resolve) => {
    if (stop) {
      if (stop.aborted) resolve();
      stop.addEventListener('abort', () => resolve());
      return;
    }
    const done = () => {
      unlisten();
      resolve();
    };
    unlisten = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
  try {
    await proxy.listen();
  } catch (e) {
    unlisten();
    throw e;
  }
  await stopped;
  await proxy.close();
  if (o.json) json({ event: 'stopped', connections: proxy.connectionCount });
  else io.stdout(`${l10n.t('stopped after {0} connections', proxy.connectionCount)}\n`);
  return 0;
}
