// npm run bench: log hovers and whole-file scans. Prints `name: value` lines (medians and ratios,
// since this machine is noisy); never asserts times.
import { explainLine, explainPrefilter } from '../../src/core/explain';
import { scanLines } from '../../src/core/logs/scanner';
import { linesOf } from '../../src/core/sasl/detect';
import { hoverAt } from '../../src/hover/hoverContent';
import { makeLog, makeLogOfSize } from './logFixtures';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Median time of a hover at random positions (seeded, so both logs get comparable positions); with
 * onlyBlobLines, at random positions on lines that carry a blob (the expensive case).
 */
function hoverMedianMs(lines: string[], samples: number, onlyBlobLines = false): number {
  const src = linesOf(lines);
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const times: number[] = [];
  const blobLines = lines.map((l, i) => (l.includes('AUTHENTICATE XOAUTH2') ? i : -1)).filter((i) => i >= 0);
  for (let i = 0; i < samples; i++) {
    const line = onlyBlobLines ? blobLines[Math.floor(rand() * blobLines.length)] : Math.floor(rand() * lines.length);
    const character = Math.floor(rand() * Math.max(1, lines[line].length));
    const t0 = process.hrtime.bigint();
    hoverAt(src, line, character, { uri: 'file:///bench.log', isRevealed: () => false });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(times);
}

async function main() {
  const period = 100;
  const big = makeLog(1_000_000, period);
  const small = makeLog(100, period);
  hoverMedianMs(small, 500); // warm up the JIT on the same code paths
  const bigMs = hoverMedianMs(big, 5000);
  const smallMs = hoverMedianMs(small, 5000);
  console.log(`hover_ms_1M_lines: ${bigMs.toFixed(4)}`);
  console.log(`hover_ms_100_lines: ${smallMs.toFixed(4)}`);
  console.log(`hover_size_ratio: ${(bigMs / smallMs).toFixed(3)}`);
  const bigBlobMs = hoverMedianMs(big, 2000, true);
  const smallBlobMs = hoverMedianMs(small, 2000, true);
  console.log(`hover_on_blob_ms_1M_lines: ${bigBlobMs.toFixed(4)}`);
  console.log(`hover_on_blob_size_ratio: ${(bigBlobMs / smallBlobMs).toFixed(3)}`);
  big.length = 0;

  const lines = makeLogOfSize(100 * 1024 * 1024, 1000);
  const bytes = lines.reduce((n, l) => n + Buffer.byteLength(l) + 1, 0);
  const src = linesOf(lines);
  let longest = 0;
  const t0 = process.hrtime.bigint();
  const result = await scanLines(src, { explainLine, explainPrefilter: explainPrefilter(), onSlice: (ms) => (longest = Math.max(longest, ms)), maxResults: Number.MAX_SAFE_INTEGER });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(`scan_mb: ${(bytes / 1024 / 1024).toFixed(1)}`);
  console.log(`scan_lines: ${lines.length}`);
  console.log(`scan_blobs_found: ${result.blobs.length}`);
  console.log(`scan_findings_found: ${result.findings.length}`);
  console.log(`scan_mb_per_s: ${(bytes / 1024 / 1024 / seconds).toFixed(1)}`);
  console.log(`scan_longest_block_ms: ${longest}`);
}

main().catch((e) => {
  console.error(`bench failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
