// Dates as people read them in a debugger: ISO time plus "in 42 minutes" / "3 hours ago".

const UNITS: [number, string][] = [
  [365 * 24 * 3600e3, 'year'],
  [30 * 24 * 3600e3, 'month'],
  [24 * 3600e3, 'day'],
  [3600e3, 'hour'],
  [60e3, 'minute'],
  [1e3, 'second'],
];

/** `ms` (not negative) in the largest of `units` it reaches, as "3 hours"; undefined under a second. */
function inUnits(ms: number, round: (n: number) => number, units = UNITS): string | undefined {
  for (const [size, name] of units) {
    if (ms >= size) {
      const n = round(ms / size);
      return `${n} ${name}${n === 1 ? '' : 's'}`;
    }
  }
  return undefined;
}

export function formatRelative(date: Date, now: Date): string {
  const diffMs = date.getTime() - now.getTime();
  const text = inUnits(Math.abs(diffMs), Math.floor);
  if (!text) return 'now';
  return diffMs > 0 ? `in ${text}` : `${text} ago`;
}

/** A length of time as "2 hours" or "10 minutes": the largest unit from days down it reaches, rounded (7,199 s is "2 hours"). */
export function formatDuration(ms: number): string {
  return inUnits(Math.abs(ms), Math.round, UNITS.slice(2)) ?? 'less than a second';
}

/** ISO time without zero milliseconds: 2026-12-02T13:10:00Z. */
export function isoTime(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}

export function formatDate(date: Date, now: Date): string {
  return `${isoTime(date)} (${formatRelative(date, now)})`;
}
