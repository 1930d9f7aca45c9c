/**
 * The HTTP edge's one error type, rendered as an RFC 9457 problem document
 * (`application/problem+json`). Validation failures list each issue's path
 * and code; domain errors carry the engine's stable code.
 */
import { z } from '@hono/zod-openapi';

export const ProblemIssue = z.object({
  /** Dotted path from the input's root: `body.customer.email`, `query.since`. */
  path: z.string(),
  code: z.string(),
  message: z.string(),
});
export type ProblemIssue = z.infer<typeof ProblemIssue>;

export const ProblemDocument = z
  .object({
    type: z.string().openapi({ example: 'urn:switchboard:problem:unknown_contact' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    /** A stable machine-readable code: an engine error code or an HTTP one. */
    code: z.string(),
    issues: z.array(ProblemIssue).optional(),
  })
  .openapi('Problem');
export type ProblemDocument = z.infer<typeof ProblemDocument>;

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  426: 'Upgrade Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export class HttpProblem extends Error {
  override readonly name = 'HttpProblem';

  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly issues?: ProblemIssue[],
    /** Sent with the problem, such as `retry-after`. */
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }

  /** A 429: come back in `retryAfterMs` (sent as whole seconds, rounded up). */
  static tooMany(code: string, detail: string, retryAfterMs: number): HttpProblem {
    const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    return new HttpProblem(429, code, detail, undefined, { 'retry-after': String(seconds) });
  }

  toDocument(): ProblemDocument {
    return {
      type: `urn:switchboard:problem:${this.code}`,
      title: titles[this.status] ?? 'Error',
      status: this.status,
      detail: this.detail,
      code: this.code,
      ...(this.issues ? { issues: this.issues } : {}),
    };
  }

  toResponse(headers: Record<string, string> = {}): Response {
    return new Response(JSON.stringify(this.toDocument()), {
      status: this.status,
      headers: { 'content-type': 'application/problem+json', ...this.headers, ...headers },
    });
  }
}

/** A 400 from zod issues; `where` prefixes each path (body, query, params, frame). */
export function invalidInput(where: string, issues: readonly z.core.$ZodIssue[]): HttpProblem {
  const listed = issues.map((i) => ({
    path: [where, ...i.path.map(String)].join('.'),
    code: i.code,
    message: i.message,
  }));
  const detail = `${listed.length} invalid ${listed.length === 1 ? 'field' : 'fields'} in the ${where}`;
  return new HttpProblem(400, 'invalid_input', detail, listed);
}

type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 422 | 426 | 429;

const described: Record<ProblemStatus, string> = {
  400: 'The input is invalid; `issues` lists each problem.',
  401: 'No valid credentials were presented.',
  403: 'The caller may not do this.',
  404: 'No such contact, agent, queue, user or customer.',
  409: 'The contact, agent or user is not in a state that allows this.',
  422: 'The request names a queue, skill or agent the center does not have.',
  426: 'Only a WebSocket handshake is answered here.',
  429: 'Too many requests; `Retry-After` says how many seconds to wait.',
};

/** The problem responses a route may give, for the OpenAPI document. */
export function problemResponses<S extends ProblemStatus>(...statuses: S[]) {
  const entries = statuses.map((s) => [
    s,
    {
      description: described[s],
      content: { 'application/problem+json': { schema: ProblemDocument } },
    },
  ]);
  return Object.fromEntries(entries) as Record<
    S,
    {
      description: string;
      content: { 'application/problem+json': { schema: typeof ProblemDocument } };
    }
  >;
}
