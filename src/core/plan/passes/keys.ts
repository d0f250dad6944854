/** Stable keys: explicit IDs where the plan gives them, else a slug of the nearest scope and the title. */
import type { Section } from '../../model.js';
import { readWindow } from '../attributes/dates.js';
import { isBlank } from '../chars.js';
import { headingOwner, trailingAnnotation, withoutLaneCount } from '../headings.js';
import { PROGRESS_COOKIE } from '../marks.js';
import type { Draft } from '../recognise.js';

const MAX_SLUG = 48;

/** Room for the longest slug built: the loop stops past MAX_SLUG + 16, one dash and one character later. */
const slugBuffer = new Uint16Array(MAX_SLUG + 32);

/**
 * Lower-case words joined by dashes, cut at a word boundary. Dots between digits stay (`v3.2`).
 * Built character by character into a buffer, so a slug is held one byte per character even when the
 * plan's text is held two (any plan with an emoji): lower-casing and replacing a slice of such a text
 * gave two-byte slugs, and every key built on them cost twice to hash, copy and compare.
 */
export function slugify(s: string): string {
  const out = slugByLoop(s);
  if (out.length <= MAX_SLUG) return out || 'item';
  const cut = out.slice(0, MAX_SLUG);
  const at = cut.lastIndexOf('-');
  return at > 16 ? cut.slice(0, at) : cut;
}

/**
 * The slug before its cut: Unicode letters folded and lower-cased, backticks dropped without a dash.
 * The result has no leading or trailing dash and is at least as long as any slug kept.
 */
function slugByLoop(s: string): string {
  const src = /[^\x00-\x7f]/.test(s) ? foldAccents(s) : s;
  // Characters go into a buffer, made a string once: appending one character at a time allocated a
  // new string per character.
  let len = 0;
  let dash = false;
  for (let i = 0; i < src.length && len <= MAX_SLUG + 16; i++) {
    let c = src.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    const digitDot = c === 46 && i > 0 && isDigit(src.charCodeAt(i - 1)) && isDigit(src.charCodeAt(i + 1));
    const word =
      (c >= 97 && c <= 122) || isDigit(c) || digitDot || (c > 127 && /[\p{L}\p{N}\p{M}]/u.test(src[i]!));
    if (word) {
      if (dash && len > 0) slugBuffer[len++] = 45;
      dash = false;
      if (c > 127) {
        const lower = src[i]!.toLowerCase();
        for (let k = 0; k < lower.length; k++) slugBuffer[len++] = lower.charCodeAt(k);
      } else {
        slugBuffer[len++] = c;
      }
    } else if (c !== 96) {
      dash = true;
    }
  }
  return String.fromCharCode.apply(null, slugBuffer.subarray(0, len) as unknown as number[]);
}

/**
 * `s` in compatibility form (`ﬁ` → `fi`, full-width `ＡＢ` → `AB`) without the accents of Latin and
 * Greek letters (`Café` → `Cafe`), as slugs write them. The marks of other scripts are letters of their
 * words: a voicing mark in kana (`ビ` is not `ヒ`), a Devanagari vowel sign, a Cyrillic breve (`й`);
 * they stay, composed again. Marks on no letter (an emoji's variation selector, a keycap) go.
 */
function foldAccents(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/([\p{Script=Latin}\p{Script=Greek}])\p{M}+/gu, '$1')
    .replace(/(^|[^\p{L}\p{M}])\p{M}+/gu, '$1')
    .replace(/[\uFE00-\uFE0F]/g, '')
    .normalize('NFC');
}

const COOKIE_RE = new RegExp(String.raw`\s*${PROGRESS_COOKIE}`, 'g');

/**
 * A title without its progress cookies (`Release [1/3]`, `Phase 1 (40%)`): they change as work is
 * done (`taskmark sync` rewrites them), and a key must not change with them.
 */
function withoutCookies(title: string): string {
  if (!title.includes('/') && !title.includes('%')) return title;
  return title.replace(COOKIE_RE, '');
}

/**
 * A heading's title without the schedule it ends with (`Phase 2: Security (Week 4-6)`, `Milestone 1
 * (due 2026-01-15)`, `GA — target Feb 2026`): plans move their dates as work slips, and the keys of
 * the items under the heading must not move with them. The schedule is the annotation a heading ends
 * with, found as readHeading finds its status annotation, when it names a date or a window.
 */
function withoutSchedule(title: string): string {
  let t = title;
  // A few groups at most (`(Week 4-6) (due 2026-03-01)`): each look costs the title's length once.
  for (let n = 0; n < MAX_SCHEDULE_GROUPS; n++) {
    const group = trailingAnnotation(t);
    if (group !== null && group.start > 0) {
      const inner = t.slice(group.innerStart, group.innerEnd);
      if (readWindow(inner) !== null || readWindow(`(${inner})`) !== null) {
        t = t.slice(0, group.start);
        continue;
      }
    }
    const sep = setOffSchedule(t);
    if (sep < 0) break;
    t = t.slice(0, sep).trimEnd();
  }
  return t;
}

const MAX_SCHEDULE_GROUPS = 4;

/**
 * A heading's title without the owner it names (`iOS (@sam)`, `Backend — @kim`): work changes hands,
 * and the keys of the items under the heading must not change with it.
 */
function withoutOwner(title: string): string {
  const owned = headingOwner(title);
  return owned === null ? title : title.slice(0, owned.start);
}

/**
 * Where a schedule set off by the last dash, colon, dot or bar with white space around it (after a
 * colon only) starts (`v1.2 — due 2027-03-01`, `Sprint 4 · Jan 4–15`, `Sprint 12: Dec 1–12`, whose own dashes hide them from
 * trailingAnnotation), or -1. What follows must open as a schedule does, a deadline's word, a
 * window's or a date, and read as one: `Phase 2 — Migrate the ledger by March` is no schedule.
 */
function setOffSchedule(t: string): number {
  let i = t.length - 2;
  // A colon sets a schedule off as a label's does, with white space after it only (`Sprint 12:
  // 2026-12-01 → 2026-12-12`).
  while (
    i > 0 &&
    !(
      SCHEDULE_SEPARATORS.includes(t.charAt(i)) &&
      (isBlank(t.charCodeAt(i - 1)) || t.charCodeAt(i) === 58) &&
      isBlank(t.charCodeAt(i + 1))
    )
  )
    i--;
  if (i <= 0) return -1;
  const tail = t.slice(i + 1).trim();
  return tail.length <= MAX_SET_OFF_SCHEDULE && SCHEDULE_LEAD_RE.test(tail) && readWindow(tail) !== null
    ? i
    : -1;
}
const SCHEDULE_SEPARATORS = '—–-:·|';
const MAX_SET_OFF_SCHEDULE = 40;
const SCHEDULE_LEAD_RE =
  /^(?:(?:due|target|deadline|by|eta|until)\b|(?:weeks?|days?|sprint)\s+\d|q[1-4]\b|\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)/i;

const LINK_RE = /!?\[([^\][]*)\]\([^()\s]*(?:\s+"[^"]*")?\)/g;

/**
 * A title with its links as their text (`Read [the guide](https://…/guide)` → `Read the guide`):
 * the target is not what the item is, and moving a page must not give the item another key.
 */
function withoutLinkTargets(title: string): string {
  return title.includes('](') ? title.replace(LINK_RE, '$1') : title;
}

const MENTION_OR_TAG_RE = /(?<![\p{L}\p{N}._%+-])[@#+][\p{L}_][\p{L}\p{N}._/-]*/gu;

/**
 * A title without its `@owner` mentions, `#tags` and `+projects`, which stay in the title as written
 * but not in the key: giving an item another owner must not give it another key.
 */
function withoutMentions(title: string): string {
  if (!title.includes('@') && !title.includes('#') && !title.includes('+')) return title;
  const t = title.replace(MENTION_OR_TAG_RE, '').trim();
  return t === '' ? title : t;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Gives every draft its key and resolves references between restated items. A checkbox line that
 * leads with the ID of an item defined elsewhere (a phase checklist's `- [ ] P0-001: …`) refers to
 * that item instead of defining it again.
 */
export function assignKeys(
  drafts: readonly Draft[],
  sections: readonly Section[],
  sectionParents: readonly number[],
): void {
  const used = new Set<string>();
  const definedBy = new Map<string, number>();
  // Heading items define IDs first, wherever they are: they are the plan's item definitions.
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    // A heading that is only the ID (`### PAY-203` over notes) names an item defined elsewhere.
    if (
      d.item.kind === 'heading' &&
      d.item.id &&
      d.item.title !== '' &&
      d.idKind !== 'numeric' &&
      !definedBy.has(d.item.id)
    ) {
      definedBy.set(d.item.id, i);
    }
  }
  // The next suffix to try per base, so many items with the same title stay linear, not quadratic.
  const nextSuffix = new Map<string, number>();
  const unique = (base: string) => {
    // Most keys are new: the suffixes are looked up only for one that is taken.
    if (!used.has(base)) {
      used.add(base);
      return base;
    }
    let key = base;
    let n = nextSuffix.get(base) ?? 2;
    while (used.has(key)) key = `${base}-${n++}`;
    nextSuffix.set(base, n);
    used.add(key);
    return key;
  };
  // Nearest draft with an ID among each draft and its ancestors (-1 if none), filled in as keys are
  // given: walking up the parents per item made deeply nested plans quadratic.
  const withId = new Int32Array(drafts.length);
  const scopeOf = (d: Draft): string | null => {
    const p = d.parent >= 0 ? withId[d.parent]! : -1;
    if (p >= 0) return drafts[p]!.item.key;
    // A heading item's own section is itself: its scope is the enclosing section.
    const s = d.item.kind === 'heading' && d.section >= 0 ? sectionParents[d.section]! : d.section;
    return s >= 0 ? sectionSlug(s) : null;
  };
  // Every item of a section has the section's slug as its scope: slugify each title once. A section
  // whose heading is an item is named by the item's title, without the fields its line holds
  // (`### Export — Status: Done`): setting one must not move the keys of the items under it.
  const itemTitles: (string | undefined)[] = new Array(sections.length).fill(undefined);
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    if (d.item.kind === 'heading' && d.section >= 0) itemTitles[d.section] = d.item.title;
  }
  const sectionSlugs: (string | undefined)[] = [];
  // A status section's count of its cards (`## To Do (2)`) changes as they move: no part of a key.
  const sectionTitle = (s: number) => {
    const title = itemTitles[s] ?? sections[s]!.title;
    return sections[s]!.status === null ? title : withoutLaneCount(title);
  };
  const sectionSlug = (s: number) =>
    (sectionSlugs[s] ??= slugify(
      withoutOwner(withoutSchedule(withoutCookies(withoutLinkTargets(sectionTitle(s))))),
    ));
  const numericSeen = new Map<string, number>();
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    if (d.idKind === 'numeric' && d.item.id)
      numericSeen.set(d.item.id, (numericSeen.get(d.item.id) ?? 0) + 1);
  }

  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    const item = d.item;
    const id = item.id;
    if (id && d.idKind === 'code') {
      const def = definedBy.get(id);
      if (def === undefined) {
        definedBy.set(id, i);
      } else if (def !== i) {
        item.refersTo = drafts[def]!.item.key || id;
        item.id = null;
      }
    }
    if (item.id && d.idKind === 'code') {
      item.key = unique(item.id);
    } else if (item.id && d.idKind === 'word') {
      const parent = d.parent >= 0 ? drafts[d.parent]!.item.key : null;
      const local = item.id.replace(/\s+/g, '-');
      item.key = unique(parent ? `${parent}/${local}` : local);
    } else if (item.id && d.idKind === 'numeric' && numericSeen.get(item.id) === 1 && !used.has(item.id)) {
      item.key = unique(item.id);
    } else if (item.id) {
      const scope = scopeOf(d);
      item.key = unique(scope ? `${scope}/${item.id}` : item.id);
    } else {
      const scope = scopeOf(d);
      const title = withoutCookies(withoutLinkTargets(item.title));
      const slug = slugify(withoutMentions(item.kind === 'heading' ? withoutSchedule(title) : title));
      item.key = unique(scope ? `${scope}/${slug}` : slug);
    }
    withId[i] = item.id ? i : d.parent >= 0 ? withId[d.parent]! : -1;
  }
  // References recorded before their target's key was known.
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    const r = d.item.refersTo;
    if (r !== null && !used.has(r)) {
      const def = definedBy.get(r);
      d.item.refersTo = def === undefined ? null : drafts[def]!.item.key;
    }
  }
}
