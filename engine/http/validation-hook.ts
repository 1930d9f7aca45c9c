/**
 * What a route does when its zod schemas reject the input: it throws a 400
 * problem listing every issue, rendered by the error handler like any other.
 */
import type { OpenAPIHonoOptions } from '@hono/zod-openapi';
import type { AppEnv } from './app-env.js';
import { invalidInput } from './problem.js';

type DefaultHook = NonNullable<OpenAPIHonoOptions<AppEnv>['defaultHook']>;

const where: Record<string, string> = {
  json: 'body',
  form: 'body',
  query: 'query',
  param: 'params',
  header: 'headers',
  cookie: 'cookies',
};

export const rejectInvalidInput: DefaultHook = function rejectInvalidInput(result) {
  if (!result.success)
    throw invalidInput(where[result.target] ?? result.target, result.error.issues);
};
