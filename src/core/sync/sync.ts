/**
 * `sync`: dashboards rewritten to the truth as edits. Managed blocks are regenerated whole;
 * `adopt` turns a recognised progress table into a managed block; `unmanaged` rewrites the figures
 * of recognised hand-written dashboards in place, keeping their layout.
 */
import { analyseDashboards, type By } from '../dashboards/index.js';
import type { Edit } from '../edit/splice.js';
import type { Plan, Span } from '../model.js';
import { render } from './render.js';

export interface StaleBlock {
  /** The opening marker line. */
  readonly open: Span;
  /** 1-based line of the opening marker. */
  readonly line: number;
  readonly edit: Edit;
}

/** The edit regenerating each managed block whose content is not what sync would write. */
export function managedEdits(plan: Plan): { stale: StaleBlock[] } {
  const eol = plan.lines.eol;
  const stale: StaleBlock[] = [];
  const report = analyseDashboards(plan);
  // A plan with a malformed marker is not rewritten at all: which lines a broken block was meant to hold is a guess.
  if (report.problems.length > 0) return { stale };
  for (const b of report.managed) {
    const text = render(plan, b.by, b.format, b.label)
      .map((l) => l + eol)
      .join('');
    if (plan.text.slice(b.content.start, b.content.end) === text) continue;
    stale.push({
      open: b.open,
      line: b.openLine,
      edit: { start: b.content.start, end: b.content.end, text },
    });
  }
  return { stale };
}

/** Edits that rewrite the stale figures of recognised unmanaged dashboards in place. */
function unmanagedEdits(plan: Plan, hoursPerDay: number): Edit[] {
  const edits = analyseDashboards(plan, hoursPerDay).mismatches.flatMap((m) => m.edits ?? []);
  return nonOverlapping(edits);
}

/**
 * Edits that wrap each recognised progress table whose rows all name sections, priorities, owners
 * or phases in managed markers, its content regenerated (and so counted as `taskmark status`
 * counts: leaf items).
 */
export function adoptEdits(plan: Plan): Edit[] {
  const report = analyseDashboards(plan);
  const eol = plan.lines.eol;
  const edits: Edit[] = [];
  for (const table of report.blocks.tables) {
    const first = table[0];
    const last = table[table.length - 1];
    if (!first || !last || first.start !== plan.lines.start[first.line]) continue;
    const rows = report.claims.filter(
      (c) => c.kind === 'row' && c.lineNo > first.line && c.lineNo <= last.line + 1,
    );
    if (rows.length === 0) continue;
    const kinds = new Set(
      rows.filter((r) => r.scope?.kind !== 'plan').map((r) => r.scope?.kind ?? 'unknown'),
    );
    const kind = kinds.size === 1 ? [...kinds][0]! : null;
    if (kind !== 'section' && kind !== 'priority' && kind !== 'owner' && kind !== 'phase') continue;
    const by = kind as By;
    const content = render(plan, by, 'table');
    const text = [`<!-- taskmark:progress by=${by} format=table -->`, ...content, '<!-- /taskmark -->']
      .map((l) => l + eol)
      .join('');
    const end = last.line + 1 < plan.lines.count ? plan.lines.start[last.line + 1]! : plan.text.length;
    const tail = last.line + 1 < plan.lines.count || plan.lines.finalNewline ? '' : null;
    edits.push({ start: first.start, end, text: tail === null ? text.slice(0, -eol.length) : text });
  }
  return [...edits, ...adoptCounters(plan)];
}

/**
 * `**Completion:** 0/50 (0%)` on a line of its own, about the whole plan, becomes a managed counter
 * keeping its label: `<!-- taskmark:progress format=counter label=Completion -->`.
 */
function adoptCounters(plan: Plan): Edit[] {
  const eol = plan.lines.eol;
  const edits: Edit[] = [];
  for (const c of analyseDashboards(plan).claims) {
    if (
      c.kind !== 'line' ||
      c.scope?.kind !== 'plan' ||
      !c.done ||
      !c.total ||
      c.bar ||
      c.measure !== 'items'
    )
      continue;
    const line = plan.lines.start[c.lineNo - 1]!;
    if (c.line.base !== line || !/^(?:\*\*|__)?[\p{L}][\p{L} ]*(?:\*\*|__)?\s*:/u.test(c.line.original))
      continue;
    const label = /^[^<>|*_`\\"]{1,60}$/.test(c.label) ? c.label : null;
    const attrs = label === null ? '' : /\s/.test(label) ? ` label="${label}"` : ` label=${label}`;
    const text = [
      `<!-- taskmark:progress format=counter${attrs} -->`,
      ...render(plan, null, 'counter', label),
      '<!-- /taskmark -->',
    ].join(eol);
    edits.push({ start: line, end: line + c.line.original.length, text });
  }
  return edits;
}

export interface SyncOptions {
  /** Turn recognised progress tables into managed blocks first. */
  readonly adopt?: boolean;
  /** Also rewrite recognised unmanaged dashboards in place. */
  readonly unmanaged?: boolean;
  /** Hours in a working day, for effort counters in days (the value the plan was parsed with; default 8). */
  readonly hoursPerDay?: number;
}

/**
 * The steps of a sync, each computed on the plan as the previous left it: adopt, regenerate
 * managed blocks, update unmanaged dashboards. A plan with malformed markers gets no steps: its
 * problems are reported instead, and nothing is rewritten.
 */
export function syncSteps(opts: SyncOptions): ((plan: Plan) => Edit[])[] {
  const steps: ((plan: Plan) => Edit[])[] = [];
  if (opts.adopt) steps.push(adoptEdits);
  steps.push((p) => managedEdits(p).stale.map((s) => s.edit));
  if (opts.unmanaged) steps.push((p) => unmanagedEdits(p, opts.hoursPerDay ?? 8));
  return steps;
}

function nonOverlapping(edits: readonly Edit[]): Edit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Edit[] = [];
  let pos = -1;
  for (const e of sorted) {
    if (e.start < pos || (e.start === pos && e.end === e.start)) continue;
    out.push(e);
    pos = e.end;
  }
  return out;
}
