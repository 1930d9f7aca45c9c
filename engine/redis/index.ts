/**
 * Durability and scale-out on Redis: what servers and API nodes may use
 * from engine/redis. The key layout is in center-keys.ts.
 */
export { centerKeys, type CenterKeys } from './center-keys.js';
export {
  CommandConsumer,
  type CommandConsumerOptions,
  type Execute,
  type QueuedCommand,
} from './command-consumer.js';
export { CommandSender, type CommandSenderOptions } from './command-sender.js';
export { CommandRefusedError, CommandReply, CommandTimeoutError } from './command-stream.js';
export {
  EventStreamPublisher,
  eventStreamId,
  seqOfStreamId,
  type EventStreamPublisherOptions,
} from './event-stream-publisher.js';
export {
  EventStreamReader,
  type EventStreamReaderOptions,
  type ReadFrom,
} from './event-stream-reader.js';
export {
  FencedError,
  FencedWriter,
  RedisWriteError,
  type FencedWriterOptions,
  type WriteOp,
} from './fenced-writer.js';
export { Lease, type LeaseOptions, type Running } from './lease.js';
export {
  executeCommand,
  followRedisCenter,
  openRedisCenter,
  RedisReplica,
  type FollowOptions,
  type RedisCenter,
  type RedisCenterOptions,
} from './redis-center.js';
export {
  connectRedis,
  duplicateConnection,
  type RedisConnection,
  type RedisTarget,
} from './redis-connection.js';
export { RedisJournal, type RedisJournalOptions } from './redis-journal.js';
export { RedisStore, type RedisStoreOptions } from './redis-store.js';
export {
  ForwardedRequest,
  ForwardedResponse,
  forwardRequest,
  forwardResponse,
  requestOf,
  responseOf,
} from './forwarded-request.js';
export { RemoteSockets, serviceRestartCode, type RemoteSocketsOptions } from './remote-sockets.js';
export { RequestExecutor, type RequestExecutorOptions } from './request-executor.js';
