/**
 * IDs and references: an ID defined twice, an ID out of its series' pattern, unknown references,
 * dependencies in words on something outside the plan, cycles.
 */
import type { Item } from '../../model.js';
import type { LintContext, Rule } from '../types.js';
import { describe, isClosed, itemSpan } from '../util.js';

export const duplicateId: Rule = {
  id: 'duplicate-id',
  severity: 'error',
  description: 'Two items are defined with the same ID.',
  *check(plan) {
    // A later definition with an ID already defined is read as a restatement (refersTo); it is a
    // second definition when it is a heading or has a body of its own (children or fields).
    for (const item of plan.items) {
      if (item.refersTo === null) continue;
      const first = plan.byKey.get(item.refersTo);
      if (!first) continue;
      const defines = item.kind === 'heading' || item.children.length > 0 || ownFields(item) > 0;
      if (!defines) continue;
      yield {
        span: itemSpan(item),
        message: `${first.id ?? first.key} is defined twice: on line ${first.line} and again on line ${item.line}; give one of them a new ID.`,
      };
    }
    // Word IDs (`Task 1.1`) are scoped by their parent: two under one parent clash.
    const seen = new Map<string, Item>();
    for (const item of plan.items) {
      if (item.id === null || !/^[A-Za-z]+ /.test(item.id)) continue;
      const scope = `${item.parent ?? ''}\u0000${item.section.join('\u0000')}\u0000${item.id}`;
      const first = seen.get(scope);
      if (!first) {
        seen.set(scope, item);
        continue;
      }
      yield {
        span: itemSpan(item),
        message: `${item.id} appears twice under the same parent: line ${first.line} and line ${item.line}.`,
      };
    }
  },
};

const SERIES_RE = /^([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-)(\d+)$/;

export const malformedId: Rule = {
  id: 'malformed-id',
  severity: 'warning',
  description: 'An ID that breaks the pattern of its series (MH-7 among MH-001, MH-002, …).',
  *check(plan) {
    const series = new Map<string, { item: Item; digits: string }[]>();
    for (const item of plan.items) {
      const m = item.id ? SERIES_RE.exec(item.id) : null;
      if (!m) continue;
      const list = series.get(m[1]!) ?? [];
      list.push({ item, digits: m[2]! });
      series.set(m[1]!, list);
    }
    for (const [prefix, list] of series) {
      if (list.length < 3) continue;
      const widths = new Map<number, number>();
      for (const { digits } of list) widths.set(digits.length, (widths.get(digits.length) ?? 0) + 1);
      const [width, count] = [...widths].sort((a, b) => b[1] - a[1])[0]!;
      // A padded series (MH-001) is the pattern only when most IDs follow it.
      if (count * 2 <= list.length || width === 1) continue;
      for (const { item, digits } of list) {
        if (digits.length === width) continue;
        // Overflowing the padding (MH-1000 after MH-999) is the series going on, not a slip.
        if (digits.length > width && !digits.startsWith('0')) continue;
        const expected = `${prefix}${digits.replace(/^0+(?=\d)/, '').padStart(width, '0')}`;
        yield {
          span: item.titleSpan,
          message: `${item.id} breaks the ${prefix}${'N'.repeat(width)} pattern of the plan's other ${count} ${prefix} IDs; did you mean ${expected}?`,
        };
      }
    }
  },
};

/** The dependencies of `item` that name no item of the plans linted. */
function unknownDeps(item: Item, ctx: LintContext): string[] {
  return ctx.otherPlans
    ? item.unresolvedDeps.filter((d) => !ctx.otherPlans!.has(d.trim().toLowerCase()))
    : item.unresolvedDeps;
}

/**
 * Whether a dependency that names no item is written as a reference to one: a token (`T-009`,
 * `task-40`, `auth/login`) or words with a number (`Phase 4`, `Task 3`). Words alone (`security
 * review`, `the legal sign-off`) may be something outside the plan the item waits on.
 */
function writtenAsReference(dep: string): boolean {
  const d = dep.trim();
  return !/\s/.test(d) || /\d/.test(d);
}

export const unknownReference: Rule = {
  id: 'unknown-reference',
  severity: 'error',
  description: 'A dependency names an ID or key that no item in the plan has.',
  *check(plan, ctx) {
    for (const item of plan.items) {
      if (item.unresolvedDeps.length === 0) continue;
      const unknown = unknownDeps(item, ctx).filter(writtenAsReference);
      if (unknown.length === 0) continue;
      const where = ctx.otherPlans ? 'of the plans linted' : 'of this plan';
      yield {
        span: itemSpan(item),
        message: `${describe(item)} depends on ${unknown.join(', ')}, which ${unknown.length === 1 ? 'is not an item' : 'are not items'} ${where}.`,
      };
    }
  },
};

export const outsideDependency: Rule = {
  id: 'outside-dependency',
  severity: 'warning',
  description:
    'A dependency in words names no item of the plan: an item renamed since, or something outside the plan the item waits on.',
  *check(plan, ctx) {
    for (const item of plan.items) {
      if (item.unresolvedDeps.length === 0 || isClosed(item)) continue;
      const words = unknownDeps(item, ctx).filter((d) => !writtenAsReference(d));
      if (words.length === 0) continue;
      yield {
        span: itemSpan(item),
        message: `${describe(item)} waits on ${words.join(', ')}, which ${words.length === 1 ? 'names no item' : 'name no items'} ${ctx.otherPlans ? 'of the plans linted' : 'of this plan'}: an item renamed since, or something outside the plan. \`taskmark next\` holds it back while the dependency is written.`,
      };
    }
  },
};

export const dependencyCycle: Rule = {
  id: 'dependency-cycle',
  severity: 'error',
  description: 'Items that depend on each other in a circle, so none of them can start.',
  *check(plan) {
    for (const cycle of plan.cycles) {
      const first = plan.byKey.get(cycle[0]!);
      if (!first) continue;
      const names = cycle.map((k) => plan.byKey.get(k)?.id ?? k);
      yield {
        span: itemSpan(first),
        message: `Dependency cycle: ${[...names, names[0]].join(' → ')}; none of these items can start.`,
      };
    }
  },
};

/** Fields that are the item's own: not a status restated, nor a priority or estimate mark in its text. */
function ownFields(item: Item): number {
  return item.fields.filter((f) => f.key !== 'status' && f.style !== 'mark').length;
}
