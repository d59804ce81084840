// Runs `npm start` (node scripts/start.js) as a terminal does, for the servers tests: in its own process
// group, until its ready line; interrupt() is the Ctrl-C a terminal sends. Every start is tracked, so that a
// suite's after() can stop what is still running (stopAllStarts), whatever the tests' outcome.
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
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
  vscode?: { kind: string; url: string; port: number; pid: number; settingsFile?: string };
  sandbox: {
    dir: string;
    caPath: string;
    idp: { origin: string; authority: string; discoveryUrl: string; clientId: string };
    smtpSink: { port: number };
    dovecot: { ports: Record<'imap' | 'imaps' | 'pop3' | 'pop3s' | 'submission' | 'submissions', number>; pid: number };
    user: { upn: string };
    otherUser: string;
    app: { clientId: string; secretFile: string; certificateFile: string };
    oidc: {
      providerId: string;
      issuer: string;
      realm: string;
      clientId: string;
      user: { email: string };
      introspectionSecretFile: string;
      dovecot: { ports: Record<'imap' | 'imaps' | 'pop3' | 'pop3s' | 'submission' | 'submissions', number>; pid: number };
    };
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
  const entry: Tracked = { child, exited, groups: [child.pid!], dirs: [] };
  starts.push(entry);
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
  // code-server runs in a process group of its own; the sandbox folder holds the CA key and the app's secret.
  if (ready.vscode?.pid) entry.groups.push(ready.vscode.pid);
  entry.dirs.push(ready.sandbox.dir);
  return { child, ready, output: () => out, exited };
}

interface Tracked {
  child: ChildProcess;
  exited: Promise<number | null>;
  groups: number[];
  dirs: string[];
}

/** Every start, running or not. */
const starts: Tracked[] = [];

/** Stops every start that may still run (a failed assertion, a start that never got ready): for after(). */
export async function stopAllStarts(): Promise<void> {
  await Promise.all(starts.splice(0).map(stopStart));
}

/**
 * Ctrl-C to the start's process group, then SIGKILL to its groups if it has not ended within 20 s, so no
 * sandbox, Dovecot or code-server outlives the tests.
 */
async function stopStart(s: Tracked): Promise<void> {
  const signal = (sig: NodeJS.Signals) => {
    for (const group of s.groups) {
      try {
        process.kill(-group, sig);
      } catch {
        /* the group has ended */
      }
    }
  };
  if (s.child.exitCode === null && s.child.signalCode === null) {
    signal('SIGINT');
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([s.exited, new Promise((resolve) => (timer = setTimeout(resolve, 20_000)))]);
    clearTimeout(timer);
  }
  // The start's children (Dovecot, code-server) may outlive it if it died without cleaning up.
  if (processesInGroups(s.groups).length) {
    signal('SIGKILL');
    // Killed, it could not remove its folders: remove them here.
    for (const dir of s.dirs) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Processes (by /proc) whose process group is one of these: what Ctrl-C and the stop must have ended. */
export function processesInGroups(groups: number[]): string[] {
  const found: string[] = [];
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // fields[0] is the state; a zombie is already gone, only not yet reaped by its parent.
      if (groups.includes(Number(fields[2])) && fields[0] !== 'Z') found.push(`${pid} ${stat.slice(0, stat.lastIndexOf(')') + 1)}`);
    } catch {
      /* ended meanwhile */
    }
  }
  return found;
}

/** Ctrl-C as a terminal sends it: SIGINT to the whole foreground process group. */
export async function interrupt(s: Started): Promise<number | null> {
  process.kill(-s.child.pid!, 'SIGINT');
  return s.exited;
}
