// The protocol console's Content Security Policy: nothing by default, scripts only by nonce (no inline
// script, no eval), styles, images and fonts only from the extension's media folder, no remote origin.

export function consoleCsp(cspSource: string, nonce: string): string {
  return [`default-src 'none'`, `style-src ${cspSource}`, `script-src 'nonce-${nonce}'`, `img-src ${cspSource}`, `font-src ${cspSource}`].join('; ');
}
