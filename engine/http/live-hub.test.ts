/** The live hub: who receives which event, replay, snapshots and slow clients. */
import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth/principal.js';
import { silentLogger } from '../logger.js';
import { apiKit, type ApiKit } from './api-test-kit.js';
import { LiveHub, type LiveClient } from './live/live-hub.js';
import type { ServerMessage } from './live/live-messages.js';

class FakeClient implements LiveClient {
  readonly messages: ServerMessage[] = [];
  buffered = 0;
  closed: { code: number; reason: string } | null = null;
  failing = false;

  constructor(readonly principal: Principal) {}

  send(text: string): void {
    if (this.failing) throw new Error('socket broke');
    this.messages.push(JSON.parse(text) as ServerMessage);
  }

  bufferedAmount(): number {
    return this.buffered;
  }

  close(code: number, reason: string): void {
    this.closed = { code, reason };
  }

  /** "type@contact-or-agent" of each event received. */
  events(): string[] {
    return this.messages.flatMap((m) => {
      if (m.kind !== 'event') return [];
      const e = m.event as { type: string; contactId?: string; agentId?: string };
      return [`${e.type}@${e.contactId ?? e.agentId}`];
    });
  }
}

async function principalOf(k: ApiKit, username: string): Promise<Principal> {
  return k.api.sessions.resolve(await k.login(username))!;
}

describe('the live hub', () => {
  it('sends a supervisor every domain event, in seq order', async () => {
    const k = await apiKit();
    const sup = new FakeClient(await principalOf(k, 'sup'));
    k.api.hub.attach(sup, k.api.hub.lastSeq);

    k.ready('a1', 'a3');
    const { contactId } = await k.newContact();
    k.center.accept('a1', contactId);

    const seqs = sup.messages.map((m) => (m.kind === 'event' ? m.event.seq : -1));
    expect(seqs).toEqual(k.events.map((e) => e.seq));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  });

  it("sends an agent its own events and its offers', including the customer leaving, and no one else's", async () => {
    const k = await apiKit();
    const a1 = new FakeClient(await principalOf(k, 'agent1'));
    k.api.hub.attach(a1, k.api.hub.lastSeq);

    k.ready('a1', 'a3');
    const { contactId } = await k.newContact();
    await k.newContact({ queueId: 'sales' });
    k.center.abandon(contactId);

    expect(a1.events()).toEqual([
      'agent.state@a1',
      'agent.state@a1',
      `contact.offered@${contactId}`,
      'agent.state@a1',
      `contact.abandoned@${contactId}`,
      `contact.offer_ended@${contactId}`,
      'agent.state@a1',
    ]);
  });

  it('sends a customer the events of its own contact, without agent ids', async () => {
    const k = await apiKit();
    k.ready('a1');
    const mine = await k.newContact();
    const other = await k.newContact();
    const customer = new FakeClient(k.api.sessions.resolve(mine.token)!);
    k.api.hub.attach(customer, k.api.hub.lastSeq);

    k.center.accept('a1', mine.contactId);
    k.center.hold('a1', mine.contactId, true);
    k.center.end('a1', mine.contactId);

    expect(customer.events()).toEqual(
      ['contact.offer_ended', 'contact.connected', 'contact.held', 'contact.ended'].map(
        (t) => `${t}@${mine.contactId}`,
      ),
    );
    expect(JSON.stringify(customer.messages)).not.toMatch(/a1|agentId/);
    expect(JSON.stringify(customer.messages)).not.toContain(other.contactId);
  });

  it('replays what a reconnecting client missed, filtered for it', async () => {
    const k = await apiKit();
    const a3 = await principalOf(k, 'agent3');
    k.ready('a1');
    const seen = k.api.hub.lastSeq;
    k.ready('a3');
    await k.newContact({ queueId: 'sales' });

    const back = new FakeClient(a3);
    k.api.hub.attach(back, seen);

    expect(back.events()).toEqual([
      'agent.state@a3',
      'agent.state@a3',
      expect.stringMatching(/^contact.offered@/),
      'agent.state@a3',
    ]);
  });

  it('sends a snapshot when the missed events have left the ring', async () => {
    const k = await apiKit();
    const hub = new LiveHub({
      center: k.center,
      logger: silentLogger,
      snapshot: (p) => ({ for: p.kind }),
      ringSize: 2,
    });
    k.ready('a1', 'a2', 'a3');

    const late = new FakeClient(await principalOf(k, 'sup'));
    hub.attach(late, 1);

    expect(late.messages).toEqual([{ kind: 'snapshot', seq: hub.lastSeq, state: { for: 'user' } }]);
    hub.dispose();
  });

  it('starts a new client from a snapshot of what it may see', async () => {
    const k = await apiKit();
    k.ready('a1');
    const { token } = await k.newContact();
    const customer = new FakeClient(k.api.sessions.resolve(token)!);
    const agent = new FakeClient(await principalOf(k, 'agent1'));

    k.api.hub.attach(customer, null);
    k.api.hub.attach(agent, null);

    expect(customer.messages[0]).toMatchObject({
      kind: 'snapshot',
      state: { contact: { state: 'offered', agentId: null } },
    });
    expect(agent.messages[0]).toMatchObject({
      kind: 'snapshot',
      state: { agent: { agentId: 'a1', state: 'ringing' } },
    });
  });

  it('closes a client that falls too far behind, and keeps serving the others', async () => {
    const k = await apiKit();
    const slow = new FakeClient(await principalOf(k, 'sup'));
    const fast = new FakeClient(await principalOf(k, 'admin'));
    k.api.hub.attach(slow, k.api.hub.lastSeq);
    k.api.hub.attach(fast, k.api.hub.lastSeq);

    slow.buffered = 2 << 20;
    k.ready('a1');

    expect(slow.closed?.code).toBe(1013);
    expect(slow.messages).toHaveLength(0);
    expect(fast.events()).toEqual(['agent.state@a1', 'agent.state@a1']);
    expect(k.api.hub.size).toBe(1);
  });

  it('drops a client whose socket throws, and the engine carries on', async () => {
    const k = await apiKit();
    const broken = new FakeClient(await principalOf(k, 'sup'));
    k.api.hub.attach(broken, k.api.hub.lastSeq);

    broken.failing = true;
    k.ready('a1');

    expect(broken.closed?.code).toBe(1001);
    expect(k.center.agentStatus('a1').state).toBe('ready');
  });

  it('closes every client with 1001 when it is disposed', async () => {
    const k = await apiKit();
    const client = new FakeClient(await principalOf(k, 'sup'));
    k.api.hub.attach(client, null);

    k.api.close();

    expect(client.closed).toEqual({ code: 1001, reason: 'server shutting down' });
  });
});
