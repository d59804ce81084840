// The logs of real tools (issue 14), captured against a real Dovecot (test/fixtures/logs/README.md):
// every blob in them is found and decodes, its hover names the login, every failure line is explained.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { explainLine, explainPrefilter } from '../../src/core/explain';
import { scanLines } from '../../src/core/logs/scanner';
import { decodeSasl } from '../../src/core/sasl/decode';
import { linesOf } from '../../src/core/sasl/detect';
import { hoverAt } from '../../src/hover/hoverContent';
import { BLOB, ECHO, FAILURE, TOKEN_FIELD, TOOL_LOG_DIR as FIXTURES, TOOL_LOGS } from '../fixtures/toolLogs';

const USER = 'adele@contoso.com';

describe('logs of real tools (captured against Dovecot, or reproduced from public logs)', () => {
  for (const file of TOOL_LOGS) {
    describe(file, () => {
      const text = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
      const lines = text.split(/\r?\n/);
      const src = linesOf(lines);

      it('finds every blob, and each decodes', async () => {
        const result = await scanLines(src, {});
        const expected = lines.flatMap((l, i) => (BLOB.test(l) ? [i] : []));
        assert.ok(expected.length > 0 || file.startsWith('fetchmail'), 'the fixture has blobs');
        assert.deepStrictEqual(
          result.blobs.map((b) => b.startLine),
          expected,
        );
        for (const b of result.blobs) {
          const m = b.result.message;
          assert.ok(m, `line ${b.startLine + 1}: ${b.result.problems.map((p) => p.code).join()}`);
          assert.ok(!b.result.problems.some((p) => p.severity === 'error'), `line ${b.startLine + 1}: ${b.result.problems.map((p) => p.code).join()}`);
          if (m.mechanism === 'XOAUTH2' || m.mechanism === 'OAUTHBEARER') assert.strictEqual(m.user, USER);
        }
      });

      it('hovers on each login blob with its user, token redacted', async () => {
        const result = await scanLines(src, {});
        for (const b of result.blobs) {
          const span = b.spans[0];
          const hover = hoverAt(src, span.line, span.start + 2, { uri: `file:///${file}`, isRevealed: () => false });
          assert.ok(hover?.blob, `hover at line ${span.line + 1}`);
          const m = b.result.message;
          if (m && (m.mechanism === 'XOAUTH2' || m.mechanism === 'OAUTHBEARER')) {
            assert.ok(hover.markdown.includes(USER.replace(/\./g, '.')) || hover.markdown.includes('adele@contoso\\.com'), hover.markdown.slice(0, 200));
            // A token the tool itself hid (nodemailer's "/* secret */") is said to be hidden; any other is redacted.
            if (m.token === undefined)
              assert.ok(
                b.result.problems.some((p) => p.code === 'token-redacted'),
                `line ${span.line + 1}: no token`,
              );
            else assert.ok(!hover.markdown.includes(m.token), 'token not in the hover');
          }
        }
      });

      it('hovers on each token= value with its claims, the token redacted', () => {
        for (const [i, l] of lines.entries()) {
          const m = TOKEN_FIELD.exec(l);
          if (!m) continue;
          const hover = hoverAt(src, i, m.index + m[0].length - 5, { uri: `file:///${file}`, isRevealed: () => false });
          assert.ok(hover && !hover.blob, `hover at line ${i + 1}`);
          assert.ok(hover.markdown.includes(USER) && hover.markdown.includes('IMAP.AccessAsUser.All'), hover.markdown.slice(0, 300));
          assert.ok(!hover.markdown.includes(m[1]) && !hover.markdown.includes(m[1].slice(20, 60)), `line ${i + 1}: token not in the hover`);
        }
      });

      it('explains every failure line', async () => {
        const result = await scanLines(src, { explainLine, explainPrefilter: explainPrefilter() });
        const explained = new Set(result.findings.map((f) => f.line));
        const failures = lines.flatMap((l, i) => (FAILURE.test(l) && !ECHO.test(l) ? [i] : []));
        assert.ok(failures.length > 0, 'the fixture has failure lines');
        const missing = failures.filter((i) => !explained.has(i)).map((i) => `${i + 1}: ${lines[i].slice(0, 120)}`);
        assert.deepStrictEqual(missing, []);
      });

      it('decodes each blob line whole, as pasted into decode with its prefix', async () => {
        const result = await scanLines(src, {});
        for (const b of result.blobs) {
          const d = decodeSasl(lines[b.startLine]);
          assert.strictEqual(d.message?.mechanism, b.result.message?.mechanism, `line ${b.startLine + 1}: ${d.problems.map((p) => p.code).join()}`);
        }
      });
    });
  }
});
