/**
 * The wire format of HTTP requests an API node forwards to the engine on
 * the center's `requests` stream, and of the responses that come back on
 * the node's reply list (see command-sender.ts for the envelope). Bodies
 * travel as base64 so that any byte survives; headers as pairs, so that
 * several Set-Cookie headers stay several.
 */
import { z } from 'zod';

const HeaderPairs = z.array(z.tuple([z.string(), z.string()]));

export const ForwardedRequest = z.object({
  type: z.literal('http'),
  method: z.string().min(1).max(16),
  /** The URL the API node was asked for, scheme and host included. */
  url: z.string().url(),
  headers: HeaderPairs,
  body: z.string().nullable(),
  /** The client's address as the API node's socket saw it. */
  address: z.string().nullable(),
  /** How long the node waits for the answer; the engine does not start it later. */
  timeoutMs: z.number().int().positive().optional(),
  /** Set when the request opens a live socket the node tunnels to the engine. */
  tunnel: z.object({ node: z.string().min(1), socket: z.string().min(1) }).optional(),
});
export type ForwardedRequest = z.infer<typeof ForwardedRequest>;

export const ForwardedResponse = z.object({
  status: z.number().int().min(100).max(599),
  headers: HeaderPairs,
  body: z.string(),
});
export type ForwardedResponse = z.infer<typeof ForwardedResponse>;

/** Methods whose requests change nothing, so may safely run twice. */
export const readOnlyMethods: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/** An API node's side: the request as it goes on the stream. */
export async function forwardRequest(
  request: Request,
  address: string | null,
  timeoutMs: number,
  tunnel?: ForwardedRequest['tunnel'],
): Promise<ForwardedRequest> {
  const bytes = readOnlyMethods.has(request.method) ? null : await request.arrayBuffer();
  return {
    type: 'http',
    method: request.method,
    url: request.url,
    headers: [...request.headers],
    body: bytes && bytes.byteLength > 0 ? Buffer.from(bytes).toString('base64') : null,
    address,
    timeoutMs,
    ...(tunnel ? { tunnel } : {}),
  };
}

/** The engine's side: the request to hand to the API app. */
export function requestOf(forwarded: ForwardedRequest): Request {
  const body = forwarded.body === null ? null : Buffer.from(forwarded.body, 'base64');
  return new Request(forwarded.url, { method: forwarded.method, headers: forwarded.headers, body });
}

/** The engine's side: the app's response as it goes back. */
export async function forwardResponse(response: Response): Promise<ForwardedResponse> {
  const headers: [string, string][] = [];
  for (const [name, value] of response.headers) {
    if (name !== 'set-cookie') headers.push([name, value]);
  }
  for (const cookie of response.headers.getSetCookie()) headers.push(['set-cookie', cookie]);
  const body = Buffer.from(await response.arrayBuffer()).toString('base64');
  return { status: response.status, headers, body };
}

/** An API node's side: the response to give its client. */
export function responseOf(forwarded: ForwardedResponse): Response {
  const headers = new Headers();
  for (const [name, value] of forwarded.headers) headers.append(name, value);
  // 101, 204 and 304 carry no body; Response refuses one there.
  const empty = forwarded.status === 204 || forwarded.status === 304 || forwarded.body === '';
  return new Response(empty ? null : Buffer.from(forwarded.body, 'base64'), {
    status: forwarded.status,
    headers,
  });
}
