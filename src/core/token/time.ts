// Dates as people read them in a debugger: ISO time plus "in 42 minutes" / "3 hours ago".

export function formatRelative(date: Date, now: Date): string {
  const diffMs = date.getTime() - now.getTime();
  const abs = Math.abs(diffMs);
  const units: [number, string][] = [
    [365 * 24 * 3600e3, 'year'],
    [30 * 24 * 3600e3, 'month'],
    [24 * 3600e3, 'day'],
    [3600e3, 'hour'],
    [60e3, 'minute'],
    [1e3, 'second'],
  ];
  if (abs < 1000) return 'now';
  for (const [size, name] of units) {
    if (abs >= size) {
      const n = Math.floor(abs / size);
      const text = `${n} ${name}${n === 1 ? '' : 's'}`;
      return diffMs > 0 ? `in ${text}` : `${text} ago`;
    }
  }
  return 'now';
}

/** A length of time as "2 hours" or "10 minutes": the largest unit it reaches, rounded (7,199 s is "2 hours"). */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  const units: [number, string][] = [
    [24 * 3600e3, 'day'],
    [3600e3, 'hour'],
    [60e3, 'minute'],
    [1e3, 'second'],
  ];
  for (const [size, name] of units) {
    if (abs >= size) {
      const n = Math.round(abs / size);
      return `${n} ${name}${n === 1 ? '' : 's'}`;
    }
  }
  return 'less than a second';
}

export function formatDate(date: Date, now: Date): string {
  return `${date.toISOString().replace('.000Z', 'Z')} (${formatRelative(date, now)})`;
}
