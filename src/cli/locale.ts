// The language the CLI speaks: POSIX's order (LC_ALL, then LC_MESSAGES, then LANG; the first that
// is set wins), and the translation bundle it loads, the one the extension ships (l10n/).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';

/** A language code from a POSIX locale ("de_DE.UTF-8" → "de"); undefined for C, POSIX and English. */
export function cliLanguage(env: NodeJS.ProcessEnv): string | undefined {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (!value) continue;
    const m = /^([A-Za-z]{2,3})(?:[_.@-]|$)/.exec(value);
    const language = m?.[1].toLowerCase();
    return language === 'en' ? undefined : language;
  }
  return undefined;
}

/** Bundles above this size are not ours: the CLI stays in English rather than read them. */
const MAX_BUNDLE_BYTES = 4 * 1024 * 1024;

/**
 * Where the bundle of a language is: beside dist/ in a checkout, a .vsix or an npm package
 * (dist/cli.js → l10n/), or three levels up from the compiled tests (out/src/cli/).
 */
export function bundlePath(language: string, from = __dirname): string | undefined {
  if (!/^[a-z]{2,3}$/.test(language)) return undefined;
  const name = `bundle.l10n.${language}.json`;
  for (const dir of [path.join(from, '..', 'l10n'), path.join(from, '..', '..', '..', 'l10n')]) {
    const file = path.join(dir, name);
    if (fs.existsSync(file)) return file;
  }
  return undefined;
}

/** Loads the bundle for the environment's language; without one (or a broken one) the CLI speaks English. */
export function useCliLanguage(env: NodeJS.ProcessEnv): string | undefined {
  const language = cliLanguage(env);
  const file = language && bundlePath(language);
  if (!file) return undefined;
  try {
    if (fs.statSync(file).size > MAX_BUNDLE_BYTES) return undefined;
    const contents = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
    if (typeof contents !== 'object' || contents === null || Array.isArray(contents)) return undefined;
    l10n.config({ contents: contents as Record<string, string> });
    return language;
  } catch {
    return undefined;
  }
}
