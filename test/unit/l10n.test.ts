// The translations are complete and current: every English string of the sources (l10n/bundle.l10n.json,
// as @vscode/l10n-dev exports it) and of the manifest (package.nls.json) has a German one with the same
// {0} placeholders, no German string is left over from a string that is gone, and the English bundle is
// what the sources say today (a string added without `npm run l10n` fails here).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const REPO = path.resolve(__dirname, '../../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const l10nScript = require(path.join(REPO, 'scripts/l10n.js')) as { exportedBundle(): Promise<string>; stringify(b: Record<string, unknown>): string };

type Bundle = Record<string, string | { message: string; comment: string[] }>;
const read = (file: string): Bundle => JSON.parse(fs.readFileSync(path.join(REPO, file), 'utf8')) as Bundle;
const text = (v: Bundle[string]): string => (typeof v === 'string' ? v : v.message);
const placeholders = (s: string): string[] => [...new Set(s.match(/\{\d+\}/g) ?? [])].sort();

function assertTranslated(englishFile: string, germanFile: string): void {
  const en = read(englishFile);
  const de = read(germanFile);
  const missing = Object.keys(en).filter((k) => !(k in de) || text(de[k]).trim() === '');
  assert.deepStrictEqual(missing, [], `${germanFile} lacks a German text for these keys of ${englishFile}`);
  const stale = Object.keys(de).filter((k) => !(k in en));
  assert.deepStrictEqual(stale, [], `${germanFile} has keys that ${englishFile} no longer has`);
  const mismatched = Object.keys(en).filter((k) => placeholders(text(en[k])).join() !== placeholders(text(de[k])).join());
  assert.deepStrictEqual(mismatched, [], `${germanFile}: these translations use other {n} placeholders than the English`);
}

/** The file as `npm run l10n` lays bundles out: keys sorted, two-space JSON, final newline. */
function assertLaidOut(file: string): void {
  const raw = fs.readFileSync(path.join(REPO, file), 'utf8');
  assert.strictEqual(raw, l10nScript.stringify(JSON.parse(raw) as Record<string, unknown>), `${file}: keys sorted, 2-space JSON, one key a line`);
}

describe('localisation (English and German)', function () {
  this.timeout(60_000);

  it('l10n/bundle.l10n.json holds exactly the strings of the sources (npm run l10n is up to date)', async () => {
    const wanted = await l10nScript.exportedBundle();
    const current = fs.readFileSync(path.join(REPO, 'l10n/bundle.l10n.json'), 'utf8');
    const want = Object.keys(JSON.parse(wanted) as Bundle);
    const have = Object.keys(JSON.parse(current) as Bundle);
    assert.deepStrictEqual({ missing: want.filter((k) => !have.includes(k)), stale: have.filter((k) => !want.includes(k)) }, { missing: [], stale: [] }, 'run `npm run l10n`');
    assert.strictEqual(current, wanted, 'run `npm run l10n` (layout)');
    assert.ok(want.length > 100, `the export found ${want.length} strings: is the extractor still finding l10n.t calls?`);
  });

  it('every string of the sources has a German translation with the same placeholders, and no German string is stale', () => {
    assertTranslated('l10n/bundle.l10n.json', 'l10n/bundle.l10n.de.json');
    assertLaidOut('l10n/bundle.l10n.de.json');
  });

  it('every string of the manifest has a German translation with the same placeholders, and no German string is stale', () => {
    assertTranslated('package.nls.json', 'package.nls.de.json');
    assertLaidOut('package.nls.json');
    assertLaidOut('package.nls.de.json');
  });

  it("the manifest's user-facing texts are all %keys% of package.nls.json, and every key is used", () => {
    const manifest = fs.readFileSync(path.join(REPO, 'package.json'), 'utf8');
    const pkg = JSON.parse(manifest) as Record<string, unknown>;
    const nls = read('package.nls.json');
    const used = new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]));
    assert.deepStrictEqual(
      [...used].filter((k) => !(k in nls)),
      [],
      'keys used in package.json but missing in package.nls.json',
    );
    assert.deepStrictEqual(
      Object.keys(nls).filter((k) => !used.has(k)),
      [],
      'keys of package.nls.json that package.json does not use',
    );

    // Fields VS Code shows to people; anything else (IDs, commands, protocol words, aliases) stays as it is.
    const SHOWN = new Set(['title', 'description', 'markdownDescription', 'patternErrorMessage', 'name', 'contextualTitle', 'contents', 'label', 'altText', 'category']);
    const plain: string[] = [];
    const walk = (v: unknown, at: string, parentKey: string): void => {
      if (Array.isArray(v)) {
        v.forEach((x, i) => walk(x, `${at}[${i}]`, parentKey));
        return;
      }
      if (typeof v === 'string') {
        const shown = SHOWN.has(parentKey) || parentKey === 'enumDescriptions' || parentKey === 'markdownEnumDescriptions';
        if (shown && !/^%[^%]+%$/.test(v)) plain.push(`${at}: ${v.slice(0, 60)}`);
        return;
      }
      if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${at}.${k}`, k);
    };
    // The custom presets' "label" is a property *name* in a schema, whose value is an object, so it is not matched.
    walk(pkg.contributes, 'contributes', '');
    walk({ description: pkg.description }, '', '');
    walk((pkg.capabilities as Record<string, unknown>).untrustedWorkspaces, 'capabilities.untrustedWorkspaces', '');
    assert.deepStrictEqual(plain, [], 'user-facing manifest texts that are not %keys%');
  });
});
