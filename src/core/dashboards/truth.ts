/**
 * The truth a dashboard is checked against: which items a label names (a section, a priority, a
 * phase, an owner, an item) and how many of them are done, counted in the units plans count in.
 */
import type { Item, Plan, Section } from '../model.js';
import { norm } from './text.js';

/** What a dashboard figure is about. */
export type Scope =
  | { readonly kind: 'plan' }
  | { readonly kind: 'section'; readonly section: Section }
  | { readonly kind: 'priority'; readonly label: string }
  | { readonly kind: 'phase'; readonly phase: string }
  | { readonly kind: 'owner'; readonly owner: string }
  | { readonly kind: 'item'; readonly item: Item };

/**
 * The units a plan counts in: `top` counts the outermost items of the scope (the `## MH-001` task
 * headings), `leaf` counts items without children (what `taskmark status` counts), `phase` counts
 * phases (complete when all their items are done).
 */
export type Unit = 'top' | 'leaf' | 'phase';
export const COUNT_UNITS: readonly Unit[] = ['top', 'leaf'];

export interface Tally {
  readonly total: number;
  /** Done or cancelled, as `taskmark status` counts them. */
  readonly done: number;
  /** In progress (doing). */
  readonly doing: number;
}

const isDone = (i: Item) => i.status === 'done' || i.status === 'cancelled';

export function scopeKey(s: Scope): string {
  switch (s.kind) {
    case 'plan':
      return 'plan';
    case 'section':
      return `section:${s.section.line}`;
    case 'priority':
      return `priority:${s.label}`;
    case 'phase':
      return `phase:${s.phase}`;
    case 'owner':
      return `owner:${s.owner}`;
    case 'item':
      return `item:${s.item.key}`;
  }
}

/** The head of a title: what comes before `:`, ` - `, `—` or `(` (`Phase 1: Foundation (Week 1)` → `Phase 1`). */
function head(title: string): string {
  // A scan, not `split(/\s*(?::|…)/)`: the regex's leading `\s*` is tried at every offset of a long
  // run of spaces, which made a long title quadratic.
  for (let i = 0; i < title.length; i++) {
    const c = title.charCodeAt(i);
    const next = title.charCodeAt(i + 1);
    const dash =
      (next === 45 || next === 0x2013 || next === 0x2014) &&
      /\s/.test(title.charAt(i)) &&
      /\s/.test(title.charAt(i + 2));
    if (c === 58 || c === 40 || c === 91 || dash) return title.slice(0, i).trimEnd();
  }
  return title;
}

/** The name after a numbered head: `Phase 1: Foundation (Week 1)` → `Foundation`; '' when there is none. */
function tail(title: string): string {
  // `/^[^:]*\d[^:]*:\s*([^([]+)/` by hand: its two `[^:]*` around `\d` backtrack against each other,
  // quadratic in a long title without a colon.
  const colon = title.indexOf(':');
  if (colon < 0 || !/\d/.test(title.slice(0, colon))) return '';
  const m = /^\s*([^([]+)/u.exec(title.slice(colon + 1));
  return m ? m[1]!.trim() : '';
}

/** Labels that name the whole scope a dashboard sits in rather than a part of it. */
const GENERIC =
  /^(?:(?:overall|total|totals|all|sum|grand|progress|completion|complete|completed|status|summary|project|plan|tasks?|items?|done|finished|closed|remaining|left|outstanding|current|percent|percentage|of|the|and|in|overview|dashboard|count)\s*)*$/;

/** The generic words alone, to take a label's subject out of `Phase 1 progress` or `Must Have tasks`. */
const GENERIC_WORD = /\b(?:overall|progress|completion|complete|completed|status|tasks?|items?|done)\b/g;

export function isGenericLabel(label: string): boolean {
  return GENERIC.test(norm(label));
}

/** The plan's items indexed for dashboards, with tallies computed once per scope and unit. */
export class Truth {
  private readonly items: Item[];
  private readonly sectionsByTitle = new Map<string, Section[]>();
  private readonly priorities = new Map<string, string>();
  private readonly phases = new Map<string, string>();
  private readonly owners = new Map<string, string>();
  private readonly ids = new Map<string, Item[]>();
  private readonly cache = new Map<string, Tally | null>();
  private readonly members = new Map<string, Item[]>();
  /** Index of each section's enclosing section, or -1. */
  private readonly parents: number[] = [];

  constructor(readonly plan: Plan) {
    this.items = plan.items.filter((i) => i.refersTo === null);
    for (const s of plan.sections) {
      for (const t of new Set([norm(s.title), norm(head(s.title)), norm(tail(s.title))])) {
        if (t === '') continue;
        const list = this.sectionsByTitle.get(t);
        if (list) list.push(s);
        else this.sectionsByTitle.set(t, [s]);
      }
    }
    const stack: number[] = [];
    plan.sections.forEach((s, i) => {
      // The sections still open where it starts are around it (a heading in a block quote ends with it).
      while (stack.length > 0 && plan.sections[stack[stack.length - 1]!]!.span.end <= s.lineSpan.start)
        stack.pop();
      this.parents.push(stack.length > 0 ? stack[stack.length - 1]! : -1);
      stack.push(i);
    });
    for (const i of this.items) {
      if (i.priority) this.priorities.set(norm(i.priority.label), i.priority.label);
      if (i.phase) this.phases.set(norm(i.phase), i.phase);
      if (i.owner) this.owners.set(norm(i.owner), i.owner);
      if (i.id) {
        const k = norm(i.id);
        const list = this.ids.get(k);
        if (list) list.push(i);
        else this.ids.set(k, [i]);
      }
    }
  }

  /**
   * The scope a row or line label names, or null when it names nothing taskmark knows (or more than
   * one thing): an item ID, a phase, a priority label, a section title (or its head), an owner.
   */
  resolve(label: string): Scope | null {
    const full = norm(label);
    if (full === '') return null;
    const firstWord = full.split(' ')[0]!;
    const idHits =
      this.ids.get(full) ?? this.ids.get(firstWord) ?? this.ids.get(full.split(' ').slice(0, 2).join(' '));
    if (idHits && idHits.length === 1 && /\d/.test(idHits[0]!.id!)) return { kind: 'item', item: idHits[0]! };
    const bare = full.replace(GENERIC_WORD, ' ').replace(/\s+/g, ' ').trim();
    for (const t of new Set([full, norm(head(label)), bare])) {
      if (t === '') continue;
      const phase = this.phases.get(t);
      if (phase !== undefined) return { kind: 'phase', phase };
      const priority = this.priorities.get(t);
      if (priority !== undefined) return { kind: 'priority', label: priority };
      const sections = this.sectionsByTitle.get(t);
      if (sections) return sections.length === 1 ? { kind: 'section', section: sections[0]! } : null;
      const owner = this.owners.get(t);
      if (owner !== undefined) return { kind: 'owner', owner };
    }
    return null;
  }

  /**
   * The scope a generic figure (`Overall Progress: 40%`, a TOTAL row) on 1-based `line` is about:
   * the innermost enclosing section that holds items and is not itself a dashboard section, else the
   * whole plan. `overall` figures are always about the whole plan.
   */
  enclosing(line: number, overall: boolean): Scope {
    if (overall) return { kind: 'plan' };
    const offset = this.plan.lines.start[line - 1] ?? 0;
    // The innermost section holding an offset is the one whose heading comes last before it.
    const sections = this.plan.sections;
    let lo = 0;
    let hi = sections.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sections[mid]!.span.start <= offset) lo = mid + 1;
      else hi = mid;
    }
    let at = lo - 1;
    while (at >= 0) {
      const s = sections[at]!;
      const isTitle = s.path.length === 1 && s.title === this.plan.title;
      const dashboardish = /progress|dashboard|status|summary|overview|tracking|metrics|stats/.test(
        norm(s.title),
      );
      if (!isTitle && !dashboardish && this.sectionItems(s).length > 0)
        return { kind: 'section', section: s };
      at = this.parents[at]!;
    }
    return { kind: 'plan' };
  }

  private sectionItems(s: Section): Item[] {
    return this.scopeItems({ kind: 'section', section: s });
  }

  /** The items a scope holds (restating lines excluded); for an item, its descendants. */
  scopeItems(scope: Scope): Item[] {
    const key = scopeKey(scope);
    const hit = this.members.get(key);
    if (hit) return hit;
    let out: Item[];
    switch (scope.kind) {
      case 'plan':
        out = this.items;
        break;
      case 'section':
        out = this.inRange(scope.section.span.start, scope.section.span.end);
        break;
      case 'priority':
      case 'phase':
      case 'owner':
        out = this.grouped().get(scopeKey(scope)) ?? [];
        break;
      case 'item':
        out = this.descendants(scope.item);
        break;
    }
    this.members.set(key, out);
    return out;
  }

  private groups: Map<string, Item[]> | null = null;

  /** Items by priority label, phase and owner, grouped in one pass when first needed. */
  private grouped(): Map<string, Item[]> {
    if (this.groups) return this.groups;
    const groups = new Map<string, Item[]>();
    const add = (key: string, item: Item) => {
      const list = groups.get(key);
      if (list) list.push(item);
      else groups.set(key, [item]);
    };
    for (const i of this.items) {
      if (i.priority) add(scopeKey({ kind: 'priority', label: i.priority.label }), i);
      if (i.phase) add(scopeKey({ kind: 'phase', phase: i.phase }), i);
      if (i.owner) add(scopeKey({ kind: 'owner', owner: i.owner }), i);
    }
    this.groups = groups;
    return groups;
  }

  private inRange(start: number, end: number): Item[] {
    // Items are in document order: binary search the first at or after `start`.
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.items[mid]!.lineSpan.start < start) lo = mid + 1;
      else hi = mid;
    }
    const out: Item[] = [];
    for (let i = lo; i < this.items.length && this.items[i]!.lineSpan.start < end; i++)
      out.push(this.items[i]!);
    return out;
  }

  private descendants(item: Item): Item[] {
    const out: Item[] = [];
    const stack = [...item.children].reverse();
    while (stack.length > 0) {
      const child = this.plan.byKey.get(stack.pop()!);
      if (!child) continue;
      if (child.refersTo === null) out.push(child);
      for (let i = child.children.length - 1; i >= 0; i--) stack.push(child.children[i]!);
    }
    return out;
  }

  /** The first item of the scope in progress (else the first done), to name in a message. */
  firstStarted(scope: Scope): Item | null {
    const items = this.scopeItems(scope);
    return items.find((i) => i.status === 'doing') ?? items.find(isDone) ?? null;
  }

  /** Effort done and in all of the scope, in minutes, from the items' roll-ups; null when nothing is estimated. */
  effort(scope: Scope): { done: number; total: number } | null {
    let done = 0;
    let total = 0;
    if (scope.kind === 'item') {
      done = scope.item.rollup.effortDoneMinutes;
      total = done + scope.item.rollup.effortRemainingMinutes;
    } else {
      const items = this.scopeItems(scope);
      const inScope = new Set(items.map((i) => i.key));
      for (const i of items) {
        if (i.parent !== null && inScope.has(i.parent)) continue;
        done += i.rollup.effortDoneMinutes;
        total += i.rollup.effortDoneMinutes + i.rollup.effortRemainingMinutes;
      }
    }
    return total > 0 ? { done, total } : null;
  }

  /** Done, doing and total of the scope in a unit; null when the scope has nothing to count. */
  tally(scope: Scope, unit: Unit): Tally | null {
    const key = `${scopeKey(scope)}|${unit}`;
    if (this.cache.has(key)) return this.cache.get(key)!;
    const items = this.scopeItems(scope);
    let result: Tally | null = null;
    if (items.length > 0) {
      if (unit === 'phase') result = phaseTally(items);
      else {
        const inScope = new Set(items.map((i) => i.key));
        let total = 0;
        let done = 0;
        let doing = 0;
        for (const i of items) {
          const counted =
            unit === 'leaf' ? i.children.length === 0 : i.parent === null || !inScope.has(i.parent);
          if (!counted) continue;
          total++;
          if (isDone(i)) done++;
          else if (i.status === 'doing') doing++;
        }
        result = { total, done, doing };
      }
    }
    this.cache.set(key, result);
    return result;
  }
}

/** Phases among the items: complete when every item of the phase is done. */
function phaseTally(items: readonly Item[]): Tally | null {
  const phases = new Map<string, { done: boolean; started: boolean }>();
  for (const i of items) {
    if (i.phase === null) continue;
    const p = phases.get(i.phase) ?? { done: true, started: false };
    p.done &&= isDone(i);
    p.started ||= isDone(i) || i.status === 'doing';
    phases.set(i.phase, p);
  }
  if (phases.size === 0) return null;
  let done = 0;
  let doing = 0;
  for (const p of phases.values()) {
    if (p.done) done++;
    else if (p.started) doing++;
  }
  return { total: phases.size, done, doing };
}
