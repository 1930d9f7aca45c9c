/**
 * Raised by `authorize` when a caller may not do something. The HTTP edge
 * renders it as 401 (no credentials) or 403 (the wrong ones).
 */
export class AccessDenied extends Error {
  override readonly name = 'AccessDenied';

  constructor(
    readonly reason: 'unauthenticated' | 'forbidden',
    message: string,
  ) {
    super(message);
  }
}
