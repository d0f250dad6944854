/**
 * GitHub's emoji shortcodes for the glyphs plans mark status and priority with (`:white_check_mark:`
 * shows as ✅, `:construction:` as 🚧). taskmark reads a shortcode as the glyph it shows, through the
 * same matching view as text damaged by a wrong code page, and writes a new mark as a shortcode where
 * the old one was. Only these: a shortcode taskmark does not read is text.
 */

const SHORTCODES: ReadonlyMap<string, string> = new Map([
  ['white_check_mark', '✅'],
  ['heavy_check_mark', '✔️'],
  ['ballot_box_with_check', '☑️'],
  ['100', '💯'],
  ['arrows_counterclockwise', '🔄'],
  ['construction', '🚧'],
  ['building_construction', '🏗️'],
  ['hammer', '🔨'],
  ['gear', '⚙️'],
  ['arrow_forward', '▶️'],
  ['runner', '🏃'],
  ['pause_button', '⏸️'],
  ['no_entry', '⛔'],
  ['stop_sign', '🛑'],
  ['no_entry_sign', '🚫'],
  ['lock', '🔒'],
  ['x', '❌'],
  ['heavy_multiplication_x', '✖️'],
  ['negative_squared_cross_mark', '❎'],
  ['wastebasket', '🗑️'],
  ['hourglass', '⌛'],
  ['hourglass_flowing_sand', '⏳'],
  ['white_large_square', '⬜'],
  ['red_circle', '🔴'],
  ['orange_circle', '🟠'],
  ['yellow_circle', '🟡'],
  ['green_circle', '🟢'],
  ['small_red_triangle', '🔺'],
  ['arrow_double_up', '⏫'],
  ['arrow_up_small', '🔼'],
  ['arrow_down_small', '🔽'],
  ['arrow_double_down', '⏬'],
]);

/** Each glyph's shortcode, the variation selector ignored. */
const BY_GLYPH: ReadonlyMap<string, string> = new Map(
  [...SHORTCODES].map(([name, glyph]) => [glyph.replace('\uFE0F', ''), `:${name}:`]),
);

const SHORTCODE_RE = new RegExp(`:(${[...SHORTCODES.keys()].join('|')}):`, 'g');

/** The longest name of a shortcode read. */
const MAX_NAME = Math.max(...[...SHORTCODES.keys()].map((k) => k.length));

/**
 * Whether `s` holds a shortcode taskmark reads. A scan from colon to colon: most colons in plans
 * (`**Status:** …`) are followed by a space, and are passed at once.
 */
export function hasShortcode(s: string): boolean {
  for (let i = s.indexOf(':'); i >= 0; i = s.indexOf(':', i + 1)) {
    let j = i + 1;
    while (j - i <= MAX_NAME && isNameChar(s.charCodeAt(j))) j++;
    if (j > i + 1 && s.charCodeAt(j) === 58 && SHORTCODES.has(s.slice(i + 1, j))) return true;
  }
  return false;
}

/** A character of a shortcode's name: a lower-case letter, a digit or `_`. */
function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95;
}

/** The shortcodes in `s`, in order: where each starts and ends, and the glyph it shows. */
export function shortcodeRuns(s: string): [number, number, string][] {
  const runs: [number, number, string][] = [];
  SHORTCODE_RE.lastIndex = 0;
  for (let m = SHORTCODE_RE.exec(s); m; m = SHORTCODE_RE.exec(s)) {
    runs.push([m.index, m.index + m[0].length, SHORTCODES.get(m[1]!)!]);
  }
  return runs;
}

/**
 * `text` with each glyph that has a shortcode written as it, when `old` (the text it replaces) uses
 * shortcodes: a plan that writes `:x:` gets `:white_check_mark:`, not ✅.
 */
export function inShortcodesLike(text: string, old: string): string {
  if (!hasShortcode(old)) return text;
  let out = '';
  for (const ch of text) {
    if (ch === '\uFE0F') continue;
    out += BY_GLYPH.get(ch) ?? ch;
  }
  return out;
}
