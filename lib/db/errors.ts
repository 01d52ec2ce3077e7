/** Errors a recruiter can read. Every storage failure reaches the UI through these. */

export class StorageFullError extends Error {
  constructor(cause?: unknown) {
    super(
      'Your browser has run out of storage space for Leadside, so nothing was saved. ' +
        'Free some disk space (or remove other sites’ data) and try again.',
      { cause },
    );
    this.name = 'StorageFullError';
  }
}

/**
 * Chrome reports a full disk as `QuotaExceededError`, and Dexie often wraps it as the inner
 * error of an `AbortError` (the transaction aborted because a request failed), or lists it
 * among the `failures` of a `BulkError` (some requests of a bulkAdd/bulkPut failed).
 */
export function isQuotaError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const name = (e as { name?: unknown }).name;
    if (name === 'QuotaExceededError' || name === 'StorageFullError') return true;
    const failures = (e as { failures?: unknown }).failures;
    if (Array.isArray(failures) && failures.some((f) => isQuotaError(f))) return true;
    e = (e as { inner?: unknown; cause?: unknown }).inner ?? (e as { cause?: unknown }).cause;
  }
  return false;
}

/** A message for the recruiter; the technical detail goes to the console, not the screen. */
export function describeError(error: unknown): string {
  if (isQuotaError(error)) return new StorageFullError().message;
  if (error instanceof UserError) return error.message;
  return 'Something went wrong and nothing was changed. Please try again.';
}

/** A refusal whose message is meant for the recruiter (validation, permissions, conflicts). */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
