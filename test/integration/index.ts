// Integration-suite entry point: VS Code calls run() inside the extension host (code-server via the
// `payload` URL, or desktop VS Code via @vscode/test-electron). It runs mocha over every
// out/test/integration/**/*.test.js and writes $MAILOAUTH_TEST_RESULTS_DIR/results.json, then `done`.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import { warmUpWebviews } from './webviewWarmUp';

/** One test's outcome, as scripts/run-tests.js reads it from results.json. */
export interface TestResult {
  title: string;
  fullTitle: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: { message: string; stack?: string };
}

export interface SuiteResults {
  tests: TestResult[];
  /** Set when the suite could not run at all (load error, mocha crash). */
  harnessError?: { message: string; stack?: string };
  startedAt: string;
  finishedAt?: string;
}

function resultsDir(): string {
  // Default for a run started without the env var (for example from a launch configuration).
  return process.env.MAILOAUTH_TEST_RESULTS_DIR || path.resolve(__dirname, '../../../.test-results/integration');
}

/** Writes results.json (atomically) and then the `done` marker the harness waits for. */
function writeResults(results: SuiteResults): void {
  const dir = resultsDir();
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'results.json');
  fs.writeFileSync(file + '.tmp', JSON.stringify(results, null, 2));
  fs.renameSync(file + '.tmp', file);
  fs.writeFileSync(path.join(dir, 'done'), new Date().toISOString());
}

function appendProgress(line: string): void {
  try {
    fs.mkdirSync(resultsDir(), { recursive: true });
    fs.appendFileSync(path.join(resultsDir(), 'progress.log'), line + '\n');
  } catch {
    // progress is best effort
  }
}

function errorInfo(err: unknown): { message: string; stack?: string } {
  if (err instanceof Error) return { message: err.message, stack: err.stack };
  return { message: String(err) };
}

function findTestFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.test.js'))
    .map((f) => path.join(dir, f))
    .sort();
}

export async function run(): Promise<void> {
  const results: SuiteResults = { tests: [], startedAt: new Date().toISOString() };
  try {
    if (process.env.MAILOAUTH_UI_BRIDGE_DIR) await warmUpWebviews(appendProgress);
    const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
    if (process.env.MAILOAUTH_TEST_GREP) mocha.grep(process.env.MAILOAUTH_TEST_GREP);
    for (const file of findTestFiles(__dirname)) mocha.addFile(file);

    const failures = await new Promise<number>((resolve, reject) => {
      try {
        const runner = mocha.run((n) => resolve(n));
        const record = (test: Mocha.Test, state: TestResult['state'], err?: unknown) => {
          results.tests.push({
            title: test.title,
            fullTitle: test.fullTitle(),
            state,
            durationMs: test.duration,
            ...(err === undefined ? {} : { error: errorInfo(err) }),
          });
          // One line per finished test, which the harness prints live while the suite runs.
          const mark = { passed: '✓', failed: '✗', pending: '-' }[state];
          appendProgress(`${mark} ${test.fullTitle()}${state === 'pending' ? ' (skipped)' : ''}`);
        };
        runner.on('pass', (test) => record(test, 'passed'));
        runner.on('pending', (test) => record(test, 'pending'));
        // 'fail' also fires for hooks; record those under the hook's title so they are not lost.
        runner.on('fail', (test, err) => record(test as Mocha.Test, 'failed', err));
      } catch (err) {
        reject(err);
      }
    });
    results.finishedAt = new Date().toISOString();
    writeResults(results);
    if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
  } catch (err) {
    // Anything thrown before the results were written (load error, mocha crash) still reaches the harness.
    if (!results.finishedAt) {
      results.harnessError = errorInfo(err);
      results.finishedAt = new Date().toISOString();
      writeResults(results);
    }
    throw err;
  }
}
