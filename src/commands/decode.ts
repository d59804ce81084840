// "Decode SASL String": decodes the selection (or asks for input) and opens the decoded view.
// Base64-level failures are shown at once; format problems are listed in the view.
import * as vscode from 'vscode';
import { copyToClipboard } from '../clipboard';
import { decodeSasl } from '../core/sasl/decode';
import { activeDecodedUri, DecodedViewProvider } from '../views/decodedView';

const BASE64_LEVEL = new Set(['empty', 'not-base64', 'mixed-alphabet', 'truncated', 'not-text']);

export function registerDecodeCommands(view: DecodedViewProvider): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('mailOAuth.decode', (input?: unknown) => decodeCommand(view, typeof input === 'string' ? input : undefined)),
    vscode.commands.registerCommand('mailOAuth.decodedView.reveal', () => setRevealed(view, true)),
    vscode.commands.registerCommand('mailOAuth.decodedView.hide', () => setRevealed(view, false)),
    vscode.commands.registerCommand('mailOAuth.decodedView.copyToken', () => copySecret(view)),
  ];
}

/** The message that stops a decode before anything can be shown, if any. */
function blockingProblem(input: string): string | undefined {
  const r = decodeSasl(input);
  if (r.message) return undefined;
  const p = r.problems.find((x) => x.severity === 'error' && BASE64_LEVEL.has(x.code));
  return p?.message;
}

async function decodeCommand(view: DecodedViewProvider, given?: string): Promise<vscode.TextDocument | undefined> {
  let input = given;
  const editor = vscode.window.activeTextEditor;
  if (input === undefined && editor && !editor.selection.isEmpty) {
    input = editor.document.getText(editor.selection);
  }
  if (input === undefined) {
    input = await vscode.window.showInputBox({
      title: vscode.l10n.t('Decode SASL String'),
      prompt: vscode.l10n.t('Paste a SASL string: base64, or a whole protocol line such as "A01 AUTHENTICATE XOAUTH2 dXNl…" or "334 eyJ…".'),
      placeHolder: 'dXNlcj1zb21ldXNlckBleGFtcGxlLmNvbQFhdXRo…',
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() === '' ? undefined : blockingProblem(v)),
    });
    if (input === undefined || input.trim() === '') return undefined;
  }
  const blocking = blockingProblem(input);
  if (blocking) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot decode: {0}', blocking));
    return undefined;
  }
  return view.open(input);
}

function setRevealed(view: DecodedViewProvider, revealed: boolean): void {
  const uri = activeDecodedUri();
  if (!uri || !view.setRevealed(uri, revealed)) {
    void vscode.window.showInformationMessage(noDecodedView());
  }
}

async function copySecret(view: DecodedViewProvider): Promise<void> {
  const uri = activeDecodedUri();
  const secret = uri && view.secretOf(uri);
  if (!secret) {
    void vscode.window.showInformationMessage(uri ? vscode.l10n.t('This decoded string carries no token or password.') : noDecodedView());
    return;
  }
  await copyToClipboard(secret, vscode.l10n.t('Copied to the clipboard.'));
}

function noDecodedView(): string {
  return vscode.l10n.t('Open a decoded view first ("Mail OAuth: Decode SASL String").');
}
