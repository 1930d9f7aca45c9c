/**
 * One live socket's side of the conversation. Each frame a client sends is
 * bounded in size and rate, checked against the session that opened the
 * socket (it may have ended since), parsed like a request body and
 * authorized for its type before it is answered. Past a limit, or with its
 * session gone, the socket is closed; a bad frame gets an error message.
 */
import { AccessDenied } from '../../auth/access-denied.js';
import { authorize, type Permission } from '../../auth/authorize.js';
import type { Sessions } from '../../auth/sessions.js';
import { nestsDeeperThan } from '../json-depth.js';
import { HttpProblem, invalidInput } from '../problem.js';
import { TokenBucket } from '../token-bucket.js';
import { policyViolationCode, tooBigCode, type LiveClient, type LiveHub } from './live-hub.js';
import type { ConversationFrameHandler } from './conversation-relay.js';
import { ClientFrame } from './live-messages.js';

export interface LiveSocketDeps {
  hub: LiveHub;
  sessions: Pick<Sessions, 'isCurrent'>;
  now: () => number;
  maxFrameBytes: number;
  /** Sustained, with as many again in a burst. */
  framesPerSecond: number;
  maxJsonDepth: number;
  /** Chat and WebRTC frames (chat-relay.ts, signal-relay.ts); ignored when absent. */
  conversations?: ConversationFrameHandler;
}

/** The permission each client frame needs; a new frame type must be added here. */
export const framePermissions = {
  ping: 'live.ping',
  resync: 'live.resync',
  'chat.send': 'live.chat',
  'chat.resume': 'live.chat',
  'chat.typing': 'live.chat',
  'chat.leave': 'live.chat',
  'rtc.offer': 'live.rtc',
  'rtc.answer': 'live.rtc',
  'rtc.ice': 'live.rtc',
  'rtc.media': 'live.rtc',
} as const satisfies Record<ClientFrame['type'], Permission>;

export class LiveSocket {
  private readonly bucket: TokenBucket;
  private closed = false;

  constructor(
    private readonly deps: LiveSocketDeps,
    readonly client: LiveClient,
  ) {
    const perSecond = deps.framesPerSecond;
    this.bucket = new TokenBucket(perSecond, perSecond / 1000, deps.now());
  }

  /** Handles one frame from the client. */
  receive(data: unknown): void {
    if (this.closed) return;
    if (byteLength(data) > this.deps.maxFrameBytes) {
      this.close(tooBigCode, `frames are limited to ${this.deps.maxFrameBytes} bytes`);
      return;
    }
    if (this.bucket.take(this.deps.now()) > 0) {
      this.close(policyViolationCode, 'too many frames');
      return;
    }
    if (!this.deps.sessions.isCurrent(this.client.principal)) {
      this.close(policyViolationCode, 'session ended');
      return;
    }

    const frame = parseFrame(data, this.deps.maxJsonDepth);
    if (frame instanceof HttpProblem) {
      this.deps.hub.deliver(this.client, { kind: 'error', problem: frame.toDocument() });
      return;
    }
    try {
      authorize(this.client.principal, framePermissions[frame.type]);
    } catch (err) {
      if (!(err instanceof AccessDenied)) throw err;
      const problem = new HttpProblem(403, 'forbidden', err.message);
      this.deps.hub.deliver(this.client, { kind: 'error', problem: problem.toDocument() });
      return;
    }

    if (frame.type === 'ping') {
      this.deps.hub.deliver(this.client, { kind: 'pong', seq: this.deps.hub.lastSeq });
    } else if (frame.type === 'resync') {
      this.deps.hub.catchUp(this.client, frame.since ?? null);
    } else {
      this.deps.conversations?.(this.client, frame);
    }
  }

  private close(code: number, reason: string): void {
    this.closed = true;
    this.deps.hub.close(this.client, code, reason);
  }
}

function byteLength(data: unknown): number {
  if (typeof data === 'string') return Buffer.byteLength(data, 'utf8');
  if (data instanceof ArrayBuffer) return data.byteLength;
  if (ArrayBuffer.isView(data)) return data.byteLength;
  if (data instanceof Blob) return data.size;
  return 0;
}

function parseFrame(data: unknown, maxDepth: number): ClientFrame | HttpProblem {
  if (typeof data !== 'string') {
    return new HttpProblem(400, 'invalid_input', 'frames are JSON text', [
      { path: 'frame', code: 'invalid_type', message: 'expected a text frame' },
    ]);
  }
  if (nestsDeeperThan(data, maxDepth)) {
    return new HttpProblem(400, 'invalid_input', 'the frame nests too deeply', [
      { path: 'frame', code: 'too_deep', message: `JSON may nest at most ${maxDepth} levels` },
    ]);
  }
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return new HttpProblem(400, 'invalid_input', 'the frame is not valid JSON', [
      { path: 'frame', code: 'invalid_json', message: 'not JSON' },
    ]);
  }
  const parsed = ClientFrame.safeParse(json);
  return parsed.success ? parsed.data : invalidInput('frame', parsed.error.issues);
}
