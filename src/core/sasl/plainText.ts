// An XOAUTH2 or OAUTHBEARER string pasted or logged as text, before its base64 encoding (Postfix's
// "uncoded initial reply: user=…\001auth=Bearer …", a program's debug print, a snippet from a forum):
// found in a line with its separators in whatever form the tool wrote them, and read as the real string.

/**
 * The forms the separator byte 0x01 takes in logs and code: the byte, C/Python/JS escapes (journald writes
 * \001), rsyslog's #001, ^A, %01, ␁.
 */
const SEPARATOR = String.raw`(?:\x01|\\x01|\\001|\\u0001|#001|\^A|%01|␁)`;
/** A field value: no whitespace, no separator form, bounded (a token is a few KB). */
const VALUE = String.raw`[^\s\x01\\^%#␁]`;
// Fields between user= and auth= (curl 7.x sent host= and port= in XOAUTH2 too) are kept, for the parser to name.
const XOAUTH2_TEXT = new RegExp(
  String.raw`(?<![A-Za-z0-9_])user=${VALUE}{0,320}${SEPARATOR}(?:(?!auth=)[a-z]{1,20}=${VALUE}{0,300}${SEPARATOR}){0,4}auth=${VALUE}{1,20} ${VALUE}{1,20000}(?:${SEPARATOR}){0,3}`,
  'i',
);
const OAUTHBEARER_TEXT = new RegExp(
  String.raw`(?<![A-Za-z0-9_])[ny],(?:a=[^\s,\x01\\^%#␁]{0,320})?,${SEPARATOR}(?:[a-z]{1,20}=${VALUE}{0,300}${SEPARATOR}){0,4}auth=${VALUE}{1,20} ${VALUE}{1,20000}(?:${SEPARATOR}){0,3}`,
  'i',
);
const SEPARATORS = new RegExp(SEPARATOR, 'g');
const FIRST_SEPARATOR = new RegExp(SEPARATOR, 'i');
/** Lines longer than this are not searched (a login string is at most a few KB; costs stay bounded). */
const MAX_LINE_CHARS = 128 * 1024;

export interface PlainSaslText {
  mechanism: 'XOAUTH2' | 'OAUTHBEARER';
  /** Where the string is in the line it was found in. */
  start: number;
  end: number;
  /** The string with every separator form turned into the byte 0x01. */
  text: string;
  /** How the separator was written ("\x01" when it is the byte itself). */
  separator: string;
}

/** The first XOAUTH2/OAUTHBEARER string written as text in a line, if any. */
export function plainSaslIn(line: string): PlainSaslText | undefined {
  if (line.length > MAX_LINE_CHARS || !/auth=/i.test(line)) return undefined;
  const x = XOAUTH2_TEXT.exec(line);
  const o = OAUTHBEARER_TEXT.exec(line);
  const m = x && (!o || x.index <= o.index) ? x : o;
  if (!m) return undefined;
  const separator = FIRST_SEPARATOR.exec(m[0])?.[0] ?? '\x01';
  return { mechanism: m === x ? 'XOAUTH2' : 'OAUTHBEARER', start: m.index, end: m.index + m[0].length, text: m[0].replace(SEPARATORS, '\x01'), separator };
}
