/**
 * The one place errors become HTTP responses: engine error codes map to
 * 404/409/422 here, access denials to 401/403, framework errors keep their
 * status, anything else is a 500. Only this place logs them.
 */
import type { ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AccessDenied } from '../auth/access-denied.js';
import { EngineError, type EngineErrorCode } from '../errors.js';
import type { Logger } from '../logger.js';
import type { AppEnv } from './app-env.js';
import { HttpProblem } from './problem.js';

/** The status of each engine error code. */
export const statusOfCode: Record<EngineErrorCode, 404 | 409 | 422> = {
  unknown_contact: 404,
  unknown_agent: 404,
  contact_gone: 409,
  agent_not_ready: 409,
  agent_logged_out: 409,
  not_offered_to_agent: 409,
  not_assigned_to_agent: 409,
  wrong_state: 409,
  invalid_position: 409,
  unknown_skill: 422,
  unknown_queue: 422,
};

/** Any thrown value as a problem; unexpected errors say nothing of their cause. */
export function toProblem(err: unknown): HttpProblem {
  if (err instanceof HttpProblem) return err;
  if (err instanceof EngineError)
    return new HttpProblem(statusOfCode[err.code], err.code, err.message);
  if (err instanceof AccessDenied) {
    return err.reason === 'unauthenticated'
      ? new HttpProblem(401, 'unauthenticated', err.message)
      : new HttpProblem(403, 'forbidden', err.message);
  }
  if (err instanceof HTTPException) {
    if (err.status === 400 && /json/i.test(err.message)) {
      return new HttpProblem(400, 'invalid_input', 'the body is not valid JSON', [
        { path: 'body', code: 'invalid_json', message: err.message },
      ]);
    }
    return new HttpProblem(err.status, httpCode(err.status), err.message || 'request refused');
  }
  return new HttpProblem(500, 'internal_error', 'the server failed to handle this request');
}

export function errorHandler(logger: Logger): ErrorHandler<AppEnv> {
  return function renderError(err, c) {
    const problem = toProblem(err);
    const fields = { reqId: c.get('requestId'), status: problem.status, code: problem.code };
    if (problem.status >= 500) logger.error({ ...fields, err }, 'request failed');
    else logger.debug({ ...fields, detail: problem.detail }, 'request refused');
    const challenge: Record<string, string> =
      problem.status === 401 ? { 'www-authenticate': 'Bearer' } : {};
    return problem.toResponse(challenge);
  };
}

export const notFound: NotFoundHandler<AppEnv> = function routeNotFound(c) {
  return new HttpProblem(404, 'not_found', `no route ${c.req.method} ${c.req.path}`).toResponse();
};

function httpCode(status: number): string {
  if (status === 415) return 'unsupported_media_type';
  if (status === 413) return 'body_too_large';
  return `http_${status}`;
}
