// Entry point: wiring only. activate() registers the extension's commands, views and providers.
import * as vscode from 'vscode';
import { registerDecodeCommands } from './commands/decode';
import { registerEncodeCommands } from './commands/encode';
import { DECODED_SCHEME, DecodedViewProvider } from './views/decodedView';

export function activate(context: vscode.ExtensionContext): void {
  const decodedView = new DecodedViewProvider();
  context.subscriptions.push(
    decodedView,
    vscode.workspace.registerTextDocumentContentProvider(DECODED_SCHEME, decodedView),
    ...registerEncodeCommands(context, decodedView),
    ...registerDecodeCommands(decodedView),
  );
}

export function deactivate(): void {}
