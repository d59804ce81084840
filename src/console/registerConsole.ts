// Registers the protocol console: the palette command and the serializer that restores the panel
// (form and transcript, not the session) after a reload.
import * as vscode from 'vscode';
import { ConsoleForm } from './messages';
import { CONSOLE_VIEW_TYPE, ConsolePanel, OwnAccounts } from './consolePanel';

export function registerConsole(extensionUri: vscode.Uri, own: OwnAccounts): vscode.Disposable[] {
  ConsolePanel.useAccounts(own);
  return [
    vscode.commands.registerCommand('mailOAuth.openConsole', (form?: Partial<ConsoleForm>) => {
      ConsolePanel.show(extensionUri, typeof form === 'object' && form !== null ? form : undefined);
    }),
    vscode.window.registerWebviewPanelSerializer(CONSOLE_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel) {
        ConsolePanel.revive(panel, extensionUri);
      },
    }),
  ];
}
