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

/** The suites' one reporter (spec output, results.json, its .partial and progress lines): scripts/mocha-spec-json-reporter.js. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const reporter = require(path.resolve(__dirname, '../../../scripts/mocha-spec-json-reporter.js')) as {
  new (...args: unknown[]): Mocha.reporters.Base;
  appendLine(file: string, text: string): void;
  errorInfo(err: unknown): { message: string; stack?: string };
  readPartialResults(file: string): { tests: TestResult[] };
  writeResults(file: string, results: SuiteResults): void;
};

function appendProgress(line: string): void {
  reporter.appendLine(path.join(resultsDir(), 'progress.log'), line);
}

function findTestFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.test.js'))
    .map((f) => path.join(dir, f))
    .sort();
}

export async function run(): Promise<void> {
  const dir = resultsDir();
  const output = path.join(dir, 'results.json');
  const startedAt = new Date().toISOString();
  try {
    if (process.env.MAILOAUTH_UI_BRIDGE_DIR) await warmUpWebviews(appendProgress);
    const mocha = new Mocha({
      ui: 'bdd',
      timeout: 60_000,
      color: false,
      reporter: reporter as unknown as typeof Mocha.reporters.Base,
      reporterOptions: { output, progress: path.join(dir, 'progress.log') },
    });
    if (process.env.MAILOAUTH_TEST_GREP) mocha.grep(process.env.MAILOAUTH_TEST_GREP);
    for (const file of findTestFiles(__dirname)) mocha.addFile(file);
    // The reporter writes results.json when the run ends, before this callback.
    const failures = await new Promise<number>((resolve) => mocha.run((n) => resolve(n)));
    fs.writeFileSync(path.join(dir, 'done'), new Date().toISOString());
    if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
  } catch (err) {
    // Anything thrown before the results were written (load error, mocha crash) still reaches the harness.
    if (!fs.existsSync(path.join(dir, 'done'))) {
      const { tests } = reporter.readPartialResults(`${output}.partial`);
      reporter.writeResults(output, { tests, harnessError: reporter.errorInfo(err), startedAt, finishedAt: new Date().toISOString() });
      fs.writeFileSync(path.join(dir, 'done'), new Date().toISOString());
    }
    throw err;
  }
}
