/**
 * Errors as RFC 9457 problem+json: one HttpError type for what only HTTP has (authentication,
 * preconditions, rate limits), and core's TmError codes mapped to statuses once, here.
 */
import type { ErrorCode } from '../core/errors.js';
import { TmError } from '../core/errors.js';

/** Codes only the HTTP surface produces, with their statuses. */
const HTTP_CODES = {
  TM_VALIDATION: 400,
  TM_MALFORMED_REQUEST: 400,
  TM_UNAUTHENTICATED: 401,
  TM_FORBIDDEN: 403,
  TM_ROUTE_NOT_FOUND: 404,
  TM_TIMEOUT: 408,
  TM_CONFLICT: 409,
  TM_IDEMPOTENCY_IN_PROGRESS: 409,
  TM_DEPENDENCY_CYCLE: 409,
  TM_PRECONDITION_FAILED: 412,
  TM_PAYLOAD_TOO_LARGE: 413,
  TM_URI_TOO_LONG: 414,
  TM_UNSUPPORTED_MEDIA_TYPE: 415,
  TM_IDEMPOTENCY_MISMATCH: 422,
  TM_ACCOUNT_LOCKED: 423,
  TM_PRECONDITION_REQUIRED: 428,
  TM_RATE_LIMITED: 429,
  TM_INTERNAL: 500,
  TM_UNAVAILABLE: 503,
} as const;

export type HttpCode = keyof typeof HTTP_CODES;

/** The status of each core error code: a Record over the closed set, so a new code must be placed here. */
const TM_STATUS: Readonly<Record<ErrorCode, number>> = {
  TM_USAGE: 400,
  TM_BAD_INPUT: 400,
  TM_BAD_ENCODING: 422,
  TM_BINARY_FILE: 422,
  TM_TOO_LARGE: 413,
  TM_NOT_FOUND: 404,
  TM_AMBIGUOUS: 409,
  TM_INVALID_EDIT: 422,
  TM_PLAN_CONFLICT: 409,
  TM_IO: 500,
};

export interface FieldError {
  /** JSON pointer into the request: `/body/email`, `/query/limit`. */
  readonly pointer: string;
  readonly detail: string;
}

export class HttpError extends Error {
  readonly status: number;

  constructor(
    readonly code: HttpCode,
    message: string,
    readonly extra: { errors?: readonly FieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'HttpError';
    this.status = HTTP_CODES[code];
  }
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance: string;
  requestId: string;
  errors?: readonly FieldError[];
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  423: 'Locked',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The problem document for any thrown value, and the headers to send with it. */
export function toProblem(
  error: unknown,
  request: { url: string; id: string },
): { problem: Problem; headers: Record<string, string> } {
  let status = 500;
  let code = 'TM_INTERNAL';
  let detail = 'An unexpected error occurred; the request id identifies it in the server log.';
  let errors: readonly FieldError[] | undefined;
  let headers: Record<string, string> = {};
  if (error instanceof HttpError) {
    status = error.status;
    code = error.code;
    detail = error.message;
    errors = error.extra.errors;
    headers = error.extra.headers ?? {};
  } else if (error instanceof TmError) {
    status = TM_STATUS[error.code];
    code = error.code;
    detail = status >= 500 ? 'The server could not read or write a file; see the server log.' : error.message;
  } else {
    const fe = fastifyError(error);
    if (fe) ({ status, code, detail } = fe);
  }
  const problem: Problem = {
    type: `urn:taskmark:problem:${code.toLowerCase()}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    instance: request.url.split('?')[0]!,
    requestId: request.id,
    ...(errors ? { errors } : {}),
  };
  return { problem, headers };
}

/** Errors Fastify raises before a handler runs: bodies, content types, routes. */
function fastifyError(error: unknown): { status: number; code: string; detail: string } | null {
  const e = error as { statusCode?: number; code?: string; message?: string };
  if (typeof e?.statusCode !== 'number' || e.statusCode >= 500) return null;
  if (e.code === 'FST_ERR_MAX_PARAM_LENGTH')
    return {
      status: 414,
      code: 'TM_URI_TOO_LONG',
      detail: 'A path parameter is longer than the server accepts.',
    };
  switch (e.statusCode) {
    case 413:
      return {
        status: 413,
        code: 'TM_PAYLOAD_TOO_LARGE',
        detail: 'The request body is larger than the server accepts.',
      };
    case 415:
      return {
        status: 415,
        code: 'TM_UNSUPPORTED_MEDIA_TYPE',
        detail: 'Send request bodies as application/json.',
      };
    case 408:
      return { status: 408, code: 'TM_TIMEOUT', detail: 'The request took too long to arrive.' };
    default:
      return {
        status: 400,
        code: 'TM_MALFORMED_REQUEST',
        detail:
          e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || e.code?.startsWith('FST_ERR_CTP')
            ? `The request body is not valid JSON (${e.message ?? 'parse error'}).`
            : (e.message ?? 'The request is malformed.'),
      };
  }
}
