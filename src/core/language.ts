// The language the core speaks: the one the loaded l10n bundle declares (VS Code's display language in
// the extension, LC_ALL/LC_MESSAGES/LANG in the CLI); English when none is loaded.
import * as l10n from '@vscode/l10n';

/** The language a translation declares by translating this one string (none loaded: English). */
export function bundleLanguage(): string {
  return l10n.t({ message: 'en', comment: 'The language code of this translation (de for German): selects the knowledge base text. Not shown.' });
}
