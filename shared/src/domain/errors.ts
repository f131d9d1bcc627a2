import type { ErrorCode } from '../contract/errors';

/**
 * Named domain errors. The domain and use cases throw these; the API edge maps each `code` to one HTTP
 * status. Messages are Chinese and tell a person what to do next.
 */
export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  constructor(
    message: string,
    /** The request field at fault, as a dotted path. */
    readonly field?: string,
  ) {
    super(message);
  }
}

export class Invalid extends DomainError {
  override readonly name: string = 'Invalid';
  readonly code = 'INVALID' as const;
}

export class NotFound extends DomainError {
  override readonly name: string = 'NotFound';
  readonly code = 'NOT_FOUND' as const;
}

export class Unauthenticated extends DomainError {
  override readonly name: string = 'Unauthenticated';
  readonly code = 'UNAUTHENTICATED' as const;
}

export class Forbidden extends DomainError {
  override readonly name: string = 'Forbidden';
  readonly code = 'FORBIDDEN' as const;
}

/** Someone else changed the resource first (version mismatch), or the request repeats a finished one. */
export class Conflict extends DomainError {
  override readonly name: string = 'Conflict';
  readonly code = 'CONFLICT' as const;
}

/** Too many attempts in a short time (e.g. WeChat's login limit, our own rate limits); try again later. */
export class RateLimited extends DomainError {
  override readonly name: string = 'RateLimited';
  readonly code = 'RATE_LIMITED' as const;
  constructor(
    message: string,
    /** When to try again, in seconds: the API edge sends it as `Retry-After`. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** The request body is over the API's cap (64 KB of JSON; photos go straight to storage). */
export class TooLarge extends DomainError {
  override readonly name: string = 'TooLarge';
  readonly code = 'TOO_LARGE' as const;
}

/** A request body that does not say it is JSON: never guessed at. */
export class UnsupportedMediaType extends DomainError {
  override readonly name: string = 'UnsupportedMediaType';
  readonly code = 'UNSUPPORTED_MEDIA_TYPE' as const;
}

/** A service we depend on (WeChat, storage) is down or slow; nothing was changed. */
export class Unavailable extends DomainError {
  override readonly name: string = 'Unavailable';
  readonly code = 'UNAVAILABLE' as const;
}
