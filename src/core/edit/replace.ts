/** Replacing a field's value, written as the field writes it: a mark, a mention, a date, YAML. */
import { TmError } from '../errors.js';
import type { Field, Item, Plan } from '../model.js';
import { dateLike, wholeDateRange } from '../plan/attributes/dates.js';
import { readEffort } from '../plan/attributes/effort.js';
import { isMentionName } from '../plan/attributes/mentions.js';
import { isOwnerName, isOwnerPhrase } from '../plan/attributes/owner-pieces.js';
import { foreignPriorityLike, readPriorityValue } from '../plan/attributes/priority.js';
import { isBlank } from '../plan/chars.js';
import { rangeEndEdit } from './daterange.js';
import type { Edit } from './splice.js';
import { cellText } from './style.js';
import { legendGlyphStatus } from './vocabulary.js';

/** The edits that give field `f` of `item` the value `value`, written as the field is. */
export function replaceValue(plan: Plan, item: Item, f: Field, key: string, value: string): Edit[] {
  // An owner written as a mention (`assignee: ['@kim']`, `**Owner:** @kim`) stays one, and one
  // written in a list without a key (`— unassigned`) becomes one: a bare name there is no owner.
  const bare = f.rawKey === '' && f.style === 'kv';
  if (key === 'owner' && bare && /\s/.test(value.trim()))
    throw new TmError(
      'TM_INVALID_EDIT',
      `${item.key}: "${value}" would not read as one owner where "${f.value}" stands; write it as one word (a handle).`,
    );
  const mention = f.value.startsWith('@') || bare || f.rawKey === '@';
  let v = key === 'owner' && mention && !value.startsWith('@') ? `@${value.trim()}` : value;
  // A mention's value is the name after its `@`.
  if (key === 'owner' && f.rawKey === '@') v = value.trim().replace(/^@/, '');
  // `@Zed Q` or `@ann@corp` would read as another owner, or as none. After a key (`Owner: @cy`) the
  // name is written plain, as the key says whose it is; a mention alone must stay a mention. Front
  // matter holds any value, quoted as YAML needs.
  const handle = f.rawKey === '@' ? v : v.slice(1);
  if (key === 'owner' && mention && f.style !== 'front-matter' && !isMentionName(handle)) {
    if (f.rawKey === '' || f.rawKey === '@' || isOwnerPhrase(f))
      throw new TmError(
        'TM_INVALID_EDIT',
        `${item.key}: "${value}" would not read as one mention where "${f.rawKey === '@' ? '@' : ''}${f.value}" stands; write it as a handle (letters, digits and . _ - inside).`,
      );
    v = value.trim();
  }
  // An owner named by a phrase (`assigned to Bo`) is read as a name or a mention: another value is
  // written as a mention where it is one word, and refused where it is more.
  if (isOwnerPhrase(f) && !isOwnerName(v)) {
    if (!isOwnerName(`@${v}`))
      throw new TmError(
        'TM_INVALID_EDIT',
        `${item.key}: "${v}" would not read as the name after "${f.rawKey}"; write it with capitals (Kim Lee) or as one word.`,
      );
    v = `@${v}`;
  }
  if (f.style === 'mark') {
    const edit = { ...f.valueSpan, text: markText(key, f.value, v) };
    // A circle before a priority word (`🔴 **Critical**: Patch`, `Review 🔴 High`) changes with it.
    let at = f.span.start;
    while (at < f.valueSpan.start && isBlank(plan.text.charCodeAt(at))) at++;
    const circle = plan.text.slice(at, at + 2);
    if (key !== 'priority' || f.valueSpan.start === at || !TRAFFIC_LIGHTS.includes(circle))
      return [{ ...edit, text: notAStatus(plan, item, edit.text, value) }];
    const rank = readPriorityValue(v)!.rank;
    return [
      {
        start: at,
        end: at + 2,
        text: notAStatus(plan, item, TRAFFIC_LIGHTS[rank]!, value),
      },
      edit,
    ];
  }
  // A value linked to its page (`owner:: [[Mira]]`, `due:: [[Dec 12th, 2026]]`) stays linked.
  const page = /^\[\[([^\][]*)\]\]$/.exec(f.value);
  // Work scheduled over a range of days (`Dec 14–18`) is due by its last: that moves, the start stays.
  const range = key === 'due' && page === null && ISO_DATE_RE.test(v) ? wholeDateRange(f.value) : null;
  const end = range === null ? null : rangeEndEdit(plan, item, f, range, v);
  if (end !== null) return [end];
  // A date given in ISO is written as the field's date is (`Dec 14, 2026`, `14.12.2026`).
  v = dateLike(page ? page[1]! : f.value, v);
  if (page && !v.startsWith('[[')) v = `[[${v.trim()}]]`;
  if (f.style === 'dataview') refuseDataviewValue(f.rawKey, v);
  const text =
    f.style === 'front-matter'
      ? yamlScalar(v, plan.text.charAt(f.valueSpan.start - 1))
      : f.style === 'table-cell'
        ? f.value === ''
          ? ` ${cellText(v)} `
          : cellText(v)
        : v;
  // A mention or tag read right after the value (`Owner: Kim~~@carol`) stays one: a value ending in
  // a letter would join it (`zed@carol` is no mention).
  const joins =
    /[\p{L}\p{N}]$/u.test(text) &&
    item.fields.some((g) => g.span.start === f.valueSpan.end && (g.rawKey === '@' || g.rawKey === '#'));
  return [{ start: f.valueSpan.start, end: f.valueSpan.end, text: joins ? `${text} ` : text }];
}

const ISO_DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `text`, a priority mark to be written, unless the plan's legend makes it a status (`🟢 done`):
 * written, it would say the status rather than the priority. Refused then.
 */
function notAStatus(plan: Plan, item: Item, text: string, value: string): string {
  const status = legendGlyphStatus(plan, text);
  if (status === null) return text;
  throw new TmError(
    'TM_INVALID_EDIT',
    `${item.key}: the priority ${value} is written ${text} here, which this plan's legend makes the status ${status}; edit line ${item.line} by hand.`,
  );
}

const OBSIDIAN_PRIORITY = ['🔺', '⏫', '🔼', '🔽', '⏬'];
const TRAFFIC_LIGHTS = ['🔴', '🟠', '🟡', '🟢', '🟢'];
/** The word for each rank, for a priority mark written as a word. */
const PRIORITY_WORDS = ['critical', 'high', 'medium', 'low', 'lowest'];

/**
 * A new value for a priority or estimate mark, in the mark's own notation: `P0`–`P4`, a todo.txt or
 * org letter (A high, B medium, C low), an Obsidian Tasks or traffic-light emoji, `!!!` or `!!`, a
 * priority word (`[HIGH]`, `(low)`), or an estimate. A value the mark cannot show is refused rather than written
 * where it would no longer be read.
 */
function markText(key: string, old: string, value: string): string {
  if (key === 'effort') {
    const v = value.trim();
    const e = readEffort(v);
    if (e === null || e.text !== v)
      throw new TmError(
        'TM_INVALID_EDIT',
        `"${value}" is not an estimate; write it like 3d, 4h, 30 min or 2-3 days.`,
      );
    return v;
  }
  const p = readPriorityValue(value);
  if (p === null)
    throw new TmError(
      'TM_INVALID_EDIT',
      `"${value}" is not a priority; use P0–P4, a letter A–E, or a word such as high or low.`,
    );
  if (/^P[0-4]$/.test(old)) return `P${p.rank}`;
  if (/^[A-E]$/.test(old)) return 'AABCD'.charAt(p.rank);
  if (OBSIDIAN_PRIORITY.includes(old)) return OBSIDIAN_PRIORITY[p.rank]!;
  if (TRAFFIC_LIGHTS.includes(old)) return TRAFFIC_LIGHTS[p.rank]!;
  if (old === '!!' || old === '!!!') {
    if (p.rank === 1 || p.rank === 2) return p.rank === 1 ? '!!!' : '!!';
    throw new TmError(
      'TM_INVALID_EDIT',
      `"${value}" cannot be shown by ${old}, which says high (!!!) or medium (!!); unset the priority first to write it another way.`,
    );
  }
  // A phrase of another language (`prioridad alta`, `Hohe Priorität`) stays in it where it has a word.
  const foreign = foreignPriorityLike(old, p.rank);
  if (foreign !== null) return foreign;
  // A word (`[HIGH]`, `(low)`): the word of the rank, in the case the old one was written.
  const word = PRIORITY_WORDS[p.rank]!;
  if (/^[A-Z]+$/.test(old)) return word.toUpperCase();
  if (/^[A-Z]/.test(old)) return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}

/**
 * `value` as YAML reads it back: inside the quotes a value already has (`'` doubled, `"` and `\`
 * escaped), or bare when YAML takes it as plain text, else double-quoted.
 */
export function yamlScalar(value: string, quote: string): string {
  if (quote === "'") return value.replace(/'/g, "''");
  if (quote === '"') return JSON.stringify(value).slice(1, -1);
  const plain =
    /^[^\s\-?:,[\]{}#&*!|>'"%@`][^:#]*$/.test(value) &&
    !/\s$/.test(value) &&
    !/^(?:true|false|null|~|yes|no|on|off)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

/**
 * `value`, when it can be written as a dataview field's (`[key:: value]`): a `]` or `)` in it would
 * end the field there, the rest left in the title, so it is refused rather than written.
 */
export function refuseDataviewValue(key: string, value: string): string {
  // A page link (`[[Mira]]`) is read whole.
  if (/[\])]/.test(value.replace(/\[\[[^\][]*\]\]/g, '')))
    throw new TmError(
      'TM_INVALID_EDIT',
      `"${value}" cannot be written as [${key}:: …]: a ] or ) in it would end the field; leave them out.`,
    );
  return value;
}
