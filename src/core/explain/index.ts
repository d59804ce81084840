// Failure knowledge base: explains what mail servers and identity providers say when an OAuth
// login fails. Data files (data/*.json) plus a matcher; no vscode import, no state between calls.
import { bundleLanguage } from '../language';
import clients from './data/clients.json';
import deClients from './data/de/clients.json';
import deExchangeServer from './data/de/exchangeServer.json';
import deIdentity from './data/de/identity.json';
import deImapPop from './data/de/imapPop.json';
import deOpenid from './data/de/openid.json';
import dePostfix from './data/de/postfix.json';
import deProviders from './data/de/providers.json';
import deSasl from './data/de/sasl.json';
import deSmtp from './data/de/smtp.json';
import deTls from './data/de/tls.json';
import docs from './data/docs.json';
import exchangeServer from './data/exchangeServer.json';
import identity from './data/identity.json';
import imapPop from './data/imapPop.json';
import openid from './data/openid.json';
import postfix from './data/postfix.json';
import providers from './data/providers.json';
import sasl from './data/sasl.json';
import smtp from './data/smtp.json';
import tls from './data/tls.json';
import { loadDocs, loadEntries, loadTranslation } from './load';
import { compile, run, TextOf } from './matcher';
import { Entry, EntryText, Finding } from './types';

export { bundleLanguage } from '../language';
export type { DocLink, EntryText, Finding, Provider, Severity, Source } from './types';

/** Every entry, in data-file order (which breaks ties between findings of the same rank). */
export const KNOWLEDGE_BASE: readonly Entry[] = loadEntries(
  {
    'imapPop.json': imapPop,
    'smtp.json': smtp,
    'sasl.json': sasl,
    'identity.json': identity,
    'tls.json': tls,
    'postfix.json': postfix,
    'providers.json': providers,
    'clients.json': clients,
    'openid.json': openid,
    'exchangeServer.json': exchangeServer,
  },
  loadDocs(docs),
);

export const KNOWLEDGE_BASE_SIZE: number = KNOWLEDGE_BASE.length;

const KB = compile(KNOWLEDGE_BASE);

/** The knowledge base's translations, by the language tag the loaded l10n bundle declares. */
const TRANSLATIONS: Readonly<Record<string, Readonly<Record<string, EntryText>>>> = Object.freeze({
  de: loadTranslation(
    {
      'de/imapPop.json': deImapPop,
      'de/smtp.json': deSmtp,
      'de/sasl.json': deSasl,
      'de/identity.json': deIdentity,
      'de/tls.json': deTls,
      'de/postfix.json': dePostfix,
      'de/providers.json': deProviders,
      'de/clients.json': deClients,
      'de/openid.json': deOpenid,
      'de/exchangeServer.json': deExchangeServer,
    },
    KNOWLEDGE_BASE,
  ),
});

/** The translated text of the entries, by language tag and entry id (for tests and tools). */
export const KNOWLEDGE_BASE_TRANSLATIONS = TRANSLATIONS;

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
