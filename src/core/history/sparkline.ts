/** Sparklines: a series drawn in one line of block characters. */

const BARS = '▁▂▃▄▅▆▇█';

/**
 * `values` scaled between `min` and `max` into block characters, at most `width` of them (longer
 * series are resampled: each character shows the last value of its stretch, as progress is read).
 */
export function sparkline(values: readonly number[], min: number, max: number, width = 60): string {
  if (values.length === 0) return '';
  const n = Math.min(values.length, Math.max(1, width));
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const v = values[Math.floor(((i + 1) * values.length) / n) - 1]!;
    const ratio = max > min ? (Math.min(max, Math.max(min, v)) - min) / (max - min) : 0;
    out.push(BARS[Math.round(ratio * (BARS.length - 1))]!);
  }
  return out.join('');
}
