/** Plan facts (front matter, header and footer lines) and the plan's own status vocabulary. */
import type { Field, PlanFacts, Status, VocabularyEntry } from '../../model.js';
import { readAbsoluteDate } from '../attributes/dates.js';
import { findStatusGlyph, findStatusWord, normaliseVocab } from '../attributes/status.js';
import type { DocumentBlock, HeadingBlock } from '../block-types.js';
import { repairForMatching } from '../encoding.js';
import { readFlatFrontMatter } from '../frontmatter.js';

const DATE_KEYS = [
  'plan date',
  'date',
  'start date',
  'started',
  'created',
  'start',
  // The same in the languages plans are written in.
  ...'fecha|fecha de inicio|inicio|datum|startdatum|beginn|date de début|début|data|data de início|início|data di inizio|inizio|дата|дата начала|日期|开始日期|開始日期|開始日|日付|날짜|시작일'.split(
    '|',
  ),
];
const UPDATED_KEYS = [
  'last updated',
  'updated',
  'last_updated',
  'lastupdated',
  'last modified',
  'last edited',
  'edited',
  'last revised',
  'revised',
  'last reviewed',
];

/** Reads the front matter (YAML) and the plan's header and footer fields. */
export function readFacts(
  text: string,
  doc: DocumentBlock,
  fields: readonly Field[],
  parseYaml: ((yaml: string) => unknown) | undefined,
): PlanFacts {
  let frontMatter: Record<string, unknown> | null = null;
  const fm = doc.children[0];
  if (fm?.type === 'frontMatter') {
    const yaml = fm.lines.map((l) => text.slice(l.start, l.end)).join('\n');
    frontMatter = readFlatFrontMatter(yaml);
  }
  if (fm?.type === 'frontMatter' && frontMatter === null && parseYaml) {
    const yaml = fm.lines.map((l) => text.slice(l.start, l.end)).join('\n');
    try {
      const v: unknown = parseYaml(yaml);
      if (v && typeof v === 'object' && !Array.isArray(v)) frontMatter = v as Record<string, unknown>;
    } catch {
      // Broken front matter is reported by lint; the plan is still parsed.
      frontMatter = null;
    }
  }
  const fmString = (keys: readonly string[]) => {
    if (!frontMatter) return null;
    for (const [k, v] of Object.entries(frontMatter)) {
      if (keys.includes(k.toLowerCase().replace(/[_-]/g, ' ')) || keys.includes(k.toLowerCase())) {
        if (v instanceof Date) return v.toISOString().slice(0, 10);
        if (typeof v === 'string' || typeof v === 'number') return String(v);
      }
    }
    return null;
  };
  const field = (keys: readonly string[]) => fields.find((f) => keys.includes(f.key))?.value.trim() ?? null;
  const dateOf = (s: string | null) => (s ? (readAbsoluteDate(s)?.date ?? null) : null);
  const lastUpdated =
    dateOf(fmString(UPDATED_KEYS)) ?? dateOf(field(UPDATED_KEYS)) ?? statedUpdate(text, doc);
  const date =
    dateOf(fmString(DATE_KEYS)) ??
    dateOf(field(DATE_KEYS)) ??
    statedDate(text, doc) ??
    lastUpdated ??
    weekOf(text, doc);
  return {
    date,
    version: fmString(['version']) ?? field(['version']),
    lastUpdated,
    status: fmString(['status']) ?? field(['status']),
    frontMatter,
  };
}

/**
 * A line of the plan's header, before its first section (not in a list or a quote), that gives its
 * date under a plain key, as the bold field lines do: `Start date: 2027-01-11`, `_Kickoff: Jan 11,
 * 2027_`, `Date — 2027-01-11`. The first such date, or null.
 */
function statedDate(text: string, doc: DocumentBlock): string | null {
  return ledDate(text, doc, DATE_LEAD_RE, true);
}
const DATE_LEAD_RE =
  /^[\s*_~]*(?:plan(?:ned)?\s+date|start(?:\s+date|ed|s)?|kick-?off(?:\s+date)?|date|fecha(?:\s+de\s+inicio)?|(?:start)?datum|date\s+de\s+début|data(?:\s+de\s+início|\s+di\s+inizio)?)[*_~]*\s*[:–—-]\s*[*_]*\s*/i;

/**
 * A line of the plan's own (not in a list or a quote) that opens by saying when it was brought up to
 * date, in words rather than as a field: `Updated 2026-12-01.`, `_Last updated: Nov 20, 2026 · Owner:
 * @mira_`, `*Revised on 2026-11-02*`, `As of 2026-12-01, …`. The first such date, or null.
 */
function statedUpdate(text: string, doc: DocumentBlock): string | null {
  return ledDate(text, doc, UPDATE_LEAD_RE, false);
}

/**
 * The date right after `lead` opening a line of a top-level paragraph (the whole plan's, or only its
 * header's, before its second heading), the lead looked for in the line's head: the first, or null.
 */
function ledDate(text: string, doc: DocumentBlock, lead: RegExp, headerOnly: boolean): string | null {
  let headings = 0;
  for (const b of doc.children) {
    if (headerOnly && b.type === 'heading' && ++headings > 1) break;
    if (b.type !== 'paragraph') continue;
    for (const l of b.lines) {
      const m = lead.exec(text.slice(l.start, Math.min(l.end, l.start + MAX_UPDATE_LEAD)));
      if (m === null) continue;
      // The emphasis closing the line is no part of the date (`_Last reviewed Dec 1, 2026_`).
      let end = l.end;
      while (end > l.start && EMPHASIS_END.includes(text.charAt(end - 1))) end--;
      const d = readAbsoluteDate(text.slice(l.start + m[0].length, end));
      if (d !== null && d.index === 0) return d.date;
    }
  }
  return null;
}
/** The characters that close a line's emphasis: `*`, `_`, `~` and white space. */
const EMPHASIS_END = '*_~ \t';
const UPDATE_LEAD_RE = new RegExp(
  String.raw`^[\s*_~]*(?:[^\p{L}\p{N}\s*_~]\uFE0F?\s*)?(?:${[
    String.raw`(?:last[ _-]?)?(?:updated|modified|revised|reviewed|edited)(?:\s+on)?`,
    'as of',
    // A snapshot another tool wrote (`Exported 2026-12-07.`, `Generated on Dec 7, 2026`): the state it
    // shows is of that day.
    String.raw`(?:exported|generated|snapshot(?:\s+taken)?)(?:\s+(?:on|at))?`,
    // The same in the languages plans are written in.
    'stand',
    String.raw`(?:zuletzt\s+)?aktualisiert(?:\s+am)?`,
    String.raw`(?:última\s+)?actualizaci[oó]n`,
    String.raw`actualizado(?:\s+el)?`,
    String.raw`(?:dernière\s+)?mise à jour`,
    String.raw`mis à jour(?:\s+le)?`,
    String.raw`(?:última\s+)?atualiza[çc][ãa]o`,
    String.raw`atualizado(?:\s+em)?`,
    String.raw`(?:ultimo\s+)?aggiornamento`,
    String.raw`aggiornato(?:\s+il)?`,
    '最終更新日?',
    '最后更新',
    '最後更新',
    '更新日',
    '更新于',
  ].join('|')})(?![\p{L}\p{N}])\s*[:–—-]?\s*[*_]*\s*`,
  'iu',
);
/**
 * The week a plan's first heading says it is for (`# Team plan — week of 2026-12-07`, `w/c Dec 7,
 * 2026`): its first day, which `due Wed` and `Day 2` count from.
 */
function weekOf(text: string, doc: DocumentBlock): string | null {
  const h = doc.children.find((b) => b.type === 'heading');
  if (h === undefined || h.lines.length === 0) return null;
  const title = h.lines.map((l) => text.slice(l.start, l.end)).join(' ');
  const m = WEEK_OF_RE.exec(title);
  if (m === null) return null;
  const d = readAbsoluteDate(title.slice(m.index + m[0].length));
  return d !== null && d.index === 0 ? d.date : null;
}
/**
 * The date a plan's first heading ends with, set off from its name (`# Weekly sync — 2027-01-07`,
 * `# Standup 2027-01-07`, `# Retro (Jan 7, 2027)`): the day a meeting's notes are of, which `by
 * Friday` and `Day 2` count from where no section is dated. A date that is only part of the end
 * (`Jan 4–15, 2027`) is not one.
 */
export function titleDate(text: string, doc: DocumentBlock): string | null {
  let date: string | null = null;
  let first = true;
  for (const b of doc.children) {
    if (b.type !== 'heading') continue;
    const d = headingDate(text, b);
    // Notes of several days (`## Tuesday (2027-01-12)` under the title) count from none of them.
    if (!first && d !== null) return null;
    if (first) date = d;
    first = false;
  }
  return date;
}

/** The date a heading ends with, set off from its name, or null. */
function headingDate(text: string, h: HeadingBlock): string | null {
  if (h.lines.length !== 1) return null;
  const l = h.lines[0]!;
  if (l.end - l.start > MAX_TITLE) return null;
  const title = text
    .slice(l.start, l.end)
    .replace(/[*_]+/g, '')
    .replace(/\)\s*$/, '')
    .trimEnd();
  const cut = Math.max(
    title.lastIndexOf(' — '),
    title.lastIndexOf(' – '),
    title.lastIndexOf(' - '),
    title.lastIndexOf(': '),
    title.lastIndexOf(' ('),
  );
  const iso = /\s(\d{4}-\d{2}-\d{2})$/.exec(title);
  const tail = cut >= 0 ? title.slice(cut + 2).replace(/^[\s(—–-]+/, '') : iso ? iso[1]! : '';
  const d = tail === '' ? null : readAbsoluteDate(tail);
  return d !== null && d.index === 0 && d.length === tail.length ? d.date : null;
}
/** The longest title looked at for its date. */
const MAX_TITLE = 200;

const WEEK_OF_RE = /(?<![\p{L}\p{N}])(?:week\s+(?:of|commencing|starting|beginning)|w\/c)\s*:?\s*/iu;

/** How far into a line the words before the date may reach. */
const MAX_UPDATE_LEAD = 40;

/**
 * A legend line without its bullet or number; a table row (`| 🟢 | Done |`) as its cells, the glyph
 * and the word, then the others after a dash (`🟢 Done`, `🟢 Done - shipped`).
 */
function legendLine(line: string): string {
  const t = line.trim();
  if (!t.startsWith('|')) return line.replace(/^\s*(?:[-*+]|\d+[.)])\s*/, '');
  const cells = t
    .split('|')
    .map((c) => c.trim())
    .filter((c) => c !== '');
  if (cells.length < 2) return '';
  // The glyph first, in whichever column it stands: `| Done | ✅ |` says what `| ✅ | Done |` does.
  if (/[\p{L}\p{N}]/u.test(cells[0]!) && !/[\p{L}\p{N}\s]/u.test(cells[1]!))
    [cells[0], cells[1]] = [cells[1]!, cells[0]!];
  return `${cells[0]} ${cells[1]}${cells.length > 2 ? ` - ${cells.slice(2).join(' ')}` : ''}`;
}

/** A mark, then the word it stands for (`✅ Done`, `🟢=done`, `[~] WIP`), then what explains it. */
const LEGEND_ENTRY_RE =
  /^(\S+?)(?:\s*[=:]\s*|\s+)[*_`]*([\p{L}][\p{L} '-]*?)[*_`]*\s*(?:[-–—:=|(]\s*(.*)|$)/u;

/** Between the entries of a legend given on one line: `·`, `•`, `|`, `;` set off by blanks, a comma, a wide gap. */
const LEGEND_SEPARATOR_RE = /\s+[·•|;/]\s+|;\s*|,\s+|\s{3,}|\t+/;

/**
 * The entries of a legend line: several when it lists marks one after another (`🟢 done · 🟡 in
 * progress`, `✅ Done, 🚧 WIP`), each piece opening with a mark; else the line whole, its description
 * kept (`⏳ TODO | Not started`).
 */
function legendEntries(line: string): string[] {
  const t = line.trim();
  const pieces = t.split(LEGEND_SEPARATOR_RE).filter((p) => p !== '');
  if (pieces.length < 2) return [t];
  const marked = pieces.filter((p) => !/^[\p{L}\p{N}]/u.test(p));
  return marked.length >= 2 ? marked : [t];
}

/**
 * The plan's status vocabulary: legend lines first (a section titled "Legend" or "Status key",
 * lines like `⏳ TODO - Not started`), then the status texts its items use.
 */
export function learnVocabulary(
  legendLines: readonly string[],
  usedStatusTexts: readonly VocabularyEntry[],
): VocabularyEntry[] {
  const out: VocabularyEntry[] = [];
  const seen = new Set<string>();
  const push = (t: string, status: Status) => {
    const k = normaliseVocab(t);
    if (k && !seen.has(k)) {
      seen.add(k);
      out.push({ text: t.trim(), status });
    }
  };
  for (const raw of legendLines) {
    for (const entry of legendEntries(legendLine(repairForMatching(raw)))) {
      const m = LEGEND_ENTRY_RE.exec(entry);
      if (!m) continue;
      // The word names the status, or the description after it explains it (`🛠️ BUILDING - in progress`).
      const word = findStatusWord(m[2]!) ?? (m[3] ? findStatusWord(m[3]) : null) ?? findStatusGlyph(m[1]!);
      if (!word) continue;
      push(`${m[1]} ${m[2]}`, word.status);
      if (!/[\p{L}\p{N}]/u.test(m[1]!)) push(m[1]!, word.status);
      push(m[2]!, word.status);
    }
  }
  for (const e of usedStatusTexts) push(e.text, e.status);
  return out;
}
