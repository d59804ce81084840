// Reads the knowledge base's data files (data/*.json: entries; data/docs.json: the documentation they
// link; data/de/*.json: German text by entry id) into checked, frozen entries. A data file that breaks a
// rule is a defect of the build, so loading throws an error naming the file, the entry and the field.
import { ACCEPT_HOOKS, DETAIL_HOOKS } from './hooks';
import { DocLink, Entry, EntryText, Provider, Severity, Source } from './types';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const SOURCES: readonly Source[] = ['imap', 'pop3', 'smtp', 'identity', 'tls', 'sasl', 'general'];
const PROVIDERS: readonly Provider[] = ['microsoft', 'gmail', 'dovecot', 'keycloak', 'stalwart', 'generic'];
const FIELDS = new Set(['id', 'title', 'cause', 'fix', 'severity', 'source', 'provider', 'priority', 'fallback', 'supersedes', 'keys', 'pattern', 'flags', 'context', 'accept', 'detail', 'docs']);
const ID = /^[a-z0-9][a-z0-9._-]{0,80}$/;

type Json = Record<string, unknown>;

/** Where a problem is, for the message: `identity.json[3] (aadsts50011).pattern`. */
class Place {
  constructor(
    readonly file: string,
    readonly index: number,
    readonly id: string,
  ) {}
  fail(field: string, problem: string): never {
    throw new Error(`Knowledge base ${this.file}[${this.index}]${this.id ? ` (${this.id})` : ''}.${field}: ${problem}`);
  }
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function text(o: Json, field: string, at: Place): string {
  const v = o[field];
  if (typeof v !== 'string' || v.trim() === '') at.fail(field, 'must be a non-empty string');
  return v;
}

function strings(o: Json, field: string, at: Place): string[] {
  const v = o[field];
  if (!Array.isArray(v) || v.length === 0 || !v.every((s) => typeof s === 'string' && s !== '')) at.fail(field, 'must be a non-empty list of non-empty strings');
  return v as string[];
}

function oneOf<T extends string>(o: Json, field: string, allowed: readonly T[], at: Place): T {
  const v = o[field];
  if (!allowed.includes(v as T)) at.fail(field, `must be one of ${allowed.join(', ')}`);
  return v as T;
}

/** A pattern and its flags; g and y are refused (the matcher keeps no regex state between calls). */
function regex(pattern: unknown, flags: unknown, field: string, at: Place): RegExp {
  if (typeof pattern !== 'string' || pattern === '') at.fail(field, 'must be a non-empty regular expression source');
  if (flags !== undefined && (typeof flags !== 'string' || !/^[imsu]*$/.test(flags))) at.fail(field, 'flags may only be i, m, s and u');
  try {
    return new RegExp(pattern, (flags as string | undefined) ?? '');
  } catch (e) {
    return at.fail(field, e instanceof Error ? e.message : String(e));
  }
}

function hook<T>(o: Json, field: string, hooks: Readonly<Record<string, T>>, at: Place): T | undefined {
  const name = o[field];
  if (name === undefined) return undefined;
  if (typeof name !== 'string' || !Object.hasOwn(hooks, name)) at.fail(field, `must name one of ${Object.keys(hooks).join(', ')}`);
  return hooks[name];
}

function entry(raw: unknown, docs: Readonly<Record<string, DocLink>>, at: Place): Entry {
  if (!isObject(raw)) at.fail('', 'must be an object');
  for (const k of Object.keys(raw)) if (!FIELDS.has(k)) at.fail(k, 'is not a field of an entry');
  const id = text(raw, 'id', at);
  if (!ID.test(id)) at.fail('id', 'must be lower-case letters, digits, dots, dashes or underscores');
  const e: Entry = {
    id,
    title: text(raw, 'title', at),
    cause: text(raw, 'cause', at),
    fix: text(raw, 'fix', at),
    severity: oneOf(raw, 'severity', SEVERITIES, at),
    source: oneOf(raw, 'source', SOURCES, at),
    docs: Object.freeze(strings(raw, 'docs', at).map((name) => (Object.hasOwn(docs, name) ? docs[name] : at.fail('docs', `"${name}" is not in docs.json`)))),
    keys: Object.freeze(strings(raw, 'keys', at)),
    pattern: regex(raw.pattern, raw.flags, 'pattern', at),
  };
  if (e.keys.some((k) => k !== k.toLowerCase())) at.fail('keys', 'must be lower case (they are compared with the lower-cased text)');
  if (raw.provider !== undefined) e.provider = oneOf(raw, 'provider', PROVIDERS, at);
  if (raw.priority !== undefined) {
    if (typeof raw.priority !== 'number' || !Number.isInteger(raw.priority)) at.fail('priority', 'must be an integer');
    e.priority = raw.priority;
  }
  if (raw.fallback !== undefined) {
    if (raw.fallback !== true) at.fail('fallback', 'must be true or left out');
    e.fallback = true;
  }
  if (raw.supersedes !== undefined) e.supersedes = Object.freeze(strings(raw, 'supersedes', at));
  if (raw.context !== undefined) {
    if (!Array.isArray(raw.context) || raw.context.length === 0) at.fail('context', 'must be a non-empty list of {pattern, flags}');
    e.context = Object.freeze(raw.context.map((c: unknown, i: number) => (isObject(c) ? regex(c.pattern, c.flags, `context[${i}]`, at) : at.fail(`context[${i}]`, 'must be {pattern, flags}'))));
  }
  const accept = hook(raw, 'accept', ACCEPT_HOOKS, at);
  if (accept) e.accept = accept;
  const detail = hook(raw, 'detail', DETAIL_HOOKS, at);
  if (detail) e.detail = detail;
  return Object.freeze(e);
}

/** The documentation table: name → {title, url}, https links only. */
export function loadDocs(raw: unknown): Readonly<Record<string, DocLink>> {
  if (!isObject(raw)) throw new Error('Knowledge base docs.json: must be an object of name → {title, url}');
  const docs: Record<string, DocLink> = {};
  for (const [name, d] of Object.entries(raw)) {
    if (!isObject(d) || typeof d.title !== 'string' || d.title === '' || typeof d.url !== 'string' || !d.url.startsWith('https://')) {
      throw new Error(`Knowledge base docs.json (${name}): must be {title, url} with an https URL`);
    }
    docs[name] = Object.freeze({ title: d.title, url: d.url });
  }
  return Object.freeze(docs);
}

/**
 * The entries of data files, in the given order; ids must be unique across all of them and every
 * superseded id must exist.
 */
export function loadEntries(files: Readonly<Record<string, unknown>>, docs: Readonly<Record<string, DocLink>>): readonly Entry[] {
  const all: Entry[] = [];
  const seen = new Set<string>();
  for (const [file, raw] of Object.entries(files)) {
    if (!Array.isArray(raw)) throw new Error(`Knowledge base ${file}: must be a list of entries`);
    raw.forEach((item: unknown, index: number) => {
      const at: Place = new Place(file, index, isObject(item) && typeof item.id === 'string' ? item.id : '');
      const e = entry(item, docs, at);
      if (seen.has(e.id)) at.fail('id', 'is used by another entry');
      seen.add(e.id);
      all.push(e);
    });
  }
  for (const e of all) {
    for (const s of e.supersedes ?? []) if (!seen.has(s)) throw new Error(`Knowledge base (${e.id}).supersedes: "${s}" is no entry`);
  }
  return Object.freeze(all);
}

/** A translation's tables: entry id → {title, cause, fix}, for ids that exist. */
export function loadTranslation(files: Readonly<Record<string, unknown>>, entries: readonly Entry[]): Readonly<Record<string, EntryText>> {
  const ids = new Set(entries.map((e) => e.id));
  const table: Record<string, EntryText> = {};
  for (const [file, raw] of Object.entries(files)) {
    if (!isObject(raw)) throw new Error(`Knowledge base ${file}: must be an object of entry id → {title, cause, fix}`);
    for (const [id, t] of Object.entries(raw)) {
      const at: Place = new Place(file, Object.keys(table).length, id);
      if (!ids.has(id)) at.fail('', 'translates no entry');
      if (Object.hasOwn(table, id)) at.fail('', 'is translated twice');
      if (!isObject(t)) at.fail('', 'must be {title, cause, fix}');
      for (const k of Object.keys(t)) if (!['title', 'cause', 'fix'].includes(k)) at.fail(k, 'is not translated text');
      table[id] = Object.freeze({ title: text(t, 'title', at), cause: text(t, 'cause', at), fix: text(t, 'fix', at) });
    }
  }
  return Object.freeze(table);
}
