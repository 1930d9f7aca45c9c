/**
 * The one error the API layer throws: a failed request with the server's
 * problem document, so pages can show `detail` and react to `code`.
 */
import type { Problem } from './types';

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(readonly problem: Problem) {
    super(problem.detail || `request failed with ${problem.status}`);
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string {
    return this.problem.code;
  }
}

/** A readable sentence for any thrown value, for an alert on the page. */
export function describeError(err: unknown): string {
  if (err instanceof ApiError) {
    const issues = err.problem.issues?.map((i) => `${i.path}: ${i.message}`) ?? [];
    return [err.message, ...issues].join(' — ');
  }
  if (err instanceof Error) return err.message;
  return String(err);
}
