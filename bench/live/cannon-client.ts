/**
 * Child process: autocannon against one URL at full speed for a while,
 * POSTing a new contact each time, and reports the sustained rate of 2xx
 * answers. Usage: cannon-client.ts '{"url":…,"connections":…,"durationSec":…}'.
 */
import autocannon from 'autocannon';
import { reportResult } from './client-channel.js';
import { newContactBody } from './contact-body.js';

export interface CannonParams {
  url: string;
  connections: number;
  durationSec: number;
}

export interface CannonResult {
  ok: number;
  non2xx: number;
  errors: number;
  durationSec: number;
  /** 2xx answers per second over the run. */
  perSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
}

async function main(): Promise<void> {
  const params = JSON.parse(process.argv[2] ?? '{}') as CannonParams;
  const result = await autocannon({
    url: params.url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: newContactBody,
    connections: params.connections,
    duration: params.durationSec,
  });
  const summary: CannonResult = {
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    durationSec: result.duration,
    perSecond: result['2xx'] / result.duration,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
  };
  reportResult(summary);
}

await main();
