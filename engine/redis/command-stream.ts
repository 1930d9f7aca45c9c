/**
 * The wire format between API nodes and the engine: commands travel on
 * the center's `commands` stream, replies on a list per sender. Shared by
 * command-sender.ts (API node) and command-consumer.ts (engine).
 */
import { z } from 'zod';

/** Fields of one entry of the commands stream. */
export interface CommandEntryFields {
  /** Unique per send; the reply carries it back. */
  request: string;
  /** The sender whose reply list gets the answer. */
  replyTo: string;
  /** The sender's clock when sent, epoch ms. */
  sentAt: string;
  /** The command, JSON. */
  command: string;
}

export const CommandReply = z.discriminatedUnion('ok', [
  z.object({ request: z.string(), ok: z.literal(true), result: z.unknown().optional() }),
  z.object({
    request: z.string(),
    ok: z.literal(false),
    error: z.object({ code: z.string(), message: z.string() }),
  }),
]);
export type CommandReply = z.infer<typeof CommandReply>;

/** The engine refused the command; `code` is an EngineErrorCode or `invalid_command`/`internal`. */
export class CommandRefusedError extends Error {
  override readonly name = 'CommandRefusedError';

  constructor(
    readonly code: string,
    message: string,
    readonly request: string,
  ) {
    super(message);
  }
}

/** No reply in time: the command may still be applied later, once. */
export class CommandTimeoutError extends Error {
  override readonly name = 'CommandTimeoutError';

  constructor(
    readonly request: string,
    readonly commandType: string,
    timeoutMs: number,
  ) {
    super(
      `no reply to ${commandType} (request ${request}) within ${timeoutMs} ms: no engine is running the center, ` +
        'or it is busy; the command stays queued and is applied once when an engine runs it',
    );
  }
}
