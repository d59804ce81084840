// What the sign-in tests read of the UI: the URLs vscode.env.openExternal opened (recorded by the harness
// from the browser's new tabs) and the Accounts view's text, for the Microsoft and the OpenID provider.
import * as fs from 'fs';
import * as vscode from 'vscode';
import { ui } from './ui';

export const openedUrlsFile = process.env.MAILOAUTH_OPENED_URLS_FILE || '';

/**
 * URLs opened in the browser (vscode.env.openExternal), as the harness recorded them. code-server is a
 * remote window: it opens a loopback URL of the remote machine through its port proxy
 * (http://<code-server>/proxy/<port>/<path>), which is mapped back here to the address behind it.
 */
export function openedUrls(): string[] {
  const lines = openedUrlsFile && fs.existsSync(openedUrlsFile) ? fs.readFileSync(openedUrlsFile, 'utf8').split('\n').filter(Boolean) : [];
  return lines.map((u) => {
    const m = /^https?:\/\/[^/]+\/proxy\/(\d+)(\/.*)$/.exec(u);
    return m ? `https://127.0.0.1:${m[1]}${m[2]}` : u;
  });
}

/** The sidebar's text once it matches (the Accounts view re-renders asynchronously). */
export async function waitForViewText(re: RegExp): Promise<string> {
  await vscode.commands.executeCommand('workbench.view.extension.mailOAuth');
  const deadline = Date.now() + 20_000;
  let last = '';
  while (Date.now() < deadline) {
    last = await ui.text('.part.sidebar', { timeoutMs: 5_000 }).catch(() => '');
    if (re.test(last)) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the Accounts view never matched ${re}; it showed: ${last}`);
}
