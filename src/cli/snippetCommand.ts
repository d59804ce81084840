// `mailoauth snippet`: prints a program in the chosen language that signs in and logs in as a verified session did.
import * as l10n from '@vscode/l10n';
import { parseCommandLine, SERVER_OPTIONS, values as optionValues } from './options';
import { authorityForTenant, defaultScopes, generateSnippet, PLACEHOLDER_CLIENT_ID, SNIPPET_FLOWS, SNIPPET_LANGUAGES, SnippetFlow, SnippetLanguage } from '../core/snippet';
import { Security } from '../core/protocol/transport';
import { MailProtocol } from '../core/token/checks';

export interface CommandIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => Promise<string>;
}

export const SNIPPET_USAGE = `  snippet --lang python|node|csharp|java|php --protocol imap|pop3|smtp --host H --port P
        --security tls|starttls|none --user U --mechanism xoauth2|oauthbearer
        [--flow device-code|auth-code|client-credentials] [--tenant T] [--client-id ID]
                                             Print a program that signs in and logs in the same way
                                             (MAIL_ACCESS_TOKEN set: it uses that token instead)
`;

/** A one-line error for the person; exit code 2 for a bad option, 1 for a bad value. */
export class CommandError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

function pick<T extends string>(value: string | undefined, allowed: readonly T[], option: string, aliases: Record<string, T> = {}): T {
  if (value === undefined) throw new CommandError('missing-option', l10n.t('snippet needs --{0} ({1})', option, allowed.join('|')));
  const v = value.toLowerCase();
  const hit = (allowed as readonly string[]).includes(v) ? (v as T) : aliases[v];
  if (!hit) throw new CommandError('bad-option', l10n.t('--{0} must be one of {1}, not "{2}"', option, allowed.join(', '), value));
  return hit;
}

export async function runSnippetCommand(argv: string[], io: CommandIo): Promise<number> {
  const { values } = parseCommandLine(
    { args: argv, allowPositionals: false, options: { ...SERVER_OPTIONS, ...optionValues('lang', 'protocol', 'user', 'mechanism', 'flow', 'tenant', 'client-id') } },
    (message) => new CommandError('bad-option', message),
  );
  const lang = pick<SnippetLanguage>(values.lang, SNIPPET_LANGUAGES, 'lang', { py: 'python', js: 'node', javascript: 'node', 'c#': 'csharp', cs: 'csharp' });
  const protocol = pick<MailProtocol>(values.protocol, ['imap', 'pop3', 'smtp'], 'protocol', { pop: 'pop3' });
  const security = pick<Security>(values.security, ['tls', 'starttls', 'none'], 'security');
  const mechanism = pick(values.mechanism, ['xoauth2', 'oauthbearer'] as const, 'mechanism').toUpperCase() as 'XOAUTH2' | 'OAUTHBEARER';
  const flow = values.flow === undefined ? 'device-code' : pick<SnippetFlow>(values.flow, SNIPPET_FLOWS, 'flow');
  if (values.host === undefined) throw new CommandError('missing-option', l10n.t('snippet needs --host (the mail server)'));
  if (values.user === undefined) throw new CommandError('missing-option', l10n.t('snippet needs --user (the mailbox to log in to)'));
  if (values.port === undefined) throw new CommandError('missing-option', l10n.t('snippet needs --port'));
  if (!/^\d{1,5}$/.test(values.port)) throw new CommandError('bad-port', l10n.t('--port "{0}" is not a number from 1 to 65535', values.port), 1);
  const tenant = values.tenant ?? (flow === 'client-credentials' ? undefined : 'organizations');
  if (tenant === undefined) throw new CommandError('missing-option', l10n.t('--flow client-credentials needs --tenant (the tenant ID or domain: app-only tokens are issued by one tenant)'));
  if (!/^[A-Za-z0-9.-]{1,256}$/.test(tenant)) throw new CommandError('bad-tenant', l10n.t('--tenant must be a tenant ID, a domain, organizations, common or consumers, not "{0}"', tenant), 1);
  const authority = authorityForTenant(tenant);
  const result = generateSnippet(lang, {
    protocol,
    host: values.host,
    port: Number(values.port),
    security,
    user: values.user,
    mechanism,
    flow,
    authority,
    clientId: values['client-id'] ?? PLACEHOLDER_CLIENT_ID,
    scopes: defaultScopes(protocol, flow, authority),
  });
  if (!result.ok) throw new CommandError(result.problem.code, result.problem.message, 1);
  if (values['client-id'] === undefined) io.stderr(`mailoauth: ${l10n.t("warning: no --client-id: the program has a placeholder; put your app registration's Application (client) ID in it")}\n`);
  io.stdout(result.code);
  return 0;
}
