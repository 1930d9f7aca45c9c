/**
 * How many agents a queue needs: the square-root staffing rule of thumb,
 * and an exact search for the fewest agents that meet a service-level
 * target under Erlang C, or Erlang A when customers abandon.
 */
import { erlangA, erlangCMetrics } from './erlang.js';

/**
 * Square-root staffing: n = R + beta·√R, rounded up, where R is the
 * offered load in Erlangs and beta buys quality of service.
 */
export function squareRootStaffing(
  offeredLoadErlangs: number,
  beta: number,
): number {
  if (!(offeredLoadErlangs >= 0 && Number.isFinite(offeredLoadErlangs))) {
    throw new RangeError(
      `Offered load must be a non-negative number of Erlangs, not ${offeredLoadErlangs}.`,
    );
  }
  if (!Number.isFinite(beta)) {
    throw new RangeError(`Beta must be a finite number, not ${beta}.`);
  }

  const agents = offeredLoadErlangs + beta * Math.sqrt(offeredLoadErlangs);
  return Math.max(0, Math.ceil(agents));
}

/**
 * The fewest agents answering at least `targetSL` of customers within
 * `thresholdSec`. Without `patienceMeanSec` customers wait forever
 * (Erlang C); with it they abandon after exponential patience
 * (Erlang A), and abandoned customers count as missed.
 */
export function minAgentsForServiceLevel(
  arrivalRatePerSec: number,
  ahtSec: number,
  targetSL: number,
  thresholdSec: number,
  patienceMeanSec?: number,
): number {
  if (!(targetSL > 0 && targetSL < 1)) {
    throw new RangeError(
      `Target service level must lie strictly between 0 and 1, not ${targetSL}.`,
    );
  }

  const serviceLevel = (agents: number): number => {
    const load = { arrivalRatePerSec, ahtSec, agents };
    const metrics =
      patienceMeanSec === undefined
        ? erlangCMetrics(load)
        : erlangA({ ...load, patienceMeanSec });
    return metrics.serviceLevel(thresholdSec);
  };
  const meets = (agents: number) => serviceLevel(agents) >= targetSL;

  // Erlang C is unstable at or below the offered load, so start above
  // it; abandonment keeps Erlang A stable with any number of agents.
  const load = arrivalRatePerSec * ahtSec;
  let low = patienceMeanSec === undefined ? Math.floor(load) + 1 : 1;
  if (meets(low)) return low;

  // Service level grows with agents: gallop to a passing count, then
  // bisect between the last failing and the first passing one.
  let step = Math.max(1, Math.ceil(Math.sqrt(load)));
  let high = low + step;
  while (!meets(high)) {
    low = high;
    step *= 2;
    high = low + step;
    if (high > MAX_AGENTS) {
      throw new RangeError(
        `No staffing up to ${MAX_AGENTS} agents answers ${targetSL} within ${thresholdSec} s.`,
      );
    }
  }

  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (meets(middle)) high = middle;
    else low = middle;
  }
  return high;
}

/** Beyond this the question is not a staffing one. */
const MAX_AGENTS = 10_000_000;
