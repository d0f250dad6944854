/**
 * The lint engine: runs every enabled rule over a plan, places each finding (lines, column), applies
 * the configured severities, and gathers the safe fixes into one set of non-overlapping edits.
 */
import type { Edit } from '../edit/splice.js';
import { TmError } from '../errors.js';
import type { Plan } from '../model.js';
import { dashboardRules } from './rules/dashboards.js';
import { dueSoon, overdue, unplacedDue } from './rules/dates.js';
import { documentIncomplete } from './rules/document.js';
import { lostCharacters, mojibake } from './rules/encoding.js';
import { factMismatch } from './rules/facts.js';
import {
  dependencyCycle,
  duplicateId,
  malformedId,
  outsideDependency,
  unknownReference,
} from './rules/ids.js';
import { doneOpenContradiction, duplicateItem } from './rules/similar.js';
import {
  doneInOpenSection,
  doneWithOpenDependency,
  openInDoneSection,
  parentDoneChildOpen,
  parentOpenChildrenDone,
  restatedStatusMismatch,
} from './rules/structure.js';
import { legendMismatch, unmappedStatus } from './rules/vocabulary.js';
import type { Finding, LintContext, Rule, Severity } from './types.js';
import { lineIndexAt } from './util.js';

export const RULES: readonly Rule[] = [
  ...dashboardRules,
  parentDoneChildOpen,
  parentOpenChildrenDone,
  restatedStatusMismatch,
  doneWithOpenDependency,
  openInDoneSection,
  doneInOpenSection,
  doneOpenContradiction,
  duplicateItem,
  duplicateId,
  malformedId,
  unknownReference,
  outsideDependency,
  dependencyCycle,
  overdue,
  dueSoon,
  unplacedDue,
  factMismatch,
  mojibake,
  lostCharacters,
  unmappedStatus,
  legendMismatch,
  documentIncomplete,
];

export type RuleSettings = Readonly<Record<string, Severity | 'off'>>;

/** Throws a usage error naming every rule id in `settings` that no rule has. */
export function checkRuleSettings(settings: RuleSettings, rules: readonly Rule[] = RULES): void {
  const ids = new Set(rules.map((r) => r.id));
  const unknown = Object.keys(settings).filter((id) => !ids.has(id));
  if (unknown.length > 0) {
    throw new TmError(
      'TM_USAGE',
      `Unknown lint rule${unknown.length === 1 ? '' : 's'} in the configuration: ${unknown.join(', ')}. The rules are: ${[...ids].join(', ')}.`,
    );
  }
}

/** Every finding of the enabled rules on `plan`, in document order. */
export function lintPlan(
  plan: Plan,
  ctx: LintContext,
  settings: RuleSettings = {},
  rules: readonly Rule[] = RULES,
): Finding[] {
  const out: Finding[] = [];
  for (const rule of rules) {
    const setting = settings[rule.id];
    if (setting === 'off') continue;
    for (const raw of rule.check(plan, ctx)) {
      const first = lineIndexAt(plan, raw.span.start);
      const last = lineIndexAt(plan, Math.max(raw.span.start, raw.span.end - 1));
      out.push({
        rule: rule.id,
        severity: setting ?? raw.severity ?? rule.severity,
        file: plan.file,
        line: first + 1,
        endLine: last + 1,
        column: raw.span.start - (plan.lines.start[first] ?? 0) + 1,
        span: raw.span,
        message: raw.message,
        fix: raw.fix && raw.fix.edits.length > 0 ? raw.fix : null,
      });
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}

/**
 * The fixes of `findings` as one set of edits. Each fix is taken as the range from its first to its
 * last edit; a fix overlapping one already taken is left for the next pass (the caller re-parses and
 * lints again), so fixes never fight over text. Sorting keeps this O(n log n) on plans with many fixes.
 */
export function collectFixes(findings: readonly Finding[]): { edits: Edit[]; fixed: Finding[] } {
  const fixes = findings
    .filter((f): f is Finding & { fix: NonNullable<Finding['fix']> } => f.fix !== null)
    .map((f) => ({
      f,
      start: f.fix.edits.reduce((m, e) => Math.min(m, e.start), Number.POSITIVE_INFINITY),
      // An insertion occupies its point, so two insertions at one offset do not both go in.
      end: f.fix.edits.reduce((m, e) => Math.max(m, e.end, e.start + 1), Number.NEGATIVE_INFINITY),
    }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const edits: Edit[] = [];
  const fixed: Finding[] = [];
  let reached = -1;
  for (const { f, start, end } of fixes) {
    if (start < reached) continue;
    for (const e of f.fix.edits) edits.push(e);
    fixed.push(f);
    reached = end;
  }
  return { edits, fixed };
}

export const countBySeverity = (findings: readonly Finding[]): Record<Severity, number> => {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
};
