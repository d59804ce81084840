// The CLI and the core speak the language of the environment: German with LANG=de_DE.UTF-8 (from
// l10n/bundle.l10n.de.json and the knowledge base's German tables), English otherwise.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as l10n from '@vscode/l10n';
import { bundlePath, cliLanguage } from '../../src/cli/locale';
import { bundleLanguage, explain, explainLine, KNOWLEDGE_BASE_TRANSLATIONS } from '../../src/core/explain';

const DE_ENTRIES = KNOWLEDGE_BASE_TRANSLATIONS.de;

const REPO = path.resolve(__dirname, '../../..');
const CLI = path.join(REPO, 'dist/cli.js');
const GERMAN_BUNDLE = path.join(REPO, 'l10n/bundle.l10n.de.json');
const M365_NO = 'A01 NO AUTHENTICATE failed.';

/** Runs the built CLI with exactly these locale variables (the others removed). */
function run(args: string[], locale: Record<string, string>) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG', 'LANGUAGE']) delete env[name];
  const r = spawnSync(process.execPath, [CLI, ...args], { env: { ...env, ...locale } });
  return { code: r.status, out: r.stdout.toString(), err: r.stderr.toString() };
}

describe('localisation: the CLI follows LC_ALL, LC_MESSAGES and LANG', () => {
  it('reads the language from the first locale variable that is set, in POSIX order', () => {
    assert.strictEqual(cliLanguage({ LANG: 'de_DE.UTF-8' }), 'de');
    assert.strictEqual(cliLanguage({ LANG: 'de' }), 'de');
    assert.strictEqual(cliLanguage({ LANG: 'de_AT@euro' }), 'de');
    assert.strictEqual(cliLanguage({ LC_ALL: 'C', LANG: 'de_DE.UTF-8' }), undefined);
    assert.strictEqual(cliLanguage({ LC_MESSAGES: 'de_CH.UTF-8', LANG: 'en_US.UTF-8' }), 'de');
    assert.strictEqual(cliLanguage({ LC_ALL: 'de_DE.UTF-8', LC_MESSAGES: 'en_US.UTF-8' }), 'de');
    assert.strictEqual(cliLanguage({ LC_ALL: '', LANG: 'de_DE.UTF-8' }), 'de', 'an empty variable counts as unset');
    for (const english of [{}, { LANG: 'C' }, { LANG: 'C.UTF-8' }, { LANG: 'POSIX' }, { LANG: 'en_GB.UTF-8' }]) {
      assert.strictEqual(cliLanguage(english), undefined, JSON.stringify(english));
    }
  });

  it('finds the German bundle from dist/ (checkout, .vsix and npm package keep l10n/ beside dist/)', () => {
    assert.strictEqual(bundlePath('de', path.join(REPO, 'dist')), GERMAN_BUNDLE);
    assert.strictEqual(bundlePath('xx', path.join(REPO, 'dist')), undefined);
    assert.strictEqual(bundlePath('../de', path.join(REPO, 'dist')), undefined);
    const vscodeignore = fs.readFileSync(path.join(REPO, '.vscodeignore'), 'utf8');
    assert.match(vscodeignore, /^!l10n\//m, 'the .vsix carries l10n/');
    const npmignore = fs.readFileSync(path.join(REPO, '.npmignore'), 'utf8');
    assert.doesNotMatch(npmignore, /^\/?(?:l10n|dist)\/?$/m, 'the npm package carries dist/ and l10n/');
  });

  it('finds the bundle in an installed package too (dist/cli.js and l10n/ copied alone, no checkout around them)', () => {
    const pkg = fs.mkdtempSync(path.join(os.tmpdir(), 'mailoauth-package-'));
    try {
      fs.mkdirSync(path.join(pkg, 'dist'));
      fs.mkdirSync(path.join(pkg, 'l10n'));
      fs.copyFileSync(CLI, path.join(pkg, 'dist/cli.js'));
      fs.copyFileSync(GERMAN_BUNDLE, path.join(pkg, 'l10n/bundle.l10n.de.json'));
      const r = spawnSync(process.execPath, [path.join(pkg, 'dist/cli.js'), 'decode', '%%%'], { env: { PATH: process.env.PATH, LANG: 'de_DE.UTF-8' } });
      assert.match(r.stderr.toString(), /^mailoauth: Kein Base64/);
    } finally {
      fs.rmSync(pkg, { recursive: true, force: true });
    }
  });

  it('prints decode problems and explain titles in German with LANG=de_DE.UTF-8', () => {
    const decoded = run(['decode', '%%%'], { LANG: 'de_DE.UTF-8' });
    assert.strictEqual(decoded.code, 1);
    assert.match(decoded.err, /^mailoauth: Kein Base64: '%' an Position 1\./);
    const explained = run(['explain', M365_NO], { LANG: 'de_DE.UTF-8' });
    assert.strictEqual(explained.code, 0);
    assert.ok(explained.out.includes(DE_ENTRIES['m365-imap-authenticate-failed'].title), explained.out);
    assert.ok(explained.out.includes('[m365-imap-authenticate-failed]'));
  });

  it('stays English with LANG=C, with no locale variable, and when LC_ALL=C overrides a German LANG', () => {
    const locales: Record<string, string>[] = [{ LANG: 'C' }, {}, { LC_ALL: 'C', LANG: 'de_DE.UTF-8' }];
    for (const locale of locales) {
      const decoded = run(['decode', '%%%'], locale);
      assert.match(decoded.err, /^mailoauth: Not base64: '%' at position 1\./, JSON.stringify(locale));
      const explained = run(['explain', M365_NO], locale);
      assert.match(explained.out, /Exchange Online rejected the XOAUTH2 login/, JSON.stringify(locale));
    }
  });

  it('keeps id, match and index of each finding in German; only the words change', () => {
    const text = `S: ${M365_NO}\nerror: AADSTS50011: The redirect URI 'http://localhost:1234' does not match`;
    const english = JSON.parse(run(['explain', '--json', text], {}).out).findings;
    const german = JSON.parse(run(['explain', '--json', text], { LANG: 'de_DE.UTF-8' }).out).findings;
    assert.ok(english.length >= 2);
    const key = (f: { id: string; match: string; index: number; severity: string; docs: unknown }) => ({ id: f.id, match: f.match, index: f.index, severity: f.severity, docs: f.docs });
    assert.deepStrictEqual(german.map(key), english.map(key));
    for (const f of german) {
      const de = DE_ENTRIES[f.id];
      if (!de) continue;
      assert.strictEqual(f.title, de.title);
      assert.ok(f.cause.startsWith(de.cause));
      assert.strictEqual(f.fix, de.fix);
    }
  });
});

describe('localisation: the core in-process, with a German bundle loaded', () => {
  afterEach(() => l10n.config({ contents: {} }));

  it('localises findings at creation: explain and explainLine give German text, English per entry where no translation exists', () => {
    assert.strictEqual(bundleLanguage(), 'en');
    const english = explain(M365_NO)[0];
    l10n.config({ fsPath: GERMAN_BUNDLE });
    assert.strictEqual(bundleLanguage(), 'de');
    const german = explain(M365_NO)[0];
    assert.strictEqual(german.title, DE_ENTRIES['m365-imap-authenticate-failed'].title);
    assert.deepStrictEqual({ ...german, title: '', cause: '', fix: '' }, { ...english, title: '', cause: '', fix: '' });
    assert.strictEqual(explainLine(`S: ${M365_NO}`)[0].title, german.title);
    // An entry without a German text stays English rather than empty.
    const untranslated = explain('535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.')[0];
    assert.ok(!DE_ENTRIES[untranslated.id] || untranslated.title === DE_ENTRIES[untranslated.id].title);
    assert.ok(untranslated.title.length > 0);
  });

  it('every German value keeps the placeholders of its English key', () => {
    const bundle = JSON.parse(fs.readFileSync(GERMAN_BUNDLE, 'utf8')) as Record<string, string>;
    const placeholders = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort().join(' ');
    for (const [key, value] of Object.entries(bundle)) {
      assert.strictEqual(typeof value, 'string', key);
      assert.strictEqual(placeholders(value), placeholders(key), key);
    }
    const keys = Object.keys(bundle);
    assert.deepStrictEqual(keys, [...keys].sort(), 'keys sorted, so that merges do not conflict');
  });
});
