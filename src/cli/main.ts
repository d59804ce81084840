// The `mailoauth` command line: a thin shell over src/core for terminals, SSH sessions and CI.
// Runs on plain Node 20+; bad input gives a one-line message and a non-zero exit, never a stack trace.
import * as l10n from '@vscode/l10n';
import { explain } from '../core/explain';
import { analyzeSasl, decodeReportToJson, isMalformed, renderDecodeReport, tokenInspectionToJson } from '../core/report/decodeReport';
import { OAUTH_MECHANISMS, OAuthMechanism } from '../core/sasl/mechanism';
import { encodeOauthbearer } from '../core/sasl/oauthbearer';
import { error, leadingMessage, Problem } from '../core/sasl/problems';
import { encodeXoauth2 } from '../core/sasl/xoauth2';
import { firstTokenField } from '../core/logs/tokenField';
import { CheckContext, checkToken, ExpectedClaims, MailProtocol } from '../core/token/checks';
import { inspectToken, TokenInspection } from '../core/token/inspect';
import { GOOGLE_TOKENINFO_URL, introspect, introspectionErrorMessage, introspectionInspection, IntrospectionOutcome, introspectionProblems } from '../core/token/introspect';
import { defaultPort, presetById } from '../core/presets/presets';
import { probe } from '../core/protocol/probe';
import { Transcript, TranscriptEntry } from '../core/protocol/transcript';
import { Security } from '../core/protocol/transport';
import { validateTokenInput } from '../core/sasl/token';
import { readFileSync } from 'node:fs';
import { redactSecret } from '../core/token/redact';
import { formatDate } from '../core/token/time';
import { escapeControls } from '../core/report/controlChars';
import { useCliLanguage } from './locale';
import { CommandError, OWN_COMMANDS, OWN_USAGE } from './commands';
import { PROXY_USAGE, runProxyCommand } from './proxyCommand';
import { flags, LOGIN_OPTIONS, OUTPUT_OPTIONS, parseCommandLine, SERVER_OPTIONS, TRUST_OPTIONS, values } from './options';

declare const __VERSION__: string | undefined;

const usage = (): string =>
  l10n.t(
    'Usage: mailoauth <command> [options]\n\nCommands:\n  encode xoauth2 --user U --token T          Print base64("user=U^Aauth=Bearer T^A^A")\n  encode oauthbearer --user U --token T [--host H] [--port P]\n                                             Print the RFC 7628 initial client response\n  decode <blob>                              Decode a SASL string (XOAUTH2, OAUTHBEARER, PLAIN,\n                                             LOGIN, server error challenge); the blob may keep its\n                                             protocol prefix ("AUTHENTICATE XOAUTH2 ...", "334 ...")\n  inspect <token> [--issuer URL] [--audience A] [--scope S] [--username-claim C]\n        [--introspect URL [--client-id ID] [--client-secret-env VAR] | --tokeninfo] [--ca FILE]\n                                             Show an access token\'s claims and problems; check them\n                                             against the provider\'s issuer, audience and scopes; ask the\n                                             issuer (RFC 7662 introspection, Google\'s tokeninfo)\n  explain "<reply or error text>"            Explain a server reply, identity-platform error or\n                                             TLS failure: cause, fix and documentation\n  probe imap|pop3|smtp --host H [--port P] [--security tls|starttls|none] --user U --token T|-\n        [--mechanism xoauth2|oauthbearer] [--preset microsoft365|outlook|gmail] [--ca FILE] [--insecure]\n                                             Log in to a real server, verify with one command, print\n                                             the redacted transcript and the verdict (exit 0 only\n                                             when authenticated and verified)\n\nOptions:\n  --token -, decode -, inspect -, explain -  Read the value from standard input\n  --json                                     Print one JSON object\n  --reveal                                   Show tokens and passwords whole in the output\n  --protocol imap|pop3|smtp                  Check the token for this protocol (decode, inspect)\n  --user U                                   inspect: compare the token\'s account with U\n  -h, --help                                 Show this help\n  -v, --version                              Show the version\n',
  );

class UsageError extends Error {}
class InputError extends Error {}

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => Promise<string>;
  now?: Date;
}

export async function runCli(argv: string[], raw: CliIo): Promise<number> {
  // The one place the CLI writes: every control character that server text, a blob or a file brings
  // is shown escaped, so none can drive the terminal. JSON keeps its value (\u escapes).
  const mode = { json: false };
  const io: CliIo = {
    ...raw,
    stdout: (s) => raw.stdout(escapeControls(s, mode.json ? 'json' : 'text')),
    stderr: (s) => raw.stderr(escapeControls(s)),
  };
  try {
    const own = OWN_COMMANDS[argv[0] ?? ''];
    if (own) return await own(argv.slice(1), io);
    return await dispatch(argv, io, mode);
  } catch (e) {
    if (e instanceof CommandError) {
      io.stderr(`mailoauth: ${e.message}\n${e.exitCode === 2 ? 'Run "mailoauth --help" for usage.\n' : ''}`);
      return e.exitCode;
    }
    if (e instanceof UsageError) {
      io.stderr(`mailoauth: ${e.message}\n${l10n.t('Run "mailoauth --help" for usage.')}\n`);
      return 2;
    }
    if (e instanceof InputError) {
      io.stderr(`mailoauth: ${e.message}\n`);
      return 1;
    }
    io.stderr(`mailoauth: ${l10n.t('internal error: {0}. Please report it.', (e as Error)?.message ?? String(e))}\n`);
    return 70;
  }
}

async function dispatch(argv: string[], io: CliIo, mode: { json: boolean }): Promise<number> {
  if (argv[0] === 'proxy' && !argv.includes('--help') && !argv.includes('-h')) return runProxyCommand(argv.slice(1), io, undefined, (json) => (mode.json = json));
  const { values: opts, positionals } = parseCommandLine(
    {
      args: argv,
      allowPositionals: true,
      options: {
        ...LOGIN_OPTIONS,
        ...SERVER_OPTIONS,
        ...TRUST_OPTIONS,
        ...OUTPUT_OPTIONS,
        ...values('protocol', 'preset', 'timeout', 'issuer', 'username-claim', 'introspect', 'client-id', 'client-secret-env'),
        ...flags('tokeninfo'),
        audience: { type: 'string', multiple: true } as const,
        scope: { type: 'string', multiple: true } as const,
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    },
    (message) => new UsageError(message),
  );
  mode.json = !!opts.json;
  if (opts.version) {
    io.stdout(`${typeof __VERSION__ === 'string' ? __VERSION__ : 'dev'}\n`);
    return 0;
  }
  const [command, ...rest] = positionals;
  if (opts.help || command === undefined || command === 'help') {
    io.stdout(usage().replace('\nOptions:', `${PROXY_USAGE}\nOptions:`) + OWN_USAGE);
    return command === undefined && !opts.help ? 2 : 0;
  }
  const protocol = parseProtocol(opts.protocol);
  const now = io.now ?? new Date();

  switch (command) {
    case 'encode': {
      const [mechanism, ...extra] = rest;
      if (extra.length) throw new UsageError(l10n.t('unexpected argument "{0}"', extra[0]));
      if (!mechanism) throw new UsageError(l10n.t('encode needs a mechanism: "encode xoauth2" or "encode oauthbearer"'));
      const user = opts.user;
      if (opts.token === undefined) throw new UsageError(l10n.t('encode needs --token (or --token - to read it from standard input)'));
      const token = opts.token === '-' ? (await io.readStdin()).trim() : opts.token;
      let result;
      if (mechanism.toLowerCase() === 'xoauth2') {
        if (user === undefined) throw new UsageError(l10n.t('encode xoauth2 needs --user (the mailbox address)'));
        if (opts.host || opts.port) throw new UsageError(l10n.t('--host and --port belong to oauthbearer, not xoauth2'));
        result = encodeXoauth2(user, token);
      } else if (mechanism.toLowerCase() === 'oauthbearer') {
        const port = opts.port === undefined ? undefined : Number(opts.port);
        if (opts.port !== undefined && !/^\d+$/.test(opts.port)) throw new InputError(l10n.t('--port "{0}" is not a number from 1 to 65535', String(opts.port)));
        result = encodeOauthbearer({ user, token, host: opts.host, port });
      } else {
        throw new UsageError(l10n.t('unknown mechanism "{0}": use xoauth2 or oauthbearer', mechanism));
      }
      if (!result.ok) throw new InputError(firstError(result.problems));
      for (const w of result.problems) io.stderr(`mailoauth: ${l10n.t('warning: {0}', w.message)}\n`);
      if (opts.json) {
        io.stdout(
          JSON.stringify({
            mechanism: mechanism.toUpperCase(),
            user: user ?? null,
            token: token.trim(),
            ...(opts.host ? { host: opts.host } : {}),
            ...(opts.port ? { port: Number(opts.port) } : {}),
            encoded: result.value,
          }) + '\n',
        );
      } else {
        io.stdout(result.value + '\n');
      }
      return 0;
    }

    case 'decode': {
      const input = await positionalOrStdin(rest, l10n.t('decode needs a SASL string (or - to read it from standard input)'), io);
      const report = analyzeSasl(input, { protocol, now });
      if (opts.json) {
        io.stdout(JSON.stringify(decodeReportToJson(report, { reveal: !!opts.reveal }), null, 2) + '\n');
        return isMalformed(report) ? 1 : 0;
      }
      // Text of an unknown shape is still shown (escaped, redacted); only input that decodes to nothing is an error.
      if (!report.decode.message && report.decode.decodedText === undefined) throw new InputError(firstError(report.problems));
      io.stdout(renderDecodeReport(report, { reveal: !!opts.reveal, revealHint: l10n.t('pass --reveal') }));
      return isMalformed(report) ? 1 : 0;
    }

    case 'inspect':
      return runInspect(rest, opts, io, now, protocol);

    case 'explain': {
      const text = await positionalOrStdin(rest, l10n.t('explain needs the reply or error text (or - to read it from standard input)'), io);
      const findings = explain(text);
      if (opts.json) {
        io.stdout(JSON.stringify({ findings }, null, 2) + '\n');
        return findings.length ? 0 : 1;
      }
      if (findings.length === 0) {
        throw new InputError(l10n.t('no known failure recognised in that text. Paste the server\'s whole reply line (e.g. "A01 NO AUTHENTICATE failed.") or the full error message.'));
      }
      const lines: string[] = [];
      findings.forEach((f, i) => {
        const row = (label: string, value: string) => `   ${label.padEnd(8)} ${value}`;
        lines.push(`${i + 1}. ${f.title}  [${f.id}]`, row(l10n.t('Matched:'), f.match), row(l10n.t('Cause:'), f.cause), row(l10n.t('Fix:'), f.fix));
        for (const d of f.docs) lines.push(row(l10n.t('Docs:'), `${d.title} <${d.url}>`));
        lines.push('');
      });
      io.stdout(lines.join('\n'));
      return 0;
    }

    case 'probe':
      return runProbe(rest, opts, io);

    default:
      throw new UsageError(l10n.t('unknown command "{0}"', command));
  }
}

interface InspectFlags {
  user?: string;
  json?: boolean;
  reveal?: boolean;
  ca?: string;
  timeout?: string;
  issuer?: string;
  audience?: string[];
  scope?: string[];
  'username-claim'?: string;
  introspect?: string;
  'client-id'?: string;
  'client-secret-env'?: string;
  tokeninfo?: boolean;
}

async function runInspect(rest: string[], opts: InspectFlags, io: CliIo, now: Date, protocol: MailProtocol | undefined): Promise<number> {
  const given = (await positionalOrStdin(rest, l10n.t('inspect needs an access token (or - to read it from standard input)'), io)).trim();
  // A whole log line whose token is a field of its own (Dovecot's auth debug "... token=eyJ...") gives that token.
  const token = /\s/.test(given) ? (firstTokenField(given) ?? given) : given;
  if (token === '') throw new InputError(l10n.t('the token is empty'));
  if (/\s/.test(token)) throw new InputError(l10n.t('the token contains spaces or line breaks; pass the access token alone'));
  if (opts.introspect !== undefined && opts.tokeninfo) throw new UsageError(l10n.t('--introspect and --tokeninfo ask different endpoints: use one'));
  if ((opts['client-id'] !== undefined || opts['client-secret-env'] !== undefined) && opts.introspect === undefined)
    throw new UsageError(l10n.t('--client-id and --client-secret-env belong to --introspect'));
  // The secret comes from the environment, never from the command line (where ps and the shell history show it).
  let clientSecret: string | undefined;
  if (opts['client-secret-env'] !== undefined) {
    clientSecret = process.env[opts['client-secret-env']];
    if (!clientSecret) throw new InputError(l10n.t('the environment variable {0} (--client-secret-env) is not set', opts['client-secret-env']));
  }
  const ca = opts.ca === undefined ? undefined : readCa(opts.ca);
  const timeoutMs = opts.timeout !== undefined ? Number(opts.timeout) * 1000 : undefined;
  if (timeoutMs !== undefined && !(timeoutMs > 0)) throw new UsageError(l10n.t('--timeout must be a number of seconds, not "{0}"', String(opts.timeout)));

  const expected: ExpectedClaims = {
    ...(opts.issuer ? { issuer: opts.issuer } : {}),
    ...(opts.audience?.length ? { audiences: opts.audience } : {}),
    ...(opts.scope?.length ? { scopes: opts.scope.flatMap((s) => s.split(/\s+/)).filter(Boolean) } : {}),
    ...(opts['username-claim'] ? { usernameClaim: opts['username-claim'] } : {}),
  };
  const ctx: CheckContext = { now, protocol, user: opts.user, expected };
  const info = inspectToken(token, now);
  const problems = checkToken(info, ctx);

  let asked: { endpoint: string; outcome: IntrospectionOutcome; inspection?: TokenInspection } | undefined;
  if (opts.introspect !== undefined || opts.tokeninfo) {
    const flavour = opts.tokeninfo ? 'google-tokeninfo' : 'rfc7662';
    const endpoint = opts.tokeninfo ? GOOGLE_TOKENINFO_URL : (opts.introspect as string);
    const outcome = await introspect({
      endpoint,
      token,
      flavour,
      ...(opts['client-id'] !== undefined ? { clientId: opts['client-id'], clientSecret } : {}),
      ...(ca ? { extraCaPem: [ca] } : {}),
      ...(timeoutMs ? { timeoutMs } : {}),
    });
    asked = { endpoint, outcome };
    if (!outcome.ok) {
      problems.push(error('introspection-failed', introspectionErrorMessage(outcome.error)));
    } else {
      const inspection = introspectionInspection(outcome, token.length, now, flavour);
      asked.inspection = inspection;
      const seen = new Set(problems.map((p) => `${p.code} ${p.message}`));
      for (const p of introspectionProblems(outcome, inspection, ctx)) if (!seen.has(`${p.code} ${p.message}`)) problems.push(p);
    }
  }

  if (opts.json) {
    const introspection = asked
      ? asked.outcome.ok
        ? { endpoint: asked.endpoint, active: asked.outcome.active, claims: asked.outcome.claims }
        : { endpoint: asked.endpoint, error: { code: asked.outcome.error.code, message: introspectionErrorMessage(asked.outcome.error) } }
      : undefined;
    io.stdout(JSON.stringify({ ...tokenInspectionToJson(info), token: opts.reveal ? token : redactSecret(token), ...(introspection ? { introspection } : {}), problems }, null, 2) + '\n');
  } else {
    const row = (label: string, value: string) => `${label.padEnd(15)} ${value}`;
    const lines = [row(l10n.t('Token:'), opts.reveal ? token : redactSecret(token)), row(l10n.t('Kind:'), info.description)];
    if (info.expiresAt) lines.push(row(l10n.t('Expires:'), formatDate(info.expiresAt, now)));
    if (info.claimViews.length) {
      lines.push('', l10n.t('Claims'));
      for (const c of info.claimViews) lines.push(`  ${(c.label + ':').padEnd(30)}${c.value}  [${c.name}]`);
    }
    if (info.header) lines.push('', l10n.t('Header'), `  ${JSON.stringify(info.header)}`);
    if (asked?.outcome.ok) {
      lines.push('', l10n.t('Introspection ({0})', asked.endpoint), `  ${asked.outcome.active ? l10n.t('active: the issuer accepts the token') : l10n.t('not active: the issuer rejects the token')}`);
      for (const c of asked.inspection?.claimViews ?? []) if (c.name !== 'active') lines.push(`  ${(c.label + ':').padEnd(30)}${c.value}  [${c.name}]`);
    }
    lines.push('', problems.length ? l10n.t('Problems ({0})', problems.length) : l10n.t('Problems: none found'));
    for (const p of problems) lines.push(`  ${severityWord(p.severity)}: ${p.message}  [${p.code}]`);
    io.stdout(lines.join('\n') + '\n');
  }
  return problems.some((p) => p.severity === 'error') ? 1 : 0;
}

function readCa(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(l10n.t('cannot read the CA file {0}: {1}', file, (e as NodeJS.ErrnoException).code ?? (e as Error).message));
  }
}

interface ProbeFlags {
  host?: string;
  port?: string;
  security?: string;
  user?: string;
  token?: string;
  mechanism?: string;
  preset?: string;
  ca?: string;
  insecure?: boolean;
  timeout?: string;
  json?: boolean;
  reveal?: boolean;
}

async function runProbe(rest: string[], opts: ProbeFlags, io: CliIo): Promise<number> {
  const [protocolArg, ...extra] = rest;
  if (!protocolArg) throw new UsageError(l10n.t('probe needs a protocol: imap, pop3 or smtp'));
  if (extra.length) throw new UsageError(l10n.t('unexpected argument "{0}"', extra[0]));
  const protocol = parseProtocol(protocolArg) as MailProtocol;
  const preset = opts.preset === undefined ? undefined : presetById(opts.preset);
  if (opts.preset !== undefined && !preset) throw new UsageError(l10n.t('unknown preset "{0}": use microsoft365, outlook, gmail or custom', opts.preset));
  const endpoint = preset?.endpoints[protocol];
  const host = opts.host ?? endpoint?.host;
  if (!host) throw new UsageError(l10n.t('probe needs --host (or --preset microsoft365|outlook|gmail)'));
  const security = (opts.security ?? endpoint?.security ?? (protocol === 'smtp' ? 'starttls' : 'tls')) as Security;
  if (!['tls', 'starttls', 'none'].includes(security)) throw new UsageError(l10n.t('--security must be tls, starttls or none, not "{0}"', String(opts.security)));
  const port = opts.port !== undefined ? Number(opts.port) : endpoint && opts.security === undefined ? endpoint.port : defaultPort(protocol, security);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new InputError(l10n.t('--port "{0}" is not a number from 1 to 65535', String(opts.port)));
  if (opts.user === undefined) throw new UsageError(l10n.t('probe needs --user (the mailbox to log in to)'));
  if (opts.token === undefined) throw new UsageError(l10n.t('probe needs --token (or --token - to read it from standard input)'));
  const token = opts.token === '-' ? (await io.readStdin()).trim() : opts.token.trim();
  const mechanism = (opts.mechanism ?? 'xoauth2').toUpperCase();
  if (!isOAuthMechanism(mechanism)) throw new UsageError(l10n.t('--mechanism must be xoauth2 or oauthbearer, not "{0}"', String(opts.mechanism)));
  const tokenProblems = validateTokenInput(token);
  if (tokenProblems.length) throw new InputError(firstError(tokenProblems));
  const ca = opts.ca === undefined ? undefined : readCa(opts.ca);
  const timeoutMs = opts.timeout !== undefined ? Number(opts.timeout) * 1000 : undefined;
  if (timeoutMs !== undefined && !(timeoutMs > 0)) throw new UsageError(l10n.t('--timeout must be a number of seconds, not "{0}"', String(opts.timeout)));

  const transcript = new Transcript();
  if (!opts.json) {
    transcript.onEntry((e) => io.stdout(formatEntry(e, !!opts.reveal) + '\n'));
  }
  const result = await probe(
    {
      protocol,
      host,
      port,
      security,
      ca,
      verifyCertificate: !opts.insecure,
      connectTimeoutMs: timeoutMs,
      readTimeoutMs: timeoutMs,
      login: { user: opts.user, token, mechanism },
    },
    transcript,
  );
  const ok = result.outcome.authenticated && result.outcome.verified;
  const v = result.verdict;
  if (opts.json) {
    io.stdout(
      JSON.stringify(
        {
          ok,
          protocol,
          host,
          port,
          security,
          mechanism,
          authenticated: result.outcome.authenticated,
          verified: result.outcome.verified,
          roundTripsToAuth: result.outcome.roundTripsToAuth ?? null,
          msToAuth: result.msToAuth ?? null,
          tls: result.tls ?? null,
          verdict: {
            title: v.title,
            warning: v.warning ?? null,
            step: v.step ?? null,
            cause: v.cause ?? null,
            fix: v.fix ?? null,
            findings: v.findings.map((f) => ({ id: f.id, title: f.title, cause: f.cause, fix: f.fix, docs: f.docs })),
            tokenProblems: v.tokenProblems,
          },
          transcript: result.transcript.entries.map((e) => ({ time: e.time.toISOString(), kind: e.kind, text: opts.reveal ? e.text : e.display, decoded: e.decoded ?? null })),
        },
        null,
        2,
      ) + '\n',
    );
    return ok ? 0 : 1;
  }
  const lines = ['', ok ? `✔ ${v.title}` : `✖ ${v.title}`];
  if (v.warning) lines.push(`  ⚠ ${l10n.t('Warning: {0}', v.warning)}`);
  if (!ok) {
    const row = (label: string, value: string) => `  ${label.padEnd(6)} ${value}`;
    if (v.cause) lines.push(row(l10n.t('Cause:'), v.cause));
    if (v.fix) lines.push(row(l10n.t('Fix:'), v.fix));
    for (const f of v.findings.slice(0, 3)) for (const d of f.docs.slice(0, 1)) lines.push(row(l10n.t('Docs:'), `${d.title} <${d.url}>`));
  }
  for (const p of v.tokenProblems) if (ok || !v.cause?.includes(p.message)) lines.push(`  ${severityWord(p.severity)}: ${p.message}`);
  io.stdout(lines.join('\n') + '\n');
  return ok ? 0 : 1;
}

function isOAuthMechanism(name: string): name is OAuthMechanism {
  return (OAUTH_MECHANISMS as readonly string[]).includes(name);
}

function formatEntry(e: TranscriptEntry, reveal: boolean): string {
  const time = e.time.toISOString().slice(11, 23);
  // A line feed inside one entry (an IMAP literal) is the server's, not a line of ours: it could fake a verdict.
  const text = (reveal ? e.text : e.display).replace(/\n/g, '\\x0a');
  const head = e.kind === 'C' ? 'C:' : e.kind === 'S' ? 'S:' : e.kind === 'tls' ? 'TLS' : e.kind === 'error' ? '!!' : '--';
  return `${time} ${head} ${text}${e.decoded ? `\n${' '.repeat(time.length)}    ↳ ${e.decoded}` : ''}`;
}

function parseProtocol(value: string | undefined): MailProtocol | undefined {
  if (value === undefined) return undefined;
  const v = value.toLowerCase();
  if (v === 'imap' || v === 'smtp') return v;
  if (v === 'pop' || v === 'pop3') return 'pop3';
  throw new UsageError(l10n.t('unknown protocol "{0}": use imap, pop3 or smtp', value));
}

async function positionalOrStdin(rest: string[], missing: string, io: CliIo): Promise<string> {
  if (rest.length === 0) throw new UsageError(missing);
  if (rest.length === 1 && rest[0] === '-') return io.readStdin();
  // Several words: the user typed a protocol line without quotes ("AUTH XOAUTH2 dXNl...").
  return rest.join(' ');
}

function firstError(problems: Problem[]): string {
  return leadingMessage(problems) ?? l10n.t('the input is not valid');
}

/** A problem's severity as a word of the output (JSON keeps the code). */
function severityWord(severity: Problem['severity']): string {
  return severity === 'error' ? l10n.t('error') : severity === 'warning' ? l10n.t('warning') : l10n.t('info');
}

async function readAllStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write(`${l10n.t('(reading from standard input; end with Ctrl-D)')}\n`);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

if (require.main === module) {
  useCliLanguage(process.env);
  runCli(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    readStdin: readAllStdin,
  }).then((code) => {
    process.exitCode = code;
  });
}
