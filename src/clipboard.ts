// The clipboard as the commands use it: a copy is confirmed in the status bar (a notification per copy
// would pile up), and reading it for a pre-fill never fails a command (a browser may refuse or never answer).
import * as vscode from 'vscode';

/** How long a "copied" confirmation stays in the status bar. */
const CONFIRM_MS = 4000;
/** A browser asking for clipboard permission may never answer: the pre-fill is skipped after this. */
const READ_WAIT_MS = 1500;

export async function copyToClipboard(text: string, confirmation: string): Promise<void> {
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(`$(check) ${confirmation}`, CONFIRM_MS);
}

/** The clipboard's text, or '' when it cannot be read (no permission, no answer): quietly, it only pre-fills. */
export async function readClipboardQuietly(): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      Promise.resolve(vscode.env.clipboard.readText()).then((t) => (typeof t === 'string' ? t : '')),
      new Promise<string>((resolve) => (timer = setTimeout(() => resolve(''), READ_WAIT_MS))),
    ]);
  } catch {
    return '';
  } finally {
    clearTimeout(timer);
  }
}
