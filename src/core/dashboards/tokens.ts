/** The figures a dashboard is written with: counters, percentages, totals and progress bars, with their offsets. */

export interface Num {
  readonly value: number;
  /** Decimal places as written (`62.5%` has 1). */
  readonly decimals: number;
  readonly from: number;
  readonly to: number;
}

export interface Bar {
  readonly from: number;
  readonly to: number;
  /** Filled cells and all cells. */
  readonly full: number;
  readonly width: number;
  readonly fullChar: string;
  readonly emptyChar: string;
}

export interface Counter {
  readonly done: Num;
  readonly total: Num;
  /** `h` or `d` when the counter measures effort (`0/18h`), else null. */
  readonly effort: 'h' | 'd' | null;
  /** What follows the counter (`phases complete`), lower-cased. */
  readonly after: string;
}

export interface Tokens {
  readonly counters: Counter[];
  readonly percents: Num[];
  readonly bars: Bar[];
  /** `Total Items: 50`, `Total: 12 tasks`. */
  readonly totals: Num[];
}

const FULL = '█▓■▰●#=';
const EMPTY = '░▒□▱○-.· ';
const BRACKET_BAR = /\[([█▓▒░■□▰▱●○#=\-.· ]{4,})\]/gu;
const BARE_BAR = /[█▓▒░■□▰▱]{4,}/gu;
const COUNTER =
  /(?<![\d./:,-])(\d{1,6})\s*\/\s*(\d{1,6})(?:\s*(h|hrs?|hours?|d|days?)\b)?(?![\d/.:,]|\s*\/)/giu;
const OF = /(?<![\d.,])(\d{1,6})\s+(?:of|out of)\s+(\d{1,6})(?![\d.,])/giu;
const PERCENT = /(?<![\d.,<>≤≥~≈±+-])(\d{1,3}(?:\.\d{1,2})?)\s?%/gu;
const TOTAL_KEY = /\btotal\s+(?:items|tasks)\b[*_\s:]*(\d{1,6})(?![\d.,+%])/giu;
const TOTAL_SUFFIX = /\btotal\b[*_\s:]*(\d{1,6})\s+(?:[a-z]+\s+)?(?:items|tasks)\b/giu;
/** Words that make a percentage a target or a change rather than a measure of progress. */
const QUALIFIER =
  /(?:[<>≤≥~≈±+]|\b(?:over|under|above|below|least|most|by|to|than|from|up|within|about|approx|approximately|target|goal|reduce|increase|improve|coverage))\s*$/iu;

function num(text: string, from: number, offset: number): Num {
  const dot = text.indexOf('.');
  return {
    value: Number(text),
    decimals: dot < 0 ? 0 : text.length - dot - 1,
    from: from + offset,
    to: from + offset + text.length,
  };
}

function readBar(inner: string, from: number, to: number): Bar | null {
  let full = 0;
  let width = 0;
  let fullChar = '';
  let emptyChar = '';
  for (const ch of inner) {
    width++;
    if (FULL.includes(ch)) {
      if (emptyChar !== '') return null; // a bar fills from the left
      full++;
      fullChar ||= ch;
    } else if (EMPTY.includes(ch)) {
      if (emptyChar === '' || emptyChar === ' ') emptyChar = ch;
    } else return null;
  }
  if (width < 4 || inner.trim() === '') return null;
  return {
    from,
    to,
    full,
    width,
    fullChar: fullChar || (/[░▒□▱○]/u.test(emptyChar) ? '█' : '#'),
    emptyChar: emptyChar || (/[#=]/.test(fullChar) ? '-' : '░'),
  };
}

/** The figures in `s[from, to)`; offsets are indices into `s`. */
export function findTokens(s: string, from = 0, to = s.length): Tokens {
  const text = s.slice(from, to);
  const bars: Bar[] = [];
  const taken: [number, number][] = [];
  for (const m of text.matchAll(BRACKET_BAR)) {
    const bar = readBar(m[1]!, from + m.index + 1, from + m.index + 1 + m[1]!.length);
    if (bar) {
      bars.push(bar);
      taken.push([m.index, m.index + m[0].length]);
    }
  }
  for (const m of text.matchAll(BARE_BAR)) {
    if (taken.some(([a, b]) => m.index >= a && m.index < b)) continue;
    const bar = readBar(m[0], from + m.index, from + m.index + m[0].length);
    if (bar) {
      bars.push(bar);
      taken.push([m.index, m.index + m[0].length]);
    }
  }
  const counters: Counter[] = [];
  for (const re of [COUNTER, OF]) {
    for (const m of text.matchAll(re)) {
      const d = m[1]!;
      const t = m[2]!;
      const tAt = m.index + m[0].lastIndexOf(t, m[0].length - (m[3]?.length ?? 0));
      const unit = m[3]?.toLowerCase() ?? '';
      counters.push({
        done: num(d, m.index, from),
        total: num(t, tAt, from),
        effort: unit === '' ? null : unit.startsWith('h') ? 'h' : 'd',
        after: text.slice(m.index + m[0].length, m.index + m[0].length + 40).toLowerCase(),
      });
    }
  }
  counters.sort((a, b) => a.done.from - b.done.from);
  const percents: Num[] = [];
  for (const m of text.matchAll(PERCENT)) {
    const value = Number(m[1]);
    if (value > 100 || QUALIFIER.test(text.slice(Math.max(0, m.index - 24), m.index))) continue;
    percents.push(num(m[1]!, m.index, from));
  }
  const totals: Num[] = [];
  for (const re of [TOTAL_KEY, TOTAL_SUFFIX]) {
    for (const m of text.matchAll(re)) {
      const at = m.index + m[0].indexOf(m[1]!, m[0].search(/\d/));
      if (!totals.some((t) => t.from === from + at)) totals.push(num(m[1]!, at, from));
    }
  }
  return { counters, percents, bars, totals };
}

/** How a ratio is written with `decimals` places; never 100 before everything is done. */
export function formatPercent(done: number, total: number, decimals: number): string {
  if (total === 0) return (0).toFixed(decimals);
  const exact = (done / total) * 100;
  const f = 10 ** decimals;
  let v = Math.round(exact * f) / f;
  if (v >= 100 && done < total) v = Math.floor(exact * f) / f;
  return v.toFixed(decimals);
}

/** True when `claimed` (with `decimals` places) is a rounding (down, nearest or up) of the ratio. */
export function percentAgrees(claimed: number, done: number, total: number, decimals: number): boolean {
  if (total === 0) return claimed === 0;
  const exact = (done / total) * 100;
  if (claimed === 100 && done < total) return false;
  return Math.abs(claimed - exact) < 10 ** -decimals + 1e-9;
}

/** Filled cells a bar of `width` shows for the ratio; never full before everything is done. */
export function barCells(done: number, total: number, width: number): number {
  if (total === 0) return 0;
  const cells = Math.round((done / total) * width);
  return cells >= width && done < total ? width - 1 : cells;
}

/** True when a bar's fill is a rounding of the ratio. */
export function barAgrees(bar: Bar, done: number, total: number): boolean {
  if (total === 0) return bar.full === 0;
  if (bar.full === bar.width && done < total) return false;
  return Math.abs(bar.full - (done / total) * bar.width) < 1;
}

export function renderBar(bar: Bar, cells: number): string {
  return bar.fullChar.repeat(cells) + bar.emptyChar.repeat(bar.width - cells);
}
