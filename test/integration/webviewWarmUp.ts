// code-server only: VS Code's web workbench loads a webview's content only once its webview service
// worker controls the webview's frame. Before the tests, one throw-away webview is opened and waited
// for, so that a slow first start of that service worker is seen here, once, with a clear message.
import * as crypto from 'crypto';
import * as vscode from 'vscode';
import { ui } from './ui';

export async function warmUpWebviews(log: (line: string) => void, timeoutMs = 240_000): Promise<void> {
  const started = Date.now();
  const panel = vscode.window.createWebviewPanel('mailOAuth.testWarmUp', 'Webview warm-up', vscode.ViewColumn.Active, { enableScripts: true });
  const nonce = crypto.randomBytes(16).toString('base64');
  panel.webview.html = `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-${nonce}'"></head><body>warm-up<script nonce="${nonce}">acquireVsCodeApi().postMessage('loaded');</script></body></html>`;
  let timer: NodeJS.Timeout | undefined;
  let probe: NodeJS.Timeout | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      panel.webview.onDidReceiveMessage(() => resolve());
      timer = setTimeout(() => reject(new Error(`the first webview did not load within ${timeoutMs / 1000} s (VS Code's webview service worker never took control of it)`)), timeoutMs);
      // Every 20 s while waiting: the webview frames' state, in the harness log.
      probe = setInterval(() => void ui.webview.text('#warm-up-probe').catch(() => undefined), 20_000);
    });
    log(`webview warm-up: the first webview loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    clearTimeout(timer);
    clearInterval(probe);
    panel.dispose();
  }
}
