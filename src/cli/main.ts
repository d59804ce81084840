// The `mailoauth` command line: a thin shell over src/core for terminals, SSH sessions and CI.
// Runs on plain Node 20+; bad input gives a one-line message and a non-zero exit, never a stack trace.
import { parseArgs } from 'node:util';
import { explain } from '../core/explain';
import { analyzeSasl, decodeReportToJson, isMalformed, renderDecodeReport, tokenInspectionToJson } from '../core/report/decodeReport';
import { encodeOauthbearer } from '../core/sasl/oauthbearer';
import { Problem } from '../core/sasl/problems';
import { encodeXoauth2 } from '../core/sasl/xoauth2';
import { checkToken, MailProtocol } from '../core/token/checks';
import { inspectToken } from '../core/token/inspect';
import { redactSecret } from '../core/token/redact';
import { formatDate } from '../core/token/time';

declare const __VERSION__: string | undefined;

const USAGE = `Usage: mailoauth <command> [options]

Commands:
  encode xoauth2 --user U --token T          Print base64("user=U^Aauth=Bearer T^A^A")
  encode oauthbearer --user U --token T [--host H] [--port P]
                                             Print the RFC 7628 initial client response
  decode <blob>                              Decode a SASL string (XOAUTH2, OAUTHBEARER, PLAIN,
                                             LOGIN, server error challenge); the blob may keep its
                                             protocol prefix ("AUTHENTICATE XOAUTH2 ...", "334 ...")
  inspect <token>                            Show an access token's claims and problems
  explain "<reply or error text>"            Explain a server reply, identity-platform error or
                                             TLS failure: cause, fix and documentation

Options:
  --token -, decode -, inspect -, explain -  Read the value from standard input
  --json                                     Print one JSON object
  --reveal                                   Show tokens and passwords whole in the output
  --protocol imap|pop3|smtp                  Check the token for this protocol (decode, inspect)
  --user U                                   inspect: compare the token's account with U
  -h, --help                                 Show this help
  -v, --version                              Show the version
`;

class UsageError extends Error {}
class InputError extends Error {}

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => Promise<string>;
  now?: Date;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`mailoauth: ${e.message}\nRun "mailoauth --help" for usage.\n`);
      return 2;
    }
    if (e instanceof InputError) {
      io.stderr(`mailoauth: ${e.message}\n`);
      return 1;
    }
    io.stderr(`mailoauth: internal error: ${(e as Error)?.message ?? String(e)}. Please report it.\n`);
    return 70;
  }
}

async function dispatch(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        user: { type: 'string' },
        token: { type: 'string' },
        host: { type: 'string' },
        port: { type: 'string' },
        protocol: { type: 'string' },
        json: { type: 'boolean' },
        reveal: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message.split('\n')[0]);
  }
  const { values: opts, positionals } = parsed;
  if (opts.version) {
    io.stdout(`${typeof __VERSION__ === 'string' ? __VERSION__ : 'dev'}\n`);
    return 0;
  }
  const [command, ...rest] = positionals;
  if (opts.help || command === undefined || command === 'help') {
    io.stdout(USAGE);
    return command === undefined && !opts.help ? 2 : 0;
  }
  const protocol = parseProtocol(opts.protocol);
  const now = io.now ?? new Date();

  switch (command) {
    case 'encode': {
      const [mechanism, ...extra] = rest;
      if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
      if (!mechanism) throw new UsageError('encode needs a mechanism: "encode xoauth2" or "encode oauthbearer"');
      const user = opts.user;
      if (opts.token === undefined) throw new UsageError('encode needs --token (or --token - to read it from standard input)');
      const token = opts.token === '-' ? (await io.readStdin()).trim() : opts.token;
      let result;
      if (mechanism.toLowerCase() === 'xoauth2') {
        if (user === undefined) throw new UsageError('encode xoauth2 needs --user (the mailbox address)');
        if (opts.host || opts.port) throw new UsageError('--host and --port belong to oauthbearer, not xoauth2');
        result = encodeXoauth2(user, token);
      } else if (mechanism.toLowerCase() === 'oauthbearer') {
        const port = opts.port === undefined ? undefined : Number(opts.port);
        if (opts.port !== undefined && !/^\d+$/.test(opts.port)) throw new InputError(`--port "${opts.port}" is not a number from 1 to 65535`);
        result = encodeOauthbearer({ user, token, host: opts.host, port });
      } else {
        throw new UsageError(`unknown mechanism "${mechanism}": use xoauth2 or oauthbearer`);
      }
      if (!result.ok) throw new InputError(firstError(result.problems));
      for (const w of result.problems) io.stderr(`mailoauth: warning: ${w.message}\n`);
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
      const input = await positionalOrStdin(rest, 'decode needs a SASL string (or - to read it from standard input)', io);
      const report = analyzeSasl(input, { protocol, now });
      if (opts.json) {
        io.stdout(JSON.stringify(decodeReportToJson(report, { revealPasswords: !!opts.reveal }), null, 2) + '\n');
        return isMalformed(report) ? 1 : 0;
      }
      if (!report.decode.message) throw new InputError(firstError(report.problems));
      io.stdout(renderDecodeReport(report, { reveal: !!opts.reveal, revealHint: 'pass --reveal' }));
      return isMalformed(report) ? 1 : 0;
    }

    case 'inspect': {
      const token = (await positionalOrStdin(rest, 'inspect needs an access token (or - to read it from standard input)', io)).trim();
      if (token === '') throw new InputError('the token is empty');
      if (/\s/.test(token)) throw new InputError('the token contains spaces or line breaks; pass the access token alone');
      const info = inspectToken(token, now);
      const problems = checkToken(info, { now, protocol, user: opts.user });
      if (opts.json) {
        io.stdout(
          JSON.stringify(
            { ...tokenInspectionToJson(info), token: opts.reveal ? token : redactSecret(token), problems },
            null,
            2,
          ) + '\n',
        );
      } else {
        const lines = [`Token:          ${opts.reveal ? token : redactSecret(token)}`, `Kind:           ${info.description}`];
        if (info.expiresAt) lines.push(`Expires:        ${formatDate(info.expiresAt, now)}`);
        if (info.claimViews.length) {
          lines.push('', 'Claims');
          for (const c of info.claimViews) lines.push(`  ${(c.label + ':').padEnd(30)}${c.value}  [${c.name}]`);
        }
        if (info.header) lines.push('', 'Header', `  ${JSON.stringify(info.header)}`);
        lines.push('', problems.length ? `Problems (${problems.length})` : 'Problems: none found');
        for (const p of problems) lines.push(`  ${p.severity}: ${p.message}  [${p.code}]`);
        io.stdout(lines.join('\n') + '\n');
      }
      return problems.some((p) => p.severity === 'error') ? 1 : 0;
    }

    case 'explain': {
      const text = await positionalOrStdin(rest, 'explain needs the reply or error text (or - to read it from standard input)', io);
      const findings = explain(text);
      if (opts.json) {
        io.stdout(JSON.stringify({ findings }, null, 2) + '\n');
        return findings.length ? 0 : 1;
      }
      if (findings.length === 0) {
        throw new InputError('no known failure recognised in that text. Paste the server\'s whole reply line (e.g. "A01 NO AUTHENTICATE failed.") or the full error message.');
      }
      const lines: string[] = [];
      findings.forEach((f, i) => {
        lines.push(`${i + 1}. ${f.title}  [${f.id}]`, `   Matched: ${f.match}`, `   Cause:   ${f.cause}`, `   Fix:     ${f.fix}`);
        for (const d of f.docs) lines.push(`   Docs:    ${d.title} <${d.url}>`);
        lines.push('');
      });
      io.stdout(lines.join('\n'));
      return 0;
    }

    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

function parseProtocol(value: string | undefined): MailProtocol | undefined {
  if (value === undefined) return undefined;
  const v = value.toLowerCase();
  if (v === 'imap' || v === 'smtp') return v;
  if (v === 'pop' || v === 'pop3') return 'pop3';
  throw new UsageError(`unknown protocol "${value}": use imap, pop3 or smtp`);
}

async function positionalOrStdin(rest: string[], missing: string, io: CliIo): Promise<string> {
  if (rest.length === 0) throw new UsageError(missing);
  if (rest.length === 1 && rest[0] === '-') return io.readStdin();
  // Several words: the user typed a protocol line without quotes ("AUTH XOAUTH2 dXNl...").
  return rest.join(' ');
}

function firstError(problems: Problem[]): string {
  const p = problems.find((x) => x.severity === 'error') ?? problems[0];
  return p ? p.message : 'the input is not valid';
}

async function readAllStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('(reading from standard input; end with Ctrl-D)\n');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

if (require.main === module) {
  runCli(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    readStdin: readAllStdin,
  }).then((code) => {
    process.exitCode = code;
  });
}
