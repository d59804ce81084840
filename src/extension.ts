// Entry point: wiring only. activate() registers the extension's commands, views and providers.
import * as vscode from 'vscode';
import { registerDecodeCommands } from './commands/decode';
import { registerEncodeCommands } from './commands/encode';
import { registerLogCommands } from './hover/logCommands';
import { LogDiagnostics } from './hover/logDiagnostics';
import { logDocumentSelector } from './hover/logDocuments';
import { LogHoverProvider, RevealedBlobs } from './hover/logHoverProvider';
import { DECODED_SCHEME, DecodedViewProvider } from './views/decodedView';

export function activate(context: vscode.ExtensionContext): void {
  const decodedView = new DecodedViewProvider();
  const revealed = new RevealedBlobs();
  const hover = new LogHoverProvider(revealed);
  let hoverRegistration = vscode.languages.registerHoverProvider(logDocumentSelector(), hover);

  context.subscriptions.push(
    decodedView,
    vscode.workspace.registerTextDocumentContentProvider(DECODED_SCHEME, decodedView),
    ...registerEncodeCommands(context, decodedView),
    ...registerDecodeCommands(decodedView),
    ...registerLogCommands(decodedView, revealed),
    new LogDiagnostics(),
    { dispose: () => hoverRegistration.dispose() },
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('mailOAuth.logs')) return;
      hoverRegistration.dispose();
      hoverRegistration = vscode.languages.registerHoverProvider(logDocumentSelector(), hover);
    }),
  );
}

export function deactivate(): void {}
