// German text for the entries of ../identity.ts, by entry id.
import type { EntryText } from './index';

export const DE_IDENTITY: Readonly<Record<string, EntryText>> = {};
