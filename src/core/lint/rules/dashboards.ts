/**
 * Dashboard rules: the plan's own progress claims (counters, percentages, totals, bars, progress
 * tables, status columns, managed blocks) checked against its items.
 */
import { analyseDashboards, type DashboardRuleId } from '../../dashboards/index.js';
import type { Plan } from '../../model.js';
import { managedEdits } from '../../sync/index.js';
import type { LintContext, RawFinding, Rule } from '../types.js';

function findingsOf(plan: Plan, ctx: LintContext, rule: DashboardRuleId): RawFinding[] {
  return analyseDashboards(plan, ctx.hoursPerDay)
    .mismatches.filter((m) => m.rule === rule)
    .map((m) => ({
      span: m.span,
      message: m.message,
      fix: m.edits && m.edits.length > 0 ? { description: `Rewrite to: ${m.truth}`, edits: m.edits } : null,
    }));
}

const dashboardStale: Rule = {
  id: 'dashboard-stale',
  severity: 'error',
  description:
    "A dashboard's counters, percentages, totals or table figures disagree with the plan's items (or a managed block is out of date).",
  check: (plan, ctx) => [
    ...findingsOf(plan, ctx, 'dashboard-stale'),
    ...managedEdits(plan).stale.map((b) => ({
      span: b.open,
      message: `Managed progress block (line ${b.line}) is out of date; run \`taskmark sync\` to regenerate it.`,
      fix: { description: 'Regenerate the managed block', edits: [b.edit] },
    })),
  ],
};

const progressBarMismatch: Rule = {
  id: 'progress-bar-mismatch',
  severity: 'warning',
  description: "A progress bar's fill disagrees with the numbers written beside it.",
  check: (plan, ctx) => findingsOf(plan, ctx, 'progress-bar-mismatch'),
};

const statusColumnMismatch: Rule = {
  id: 'status-column-mismatch',
  severity: 'warning',
  description:
    'A progress table\'s status cell ("Not Started", "In Progress", "Complete") disagrees with the items of its row.',
  check: (plan, ctx) => findingsOf(plan, ctx, 'status-column-mismatch'),
};

const dashboardMarker: Rule = {
  id: 'dashboard-marker',
  severity: 'error',
  description:
    'A taskmark managed-block marker is malformed, unclosed, nested or unknown (sync leaves such blocks alone).',
  check: (plan) =>
    analyseDashboards(plan).problems.map((p) => ({ span: p.span, message: p.message, fix: null })),
};

/** The dashboard rules, for the lint engine's registry. */
export const dashboardRules: readonly Rule[] = [
  dashboardStale,
  progressBarMismatch,
  statusColumnMismatch,
  dashboardMarker,
];
