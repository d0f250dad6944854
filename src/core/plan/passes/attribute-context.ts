/** What the attribute pass is given for a plan, and the dependency references it collects as written. */
import type { Status } from '../../model.js';
import type { GlyphStatus } from '../marks.js';

export interface AttributeContext {
  readonly planDate: string | null;
  /**
   * Per section, the date its schedule names or an enclosing section's (`## Q1 2027` ends 2027-03-31):
   * in a plan that states no date of its own, a month and day under it (`ETA Feb 28`) is in its year.
   */
  readonly sectionDates?: readonly (string | null)[];
  readonly hoursPerDay: number;
  readonly vocabulary: ReadonlyMap<string, Status>;
  /** What a glyph marks: taskmark's own, and the plan's legend's. */
  readonly glyphStatus?: GlyphStatus;
  /** The labels of the plan's footnotes (`[^1]: …`): a reference to one is no part of a title. */
  readonly footnotes?: ReadonlySet<string> | undefined;
}

/** Dependency references as written, per draft index; resolved once every key is known. */
export type RawDeps = Map<number, string[]>;
