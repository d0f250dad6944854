/**
 * A plan's progress over its versions: one point per commit that changed it, from the versions git
 * lists and the progress of each distinct text (computed once per blob by the caller).
 */
import type { Plan } from '../model.js';
import { planStatus } from '../ops/status.js';
import type { HistoryPoint } from './contract.js';

/** Progress of one version of a plan, counted as `taskmark status` counts it. */
export interface VersionProgress {
  readonly total: number;
  readonly done: number;
  readonly cancelled: number;
  readonly doing: number;
  readonly blocked: number;
  readonly todo: number;
  readonly effortDoneMinutes: number;
  readonly effortRemainingMinutes: number;
}

/** What reading one distinct version gave: its progress, or why it could not be read. */
export type VersionOutcome =
  | { readonly ok: true; readonly progress: VersionProgress }
  | { readonly ok: false; readonly error: string };

/** One commit that changed the plan; `blob` is null when the commit deleted it. */
export interface PlanVersion {
  readonly commit: string;
  readonly date: string;
  readonly author: string;
  readonly subject: string;
  readonly path: string;
  readonly blob: string | null;
}

/** The progress of a parsed version (leaf items by status, effort from the top-level roll-ups). */
export function versionProgress(plan: Plan): VersionProgress {
  // No due dates are read here, so any date will do.
  const s = planStatus(plan, '1970-01-01');
  return {
    total: s.byStatus.total,
    done: s.byStatus.done,
    cancelled: s.byStatus.cancelled,
    doing: s.byStatus.doing,
    blocked: s.byStatus.blocked,
    todo: s.byStatus.todo,
    effortDoneMinutes: s.effort.doneMinutes,
    effortRemainingMinutes: s.effort.remainingMinutes,
  };
}

const NOTHING: VersionProgress = {
  total: 0,
  done: 0,
  cancelled: 0,
  doing: 0,
  blocked: 0,
  todo: 0,
  effortDoneMinutes: 0,
  effortRemainingMinutes: 0,
};

/**
 * The series of points, in the order of `versions` (oldest first). A deleted plan counts as empty;
 * an unreadable version (binary, invalid UTF-8) carries the error and the previous point's counts,
 * so one bad commit does not draw a false drop. `closedDelta` is the change in closed items.
 */
export function progressSeries(
  versions: readonly PlanVersion[],
  outcomes: ReadonlyMap<string, VersionOutcome>,
): HistoryPoint[] {
  const points: HistoryPoint[] = [];
  let previous = NOTHING;
  for (const v of versions) {
    const outcome = v.blob === null ? null : outcomes.get(v.blob);
    let progress = NOTHING;
    let state: HistoryPoint['state'] = 'deleted';
    let error: string | null = null;
    if (outcome?.ok) {
      progress = outcome.progress;
      state = 'present';
    } else if (v.blob !== null) {
      progress = previous;
      state = 'unreadable';
      error = outcome?.error ?? 'this version was not read';
    }
    const closed = progress.done + progress.cancelled;
    points.push({
      ...v,
      state,
      error,
      ...progress,
      percent: progress.total === 0 ? 0 : Math.round((closed / progress.total) * 1000) / 10,
      closedDelta: closed - (previous.done + previous.cancelled),
    });
    previous = progress;
  }
  return points;
}
