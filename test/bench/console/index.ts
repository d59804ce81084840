// Console bench suite: VS Code calls run() inside the extension host (code-server, started by
// scripts/bench-console.js with this file as extensionTestsPath). It streams a 20 MB FETCH from the
// scripted IMAP server ($MAILOAUTH_BENCH_IMAP_PORT, running in the harness process so that its memory
// is not counted here) into the protocol console, records the largest gap between animation frames
// inside the webview, the extension host's memory growth, and checks through the real Save Transcript
// flow that the saved file has the whole message. Figures go to $MAILOAUTH_TEST_RESULTS_DIR/bench.json.
// Not a test: nothing here asserts on timings.
import * as fs from 'fs';
import * as path from 'path';
import * as v8 from 'v8';
import * as vm from 'vm';
import * as vscode from 'vscode';
import { ui } from '../../integration/ui';
import { waitFor } from '../../integration/wait';

const USER = 'adele@contoso.com';

function resultsDir(): string {
  return process.env.MAILOAUTH_TEST_RESULTS_DIR || path.resolve(__dirname, '../../../../.test-results/bench-console');
}

function progress(line: string): void {
  try {
    fs.appendFileSync(path.join(resultsDir(), 'progress.log'), `${line}\n`);
  } catch {
    // best effort
  }
}

/** A full garbage collection when possible (flag set at run time), then a settle delay. */
async function settle(): Promise<void> {
  let gc: (() => void) | undefined;
  try {
    v8.setFlagsFromString('--expose-gc');
    gc = vm.runInNewContext('gc') as () => void;
  } catch {
    gc = undefined;
  }
  for (let i = 0; i < 3; i++) {
    gc?.();
    await new Promise((r) => setTimeout(r, 300));
  }
}

async function memory(): Promise<{ rss: number; heapUsed: number; external: number }> {
  await settle();
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, external: m.external };
}

async function waitForAsync(what: string, probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const MB = 1024 * 1024;
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

// Runs inside the webview frame: records the largest gap between animation frames until stopped.
const START_RECORDER = `(el) => {
  const g = { max: 0, frames: 0, last: 0, running: true, gaps: [], longestTask: 0, observer: null };
  window.__frameGaps = g;
  try {
    // Long tasks on this frame's thread: tells the webview's own work from delays elsewhere.
    g.observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.duration > g.longestTask) {
          g.longestTask = e.duration;
          g.longestTaskFrom = e.attribution && e.attribution[0] ? e.attribution[0].containerType + ':' + e.name : e.name;
        }
      }
    });
    g.observer.observe({ entryTypes: ['longtask'] });
  } catch (e) { /* not supported */ }
  const tick = (t) => {
    if (g.last) {
      const gap = t - g.last;
      if (gap > g.max) g.max = gap;
      if (gap > 50) g.gaps.push(Math.round(gap));
    }
    g.last = t;
    g.frames++;
    if (g.running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  // Transcript messages from the host, and the most rows one carried.
  g.messages = 0; g.maxLines = 0;
  window.addEventListener('message', (ev) => {
    const rows = ev.data && (ev.data.rows || ev.data.lines);
    if (!g.running || !Array.isArray(rows)) return;
    g.messages++;
    if (rows.length > g.maxLines) g.maxLines = rows.length;
  });
  return el.querySelectorAll('.row').length;
}`;
const STOP_RECORDER = `(el) => {
  const g = window.__frameGaps;
  g.running = false;
  if (g.observer) g.observer.disconnect();
  return { max: g.max, frames: g.frames, gaps: g.gaps.slice(0, 20), longestTask: g.longestTask, longestTaskFrom: g.longestTaskFrom, messages: g.messages, maxLines: g.maxLines, rows: el.querySelectorAll('.row').length };
}`;

interface Gaps {
  max: number;
  frames: number;
  gaps: number[];
  longestTask: number;
  longestTaskFrom?: string;
  messages: number;
  maxLines: number;
  rows: number;
}

/** Fills `figures` as it goes, so that a later step's failure (Save Transcript's prompts) keeps the earlier ones. */
async function bench(figures: Record<string, number | string>): Promise<void> {
  const port = Number(process.env.MAILOAUTH_BENCH_IMAP_PORT);
  const literalBytes = Number(process.env.MAILOAUTH_BENCH_LITERAL_BYTES);
  if (!port || !literalBytes) throw new Error('MAILOAUTH_BENCH_IMAP_PORT / MAILOAUTH_BENCH_LITERAL_BYTES not set (run scripts/bench-console.js)');
  if (!ui.available) throw new Error('the UI bridge is not available (run scripts/bench-console.js)');

  await vscode.commands.executeCommand('mailOAuth.openConsole');
  await ui.webview.waitForText('#status', 'Not connected');
  await ui.webview.select('select[name=preset]', 'custom');
  await ui.webview.select('select[name=protocol]', 'imap');
  await ui.webview.fill('input[name=host]', '127.0.0.1');
  await ui.webview.fill('input[name=port]', String(port));
  await ui.webview.select('select[name=security]', 'none');
  await ui.webview.select('select[name=tokenSource]', 'pasted');
  await ui.webview.fill('#token', 'dummy-token-the-bench-server-accepts-anything');
  await ui.webview.fill('input[name=user]', USER);
  await ui.webview.select('select[name=mechanism]', 'XOAUTH2');
  await ui.webview.click('#connect');
  await ui.webview.waitForText('#verdict', 'Authenticated with XOAUTH2 and verified');
  progress('connected to the big-fetch server');

  // Idle baseline: the same recorder for 2 s with nothing happening (headless Chromium's own jitter).
  await ui.webview.evaluate('#transcript', START_RECORDER);
  await new Promise((r) => setTimeout(r, 2000));
  const idle = await ui.webview.evaluate<Gaps>('#transcript', STOP_RECORDER);

  const before = await memory();
  await ui.webview.evaluate('#transcript', START_RECORDER);
  const started = Date.now();
  await ui.webview.fill('#command', 'FETCH 1 BODY[]');
  await ui.webview.press('#command', 'Enter');
  await ui.webview.waitForText('#transcript', 'OK FETCH completed', 180_000);
  const seconds = (Date.now() - started) / 1000;
  // A few more frames after the last row, so that the frames that render it are counted.
  await new Promise((r) => setTimeout(r, 500));
  const gaps = await ui.webview.evaluate<Gaps>('#transcript', STOP_RECORDER);
  const after = await memory();
  progress(`fetched in ${round(seconds, 2)} s`);

  figures.console_fetch_mb = round(literalBytes / MB, 1);
  figures.console_max_frame_gap_ms = round(gaps.max, 1);
  figures.console_idle_max_frame_gap_ms = round(idle.max, 1);
  figures.console_webview_longest_task_ms = round(gaps.longestTask, 1);
  figures.console_frames_during_fetch = gaps.frames;
  figures.console_transcript_rows = gaps.rows;
  figures.console_fetch_seconds = round(seconds, 2);
  figures.extension_host_rss_growth_mb = round((after.rss - before.rss) / MB, 1);
  figures.extension_host_heap_growth_mb = round((after.heapUsed - before.heapUsed) / MB, 1);
  // Node keeps a large string decoded from a Buffer outside the V8 heap (an external string): the kept
  // literal shows up here and in the RSS, not in heapUsed.
  figures.extension_host_external_growth_mb = round((after.external - before.external) / MB, 1);
  if (gaps.gaps.length) figures.console_frame_gaps_over_50ms = gaps.gaps.join(',');

  // The other kind of flood: many short lines (FETCH 1:* on a big mailbox), one transcript row each.
  // Measured before Save Transcript, whose prompts are the flakiest step on a loaded machine.
  const manyLines = Number(process.env.MAILOAUTH_BENCH_MANY_LINES);
  if (manyLines) {
    // MAILOAUTH_BENCH_TRACE: the harness records Chromium's trace of the flood (scripts/bench-console.js).
    const tracing = !!process.env.MAILOAUTH_BENCH_TRACE;
    if (tracing) {
      fs.writeFileSync(path.join(resultsDir(), 'trace-wanted'), '');
      await waitFor('the trace to start', () => fs.existsSync(path.join(resultsDir(), 'trace-started')) || undefined, 30_000);
    }
    await ui.webview.evaluate('#transcript', START_RECORDER);
    const t0 = Date.now();
    await ui.webview.fill('#command', 'FETCH 1:* (UID FLAGS RFC822.SIZE)');
    await ui.webview.press('#command', 'Enter');
    // Polls the last rendered row's textContent (no layout), not innerText of all rows, to disturb the frames
    // less (rows sit in .rows since the transcript is virtualised; directly in #transcript before).
    const lastRow = `(el) => { const r = (el.querySelector('.rows') || el).lastElementChild; return r ? r.textContent : ''; }`;
    await waitForAsync('the tagged OK of FETCH 1:*', async () => (await ui.webview.evaluate<string>('#transcript', lastRow)).includes(`(${manyLines} messages)`), 180_000);
    const lineSeconds = (Date.now() - t0) / 1000;
    await new Promise((r) => setTimeout(r, 500));
    const lineGaps = await ui.webview.evaluate<Gaps>('#transcript', STOP_RECORDER);
    if (tracing) fs.writeFileSync(path.join(resultsDir(), 'trace-stop'), '');
    figures.console_flood_lines = manyLines;
    figures.console_flood_max_frame_gap_ms = round(lineGaps.max, 1);
    figures.console_flood_webview_longest_task_ms = round(lineGaps.longestTask, 1);
    if (lineGaps.longestTaskFrom) figures.console_flood_webview_longest_task_from = lineGaps.longestTaskFrom;
    figures.console_flood_messages = lineGaps.messages;
    figures.console_flood_max_lines_per_message = lineGaps.maxLines;
    figures.console_flood_seconds = round(lineSeconds, 2);
    figures.console_flood_rows_in_dom = lineGaps.rows;
    if (lineGaps.gaps.length) figures.console_flood_frame_gaps_over_50ms = lineGaps.gaps.join(',');
  }
  // The real Save Transcript flow: the saved file must hold the whole message.
  const known = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
  await ui.webview.click('#save');
  await ui.press('Enter'); // "Save redacted"
  await ui.press('Enter'); // the proposed path in the workspace
  const doc = await waitFor(
    'the saved transcript',
    () => vscode.workspace.textDocuments.find((d) => !known.has(d.uri.toString()) && d.uri.scheme === 'file' && d.uri.fsPath.endsWith('.imap.log')),
    120_000,
  );
  const saved = fs.readFileSync(doc.uri.fsPath, 'latin1');
  const expectedTail = '\r\n--b1--\r\n'; // the end of the bench server's message
  const start = saved.indexOf('Return-Path: <adele@contoso.com>');
  const end = saved.indexOf(expectedTail, start);
  const messageInFile = start >= 0 && end >= 0 ? end + expectedTail.length - start : 0;
  figures.console_saved_transcript_mb = round(saved.length / MB, 1);
  figures.console_saved_message_complete = messageInFile === literalBytes ? 'yes' : `no (${messageInFile} of ${literalBytes} bytes)`;
  fs.rmSync(doc.uri.fsPath, { force: true });

  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export async function run(): Promise<void> {
  const dir = resultsDir();
  fs.mkdirSync(dir, { recursive: true });
  const figures: Record<string, number | string> = {};
  let out: { figures: Record<string, number | string>; error?: string } = { figures };
  try {
    await bench(figures);
  } catch (err) {
    out = { figures, error: (err as Error).stack || String(err) };
  }
  fs.writeFileSync(path.join(dir, 'bench.json'), JSON.stringify(out, null, 2));
  fs.writeFileSync(path.join(dir, 'done'), new Date().toISOString());
  if (out.error) throw new Error(out.error);
}
