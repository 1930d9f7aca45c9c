/**
 * What a live socket does with the frames a client sends: every frame type
 * against every kind of caller, and the limits on size, rate and sessions.
 */
import { describe, expect, it } from 'vitest';
import { permissions } from '../auth/authorize.js';
import type { Principal } from '../auth/principal.js';
import { apiKit, type ApiKit } from './api-test-kit.js';
import { conversationRelay } from './live/conversation-relay.js';
import type { LiveClient } from './live/live-hub.js';
import { ClientFrame, type ServerMessage } from './live/live-messages.js';
import { framePermissions, LiveSocket } from './live/live-socket.js';

class FakeClient implements LiveClient {
  readonly messages: ServerMessage[] = [];
  closed: { code: number; reason: string } | null = null;

  constructor(readonly principal: Principal) {}

  send(text: string): void {
    this.messages.push(JSON.parse(text) as ServerMessage);
  }

  bufferedAmount(): number {
    return 0;
  }

  close(code: number, reason: string): void {
    this.closed = { code, reason };
  }
}

/** A socket wired as /api/ws wires it, for the holder of `token`, already caught up. */
function open(k: ApiKit, token: string) {
  const client = new FakeClient(k.api.sessions.resolve(token)!);
  const socket = new LiveSocket(
    {
      hub: k.api.hub,
      sessions: k.api.sessions,
      now: () => k.clock.now(),
      maxFrameBytes: k.api.security.liveMaxFrameBytes,
      framesPerSecond: k.api.security.liveFramesPerSecond,
      maxJsonDepth: k.api.security.maxJsonDepth,
      conversations: conversationRelay(k.api.hub, k.api.conversations),
    },
    client,
  );
  k.api.hub.attach(client, k.api.hub.lastSeq);
  return { client, socket, send: (frame: unknown) => socket.receive(JSON.stringify(frame)) };
}

const frameTypes = ClientFrame.options.map((o) => o.shape.type.value);
type FrameType = ClientFrame['type'];
const callers = ['customer', 'otherCustomer', 'agent1', 'agent2', 'sup', 'admin'] as const;
type Who = (typeof callers)[number];
const parties: Who[] = ['customer', 'agent1'];

/**
 * Each frame type: an example about contact `c`, and who may send it. The
 * others get an error with status 403 and change nothing. Chat and call
 * frames are judged per contact by engine/chat (the two parties; staff may
 * read and whisper in a chat, not join a call).
 */
interface FrameCase {
  example: (c: string) => object;
  allowed: readonly Who[];
  /** The message that shows it worked, to the sender or the other party; null: no visible effect. */
  proof: ServerMessage['kind'] | null;
}

const frames: Record<FrameType, FrameCase> = {
  ping: { example: () => ({ type: 'ping' }), allowed: callers, proof: 'pong' },
  resync: { example: () => ({ type: 'resync' }), allowed: callers, proof: 'snapshot' },
  'chat.send': {
    example: (c) => ({ type: 'chat.send', contactId: c, clientId: 'k1', text: 'hello' }),
    allowed: [...parties, 'sup', 'admin'],
    proof: 'chat.ack',
  },
  'chat.resume': {
    example: (c) => ({ type: 'chat.resume', contactId: c, after: 0 }),
    allowed: [...parties, 'sup', 'admin'],
    proof: 'chat.resumed',
  },
  'chat.typing': {
    example: (c) => ({ type: 'chat.typing', contactId: c }),
    allowed: parties,
    proof: 'chat.typing',
  },
  // Leaving a chat one does not watch is a no-op, for anyone.
  'chat.leave': {
    example: (c) => ({ type: 'chat.leave', contactId: c }),
    allowed: callers,
    proof: null,
  },
  'rtc.offer': {
    example: (c) => ({ type: 'rtc.offer', contactId: c, payload: { type: 'offer', sdp: 'v=0' } }),
    allowed: parties,
    proof: 'rtc.signal',
  },
  'rtc.answer': {
    example: (c) => ({
      type: 'rtc.answer',
      contactId: c,
      payload: { type: 'answer', sdp: 'v=0' },
    }),
    allowed: parties,
    proof: 'rtc.signal',
  },
  'rtc.ice': {
    example: (c) => ({
      type: 'rtc.ice',
      contactId: c,
      payload: { candidate: 'candidate:1 1 udp 1 10.0.0.1 9 typ host' },
    }),
    allowed: parties,
    proof: 'rtc.signal',
  },
  'rtc.media': {
    example: (c) => ({ type: 'rtc.media', contactId: c, event: 'connected' }),
    allowed: parties,
    proof: 'rtc.media',
  },
};

/** A voice contact c connected to a1, d waiting; a token for each caller. */
async function scene(k: ApiKit) {
  k.ready('a1');
  const c = await k.newContact({
    channel: 'voice',
    customer: { name: 'Cat', email: 'cat@example.com' },
  });
  k.center.accept('a1', c.contactId);
  const d = await k.newContact({ customer: { name: 'Dan', email: 'dan@example.com' } });
  return {
    c,
    d,
    tokens: {
      customer: c.token,
      otherCustomer: d.token,
      agent1: await k.login('agent1'),
      agent2: await k.login('agent2'),
      sup: await k.login('sup'),
      admin: await k.login('admin'),
    } satisfies Record<Who, string>,
  };
}

const matrix = frameTypes.flatMap((type) =>
  callers.map((who) => ({ type, who, allowed: frames[type].allowed.includes(who) })),
);

describe('client frames', () => {
  it('each have a permission of their own in the authorization module', () => {
    expect(Object.keys(framePermissions).sort()).toEqual([...frameTypes].sort());
    expect(Object.keys(frames).sort()).toEqual([...frameTypes].sort());
    for (const permission of Object.values(framePermissions))
      expect(permissions).toContain(permission);
  });

  it.each(matrix.filter((x) => x.allowed))('$type is answered for $who', async ({ type, who }) => {
    const k = await apiKit();
    const s = await scene(k);
    const others = [open(k, s.tokens.customer), open(k, s.tokens.agent1)];
    const { client, send } = open(k, s.tokens[who]);

    send(frames[type].example(s.c.contactId));

    const kinds = [client, ...others.map((o) => o.client)].flatMap((x) =>
      x.messages.map((m) => m.kind),
    );
    expect(client.closed).toBeNull();
    expect(client.messages.filter((m) => m.kind === 'error')).toEqual([]);
    if (frames[type].proof) expect(kinds).toContain(frames[type].proof);
    // Whatever comes back stays within what the caller may see.
    const seen = JSON.stringify(client.messages);
    if (who === 'customer') expect(seen).not.toContain(s.d.contactId);
    if (who === 'agent1') expect(seen).not.toContain(s.d.token);
  });

  it.each(matrix.filter((x) => !x.allowed))(
    '$type is refused to $who with 403, reaching nobody and changing nothing',
    async ({ type, who }) => {
      const k = await apiKit();
      const s = await scene(k);
      const customer = open(k, s.tokens.customer);
      const agent = open(k, s.tokens.agent1);
      const { client, send } = open(k, s.tokens[who]);
      const before = k.fingerprint();

      send(frames[type].example(s.c.contactId));

      expect(client.messages.map((m) => m.kind === 'error' && m.problem.status)).toEqual([403]);
      expect([customer.client.messages, agent.client.messages]).toEqual([[], []]);
      expect(k.fingerprint()).toBe(before);
    },
  );

  it('are refused once the session behind the socket has ended: the socket closes with 1008', async () => {
    const k = await apiKit();
    const { client, send } = open(k, await k.login('sup'));
    // Ended behind the hub's back, as expiry does: the socket is still open.
    k.api.sessions.end(client.principal);

    send({ type: 'ping' });

    expect(client.messages).toEqual([]);
    expect(client.closed?.code).toBe(1008);
  });

  it('that are not valid get an error naming the field, and the socket stays open', async () => {
    const k = await apiKit();
    const { client, socket, send } = open(k, await k.login('sup'));

    send({ type: 'shout' });
    send({ type: 'resync', since: -1 });
    socket.receive('{"type":');
    socket.receive('['.repeat(25) + ']'.repeat(25));
    socket.receive(new Uint8Array([1, 2, 3]).buffer);

    const issues = client.messages.map((m) =>
      m.kind === 'error' ? m.problem.issues?.[0]?.path + ' ' + m.problem.issues?.[0]?.code : m.kind,
    );
    expect(issues).toEqual([
      'frame.type invalid_union',
      'frame.since too_small',
      'frame invalid_json',
      'frame too_deep',
      'frame invalid_type',
    ]);
    expect(client.closed).toBeNull();
  });
});

describe('live socket limits', () => {
  it('closes a socket with 1008 on the 21st frame within a second', async () => {
    const k = await apiKit();
    const { client, send } = open(k, await k.login('sup'));

    for (let i = 0; i < 21; i++) send({ type: 'ping' });

    expect(client.messages.filter((m) => m.kind === 'pong')).toHaveLength(20);
    expect(client.closed).toEqual({ code: 1008, reason: 'too many frames' });
    expect(k.api.hub.size).toBe(0);
  });

  it('keeps a socket that sends 20 frames a second for a minute', async () => {
    const k = await apiKit();
    const { client, send } = open(k, await k.login('sup'));

    for (let i = 0; i < 1_200; i++) {
      send({ type: 'ping' });
      k.advance(50);
    }

    expect(client.closed).toBeNull();
    expect(client.messages).toHaveLength(1_200);
  });

  it('closes a socket with 1009 when a frame is over 16 KiB', async () => {
    const k = await apiKit();
    const { client, socket } = open(k, await k.login('sup'));

    socket.receive(JSON.stringify({ type: 'ping', pad: 'x'.repeat(16 * 1024) }));

    expect(client.messages).toEqual([]);
    expect(client.closed?.code).toBe(1009);
  });
});
