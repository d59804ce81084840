// `npm run hostile`: plays every hostile-server scenario (test/servers/hostileScenarios.ts) against the
// engines and prints one line per scenario (protocol, scenario, outcome, elapsed ms, message), memory
// figures for the giant ones, and `N scenarios: N explained, N failed`. Figures, not assertions.
// Usage: node out/test/bench/hostile.js [--only SUBSTRING]
import { Certificates, makeScenarioCertificates, removeScenarioCertificates, runScenario, scenarios, testToken } from '../servers/hostileScenarios';

const MB = 1024 * 1024;

async function main(): Promise<number> {
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : '';
  const unhandled: string[] = [];
  process.on('unhandledRejection', (e) => unhandled.push(`unhandled rejection: ${(e as Error)?.message ?? String(e)}`));
  process.on('uncaughtException', (e) => unhandled.push(`uncaught exception: ${e.message}`));
  const certs = makeScenarioCertificates();
  try {
    return await playAll(certs, only, unhandled);
  } finally {
    removeScenarioCertificates(certs);
  }
}

async function playAll(certs: Certificates, only: string, unhandled: string[]): Promise<number> {
  const token = await testToken();
  const list = scenarios().filter((s) => s.id.includes(only));
  let explained = 0;
  let failed = 0;
  const memory: string[] = [];
  for (const s of list) {
    global.gc?.();
    const before = process.memoryUsage();
    let peak = before.rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const run = await runScenario(s, certs, token);
    clearInterval(sampler);
    global.gc?.();
    const after = process.memoryUsage();
    const good = run.outcome === 'explained' || run.outcome === 'ok';
    if (good && run.socketsClosed) explained++;
    else failed++;
    const [protocol, name] = s.id.split('/');
    const outcome = run.outcome === 'unexpected' ? `UNEXPECTED (${run.mismatch})` : run.outcome === 'hung' ? 'HUNG' : `${run.outcome}${run.code ? ` (${run.code})` : ''}`;
    const sockets = run.socketsClosed ? '' : ' [sockets left open]';
    console.log(`${protocol.padEnd(5)} ${name.padEnd(34)} ${outcome.padEnd(30)} ${run.elapsedMs.toFixed(0).padStart(6)} ms  ${run.message.replace(/\s+/g, ' ')}${sockets}`);
    if (s.giant) {
      const mb = (n: number) => (n / MB).toFixed(1);
      memory.push(
        `${s.id}: rss_before_mb ${mb(before.rss)}, rss_peak_mb ${mb(peak)}, rss_after_mb ${mb(after.rss)}, external_growth_mb ${mb(after.external - before.external)}, heap_growth_mb ${mb(after.heapUsed - before.heapUsed)}`,
      );
    }
  }
  console.log('');
  for (const m of memory) console.log(m);
  for (const u of unhandled) console.log(u);
  console.log(`unhandled: ${unhandled.length}`);
  const completed = list.filter((s) => s.expect.ok).length;
  console.log(`${list.length} scenarios: ${explained} explained, ${failed + unhandled.length} failed (of the explained, ${completed} are slow but valid servers whose login completes)`);
  return failed + unhandled.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(2);
  },
);
