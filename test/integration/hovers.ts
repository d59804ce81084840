// Our hovers as the integration tests read them: the text of the extension's hover at a position, and
// Markdown escapes removed so that assertions read like the rendered hover.
import * as vscode from 'vscode';

/** The text of our hover at a position ('' when there is none). */
export async function hoverText(doc: vscode.TextDocument, line: number, character: number): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, character))) ?? [];
  return hovers
    .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
    .filter((v) => v.includes('Mail OAuth'))
    .join('\n');
}

/** Markdown escapes removed, so assertions read like the rendered hover. */
export const plain = (s: string): string => s.replace(/\\([\\`*_[\]<>|~$])/g, '$1');
