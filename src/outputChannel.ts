// The extension's output channel ("Mail OAuth Debugger"). Callers pass messages that hold no secrets;
// errors are logged by message only (never with the input that caused them).
import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;

export function output(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('Mail OAuth Debugger', { log: true });
  return channel;
}

export function logError(what: string, err: unknown): void {
  output().error(`${what}: ${err instanceof Error ? err.message : String(err)}`);
}
