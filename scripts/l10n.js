// `npm run l10n`: exports every l10n.t / vscode.l10n.t string of src/ into l10n/bundle.l10n.json (English,
// keys sorted so that parallel changes merge line by line), with @vscode/l10n-dev's extractor.
// `npm run l10n -- --check` writes nothing and fails when that file is not what the sources say (a string
// added or changed without running `npm run l10n`); the unit suite checks the German files against it.
const fs = require('fs');
const path = require('path');
const { getL10nJson } = require('@vscode/l10n-dev');

const REPO = path.resolve(__dirname, '..');
const BUNDLE = path.join(REPO, 'l10n', 'bundle.l10n.json');

function sourceFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** The English bundle the sources call for, as the text of l10n/bundle.l10n.json. */
async function exportedBundle() {
  const files = sourceFiles(path.join(REPO, 'src'))
    .sort()
    .map((f) => ({ contents: fs.readFileSync(f, 'utf8'), extension: path.extname(f) }));
  const json = await getL10nJson(files);
  return stringify(json);
}

/** Keys sorted, two-space JSON, one key a line, final newline: the layout of every bundle file. */
function stringify(bundle) {
  const sorted = Object.fromEntries(
    Object.keys(bundle)
      .sort()
      .map((k) => [k, bundle[k]]),
  );
  return JSON.stringify(sorted, null, 2) + '\n';
}

async function main() {
  const check = process.argv.includes('--check');
  const wanted = await exportedBundle();
  const current = fs.existsSync(BUNDLE) ? fs.readFileSync(BUNDLE, 'utf8') : '';
  if (!check) {
    fs.mkdirSync(path.dirname(BUNDLE), { recursive: true });
    fs.writeFileSync(BUNDLE, wanted);
    console.log(`l10n: ${Object.keys(JSON.parse(wanted)).length} strings in ${path.relative(REPO, BUNDLE)}`);
    return;
  }
  if (current === wanted) {
    console.log(`l10n: ${path.relative(REPO, BUNDLE)} is up to date (${Object.keys(JSON.parse(wanted)).length} strings)`);
    return;
  }
  const have = current ? JSON.parse(current) : {};
  const want = JSON.parse(wanted);
  const missing = Object.keys(want).filter((k) => !(k in have));
  const stale = Object.keys(have).filter((k) => !(k in want));
  console.error(`l10n: ${path.relative(REPO, BUNDLE)} is out of date: run \`npm run l10n\`.`);
  for (const k of missing.slice(0, 20)) console.error(`  missing: ${JSON.stringify(k).slice(0, 160)}`);
  for (const k of stale.slice(0, 20)) console.error(`  no longer in the sources: ${JSON.stringify(k).slice(0, 160)}`);
  if (!missing.length && !stale.length) console.error('  (same keys, different order or layout)');
  process.exitCode = 1;
}

if (require.main === module) {
  main().catch((err) => {
    console.error(`l10n: ${err && err.message ? err.message : err}`);
    process.exitCode = 1;
  });
}

module.exports = { exportedBundle, stringify, BUNDLE };
