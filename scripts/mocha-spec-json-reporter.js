// Mocha reporter for the unit, servers and integration suites: the usual `spec` output on the console,
// plus a JSON file (--reporter-option output=FILE) with every test's outcome, the shape
// scripts/run-tests.js reads. While it runs, FILE.partial gets one JSON line per test started and
// ended, so that a suite killed at its time limit still tells what passed, what failed, and which test
// was running; with progress=FILE it also appends "✓ title" lines there (the integration suite runs
// inside VS Code, whose console the harness cannot see, and prints that file live).
const fs = require('fs');
const path = require('path');
const Mocha = require('mocha');

const MARKS = { passed: '✓', failed: '✗', pending: '-' };

class SpecJsonReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const { output, progress } = options.reporterOption || options.reporterOptions || {};
    const results = { tests: [], startedAt: new Date().toISOString() };
    const partial = output ? `${output}.partial` : '';
    if (partial) {
      fs.mkdirSync(path.dirname(partial), { recursive: true });
      fs.writeFileSync(partial, '');
    }
    const line = (entry) => partial && fs.appendFileSync(partial, `${JSON.stringify(entry)}\n`);
    const record = (test, state, err) => {
      const entry = {
        title: test.title,
        fullTitle: test.fullTitle(),
        state,
        durationMs: test.duration,
        ...(err ? { error: errorInfo(err) } : {}),
      };
      results.tests.push(entry);
      line(entry);
      if (progress) appendLine(progress, `${MARKS[state]} ${entry.fullTitle}${state === 'pending' ? ' (skipped)' : ''}`);
    };
    runner.on('test', (test) => line({ fullTitle: test.fullTitle(), state: 'started' }));
    // A failing before/after hook is reported as a 'fail' of a hook object: its fullTitle names the hook.
    runner.on('pass', (test) => record(test, 'passed'));
    runner.on('pending', (test) => record(test, 'pending'));
    runner.on('fail', (test, err) => record(test, 'failed', err));
    runner.once('end', () => {
      if (!output) return;
      results.finishedAt = new Date().toISOString();
      writeResults(output, results);
    });
  }
}

function errorInfo(err) {
  return err instanceof Error ? { message: err.message, stack: err.stack } : { message: String(err) };
}

/** Best effort: progress lines are for people watching, results come from the JSON files. */
function appendLine(file, text) {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.appendFileSync(file, `${text}\n`);
  } catch {
    // a missing progress line loses nothing the results do not hold
  }
}

/** Writes the results file atomically: a reader never sees half of it. */
function writeResults(file, results) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(results, null, 2));
  fs.renameSync(`${file}.tmp`, file);
}

/** What a killed suite's reporter wrote as it went (OUTPUT.partial): the tests that ended, and the one still running. */
function readPartialResults(file) {
  if (!fs.existsSync(file)) return { tests: [], running: '' };
  const tests = [];
  let running = '';
  for (const text of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!text) continue;
    let entry;
    try {
      entry = JSON.parse(text);
    } catch {
      continue; // the last line of a killed suite may be cut
    }
    if (entry.state === 'started') running = entry.fullTitle;
    else {
      tests.push(entry);
      if (entry.fullTitle === running) running = '';
    }
  }
  return { tests, running };
}

module.exports = SpecJsonReporter;
module.exports.appendLine = appendLine;
module.exports.errorInfo = errorInfo;
module.exports.readPartialResults = readPartialResults;
module.exports.writeResults = writeResults;
