/** Finding the item a reference names: by ID or key (ItemIndex), a step's or outline number, a title. */
import type { Item } from '../../model.js';
import { mayStateDependency } from '../attributes/dep-pieces.js';
import { nextId } from '../attributes/ids.js';
import type { Draft } from '../recognise.js';
import { WAIT_VERBS } from './dep-phrases.js';

/**
 * Finds items by explicit ID or key, case-insensitively. The ID map is built on the first lookup, the
 * map of keys that are not lower case (keys from IDs) only when a lookup misses: most plans state few
 * dependencies or none. Lower-case keys are found in the plan's own key map.
 */
export class ItemIndex {
  private byId: Map<string, Item> | null = null;
  private byFoldedKey: Map<string, Item> | null = null;

  constructor(
    private readonly items: readonly Item[],
    private readonly byKey: ReadonlyMap<string, Item>,
  ) {}

  /** The item a reference names, or undefined. */
  find(ref: string): Item | undefined {
    const r = ref.trim().toLowerCase();
    if (this.byId === null) {
      this.byId = new Map();
      for (const item of this.items) {
        if (item.id && !this.byId.has(item.id.toLowerCase())) this.byId.set(item.id.toLowerCase(), item);
      }
    }
    const hit = this.byId.get(r) ?? this.byKey.get(r);
    if (hit !== undefined) return hit;
    if (this.byFoldedKey === null) {
      this.byFoldedKey = new Map();
      for (const item of this.items) {
        const folded = item.key.toLowerCase();
        if (folded !== item.key) this.byFoldedKey.set(folded, item);
      }
    }
    return this.byFoldedKey.get(r) ?? (NUMBER_RE.test(r) ? this.byNumber(r) : undefined);
  }

  /**
   * The item whose ID is a word and this number (`Task 1.1`, `Step 3`), when one item only has it:
   * plans that number their tasks so refer to them by the number alone (`Depends: 1.1`).
   */
  private byNumber(n: string): Item | undefined {
    if (this.numbered === null) {
      this.numbered = new Map();
      for (const item of this.items) {
        const m = item.id === null ? null : WORD_NUMBER_ID_RE.exec(item.id);
        if (m === null) continue;
        const k = m[1]!.toLowerCase();
        this.numbered.set(k, this.numbered.has(k) ? null : item);
      }
    }
    return this.numbered.get(n) ?? undefined;
  }
  private numbered: Map<string, Item | null> | null = null;
}

/** A reference that is a step's number: `3`, or the word step and it (`step 3`, `Step #3`). */
const STEP_REF_RE = /^(?:step[ \t]+#?)?(\d{1,3})$/i;
/** A reference that is a number: `3`, `1.2`, `2.1.4`. */
const NUMBER_RE = /^\d{1,3}(?:\.\d{1,3})*$/;
/** An ID that is a word and a number (`Task 1.1`, `Step #3`), the number captured. */
const WORD_NUMBER_ID_RE = /^\p{L}+[ \t]+#?(\d{1,3}(?:\.\d{1,3})*)$/u;

/** Finds the step of an item's own numbered list that a step's number names (`2`, `step 2`). */
export function stepFinder(drafts: readonly Draft[]): (i: number, ref: string) => Item | undefined {
  // A step's number names the step of its own numbered list when no item has it as an ID (`3.
  // Backfill — depends on 2`, `— depends on step 2`): the ordered items of each list by their number,
  // made when first asked.
  let numbered: Map<number, Map<string, Item | null>> | null = null;
  return (i: number, ref: string): Item | undefined => {
    const list = drafts[i]!.list;
    const number = list < 0 ? null : STEP_REF_RE.exec(ref);
    if (number === null) return undefined;
    if (numbered === null) {
      numbered = new Map();
      for (const d of drafts) {
        const marker = d.item.list?.ordered ? d.item.list.marker : null;
        if (d.list < 0 || marker === null) continue;
        // The marker as written (`3.`, `1)`): its number, without leading zeros.
        const n = String(Number.parseInt(marker, 10));
        const byNumber = numbered.get(d.list) ?? new Map<string, Item | null>();
        numbered.set(d.list, byNumber);
        byNumber.set(n, byNumber.has(n) ? null : d.item);
      }
    }
    return numbered.get(list)?.get(String(Number(number[1]))) ?? undefined;
  };
}

/** Finds the step of nested ordered lists that an outline number names (`2.1`). */
export function outlineFinder(drafts: readonly Draft[]): (i: number, ref: string) => Item | undefined {
  // An outline number names the step of nested ordered lists it numbers (`Mirror the jobs — after
  // 2.1` for the first step under the second of its top list): by top list and number, made when
  // first asked.
  let outlined: Map<string, Item | null> | null = null;
  return (i: number, ref: string): Item | undefined => {
    const at = drafts[i]!.outline;
    // An outline number has a dot (`2.1`); a number alone is a step of the item's own list.
    if (at === undefined || !ref.includes('.') || !NUMBER_RE.test(ref)) return undefined;
    if (outlined === null) {
      outlined = new Map();
      for (const d of drafts) {
        if (d.outline === undefined) continue;
        const k = `${d.outline.root}:${d.outline.path}`;
        outlined.set(k, outlined.has(k) ? null : d.item);
      }
    }
    const path = ref
      .split('.')
      .map((n) => String(Number(n)))
      .join('.');
    return outlined.get(`${at.root}:${path}`) ?? undefined;
  };
}

/** Finds the item a reference names by its title, or by the words the title names it by. */
export function titleFinder(drafts: readonly Draft[]): (ref: string) => Item | undefined {
  // Items by the length of their title: a reference is compared, in any case, with the few titles
  // of its length (lower-casing every title for a map cost more than the rare lookups).
  // A title is also found by the words another line names it by (titleAsNamed): `Import the data`
  // for `Import the data (depends on: Export the data)`, `Migrate the blog` for `Migrate the blog @kim`.
  let byLength: Map<number, [string, Item][]> | null = null;
  return (ref: string): Item | undefined => {
    if (byLength === null) {
      const map = new Map<number, [string, Item][]>();
      const put = (title: string, item: Item) => {
        const list = map.get(title.length);
        if (list) list.push([title, item]);
        else map.set(title.length, [[title, item]]);
      };
      for (const d of drafts) {
        put(d.item.title, d.item);
        const named = titleAsNamed(d.item.title);
        if (named !== null) put(named, d.item);
      }
      byLength = map;
    }
    const lower = ref.toLowerCase();
    let found: Item | undefined;
    for (const [title, item] of byLength.get(ref.length) ?? []) {
      if (title.toLowerCase() !== lower || item === found) continue;
      // A title two items share names neither.
      if (found) return undefined;
      found = item;
    }
    return found;
  };
}

/**
 * The words a title names its item by when another line refers to it, where they are not the whole
 * title: before the dependency phrase ending it in parentheses or after a dash (`Import the data
 * (depends on: Export the data)`, `Open the doors — needs Import the data`), and before the mentions,
 * tags and projects ending it (`Migrate the blog @maria #cms`). Two words or more, else null.
 */
const PAREN_DEPENDENCY_RE = new RegExp(String.raw`^\((?:${WAIT_VERBS})\b[^()]*\)\s*$`, 'i');
const DASH_DEPENDENCY_RE = new RegExp(String.raw`\s[—–-]\s*(?:${WAIT_VERBS})\b`, 'i');
function titleAsNamed(title: string): string | null {
  let named = title;
  if (mayStateDependency(title)) {
    // The last parenthesis, then the first dash: no regex tries every offset of a long title.
    const paren = title.lastIndexOf('(');
    const at =
      paren > 0 && PAREN_DEPENDENCY_RE.test(title.slice(paren))
        ? paren
        : (DASH_DEPENDENCY_RE.exec(title)?.index ?? -1);
    if (at > 0) named = title.slice(0, at).trimEnd();
  }
  // Marks ending the words, one at a time from the end: each is looked at once.
  for (let space = named.lastIndexOf(' '); space > 0; space = named.lastIndexOf(' ')) {
    const c = named.charCodeAt(space + 1);
    if (c !== 64 && c !== 35 && c !== 43) break;
    named = named.slice(0, space).trimEnd();
  }
  // A word alone is as often prose (`Deploy after lunch` names no item `Lunch — after T001 ends`).
  return named !== title && /\S\s+\S/.test(named) ? named : null;
}

/** The item named by the ID a reference opens with (`T001 (API)`), if any. */
export function leadingIdItem(ref: string, index: ItemIndex): Item | undefined {
  const m = nextId(ref, 0);
  return m && m.index === 0 ? index.find(ref.slice(0, m.end)) : undefined;
}

export function firstItem(segment: string, index: ItemIndex): Item | undefined {
  for (let m = nextId(segment, 0); m; m = nextId(segment, m.end)) {
    const item = index.find(segment.slice(m.index, m.end));
    if (item) return item;
  }
  return undefined;
}
