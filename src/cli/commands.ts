// The subcommands that live in their own files (main.ts dispatches to them by name before its own parsing).
import { CommandError, CommandIo, runSnippetCommand, SNIPPET_USAGE } from './snippetCommand';

export { CommandError };

export const OWN_COMMANDS: Record<string, (argv: string[], io: CommandIo) => Promise<number>> = {
  snippet: runSnippetCommand,
};

export const OWN_USAGE = `\nMore commands:\n${SNIPPET_USAGE}`;
