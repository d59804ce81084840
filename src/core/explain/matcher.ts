// The engine: one prefilter regex built from every entry's keys rejects ordinary lines cheaply;
// only lines that pass it run the few entry patterns whose keys they contain.
import { Entry, EntryText, Finding, Severity } from './types';

/** Patterns are scanned on at most this much text per call, so hostile input stays linear. */
const MAX_SCAN = 4 * 1024 * 1024;

interface Compiled {
  entry: Entry;
  order: number;
}

export interface KnowledgeBase {
  readonly entries: readonly Entry[];
  readonly prefilter: RegExp;
  /** Lower-case key → entries (by position) that declare it. */
  readonly byKey: ReadonlyMap<string, readonly number[]>;
}

interface Hit {
  c: Compiled;
  index: number;
  match: string;
  detail: string | undefined;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function compile(entries: readonly Entry[]): KnowledgeBase {
  const seen = new Set<string>();
  const byKey = new Map<string, number[]>();
  entries.forEach((e, i) => {
    if (seen.has(e.id)) throw new Error(`Duplicate knowledge base id: ${e.id}`);
    seen.add(e.id);
    if (e.pattern.global || e.pattern.sticky) throw new Error(`${e.id}: pattern must not be global or sticky`);
    if (e.keys.length === 0) throw new Error(`${e.id}: at least one key is required`);
    for (const raw of e.keys) {
      const k = raw.toLowerCase();
      if (k.length === 0) throw new Error(`${e.id}: empty key`);
      const list = byKey.get(k);
      if (list) list.push(i);
      else byKey.set(k, [i]);
    }
  });
  return { entries, prefilter: buildPrefilter([...byKey.keys()]), byKey };
}

/**
 * One alternation of all (lower-case) keys, factored as a trie: V8 then rejects most positions on
 * the first character. A key that extends a shorter key adds nothing to a presence test, so it is
 * dropped. It is run on the lower-cased text. V8 picks its scanning strategy from the shape of the
 * alternation, and one extra key can halve the speed: after changing keys, run
 * scripts/bench-explain.js (about 300 ns per ordinary line here; shared keys keep it there).
 */
function buildPrefilter(keys: string[]): RegExp {
  type Node = Map<string, Node> & { end?: boolean };
  const root: Node = new Map();
  for (const key of [...keys].sort((a, b) => a.length - b.length)) {
    let node = root;
    let covered = false;
    for (const ch of key) {
      if (node.end) {
        covered = true;
        break;
      }
      let next = node.get(ch);
      if (!next) {
        next = new Map();
        node.set(ch, next);
      }
      node = next;
    }
    if (!covered && !node.end) {
      node.end = true;
      node.clear();
    }
  }
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const emit = (node: Node): string => {
    if (node.end) return '';
    const alts = [...node.entries()].map(([ch, child]) => escape(ch) + emit(child));
    return alts.length === 1 ? alts[0] : `(?:${alts.join('|')})`;
  };
  return new RegExp(emit(root));
}

/** The title, cause and fix to report for an entry (its own English, or a translation). */
export type TextOf = (entry: Entry) => EntryText;

const ENGLISH: TextOf = (e) => e;

/**
 * All findings in a text, best first, one per entry. `textOf` is asked only for entries that matched,
 * so translating costs nothing on the many lines without findings.
 */
export function run(kb: KnowledgeBase, text: string, quickReject: boolean, textOf: TextOf = ENGLISH): Finding[] {
  if (text.length === 0) return [];
  const scanned = text.length > MAX_SCAN ? text.slice(0, MAX_SCAN) : text;
  // Lower-casing first and testing a case-sensitive regex is about twice as fast in V8 as an /i regex.
  const lower = scanned.toLowerCase();
  if (quickReject && !kb.prefilter.test(lower)) return [];

  const candidates = new Set<number>();
  for (const [key, ids] of kb.byKey) {
    if (lower.includes(key)) for (const id of ids) candidates.add(id);
  }
  if (candidates.size === 0) return [];

  const hits: Hit[] = [];
  for (const i of [...candidates].sort((a, b) => a - b)) {
    const entry = kb.entries[i];
    if (entry.context && !entry.context.every((re) => re.test(scanned))) continue;
    const found = firstAccepted(entry, scanned);
    if (found) hits.push({ c: { entry, order: i }, index: found.index, match: found.match, detail: found.detail });
  }
  return rank(prune(hits)).map((h) => toFinding(h, textOf(h.c.entry)));
}

/** The first match the entry accepts; non-global regexes, so the search restarts on a slice. */
function firstAccepted(entry: Entry, text: string): { index: number; match: string; detail: string | undefined } | undefined {
  let offset = 0;
  while (offset <= text.length) {
    const rest = offset === 0 ? text : text.slice(offset);
    const m = entry.pattern.exec(rest);
    if (!m) return undefined;
    const match = m[0];
    if (!entry.accept || entry.accept(match)) {
      return { index: offset + m.index, match, detail: entry.detail?.(match) };
    }
    offset += m.index + Math.max(1, match.length);
  }
  return undefined;
}

const overlaps = (a: Hit, b: Hit) => a.index < b.index + b.match.length && b.index < a.index + a.match.length;

/** Drops catch-alls and superseded entries where a more specific finding explains the same text. */
function prune(hits: Hit[]): Hit[] {
  return hits.filter((h) => {
    for (const other of hits) {
      if (other === h || !overlaps(h, other)) continue;
      if (h.c.entry.fallback && !other.c.entry.fallback) return false;
      if (other.c.entry.supersedes?.includes(h.c.entry.id)) return false;
    }
    return true;
  });
}

function rank(hits: Hit[]): Hit[] {
  return hits.sort((a, b) => {
    const fa = a.c.entry.fallback ? 1 : 0;
    const fb = b.c.entry.fallback ? 1 : 0;
    if (fa !== fb) return fa - fb;
    const pa = a.c.entry.priority ?? 0;
    const pb = b.c.entry.priority ?? 0;
    if (pa !== pb) return pb - pa;
    const sa = SEVERITY_RANK[a.c.entry.severity];
    const sb = SEVERITY_RANK[b.c.entry.severity];
    if (sa !== sb) return sa - sb;
    if (a.index !== b.index) return a.index - b.index;
    return a.c.order - b.c.order;
  });
}

function toFinding(h: Hit, text: EntryText): Finding {
  const e = h.c.entry;
  const finding: Finding = {
    id: e.id,
    title: text.title,
    cause: h.detail ? `${text.cause} ${h.detail}` : text.cause,
    fix: text.fix,
    severity: e.severity,
    source: e.source,
    docs: e.docs.map((d) => ({ title: d.title, url: d.url })),
    match: h.match,
    index: h.index,
  };
  if (e.provider) finding.provider = e.provider;
  return finding;
}
