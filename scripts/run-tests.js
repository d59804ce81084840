// `npm test`: installs dependencies if node_modules is missing, builds, compiles the tests, runs the unit
// suite (plain Node mocha) and the integration suite (inside a real VS Code: desktop VS Code via
// @vscode/test-electron when `code` is installed, otherwise code-server + headless Chromium).
// The last line printed is always `N passed, N failed`.
//
// Usage: node scripts/run-tests.js [--only unit|servers|integration] [--code-server] [--screenshots] [--grep PATTERN]
//   --code-server   use code-server even if desktop VS Code is installed (also MAILOAUTH_USE_CODE_SERVER=1)
//   --screenshots   ui.screenshot() writes into media/screenshots/ (committed, used by the README)
//   --grep          run only tests whose full title matches PATTERN (both suites)
// Env: MAILOAUTH_INTEGRATION_TIMEOUT_MS (default 30 min), MAILOAUTH_UNIT_TIMEOUT_MS (10 min),
// MAILOAUTH_SERVERS_TIMEOUT_MS (25 min): a suite that overruns is stopped (with everything it started)
// and counted as failed, naming the suite and the test that was running; MAILOAUTH_VSCODE_EXECUTABLE
// (desktop Electron binary).
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const util = require('util');
const { findDesktopVSCodeExecutable } = require('./vscode/desktop');
const { readPartialResults } = require('./mocha-spec-json-reporter');

const REPO = path.resolve(__dirname, '..');
const RESULTS = path.join(REPO, '.test-results');

function parseArgs(argv) {
  const { values } = util.parseArgs({
    args: argv,
    options: {
      only: { type: 'string' },
      'code-server': { type: 'boolean', default: process.env.MAILOAUTH_USE_CODE_SERVER === '1' },
      screenshots: { type: 'boolean', default: false },
      grep: { type: 'string', default: '' },
    },
  });
  const args = { only: values.only ?? null, codeServer: values['code-server'], screenshots: values.screenshots, grep: values.grep };
  if (args.only && !['unit', 'servers', 'integration'].includes(args.only)) throw new Error(`--only must be unit, servers or integration, not ${args.only}`);
  return args;
}

/** Runs a command with inherited output; throws if it fails. */
function step(title, cmd, cmdArgs) {
  console.log(`\n== ${title}`);
  const r = spawnSync(cmd, cmdArgs, { cwd: REPO, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) throw new Error(`${title} failed (exit ${r.status ?? r.signal})`);
}

function readResults(file) {
  if (!fs.existsSync(file)) return null;
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Counts a suite's results; a suite that could not run or ran no tests counts as one failure. */
function summarize(name, results, harnessError) {
  const tests = (results && results.tests) || [];
  const count = (s) => tests.filter((t) => t.state === s).length;
  const failures = tests.filter((t) => t.state === 'failed').map((t) => `${t.fullTitle}: ${((t.error && t.error.message) || '').split('\n')[0].slice(0, 300)}`);
  const s = { name, passed: count('passed'), failed: failures.length, skipped: count('pending'), problem: '', failures };
  if (harnessError) s.problem = harnessError;
  else if (results && results.harnessError) s.problem = `suite crashed: ${results.harnessError.message}`;
  else if (s.passed + s.failed === 0) s.problem = 'no tests ran';
  return s;
}

// ---------------------------------------------------------------- unit suite (plain Node)

async function runUnit(args) {
  return runMochaSuite('unit', args);
}

/** Tests of the protocol engines and the CLI against real servers on loopback (Dovecot, an SMTP sink). */
async function runServers(args) {
  return runMochaSuite('servers', args);
}

const SUITE_LIMIT_MS = {
  unit: Number(process.env.MAILOAUTH_UNIT_TIMEOUT_MS) || 10 * 60_000,
  servers: Number(process.env.MAILOAUTH_SERVERS_TIMEOUT_MS) || 25 * 60_000,
  integration: Number(process.env.MAILOAUTH_INTEGRATION_TIMEOUT_MS) || 30 * 60_000,
};

const formatLimit = (ms) => (ms >= 60_000 ? `${Math.round(ms / 60_000)} min` : `${Math.round(ms / 1000)} s`);

/**
 * The processes (other than this one) whose environment carries a suite's run marker: everything a suite
 * started, also what it started in process groups of its own (detached servers, `npm start --headless`)
 * and what outlived its parent. Linux only (/proc); elsewhere none are found.
 */
function processesMarked(marker) {
  let pids;
  try {
    pids = fs
      .readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .map(Number);
  } catch {
    return [];
  }
  const needle = Buffer.from(`\0${RUN_MARKER_VAR}=${marker}\0`);
  return pids.filter((pid) => {
    if (pid === process.pid) return false;
    try {
      return Buffer.concat([Buffer.from('\0'), fs.readFileSync(`/proc/${pid}/environ`), Buffer.from('\0')]).includes(needle);
    } catch {
      return false; // gone, or not ours to read
    }
  });
}

function commandOf(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim().slice(0, 120);
  } catch {
    return '';
  }
}

/** Kills a process group; true if any of its processes was still there. */
function killGroup(pid) {
  try {
    process.kill(-pid, 0);
  } catch {
    return false;
  }
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    /* gone meanwhile */
  }
  return true;
}

/**
 * Runs a suite's process in a process group of its own, with a time limit. When it overruns, or when it
 * exits leaving processes of its group behind (a server a test forgot to stop), those are killed, so a
 * run always gets to its totals.
 */
const RUN_MARKER_VAR = 'MAILOAUTH_TEST_SUITE_RUN';

function runLimited(name, cmd, cmdArgs, limitMs) {
  return new Promise((resolve) => {
    const marker = `${name}-${process.pid}-${Date.now()}`;
    const env = { ...process.env, [RUN_MARKER_VAR]: marker };
    const child = spawn(cmd, cmdArgs, { cwd: REPO, stdio: 'inherit', env, detached: process.platform !== 'win32' });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      console.log(`\n!! the ${name} suite overran its time limit of ${formatLimit(limitMs)}: stopping it and everything it started`);
      if (!killGroup(child.pid)) child.kill('SIGKILL');
    }, limitMs);
    const stop = async (status) => {
      clearTimeout(timer);
      let leftovers = process.platform !== 'win32' && killGroup(child.pid);
      // Give what a test stopped a moment to go, then stop what is still there.
      let marked = processesMarked(marker);
      for (let i = 0; marked.length && i < 20; i++) {
        await new Promise((r) => setTimeout(r, 250));
        marked = processesMarked(marker);
      }
      if (marked.length) {
        leftovers = true;
        const names = marked.map((pid) => `${pid} ${commandOf(pid)}`);
        for (const pid of marked) {
          try {
            process.kill(pid, 'SIGKILL');
          } catch {
            /* gone meanwhile */
          }
        }
        console.log(`\n!! the ${name} suite left ${marked.length} process(es) running; stopped:\n   ${names.join('\n   ')}`);
      } else if (leftovers && !timedOut) console.log(`\n!! the ${name} suite exited but left processes in its group running: stopped them`);
      resolve({ status, timedOut, leftovers });
    };
    child.on('exit', (code, signal) => stop(code ?? signal));
    child.on('error', (err) => stop(String(err.message || err)));
  });
}

async function runMochaSuite(name, args) {
  console.log(`\n== ${name} tests (mocha, out/test/${name})`);
  const output = path.join(RESULTS, `${name}/results.json`);
  fs.rmSync(path.dirname(output), { recursive: true, force: true });
  const mochaArgs = [
    path.join(REPO, 'node_modules/mocha/bin/mocha.js'),
    '--config',
    `test/${name}/.mocharc.json`,
    '--reporter',
    path.join(REPO, 'scripts/mocha-spec-json-reporter.js'),
    '--reporter-option',
    `output=${output}`,
  ];
  if (args.grep) mochaArgs.push('--grep', args.grep);
  const limitMs = SUITE_LIMIT_MS[name];
  const r = await runLimited(name, process.execPath, mochaArgs, limitMs);
  if (r.timedOut) {
    const partial = readPartialResults(`${output}.partial`);
    const where = partial.running ? ` while running "${partial.running}"` : '';
    return summarize(name, partial, `overran its time limit of ${formatLimit(limitMs)}${where}`);
  }
  const results = readResults(output);
  const summary = summarize(name, results, results ? '' : `mocha exited ${r.status} without results`);
  // Something a test started and did not stop is a defect of that test, even when every assertion passed.
  if (r.leftovers && !summary.problem) summary.problem = 'left processes running after it ended (listed above; now stopped)';
  return summary;
}

// ---------------------------------------------------------------- integration suite (real VS Code)

/** The tests that ended, from the reporter's partial file, for a suite that never wrote results.json. */
function progressResults(resultsDir) {
  return { tests: readPartialResults(path.join(resultsDir, 'results.json.partial')).tests };
}

function lastFinishedTest(resultsDir) {
  const { tests } = progressResults(resultsDir);
  return tests.length ? `; the last test that ended was "${tests[tests.length - 1].fullTitle}"` : '; no test had ended';
}

/** Prints progress.log lines as the suite writes them; returns a function to flush and stop. */
function followProgress(file) {
  let printed = 0;
  const flush = () => {
    if (!fs.existsSync(file)) return;
    const lines = fs.readFileSync(file, 'utf8').split('\n').slice(0, -1);
    for (; printed < lines.length; printed++) console.log(`  ${lines[printed]}`);
  };
  const timer = setInterval(flush, 500);
  return () => {
    clearInterval(timer);
    flush();
  };
}

async function runIntegrationDesktop(vscodeExecutablePath, workspace, tmp, env) {
  const { runTests } = require('@vscode/test-electron');
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: REPO,
      extensionTestsPath: path.join(REPO, 'out/test/integration/index.js'),
      extensionTestsEnv: env,
      launchArgs: [workspace, '--disable-extensions', '--use-inmemory-secretstorage', '--disable-workspace-trust', '--user-data-dir', path.join(tmp, 'user-data')],
    });
  } catch (err) {
    // Failing tests make VS Code exit non-zero; results.json tells which. Other errors surface below.
    console.log(`  (VS Code: ${err.message || err})`);
  }
}

async function runIntegrationCodeServer(workspace, tmp, env, resultsDir) {
  const { ensureCodeServer, startCodeServer, tail } = require('./vscode/codeServer');
  const { startUiBridge } = require('./vscode/uiBridge');
  const tools = ensureCodeServer();
  const bridgeDir = path.join(tmp, 'ui-bridge');
  const logFile = path.join(resultsDir, 'code-server.log');
  // URLs that vscode.env.openExternal opened in the browser (new tabs): tests play the person there.
  const openedUrlsFile = path.join(tmp, 'opened-urls.log');
  const timeoutMs = SUITE_LIMIT_MS.integration;
  const started = Date.now();
  const server = await startCodeServer({
    ...tools,
    workspace,
    extensionDevelopmentPath: REPO,
    extensionTestsPath: path.join(REPO, 'out/test/integration/index.js'),
    env: { ...env, MAILOAUTH_UI_BRIDGE_DIR: bridgeDir, MAILOAUTH_OPENED_URLS_FILE: openedUrlsFile },
    logFile,
    openedUrlsFile,
  });
  const bridge = startUiBridge(server.page, bridgeDir, server.log);
  console.log(`  code-server ${server.url.split('/?')[0]} (log: ${path.relative(REPO, logFile)})`);
  try {
    const done = path.join(resultsDir, 'done');
    let hostExitSeen = 0;
    for (let i = 0; !fs.existsSync(done); i++) {
      const exited = server.exited();
      if (exited) throw new Error(`code-server exited (code ${exited.code}) before the tests finished. Last log lines:\n${tail(logFile)}`);
      // An extension host that dies (crash, kill) never writes results: fail fast instead of at the timeout.
      if (!hostExitSeen && i % 8 === 0 && /Extension Host Process exited/.test(fs.readFileSync(logFile, 'utf8'))) hostExitSeen = Date.now();
      if (hostExitSeen && Date.now() - hostExitSeen > 3000) {
        throw new Error(`the extension host exited before the tests finished. Last log lines:\n${tail(logFile)}`);
      }
      if (Date.now() - started > timeoutMs) {
        throw new Error(`the integration suite overran its time limit of ${formatLimit(timeoutMs)} (${done} never appeared)${lastFinishedTest(resultsDir)}. Last log lines:\n${tail(logFile)}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    bridge.stop();
    if (fs.existsSync(path.join(resultsDir, 'done'))) {
      // Keep a picture of the final state next to the log, for debugging failures.
      await server.page.screenshot({ path: path.join(resultsDir, 'final.png') }).catch(() => {});
    }
    await server.stop();
  }
}

async function runIntegration(args) {
  const desktop = args.codeServer ? null : findDesktopVSCodeExecutable();
  const runner = desktop ? 'desktop VS Code' : 'code-server';
  console.log(`\n== integration tests (${runner}, out/test/integration)`);
  const resultsDir = path.join(RESULTS, 'integration');
  fs.rmSync(resultsDir, { recursive: true, force: true });
  fs.mkdirSync(resultsDir, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mailoauth-it-'));
  process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true })); // also after Ctrl-C
  const workspace = path.join(tmp, 'workspace');
  fs.cpSync(path.join(REPO, 'test/fixtures/workspace'), workspace, { recursive: true });
  const env = { MAILOAUTH_TEST_RESULTS_DIR: resultsDir };
  if (args.grep) env.MAILOAUTH_TEST_GREP = args.grep;
  if (args.screenshots) env.MAILOAUTH_SCREENSHOT_DIR = path.join(REPO, 'media/screenshots');
  else if (process.env.MAILOAUTH_SCREENSHOT_DIR) env.MAILOAUTH_SCREENSHOT_DIR = path.resolve(process.env.MAILOAUTH_SCREENSHOT_DIR);

  const started = Date.now();
  const stopProgress = followProgress(path.join(resultsDir, 'progress.log'));
  let harnessError = '';
  try {
    if (desktop) await runIntegrationDesktop(desktop, workspace, tmp, env);
    else await runIntegrationCodeServer(workspace, tmp, env, resultsDir);
  } catch (err) {
    harnessError = `harness failed: ${err.message || err}`;
  } finally {
    stopProgress();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  // A suite that never wrote results (overran, crashed) still counts the tests it got through.
  const results = readResults(path.join(resultsDir, 'results.json')) || (harnessError ? progressResults(resultsDir) : null);
  if (!harnessError && !results) harnessError = 'harness failed: the suite wrote no results.json';
  for (const t of ((results && results.tests) || []).filter((x) => x.state === 'failed')) {
    console.log(`\n  ✗ ${t.fullTitle}\n    ${((t.error && (t.error.stack || t.error.message)) || '').split('\n').join('\n    ')}`);
  }
  if (results && results.harnessError) console.log(`\n  suite crashed: ${results.harnessError.stack || results.harnessError.message}`);
  if (harnessError) console.log(`\n  ${harnessError}`);
  console.log(`  (integration run took ${Math.round((Date.now() - started) / 1000)} s)`);
  return summarize(`integration (${runner})`, results, harnessError);
}

// ---------------------------------------------------------------- main

async function main() {
  const suites = [];
  let setupError = '';
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
    if (!fs.existsSync(path.join(REPO, 'node_modules'))) {
      const lock = fs.existsSync(path.join(REPO, 'package-lock.json'));
      step(`install dependencies (npm ${lock ? 'ci' : 'install'})`, 'npm', [lock ? 'ci' : 'install', '--no-audit', '--no-fund']);
    }
    step('build (esbuild)', process.execPath, ['esbuild.js']);
    fs.rmSync(path.join(REPO, 'out'), { recursive: true, force: true }); // no stale compiled tests
    try {
      step('compile tests (tsc -p .)', process.execPath, [path.join(REPO, 'node_modules/typescript/bin/tsc'), '-p', '.']);
    } catch (err) {
      // tsc still emits JavaScript on type errors: run the suites anyway, but the run fails.
      if (!fs.existsSync(path.join(REPO, 'out'))) throw err;
      setupError = `${err.message}; type errors above`;
    }
    if (!args.only || args.only === 'unit') suites.push(await runUnit(args));
    if (!args.only || args.only === 'servers' || args.only === 'integration') {
      // Real Dovecot for the protocol tests and the console tests (installed from Debian when missing).
      try {
        step('real mail servers (scripts/ensure-dovecot.sh)', 'bash', [path.join(REPO, 'scripts/ensure-dovecot.sh')]);
      } catch (err) {
        setupError = [setupError, `${err.message}: the Dovecot tests will fail`].filter(Boolean).join('; ');
      }
    }
    if (!args.only || args.only === 'servers') {
      // PHP with PHPMailer and Jakarta Mail (Debian's packages), to run the generated client programs.
      try {
        step('runtimes for the generated client programs (scripts/ensure-snippet-runtimes.sh)', 'bash', [path.join(REPO, 'scripts/ensure-snippet-runtimes.sh')]);
      } catch (err) {
        setupError = [setupError, `${err.message}: the Java and PHP client program tests will fail`].filter(Boolean).join('; ');
      }
      // The mail clients the capture-proxy tests use as "the user's application" (msmtp, fetchmail, mbsync).
      try {
        step('mail clients for the proxy tests (scripts/ensure-mail-clients.sh)', 'bash', [path.join(REPO, 'scripts/ensure-mail-clients.sh')]);
      } catch (err) {
        setupError = [setupError, `${err.message}: the proxy tests with msmtp, fetchmail and mbsync will fail`].filter(Boolean).join('; ');
      }
    }
    if (!args.only || args.only === 'servers' || args.only === 'integration') {
      // The real-VS-Code harness, before the servers suite too: its sandbox test starts `npm start --headless`,
      // whose code-server must not be installed (minutes on a fresh machine) inside a test's time limit.
      // Not needed when a desktop VS Code runs the integration tests and the servers suite is not run.
      const desktopOnly = args.only === 'integration' && !args.codeServer && findDesktopVSCodeExecutable();
      if (!desktopOnly) {
        try {
          step('real VS Code harness: Chromium, Node 24, code-server (scripts/ensure-code-server.sh)', 'bash', [path.join(REPO, 'scripts/ensure-code-server.sh')]);
        } catch (err) {
          setupError = [setupError, `${err.message}: the tests that need code-server will fail`].filter(Boolean).join('; ');
        }
      }
    }
    if (!args.only || args.only === 'servers') suites.push(await runServers(args));
    if (!args.only || args.only === 'integration') suites.push(await runIntegration(args));
  } catch (err) {
    setupError = [setupError, err.message || String(err)].filter(Boolean).join('; ');
  }

  console.log('\n== summary');
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const s of suites) {
    const extra = s.problem ? ` — ${s.problem.split('\n')[0]} (counted as 1 failed)` : '';
    console.log(`${s.name}: ${s.passed} passed, ${s.failed} failed${s.skipped ? `, ${s.skipped} skipped` : ''}${extra}`);
    passed += s.passed;
    failed += s.failed + (s.problem ? 1 : 0);
    skipped += s.skipped;
  }
  // The failures once more, next to the totals: in a long CI log they are what the reader looks for.
  for (const s of suites) for (const f of s.failures) console.log(`  ✗ [${s.name}] ${f}`);
  if (setupError) {
    console.log(`setup failed: ${setupError} (counted as 1 failed)`);
    failed += 1;
  }
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main();
