// The webview's user-facing text: translated on the host and embedded in the page as JSON (see
// src/console/consoleHtml.ts), so that this bundle carries no English of its own.
import type { ConsoleStrings } from '../../console/messages';

export { format } from './format';

/** Reads the strings the host embedded in <script type="application/json" id="l10n">. */
export function readStrings(doc: Document): ConsoleStrings {
  const el = doc.getElementById('l10n');
  const parsed: unknown = el?.textContent ? JSON.parse(el.textContent) : {};
  // A missing key shows as its name rather than as "undefined" (a host/webview version mismatch).
  const table = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string | symbol, unknown>;
  return new Proxy(table, {
    get: (target, key) => {
      const v = target[key];
      return typeof v === 'string' ? v : String(key);
    },
  }) as unknown as ConsoleStrings;
}
