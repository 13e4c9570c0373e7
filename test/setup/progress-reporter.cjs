// A Jest reporter that writes which test file and test case are running, a JSON line each, to
// the file named by CORRIDOR_TEST_PROGRESS. scripts/test.mjs watches that file from outside Jest,
// so a test stuck where no timer of Jest's can fire (a synchronous child process, a busy loop)
// is named and stopped instead of holding CI until its own deadline.
const { appendFileSync } = require('node:fs');

class ProgressReporter {
  constructor() {
    this.file = process.env.CORRIDOR_TEST_PROGRESS;
  }

  write(event, test, extra = {}) {
    if (!this.file) return;
    try {
      appendFileSync(this.file, `${JSON.stringify({ event, path: test.path, at: Date.now(), ...extra })}\n`);
    } catch {
      // Progress is a diagnostic: a full disk must not fail the run here.
    }
  }

  onTestFileStart(test) { this.write('start', test); }

  onTestCaseStart(test, info) { this.write('case', test, { name: info.fullName }); }

  onTestFileResult(test, result) {
    this.write('end', test, { failed: result.numFailingTests > 0 || Boolean(result.testExecError) });
  }

  getLastError() { return undefined; }
}

module.exports = ProgressReporter;
