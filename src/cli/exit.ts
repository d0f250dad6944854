/** Exit codes of the CLI contract and the one mapping from error codes to them. */
import type { ErrorCode } from '../core/errors.js';

/** What each exit code means (documented in docs/cli.md and `--help`). */
export const EXIT_CODES: readonly (readonly [number, string])[] = [
  [0, 'success'],
  [
    1,
    'a check failed, or an edit was refused because the plan changed since it was read or could not be written (nothing was written)',
  ],
  [
    2,
    'bad usage or bad input (unknown item, invalid file, invalid UTF-8, binary file); the message on stderr says how to fix it',
  ],
  [70, 'internal error: a bug in taskmark (the stack trace is on stderr; please report it)'],
];

/**
 * The exit code of each error code. A Record over the closed set, so a new code cannot be added
 * to core without deciding here what it means to scripts.
 */
export const EXIT_CODE_OF: Readonly<Record<ErrorCode, 1 | 2>> = {
  TM_USAGE: 2,
  TM_BAD_INPUT: 2,
  TM_BAD_ENCODING: 2,
  TM_BINARY_FILE: 2,
  TM_TOO_LARGE: 2,
  TM_NOT_FOUND: 2,
  TM_AMBIGUOUS: 2,
  TM_INVALID_EDIT: 2,
  TM_PLAN_CONFLICT: 1,
  TM_IO: 1,
};

/** Exit code for usage errors reported by the argument parser. */
export const USAGE_EXIT_CODE = 2;
/** Exit code for anything unexpected (EX_SOFTWARE in sysexits.h). */
export const INTERNAL_EXIT_CODE = 70;
