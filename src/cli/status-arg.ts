/** The status argument of `set` and `add --status`. */
import { TmError } from '../core/errors.js';
import type { Status } from '../core/model.js';
import { STATUSES } from '../core/model.js';
import { readStatusValue } from '../core/plan/attributes/status.js';

/** Reads a status argument: one of taskmark's statuses, or a word the vocabulary knows (`complete`, `wip`). */
export function statusArg(value: string): Status {
  const lower = value.toLowerCase();
  if ((STATUSES as readonly string[]).includes(lower)) return lower as Status;
  const read = readStatusValue(value);
  if (read) return read.status;
  throw new TmError('TM_USAGE', `"${value}" is not a status; use one of ${STATUSES.join(', ')}.`);
}
