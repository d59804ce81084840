#!/usr/bin/env node
// Measures explainLine on ordinary log lines (the common case: nothing to explain), so the cost of
// running it over every line of a large log can be checked. Run after `npx tsc -p .`:
//   node scripts/bench-explain.js [lines]
'use strict';
const path = require('path');
const util = require('util');

const { explainLine } = require(path.join(__dirname, '..', 'out', 'src', 'core', 'explain', 'index.js'));

const { positionals } = util.parseArgs({ allowPositionals: true });
const count = Number(positionals[0]) || 200000;
const templates = [
  (i) => `2026-11-21 14:${String(i % 60).padStart(2, '0')}:07.${i % 1000} INFO [worker-${i % 8}] Fetched message ${i} from INBOX (uid=${i * 7}, size=${i % 9000} bytes)`,
  (i) => `* ${i} FETCH (UID ${i + 1000} FLAGS (\\Seen) RFC822.SIZE ${i * 13} INTERNALDATE "21-Nov-2026 10:00:00 +0000")`,
  (i) => `A${String(i).padStart(5, '0')} OK FETCH completed.`,
  (i) => `[2026-11-21 11:${i % 60}:03] DEBUG [cDYfWw5rFKQ] S: 250-SIZE 35882577`,
  (i) => `{"level":30,"time":17610215${i},"pid":97536,"hostname":"build-01","component":"imap-connection","cid":"qjrpexbly7wu7egl40bw","src":"s","msg":"* ${i} EXISTS"}`,
  (i) => `127.0.0.1 - - [21/Nov/2026:10:00:${i % 60} +0000] "GET /api/messages?page=${i} HTTP/1.1" 200 ${i % 5000} "-" "Mozilla/5.0 (X11; Linux x86_64)"`,
  (i) => `Nov 21 14:16:32 mail dovecot: imap(alice@example.com)<19036><wB7qAcpgkr1/AAAB>: Info: Disconnected: Logged out in=${i} out=404 deleted=0 expunged=0`,
  (i) => `    at processTicksAndRejections (node:internal/process/task_queues:${i % 100}:5)`,
  (i) => `C: A${i} UID FETCH ${i}:* (FLAGS)`,
  (i) => `Subject: Re: quarterly report ${i} draft`,
];
const lines = [];
for (let i = 0; i < count; i++) lines.push(templates[i % templates.length](i));
const bytes = lines.reduce((sum, l) => sum + Buffer.byteLength(l) + 1, 0);

function pass() {
  let found = 0;
  for (const line of lines) found += explainLine(line).length;
  return found;
}

for (let i = 0; i < 3; i++) pass(); // let the JIT settle
const rounds = 5;
let best = Infinity;
let found = 0;
for (let r = 0; r < rounds; r++) {
  const start = process.hrtime.bigint();
  found = pass();
  const ns = Number(process.hrtime.bigint() - start);
  best = Math.min(best, ns);
}
const perLine = best / lines.length;
console.log(`lines: ${lines.length}, average bytes per line: ${(bytes / lines.length).toFixed(1)}, findings: ${found}`);
console.log(`throughput_mb_per_s: ${(bytes / (best / 1e9) / 1e6).toFixed(0)}`);
console.log(`explain_line_ns_per_line: ${perLine.toFixed(1)}`);
