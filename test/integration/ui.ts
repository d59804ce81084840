// UI bridge: lets integration tests (running in the extension host) drive the real workbench the way a
// person does — type into / press keys in showInputBox and showQuickPick prompts, take screenshots —
// which the vscode API cannot do. Works only under the code-server harness (scripts/run-tests.js).
//
// Mechanism: each call writes `req-<id>.json` into $MAILOAUTH_UI_BRIDGE_DIR; the harness
// (scripts/vscode/uiBridge.js) polls that folder every ~50 ms, performs the request with Playwright's
// page.keyboard / page.screenshot, and writes `res-<id>.json` ({ ok, error?, path? }), which we poll for.
//
// Quick input waiting: type() and press() by default first wait (up to 10 s) until the quick input
// widget (`.quick-input-widget`, used by showInputBox/showQuickPick) is visible, and make sure the
// keyboard focus is inside it, so a test can call `ui.type()` right after starting a command without
// racing the prompt. Pressing Enter/Escape/Tab on a visible quick input then waits (up to 1.5 s) for that
// prompt to close, so a following ui.type() is not mistaken for the old prompt (it stays open when
// input validation rejects the value, which costs that 1.5 s). Pass `{ waitForQuickInput: false }` to
// send keys to whatever has focus (for example an editor) without any of this.
//
// ui.text(selector) and ui.click(selector) read / click the first *visible* element matching a CSS
// selector (waiting up to 10 s), e.g. ui.text('.quick-input-message') for a validation message.
//
// `ui.available` is false when MAILOAUTH_UI_BRIDGE_DIR is not set (desktop @vscode/test-electron run);
// tests that need the bridge should then call `this.skip()`.
import * as fs from 'fs';
import * as path from 'path';

export interface KeyOptions {
  /** Wait for a visible quick input (showInputBox/showQuickPick) first. Default true. */
  waitForQuickInput?: boolean;
  /** How long to wait for the response from the harness. Default 30 s. */
  timeoutMs?: number;
}

export interface ScreenshotOptions {
  /** Folder to write `<name>.png` into; default $MAILOAUTH_SCREENSHOT_DIR, else <results dir>/screenshots. */
  dir?: string;
  /** CSS selector: capture only that element (first match) instead of the whole window. */
  selector?: string;
  /** Move the mouse off what it rests on first (to the element's bottom edge), so no tooltip covers the picture. */
  mouseAway?: boolean;
  timeoutMs?: number;
}

const bridgeDir = process.env.MAILOAUTH_UI_BRIDGE_DIR || '';
let counter = 0;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Sends one request to the harness and waits for its answer. */
async function request(action: string, args: Record<string, unknown>, timeoutMs = 30_000): Promise<{ path?: string; text?: string; count?: number }> {
  if (!bridgeDir) throw new Error('UI bridge not available (MAILOAUTH_UI_BRIDGE_DIR is not set); skip this test');
  const id = `${process.pid}-${String(++counter).padStart(6, '0')}`;
  const reqFile = path.join(bridgeDir, `req-${id}.json`);
  const resFile = path.join(bridgeDir, `res-${id}.json`);
  // Write then rename, so the harness never reads a half-written request.
  fs.writeFileSync(reqFile + '.tmp', JSON.stringify({ id, action, ...args }));
  fs.renameSync(reqFile + '.tmp', reqFile);

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (fs.existsSync(resFile)) {
      const res = JSON.parse(fs.readFileSync(resFile, 'utf8')) as { ok: boolean; error?: string; path?: string; text?: string; count?: number };
      fs.rmSync(resFile, { force: true });
      if (!res.ok) throw new Error(`UI bridge ${action} failed: ${res.error}`);
      return res;
    }
    await sleep(25);
  }
  fs.rmSync(reqFile, { force: true });
  throw new Error(`UI bridge ${action}: no answer from the harness within ${timeoutMs} ms`);
}

export const ui = {
  available: bridgeDir !== '',

  /** Types text as keystrokes (texts over 200 characters are inserted at once, like a paste). */
  async type(text: string, options: KeyOptions = {}): Promise<void> {
    await request('type', { text, waitForQuickInput: options.waitForQuickInput ?? true }, options.timeoutMs);
  },

  /** Presses one key or chord, in Playwright's names: 'Enter', 'Escape', 'ArrowDown', 'Control+A'. */
  async press(key: string, options: KeyOptions = {}): Promise<void> {
    await request('press', { key, waitForQuickInput: options.waitForQuickInput ?? true }, options.timeoutMs);
  },

  /** Text (innerText) of the first visible element matching a CSS selector, waiting up to 10 s for one. */
  async text(selector: string, options: { timeoutMs?: number } = {}): Promise<string> {
    const res = await request('text', { selector }, options.timeoutMs);
    return res.text ?? '';
  },

  /** Clicks the first visible element matching a CSS selector (an editor title button, a tree item...). */
  async click(selector: string, options: { timeoutMs?: number } = {}): Promise<void> {
    await request('click', { selector }, options.timeoutMs);
  },

  /**
   * Drives the content of the (last opened) webview panel, which lives in nested iframes: fill inputs,
   * choose options, tick boxes, click, read text. Values typed here are never logged.
   */
  webview: {
    async fill(selector: string, value: string): Promise<void> {
      await request('webview', { op: 'fill', selector, value });
    },
    async select(selector: string, value: string): Promise<void> {
      await request('webview', { op: 'select', selector, value });
    },
    async check(selector: string, checked: boolean): Promise<void> {
      await request('webview', { op: 'check', selector, value: checked });
    },
    async click(selector: string): Promise<void> {
      await request('webview', { op: 'click', selector });
    },
    async press(selector: string, key: string): Promise<void> {
      await request('webview', { op: 'press', selector, value: key });
    },
    async text(selector: string): Promise<string> {
      return (await request('webview', { op: 'text', selector })).text ?? '';
    },
    /** Waits until the element's text contains `text`; returns the whole text. */
    async waitForText(selector: string, text: string, timeoutMs = 20_000): Promise<string> {
      return (await request('webview', { op: 'waitForText', selector, value: text, timeoutMs }, timeoutMs + 5_000)).text ?? '';
    },
    /** Runs `(el) => …` (given as source) on the element inside the webview; returns its JSON result. */
    async evaluate<T>(selector: string, fnSource: string, timeoutMs = 30_000): Promise<T> {
      return JSON.parse((await request('webview', { op: 'evaluate', selector, value: fnSource }, timeoutMs)).text ?? 'null') as T;
    },
    /**
     * Runs `(iframe) => …` in the webview's outer frame, the one VS Code gives every webview: its
     * `window.__vscode_post_message__('onmessage', { message })` is how the content's postMessage reaches the extension.
     */
    async evaluateHost<T>(fnSource: string, timeoutMs = 30_000): Promise<T> {
      return JSON.parse((await request('webview', { op: 'evaluateHost', selector: 'body', value: fnSource }, timeoutMs)).text ?? 'null') as T;
    },
  },

  /**
   * Browser console lines (from the workbench and every webview frame) matching `pattern`, seen after
   * the first `since` lines; also returns how many lines there are now (the next `since`).
   */
  async consoleMessages(pattern: string, since = 0): Promise<{ lines: string[]; count: number }> {
    const res = await request('consoleMessages', { pattern, since });
    return { lines: JSON.parse(res.text ?? '[]') as string[], count: res.count ?? 0 };
  },

  /** Dumps the browser's localStorage, sessionStorage and every IndexedDB store as text into `file`. */
  async browserStorage(file: string): Promise<string> {
    return (await request('browserStorage', { path: file }, 60_000)).path ?? file;
  },

  /** Screenshots the browser page (the whole VS Code window) and returns the PNG's path. */
  async screenshot(name: string, options: ScreenshotOptions = {}): Promise<string> {
    const dir = options.dir || process.env.MAILOAUTH_SCREENSHOT_DIR || path.join(process.env.MAILOAUTH_TEST_RESULTS_DIR || bridgeDir, 'screenshots');
    const file = path.resolve(dir, `${name}.png`);
    const res = await request('screenshot', { path: file, selector: options.selector, mouseAway: options.mouseAway }, options.timeoutMs);
    return res.path || file;
  },
};
