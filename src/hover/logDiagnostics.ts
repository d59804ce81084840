// Problems-panel entries for log files: explained failure replies and auth blobs with errors. Scans
// run debounced after edits (longer for big files), in slices, and a newer edit cancels an older scan.
import * as vscode from 'vscode';
import { explainLine, explainPrefilter, Finding } from '../core/explain';
import { blobContext } from '../core/logs/lineContext';
import { scanLines } from '../core/logs/scanner';
import { reportFor } from '../core/report/decodeReport';
import { logError } from '../outputChannel';
import { LOGS_SECTION, logSettings } from '../settings';
import { diagnosticMessage } from './hoverContent';
import { isLogDocument, lineSource } from './logDocuments';

const SEVERITY: Record<Finding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export class LogDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('mail-oauth');
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly generation = new Map<string, number>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor() {
    this.disposables.push(
      this.collection,
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(LOGS_SECTION)) for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
      }),
    );
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }

  private enabled(): boolean {
    return logSettings().diagnostics;
  }

  private schedule(doc: vscode.TextDocument, delay?: number): void {
    const key = doc.uri.toString();
    if (!this.enabled() || !isLogDocument(doc)) {
      this.forget(doc.uri);
      return;
    }
    // Typing in a big log must not rescan it per keystroke: wait for a pause, longer for bigger files.
    const wait = delay ?? (doc.lineCount > 100_000 ? 1500 : doc.lineCount > 10_000 ? 600 : 250);
    clearTimeout(this.timers.get(key));
    const gen = (this.generation.get(key) ?? 0) + 1;
    this.generation.set(key, gen);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.scan(doc, gen).catch((err) => logError(vscode.l10n.t('Scanning {0} for auth problems failed', doc.uri.fsPath), err));
      }, wait),
    );
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.generation.set(key, (this.generation.get(key) ?? 0) + 1);
    this.collection.delete(uri);
  }

  private async scan(doc: vscode.TextDocument, gen: number): Promise<void> {
    const key = doc.uri.toString();
    const stale = () => doc.isClosed || this.generation.get(key) !== gen;
    const src = lineSource(doc);
    const result = await scanLines(src, { explainLine, explainPrefilter: explainPrefilter(), isCancelled: stale });
    if (result.cancelled || stale()) return;

    const diagnostics: vscode.Diagnostic[] = [];
    for (const { line, findings } of result.findings) {
      const f = findings[0];
      const d = new vscode.Diagnostic(new vscode.Range(line, f.index, line, f.index + f.match.length), diagnosticMessage(f), SEVERITY[f.severity]);
      d.source = 'Mail OAuth';
      d.code = f.docs[0] ? { value: f.id, target: vscode.Uri.parse(f.docs[0].url) } : f.id;
      diagnostics.push(d);
    }
    const now = new Date();
    for (const blob of result.blobs) {
      const report = reportFor(blob.result, { now, ...blobContext(src, blob, now) });
      const span = blob.spans[0];
      for (const p of report.problems.filter((x) => x.severity !== 'info')) {
        const d = new vscode.Diagnostic(
          new vscode.Range(span.line, span.start, span.line, span.end),
          vscode.l10n.t('{0} string: {1}', blob.result.message?.mechanism ?? 'SASL', p.message),
          p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
        );
        d.source = 'Mail OAuth';
        d.code = p.code;
        diagnostics.push(d);
      }
    }
    this.collection.set(doc.uri, diagnostics);
  }
}
