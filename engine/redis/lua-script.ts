/**
 * A Lua script run by its SHA1, loaded on first use. node-redis's
 * `defineScript` binds scripts to a client at creation; these scripts run
 * on whatever client the caller hands in, so they load themselves instead:
 * EVALSHA, and EVAL once when the server answers NOSCRIPT (a restarted or
 * flushed server forgets loaded scripts).
 */
import { createHash } from 'node:crypto';
import { ErrorReply } from 'redis';
import type { RedisConnection } from './redis-connection.js';

export class LuaScript {
  readonly sha: string;

  constructor(readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  async run(client: RedisConnection, keys: string[], args: string[]): Promise<unknown> {
    const options = { keys, arguments: args };
    try {
      return await client.evalSha(this.sha, options);
    } catch (err) {
      if (!(err instanceof ErrorReply) || !err.message.startsWith('NOSCRIPT')) throw err;
      return await client.eval(this.source, options);
    }
  }
}
