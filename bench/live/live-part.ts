/**
 * Live throughput and latency on loopback. In this process: the real
 * server with a bench configuration, and a bare Hono app on another port
 * as the baseline. Load comes from child processes: autocannon for the
 * sustained rate of contact creations, and a paced client that times each
 * contact from its POST to the offer arriving on the agent's WebSocket.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { measurement, type Measurement } from '../measurement.js';
import type { PartOutput } from '../part-output.js';
import type { BenchPlan, LivePlan } from '../plan.js';
import { AgentDesk } from './agent-desk.js';
import { startBareHono } from './bare-hono.js';
import { startBenchServer, type BenchServer } from './bench-server.js';
import type { CannonParams, CannonResult } from './cannon-client.js';
import { runClient } from './client-channel.js';
import type { LatencyParams, LatencyResult } from './latency-client.js';

const latencyTargetMs = 10;
const latencyTargetRate = 500;
const graceText = 'within the grace after sending';

export async function livePart(plan: BenchPlan, out: PartOutput): Promise<void> {
  const bench = await startBenchServer(plan.live.agents);
  const bare = await startBareHono();
  const desk = new AgentDesk(bench.server.center);

  try {
    await measureCreationRate(plan.live, bench.server.url, bare.url, out);
    await measureOfferLatency(plan.live, bench, bare.url, out);
    const { refused } = desk.counts;
    if (refused > 0) out.note('live', `the agent desk was refused ${refused} accepts`);
  } finally {
    desk.close();
    await bare.close();
    await bench.close();
  }
}

/** Contact creations per second under autocannon, next to bare Hono. */
async function measureCreationRate(
  plan: LivePlan,
  serverUrl: string,
  bareUrl: string,
  out: PartOutput,
): Promise<void> {
  const { connections, throughputSec } = plan;
  const cannon = (url: string, durationSec: number) =>
    runClient<CannonResult>(
      'live/cannon-client.ts',
      { url: `${url}/api/contacts`, connections, durationSec } satisfies CannonParams,
      durationSec * 1_000 + 30_000,
    );

  // Untimed first runs compile both servers' hot paths.
  await cannon(bareUrl, 1);
  await cannon(serverUrl, 1);
  // The baseline runs before and after; their mean is the baseline.
  const bareBefore = await cannon(bareUrl, throughputSec);
  const engine = await cannon(serverUrl, throughputSec);
  const bareAfter = await cannon(bareUrl, throughputSec);
  const bareRate = (bareBefore.perSecond + bareAfter.perSecond) / 2;

  out.measure(
    measurement(
      'live',
      'live.create',
      { label: 'POST /api/contacts, sustained', value: engine.perSecond, unit: 'req/s' },
      {
        baseline: { label: 'bare Hono JSON route', value: bareRate, unit: 'req/s' },
        target: { text: '≥ 0.5 × bare Hono', met: engine.perSecond / bareRate >= 0.5 },
        details: {
          connections,
          created: engine.ok,
          non2xx: engine.non2xx,
          errors: engine.errors,
          latencyP50Ms: engine.latencyP50Ms,
          latencyP99Ms: engine.latencyP99Ms,
          bareLatencyP99Ms: bareAfter.latencyP99Ms,
        },
      },
    ),
  );
  if (engine.non2xx + engine.errors > 0) {
    const { non2xx, errors } = engine;
    out.note('live', `POST /api/contacts: ${non2xx} non-2xx answers, ${errors} errors`);
  }
}

/** POST → offer on the agent's socket at each paced rate of the plan. */
async function measureOfferLatency(
  plan: LivePlan,
  bench: BenchServer,
  bareUrl: string,
  out: PartOutput,
): Promise<void> {
  for (const rate of plan.latencyRates) {
    const paced = (url: string, tokens: string[]) =>
      runClient<LatencyResult>(
        'live/latency-client.ts',
        { url, tokens, rate, durationSec: plan.latencySec } satisfies LatencyParams,
        plan.latencySec * 1_000 + 60_000,
      );
    const bareRound = await paced(bareUrl, []);
    // How long this process's event loop stalled while serving the run.
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const offers = await paced(bench.server.url, bench.tokens);
    loop.disable();
    const stalls = {
      loopDelayP99Ms: round(loop.percentile(99) / 1e6),
      loopDelayMaxMs: round(loop.max / 1e6),
    };

    latencyRows(rate, offers, bareRound, plan.agents, stalls).forEach((m) => out.measure(m));
    if (offers.matched < offers.sent) {
      out.note(
        'live',
        `@ ${rate}/s: ${offers.sent - offers.matched} of ${offers.sent} contacts had no offer timed ` +
          `(${offers.sent - offers.created} POSTs unanswered ${graceText})`,
      );
    }
  }
  if (!plan.latencyRates.some((r) => r >= latencyTargetRate)) {
    out.note('live', `the offer latency target is at ${latencyTargetRate}/s: see the full run`);
  }
}

/** p50 and p99 of one paced run, next to the bare round trip at that rate. */
function latencyRows(
  rate: number,
  offers: LatencyResult,
  bareRound: LatencyResult,
  agents: number,
  stalls: Record<string, number>,
): Measurement[] {
  const details = {
    ...stalls,
    rate,
    achievedRate: Math.round(offers.achievedRate),
    sent: offers.sent,
    created: offers.created,
    matched: offers.matched,
    failed: offers.failed,
    maxMs: round(offers.offerMaxMs),
    responseP50Ms: round(offers.responseP50Ms),
    responseP99Ms: round(offers.responseP99Ms),
    agents,
  };
  const row = (p: 50 | 99, value: number, bareValue: number) =>
    measurement(
      'live',
      `live.offer-latency.p${p}.${rate}`,
      { label: `POST → offer on agent socket, p${p} @ ${rate}/s`, value, unit: 'ms' },
      {
        baseline: { label: `bare Hono round trip p${p}`, value: bareValue, unit: 'ms' },
        target:
          p === 99 && rate >= latencyTargetRate
            ? {
                text: `p99 < ${latencyTargetMs} ms @ ${latencyTargetRate}/s`,
                met: value < latencyTargetMs,
              }
            : null,
        details,
      },
    );
  return [
    row(50, offers.offerP50Ms, bareRound.responseP50Ms),
    row(99, offers.offerP99Ms, bareRound.responseP99Ms),
  ];
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
