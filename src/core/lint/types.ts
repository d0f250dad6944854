/**
 * Lint's vocabulary: a rule reads a parsed plan and reports findings; a finding says what is wrong,
 * what the truth is, where, and (when it is safe) the exact edits that fix it.
 */
import type { Edit } from '../edit/splice.js';
import type { Plan, Span } from '../model.js';

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A safe, mechanical repair: byte-range edits of the plan's text, applied by the one splice routine. */
export interface Fix {
  readonly description: string;
  readonly edits: readonly Edit[];
}

export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  readonly file: string;
  /** 1-based first and last line of the span. */
  readonly line: number;
  readonly endLine: number;
  /** 1-based column of the span's start on its first line. */
  readonly column: number;
  readonly span: Span;
  /** What is wrong and what the truth is. */
  readonly message: string;
  readonly fix: Fix | null;
}

/** What a rule reports; the engine fills in file, lines, column and the configured severity. */
export interface RawFinding {
  readonly span: Span;
  readonly message: string;
  readonly fix?: Fix | null;
  /** Overrides the rule's severity for this finding (for example a lost character is worse than mojibake). */
  readonly severity?: Severity;
}

export interface LintContext {
  /** YYYY-MM-DD. */
  readonly today: string;
  readonly dueSoonDays: number;
  /** Normalised title similarity (0..1) at or above which two items are near-duplicates. */
  readonly similarity: number;
  readonly hoursPerDay: number;
  /**
   * IDs and keys of the items of the other plans linted with this one, lower case (see
   * referenceNames): a dependency on one of them (a task file's `dependencies: [task-40]`, task-40
   * being another file) is known.
   */
  readonly otherPlans?: ReadonlySet<string>;
}

/**
 * The names a dependency can give an item by, as LintContext.otherPlans holds them: every ID and key,
 * lower case, as the parser resolves references.
 */
export function referenceNames(
  items: Iterable<{ readonly key: string; readonly id: string | null }>,
): Set<string> {
  const names = new Set<string>();
  for (const i of items) {
    names.add(i.key.toLowerCase());
    if (i.id) names.add(i.id.toLowerCase());
  }
  return names;
}

export interface Rule {
  readonly id: string;
  readonly severity: Severity;
  /** One sentence for `--help`, SARIF and docs. */
  readonly description: string;
  readonly check: (plan: Plan, ctx: LintContext) => Iterable<RawFinding>;
}
