// German text for entries added after the first translation, by entry id.
import type { EntryText } from './index';

export const DE_ADDED: Readonly<Record<string, EntryText>> = {};
