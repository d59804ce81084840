// One build script for the extension and the `mailoauth` CLI (see microsoft/vscode-extension-samples esbuild-sample).
// Usage: node esbuild.js [--production] [--watch]
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints build problems in the `file:line:col: error: text` form that VS Code's problem matchers read. */
const problemMatcherPlugin = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log(`[watch] build started${production ? ' (production)' : ''}`));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

const { version } = require('./package.json');

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'silent',
  plugins: [problemMatcherPlugin],
};

const targets = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
    define: { __VERSION__: JSON.stringify(version) },
  },
  // The protocol console's webview front end (browser code, its own tsconfig for the DOM types).
  {
    ...common,
    entryPoints: ['src/webview/console/main.ts'],
    outfile: 'dist/webview/console.js',
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
    tsconfig: 'src/webview/tsconfig.json',
  },
  // The local sandbox of `npm start` (test servers kept running); not part of the .vsix.
  { ...common, entryPoints: ['test/sandbox/sandbox.ts'], outfile: 'dist/sandbox.js', packages: 'external' },
];

async function main() {
  const contexts = await Promise.all(targets.map((options) => esbuild.context(options)));
  if (watch) {
    await Promise.all(contexts.map((ctx) => ctx.watch()));
    return;
  }
  const results = await Promise.all(contexts.map((ctx) => ctx.rebuild()));
  await Promise.all(contexts.map((ctx) => ctx.dispose()));
  if (results.some((r) => r.errors.length > 0)) process.exit(1);
}

main().catch((err) => {
  console.error(err.message || err);
  process.exit(1);
});
