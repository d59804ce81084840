// The knowledge base's data loader (src/core/explain/load.ts): a data file that breaks a rule is named
// with its file, entry and field; a valid one loads into frozen entries with their hooks.
import * as assert from 'assert';
import { KNOWLEDGE_BASE } from '../../src/core/explain';
import { ACCEPT_HOOKS, DETAIL_HOOKS } from '../../src/core/explain/hooks';
import { loadDocs, loadEntries, loadTranslation } from '../../src/core/explain/load';

const DOCS = loadDocs({ rfc: { title: 'RFC 7628', url: 'https://www.rfc-editor.org/rfc/rfc7628' } });
const GOOD = {
  id: 'sample-entry',
  title: 'A title',
  cause: 'A cause.',
  fix: 'A fix.',
  severity: 'error',
  source: 'sasl',
  keys: ['eyj'],
  pattern: 'eyJ[A-Za-z0-9+/]{12,}',
  accept: 'errorChallenge',
  detail: 'errorChallengeFields',
  docs: ['rfc'],
};

function fails(entry: Record<string, unknown>, message: RegExp): void {
  assert.throws(() => loadEntries({ 'sample.json': [entry] }, DOCS), message);
}

describe('knowledge base data files (load.ts)', () => {
  it('loads a valid entry, frozen, with its pattern, docs and named hooks', () => {
    const [e] = loadEntries({ 'sample.json': [{ ...GOOD, flags: 'i', context: [{ pattern: 'AUTHENTICATE', flags: 'i' }], supersedes: ['sample-entry'] }] }, DOCS);
    assert.ok(Object.isFrozen(e) && Object.isFrozen(e.keys) && Object.isFrozen(e.docs));
    assert.strictEqual(e.pattern.flags, 'i');
    assert.deepStrictEqual(e.docs, [{ title: 'RFC 7628', url: 'https://www.rfc-editor.org/rfc/rfc7628' }]);
    const challenge = Buffer.from('{"status":"401","schemes":"bearer","scope":"mail"}').toString('base64');
    assert.strictEqual(e.accept?.(challenge), true);
    assert.match(e.detail?.(challenge) ?? '', /status=401, schemes=bearer, scope=mail/);
    assert.strictEqual(e.context?.[0].test('a authenticate b'), true);
  });

  it('names the file, the entry and the field of each broken rule', () => {
    fails({ ...GOOD, sverity: 'error' }, /sample\.json\[0\] \(sample-entry\)\.sverity: is not a field/);
    fails({ ...GOOD, severity: 'fatal' }, /\.severity: must be one of error, warning, info/);
    fails({ ...GOOD, pattern: '(unclosed' }, /\.pattern: Invalid regular expression/);
    fails({ ...GOOD, flags: 'g' }, /\.pattern: flags may only be i, m, s and u/);
    fails({ ...GOOD, docs: ['nowhere'] }, /\.docs: "nowhere" is not in docs\.json/);
    fails({ ...GOOD, accept: 'eval' }, /\.accept: must name one of gmailErrorChallenge/);
    fails({ ...GOOD, keys: ['EYJ'] }, /\.keys: must be lower case/);
    fails({ ...GOOD, keys: [] }, /\.keys: must be a non-empty list/);
    fails({ ...GOOD, title: ' ' }, /\.title: must be a non-empty string/);
    fails({ ...GOOD, id: 'Bad Id' }, /\.id: must be lower-case/);
    fails({ ...GOOD, supersedes: ['no-such-entry'] }, /\(sample-entry\)\.supersedes: "no-such-entry" is no entry/);
    fails({ ...GOOD, context: [{ pattern: 'x', flags: 'y' }] }, /\.context\[0\]: flags may only be/);
    assert.throws(() => loadEntries({ 'a.json': [GOOD], 'b.json': [GOOD] }, DOCS), /b\.json\[0\] \(sample-entry\)\.id: is used by another entry/);
    assert.throws(() => loadEntries({ 'a.json': { GOOD } }, DOCS), /a\.json: must be a list of entries/);
    assert.throws(() => loadDocs({ x: { title: 'T', url: 'http://example.com' } }), /docs\.json \(x\): .*https/);
  });

  it('checks translations: known ids, the three fields, nothing else', () => {
    const entries = loadEntries({ 'sample.json': [GOOD] }, DOCS);
    const de = loadTranslation({ 'de/sample.json': { 'sample-entry': { title: 'Titel', cause: 'Ursache.', fix: 'Abhilfe.' } } }, entries);
    assert.strictEqual(de['sample-entry'].title, 'Titel');
    assert.throws(() => loadTranslation({ 'de/sample.json': { other: { title: 'T', cause: 'U', fix: 'A' } } }, entries), /de\/sample\.json\[0\] \(other\)\.: translates no entry/);
    assert.throws(() => loadTranslation({ 'de/sample.json': { 'sample-entry': { title: 'T', cause: 'U' } } }, entries), /\(sample-entry\)\.fix: must be a non-empty string/);
    assert.throws(() => loadTranslation({ 'de/sample.json': { 'sample-entry': { title: 'T', cause: 'U', fix: 'A', docs: [] } } }, entries), /\(sample-entry\)\.docs: is not translated text/);
  });

  it('uses every hook of hooks.ts in the shipped data (an unused hook is dead code)', () => {
    const used = new Set(KNOWLEDGE_BASE.flatMap((e) => [e.accept, e.detail]).filter((f) => f !== undefined));
    const unused = [...Object.entries(ACCEPT_HOOKS), ...Object.entries(DETAIL_HOOKS)].filter(([, f]) => !used.has(f)).map(([name]) => name);
    assert.deepStrictEqual(unused, []);
  });
});
