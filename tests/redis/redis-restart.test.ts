/**
 * Redis itself crashes and comes back (on a server of the test's own,
 * with an fsynced append-only file): the engine's writer, the API node's
 * command sender and event reader all recover by themselves, and nothing
 * is lost, delivered twice or applied twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Command } from '../../engine/commands.js';
import { Command as CommandSchema } from '../../engine/commands.js';
import { centerKeys } from '../../engine/redis/center-keys.js';
import { CommandSender } from '../../engine/redis/command-sender.js';
import { EventStreamReader } from '../../engine/redis/event-stream-reader.js';
import { FencedWriter } from '../../engine/redis/fenced-writer.js';
import { Lease } from '../../engine/redis/lease.js';
import { openRedisCenter } from '../../engine/redis/redis-center.js';
import { connectRedis } from '../../engine/redis/redis-connection.js';
import { RedisJournal } from '../../engine/redis/redis-journal.js';
import { simpleConfig } from '../../engine/test/harness.js';
import { OwnRedisServer, redisServerInstalled } from './own-redis-server.js';
import { collectingLogger, eventually, uniquePrefix } from './redis-test-kit.js';

const installed = redisServerInstalled();
const title = 'a Redis restart';

describe.skipIf(!installed)(
  installed ? title : `${title} (skipped: no redis-server binary to start one of our own)`,
  () => {
    let server: OwnRedisServer;
    beforeAll(async () => {
      server = await OwnRedisServer.start();
    });
    afterAll(async () => {
      await server?.remove();
    });

    it('loses nothing acknowledged and applies nothing twice while Redis is killed and restarted', async () => {
      const logger = collectingLogger();
      const client = await connectRedis(server.url, { logger, name: 'engine' });
      const apiClient = await connectRedis(server.url, { logger, name: 'api' });
      const prefix = uniquePrefix();
      const keys = centerKeys(prefix);
      const token = await new Lease({ client, prefix }).acquire('engine-1', 60_000);
      const engine = await openRedisCenter({
        client,
        prefix,
        token,
        config: simpleConfig(2),
        logger,
      });
      const published: number[] = [];
      engine.center.subscribe((e) => published.push(e.seq));
      const api = await CommandSender.open<Command>({
        client: apiClient,
        prefix,
        timeoutMs: 8_000,
        logger,
      });
      const delivered: number[] = [];
      const reader = new EventStreamReader({
        client: apiClient,
        prefix,
        from: { seq: 0 },
        blockMs: 200,
        logger,
        onEvent: (e) => void delivered.push(e.seq),
      });
      await reader.start();
      await api.send({ type: 'agent.login', agentId: 'a1' });
      await api.send({ type: 'agent.ready', agentId: 'a1' });

      engine.center.login('a2'); // applied in memory; its batch is on its way
      await Promise.resolve();
      await server.kill();
      const whileDown = api.send({
        type: 'contact.create',
        request: { id: 'c1', channel: 'chat', queueId: 'q' },
      });
      await new Promise((r) => setTimeout(r, 300));
      await server.restart();
      const created = await whileDown;
      await engine.writer.flush();
      await eventually(
        () => delivered.length === published.length,
        8_000,
        'the reader to catch up',
      );
      const journal = (await client.xRange(keys.journal, '-', '+')) ?? [];
      const commands = (await client.xRange(keys.commands, '-', '+')) ?? [];

      expect(created).toMatchObject({ kind: 'offered', contactId: 'c1' });
      expect(delivered).toEqual(published);
      expect(
        journal.map((m) => [m.id, CommandSchema.parse(JSON.parse(String(m.message.command))).type]),
      ).toEqual([
        ['1-0', 'agent.login'],
        ['2-0', 'agent.ready'],
        ['3-0', 'agent.login'],
        ['4-0', 'contact.create'],
      ]);
      expect(await client.get(keys.commandsApplied)).toBe(commands.at(-1)?.id);
      expect(engine.writer.stopped).toBeNull();
      await reader.stop();
      await api.close();
      await engine.stop();
      client.destroy();
      apiClient.destroy();
    });

    it('sends a batch again when its connection drops before the reply, and it lands once', async () => {
      // CLIENT PAUSE holds the batch on the server; only our own server may be paused.
      const logger = collectingLogger();
      const admin = await connectRedis(server.url);
      const client = await connectRedis(server.url, { logger, name: 'writer-under-test' });
      const prefix = uniquePrefix();
      const writer = new FencedWriter({
        client,
        fenceKey: centerKeys(prefix).fence,
        token: null,
        logger,
      });
      const journal = await RedisJournal.open({ client, prefix, writer });
      await admin.sendCommand(['CLIENT', 'PAUSE', '2000', 'WRITE']);

      journal.append(1_000, { type: 'agent.login', agentId: 'a1' });
      await new Promise((r) => setTimeout(r, 100)); // the batch is on the wire, held
      const [victim] = (await admin.clientList()).filter((c) => c.name === 'writer-under-test');
      await admin.sendCommand(['CLIENT', 'KILL', 'ID', String(victim?.id)]);
      await admin.sendCommand(['CLIENT', 'UNPAUSE']);
      await journal.flush();
      const reread = await RedisJournal.open({ client: admin, prefix });

      expect(
        logger.lines.filter((l) => l.message === 'redis batch failed; sending it again'),
      ).toHaveLength(1);
      expect([...reread.entries()].map((e) => [e.n, e.command.type])).toEqual([[1, 'agent.login']]);
      client.destroy();
      admin.destroy();
    });
  },
);
