// What the sign-in tests read of the UI: the URLs vscode.env.openExternal opened (recorded by the harness
// from the browser's new tabs), the Accounts view's text, the device code's notification and the output
// channel, for the Microsoft and the OpenID providers; and a browser sign-in driven through them.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { TestHooks } from '../../src/extension';
import type { IdentityBrowser } from '../servers/identityBrowser';
import { outputChannelText } from './hooks';
import { ui } from './ui';
import { waitFor } from './wait';

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

/**
 * Runs a sign-in command and plays the browser at the authorization URL it opens (the first opened URL
 * whose path contains `authorizePath`), checking its redirect URI; returns the command's result and that URL.
 */
export function signInThroughBrowser<T>(browser: IdentityBrowser, command: string, arg: unknown, expect: { authorizePath: string; redirect: RegExp }): Promise<{ result: T; url: URL }> {
  return playBrowserSignIn(browser, () => vscode.commands.executeCommand<T>(command, arg), expect);
}

/** As signInThroughBrowser, for a sign-in started some other way (a click in the Accounts view). */
export async function playBrowserSignIn<T>(browser: IdentityBrowser, start: () => Thenable<T>, expect: { authorizePath: string; redirect: RegExp }): Promise<{ result: T; url: URL }> {
  const seen = openedUrls().length;
  const running = start();
  const opened = await waitFor(
    'the browser tab opened by openExternal',
    () =>
      openedUrls()
        .slice(seen)
        .find((u) => new URL(u).pathname.includes(expect.authorizePath)),
    30_000,
  );
  const url = new URL(opened);
  assert.match(url.searchParams.get('redirect_uri') ?? '', expect.redirect);
  const last = await browser.signIn(opened);
  assert.match(last.body, /signed in/i, 'the loopback answered the browser');
  return { result: await running, url };
}

/** Reads the notification center until a device code appears; returns the page and the code. */
export async function deviceCodeNotification(): Promise<{ uri: string; code: string }> {
  let last = '';
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    await vscode.commands.executeCommand('notifications.showList');
    last = await ui.text('.notifications-center', { timeoutMs: 5_000 }).catch(() => '');
    const m = /open (https:\/\/\S+?) and enter the code ([A-Z0-9-]+)/.exec(last);
    if (m) return { uri: m[1]!, code: m[2]! };
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no device code notification; notifications showed: ${last}`);
}

/** The output channel's text once it matches `re` (it is written asynchronously). */
export async function waitForLog(hooks: TestHooks, re: RegExp): Promise<string> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const text = await outputChannelText(hooks);
    if (re.test(text)) return text;
    if (Date.now() > deadline) throw new Error(`the output channel never matched ${re}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
