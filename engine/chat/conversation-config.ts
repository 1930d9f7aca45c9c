/**
 * The settings of conversations and how they are read from the
 * environment: the ICE servers browsers use for calls (`ICE_SERVERS`, a
 * JSON array of RTCIceServer; none by default, which serves browsers that
 * reach each other directly), and how unreached callbacks are retried
 * (`CALLBACK_RETRIES`, default 2; `CALLBACK_RETRY_SEC`, default 900).
 */
import { z } from 'zod';

export const IceServer = z.strictObject({
  urls: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
  username: z.string().optional(),
  credential: z.string().optional(),
});
export type IceServer = z.infer<typeof IceServer>;

export interface ConversationConfig {
  iceServers: IceServer[];
  /** Retries of a callback nobody answered, after the first try. */
  callbackRetries: number;
  callbackRetryMs: number;
}

export const defaultConversationConfig: ConversationConfig = {
  iceServers: [],
  callbackRetries: 2,
  callbackRetryMs: 15 * 60_000,
};

const IceServersJson = z
  .string()
  .transform(function parseJson(text, ctx) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'ICE_SERVERS must be a JSON array' });
      return z.NEVER;
    }
  })
  .pipe(z.array(IceServer));

export const ConversationEnv = z
  .object({
    ICE_SERVERS: IceServersJson.optional(),
    CALLBACK_RETRIES: z.coerce.number().int().min(0).max(10).optional(),
    CALLBACK_RETRY_SEC: z.coerce.number().int().min(1).optional(),
  })
  .transform((env): ConversationConfig => ({
    iceServers: env.ICE_SERVERS ?? defaultConversationConfig.iceServers,
    callbackRetries: env.CALLBACK_RETRIES ?? defaultConversationConfig.callbackRetries,
    callbackRetryMs:
      env.CALLBACK_RETRY_SEC === undefined
        ? defaultConversationConfig.callbackRetryMs
        : env.CALLBACK_RETRY_SEC * 1000,
  }));
