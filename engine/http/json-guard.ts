/**
 * Reads each API request body once, before any route, and refuses what no
 * route should parse: a body that is not JSON (415; this also shuts out
 * the form posts other sites can forge without a CORS preflight), bytes
 * that are not UTF-8, JSON nested deeper than the limit (checked on the
 * raw text, before parsing) and text that is not JSON at all (400). The
 * bytes stay cached on the request, so the route's validator parses the
 * same body without reading the stream again.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.js';
import { nestsDeeperThan } from './json-depth.js';
import { HttpProblem } from './problem.js';

const jsonMediaType = /^application\/([\w.-]+\+)?json$/i;

export function guardJsonBodies(maxDepth: number): MiddlewareHandler<AppEnv> {
  const utf8 = new TextDecoder('utf-8', { fatal: true });

  return async function guardJsonBody(c, next) {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || !c.req.raw.body) return next();

    let bytes: ArrayBuffer;
    try {
      bytes = await c.req.arrayBuffer();
    } catch {
      throw refused('unreadable', 'the body could not be read');
    }
    if (bytes.byteLength === 0) return next();

    const mediaType = c.req.header('content-type')?.split(';')[0]?.trim() ?? '';
    if (!jsonMediaType.test(mediaType)) {
      throw new HttpProblem(415, 'unsupported_media_type', 'request bodies are application/json');
    }
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      throw refused('invalid_utf8', 'the body is not valid UTF-8');
    }
    if (nestsDeeperThan(text, maxDepth)) {
      throw refused('too_deep', `JSON may nest at most ${maxDepth} levels`);
    }
    try {
      JSON.parse(text);
    } catch {
      throw refused('invalid_json', 'the body is not valid JSON');
    }

    await next();
  };
}

function refused(code: string, message: string): HttpProblem {
  return new HttpProblem(400, 'invalid_input', message, [{ path: 'body', code, message }]);
}
