// The subcommands that live in their own files (main.ts dispatches to them by name before its own parsing).
import { EXCHANGE_SETUP_USAGE, runExchangeSetupCommand } from './exchangeSetupCommand';
import { CommandError, CommandIo, runSnippetCommand, SNIPPET_USAGE } from './snippetCommand';

export { CommandError };

export const OWN_COMMANDS: Record<string, (argv: string[], io: CommandIo) => Promise<number>> = {
  snippet: runSnippetCommand,
  'exchange-setup': runExchangeSetupCommand,
};

export const OWN_USAGE = `\nMore commands:\n${SNIPPET_USAGE}${EXCHANGE_SETUP_USAGE}`;
