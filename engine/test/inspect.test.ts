import { createWebSocketReceiver, type StatelyInspectionEvent } from '@statelyai/inspect';
import { describe, expect, it } from 'vitest';
import { inspectionFromEnv } from '../inspect.js';
import { silentLogger } from '../logger.js';
import { harness, simpleConfig } from './harness.js';

describe('inspection with INSPECT=1', () => {
  it('is off unless asked for', () => {
    expect(inspectionFromEnv({}, silentLogger)).toBeUndefined();
  });

  it('relays every contact, agent and queue actor of one system to a connected inspector', async () => {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const inspection = inspectionFromEnv(
      { INSPECT: '1', INSPECT_PORT: String(port) },
      silentLogger,
    )!;
    const receiver = createWebSocketReceiver({ server: `ws://127.0.0.1:${port}` });
    const seen: StatelyInspectionEvent[] = [];
    receiver.subscribe((e) => seen.push(e));
    await new Promise((r) => setTimeout(r, 300));

    const h = harness(simpleConfig(1), { inspect: inspection.inspect });
    h.ready('a1');
    h.center.createContact({ channel: 'chat', queueId: 'q', id: 'c1' });
    await expect
      .poll(() => seen.filter((e) => e.type === '@xstate.actor').length, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(4);
    inspection.stop();

    const actors = seen.filter((e) => e.type === '@xstate.actor');
    const roots = new Set(actors.map((e) => e.rootId));
    expect(roots.size).toBe(1);
    const definitions = actors.map((e) =>
      'definition' in e && e.definition ? JSON.parse(e.definition).id : null,
    );
    expect(definitions).toEqual(expect.arrayContaining(['center', 'queue', 'agent', 'contact']));
  });
});
