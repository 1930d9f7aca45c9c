/**
 * API nodes run commands on the engine through Redis: replies come once
 * the effects are stored, refusals carry the engine's code, and commands
 * sent while no engine runs wait and are applied once, at their time.
 */
import { describe, expect, it } from 'vitest';
import type { Command } from '../../engine/commands.js';
import { errorCodes } from '../../engine/errors.js';
import { centerKeys } from '../../engine/redis/center-keys.js';
import { CommandSender } from '../../engine/redis/command-sender.js';
import { CommandRefusedError, CommandTimeoutError } from '../../engine/redis/command-stream.js';
import { openRedisCenter } from '../../engine/redis/redis-center.js';
import { simpleConfig, T0 } from '../../engine/test/harness.js';
import { redisAnswers, suiteTitle, useRedis, type RedisTestContext } from './redis-test-kit.js';

const reachable = await redisAnswers();
const config = simpleConfig(1, { wrapUpSec: 10 });

function engine(redis: RedisTestContext, wallNow: () => number = () => Date.now()) {
  return openRedisCenter({
    client: redis.client,
    prefix: redis.prefix,
    token: null,
    config,
    wallNow,
  });
}

function sender(redis: RedisTestContext, now: () => number = () => Date.now()) {
  return CommandSender.open<Command>({
    client: redis.client,
    prefix: redis.prefix,
    now,
    timeoutMs: 2_000,
  });
}

describe.skipIf(!reachable)(suiteTitle('commands through Redis', reachable), () => {
  const redis = useRedis();

  it('applies a command from an API node and replies once its journal entry is stored', async () => {
    const center = await engine(redis);
    const api = await sender(redis);

    const result = await api.send({ type: 'agent.login', agentId: 'a1' });
    const journaled = await redis.client.xLen(centerKeys(redis.prefix).journal);
    const created = await api.send({
      type: 'contact.create',
      request: { id: 'c1', channel: 'chat', queueId: 'q' },
    });

    expect(result).toBeNull();
    expect(journaled).toBe(1);
    expect(center.center.agentStatus('a1').state).not.toBe('loggedOut');
    expect(created).toMatchObject({ kind: 'queued', contactId: 'c1' });
    await api.close();
    await center.stop();
  });

  it('answers a refused command with the engine error code, and a malformed one as invalid', async () => {
    const center = await engine(redis);
    const api = await sender(redis);

    const refused = await api
      .send({ type: 'agent.accept', agentId: 'a1', contactId: 'nobody' })
      .catch((e: unknown) => e);
    const invalid = await api
      .send({ type: 'agent.login' } as unknown as Command)
      .catch((e: unknown) => e);

    expect(refused).toBeInstanceOf(CommandRefusedError);
    expect(errorCodes).toContain((refused as CommandRefusedError).code);
    expect((refused as Error).message).toMatch(/nobody/);
    expect(invalid).toMatchObject({ code: 'invalid_command' });
    expect((invalid as Error).message).toMatch(/agentId/);
    await api.close();
    await center.stop();
  });

  it('closes a contact whose customer hung up while no engine ran, instead of offering it', async () => {
    let wall = T0;
    const first = await engine(redis, () => wall);
    first.center.login('a1');
    first.center.ready('a1');
    first.center.createContact({ id: 'c1', channel: 'voice', queueId: 'q' });
    wall = T0 + 2_000;
    first.center.accept('a1', 'c1');
    wall = T0 + 5_000;
    first.center.end('a1', 'c1'); // wrap-up until T0 + 15 s
    wall = T0 + 6_000;
    first.center.createContact({ id: 'c2', channel: 'voice', queueId: 'q' });
    await first.writer.flush();
    first.clock.stop(); // the engine dies
    first.writer.abandon();
    await first.commands.stop();

    wall = T0 + 8_000;
    const api = await sender(redis, () => wall);
    const hangup = await api
      .send({ type: 'contact.abandon', contactId: 'c2' }, 300)
      .catch((e: unknown) => e);
    wall = T0 + 60_000;
    const second = await engine(redis, () => wall);
    await second.stop();
    const third = await engine(redis, () => wall);

    expect(hangup).toBeInstanceOf(CommandTimeoutError);
    expect(second.caughtUp).toBe(1);
    expect(second.store.getContact('c2')).toMatchObject({
      outcome: 'abandoned',
      abandonedAt: T0 + 8_000,
      offers: [],
    });
    expect(second.center.agentStatus('a1')).toMatchObject({
      state: 'ready',
      stateSince: T0 + 15_000,
    });
    expect(third.caughtUp).toBe(0);
    expect(
      [...third.journal.entries()]
        .filter((e) => e.command.type === 'contact.abandon')
        .map((e) => e.at),
    ).toEqual([T0 + 8_000]);
    await api.close();
    await third.stop();
  });
});
