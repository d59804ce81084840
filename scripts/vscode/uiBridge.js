// Harness side of the UI bridge (see test/integration/ui.ts): polls a folder for `req-<id>.json` files
// written by tests in the extension host, performs them on the Playwright page, answers in `res-<id>.json`.
const fs = require('fs');
const path = require('path');

const QUICK_INPUT = '.quick-input-widget';
const CLOSING_KEYS = new Set(['Enter', 'Escape', 'Tab']);
/** Browser console lines seen since the bridge started. */
const consoleLog = [];

/** Waits until the quick input widget is visible and the keyboard focus is inside it. */
async function focusQuickInput(page) {
  const widget = page.locator(QUICK_INPUT);
  await widget.waitFor({ state: 'visible', timeout: 10_000 }).catch(() => {
    throw new Error('no visible quick input (showInputBox/showQuickPick) within 10 s');
  });
  const focused = await widget.evaluate((el) => el.contains(document.activeElement));
  if (!focused) await widget.locator('input').first().focus();
}

/** Performs one request; returns the extra fields of the answer. */
async function perform(page, req) {
  switch (req.action) {
    case 'type': {
      if (req.waitForQuickInput) await focusQuickInput(page);
      if (req.text.length > 200) await page.keyboard.insertText(req.text);
      else await page.keyboard.type(req.text);
      return {};
    }
    case 'press': {
      const quick = req.waitForQuickInput;
      if (quick) await focusQuickInput(page);
      await page.keyboard.press(req.key);
      // Let an accepted/cancelled prompt close before the test's next step looks for a prompt.
      if (quick && CLOSING_KEYS.has(req.key)) {
        await page
          .locator(QUICK_INPUT)
          .waitFor({ state: 'hidden', timeout: 1_500 })
          .catch(() => {});
      }
      return {};
    }
    case 'text': {
      const el = page.locator(req.selector).filter({ visible: true }).first();
      await el.waitFor({ state: 'visible', timeout: 10_000 });
      return { text: await el.innerText() };
    }
    case 'click': {
      await page.locator(req.selector).filter({ visible: true }).first().click({ timeout: 10_000 });
      return {};
    }
    case 'webview': {
      // A webview is two nested iframes: the outer host frame and the content frame (#active-frame).
      const frame = page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
      const target = frame.locator(req.selector).first();
      switch (req.op) {
        case 'fill':
          await target.fill(req.value, { timeout: 10_000 });
          return {};
        case 'select':
          await target.selectOption(req.value, { timeout: 10_000 });
          return {};
        case 'check':
          await target.setChecked(Boolean(req.value), { timeout: 10_000 });
          return {};
        case 'click':
          await target.click({ timeout: 10_000 });
          return {};
        case 'press':
          await target.press(req.value, { timeout: 10_000 });
          return {};
        case 'text':
          await target.waitFor({ state: 'attached', timeout: 10_000 });
          return { text: await target.innerText() };
        case 'waitForText': {
          const deadline = Date.now() + (req.timeoutMs || 20_000);
          for (;;) {
            const text = await target.innerText({ timeout: 10_000 }).catch(() => '');
            if (text.includes(req.value)) return { text };
            if (Date.now() > deadline) throw new Error(`"${req.value}" did not appear in ${req.selector}; it shows: ${text.slice(-500)}`);
            await new Promise((r) => setTimeout(r, 100));
          }
        }
        case 'evaluate':
          // Measures inside the webview (e.g. frame gaps): the expression is the test's own code.
          return { text: JSON.stringify(await target.evaluate((el, expr) => new Function('el', `return (${expr})(el)`)(el), req.value)) };
        case 'evaluateHost': {
          // In the webview's outer (host) frame, which relays the content frame's messages to VS Code
          // (window.__vscode_post_message__): tests post what a misbehaving webview script could post.
          const host = page.frameLocator('iframe.webview.ready').last().locator('#active-frame');
          return { text: JSON.stringify(await host.evaluate((el, expr) => new Function('el', `return (${expr})(el)`)(el), req.value)) };
        }
        default:
          throw new Error(`unknown webview op ${JSON.stringify(req.op)}`);
      }
    }
    case 'consoleMessages':
      // Browser console lines (every frame, webviews included) that match the pattern, from index `since`.
      return { text: JSON.stringify(consoleLog.slice(req.since || 0).filter((l) => new RegExp(req.pattern).test(l))), count: consoleLog.length };
    case 'browserStorage': {
      // Everything the browser keeps for the workbench (code-server stores global/workspace state and
      // webview state in IndexedDB, secrets in localStorage): dumped as text into req.path for sweeps.
      const dump = await page.evaluate(async () => {
        const text = (v) => (v instanceof ArrayBuffer || ArrayBuffer.isView(v) ? new TextDecoder().decode(v) : typeof v === 'string' ? v : JSON.stringify(v));
        const out = [];
        for (let i = 0; i < localStorage.length; i++) out.push(`localStorage ${localStorage.key(i)} = ${localStorage.getItem(localStorage.key(i))}`);
        for (let i = 0; i < sessionStorage.length; i++) out.push(`sessionStorage ${sessionStorage.key(i)} = ${sessionStorage.getItem(sessionStorage.key(i))}`);
        for (const info of await indexedDB.databases()) {
          const db = await new Promise((resolve, reject) => {
            const r = indexedDB.open(info.name);
            r.onsuccess = () => resolve(r.result);
            r.onerror = () => reject(r.error);
          });
          for (const store of Array.from(db.objectStoreNames)) {
            const [keys, values] = await new Promise((resolve, reject) => {
              const tx = db.transaction(store, 'readonly');
              const k = tx.objectStore(store).getAllKeys();
              const v = tx.objectStore(store).getAll();
              tx.oncomplete = () => resolve([k.result, v.result]);
              tx.onerror = () => reject(tx.error);
            });
            keys.forEach((key, i) => out.push(`indexedDB ${info.name}/${store} ${text(key)} = ${text(values[i])}`));
          }
          db.close();
        }
        return out.join('\n');
      });
      fs.mkdirSync(path.dirname(req.path), { recursive: true });
      fs.writeFileSync(req.path, dump);
      return { path: req.path };
    }
    case 'screenshot': {
      fs.mkdirSync(path.dirname(req.path), { recursive: true });
      if (req.mouseAway) {
        // A tooltip shows where the mouse rests (the last clicked row): move to the bottom edge, let it close.
        const box = await page
          .locator(req.selector || 'body')
          .first()
          .boundingBox();
        if (box) await page.mouse.move(box.x + 4, box.y + box.height - 4);
        await page
          .locator('.workbench-hover-container')
          .first()
          .waitFor({ state: 'hidden', timeout: 3_000 })
          .catch(() => {});
      }
      if (req.selector) await page.locator(req.selector).first().screenshot({ path: req.path, timeout: 10_000 });
      else await page.screenshot({ path: req.path });
      return { path: req.path };
    }
    default:
      throw new Error(`unknown action ${JSON.stringify(req.action)}`);
  }
}

/**
 * What the webview frames look like, for the debug log when a webview request fails: each webview's
 * outer frame, and in the content frame its ready state, scripts, and how its resources loaded.
 */
async function describeWebviews(page) {
  const lines = [];
  for (const frame of page.frames()) {
    if (!/\/webview\//.test(frame.url())) continue; // VS Code's webview host (index.html) and content (fake.html) frames
    const info = await frame
      .evaluate(() => ({
        readyState: document.readyState,
        title: document.title,
        bodyChars: document.body ? document.body.innerHTML.length : -1,
        scripts: Array.from(document.scripts).map((s) => s.src || '(inline)'),
        resources: performance.getEntriesByType('resource').map((e) => `${e.name.replace(/\?.*$/, '')} status=${e.responseStatus} ${Math.round(e.duration)} ms`),
        // VS Code's webview host marks its steps (scriptStart, content/started, content/workerReady, ...).
        marks: performance.getEntriesByType('mark').map((m) => `${m.name} @${Math.round(m.startTime)}`),
        controller:
          navigator.serviceWorker && navigator.serviceWorker.controller ? `${navigator.serviceWorker.controller.state} ${navigator.serviceWorker.controller.scriptURL.replace(/\?.*$/, '')}` : 'none',
      }))
      .catch((err) => ({ error: String(err && err.message).split('\n')[0] }));
    lines.push(`  frame ${frame.url().replace(/\?.*$/, '')} (${frame.name() || 'unnamed'}): ${JSON.stringify(info)}`);
  }
  return lines.join('\n') || '  (no webview frames)';
}

/**
 * Starts serving bridge requests from `dir` on `page`. Returns { stop() }.
 * `log(line)` receives one line per request, for the debug log.
 */
function startUiBridge(page, dir, log = () => {}) {
  fs.mkdirSync(dir, { recursive: true });
  // Page and frame console lines (CSP violations are reported there), for the 'consoleMessages' request.
  page.on('console', (msg) => consoleLog.push(`${msg.type()}: ${msg.text()}`));
  let stopped = false;
  let timer;

  async function poll() {
    if (stopped) return;
    try {
      const requests = fs
        .readdirSync(dir)
        .filter((f) => /^req-.*\.json$/.test(f))
        .sort();
      for (const name of requests) {
        if (stopped) return;
        const file = path.join(dir, name);
        let req;
        try {
          req = JSON.parse(fs.readFileSync(file, 'utf8'));
        } catch {
          continue; // being replaced; try again next round
        }
        fs.rmSync(file, { force: true });
        let answer;
        try {
          answer = { id: req.id, ok: true, ...(await perform(page, req)) };
        } catch (err) {
          answer = { id: req.id, ok: false, error: String((err && err.message) || err) };
          if (req.action === 'webview') log(`ui-bridge webview frames at the failure:\n${await describeWebviews(page).catch((e) => String(e))}`);
        }
        // Never log typed text or evaluated code: tests may type secrets.
        log(`ui-bridge ${req.action}${req.op ? ' ' + req.op : ''}${req.key ? ' ' + req.key : ''}${req.selector ? ' ' + req.selector : ''} -> ${answer.ok ? 'ok' : answer.error}`);
        const res = path.join(dir, `res-${req.id}.json`);
        fs.writeFileSync(res + '.tmp', JSON.stringify(answer));
        fs.renameSync(res + '.tmp', res);
      }
    } catch (err) {
      log(`ui-bridge poll error: ${err && err.message}`);
    }
    if (!stopped) timer = setTimeout(poll, 50);
  }
  timer = setTimeout(poll, 50);

  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

module.exports = { startUiBridge };
