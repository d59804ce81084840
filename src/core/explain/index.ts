// Failure knowledge base: explains what mail servers and identity providers say when an OAuth
// login fails. Pure data plus a matcher; no vscode import, no state between calls.
import { bundleLanguage } from '../language';
import { DE_ENTRIES } from './de';
import { IDENTITY_ENTRIES } from './identity';
import { CLIENT_ENTRIES } from './clients';
import { IMAP_POP_ENTRIES } from './imapPop';
import { OPENID_ENTRIES } from './openid';
import { compile, run, TextOf } from './matcher';
import { POSTFIX_ENTRIES } from './postfix';
import { PROVIDER_ENTRIES } from './providers';
import { SASL_ENTRIES } from './sasl';
import { SMTP_ENTRIES } from './smtp';
import { TLS_ENTRIES } from './tls';
import { Entry, EntryText, Finding } from './types';

export { bundleLanguage } from '../language';
export type { DocLink, EntryText, Finding, Provider, Severity, Source } from './types';

/** Entries and their arrays are frozen so that no caller can change what the others see. */
function freeze(e: Entry): Entry {
  Object.freeze(e.keys);
  Object.freeze(e.docs);
  if (e.context) Object.freeze(e.context);
  if (e.supersedes) Object.freeze(e.supersedes);
  return Object.freeze(e);
}

/** Every entry, in data-file order. */
export const KNOWLEDGE_BASE: readonly Entry[] = Object.freeze(
  [
    ...IMAP_POP_ENTRIES,
    ...SMTP_ENTRIES,
    ...SASL_ENTRIES,
    ...IDENTITY_ENTRIES,
    ...TLS_ENTRIES,
    ...POSTFIX_ENTRIES,
    ...PROVIDER_ENTRIES,
    ...CLIENT_ENTRIES,
    ...OPENID_ENTRIES,
  ].map(freeze),
);

export const KNOWLEDGE_BASE_SIZE: number = KNOWLEDGE_BASE.length;

const KB = compile(KNOWLEDGE_BASE);

/** The knowledge base's translations, by the language tag the loaded l10n bundle declares. */
const TRANSLATIONS: Readonly<Record<string, Readonly<Record<string, EntryText>>>> = { de: DE_ENTRIES };

/**
 * The text of an entry in the language of the l10n bundle (VS Code's display language, or the CLI's
 * LANG), falling back to English per entry. Asked only for entries that matched, never per line.
 */
const localised: TextOf = (e) => TRANSLATIONS[bundleLanguage()]?.[e.id] ?? e;

/**
 * All findings in a text (a reply, an error, a log excerpt), best first, one per entry (its first
 * occurrence). Only the first 4 MiB are read; for whole logs call explainLine on each line.
 */
export function explain(text: string): Finding[] {
  return run(KB, text, false, localised);
}

/** Same as explain, for one log line: rejects ordinary lines with a single prefilter test. */
export function explainLine(line: string): Finding[] {
  return run(KB, line, true, localised);
}

/**
 * The knowledge base's prefilter, for scanning many lines at once: run it (global) over lower-cased
 * text; only lines it matches can have findings.
 */
export function explainPrefilter(): RegExp {
  return new RegExp(KB.prefilter.source, 'g');
}
