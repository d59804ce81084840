// Mocha reporter for the unit suite: the usual `spec` output on the console, plus a JSON file
// (--reporter-option output=FILE) in the same shape as the integration suite's results.json.
const fs = require('fs');
const path = require('path');
const Mocha = require('mocha');

class SpecJsonReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const output = (options.reporterOption || options.reporterOptions || {}).output;
    const results = { tests: [], startedAt: new Date().toISOString() };
    const record = (test, state, err) =>
      results.tests.push({
        title: test.title,
        fullTitle: test.fullTitle(),
        state,
        durationMs: test.duration,
        ...(err ? { error: { message: String(err.message || err), stack: err.stack } } : {}),
      });
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
