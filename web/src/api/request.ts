/**
 * JSON over fetch, the way every route is called: same-origin cookies, an
 * optional bearer token (customers), and problem documents turned into
 * `ApiError`. Nothing else in the pages calls `fetch` directly.
 */
import { ApiError } from './ApiError';
import type { Problem } from './types';

export interface RequestOptions {
  body?: unknown;
  /** A customer's contact token; staff rely on the session cookie. */
  token?: string | null;
  signal?: AbortSignal;
}

export async function request<T>(
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError({
      status: 0,
      code: 'network_error',
      detail: 'the server could not be reached',
    });
  }

  const text = await response.text();
  const data: unknown = text ? safeJson(text) : null;
  if (!response.ok) throw new ApiError(asProblem(response.status, data));
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function asProblem(status: number, data: unknown): Problem {
  if (data && typeof data === 'object' && 'detail' in data) {
    const p = data as Partial<Problem>;
    return {
      ...p,
      status: p.status ?? status,
      code: p.code ?? `http_${status}`,
      detail: String(p.detail),
    };
  }
  return {
    status,
    code: `http_${status}`,
    detail: typeof data === 'string' && data ? data : `request failed with ${status}`,
  };
}
