// `mailoauth exchange-setup --token - [--mailbox M]`: prints the Exchange Online setup for app-only access as a
// PowerShell document, with the IDs of the app-only token read from standard input (never echoed).
import * as l10n from '@vscode/l10n';
import { parseCommandLine, values as optionValues } from './options';
import { appOnlyIdsFromToken, exchangeSetupDocument } from '../core/exchange/setup';
import { validateTokenInput } from '../core/sasl/token';
import { leadingMessage } from '../core/sasl/problems';
import { CommandError, CommandIo } from './snippetCommand';

export const EXCHANGE_SETUP_USAGE = `  exchange-setup --token - [--mailbox M]     Print the Exchange Online setup for app-only access
                                             (PowerShell) with the IDs of the app-only token read
                                             from standard input
`;

export async function runExchangeSetupCommand(argv: string[], io: CommandIo): Promise<number> {
  const { values } = parseCommandLine({ args: argv, allowPositionals: false, options: optionValues('token', 'mailbox') }, (message) => new CommandError('bad-option', message));
  if (values.token === undefined) throw new CommandError('missing-option', l10n.t('exchange-setup needs --token - (the app-only token on standard input)'));
  // A token on the command line would stay in the shell's history and in the process list.
  if (values.token !== '-') throw new CommandError('token-on-command-line', l10n.t('pass the token on standard input: --token - (a token on the command line stays in the shell history)'));
  const token = (await io.readStdin()).trim();
  const problems = validateTokenInput(token).filter((p) => p.severity === 'error');
  if (problems.length) throw new CommandError('bad-token', leadingMessage(problems) ?? l10n.t('the token is not valid'), 1);
  const ids = appOnlyIdsFromToken(token);
  if (!ids.ok) throw new CommandError(ids.problem.code, ids.problem.message, 1);
  const doc = exchangeSetupDocument({ ids: ids.ids, mailbox: values.mailbox, source: 'token' });
  if (!doc.ok) throw new CommandError(doc.problem.code, doc.problem.message, 1);
  io.stdout(doc.text);
  return 0;
}
