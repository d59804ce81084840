// Mocha reporter for the unit suite: the usual `spec` output on the console, plus a JSON file
// (--reporter-option output=FILE) in the same shape as the integration suite's results.json.
// While it runs, FILE.partial gets one JSON line per test started and ended, so that a suite killed
// at its time limit still tells what passed, what failed, and which test was running.
const fs = require('fs');
const path = require('path');
const Mocha = require('mocha');

class SpecJsonReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const output = (options.reporterOption || options.reporterOptions || {}).output;
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
        ...(err ? { error: { message: String(err.message || err), stack: err.stack } } : {}),
      };
      results.tests.push(entry);
      line(entry);
    };
    runner.on('test', (test) => line({ fullTitle: test.fullTitle(), state: 'started' }));
    // A failing before/after hook is reported as a 'fail' of a hook object: its fullTitle names the hook.
    runner.on('pass', (test) => record(test, 'passed'));
    runner.on('pending', (test) => record(test, 'pending'));
    runner.on('fail', (test, err) => record(test, 'failed', err));
    runner.once('end', () => {
      if (!output) return;
      results.finishedAt = new Date().toISOString();
      fs.mkdirSync(path.dirname(output), { recursive: true });
      fs.writeFileSync(output, JSON.stringify(results, null, 2));
    });
  }
}

module.exports = SpecJsonReporter;
