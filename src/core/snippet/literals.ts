// String literals for each target language: any value (quotes, backslashes, line breaks, non-ASCII, `$`,
// Java's \u pre-processing) becomes a literal that the language reads back as exactly that value.
// Values are only ever put into literals, never into comments, where no escape exists.

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/** Python 3 str literal: \xNN, \uNNNN and \UNNNNNNNN escapes (a surrogate pair would make two lone surrogates). */
export function pythonString(value: string): string {
  let out = '"';
  for (const ch of value) {
    const cp = ch.codePointAt(0)!;
    if (ch === '\\' || ch === '"') out += `\\${ch}`;
    else if (cp >= 0x20 && cp < 0x7f) out += ch;
    else if (cp < 0x100) out += `\\x${hex(cp, 2)}`;
    else if (cp < 0x10000) out += `\\u${hex(cp, 4)}`;
    else out += `\\U${hex(cp, 8)}`;
  }
  return out + '"';
}

/** C-family literal with UTF-16 \uNNNN escapes (JavaScript, C#). */
function utf16String(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    const c = value.charCodeAt(i);
    if (ch === '\\' || ch === '"') out += `\\${ch}`;
    else if (c >= 0x20 && c < 0x7f) out += ch;
    else out += `\\u${hex(c, 4)}`;
  }
  return out + '"';
}

export const javascriptString = utf16String;
export const csharpString = utf16String;

/**
 * Java literal. Java turns \uNNNN into characters before it reads the source, so \u000a or \u0022 would end
 * the literal: control characters and the quote get octal or simple escapes; \uNNNN only for non-ASCII, where
 * the character it yields cannot end a literal. A backslash in the value is doubled, so `\u` in the value is
 * never read as an escape (a \u preceded by an odd number of backslashes is not one).
 */
export function javaString(value: string): string {
  const simple: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f', '"': '\\"', '\\': '\\\\' };
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    const c = value.charCodeAt(i);
    if (simple[ch]) out += simple[ch];
    else if (c < 0x20 || c === 0x7f) out += `\\${c.toString(8).padStart(3, '0')}`;
    else if (c < 0x7f) out += ch;
    else out += `\\u${hex(c, 4)}`;
  }
  return out + '"';
}

/** PHP double-quoted literal: `$` escaped against interpolation, \xNN for control bytes, \u{…} for non-ASCII. */
export function phpString(value: string): string {
  let out = '"';
  for (const ch of value) {
    const cp = ch.codePointAt(0)!;
    if (ch === '\\' || ch === '"' || ch === '$') out += `\\${ch}`;
    else if (cp >= 0x20 && cp < 0x7f) out += ch;
    else if (cp < 0x80) out += `\\x${hex(cp, 2)}`;
    else out += `\\u{${hex(cp, 4)}}`;
  }
  return out + '"';
}

/**
 * PowerShell single-quoted literal: nothing is expanded; a quote is doubled. PowerShell also takes the
 * typographic single quotes (U+2018–U+201B) as quotes, so they are doubled too. Control characters cannot be
 * written in a single-quoted string: callers refuse them before.
 */
export function powershellString(value: string): string {
  return `'${value.replace(/['\u2018\u2019\u201a\u201b]/g, (q) => q + q)}'`;
}
