// Dates as people read them in a debugger: ISO time plus "in 42 minutes" / "3 hours ago".
import * as l10n from '@vscode/l10n';
import { bundleLanguage } from '../language';

const UNITS: [number, Intl.RelativeTimeFormatUnitSingular][] = [
  [365 * 24 * 3600e3, 'year'],
  [30 * 24 * 3600e3, 'month'],
  [24 * 3600e3, 'day'],
  [3600e3, 'hour'],
  [60e3, 'minute'],
  [1e3, 'second'],
];

/** The largest of `units` that `ms` (not negative) reaches, and how many of it; undefined under a second. */
function inUnits(ms: number, round: (n: number) => number, units = UNITS): [number, Intl.RelativeTimeFormatUnitSingular] | undefined {
  for (const [size, name] of units) {
    if (ms >= size) return [round(ms / size), name];
  }
  return undefined;
}

// Intl formatters cost tens of microseconds to build: one per language and unit, built when first used.
const amounts = new Map<string, Intl.NumberFormat>();
const relatives = new Map<string, Intl.RelativeTimeFormat>();

/** "3 hours" in the core's language (Intl's words: English "1 hour", German "1 Stunde"). */
function amount([n, unit]: [number, Intl.RelativeTimeFormatUnitSingular]): string {
  const key = `${bundleLanguage()} ${unit}`;
  let format = amounts.get(key);
  if (!format) amounts.set(key, (format = new Intl.NumberFormat(bundleLanguage(), { style: 'unit', unit, unitDisplay: 'long' })));
  return format.format(n);
}

function relative(language: string): Intl.RelativeTimeFormat {
  let format = relatives.get(language);
  if (!format) relatives.set(language, (format = new Intl.RelativeTimeFormat(language, { numeric: 'always' })));
  return format;
}

/** "in 42 minutes" / "3 hours ago" ("vor 3 Stunden" in German); "now" under a second. */
export function formatRelative(date: Date, now: Date): string {
  const diffMs = date.getTime() - now.getTime();
  const found = inUnits(Math.abs(diffMs), Math.floor);
  if (!found) return l10n.t('now');
  return relative(bundleLanguage()).format(diffMs > 0 ? found[0] : -found[0], found[1]);
}

/** A length of time as "2 hours" or "10 minutes": the largest unit from days down it reaches, rounded (7,199 s is "2 hours"); `floor` counts whole units only. */
export function formatDuration(ms: number, floor = false): string {
  const found = inUnits(Math.abs(ms), floor ? Math.floor : Math.round, floor ? UNITS : UNITS.slice(2));
  return found ? amount(found) : l10n.t('less than a second');
}

/** ISO time without zero milliseconds: 2026-12-02T13:10:00Z. */
export function isoTime(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}

export function formatDate(date: Date, now: Date): string {
  return `${isoTime(date)} (${formatRelative(date, now)})`;
}
