// Fills `{0}`-style placeholders; DOM-free, so plain-Node unit tests check it.

/** Puts values into a `{0}`-style template (the placeholders vscode.l10n.t keeps in translations). */
export function format(template: string, ...args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (match, i: string) => {
    const v = args[Number(i)];
    return v === undefined ? match : typeof v === 'number' ? v.toLocaleString() : v;
  });
}
