import { z } from 'zod';

// One error model for every layer (domains throw it, route handlers and server actions answer it): a code maps to an
// HTTP status and a safe message. A leaf: it imports nothing of the app.

export const errorStatus = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  rate_limited: 429,
  internal: 500,
  // A server this one fetched from on the caller's behalf (an image by URL) failed or did not answer in time.
  upstream_failed: 502,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors?: FieldErrors;
  readonly headers?: Record<string, string>;

  constructor(code: ErrorCode, message: string, options?: { fieldErrors?: FieldErrors; headers?: Record<string, string> }) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fieldErrors = options?.fieldErrors;
    this.headers = options?.headers;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

/** The body every failure answers with (route handlers, the front door); the Store API documents it from here. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]]),
    message: z.string(),
    fieldErrors: z.record(z.string(), z.array(z.string())).optional().describe('Field path → messages (422)'),
    requestId: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** zod issues as field → messages, keyed by dotted path ("lines.0.quantity"); form-level issues under "_". */
/** A validation failure of one form field, told under that field. */
export function invalidField(field: string, message: string): AppError {
  return new AppError('validation_failed', message, { fieldErrors: { [field]: [message] } });
}

export function fieldErrorsFrom(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join('.') : '_';
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

/** Maps anything thrown to a status and a body that is safe to show. Unknown errors never leak their message. */
export function toErrorResponse(error: unknown, requestId: string): { status: number; body: ErrorBody; expected: boolean } {
  if (error instanceof AppError) {
    return {
      status: error.status,
      body: { error: { code: error.code, message: error.message, fieldErrors: error.fieldErrors, requestId } },
      expected: true,
    };
  }
  if (error instanceof z.ZodError) {
    return {
      status: 422,
      body: {
        error: { code: 'validation_failed', message: 'Some fields are invalid.', fieldErrors: fieldErrorsFrom(error), requestId },
      },
      expected: true,
    };
  }
  return {
    status: 500,
    body: { error: { code: 'internal', message: 'Something went wrong on our side. Please try again.', requestId } },
    expected: false,
  };
}
