/** A state-changing request is answered only once the store says its writes are durable. */
import { OpenAPIHono } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { FencedError } from '../redis/fenced-writer.js';
import { MemoryStore } from '../store/memory-store.js';
import { harness, T0 } from '../test/harness.js';
import { collectingLogger, kitConfig } from './api-test-kit.js';
import type { AppEnv } from './app-env.js';
import { createApp } from './create-app.js';
import { durableWrites, flushOf } from './durable-writes.js';
import { errorHandler } from './error-handler.js';

/** A flush the test settles by hand. */
function heldFlush() {
  const calls: { resolve: () => void; reject: (err: Error) => void }[] = [];
  const flush = () => new Promise<void>((resolve, reject) => void calls.push({ resolve, reject }));
  return { flush, calls };
}

function appWith(flush: () => Promise<void>) {
  const app = new OpenAPIHono<AppEnv>();
  app.onError(errorHandler(collectingLogger().logger));
  app.use(durableWrites(flush));
  app.post('/change', (c) => c.json({ done: true }, 201));
  app.get('/read', (c) => c.json({ read: true }));
  return app;
}

/** Whether a promise has settled after the event loop ran once more. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((r) => setTimeout(r, 5));
  return done;
}

describe('durable writes', () => {
  it("answers a POST only after the store's flush resolves", async () => {
    const held = heldFlush();
    const app = appWith(held.flush);

    const answer = Promise.resolve(app.request('/change', { method: 'POST' }));
    const early = await settled(answer);
    held.calls[0]!.resolve();
    const res = await answer;

    expect(early).toBe(false);
    expect(res.status).toBe(201);
  });

  it('answers a GET without waiting for the store', async () => {
    const held = heldFlush();
    const app = appWith(held.flush);

    const res = await app.request('/read');

    expect(res.status).toBe(200);
    expect(held.calls).toHaveLength(0);
  });

  it('answers 503 engine_deposed when another engine fenced this one off', async () => {
    const app = appWith(() => Promise.reject(new FencedError('token 1 is not the current one')));

    const res = await app.request('/change', { method: 'POST' });

    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(await res.json()).toMatchObject({ code: 'engine_deposed' });
  });

  it('answers 503 not_durable when Redis refused the writes for another reason', async () => {
    const app = appWith(() => Promise.reject(new Error('redis refused a batch')));

    const res = await app.request('/change', { method: 'POST' });

    expect(await res.json()).toMatchObject({ status: 503, code: 'not_durable' });
  });

  it('is part of the API only for a store that writes behind', async () => {
    const flushing = Object.assign(new MemoryStore(() => T0), {
      flush: () => Promise.reject(new FencedError('deposed')),
    });
    const plain = new MemoryStore(() => T0);
    const body = JSON.stringify({
      channel: 'chat',
      queueId: 'billing',
      customer: { name: 'Zoe', email: 'zoe@example.com' },
    });
    const create = (store: MemoryStore) =>
      createApp({
        center: harness(kitConfig, { store }).center,
        store,
        logger: collectingLogger().logger,
      }).app.request('/api/contacts', {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json' },
      });

    const [refused, accepted] = await Promise.all([create(flushing), create(plain)]);

    expect(flushOf(plain)).toBeNull();
    expect(refused.status).toBe(503);
    expect(accepted.status).toBe(201);
  });
});
