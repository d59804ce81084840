// `npm start`: opens the extension (in development mode, from this folder) in a real VS Code — the
// desktop one when `code` is installed, otherwise code-server served on http://127.0.0.1:PORT.
//
// Usage: npm start [-- [--code-server] [--port N] [FOLDER]]
//   FOLDER defaults to a copy of test/fixtures/workspace in the temp folder (kept between starts).
//   --port (or MAILOAUTH_PORT) fixes the port; otherwise a free one is chosen, so several starts can run.
// code-server keeps running until Ctrl-C; each start uses a fresh, throw-away VS Code profile.
const { spawnSync, spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { findDesktopCodeCli } = require('./vscode/desktop');

const REPO = path.resolve(__dirname, '..');

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: REPO, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) {
    console.error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
}

function parseArgs(argv) {
  const args = { codeServer: process.env.MAILOAUTH_USE_CODE_SERVER === '1', port: Number(process.env.MAILOAUTH_PORT) || 0, folder: '' };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--code-server') args.codeServer = true;
    else if (argv[i] === '--port') args.port = Number(argv[++i]);
    else if (argv[i].startsWith('--')) throw new Error(`unknown option ${argv[i]}`);
    else args.folder = path.resolve(argv[i]);
  }
  return args;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));

  if (!fs.existsSync(path.join(REPO, 'node_modules'))) {
    console.log('== installing dependencies');
    run('npm', [fs.existsSync(path.join(REPO, 'package-lock.json')) ? 'ci' : 'install', '--no-audit', '--no-fund']);
  }
  console.log('== building the extension');
  run(process.execPath, ['esbuild.js']);

  let workspace = args.folder;
  if (!workspace) {
    workspace = path.join(os.tmpdir(), 'mail-oauth-debugger-sample');
    if (!fs.existsSync(workspace)) fs.cpSync(path.join(REPO, 'test/fixtures/workspace'), workspace, { recursive: true });
  }

  const code = args.codeServer ? null : findDesktopCodeCli();
  if (code) {
    console.log(`== opening desktop VS Code (${code}) with the extension from ${REPO}`);
    // The desktop CLI hands over to the VS Code app and returns.
    const child = spawn(code, [`--extensionDevelopmentPath=${REPO}`, workspace], { stdio: 'inherit', shell: process.platform === 'win32' });
    child.on('exit', (status) => process.exit(status ?? 1));
    return;
  }

  const { ensureCodeServer, startCodeServer } = require('./vscode/codeServer');
  console.log('== preparing code-server (installed once into ~/.cache/mail-oauth-debugger)');
  const tools = ensureCodeServer();
  const logDir = path.join(REPO, '.test-results/start');
  const logFile = path.join(logDir, `code-server-${process.pid}.log`);
  fs.mkdirSync(logDir, { recursive: true });
  let keepLog = false; // kept only when code-server fails
  const server = await startCodeServer({
    ...tools,
    port: args.port || undefined,
    workspace,
    extensionDevelopmentPath: REPO,
    browser: false,
    logFile,
  }).catch((err) => {
    keepLog = true;
    throw err;
  });
  process.on('exit', () => keepLog || fs.rmSync(logFile, { force: true }));
  const line = '='.repeat(72);
  console.log(`\n${line}\nVS Code (code-server) with Mail OAuth Debugger in development mode — open:\n\n  ${server.url}\n`);
  console.log(`Folder: ${workspace}`);
  console.log(`Log:    ${server.logFile}`);
  console.log(`After changing the code: run \`npm run build\`, then "Developer: Reload Window" in VS Code.`);
  console.log(`Listening on 127.0.0.1 only (forward port ${server.port} to reach it from elsewhere). Ctrl-C stops it.\n${line}`);

  server.child.on('exit', async (status, signal) => {
    if (server.stopping) return; // Ctrl-C
    keepLog = true;
    console.error(`code-server exited (${status ?? signal}); see ${server.logFile}`);
    await server.stop();
    process.exit(1);
  });
}

main().catch((err) => {
  console.error(err.message || err);
  process.exit(1);
});
