// Runs the extension in a real VS Code without downloading one: code-server (VS Code served to a
// browser, installed from npm by scripts/ensure-code-server.sh) on loopback with a throw-away profile,
// optionally driven by Debian's headless Chromium through playwright-core. Two modes:
// - the test harness (extensionDevelopmentPath): the extension loaded from its folder through the `payload`
//   URL, which code-server honours only with the smoke-test driver (see /work/shared/notes/real-vscode-offline.md);
//   that driver also hides every notification toast, which the tests read through the API instead;
// - as a user has it (vsix, for npm start): the packaged extension installed into the throw-away profile,
//   no smoke-test driver and no payload, workspace trust on, notifications shown.
const { spawn, execFileSync } = require('child_process');
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');

const REPO = path.resolve(__dirname, '../..');

/** Runs scripts/ensure-code-server.sh (installs on first use) and returns { node, entry, chromium }. */
function ensureCodeServer() {
  const out = execFileSync('bash', [path.join(REPO, 'scripts/ensure-code-server.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const vars = Object.fromEntries(
    out
      .split('\n')
      .filter((l) => /^[A-Z0-9_]+=/.test(l))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  if (!vars.NODE24 || !vars.CODE_SERVER_ENTRY) throw new Error(`ensure-code-server.sh printed no paths:\n${out}`);
  return { node: vars.NODE24, entry: vars.CODE_SERVER_ENTRY, chromium: vars.CHROMIUM || '/usr/bin/chromium' };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function httpOk(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.setTimeout(2000, () => req.destroy());
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function tail(file, lines = 40) {
  try {
    return fs
      .readFileSync(file, 'utf8')
      .trimEnd()
      .split('\n')
      .slice(-lines)
      .map((l) => l.slice(0, 300))
      .join('\n');
  } catch {
    return '(no log)';
  }
}

// Everything started here, so that Ctrl-C, a crash or process.exit never leaves code-server running.
const running = new Set();
let handlersInstalled = false;
function installCleanupHandlers(signals) {
  if (handlersInstalled) return;
  handlersInstalled = true;
  // Last resort, synchronous: kill process groups and remove temp dirs (the browser is killed by Playwright).
  process.on('exit', () => {
    for (const s of running) s.killSync();
  });
  if (!signals) return; // the caller handles Ctrl-C (npm start stops its sandbox too)
  for (const [sig, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ]) {
    process.on(sig, async () => {
      process.stderr.write(`\n${sig}: stopping code-server...\n`);
      await Promise.race([Promise.all([...running].map((s) => s.stop())), sleep(8000)]);
      process.exit(code);
    });
  }
}

// Run as `node -e WATCHDOG parentPid codeServerPid tmpDir`: polls the parent every 2 s.
const WATCHDOG = `
const [parent, group, tmp] = process.argv.slice(1);
setInterval(() => {
  try { process.kill(Number(parent), 0); return; } catch {}
  try { process.kill(-Number(group), 'SIGKILL'); } catch {}
  try { require('fs').rmSync(tmp, { recursive: true, force: true }); } catch {}
  process.exit(0);
}, 2000);`;

// Settings for the throw-away profile: no welcome page, tips, update checks or AI side panels.
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
};

// The harness only: the tests open their folders without the trust prompt (npm start keeps it, as a user has it).
const HARNESS_SETTINGS = { 'security.workspace.trust.enabled': false };

/** Installs a .vsix into an extensions folder with code-server's own CLI (offline; seconds). */
function installVsix(node, entry, vsix, userDataDir, extensionsDir, configFile, env) {
  try {
    execFileSync(node, [entry, '--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix], {
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 120_000,
    });
  } catch (err) {
    const said = `${err.stdout || ''}${err.stderr || ''}`.trim().split('\n').slice(-5).join('\n');
    throw new Error(`installing ${vsix} into code-server failed (${err.status ?? err.signal ?? err.code}): ${said || err.message}`, { cause: err });
  }
}

/**
 * Writes user-data/languagepacks.json for the language packs installed in `extensionsDir`, as VS Code's own
 * language pack cache does. code-server reads that file to resolve --locale, but its server writes it only
 * when a client asks for the installed language packs (Configure Display Language), so a fresh profile would
 * stay English on its first start. Same fields as VS Code's LanguagePacksCache: a hash over the packs' IDs
 * and versions, and each translation's file.
 */
function writeLanguagePacksCache(extensionsDir, userDataDir) {
  const packs = {};
  for (const name of fs.readdirSync(extensionsDir)) {
    const manifestFile = path.join(extensionsDir, name, 'package.json');
    if (!fs.existsSync(manifestFile)) continue;
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
    const id = `${manifest.publisher}.${manifest.name}`.toLowerCase();
    for (const loc of (manifest.contributes && manifest.contributes.localizations) || []) {
      const pack = (packs[loc.languageId] ??= { hash: '', extensions: [], translations: {}, label: loc.localizedLanguageName || loc.languageName });
      pack.extensions.push({ extensionIdentifier: { id }, version: manifest.version });
      for (const t of loc.translations || []) pack.translations[t.id] = path.join(extensionsDir, name, t.path);
    }
  }
  for (const pack of Object.values(packs)) {
    const md5 = require('crypto').createHash('md5');
    for (const e of pack.extensions) md5.update(e.extensionIdentifier.id).update(e.version);
    pack.hash = md5.digest('hex');
  }
  fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify(packs));
}

/**
 * What vscode.env.openExternal opens: in code-server it is a new browser tab (window.open). Each new tab's
 * first http(s) navigation request is appended to `file`, one URL a line, so that a test can play the person
 * in that tab (for example complete a sign-in); the tab itself is then closed. The request counts, not the
 * page's URL: code-server's /proxy/PORT/ path to the test provider is redirected to its HTTPS address, whose
 * test certificate this browser does not trust, which leaves only chrome-error:// as the page's URL.
 */
function recordOpenedUrls(context, mainPage, file, log) {
  fs.writeFileSync(file, '');
  const recorded = new WeakSet();
  context.on('request', (request) => {
    if (!request.isNavigationRequest() || request.redirectedFrom() || !/^https?:/.test(request.url())) return;
    let page = null;
    try {
      page = request.frame().page();
    } catch {
      /* a tab not reported yet: still a new tab's request */
    }
    if (page === mainPage || (page && recorded.has(page))) return;
    if (page) recorded.add(page);
    fs.appendFileSync(file, `${request.url()}\n`);
    log(`browser opened a tab: ${request.url().split('?')[0]}`);
  });
  context.on('page', (page) => {
    if (page !== mainPage) setTimeout(() => page.close().catch(() => {}), 2000);
  });
}

/**
 * Logs the service workers' lifecycle (Chrome DevTools Protocol): webviews load their content only once
 * VS Code's webview service worker controls them, so a webview that never loads shows up here.
 */
async function logServiceWorkers(context, page, log) {
  try {
    const cdp = await context.newCDPSession(page);
    const seen = new Map();
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const v of versions) {
        const state = `${v.status}/${v.runningStatus}${v.controlledClients && v.controlledClients.length ? ` controlling ${v.controlledClients.length}` : ''}`;
        if (seen.get(v.versionId) === state) continue;
        seen.set(v.versionId, state);
        log(`service worker ${v.versionId} ${v.scriptURL.replace(/\?.*$/, '')}: ${state}`);
      }
    });
    cdp.on('ServiceWorker.workerErrorReported', ({ errorMessage }) => log(`service worker error: ${errorMessage.errorMessage} (${errorMessage.sourceURL}:${errorMessage.lineNumber})`));
    await cdp.send('ServiceWorker.enable');
  } catch (err) {
    log(`service worker log unavailable: ${err && err.message}`);
  }
}

/**
 * Starts code-server and (unless browser === false) a headless Chromium page on it.
 * options: { node, entry, chromium, workspace, extensionDevelopmentPath | vsix, extensionTestsPath?,
 *            env?: extra environment (reaches the extension host), logFile, browser?: boolean, port?,
 *            openedUrlsFile?: where to record the URLs that new browser tabs open (openExternal),
 *            settings?: extra settings for the profile (written as User and as Machine settings, since
 *            machine-scoped settings count only as Machine settings in code-server's remote window),
 *            handleSignals?: false when the caller stops code-server on Ctrl-C itself,
 *            locale?: display language (code-server's --locale; VS Code uses it only if a language pack
 *            for it is installed, see test/fixtures/language-pack-de), installVsixes?: further .vsix files
 *            installed into the profile first (a language pack) }
 * Returns { url, port, page, context, child, logFile, stop() }.
 */
async function startCodeServer(options) {
  installCleanupHandlers(options.handleSignals !== false);
  const port = options.port || (await freePort());
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mailoauth-code-server-'));
  const userDataDir = path.join(tmp, 'user-data');
  const extensionsDir = path.join(tmp, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir);
  const asUser = Boolean(options.vsix);
  fs.writeFileSync(path.join(userDataDir, 'User/settings.json'), JSON.stringify({ ...USER_SETTINGS, ...(asUser ? {} : HARNESS_SETTINGS), ...options.settings }, null, 2));
  if (options.settings) {
    fs.mkdirSync(path.join(userDataDir, 'Machine'), { recursive: true });
    fs.writeFileSync(path.join(userDataDir, 'Machine/settings.json'), JSON.stringify(options.settings, null, 2));
  }

  const logFile = options.logFile || path.join(tmp, 'code-server.log');
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const logFd = fs.openSync(logFile, 'a');
  const log = (line) => {
    try {
      fs.writeSync(logFd, `[harness ${new Date().toISOString()}] ${line}\n`);
    } catch {
      /* log closed */
    }
  };

  // The extension host inherits this environment. Drop what would make code-server talk to another
  // VS Code (VSCODE_IPC_HOOK_CLI when started from a VS Code terminal) or pick up credentials.
  const env = { ...process.env, ...(options.env || {}) };
  // Everything code-server and the browser write (user data, logs, browser profile): tests sweep it for secrets.
  env.MAILOAUTH_CODE_SERVER_DIR = tmp;
  for (const k of Object.keys(env)) {
    if (k.startsWith('VSCODE_') || ['ELECTRON_RUN_AS_NODE', 'PASSWORD', 'HASHED_PASSWORD', 'GITHUB_TOKEN', 'PORT'].includes(k)) delete env[k];
  }

  const configFile = path.join(tmp, 'config.yaml');
  const args = [
    options.entry,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--config',
    configFile,
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...(options.locale ? ['--locale', options.locale] : []),
    ...(asUser ? [] : ['--disable-workspace-trust', '--vscode-option', 'enable-smoke-test-driver']),
    options.workspace,
  ];
  for (const vsix of [...(options.installVsixes || []), ...(asUser ? [options.vsix] : [])]) {
    try {
      installVsix(options.node, options.entry, vsix, userDataDir, extensionsDir, configFile, env);
    } catch (err) {
      fs.rmSync(tmp, { recursive: true, force: true });
      throw err;
    }
    log(`installed ${vsix}`);
  }
  if (options.locale) writeLanguagePacksCache(extensionsDir, userDataDir);
  log(`starting code-server on port ${port}`);
  // detached: own process group, so stop() can kill code-server and its extension host together.
  const child = spawn(options.node, args, { env, detached: true, stdio: ['ignore', logFd, logFd] });
  // Watchdog: if this Node process dies without cleaning up (SIGKILL, crash), kill code-server anyway.
  const watchdog = spawn(process.execPath, ['-e', WATCHDOG, String(process.pid), String(child.pid), tmp], {
    detached: true,
    stdio: 'ignore',
  });
  watchdog.unref();
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = { code, signal };
    log(`code-server exited (code ${code}, signal ${signal})`);
  });

  let context = null;
  let stopped = false;
  const killGroup = (sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      /* already gone */
    }
  };
  const server = {
    url: '',
    port,
    page: null,
    context: null,
    child,
    logFile,
    /** The profile's user settings as written (tests read them back). */
    settingsFile: path.join(userDataDir, 'User/settings.json'),
    log,
    exited: () => exited,
    stopping: false,
    killSync() {
      killGroup('SIGKILL');
      watchdog.kill();
      fs.rmSync(tmp, { recursive: true, force: true });
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      server.stopping = true;
      if (context) await Promise.race([context.close().catch(() => {}), sleep(5000)]);
      killGroup('SIGTERM');
      for (let i = 0; i < 50 && !exited; i++) await sleep(100);
      killGroup('SIGKILL'); // the extension host and other children, even if code-server itself exited
      watchdog.kill();
      try {
        fs.closeSync(logFd);
      } catch {
        /* already closed */
      }
      fs.rmSync(tmp, { recursive: true, force: true });
      running.delete(server);
    },
  };
  running.add(server);

  try {
    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 60_000;
    while (!(await httpOk(`${base}/healthz`))) {
      if (exited) throw new Error(`code-server exited early (code ${exited.code}); log ${logFile}:\n${tail(logFile)}`);
      if (Date.now() > deadline) throw new Error(`code-server did not answer on ${base} within 60 s; log ${logFile}:\n${tail(logFile)}`);
      await sleep(200);
    }

    server.url = `${base}/?folder=${encodeURIComponent(options.workspace)}`;
    if (!asUser) {
      // Honoured only because of enable-smoke-test-driver: loads the extension in development mode and
      // (with extensionTestsPath) calls its run() in the extension host, as @vscode/test-electron does.
      const remote = (p) => `vscode-remote://127.0.0.1:${port}${path.resolve(p)}`;
      const payload = [['extensionDevelopmentPath', remote(options.extensionDevelopmentPath)]];
      if (options.extensionTestsPath) payload.push(['extensionTestsPath', remote(options.extensionTestsPath)]);
      server.url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    }

    if (options.browser !== false) {
      const { chromium } = require('playwright-core');
      context = await chromium.launchPersistentContext(path.join(tmp, 'chromium-profile'), {
        executablePath: options.chromium,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          // vscode.env.openExternal is window.open without a user gesture: let it open its tab.
          '--disable-popup-blocking',
        ],
        viewport: { width: 1400, height: 900 },
        // Keep Chromium's config and crash-report folders out of ~/.config and ~/.cache too.
        env: { ...process.env, XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'), XDG_CACHE_HOME: path.join(tmp, 'xdg-cache') },
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      });
      // Tests use vscode.env.clipboard, which code-server implements with the browser's clipboard.
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
      const page = context.pages()[0] || (await context.newPage());
      if (options.openedUrlsFile) recordOpenedUrls(context, page, options.openedUrlsFile, log);
      page.on('console', (msg) => {
        // First lines only: the workbench's own stack traces are long and rarely useful.
        if (msg.type() === 'error' || msg.type() === 'warning') log(`browser ${msg.type()}: ${msg.text().split('\n').slice(0, 4).join('\n')}`);
      });
      page.on('pageerror', (err) => log(`browser page error: ${err.message}`));
      await logServiceWorkers(context, page, log);
      page.on('crash', () => log('browser page crashed'));
      await page.goto(server.url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
      server.page = page;
      server.context = context;
    }
    return server;
  } catch (err) {
    await server.stop();
    throw err;
  }
}

module.exports = { ensureCodeServer, startCodeServer, tail, REPO, USER_SETTINGS };
