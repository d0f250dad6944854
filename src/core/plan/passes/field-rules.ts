/** What an item's fields set of it (applyField), its tags, and statuses from struck remarks and progress. */
import type { Field, Item } from '../../model.js';
import { readDueValue } from '../attributes/dates.js';
import { readEffortValue } from '../attributes/effort.js';
import { DUE_LIKE_KEYS, isPlaceholder } from '../attributes/keys.js';
import { readPriorityValue } from '../attributes/priority.js';
import { readStageStatus, readStatusValue, type StatusMatch } from '../attributes/status.js';
import { refinesTodo } from '../lanes.js';
import type { AttributeContext, RawDeps } from './attribute-context.js';

/** The tags of items that have many, for addTag: a line of thousands of `#tags` stays linear. */
const tagSets = new WeakMap<Item, Set<string>>();

/** Adds a tag to an item once. */
export function addTag(item: Item, tag: string): void {
  if (item.tags.length < 16) {
    if (!item.tags.includes(tag)) item.tags.push(tag);
    return;
  }
  let set = tagSets.get(item);
  if (set === undefined) {
    set = new Set(item.tags);
    tagSets.set(item, set);
  }
  if (!set.has(tag)) {
    set.add(tag);
    item.tags.push(tag);
  }
}

const STRUCK_REMARK_RE = /^~~[^~]+~~\s*(?:\(([^)]*)\)|[—–:-]\s(.*))$/s;

/**
 * The status the remark after a struck title opens with (`(shipped 2026-12-02)`, `— dropped, no
 * demand`), or null: none, or one that says something else first (`(moved to Q2)`).
 */
export function struckRemarkStatus(title: string): StatusMatch | null {
  const m = STRUCK_REMARK_RE.exec(title.trim());
  const remark = (m?.[1] ?? m?.[2])?.trim();
  if (!remark) return null;
  const read = readStatusValue(remark);
  return read !== null && read.index === 0 ? read : null;
}

/** A link to a person's page, as Logseq and Obsidian write it: `[[Mira]]`, `[[Mira Chen|Mira]]`. */
const PAGE_REF_RE = /^\[\[([^\][|]+)(?:\|[^\][]*)?\]\]$/;

/**
 * The name an owner's value gives: without a mention's `@`, a page link's brackets (the page is the
 * person) or a sentence's period after it (`Owner: Kim.`).
 */
function ownerName(value: string): string {
  const page = PAGE_REF_RE.exec(value);
  if (page) return page[1]!.trim();
  return value.replace(/^@/, '').replace(/(?<=\p{L}{2})\.$/u, '');
}

/** What joins the names of an owner value naming several: a comma or semicolon, `&` or `+` between spaces. */
const OWNER_JOIN_RE = /\s*[,;]\s*|\s+[&+]\s+/;
/** One word, or a mention: a person, where `&` joins two (`Bo & Li`, not `Sales & Marketing team`). */
const ONE_NAME_RE = /^@?[\p{L}\p{N}._-]+$/u;
/** Two mentions joined by `and` or a slash (`@kim and @ana`, `@kim/@ana`); `Research and Development` is one name. */
const MENTION_PAIR_RE = /^(@[\p{L}\p{N}._-]+)(?:\s+and\s+|\s*\/\s*)(@[\p{L}\p{N}._-]+)$/u;
/** The last piece of a list of names, joined to the one before by `and`: `Li and Kim`, `and Kim`. */
const LAST_AND_RE = /^(?:(.+?)\s+)?and\s+(.+)$/;
/** The most names one owner value is read as: more is a sentence, kept whole. */
const MAX_OWNERS = 8;

/**
 * The names an owner's value gives: one, or each of a list when every piece is a name (`Bo, Li`,
 * `@kim, @ana`, `Bo & Li`, `@kim and @ana`). `Sales & Marketing team` and `Bo (with infra)` are one.
 */
function ownerNames(value: string): string[] {
  if (!/[,;&+/]|\sand\s/.test(value)) return [ownerName(value)];
  const pair = MENTION_PAIR_RE.exec(value);
  if (pair) return [ownerName(pair[1]!), ownerName(pair[2]!)];
  const parts = value.split(OWNER_JOIN_RE);
  // A list's last name after `and` (`Bo, Li and Kim`, `Bo, Li, and Kim`).
  if (parts.length > 1) {
    const last = LAST_AND_RE.exec(parts.at(-1)!);
    if (last) parts.splice(-1, 1, ...[last[1], last[2]].filter((p): p is string => p !== undefined));
  }
  if (parts.length === 1 || parts.length > MAX_OWNERS || parts.some((p) => !isOwnerName(p)))
    return [ownerName(value)];
  // Joined by `&` or `+` alone, the names are one word each.
  if (!/[,;]/.test(value) && !parts.every((p) => ONE_NAME_RE.test(p))) return [ownerName(value)];
  return parts.map(ownerName);
}

/** A name in a list of owners: a mention, a page link or a few words, not a clause (`Bo (with infra)`). */
function isOwnerName(s: string): boolean {
  return (
    s.length > 0 && s.length <= 40 && (PAGE_REF_RE.test(s) || /^@?\p{L}[\p{L}\p{N}\p{M} .'’_-]*$/u.test(s))
  );
}

/** Adds `name` to the item's owners unless it is there already (`[owner:: kim]` and `@kim`). */
function addOwner(item: Item, name: string): void {
  if (item.owners.length > 0) {
    const folded = name.toLowerCase();
    for (const o of item.owners) if (o === name || o.toLowerCase() === folded) return;
  }
  item.owners.push(name);
}

/**
 * Puts the item's owner first among its owners, or alone where it names none (one inherited from its
 * parent, label or section, or read from the roster): `owner` is always `owners[0]`.
 */
export function settleOwners(item: Item): void {
  const owner = item.owner;
  if (owner === null) {
    item.owners.length = 0;
    return;
  }
  if (item.owners[0] === owner) return;
  const folded = owner.toLowerCase();
  const at = item.owners.findIndex((o) => o.toLowerCase() === folded);
  if (at >= 0) item.owners.splice(at, 1);
  item.owners.unshift(owner);
}

export function applyField(
  item: Item,
  f: Field,
  ctx: AttributeContext,
  rawDeps: RawDeps,
  index: number,
  yearAnchor: string | null,
): void {
  // A mark's value was applied as it was read.
  if (f.style === 'mark') return;
  const value = (f.value.includes('**') ? f.value.replace(/^\*\*|\*\*$/g, '') : f.value).trim();
  if (value === '') return;
  switch (f.key) {
    case 'status':
      applyStatusField(item, f, value, ctx);
      return;
    case 'priority':
      item.priority = readPriorityValue(value) ?? item.priority;
      return;
    case 'owner':
      if (isPlaceholder(value)) return;
      for (const name of ownerNames(value)) {
        item.owner ??= name;
        addOwner(item, name);
      }
      return;
    case 'due': {
      const date = readDueValue(value, ctx.planDate, yearAnchor);
      item.dueText = value;
      if (date) item.due = date;
      return;
    }
    case 'effort':
      item.effort = readEffortValue(value, ctx.hoursPerDay) ?? item.effort;
      return;
    case 'category':
      item.category ??= value;
      return;
    case 'phase':
      item.phase ??= value;
      return;
    case 'id':
      item.id ??= value;
      return;
    case 'context':
      addTag(item, `@${value.toLowerCase()}`);
      return;
    case 'tags':
      // Most tag values are one word (a `#tag`): split only a list.
      for (const t of /[,\s]/.test(value) ? value.split(/[,\s]+/) : [value]) {
        const tag = (t.charCodeAt(0) === 35 ? t.slice(1) : t).toLowerCase();
        if (tag) addTag(item, tag);
      }
      return;
    case 'depends':
    case 'requirements': {
      if (f.key === 'requirements') return;
      const list = rawDeps.get(index) ?? [];
      for (const r of splitRefs(value)) list.push(r);
      rawDeps.set(index, list);
      return;
    }
    default: {
      // A target that is a date (a roadmap's `Target` column) is the deadline, when none is stated;
      // other targets (`Target: p95 under 20 ms`) are what the work aims at, not when. So is the end
      // of a schedule's work (`| Start | End |`), or of the days it spans (`| Dates |` over `Dec 14–18`).
      if (!DUE_LIKE_KEYS.has(f.key) || item.due !== null || hasDueField(item)) return;
      const date = readDueValue(value, ctx.planDate, yearAnchor);
      if (date) {
        item.dueText = value;
        item.due = date;
      }
      return;
    }
  }
}

/** A status field: the status it names, where the item's box lets it say one. */
function applyStatusField(item: Item, f: Field, value: string, ctx: AttributeContext): void {
  const stage = readStageStatus(value);
  const s =
    readStatusValue(value, ctx.vocabulary) ??
    (stage === null ? null : { status: stage, index: 0, text: value });
  // A box says done or not done. An open one is refined by a status its line states, as by the
  // lane it sits in (`- [ ] Upgrade [status:: blocked]`); what a ticked box says stands.
  if (item.kind === 'checkbox' && !(item.statusSource === 'checkbox' && item.status === 'todo')) return;
  if (item.kind === 'checkbox' && !(s && refinesTodo(s.status))) return;
  if (s) {
    item.status = s.status;
    item.statusSource = 'field';
    item.statusText = value;
    item.statusSpan = f.valueSpan;
  }
}

/** Whether the item states a due date: a due field with a value (an empty Due cell states none). */
function hasDueField(item: Item): boolean {
  for (let k = 0; k < item.fields.length; k++) {
    const f = item.fields[k]!;
    if (f.key === 'due' && f.value.trim() !== '') return true;
  }
  return false;
}

/**
 * Splits `MH-001, MH-002 and T004` (or `und`, `et`, `y`, `e`) into references. A value may say again
 * what the field says (`⛔ blocked by FEAT-92`, `[blocked-by:: depends on T1]`): the words go, the names stay.
 */
function splitRefs(value: string): string[] {
  if (isPlaceholder(value)) return [];
  return value
    .replace(DEPENDENCY_WORDS_RE, '')
    .split(/\s*(?:,|;|\band\b|\s(?:und|et|y|e)\s|&|\s\+\s)\s*/i)
    .map((s) => s.replace(/[`*_[\]()]/g, '').trim())
    .filter((s) => s.length > 0 && !/^(?:none|n\/a|-)$/i.test(s));
}

/**
 * Words opening a dependency's value that say it is one: phrases of two words, which no title a value
 * names opens with as a title may with one (`After-party`, `Needs assessment`).
 */
const DEPENDENCY_WORDS_RE =
  /^\s*(?:(?:is\s+)?blocked\s+(?:by|on)|depends?\s+on|wait(?:s|ing)\s+(?:for|on))\s+(?=\S)/i;

/**
 * The status a share of the work done says of an item that states none (`- **KR2.1** Rightsize the
 * fleet — 60%`, a status report's `— 60% done`): under way between nothing and all of it, done at
 * all of it. A box or a status said anywhere says more.
 */
export function statusFromProgress(item: Item): void {
  const f = item.fields.find((g) => g.key === 'progress');
  const share = f === undefined ? Number.NaN : Number.parseFloat(f.value);
  if (!(share > 0)) return;
  item.status = share >= 100 ? 'done' : 'doing';
  item.statusSource = 'progress';
  item.statusText = f!.value;
}
