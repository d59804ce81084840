// Property-based fuzzing of the parsers that read untrusted input (issue 7): SASL decoding, blob
// detection and hovers in logs, JWT inspection, the knowledge base, transcript redaction, and the IMAP,
// POP3 and SMTP reply parsers over server bytes played in memory. Benchmark-style: prints cases run,
// failures and the slowest case per target; never part of the regular test run.
// Properties: no exception escapes, and time stays roughly linear in the input size.
import * as fc from 'fast-check';
import { explain, explainLine, explainPrefilter } from '../../src/core/explain';
import { scanLines } from '../../src/core/logs/scanner';
import { isOutlookAudience } from '../../src/core/token/checks';
import { decodeSasl } from '../../src/core/sasl/decode';
import { blobAt, linesOf } from '../../src/core/sasl/detect';
import { inspectToken } from '../../src/core/token/inspect';
import { hoverAt } from '../../src/hover/hoverContent';
import { redactLine, redactLineForSaving } from '../../src/core/protocol/transcript';
import { cuts, serverBytes } from './replyArbitraries';
import { checkReplyParser, checkReplyParserOverSocket, chunked, Protocol, readAllReplies, startReplayServer } from './scriptedServer';

const RUNS = Number(process.env.FUZZ_RUNS) || 100_000;
/** End-to-end cases over loopback TCP per reply parser. */
const SOCKET_RUNS = Number(process.env.FUZZ_SOCKET_RUNS) || 2_000;
/** Runs only the targets whose name contains this (e.g. FUZZ_ONLY=reply_parser); all by default. */
const ONLY = process.env.FUZZ_ONLY ?? '';
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
const logLines = fc.array(
  fc.oneof(saslInput, fc.string({ maxLength: 120 }), fc.constantFrom('S: +', 'C: AUTH XOAUTH2', 'S: 334', 'S: A01 NO AUTHENTICATE failed.', '535 5.7.3 Authentication unsuccessful')),
  { maxLength: 12 },
);

interface Target {
  name: string;
  arbitrary: fc.Arbitrary<unknown>;
  run: (input: never) => void | Promise<void>;
  /** The input as it should be printed when it fails (default: JSON). */
  show?: (input: never) => string;
  /** The property returns a promise. */
  isAsync?: boolean;
  /** A reply parser's protocol: its property also runs over loopback TCP. */
  protocol?: Protocol;
}

/** A reply parser's target: server bytes, and where the chunk boundaries fall. */
function replyTarget(protocol: Protocol): Target {
  return {
    name: `${protocol}_reply_parser`,
    isAsync: true,
    protocol,
    arbitrary: fc.tuple(serverBytes(protocol), cuts),
    run: ([bytes, how]: [Buffer, number[] | 'every-byte']) => checkReplyParser(protocol, bytes, chunked(bytes, how)),
    show: ([bytes, how]: [Buffer, number[] | 'every-byte']) =>
      `${JSON.stringify(bytes.toString('latin1'))} in chunks of ${chunked(bytes, how)
        .map((c) => c.length)
        .join('+')} bytes`,
  };
}

const targets: Target[] = [
  { name: 'sasl_decode', arbitrary: saslInput, run: (s: string) => void decodeSasl(s) },
  {
    name: 'blob_detector_and_hover',
    arbitrary: fc.tuple(
      logLines.map((ls) => ls.join('\n').split('\n')),
      fc.nat(),
      fc.nat(),
    ),
    run: ([lines, l, c]: [string[], number, number]) => {
      const src = linesOf(lines);
      const line = l % Math.max(1, lines.length);
      const ch = c % Math.max(1, (lines[line] ?? '').length + 1);
      void blobAt(src, line, ch);
      void hoverAt(src, line, ch, { uri: 'file:///f.log', isRevealed: () => false });
    },
  },
  {
    name: 'jwt_inspection',
    arbitrary: fc.oneof(
      token,
      fc.string({ maxLength: 400 }),
      fc.tuple(fc.json(), fc.json()).map(([h, p]) => `${Buffer.from(h).toString('base64url')}.${Buffer.from(p).toString('base64url')}.sig`),
    ),
    run: (t: string) => void inspectToken(t),
  },
  {
    name: 'knowledge_base',
    arbitrary: fc.oneof(
      fc.string({ maxLength: 400 }),
      logLines.map((l) => l.join('\n')),
    ),
    run: (t: string) => void (explain(t), explainLine(t)),
  },
  { name: 'transcript_redaction', arbitrary: saslInput, run: (l: string) => void (redactLine(l), redactLineForSaving(l)) },
  replyTarget('imap'),
  replyTarget('pop3'),
  replyTarget('smtp'),
];

/** Runs one target's property; prints cases, failures, the slowest case and the first failure. */
async function check(label: string, target: Target, numRuns: number): Promise<{ cases: number; failures: number }> {
  let slowest = 0;
  let firstFailure = '';
  const started = Date.now();
  const run = target.run as (i: unknown) => void | Promise<void>;
  const params = { numRuns, seed: 7, endOnFailure: true };
  // Reply parsers read from a stream, so their property is asynchronous; the others stay synchronous.
  const result = target.isAsync
    ? await fc.check(
        fc.asyncProperty(target.arbitrary, async (input) => {
          const t0 = performance.now();
          await run(input);
          slowest = Math.max(slowest, performance.now() - t0);
        }),
        params,
      )
    : fc.check(
        fc.property(target.arbitrary, (input) => {
          const t0 = performance.now();
          void run(input);
          slowest = Math.max(slowest, performance.now() - t0);
        }),
        params,
      );
  if (result.failed) {
    const input = result.counterexample?.[0];
    const shown = target.show && input !== undefined ? (target.show as (i: unknown) => string)(input) : JSON.stringify(result.counterexample);
    firstFailure = `${String(result.errorInstance ?? '').split('\n')[0]} on ${shown?.slice(0, 400)}`;
  }
  console.log(`fuzz_${label}_cases: ${result.numRuns}`);
  console.log(`fuzz_${label}_failures: ${result.failed ? 1 : 0}`);
  console.log(`fuzz_${label}_slowest_case_ms: ${slowest.toFixed(2)}`);
  console.log(`fuzz_${label}_seconds: ${((Date.now() - started) / 1000).toFixed(1)}`);
  if (firstFailure) console.log(`fuzz_${label}_first_failure: ${firstFailure}`);
  return { cases: result.numRuns, failures: result.failed ? 1 : 0 };
}

async function main(): Promise<void> {
  const began = Date.now();
  const total = { cases: 0, failures: 0 };
  const overSockets = { cases: 0, failures: 0 };
  const chosen = targets.filter((t) => t.name.includes(ONLY));
  for (const target of chosen) {
    const r = await check(target.name, target, RUNS);
    total.cases += r.cases;
    total.failures += r.failures;
    if (target.protocol) {
      // The same property end to end over TCP on loopback, fewer cases (a connection each).
      const server = await startReplayServer(target.protocol);
      const protocol = target.protocol;
      const s = await check(
        `${target.name}_over_socket`,
        { ...target, run: ([bytes, how]: [Buffer, number[] | 'every-byte']) => checkReplyParserOverSocket(server, protocol, bytes, how) },
        SOCKET_RUNS,
      );
      await server.stop();
      overSockets.cases += s.cases;
      overSockets.failures += s.failures;
    }
  }
  await growthOfPureParsers();
  await growthOfHostileShapes();
  await growthOfReplyParsers();
  console.log(
    `fuzz_summary: ${chosen.length} targets, ${total.cases} cases, ${total.failures} failures; over loopback sockets ${overSockets.cases} cases, ${overSockets.failures} failures; ${((Date.now() - began) / 1000).toFixed(1)} s`,
  );
}

// Super-linear time: the same shapes at 1x and 16x size should cost about 16x, not 256x. Small and big
// runs alternate and the fastest of each counts, so a burst of load on a shared machine skews neither.
async function growth(small: () => unknown, big: () => unknown, reps = 9): Promise<number> {
  await small(); // warm-up
  let bestSmall = Infinity;
  let bestBig = Infinity;
  for (let i = 0; i < reps; i++) {
    let t0 = performance.now();
    await small();
    bestSmall = Math.min(bestSmall, performance.now() - t0);
    t0 = performance.now();
    await big();
    bestBig = Math.min(bestBig, performance.now() - t0);
  }
  return bestBig / Math.max(bestSmall, 1e-6);
}

/** The ratio, marked when 16x the input costs more than twice 16x the time (super-linear). */
function flagged(ratio: number): string {
  return ratio > 32 ? `${ratio.toFixed(1)} SUPER-LINEAR` : ratio.toFixed(1);
}

/**
 * The hostile shapes of issue 12 (see test/bench/adversarialBench.ts) at 1x and 16x: hovers should not
 * grow at all (their cost is bounded), decoding and whole-file scans about 16x.
 */
async function growthOfHostileShapes(): Promise<void> {
  const base64Lines = (chars: number, width: number) => {
    const all = Buffer.from(Buffer.alloc(Math.ceil((chars * 3) / 4)).map((_, i) => (i * 2654435761) >>> 24))
      .toString('base64')
      .replace(/=/g, '');
    const lines: string[] = [];
    for (let i = 0; i < all.length; i += width) lines.push(all.slice(i, i + width));
    return lines;
  };
  const xoauth2 = (i: number) => b64(`user=u${i}@example.com\x01auth=Bearer ${'t'.repeat(40 + (i % 3))}\x01\x01`);
  const shapes: [string, (k: number) => unknown][] = [
    ['sasl_decode_padding_flood', (k) => ['+ ' + '='.repeat(16_384 * k) + 'AAAA']],
    ['sasl_decode_deep_json', (k) => [b64('{"status":' + '['.repeat(2000 * k) + ']'.repeat(2000 * k) + '}')]],
    ['audience_slashes', (k) => ['/'.repeat(262_144 * k) + 'x']],
    ['hover_base64_4000_char_lines', (k) => base64Lines(256 * 1024 * k, 4000)],
    ['hover_eyJz_line_starts', (k) => base64Lines(256 * 1024 * k, 4000).map((l) => 'eyJz' + l.slice(4))],
    ['scan_eyJz_line_starts', (k) => base64Lines(256 * 1024 * k, 4000).map((l) => 'eyJz' + l.slice(4))],
    ['scan_eyJz_mid_line', (k) => base64Lines(64 * 1024 * k, 76).map((l) => l.slice(0, 30) + 'eyJz' + l.slice(34))],
    ['scan_many_short_blobs', (k) => Array.from({ length: 500 * k }, (_, i) => xoauth2(i))],
    ['scan_huge_line_of_runs', (k) => [Array.from({ length: 2000 * k }, (_, i) => xoauth2(i).slice(0, 20)).join(' ')]],
  ];
  const run = async (name: string, input: unknown) => {
    const lines = input as string[];
    if (name.startsWith('sasl_decode')) return decodeSasl(lines[0]);
    if (name === 'audience_slashes') return isOutlookAudience(lines[0]);
    if (name.startsWith('hover')) return hoverAt(linesOf(lines), lines.length >> 1, 2000, { uri: 'file:///fuzz.log', isRevealed: () => false });
    return scanLines(linesOf(lines), { explainLine, explainPrefilter: explainPrefilter(), maxResults: Number.MAX_SAFE_INTEGER });
  };
  for (const [name, shape] of shapes) {
    const small = shape(1);
    const big = shape(16);
    console.log(
      `fuzz_${name}_growth_16x_input: ${flagged(
        await growth(
          () => run(name, small),
          () => run(name, big),
          7,
        ),
      )}`,
    );
  }
}

async function growthOfPureParsers(): Promise<void> {
  const unit = 'A'.repeat(4000) + '=' + ' '.repeat(100) + '\x01'.repeat(100);
  for (const [name, fn] of [
    ['sasl_decode', (s: string) => decodeSasl(s)],
    ['knowledge_base', (s: string) => explain(s)],
    ['blob_detector', (s: string) => blobAt(linesOf(s.split('\n')), 0, 5)],
  ] as const) {
    const big = unit.repeat(16);
    console.log(
      `fuzz_${name}_growth_16x_input: ${flagged(
        await growth(
          () => fn(unit),
          () => fn(big),
          20,
        ),
      )}`,
    );
  }
}

/** Reads a whole script with the default limits (the 16x shapes pass the fuzz caps); it must end in a close. */
async function readWhole(protocol: Protocol, chunks: Buffer[]): Promise<void> {
  const r = await readAllReplies(protocol, chunks);
  if (r.end !== 'closed') throw new Error(`growth shape for ${protocol} ended with ${r.end}`);
}

/** Shapes at k = 1 and 16: long lines trickling in byte by byte, many literals, many lines. */
async function growthOfReplyParsers(): Promise<void> {
  const inChunks = (b: Buffer) => chunked(b, []); // chunks of the fuzzer's line cap, 256 bytes
  const shapes: [string, Protocol, (k: number) => Buffer[]][] = [
    ['imap_reply_parser_line_byte_by_byte', 'imap', (k) => chunked(Buffer.from(`* OK ${'x'.repeat(3000 * k)}\r\nA001 OK done\r\n`), 'every-byte')],
    ['imap_reply_parser_literals', 'imap', (k) => inChunks(Buffer.from(`* 1 FETCH ({200}\r\n${`${'abcdefghij'.repeat(20)} {200}\r\n`.repeat(60 * k)}${'abcdefghij'.repeat(20)})\r\nA001 OK done\r\n`))],
    ['imap_reply_parser_untagged_lines', 'imap', (k) => inChunks(Buffer.from(`${'* 1 EXISTS\r\n'.repeat(3000 * k)}A001 OK done\r\n`))],
    ['pop3_reply_parser_multi_line', 'pop3', (k) => inChunks(Buffer.from(`+OK\r\n${'..stuffed line\r\nplain line\r\n'.repeat(2000 * k)}.\r\n`))],
    ['pop3_reply_parser_line_byte_by_byte', 'pop3', (k) => chunked(Buffer.from(`+OK ${'x'.repeat(3000 * k)}\r\n`), 'every-byte')],
    ['smtp_reply_parser_multi_line', 'smtp', (k) => inChunks(Buffer.from(`${'250-ext\r\n'.repeat(3000 * k)}250 done\r\n`))],
    ['smtp_reply_parser_line_byte_by_byte', 'smtp', (k) => chunked(Buffer.from(`250 ${'x'.repeat(3000 * k)}\r\n`), 'every-byte')],
  ];
  for (const [name, protocol, shape] of shapes) {
    const small = shape(1);
    const big = shape(16);
    console.log(
      `fuzz_${name}_growth_16x_input: ${(
        await growth(
          () => readWhole(protocol, small),
          () => readWhole(protocol, big),
          7,
        )
      ).toFixed(1)}`,
    );
  }
}

void main();
