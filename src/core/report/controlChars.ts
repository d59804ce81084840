// Control characters made visible: text from servers, blobs and files must not drive a terminal (clear
// the screen, set its title, fake a verdict) or reorder what a reader sees (bidirectional overrides).

/** C0 (but line feed and tab), DEL, C1, and the Unicode bidirectional controls and marks. */
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Shows each control character as an escape: `\x1b` for text, `\u001b` for JSON text (the same value
 * once parsed, so --json still carries the raw text). Line feeds and tabs stay: the caller's own layout.
 */
export function escapeControls(text: string, style: 'text' | 'json' = 'text'): string {
  return text.replace(CONTROLS, (c) => {
    const code = c.charCodeAt(0);
    return style === 'text' && code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
