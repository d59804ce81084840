// Registers the protocol console: the palette command and the serializer that restores the panel
// (form and transcript, not the session) after a reload.
// Any extension can run the command with a form of its choosing: it is checked like the webview's
// messages, and may not turn certificate checking off (the person can).
import * as vscode from 'vscode';
import { output } from '../outputChannel';
import { ConsoleForm, validateForm } from './messages';
import { CONSOLE_VIEW_TYPE, ConsolePanel, defaultForm, OwnAccounts } from './consolePanel';

export function registerConsole(extensionUri: vscode.Uri, own: OwnAccounts): vscode.Disposable[] {
  ConsolePanel.useAccounts(own);
  return [
    vscode.commands.registerCommand('mailOAuth.openConsole', (form?: unknown) => {
      ConsolePanel.show(extensionUri, formArgument(form));
    }),
    vscode.window.registerWebviewPanelSerializer(CONSOLE_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel) {
        ConsolePanel.revive(panel, extensionUri);
      },
    }),
  ];
}

/** A caller's form: its fields over the default form must make a valid form, else it is ignored (and said so). */
function formArgument(raw: unknown): Partial<ConsoleForm> | undefined {
  if (raw === undefined || raw === null) return undefined;
  const given = typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined;
  const form = given && validateForm({ ...defaultForm(), ...given, verifyCertificate: true });
  if (!form) {
    output().warn(vscode.l10n.t('Protocol console: "Open Protocol Console" was run with a form that is not valid (by another extension?): it was ignored.'));
    void vscode.window.showWarningMessage(vscode.l10n.t('The protocol console was opened with settings that are not valid (by another extension?); they were ignored.'));
    return undefined;
  }
  // Only the fields the caller gave (the open console keeps its others); certificate checking stays on.
  const { verifyCertificate: _ignored, ...fields } = form;
  return Object.fromEntries(Object.entries(fields).filter(([k]) => k in given)) as Partial<ConsoleForm>;
}
