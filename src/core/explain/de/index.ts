// German text of the knowledge base, by entry id. The English text in the data files stays the
// source; these tables only translate title, cause and fix (protocol text, codes and commands stay
// as they are). Terms follow Microsoft's German documentation (Zugriffstoken, App-Registrierung,
// Dienstprinzipal, Bereich).
import { DE_ADDED } from './added';
import { DE_IDENTITY } from './identity';
import { DE_OPENID } from './openid';
import { DE_REPLIES } from './replies';
import type { EntryText } from '../types';

export type { EntryText } from '../types';

export const DE_ENTRIES: Readonly<Record<string, EntryText>> = Object.freeze({
  ...DE_IDENTITY,
  ...DE_REPLIES,
  ...DE_ADDED,
  ...DE_OPENID,
});
