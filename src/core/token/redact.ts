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
