// Runs `npm start` (node scripts/start.js) as a terminal does, for the servers tests: in its own process
// group, until its ready line; interrupt() is the Ctrl-C a terminal sends.
import { ChildProcess, spawn } from 'child_process';
import * as path from 'path';

const REPO = path.resolve(__dirname, '../../..');
const READY = 'MAILOAUTH_SANDBOX_READY ';

export interface Problem {
  part: string;
  message: string;
  fix: string;
}
export interface Ready {
  pid: number;
  workspace: string;
  settings: Record<string, unknown>;
  problems: Problem[];
  vscode?: { kind: string; url: string; port: number; pid: number };
  sandbox: {
    dir: string;
    caPath: string;
    idp: { origin: string; authority: string; discoveryUrl: string; clientId: string };
    smtpSink: { port: number };
    dovecot: { ports: Record<'imap' | 'imaps' | 'pop3' | 'pop3s' | 'submission' | 'submissions', number>; pid: number };
    user: { upn: string };
    otherUser: string;
  };
}

export interface Started {
  child: ChildProcess;
  ready: Ready;
  output: () => string;
  exited: Promise<number | null>;
}

/** Runs `node scripts/start.js ARGS` in its own process group (as a terminal runs npm start) until its ready line. */
export async function start(args: string[]): Promise<Started> {
  const child = spawn(process.execPath, ['scripts/start.js', ...args], { cwd: REPO, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = await new Promise<Ready>((resolve, reject) => {
    const timer = setTimeout(() => {
      // Not left running for the next test: Ctrl-C, as a person would, and its watchdogs do the rest.
      try {
        process.kill(-child.pid!, 'SIGINT');
      } catch {
        /* gone */
      }
      reject(new Error(`no ready line within 120 s:\n${out}`));
    }, 120_000);
    const onData = (d: Buffer) => {
      out += d.toString('utf8');
      const line = out.split('\n').find((l) => l.startsWith(READY));
      if (line && out.endsWith('\n')) {
        clearTimeout(timer);
        resolve(JSON.parse(line.slice(READY.length)) as Ready);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => (out += d.toString('utf8')));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`scripts/start.js exited (${code}) before it was ready:\n${out}`));
    });
  });
  return { child, ready, output: () => out, exited };
}

/** Ctrl-C as a terminal sends it: SIGINT to the whole foreground process group. */
export async function interrupt(s: Started): Promise<number | null> {
  process.kill(-s.child.pid!, 'SIGINT');
  return s.exited;
}

