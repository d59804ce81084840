// Unit tests that read German: the German bundle loaded into @vscode/l10n, as activate() loads VS Code's.
import * as fs from 'fs';
import * as path from 'path';
import * as l10n from '@vscode/l10n';

export const GERMAN_BUNDLE = path.join(__dirname, '..', '..', '..', 'l10n', 'bundle.l10n.de.json');

/** Runs `fn` with the German bundle loaded, then goes back to English. */
export function inGerman<T>(fn: () => T): T {
  l10n.config({ contents: fs.readFileSync(GERMAN_BUNDLE, 'utf8') });
  try {
    return fn();
  } finally {
    l10n.config({ contents: {} });
  }
}
