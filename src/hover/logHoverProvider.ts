// Hovers in log files: an auth blob under the cursor (also in the middle of a wrapped one) is decoded
// and checked; a failure reply is explained from the knowledge base.
import * as vscode from 'vscode';
import { blobAt, DetectedBlob } from '../core/sasl/detect';
import { BlobRef, hoverAt } from './hoverContent';
import { lineSource } from './logDocuments';

export interface LocatedBlob {
  blob: DetectedBlob;
  ref: BlobRef;
}

/** Finds the blob a command link points at (links carry positions, never secrets). */
export async function locateBlob(ref: BlobRef): Promise<LocatedBlob | undefined> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(ref.uri));
  if (ref.line >= doc.lineCount) return undefined;
  const blob = blobAt(lineSource(doc), ref.line, ref.character);
  return blob && { blob, ref };
}

/** Remembers which blobs the user chose to reveal, for this window only. */
export class RevealedBlobs {
  private readonly keys = new Set<string>();
  key(uri: string, blob: DetectedBlob): string {
    return `${uri}#${blob.startLine}:${blob.spans[0].start}`;
  }
  set(uri: string, blob: DetectedBlob, revealed: boolean): void {
    if (revealed) this.keys.add(this.key(uri, blob));
    else this.keys.delete(this.key(uri, blob));
  }
  has(uri: string, blob: DetectedBlob): boolean {
    return this.keys.has(this.key(uri, blob));
  }
  forgetDocument(uri: string): void {
    for (const k of [...this.keys]) if (k.startsWith(uri + '#')) this.keys.delete(k);
  }
}

export class LogHoverProvider implements vscode.HoverProvider {
  constructor(private readonly revealed: RevealedBlobs) {}

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const uri = doc.uri.toString();
    const found = hoverAt(lineSource(doc), position.line, position.character, { uri, isRevealed: (b) => this.revealed.has(uri, b) });
    if (!found) return undefined;
    const markdown = new vscode.MarkdownString(found.markdown, true);
    if (found.blob) markdown.isTrusted = { enabledCommands: HOVER_COMMANDS };
    return new vscode.Hover(markdown, new vscode.Range(found.line, found.start, found.line, found.end));
  }
}

export const HOVER_COMMANDS = ['mailOAuth.logs.copyUser', 'mailOAuth.logs.copySecret', 'mailOAuth.logs.revealSecret', 'mailOAuth.logs.hideSecret', 'mailOAuth.logs.openDecoded'];
