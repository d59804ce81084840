// The layering of DESIGN.md, checked on the import graph of src/: core is pure (nothing outside src/core, no
// vscode), the CLI is a thin shell over core, and nothing below the wiring imports the commands or extension.ts.
import * as assert from 'assert';
import * as fs from 'fs';
import { builtinModules } from 'module';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** One import: the importing file and the imported one, both relative to the repository (posix), or a package name. */
export interface ImportEdge {
  from: string;
  /** `src/core/sasl/xoauth2.ts` for a relative import that resolves; the specifier itself for a package. */
  to: string;
  relative: boolean;
}

// `import ... from '...'`, `export ... from '...'` (also over several lines) and `import '...'`, at the start of a line.
const STATIC_IMPORT = /^[ \t]*(?:import|export)\b[^;'"`]*?\bfrom\s*(['"])([^'"\n]+)\1|^[ \t]*import\s*(['"])([^'"\n]+)\3/gm;
// `require('...')` and `import('...')` anywhere in code, but not inside a string (snippet generators write programs that require).
const CALL_IMPORT = /\b(?:require|import)\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g;

/** The module specifiers a source file imports, in the order they stand. */
export function importSpecifiers(source: string): string[] {
  const found: { at: number; spec: string }[] = [];
  for (const m of source.matchAll(STATIC_IMPORT)) found.push({ at: m.index, spec: m[2] ?? m[4] });
  for (const m of source.matchAll(CALL_IMPORT)) {
    const lineStart = source.lastIndexOf('\n', m.index) + 1;
    const before = source.slice(lineStart, m.index);
    if (/['"`]|\/\/|^\s*\*/.test(before)) continue; // in a string or a comment
    found.push({ at: m.index, spec: m[2] });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.spec);
}

/** Resolves a relative specifier of `from` (repository-relative) to the file it names, as TypeScript would. */
function resolveRelative(from: string, spec: string): string {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec)).replace(/\.js$/, '');
  for (const candidate of [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, base]) {
    if (fs.existsSync(path.join(ROOT, candidate)) && fs.statSync(path.join(ROOT, candidate)).isFile()) return candidate;
  }
  return `${base} (unresolved)`;
}

/** Every import of every TypeScript file under src/. */
export function importGraph(): ImportEdge[] {
  const files = fs
    .readdirSync(path.join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => path.posix.join('src', f.split(path.sep).join('/')))
    .sort();
  const edges: ImportEdge[] = [];
  for (const from of files) {
    for (const spec of importSpecifiers(fs.readFileSync(path.join(ROOT, from), 'utf8'))) {
      const relative = spec.startsWith('.');
      edges.push({ from, to: relative ? resolveRelative(from, spec) : spec, relative });
    }
  }
  return edges;
}

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const RUNTIME_PACKAGES = new Set(Object.keys((JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> }).dependencies ?? {}));

const under = (dir: string, file: string) => file.startsWith(`${dir}/`);
const isWiring = (file: string) => under('src/commands', file) || file === 'src/extension.ts';
const isPackage = (spec: string, pkg: string) => spec === pkg || spec.startsWith(`${pkg}/`);

/** The edges that break the layering, each as "from -> to: which rule". */
export function layeringViolations(edges: readonly ImportEdge[]): string[] {
  const out: string[] = [];
  for (const e of edges) {
    const bad = (rule: string) => out.push(`${e.from} -> ${e.to}: ${rule}`);
    if (under('src/core', e.from)) {
      if (!e.relative && isPackage(e.to, 'vscode')) bad('src/core never imports vscode');
      if (e.relative && !under('src/core', e.to)) bad('src/core imports nothing outside src/core');
    }
    if (under('src/cli', e.from)) {
      if (e.relative && !under('src/core', e.to) && !under('src/cli', e.to)) bad('src/cli imports only src/core');
      if (!e.relative && isPackage(e.to, 'vscode')) bad('src/cli never imports vscode');
      else if (!e.relative && !NODE_BUILTINS.has(e.to) && ![...RUNTIME_PACKAGES].some((p) => isPackage(e.to, p))) bad('src/cli imports only src/core, node and the runtime dependencies');
    }
    if (['src/core', 'src/auth', 'src/views', 'src/hover', 'src/console'].some((d) => under(d, e.from)) && e.relative && isWiring(e.to)) {
      bad('nothing below the wiring imports src/commands or src/extension.ts');
    }
  }
  return out;
}

describe('import graph: the layering of DESIGN.md', () => {
  const edges = importGraph();

  it('reads the imports of the sources (static, multi-line, require and dynamic import; not those in generated programs)', () => {
    assert.ok(edges.length > 300, `only ${edges.length} imports found`);
    const has = (from: string, to: string) => edges.some((e) => e.from === from && e.to === to);
    assert.ok(has('src/extension.ts', 'vscode'), 'extension.ts imports vscode');
    assert.ok(has('src/cli/proxyCommand.ts', 'src/core/proxy/localCa.ts'), "the CLI's dynamic import('../core/proxy/localCa.js')");
    assert.ok(!edges.some((e) => e.from === 'src/core/snippet/node.ts' && e.to === 'imapflow'), "the Node snippet's require('imapflow') is text of the program it writes");
    assert.deepStrictEqual(
      importSpecifiers("import {\n  a,\n  b,\n} from './multi';\nimport './side';\nexport { c } from '../re';\nconst x = require('x');\nconst s = \"require('not')\";\n// require('comment')\n"),
      ['./multi', './side', '../re', 'x'],
    );
  });

  it('every relative import resolves to a file under src/', () => {
    const unresolved = edges.filter((e) => e.relative && (e.to.endsWith(' (unresolved)') || !under('src', e.to)));
    assert.deepStrictEqual(
      unresolved.map((e) => `${e.from} -> ${e.to}`),
      [],
    );
  });

  it('src/core is pure, src/cli sits on src/core only, and no layer imports the commands or extension.ts', () => {
    const violations = layeringViolations(edges);
    assert.strictEqual(violations.length, 0, `imports against the layering:\n  ${violations.join('\n  ')}`);
  });

  it('names each kind of offending edge', () => {
    const violations = layeringViolations([
      { from: 'src/core/sasl/xoauth2.ts', to: 'vscode', relative: false },
      { from: 'src/core/token/inspect.ts', to: 'src/settings.ts', relative: true },
      { from: 'src/cli/main.ts', to: 'src/auth/authErrors.ts', relative: true },
      { from: 'src/cli/main.ts', to: 'vscode', relative: false },
      { from: 'src/cli/main.ts', to: 'nodemailer', relative: false },
      { from: 'src/views/accountsView.ts', to: 'src/commands/accountCommands.ts', relative: true },
      { from: 'src/hover/logHover.ts', to: 'src/extension.ts', relative: true },
      { from: 'src/commands/decode.ts', to: 'src/views/decodedView.ts', relative: true },
      { from: 'src/cli/main.ts', to: 'node:fs', relative: false },
      { from: 'src/cli/main.ts', to: '@vscode/l10n', relative: false },
    ]);
    assert.deepStrictEqual(violations, [
      'src/core/sasl/xoauth2.ts -> vscode: src/core never imports vscode',
      'src/core/token/inspect.ts -> src/settings.ts: src/core imports nothing outside src/core',
      'src/cli/main.ts -> src/auth/authErrors.ts: src/cli imports only src/core',
      'src/cli/main.ts -> vscode: src/cli never imports vscode',
      'src/cli/main.ts -> nodemailer: src/cli imports only src/core, node and the runtime dependencies',
      'src/views/accountsView.ts -> src/commands/accountCommands.ts: nothing below the wiring imports src/commands or src/extension.ts',
      'src/hover/logHover.ts -> src/extension.ts: nothing below the wiring imports src/commands or src/extension.ts',
    ]);
  });
});
