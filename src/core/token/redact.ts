// Redaction: secrets (tokens, passwords, client secrets) are shown shortened unless the user asks.

/** Shortens a secret so it can be recognised but not used: "eyJ0eX…Q2cw (1480 chars)". */
export function redactSecret(secret: string): string {
  if (secret.length === 0) return '(empty)';
  if (secret.length < 24) return `${'•'.repeat(6)} (${secret.length} chars)`;
  return `${secret.slice(0, 6)}…${secret.slice(-4)} (${secret.length} chars)`;
}

/** Replaces every occurrence of each secret in a text with its redacted form. */
export function redactText(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  const list = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 4);
  // Longest first, so a secret that contains another is replaced whole.
  list.sort((a, b) => b.length - a.length);
  for (const secret of list) out = out.split(secret).join(redactSecret(secret));
  return out;
}

// Runs of 24+ token characters (an opaque token, a JWT segment and its dotted continuation).
const TOKEN_LIKE = /[A-Za-z0-9\-_~+/]{24,}=*(?:\.[A-Za-z0-9\-_~+/=]*)*/g;

/** Redacts anything that looks like a token in text whose secrets could not be located exactly. */
export function redactTokenLike(text: string): string {
  return text.replace(TOKEN_LIKE, (m) => redactSecret(m));
}

/**
 * Pieces of a secret this long or longer are redacted wherever they appear (a server that echoes the
 * login split over lines or inside a literal): 16 base64 characters are 96 bits, never an accident.
 */
export const FRAGMENT_CHARS = 16;

/** Every FRAGMENT_CHARS-long piece of the secrets, for redactFragments. Cost: the secrets' total length. */
export function secretFragments(secrets: readonly string[]): Set<string> {
  const grams = new Set<string>();
  for (const s of secrets) for (let i = 0; i + FRAGMENT_CHARS <= s.length; i++) grams.add(s.slice(i, i + FRAGMENT_CHARS));
  return grams;
}

/**
 * Where in `text` pieces of the secrets appear, as merged [start, end) ranges. Linear in the text: only
 * windows inside a run of characters that occur in the secrets are looked up (ordinary text has no such
 * run of 16).
 */
export function fragmentRanges(text: string, grams: ReadonlySet<string>): [number, number][] {
  const ranges: [number, number][] = [];
  if (grams.size === 0 || text.length < FRAGMENT_CHARS) return ranges;
  const inSecrets = alphabetOf(grams);
  let run = 0;
  for (let end = 1; end <= text.length; end++) {
    run = inSecrets[text.charCodeAt(end - 1)] ? run + 1 : 0;
    if (run < FRAGMENT_CHARS) continue;
    const start = end - FRAGMENT_CHARS;
    if (!grams.has(text.slice(start, end))) continue;
    const last = ranges[ranges.length - 1];
    if (last && start <= last[1]) last[1] = end;
    else ranges.push([start, end]);
  }
  return ranges;
}

/** Which UTF-16 code units occur in the pieces, computed once per set: a transcript checks every line against the same set. */
const alphabets = new WeakMap<ReadonlySet<string>, Uint8Array>();
function alphabetOf(grams: ReadonlySet<string>): Uint8Array {
  let alphabet = alphabets.get(grams);
  if (!alphabet) {
    alphabet = new Uint8Array(0x10000);
    for (const g of grams) for (let i = 0; i < g.length; i++) alphabet[g.charCodeAt(i)] = 1;
    alphabets.set(grams, alphabet);
  }
  return alphabet;
}

/** Replaces the given ranges of a text by a marker that says how much was taken out. */
export function cutRanges(text: string, ranges: readonly [number, number][], what = 'the login'): string {
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    out += `${text.slice(at, start)}[redacted: ${end - start} chars of ${what}]`;
    at = end;
  }
  return out + text.slice(at);
}

/** Removes every piece (FRAGMENT_CHARS or longer) of the secrets from a text. */
export function redactFragments(text: string, grams: ReadonlySet<string>): string {
  return cutRanges(text, fragmentRanges(text, grams));
}
