import { ERROR_CODES, fieldErrorsOf, type ErrorCode, type FieldError, type z } from '@zw/shared'

/**
 * The typed errors of the server. Services throw these; the errorHandler middleware is
 * the one place that turns them (and everything else) into HTTP answers.
 */
export class AppError extends Error {
  readonly status: number
  constructor(
    readonly code: ErrorCode,
    message: string = ERROR_CODES[code].message,
    readonly details?: Record<string, unknown>,
  ) {
    super(message)
    this.name = 'AppError'
    this.status = ERROR_CODES[code].status
  }
}

export class ValidationError extends AppError {
  constructor(readonly fields: FieldError[], message?: string) {
    super('VALIDATION_FAILED', message, { fields })
    this.name = 'ValidationError'
  }
  static fromZod(error: z.ZodError, prefix?: string): ValidationError {
    const fields = fieldErrorsOf(error).map((f) => ({ ...f, path: prefix ? `${prefix}.${f.path}` : f.path }))
    return new ValidationError(fields)
  }
}

export class NotFoundError extends AppError {
  constructor(message?: string) {
    super('NOT_FOUND', message)
    this.name = 'NotFoundError'
  }
}

export class ForbiddenError extends AppError {
  constructor(message?: string) {
    super('FORBIDDEN', message)
    this.name = 'ForbiddenError'
  }
}

export class ConflictError extends AppError {
  constructor(message?: string, details?: Record<string, unknown>) {
    super('CONFLICT', message, details)
    this.name = 'ConflictError'
  }
}

export class ServiceUnavailableError extends AppError {
  constructor(message?: string, details?: Record<string, unknown>) {
    super('SERVICE_UNAVAILABLE', message, details)
    this.name = 'ServiceUnavailableError'
  }
}
