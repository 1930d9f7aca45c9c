import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../sim/virtual-clock.js';
import { ContactCenter } from '../center.js';
import { SqliteStore } from '../store/sqlite-store.js';
import { simpleConfig, T0 } from './harness.js';

describe('restarting the engine from its SQLite file', () => {
  it('keeps agents, customers, configuration and finished contact records', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'engine-restart-')), 'center.db');
    const clock = new VirtualClock(T0);
    const config = simpleConfig(2, { wrapUpSec: 0, strategy: 'round-robin' });
    const first = new ContactCenter({ config, clock, store: new SqliteStore({ path }) });
    first.login('a1');
    first.ready('a1');
    first.createContact({
      channel: 'chat',
      queueId: 'q',
      id: 'c1',
      customer: { name: '山田 花子', email: 'hanako@example.jp' },
    });
    clock.runUntil(T0 + 4_000);
    first.accept('a1', 'c1');
    first.end('a1', 'c1');
    first.stop();
    first.store.close();

    const second = new ContactCenter({
      config: { queues: [{ id: 'ignored' }] },
      clock,
      store: new SqliteStore({ path }),
    });

    expect(second.configuration.queues.map((q) => [q.id, q.strategy])).toEqual([
      ['q', 'round-robin'],
    ]);
    expect(second.agentIds()).toEqual(['a1', 'a2']);
    const record = second.store.getContact('c1')!;
    expect([record.outcome, record.answeredAt! - record.queuedAt, record.agentId]).toEqual([
      'completed',
      4_000,
      'a1',
    ]);
    expect(second.customerProfile('c1')!.customer).toMatchObject({
      name: '山田 花子',
      email: 'hanako@example.jp',
    });
    second.store.close();
  });
});
