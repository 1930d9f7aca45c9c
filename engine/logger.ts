/**
 * The logger the engine is given: pino's call shape (an object of fields,
 * then a message), so live code passes pino and tests pass a collector.
 */
import pino from 'pino';

type LogFn = (fields: object, message: string) => void;

export interface Logger {
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
}

export const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
};

/** A pino logger at `LOG_LEVEL` (default info), writing JSON lines. */
export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level });
}
