// A bare access token logged as a field, as Dovecot's auth debug lines do ("passdb out: OK 1 user=...
// token=eyJ..."): found under a hover position by looking at a bounded window of the line only.
/** Longest token value considered (real access tokens are a few KB). */
const MAX_TOKEN_CHARS = 16 * 1024;
// "token=" as a field of its own: not "auth_token=" (Dovecot's session hash) or "refresh_token=".
const FIELD = /(?:^|[\s,;(\t])(?:access_)?token=([A-Za-z0-9\-._~+/]{16,}=*)/g;

export interface TokenField {
  token: string;
  /** Character range of the value on its line. */
  start: number;
  end: number;
}

/** The token=... value under a character of a line, if any. Costs at most about MAX_TOKEN_CHARS, whatever the line's length. */
export function tokenFieldAt(text: string, character: number): TokenField | undefined {
  const from = Math.max(0, character - MAX_TOKEN_CHARS - 16);
  const window = text.slice(from, Math.min(text.length, character + MAX_TOKEN_CHARS + 16));
  FIELD.lastIndex = 0;
  for (let m = FIELD.exec(window); m; m = FIELD.exec(window)) {
    const start = from + m.index + m[0].length - m[1].length;
    const end = start + m[1].length;
    if (start > character) break;
    if (character <= end && m[1].length <= MAX_TOKEN_CHARS) return { token: m[1], start, end };
  }
  return undefined;
}

/** The first token=... value of a (short) line: what `decode` given a whole Dovecot auth line points to. */
export function firstTokenField(text: string): string | undefined {
  FIELD.lastIndex = 0;
  const m = FIELD.exec(text.slice(0, 4 * MAX_TOKEN_CHARS));
  FIELD.lastIndex = 0;
  return m && m[1].length <= MAX_TOKEN_CHARS ? m[1] : undefined;
}
