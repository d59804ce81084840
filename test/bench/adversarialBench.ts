// npm run bench: hovers and whole-file scans over hostile files (issue 12), not the friendly fixture.
// Prints the worst hover and the longest synchronous block of the scan (run as the extension runs it:
// explainLine with its prefilter, default slices) per file and over all of them. Figures, never asserts.
import { randomBytes } from 'crypto';
import { explainLine, explainPrefilter } from '../../src/core/explain';
import { scanLines } from '../../src/core/logs/scanner';
import { linesOf } from '../../src/core/sasl/detect';
import { hoverAt } from '../../src/hover/hoverContent';

const SAMPLES = Number(process.env.ADV_SAMPLES) || 20;
/**
 * Each hover position and each scan is run this often and the median kept: the machine is shared and
 * one run can be stretched by another process or by a collection of the previous file's garbage.
 */
const REPEATS = Number(process.env.ADV_REPEATS) || 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const b64 = (s: string) => Buffer.from(s, 'latin1').toString('base64');

/** Base64 of random bytes, cut into lines of `width` characters, about `bytes` in all. */
function base64Text(bytes: number, width: number): string[] {
  const all = randomBytes(Math.ceil((bytes * 3) / 4))
    .toString('base64')
    .replace(/=+$/, '');
  const lines: string[] = [];
  for (let i = 0; i < all.length; i += width) lines.push(all.slice(i, i + width));
  return lines;
}

/** Lines that each look like the start of an error challenge ('{"s' is "eyJz") and wrap on. */
function craftedPrefixLines(bytes: number, width: number, prefixAt: 'start' | 'middle'): string[] {
  return base64Text(bytes, width).map((l) => (prefixAt === 'start' ? 'eyJz' + l.slice(4) : l.slice(0, width >> 1) + 'eyJz' + l.slice((width >> 1) + 4)));
}

const xoauth2 = (i: number) => b64(`user=user${i}@example.com\x01auth=Bearer ${'t'.repeat(40 + (i % 3))}\x01\x01`);

const FILES: Record<string, () => string[]> = {
  base64_text_1MB_1000_char_lines: () => base64Text(1 << 20, 1000),
  base64_text_1MB_4000_char_lines: () => base64Text(1 << 20, 4000),
  base64_text_1MB_76_char_lines: () => base64Text(1 << 20, 76),
  eyJz_line_starts_2_4MB_4000_chars: () => craftedPrefixLines(2.4 * (1 << 20), 4000, 'start'),
  eyJz_line_starts_1MB_76_chars: () => craftedPrefixLines(1 << 20, 76, 'start'),
  eyJz_mid_line_1MB_76_chars: () => craftedPrefixLines(1 << 20, 76, 'middle'),
  AUTH_inside_base64_1MB: () => base64Text(1 << 20, 76).map((l) => l.slice(0, 30) + '+AUTH+' + l.slice(36)),
  padding_flood_1MB_line: () => ['S: + ' + '='.repeat(1 << 20), 'C: AUTHENTICATE XOAUTH2 ' + 'dXNl' + '='.repeat(1 << 20)],
  padding_flood_lines: () => Array.from({ length: 4096 }, () => 'dXNlcj1h' + '='.repeat(256)),
  deep_json_challenge: () => ['S: + ' + b64('{"status":' + '['.repeat(5000) + ']'.repeat(5000) + '}'), 'S: + ' + b64('{"status":"x","a":' + '{"a":'.repeat(20000) + '1' + '}'.repeat(20001))],
  huge_single_line_8MB_base64: () => [base64Text(6 << 20, 8 << 20).join('')],
  huge_single_line_many_runs: () => [Array.from({ length: 200_000 }, (_, i) => xoauth2(i).slice(0, 20)).join(' ')],
  huge_line_spaces_before_blob: () => [' '.repeat(1 << 20) + xoauth2(1)],
  many_short_blobs_100k: () => Array.from({ length: 100_000 }, (_, i) => xoauth2(i)),
  many_short_blobs_one_line: () => [Array.from({ length: 20_000 }, (_, i) => 'AUTHENTICATE XOAUTH2 ' + xoauth2(i)).join(' ')],
  // Login strings written as text (before base64): near misses that make the pattern try and give up, and real ones.
  plain_text_near_misses_1MB: () => Array.from({ length: 1024 }, () => 'user=' + 'a'.repeat(300) + '^A' + ' auth= x'.repeat(90)),
  plain_text_near_misses_one_120KB_line: () => [('user=' + 'a'.repeat(300) + '^A' + ' auth= x'.repeat(40)).repeat(190)],
  plain_text_first_login_at_the_end_120KB: () => ['user=a^Aauth=Bearer'.repeat(6000) + ' user=a^Aauth=Bearer x^A^A'],
  plain_text_logins_100k: () => Array.from({ length: 100_000 }, (_, i) => `uncoded initial reply: user=user${i}@example.com\\001auth=Bearer ${'t'.repeat(40)}\\001\\001`),
};

/** CPU time of this process in ms: unlike the wall clock, not stretched by other processes on a busy machine. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Worst hover over the sampled positions: [wall ms, CPU ms]. */
function hoverWorstMs(lines: string[]): [number, number] {
  const src = linesOf(lines);
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const positions: [number, number][] = [
    [0, 0],
    [lines.length - 1, Math.max(0, lines[lines.length - 1].length - 1)],
    [lines.length >> 1, lines[lines.length >> 1].length >> 1],
  ];
  for (let i = 0; i < SAMPLES; i++) {
    const line = Math.floor(rand() * lines.length);
    positions.push([line, Math.floor(rand() * lines[line].length)]);
  }
  let worst = 0;
  let worstCpu = 0;
  for (const [line, character] of positions) {
    const times: number[] = [];
    const cpu: number[] = [];
    for (let r = 0; r < REPEATS; r++) {
      const c0 = cpuMs();
      const t0 = process.hrtime.bigint();
      hoverAt(src, line, character, { uri: 'file:///adversarial.log', isRevealed: () => false });
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
      cpu.push(cpuMs() - c0);
    }
    worst = Math.max(worst, median(times));
    worstCpu = Math.max(worstCpu, median(cpu));
  }
  return [worst, worstCpu];
}

/** Longest synchronous block of the scan: [wall ms, CPU ms between two yields]. */
async function scanLongestBlockMs(lines: string[]): Promise<[number, number]> {
  const runs: number[] = [];
  const cpuRuns: number[] = [];
  for (let r = 0; r < REPEATS; r++) {
    let longest = 0;
    let longestCpu = 0;
    let last = cpuMs();
    const onSlice = (ms: number) => {
      longest = Math.max(longest, ms);
      const now = cpuMs();
      longestCpu = Math.max(longestCpu, now - last);
      last = now;
    };
    await scanLines(linesOf(lines), { explainLine, explainPrefilter: explainPrefilter(), onSlice });
    runs.push(longest);
    cpuRuns.push(longestCpu);
  }
  return [median(runs), median(cpuRuns)];
}

async function main() {
  const only = process.env.ADV_ONLY ?? '';
  let hoverWorst = 0;
  let scanWorst = 0;
  let hoverWorstCpu = 0;
  let scanWorstCpu = 0;
  hoverWorstMs(FILES.many_short_blobs_100k().slice(0, 200)); // warm up the JIT
  for (const [name, make] of Object.entries(FILES)) {
    if (!name.includes(only)) continue;
    // Flat strings, as a document's lineAt() gives them (a repeat() or join() result is a rope that the
    // first regex would flatten, timing the copy instead of the hover).
    collect(); // the previous file's garbage is not this file's cost
    const lines = make().map((l) => Buffer.from(l, 'latin1').toString('latin1'));
    const [hover, hoverCpu] = hoverWorstMs(lines);
    const [scan, scanCpu] = await scanLongestBlockMs(lines);
    hoverWorst = Math.max(hoverWorst, hover);
    scanWorst = Math.max(scanWorst, scan);
    hoverWorstCpu = Math.max(hoverWorstCpu, hoverCpu);
    scanWorstCpu = Math.max(scanWorstCpu, scanCpu);
    console.log(`adversarial_${name}: hover_worst_ms ${hover.toFixed(1)} (cpu ${hoverCpu.toFixed(1)}) scan_longest_block_ms ${scan} (cpu ${scanCpu.toFixed(1)})`);
  }
  console.log(`hover_worst_ms_adversarial: ${hoverWorst.toFixed(1)}`);
  console.log(`scan_longest_block_ms_adversarial: ${scanWorst}`);
  console.log(`hover_worst_cpu_ms_adversarial: ${hoverWorstCpu.toFixed(1)}`);
  console.log(`scan_longest_block_cpu_ms_adversarial: ${scanWorstCpu.toFixed(1)}`);
}

main().catch((e) => {
  console.error(`bench failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
