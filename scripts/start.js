// `npm start`: builds, starts the local sandbox (test OpenID provider, Dovecot IMAP/POP3/SMTP, SMTP sink; see
// test/sandbox/sandbox.ts) and opens the extension, preconfigured for it, in a real VS Code — the desktop one
// when `code` is installed, otherwise code-server on http://127.0.0.1:PORT. Ctrl-C stops everything.
// VS Code gets the extension as a user does: packaged (`npm run package`, the .vsix) and installed into a
// throw-away profile, with notifications and workspace trust as they are by default.
//
// Usage: npm start [-- [--code-server] [--headless] [--port N] [--idp-port N] [--no-sandbox] [--no-vscode] [FOLDER]]
//   FOLDER        defaults to a fresh copy of test/fixtures/workspace (plus the seed transcripts) in the temp
//                 folder, removed when npm start ends
//   --code-server use code-server even when desktop VS Code is installed (also MAILOAUTH_USE_CODE_SERVER=1)
//   --headless    for tests and CI: code-server, and once everything runs one line
//                 `MAILOAUTH_SANDBOX_READY {json}` with the URLs, ports and process IDs
//   --port N      code-server's port (or MAILOAUTH_PORT); --idp-port N the identity provider's; default: free ones
//   --no-sandbox  only VS Code, as before the sandbox; --no-vscode only the sandbox
// Each start uses a fresh, throw-away VS Code profile (your own VS Code settings are not touched).
const { spawnSync, spawn } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const util = require('util');
const { findDesktopCodeCli, findDesktopVSCodeExecutable } = require('./vscode/desktop');

const REPO = path.resolve(__dirname, '..');
const READY_PREFIX = 'MAILOAUTH_SANDBOX_READY ';
const VSIX = path.join(REPO, 'dist/mail-oauth-debugger.vsix'); // what `npm run package` writes

function portFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** Runs a build step; quiet: its output is shown only when it fails. */
function run(cmd, args, quiet = false) {
  const r = spawnSync(cmd, args, { cwd: REPO, stdio: quiet ? 'pipe' : 'inherit', encoding: 'utf8', shell: process.platform === 'win32' });
  if (r.status !== 0) {
    if (quiet) process.stderr.write(`${r.stdout || ''}${r.stderr || ''}`);
    console.error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
}

function parseArgs(argv) {
  const args = {
    codeServer: process.env.MAILOAUTH_USE_CODE_SERVER === '1',
    port: Number(process.env.MAILOAUTH_PORT) || 0,
    idpPort: 0,
    headless: false,
    sandbox: true,
    vscode: true,
    folder: '',
  };
  const number = (option, value) => {
    const n = Number(value);
    if (value === '' || !Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`${option} takes a port number (0–65535), not ${value}`);
    return n;
  };
  let parsed;
  try {
    parsed = util.parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'code-server': { type: 'boolean' },
        headless: { type: 'boolean' },
        port: { type: 'string' },
        'idp-port': { type: 'string' },
        'no-sandbox': { type: 'boolean' },
        'no-vscode': { type: 'boolean' },
      },
    });
  } catch (err) {
    throw new Error(`${err.message.split('\n')[0]} (see the top of scripts/start.js)`, { cause: err });
  }
  const { values, positionals } = parsed;
  if (values['code-server']) args.codeServer = true;
  if (values.headless) args.headless = args.codeServer = true;
  if (values.port !== undefined) args.port = number('--port', values.port);
  if (values['idp-port'] !== undefined) args.idpPort = number('--idp-port', values['idp-port']);
  if (values['no-sandbox']) args.sandbox = false;
  if (values['no-vscode']) args.vscode = false;
  if (positionals.length) args.folder = path.resolve(positionals[positionals.length - 1]);
  return args;
}

/** The sample folder, fresh for each start: the fixture workspace and the seed transcripts (auth blobs to hover over). */
function sampleWorkspace() {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'mail-oauth-debugger-sample-'));
  fs.cpSync(path.join(REPO, 'test/fixtures/workspace'), workspace, { recursive: true });
  fs.copyFileSync(path.join(REPO, 'test/fixtures/logs/seed-transcripts.log'), path.join(workspace, 'seed-transcripts.log'));
  return workspace;
}

// Run as `node -e SANDBOX_WATCHDOG parentPid dovecotPids dir...` (the pids comma-separated): if npm start dies without
// stopping the sandbox (SIGKILL, a crash), end the Dovecots and remove the temp folders (the providers and the sink die
// with the process).
const SANDBOX_WATCHDOG = `
const [parent, dovecots, ...dirs] = process.argv.slice(1);
setInterval(() => {
  try { process.kill(Number(parent), 0); return; } catch {}
  for (const pid of dovecots.split(',').map(Number)) try { if (pid) process.kill(pid, 'SIGTERM'); } catch {}
  for (const d of dirs) try { require('fs').rmSync(d, { recursive: true, force: true }); } catch {}
  process.exit(0);
}, 2000);`;

function watchSandbox(sandbox, sample) {
  const dovecots = [sandbox.dovecot, sandbox.oidc && sandbox.oidc.dovecot].filter(Boolean);
  const dirs = [sandbox.dir, ...dovecots.map((d) => path.dirname(d.logFile)), sample].filter(Boolean);
  const pids = dovecots.map((d) => d.pid || 0).join(',') || '0';
  const child = spawn(process.execPath, ['-e', SANDBOX_WATCHDOG, String(process.pid), pids, ...dirs], { detached: true, stdio: 'ignore' });
  child.unref();
  return () => child.kill();
}

async function startSandbox(args) {
  // oidc-provider warns about its in-memory store and the Node version at import: fine for a sandbox.
  const warn = console.warn;
  console.warn = (...a) => (/^oidc-provider WARNING/.test(String(a[0])) ? undefined : warn(...a));
  const { startSandbox: start, sandboxSettings } = require(path.join(REPO, 'dist/sandbox.js'));
  const sandbox = await start({ idpPort: args.idpPort || undefined });
  return { sandbox, settings: sandboxSettings(sandbox) };
}

function summary(sandbox, vscodeLine, problems, sample) {
  const line = '='.repeat(78);
  const out = [line, 'Mail OAuth Debugger sandbox — everything listens on 127.0.0.1; Ctrl-C stops it all', ''];
  if (vscodeLine) out.push(vscodeLine, '');
  if (vscodeLine && sample) {
    // Workspace trust stays on, as a user has it: a folder new to the profile opens in Restricted Mode.
    out.push(
      'The sample folder is new to this VS Code profile, so it opens in Restricted Mode. The extension works there:',
      "an untrusted folder's own sign-in and preset settings are ignored, and the sandbox's are in the profile's user settings.",
      '',
    );
  }
  if (sandbox) {
    if (sandbox.idp) {
      out.push(`  Identity provider  ${sandbox.idp.authority}`);
      out.push(`                     (OpenID configuration: ${sandbox.idp.discoveryUrl})`);
    }
    if (sandbox.dovecot) {
      const p = sandbox.dovecot.ports;
      out.push(`  Dovecot            IMAP 127.0.0.1:${p.imap}   POP3 127.0.0.1:${p.pop3}   SMTP submission 127.0.0.1:${p.submission}   (plain text; tokens checked at the provider)`);
    }
    if (sandbox.oidc) {
      out.push(`  OpenID provider    ${sandbox.oidc.issuer}  (Keycloak-like realm; in mailOAuth.oidc.providers as "${sandbox.oidc.providerId}")`);
      if (sandbox.oidc.dovecot) {
        const p = sandbox.oidc.dovecot.ports;
        out.push(`  Dovecot (realm)    IMAP 127.0.0.1:${p.imap}   POP3 127.0.0.1:${p.pop3}   SMTP submission 127.0.0.1:${p.submission}   (tokens introspected at the realm)`);
      }
    }
    if (sandbox.smtpSink) out.push(`  SMTP sink          127.0.0.1:${sandbox.smtpSink.port} (receives what submission relays)`);
    out.push(`  Test CA            ${sandbox.caPath}`);
    out.push('', `Demo account: ${sandbox.user.upn} (${sandbox.user.name}); no password — the sign-in page has it filled in.`);
    if (sandbox.oidc) out.push(`Second demo account, at the Keycloak-like provider: ${sandbox.oidc.user.email} (${sandbox.oidc.user.name}); no password either.`);
    if (sandbox.idp) {
      out.push(
        "Your browser warns about the sign-in page's certificate: it is signed by the test CA above, made for this",
        'start only. Accept the warning for 127.0.0.1 (or import that CA file). The extension trusts it already.',
      );
    }
    out.push(
      '',
      'Try it:',
      '  1. Sign in: the Mail OAuth icon in the activity bar → Sign in to Microsoft → IMAP. The page asks for a code',
      '     (device code: Copy Code & Open Page, paste, Next, Continue) or opens directly (desktop); then Sign in, Continue.',
      '  2. Encode and decode: Command Palette → "Mail OAuth: Encode XOAUTH2" (offers the signed-in token), "Mail OAuth: Decode SASL String".',
      '  3. Hovers: open imap-session.log or seed-transcripts.log and hover over a base64 blob.',
    );
    if (sandbox.presets.length) {
      out.push(
        '  4. Console: "Mail OAuth: Open Protocol Console", preset "Sandbox IMAP", Connect → logged in and verified;',
        `     then preset "Sandbox IMAP as ${sandbox.otherUser}", Connect → refused, and the verdict says why.`,
        '     Quick actions (FETCH 1 ENVELOPE, TOP 1 0) read the demo INBOX, which holds three messages.',
      );
    }
    if (sandbox.app) {
      // The secret is in a file only you can read, not in this output (which may be kept in a log).
      out.push(
        `  5. App-only (client credentials, app ${sandbox.app.clientId}, already set as the app client ID):`,
        '     Command Palette → "Mail OAuth: Set Client Secret for App-Only Tokens" and paste the secret from',
        `       ${sandbox.app.secretFile}`,
        '     or "Mail OAuth: Set Client Certificate for App-Only Tokens" and choose the PEM (private key + certificate)',
        `       ${sandbox.app.certificateFile}`,
        '     then "Mail OAuth: Get App-Only Token". Its service principal may open ' + `${sandbox.app.grantedMailbox} only:`,
        `     in the console, preset "Sandbox IMAP" (or POP3, SMTP) with the app's token → logged in; the preset`,
        `     "Sandbox IMAP as ${sandbox.otherUser}" → refused, and the verdict names the missing mailbox grant.`,
      );
    }
    if (sandbox.oidc && sandbox.oidc.presets.length) {
      out.push(
        `  6. OpenID (Keycloak-like): in the Accounts view, sign in to "Sandbox Keycloak (realm ${sandbox.oidc.realm})" as ${sandbox.oidc.user.email}`,
        '     (browser, or device code); then the console presets "Sandbox Keycloak IMAP" (POP3, SMTP) → logged in, and',
        `     "Sandbox Keycloak IMAP as …" → refused. Its Dovecot asks the realm's introspection endpoint about each token; the`,
        `     introspection client (${sandbox.oidc.introspectionClientId}) has its secret in ${sandbox.oidc.introspectionSecretFile}`,
      );
    }
  }
  for (const p of [...((sandbox && sandbox.problems) || []), ...problems]) out.push('', `!! ${p.part}: ${p.message}`, `   What to do: ${p.fix}`);
  out.push(line);
  return out.join('\n');
}

/** Desktop VS Code in its own process group with a throw-away profile and the .vsix installed in it; stop() ends it. */
function openDesktop(cli, workspace, settings) {
  const { USER_SETTINGS } = require('./vscode/codeServer');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'mailoauth-vscode-'));
  fs.mkdirSync(path.join(profile, 'user-data/User'), { recursive: true });
  fs.writeFileSync(path.join(profile, 'user-data/User/settings.json'), JSON.stringify({ ...USER_SETTINGS, ...settings }, null, 2));
  const profileArgs = [`--user-data-dir=${profile}/user-data`, `--extensions-dir=${profile}/extensions`];
  const installed = spawnSync(cli, [...profileArgs, '--install-extension', VSIX], { encoding: 'utf8', shell: process.platform === 'win32', timeout: 120_000 });
  if (installed.status !== 0) {
    fs.rmSync(profile, { recursive: true, force: true });
    throw new Error(
      `\`${cli} --install-extension ${VSIX}\` failed (${installed.status ?? installed.signal}): ${`${installed.stdout || ''}${installed.stderr || ''}`.trim().split('\n').slice(-3).join(' ')}`,
    );
  }
  const exe = findDesktopVSCodeExecutable();
  const vsArgs = [...profileArgs, '--new-window', workspace];
  // The Electron binary itself stays in the foreground (the `code` CLI would hand over and return).
  const child = exe
    ? spawn(exe, vsArgs, { detached: true, stdio: 'ignore', env: Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VSCODE_') && k !== 'ELECTRON_RUN_AS_NODE')) })
    : spawn(cli, vsArgs, { stdio: 'inherit', shell: process.platform === 'win32' });
  return {
    child,
    pid: child.pid,
    line: `  VS Code            desktop (${exe || cli}), extension installed from ${VSIX}\n                     folder ${workspace}`,
    async stop() {
      if (exe && child.exitCode === null) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          /* gone */
        }
        await new Promise((r) => setTimeout(r, 1500));
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          /* gone */
        }
      }
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));

  if (!fs.existsSync(path.join(REPO, 'node_modules'))) {
    console.log('== installing dependencies');
    run('npm', [fs.existsSync(path.join(REPO, 'package-lock.json')) ? 'ci' : 'install', '--no-audit', '--no-fund']);
  }
  if (args.sandbox) {
    console.log('== checking Dovecot (installed from Debian when missing and running as root)');
    const r = spawnSync('bash', [path.join(REPO, 'scripts/ensure-dovecot.sh')], { cwd: REPO, stdio: 'inherit' });
    if (r.status !== 0) console.log('   (continuing without installing it: the sandbox says what to do below)');
  }
  if (args.vscode) {
    console.log(`== building the sandbox and packaging the extension (npm run package: ${path.relative(REPO, VSIX)})`);
    run('npm', ['run', '--silent', 'package'], true);
  } else {
    console.log('== building the sandbox');
    run(process.execPath, ['esbuild.js']);
  }

  const sample = args.folder ? '' : sampleWorkspace();
  const workspace = args.folder || sample;
  // Removed on every way out that runs JavaScript; after a SIGKILL the sandbox's watchdog removes it.
  if (sample) process.on('exit', () => fs.rmSync(sample, { recursive: true, force: true }));
  const stops = []; // run in reverse order on Ctrl-C
  let stopping = null;
  const stopAll = async (why) => {
    if (stopping) return stopping;
    stopping = (async () => {
      if (why) process.stderr.write(`\n${why}: stopping ${args.sandbox ? 'the sandbox and ' : ''}VS Code...\n`);
      for (const stop of stops.reverse()) await stop().catch((e) => console.error(`while stopping: ${e.message}`));
      process.stderr.write('Stopped; nothing is left running.\n');
    })();
    return stopping;
  };
  let signals = 0;
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      if (++signals > 1) {
        process.stderr.write('Second interrupt: exiting now.\n');
        process.exit(130);
      }
      stopAll(sig).then(() => process.exit(0));
    });
  }

  let sandbox = null;
  let settings = {};
  if (args.sandbox) {
    console.log('== starting the sandbox (identity provider, SMTP sink, Dovecot)');
    ({ sandbox, settings } = await startSandbox(args));
    const unwatch = watchSandbox(sandbox, sample);
    stops.push(async () => {
      await sandbox.stop();
      unwatch();
    });
  }

  const ready = { sandbox: sandbox && { ...sandbox, stop: undefined }, settings, workspace, pid: process.pid };
  let vscodeLine = '';
  const problems = []; // parts of VS Code that did not start (the sandbox keeps its own)
  let server = null; // code-server
  let logFile = '';
  let keepLog = false; // code-server's log is kept only when it fails
  const code = args.codeServer || !args.vscode ? null : findDesktopCodeCli();
  let desktop = null;
  if (args.vscode && code) {
    try {
      desktop = openDesktop(code, workspace, settings);
    } catch (err) {
      problems.push({ part: 'VS Code (desktop)', message: err.message, fix: 'Run npm start again, or use code-server: npm start -- --code-server. The sandbox runs without it.' });
    }
  }
  if (desktop) {
    stops.push(() => desktop.stop());
    vscodeLine = desktop.line;
    ready.vscode = { kind: 'desktop', pid: desktop.pid };
    desktop.child.on('exit', () => {
      if (!stopping) console.log('VS Code was closed; the sandbox keeps running until Ctrl-C.');
    });
  } else if (args.vscode && !code) {
    const { ensureCodeServer, startCodeServer } = require('./vscode/codeServer');
    console.log('== preparing code-server (installed once into ~/.cache/mail-oauth-debugger)');
    let tools = null;
    try {
      tools = ensureCodeServer();
    } catch (err) {
      problems.push({
        part: 'VS Code (code-server)',
        message: `it could not be installed: ${String(err.message).split('\n')[0]}`,
        fix: 'See the messages above: scripts/ensure-code-server.sh needs the npm registry (and, for Chromium, Debian packages as root). Run npm start again once that works; the sandbox runs without it.',
      });
    }
    const logDir = path.join(REPO, '.test-results/start');
    logFile = path.join(logDir, `code-server-${process.pid}.log`);
    fs.mkdirSync(logDir, { recursive: true });
    process.on('exit', () => keepLog || fs.rmSync(logFile, { force: true }));
    if (!tools) {
      // reported above
    } else if (args.port && !(await portFree(args.port))) {
      problems.push({
        part: 'VS Code (code-server)',
        message: `port ${args.port} on 127.0.0.1 is already in use.`,
        fix: `Stop the program that uses it (\`ss -ltnp 'sport = :${args.port}'\` shows which), or start with another --port (or none: a free one is chosen). The sandbox runs without it.`,
      });
    } else {
      try {
        server = await startCodeServer({ ...tools, port: args.port || undefined, workspace, vsix: VSIX, browser: false, logFile, settings, handleSignals: false });
      } catch (err) {
        keepLog = true;
        problems.push({
          part: 'VS Code (code-server)',
          message: `it did not start: ${err.message.split('\n')[0]}`,
          fix: `See its log (${logFile}); run npm start again. The sandbox runs without it.`,
        });
      }
    }
  }
  if (server) {
    stops.push(() => server.stop());
    vscodeLine = [
      `  VS Code            ${server.url}`,
      '                     ↑ open this in your browser (code-server: VS Code with the packaged extension installed)',
      `                     folder ${workspace}; log ${logFile}`,
      '                     After changing the code: Ctrl-C and npm start again (it packages and installs it anew).',
    ].join('\n');
    ready.vscode = { kind: 'code-server', url: server.url, port: server.port, pid: server.child.pid, logFile, settingsFile: server.settingsFile };
    server.child.on('exit', async (status, signal) => {
      if (stopping) return;
      keepLog = true;
      console.error(`code-server exited (${status ?? signal}); see ${server.logFile}. The sandbox keeps running until Ctrl-C; start again for a new VS Code.`);
    });
  }

  ready.problems = [...((sandbox && sandbox.problems) || []), ...problems];
  console.log(`\n${summary(sandbox, vscodeLine, problems, sample)}`);
  if (args.headless) console.log(READY_PREFIX + JSON.stringify(ready));
  if (!args.vscode && !sandbox) process.exit(0);
}

main().catch((err) => {
  // The sandbox's watchdog ends Dovecot and removes its folders if it was already running.
  console.error(err.message || err);
  process.exit(1);
});
