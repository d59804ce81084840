#!/usr/bin/env node
// `npm run bench`: compiles, then runs every benchmark; each prints `name: value` lines. Figures, not
// assertions: compare them with the targets in README.md ("Performance").
'use strict';
const { spawnSync } = require('child_process');
const path = require('path');

const REPO = path.resolve(__dirname, '..');
const run = (args, title) => {
  console.log(`# ${title}`);
  const r = spawnSync(process.execPath, args, { cwd: REPO, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`${title} failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
};

const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', '.'], { cwd: REPO, stdio: 'inherit' });
if (tsc.status !== 0) process.exit(1);
run(['--max-old-space-size=8192', 'out/test/bench/logBench.js'], 'log hovers and whole-file scan');
run(['--max-old-space-size=4096', '--expose-gc', 'out/test/bench/adversarialBench.js'], 'hostile files: worst hover, longest block of the scan (issue 12)');
run(['scripts/bench-explain.js'], 'knowledge base on ordinary lines');
// The protocol bench needs a real Dovecot (installed from Debian when missing, as for `npm test`).
const dovecot = spawnSync('bash', [path.join(REPO, 'scripts/ensure-dovecot.sh')], { cwd: REPO, stdio: 'inherit' });
if (dovecot.status !== 0) {
  console.error('scripts/ensure-dovecot.sh failed: the protocol bench needs Dovecot');
  process.exit(1);
}
run(['out/test/bench/protocolBench.js'], 'protocol round trips and time to auth, ours vs curl (Dovecot)');
// The capture proxy as the real CLI (dist/cli.js, built here) between a client and a scripted IMAP server.
const build = spawnSync(process.execPath, ['esbuild.js'], { cwd: REPO, stdio: 'inherit' });
if (build.status !== 0) process.exit(1);
run(['out/test/bench/proxyBench.js'], 'capture proxy: added latency, 20 MB literal throughput, 200 concurrent sessions');
// In the real VS Code (code-server + headless Chromium): a 20 MB FETCH streamed into the protocol console.
run(['scripts/bench-console.js'], 'protocol console: 20 MB FETCH in the real VS Code');
