/**
 * Live inspection of the actor system with `@statelyai/inspect`, enabled by
 * `INSPECT=1`: a local WebSocket bridge (port `INSPECT_PORT`, default
 * 8080) relays every actor, event and snapshot to the Stately inspector
 * page that the bridge prints and, with `INSPECT_OPEN=1`, opens.
 */
import { createWebSocketInspector } from '@statelyai/inspect';
import { createInspectorServer } from '@statelyai/inspect/server';
import type { InspectionEvent } from 'xstate';
import type { Logger } from './logger.js';

export interface Inspection {
  inspect: (event: InspectionEvent) => void;
  stop(): void;
}

export function inspectionFromEnv(env: NodeJS.ProcessEnv, logger: Logger): Inspection | undefined {
  if (env.INSPECT !== '1') return undefined;
  const port = Number(env.INSPECT_PORT ?? 8080);
  const server = createInspectorServer({ port, autoOpen: env.INSPECT_OPEN === '1' });
  const inspector = createWebSocketInspector({ url: `ws://127.0.0.1:${port}` });
  logger.info({ port }, 'actor inspection on; open the inspector page the bridge serves');
  return {
    inspect: (event) => inspector.inspect.next?.(event),
    stop() {
      inspector.stop();
      server.stop();
    },
  };
}
