#!/usr/bin/env node
// `npm run bench` (console part): streams a 20 MB IMAP FETCH into the protocol console in the real VS Code
// (code-server + headless Chromium, as scripts/run-tests.js does) and prints `name: value` lines: the
// largest gap between animation frames in the webview, the fetch time, the extension host's memory
// growth, and whether the saved transcript holds the whole message. Figures, not assertions.
//
// Expects compiled tests (out/, `tsc -p .`); builds the extension (esbuild) itself. The scripted IMAP
// server (test/bench/bigFetchServer.ts) runs in this process, the bench suite
// (test/bench/console/index.ts) in the extension host.
// Then the other kind of flood: FETCH 1:* answered with many short lines (one transcript row each).
// Env: MAILOAUTH_BENCH_LITERAL_MB (default 20), MAILOAUTH_BENCH_MANY_LINES (default 100000),
// MAILOAUTH_BENCH_TIMEOUT_MS (default 10 min), MAILOAUTH_BENCH_TRACE (a file: Chromium's performance trace of
// the many-lines flood is written there, to be opened in DevTools' Performance panel or chrome://tracing).
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { ensureCodeServer, startCodeServer, tail } = require('./vscode/codeServer');
const { startUiBridge } = require('./vscode/uiBridge');

const REPO = path.resolve(__dirname, '..');

async function main() {
  const suite = path.join(REPO, 'out/test/bench/console/index.js');
  const serverModule = path.join(REPO, 'out/test/bench/bigFetchServer.js');
  if (!fs.existsSync(suite) || !fs.existsSync(serverModule)) throw new Error('compile first (tsc -p .): out/test/bench/console/index.js is missing');
  const build = spawnSync(process.execPath, ['esbuild.js'], { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error('the extension build (esbuild.js) failed');

  const literalBytes = Math.round((Number(process.env.MAILOAUTH_BENCH_LITERAL_MB) || 20) * 1024 * 1024);
  const { startBigFetchServer } = require(serverModule);
  const manyLines = Number(process.env.MAILOAUTH_BENCH_MANY_LINES) || 100_000;
  const imap = await startBigFetchServer(literalBytes, manyLines);

  const resultsDir = path.join(REPO, '.test-results/bench-console');
  fs.rmSync(resultsDir, { recursive: true, force: true });
  fs.mkdirSync(resultsDir, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mailoauth-bench-'));
  process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
  // The suite runs from a private copy of its compiled files: a concurrent `npm test` empties out/.
  const suiteCopy = path.join(tmp, 'out/test/bench/console/index.js');
  for (const f of ['bench/console/index.js', 'integration/ui.js', 'integration/wait.js']) {
    fs.mkdirSync(path.dirname(path.join(tmp, 'out/test', f)), { recursive: true });
    fs.copyFileSync(path.join(REPO, 'out/test', f), path.join(tmp, 'out/test', f));
  }
  const workspace = path.join(tmp, 'workspace');
  fs.cpSync(path.join(REPO, 'test/fixtures/workspace'), workspace, { recursive: true });
  const bridgeDir = path.join(tmp, 'ui-bridge');
  const logFile = path.join(resultsDir, 'code-server.log');

  const server = await startCodeServer({
    ...ensureCodeServer(),
    workspace,
    extensionDevelopmentPath: REPO,
    extensionTestsPath: suiteCopy,
    env: {
      MAILOAUTH_TEST_RESULTS_DIR: resultsDir,
      MAILOAUTH_UI_BRIDGE_DIR: bridgeDir,
      MAILOAUTH_BENCH_IMAP_PORT: String(imap.port),
      MAILOAUTH_BENCH_LITERAL_BYTES: String(literalBytes),
      MAILOAUTH_BENCH_MANY_LINES: String(manyLines),
      ...(process.env.MAILOAUTH_BENCH_TRACE ? { MAILOAUTH_BENCH_TRACE: '1' } : {}),
    },
    logFile,
  });
  const bridge = startUiBridge(server.page, bridgeDir, server.log);
  const timeoutMs = Number(process.env.MAILOAUTH_BENCH_TIMEOUT_MS) || 10 * 60_000;
  const started = Date.now();
  try {
    const done = path.join(resultsDir, 'done');
    const trace = process.env.MAILOAUTH_BENCH_TRACE ? floodTrace(server, resultsDir, path.resolve(process.env.MAILOAUTH_BENCH_TRACE)) : undefined;
    while (!fs.existsSync(done)) {
      await trace?.step();
      const exited = server.exited();
      if (exited) throw new Error(`code-server exited (code ${exited.code}) before the bench finished. Last log lines:\n${tail(logFile)}`);
      // The suite could not load, or the extension host died: fail now rather than at the timeout.
      const log = fs.readFileSync(logFile, 'utf8');
      const broken = /Cannot find module '[^']*bench[^']*'|Extension Host Process exited/.exec(log);
      if (broken) throw new Error(`the bench suite did not run (${broken[0]}). Last log lines:\n${tail(logFile)}`);
      if (Date.now() - started > timeoutMs) throw new Error(`no bench results after ${Math.round(timeoutMs / 1000)} s. Last log lines:\n${tail(logFile)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    bridge.stop();
    await server.stop();
    await imap.stop();
  }
  const out = JSON.parse(fs.readFileSync(path.join(resultsDir, 'bench.json'), 'utf8'));
  // The figures measured before a failure are printed too (the Save Transcript step comes last).
  for (const [name, value] of Object.entries(out.figures || {})) console.log(`${name}: ${value}`);
  if (out.error) throw new Error(`the console bench failed in the extension host:\n${out.error}`);
}

/**
 * Chromium's trace of the flood (the workbench and the webview share one renderer thread, so the trace shows
 * what holds up the webview's frames): started when the suite writes `trace-wanted`, confirmed by
 * `trace-started`, and saved when it writes `trace-stop`.
 */
function floodTrace(server, dir, file) {
  let cdp;
  let state = 'idle';
  return {
    async step() {
      if (state === 'idle' && fs.existsSync(path.join(dir, 'trace-wanted'))) {
        state = 'tracing';
        cdp = await server.context.newCDPSession(server.page);
        const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'v8', 'blink', 'toplevel', 'renderer.scheduler'];
        await cdp.send('Tracing.start', { transferMode: 'ReturnAsStream', traceConfig: { includedCategories: categories } });
        fs.writeFileSync(path.join(dir, 'trace-started'), '');
      } else if (state === 'tracing' && fs.existsSync(path.join(dir, 'trace-stop'))) {
        state = 'done';
        const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
        await cdp.send('Tracing.end');
        const { stream } = await complete;
        const fd = fs.openSync(file, 'w');
        for (;;) {
          const chunk = await cdp.send('IO.read', { handle: stream, size: 1 << 20 });
          fs.writeSync(fd, chunk.base64Encoded ? Buffer.from(chunk.data, 'base64') : chunk.data);
          if (chunk.eof) break;
        }
        fs.closeSync(fd);
        console.error(`trace of the flood: ${file}`);
      }
    },
  };
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err.message || err);
    process.exit(1);
  },
);
