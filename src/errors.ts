/**
 * One error type with stable string codes, and the one place that maps codes to HTTP statuses.
 * Every error a user or an integrator can see carries a code they can search for and a message
 * that says what to do about it.
 */
export const ERROR_HTTP_STATUS = {
  // request shape
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PAYLOAD_TOO_LARGE: 413,
  MALFORMED_JSON: 400,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  // agents' uploads and the signed media links the platforms fetch
  UPLOAD_TOO_LARGE: 413,
  UPLOAD_TYPE_REFUSED: 415,
  UPLOAD_TYPE_MISMATCH: 415,
  UPLOAD_NAME_INVALID: 400,
  MEDIA_LINK_INVALID: 403,
  MEDIA_LINK_EXPIRED: 410,
  // webhook authenticity
  SIGNATURE_MISSING: 400,
  SIGNATURE_INVALID: 403,
  VERIFY_TOKEN_INVALID: 403,
  CHANNEL_DISABLED: 503,
  // auth and ownership
  UNAUTHENTICATED: 401,
  TOKEN_EXPIRED: 401,
  FORBIDDEN: 403,
  NOT_OWNER: 409,
  CONFLICT: 409,
  TOO_MANY_ATTEMPTS: 429,
  OWNERSHIP_CHANGED: 409,
  // channel rules and sends
  WINDOW_CLOSED: 422,
  TEMPLATE_UNKNOWN: 422,
  SEND_FAILED: 502,
  FULFILLMENT_FAILED: 502,
  // configuration and catalog
  CONFIG_INVALID: 500,
  CATALOG_INVALID: 500,
  STORE_UNAVAILABLE: 503,
  RETENTION_EXPORT_FAILED: 500,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_HTTP_STATUS;

export class BatonError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'BatonError';
    this.code = code;
    this.details = details;
  }

  get httpStatus(): number {
    return ERROR_HTTP_STATUS[this.code];
  }

  toJSON(): { error: { code: ErrorCode; message: string; details?: unknown } } {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

export function isBatonError(err: unknown): err is BatonError {
  return err instanceof BatonError;
}
