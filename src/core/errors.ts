/**
 * The one error type core throws. Codes form a closed set so every surface can map them once:
 * the CLI to an exit code, the server to problem+json, MCP to an error result.
 */
const ERROR_CODES = {
  TM_USAGE: 'bad command-line usage',
  TM_BAD_INPUT: 'the input is not a plan taskmark can read',
  TM_BAD_ENCODING: 'the file is not valid UTF-8 text',
  TM_BINARY_FILE: 'the file looks binary',
  TM_TOO_LARGE: 'the input exceeds a size limit',
  TM_NOT_FOUND: 'no such item, file or resource',
  TM_AMBIGUOUS: 'a key or ID matches more than one item',
  TM_INVALID_EDIT: 'the requested edit cannot be applied to this item',
  TM_PLAN_CONFLICT: 'the plan changed since it was read',
  TM_IO: 'a file could not be read or written',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class TmError extends Error {
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'TmError';
    this.code = code;
    this.details = details;
  }
}

/** True when `e` is a TmError, optionally with the given code. */
export function isTmError(e: unknown, code?: ErrorCode): e is TmError {
  return e instanceof TmError && (code === undefined || e.code === code);
}
