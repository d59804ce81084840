// The read-only "decoded view": a virtual document (scheme mailoauth-decoded) that shows a decode
// report. Inputs stay in memory only (never in the URI), and secrets are redacted until revealed.
import * as vscode from 'vscode';
import { AnalyzeOptions, analyzeSasl, renderDecodeReport, secretsOf } from '../core/report/decodeReport';
import { commandLines, renderCommandLines } from '../core/sasl/commandLines';
import type { OAuthMechanism } from '../core/sasl/mechanism';
import { redactSecret } from '../core/token/redact';

export const DECODED_SCHEME = 'mailoauth-decoded';
export const DECODED_LANGUAGE = 'mail-oauth-decoded';
const REVEALED_CONTEXT = 'mailOAuth.decodedView.revealed';

interface Entry {
  input: string;
  /** Hint, protocol and time of use, when the string came from a log line. */
  options: AnalyzeOptions;
  title: string;
  revealed: boolean;
  /** Set for a freshly encoded string: show the protocol lines that carry it. */
  commandLinesFor?: OAuthMechanism;
}

export class DecodedViewProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private nextId = 1;
  private readonly disposables: vscode.Disposable[] = [];

  constructor() {
    this.disposables.push(
      this.changed,
      vscode.window.onDidChangeActiveTextEditor((e) => this.updateContext(e)),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (doc.uri.scheme !== DECODED_SCHEME) return;
        // Setting the language closes and reopens the document: forget the entry only if it stays closed.
        const uri = doc.uri.toString();
        setTimeout(() => {
          if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri)) this.entries.delete(idOf(doc.uri));
        }, 2000);
      }),
    );
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.entries.clear();
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const entry = this.entries.get(idOf(uri));
    if (!entry) {
      return `${vscode.l10n.t('This decoded view is no longer available (decoded strings are kept in memory only, never on disk).')}\n${vscode.l10n.t('Run "Mail OAuth: Decode SASL String" again.')}\n`;
    }
    const report = analyzeSasl(entry.input, entry.options);
    const header = `${entry.title}\n${'='.repeat(entry.title.length)}\n\n`;
    const body = renderDecodeReport(report, {
      reveal: entry.revealed,
      revealHint: vscode.l10n.t('run "Mail OAuth: Reveal Secrets in Decoded View" (the eye icon in the editor title)'),
    });
    let lines = '';
    if (entry.commandLinesFor && report.decode.canonicalBase64) {
      const blob = entry.revealed ? report.decode.canonicalBase64 : redactSecret(report.decode.canonicalBase64);
      lines = renderCommandLines(commandLines(entry.commandLinesFor, blob)) + '\n';
    }
    return header + lines + body;
  }

  /** Opens a new decoded view for the input and returns its document. */
  async open(input: string, options: { title?: string; analyze?: AnalyzeOptions; commandLinesFor?: OAuthMechanism } = {}): Promise<vscode.TextDocument> {
    const id = String(this.nextId++);
    const analyze = options.analyze ?? {};
    const report = analyzeSasl(input, analyze);
    const mechanism = report.decode.message?.mechanism ?? 'invalid';
    const title = options.title ?? vscode.l10n.t('Decoded {0}', mechanism);
    this.entries.set(id, { input, options: analyze, title, revealed: false, commandLinesFor: options.commandLinesFor });
    const uri = vscode.Uri.from({ scheme: DECODED_SCHEME, path: `/${title} #${id}`, query: `id=${id}` });
    const doc = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(uri), DECODED_LANGUAGE);
    await vscode.window.showTextDocument(doc, { preview: false });
    this.updateContext(vscode.window.activeTextEditor);
    return doc;
  }

  setRevealed(uri: vscode.Uri, revealed: boolean): boolean {
    const entry = this.entries.get(idOf(uri));
    if (!entry) return false;
    entry.revealed = revealed;
    this.changed.fire(uri);
    void vscode.commands.executeCommand('setContext', REVEALED_CONTEXT, revealed);
    return true;
  }

  /** The secret (token or password) carried by the decoded string behind a view. */
  secretOf(uri: vscode.Uri): string | undefined {
    const entry = this.entries.get(idOf(uri));
    if (!entry) return undefined;
    return secretsOf(analyzeSasl(entry.input, entry.options).decode.message)[0];
  }

  private updateContext(editor: vscode.TextEditor | undefined): void {
    const entry = editor?.document.uri.scheme === DECODED_SCHEME ? this.entries.get(idOf(editor.document.uri)) : undefined;
    void vscode.commands.executeCommand('setContext', REVEALED_CONTEXT, entry?.revealed ?? false);
  }
}

function idOf(uri: vscode.Uri): string {
  return new URLSearchParams(uri.query).get('id') ?? '';
}

/** The decoded view the user is looking at, or a message saying there is none. */
export function activeDecodedUri(): vscode.Uri | undefined {
  const uri = vscode.window.activeTextEditor?.document.uri;
  return uri?.scheme === DECODED_SCHEME ? uri : undefined;
}
