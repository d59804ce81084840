// Runs `mailoauth proxy … --json` (the built CLI, dist/cli.js) as the user would, and collects its events.
import { ChildProcess, spawn } from 'child_process';
import * as path from 'path';

const REPO = path.resolve(__dirname, '../../..');

export interface ProxyEventJson {
  event: string;
  [key: string]: unknown;
}

export interface RunningProxy {
  port: number;
  clientPassword?: string;
  events: ProxyEventJson[];
  /** Resolves with the `closed` event of connection `id` (or the next one when no id is given). */
  closed(id?: number): Promise<ProxyEventJson>;
  /** SIGTERM, then the exit code and the stderr text. */
  stop(): Promise<{ code: number | null; stderr: string }>;
  child: ChildProcess;
}

export async function startProxyCli(args: string[], options: { stdin?: string; env?: NodeJS.ProcessEnv } = {}): Promise<RunningProxy> {
  const child = spawn(process.execPath, [path.join(REPO, 'dist/cli.js'), 'proxy', ...args, '--json'], { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
  child.stdin!.end(options.stdin ?? '');
  const events: ProxyEventJson[] = [];
  const waiters: (() => void)[] = [];
  let stderr = '';
  let buf = '';
  child.stderr!.on('data', (d) => (stderr += d));
  child.stdout!.on('data', (d: Buffer) => {
    buf += d.toString('utf8');
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      try {
        events.push(JSON.parse(line) as ProxyEventJson);
      } catch {
        events.push({ event: 'unparsed', line });
      }
      for (const w of waiters.splice(0)) w();
    }
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const waitFor = async (pred: (e: ProxyEventJson) => boolean, what: string, ms = 30_000): Promise<ProxyEventJson> => {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = events.find(pred);
      if (found) return found;
      if (child.exitCode !== null) throw new Error(`the proxy exited (${child.exitCode}) before ${what}: ${stderr}`);
      if (Date.now() > deadline) throw new Error(`no ${what} from the proxy within ${ms} ms; events: ${JSON.stringify(events)}; stderr: ${stderr}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 200);
        waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  };
  const listening = await waitFor((e) => e.event === 'listening', 'listening event', 20_000);
  let seen = 0;
  return {
    port: listening.port as number,
    clientPassword: (listening.clientPassword as string | null) ?? undefined,
    events,
    child,
    closed: async (id?: number) => {
      if (id !== undefined) return waitFor((e) => e.event === 'closed' && e.id === id, `closed event of #${id}`);
      const n = ++seen;
      return waitFor(() => events.filter((e) => e.event === 'closed').length >= n, `closed event #${n}`).then(() => events.filter((e) => e.event === 'closed')[n - 1]);
    },
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      const code = await exited;
      return { code, stderr };
    },
  };
}
