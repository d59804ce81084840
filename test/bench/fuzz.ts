// Property-based fuzzing of the parsers that read untrusted input (issue 7's first targets): SASL
// decoding, blob detection and hovers in logs, JWT inspection, the knowledge base. Benchmark-style:
// prints cases run, failures and the slowest case per target; never part of the regular test run.
// Properties: no exception escapes, and time stays roughly linear in the input size.
import * as fc from 'fast-check';
import { explain, explainLine } from '../../src/core/explain';
import { decodeSasl } from '../../src/core/sasl/decode';
import { blobAt, linesOf } from '../../src/core/sasl/detect';
import { inspectToken } from '../../src/core/token/inspect';
import { hoverAt } from '../../src/hover/hoverContent';
import { redactLine, redactLineForSaving } from '../../src/core/protocol/transcript';

const RUNS = Number(process.env.FUZZ_RUNS) || 100_000;
const b64 = (s: string) => Buffer.from(s, 'latin1').toString('base64');

// Inputs shaped like the real thing, so the fuzzer reaches deep code, mixed with plain noise.
const token = fc.oneof(fc.string({ maxLength: 80 }), fc.stringMatching(/^eyJ[A-Za-z0-9_-]{0,60}\.[A-Za-z0-9_-]{0,60}\.[A-Za-z0-9_-]{0,40}$/), fc.constant('EwBAAl3BAAUFFpUAo7J3Ve0bjLBWZWCclRC3EoAA'));
const saslText = fc.oneof(
  fc.tuple(fc.string({ maxLength: 40 }), token, fc.constantFrom('\x01\x01', '\x01', '', '\x01\x01junk', '^A^A')).map(([u, t, end]) => `user=${u}\x01auth=Bearer ${t}${end}`),
  fc.tuple(fc.string({ maxLength: 30 }), fc.string({ maxLength: 20 }), token).map(([u, h, t]) => `n,a=${u},\x01host=${h}\x01port=143\x01auth=Bearer ${t}\x01\x01`),
  fc.tuple(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 })).map(([a, b, c]) => `${a}\x00${b}\x00${c}`),
  fc.json().map((j) => j),
  fc.string({ maxLength: 200 }),
);
const saslInput = fc.oneof(
  saslText.map(b64),
  saslText.map((t) => `A01 AUTHENTICATE XOAUTH2 ${b64(t)}`),
  saslText.map((t) => `C: ${b64(t).replace(/(.{1,20})/g, '$1\n')}`),
  saslText.map((t) => `334 ${b64(t).replace(/=+$/, '')}`),
  fc.string({ maxLength: 300 }),
  fc.stringMatching(/^[A-Za-z0-9+/=\-_ \n]{0,300}$/),
);
const logLines = fc.array(fc.oneof(saslInput, fc.string({ maxLength: 120 }), fc.constantFrom('S: +', 'C: AUTH XOAUTH2', 'S: 334', 'S: A01 NO AUTHENTICATE failed.', '535 5.7.3 Authentication unsuccessful')), { maxLength: 12 });

interface Target {
  name: string;
  arbitrary: fc.Arbitrary<unknown>;
  run: (input: never) => void;
}

const targets: Target[] = [
  { name: 'sasl_decode', arbitrary: saslInput, run: (s: string) => void decodeSasl(s) },
  {
    name: 'blob_detector_and_hover',
    arbitrary: fc.tuple(logLines.map((ls) => ls.join('\n').split('\n')), fc.nat(), fc.nat()),
    run: ([lines, l, c]: [string[], number, number]) => {
      const src = linesOf(lines);
      const line = l % Math.max(1, lines.length);
      const ch = c % Math.max(1, (lines[line] ?? '').length + 1);
      void blobAt(src, line, ch);
      void hoverAt(src, line, ch, { uri: 'file:///f.log', isRevealed: () => false });
    },
  },
  { name: 'jwt_inspection', arbitrary: fc.oneof(token, fc.string({ maxLength: 400 }), fc.tuple(fc.json(), fc.json()).map(([h, p]) => `${Buffer.from(h).toString('base64url')}.${Buffer.from(p).toString('base64url')}.sig`)), run: (t: string) => void inspectToken(t) },
  { name: 'knowledge_base', arbitrary: fc.oneof(fc.string({ maxLength: 400 }), logLines.map((l) => l.join('\n'))), run: (t: string) => void (explain(t), explainLine(t)) },
  { name: 'transcript_redaction', arbitrary: saslInput, run: (l: string) => void (redactLine(l), redactLineForSaving(l)) },
];

for (const target of targets) {
  let slowest = 0;
  let failures = 0;
  let firstFailure = '';
  const started = Date.now();
  const property = fc.property(target.arbitrary, (input) => {
    const t0 = performance.now();
    (target.run as (i: unknown) => void)(input);
    slowest = Math.max(slowest, performance.now() - t0);
  });
  const result = fc.check(property, { numRuns: RUNS, seed: 7, endOnFailure: true });
  if (result.failed) {
    failures = 1;
    firstFailure = `${String(result.errorInstance ?? '').split('\n')[0]} on ${JSON.stringify(result.counterexample)?.slice(0, 300)}`;
  }
  console.log(`fuzz_${target.name}_cases: ${result.numRuns}`);
  console.log(`fuzz_${target.name}_failures: ${failures}`);
  console.log(`fuzz_${target.name}_slowest_case_ms: ${slowest.toFixed(2)}`);
  console.log(`fuzz_${target.name}_seconds: ${((Date.now() - started) / 1000).toFixed(1)}`);
  if (firstFailure) console.log(`fuzz_${target.name}_first_failure: ${firstFailure}`);
}

// Super-linear time: the same shapes at 1x and 16x size should cost about 16x, not 256x.
function timeOf(fn: () => void, reps = 20): number {
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) fn();
  return (performance.now() - t0) / reps;
}
const unit = 'A'.repeat(4000) + '=' + ' '.repeat(100) + '\x01'.repeat(100);
for (const [name, fn] of [
  ['sasl_decode', (s: string) => decodeSasl(s)],
  ['knowledge_base', (s: string) => explain(s)],
  ['blob_detector', (s: string) => blobAt(linesOf(s.split('\n')), 0, 5)],
] as const) {
  const small = timeOf(() => fn(unit));
  const big = timeOf(() => fn(unit.repeat(16)));
  console.log(`fuzz_${name}_growth_16x_input: ${(big / Math.max(small, 1e-6)).toFixed(1)}`);
}
