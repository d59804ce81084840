// German text for the entries of every other data file (imapPop, smtp, sasl, tls, postfix, providers, clients), by entry id.
import type { EntryText } from './index';

export const DE_REPLIES: Readonly<Record<string, EntryText>> = {};
