/**
 * Closed-form queueing results for one skill group: Erlang B (blocked
 * calls lost), Erlang C (M/M/n, everyone waits) and Erlang A (M/M/n+M,
 * customers abandon after an exponential patience). The simulator's
 * golden runs and the staffing helper check themselves against these.
 *
 * Everything is computed by recursions or in log space, never with
 * factorials, so 10,000 agents cost a few milliseconds and never
 * overflow.
 */

/** Offered traffic on a group of agents. Times are in seconds. */
export interface ErlangLoad {
  arrivalRatePerSec: number;
  ahtSec: number;
  agents: number;
}

/** Traffic on a group whose customers abandon (Erlang A). */
export interface ErlangALoad extends ErlangLoad {
  /** Mean of the customers' exponential patience. */
  patienceMeanSec: number;
}

export interface ErlangCMetrics {
  /** Offered load in Erlangs: arrival rate times handle time. */
  trafficErlangs: number;
  /** Probability that an arriving customer finds every agent busy. */
  probWait: number;
  /** Average speed of answer over all customers, in seconds. */
  asaSec: number;
  /** Fraction of customers answered within `thresholdSec`. */
  serviceLevel(thresholdSec: number): number;
}

export interface ErlangAMetrics extends ErlangCMetrics {
  /** Probability that an arriving customer hangs up before an answer. */
  probAbandon: number;
  /** Mean wait of every customer, answered or not, in seconds. */
  meanWaitSec: number;
  /** Mean wait of the customers who are answered (ASA), in seconds. */
  asaSec: number;
  /**
   * Fraction of all arriving customers answered within `thresholdSec`;
   * those who abandon count as missed whenever they hang up.
   */
  serviceLevel(thresholdSec: number): number;
  /** Probability that a customer is still waiting, unanswered, at t. */
  probWaitExceeds(thresholdSec: number): number;
}

/** Probability that a call is blocked when every server is busy. */
export function erlangB(servers: number, trafficErlangs: number): number {
  checkServers(servers);
  checkTraffic(trafficErlangs);

  // B(k) = A·B(k-1) / (k + A·B(k-1)): every step stays in [0, 1].
  let blocking = 1;
  for (let k = 1; k <= servers; k++) {
    const carried = trafficErlangs * blocking;
    blocking = carried / (k + carried);
  }
  return blocking;
}

/** Probability of waiting in M/M/n (1 when the load reaches n). */
export function erlangC(servers: number, trafficErlangs: number): number {
  checkServers(servers);
  checkTraffic(trafficErlangs);
  if (trafficErlangs >= servers) return 1;

  const blocking = erlangB(servers, trafficErlangs);
  const occupancy = trafficErlangs / servers;
  return blocking / (1 - occupancy * (1 - blocking));
}

/** The Erlang C figures a workforce planner quotes. */
export function erlangCMetrics(load: ErlangLoad): ErlangCMetrics {
  const { agents, ahtSec } = checkLoad(load);
  const traffic = load.arrivalRatePerSec * ahtSec;
  const probWait = erlangC(agents, traffic);
  // The wait of a waiting customer is exponential with rate (n - A)/AHT.
  const clearRate = (agents - traffic) / ahtSec;

  return {
    trafficErlangs: traffic,
    probWait,
    asaSec: clearRate > 0 ? probWait / clearRate : Infinity,
    serviceLevel(thresholdSec) {
      checkThreshold(thresholdSec);
      if (clearRate <= 0) return 0;
      return 1 - probWait * Math.exp(-clearRate * thresholdSec);
    },
  };
}

/**
 * Erlang A (Palm's M/M/n+M). Sums the birth–death stationary
 * distribution in log space over the queue lengths that matter; the
 * time-dependent figures use closed-form series derived from it.
 */
export function erlangA(load: ErlangALoad): ErlangAMetrics {
  const { agents, ahtSec } = checkLoad(load);
  const lambda = load.arrivalRatePerSec;
  const patience = load.patienceMeanSec;
  if (!(patience > 0 && Number.isFinite(patience))) {
    throw new RangeError(
      `Mean patience must be a positive number of seconds, not ${patience}; use Erlang C for customers who never abandon.`,
    );
  }

  const theta = 1 / patience;
  // In units of the abandonment rate: x = n·mu/theta, y = lambda/theta.
  // With q waiting, the next departure has rate theta·(x + q).
  const x = (agents * patience) / ahtSec;
  const y = lambda * patience;
  const logY = Math.log(y);

  // Masses relative to pi(n), the chance that exactly n are present.
  // logIdle: fewer than n present, which is 1/B - 1 of Erlang B.
  const logIdle = logInverseErlangBMinusOne(agents, lambda * ahtSec);
  const waiting = new LogSum(); // sum of w(q), q customers queued
  const queued = new LogSum(); // sum of q·w(q)
  const served = new LogSum(); // w(q) times the chance to be served
  const servedWait = new LogSum(); // same, times the expected wait

  let logW = 0; // log w(0)
  let expectedWait = 0;
  for (let q = 0; ; q++) {
    // An arrival behind q others is served with chance x/(x + q + 1);
    // before that it waits q + 1 stages of mean 1/(theta·(x + i)).
    const logServe = Math.log(x) - Math.log(x + q + 1);
    expectedWait += 1 / (theta * (x + q + 1));

    waiting.add(logW);
    if (q > 0) queued.add(Math.log(q) + logW);
    served.add(logServe + logW);
    servedWait.add(logServe + Math.log(expectedWait) + logW);

    const logRatio = logY - Math.log(x + q + 1);
    if (logRatio < 0 && logW < waiting.max - NEGLIGIBLE) break;
    logW += logRatio;
  }

  const logTotal = logAdd(logIdle, waiting.value());
  const share = (logMass: number) => Math.exp(logMass - logTotal);
  const meanQueue = share(queued.value());
  const probServed = share(logAdd(logIdle, served.value()));

  return {
    trafficErlangs: lambda * ahtSec,
    probWait: share(waiting.value()),
    probAbandon: (theta * meanQueue) / lambda,
    meanWaitSec: meanQueue / lambda,
    asaSec: share(servedWait.value()) / probServed,
    serviceLevel(thresholdSec) {
      checkThreshold(thresholdSec);
      // Mass served only after t, with s = e^{-theta·t}: summing over
      // q the chance that the q + 1 departures ahead take longer than t
      // collapses to x·e^{y(1-s)}·s^{x+1}·Σ_m (ys)^m / Π_{i≤m+1}(x+i).
      const logS = -theta * thresholdSec;
      const logLate =
        Math.log(x) +
        y * -Math.expm1(logS) +
        (x + 1) * logS +
        logSeries(x, logY + logS, 1);
      return Math.max(0, probServed - share(logLate));
    },
    probWaitExceeds(thresholdSec) {
      checkThreshold(thresholdSec);
      // Same derivation, for neither served nor gone by t:
      // e^{y(1-s)}·s^{x+1}·Σ_m (ys)^m / Π_{i≤m}(x+i).
      const logS = -theta * thresholdSec;
      const logStill =
        y * -Math.expm1(logS) + (x + 1) * logS + logSeries(x, logY + logS, 0);
      return share(logStill);
    },
  };
}

/** Terms this many nats below the largest change nothing in a double. */
const NEGLIGIBLE = 40;

/** log(1/B(n, A) - 1): the idle states' mass relative to pi(n). */
function logInverseErlangBMinusOne(servers: number, traffic: number) {
  // J(k) = (k/A)·(1 + J(k-1)), J(0) = 0, carried as log J.
  const logTraffic = Math.log(traffic);
  let logJ = -Infinity;
  for (let k = 1; k <= servers; k++) {
    logJ = Math.log(k) - logTraffic + logAdd(0, logJ);
  }
  return logJ;
}

/** log Σ_{m≥0} z^m / Π_{i=1}^{m+shift} (x + i), for z = e^{logZ}. */
function logSeries(x: number, logZ: number, shift: 0 | 1): number {
  const sum = new LogSum();
  let logTerm = shift === 1 ? -Math.log(x + 1) : 0;
  for (let m = 0; ; m++) {
    sum.add(logTerm);
    const logRatio = logZ - Math.log(x + m + 1 + shift);
    if (logRatio < 0 && logTerm < sum.max - NEGLIGIBLE) break;
    logTerm += logRatio;
  }
  return sum.value();
}

/** log(e^a + e^b) without overflow. */
function logAdd(a: number, b: number): number {
  const hi = Math.max(a, b);
  if (hi === -Infinity) return -Infinity;
  return hi + Math.log1p(Math.exp(Math.min(a, b) - hi));
}

/** A running log-sum-exp, rescaled whenever a larger term arrives. */
class LogSum {
  max = -Infinity;
  private scaled = 0;

  add(logTerm: number): void {
    if (logTerm === -Infinity) return;
    if (logTerm > this.max) {
      this.scaled = this.scaled * Math.exp(this.max - logTerm) + 1;
      this.max = logTerm;
    } else {
      this.scaled += Math.exp(logTerm - this.max);
    }
  }

  value(): number {
    return this.max + Math.log(this.scaled);
  }
}

function checkLoad(load: ErlangLoad): ErlangLoad {
  const { arrivalRatePerSec, ahtSec, agents } = load;
  if (!(arrivalRatePerSec > 0 && Number.isFinite(arrivalRatePerSec))) {
    throw new RangeError(
      `Arrival rate must be a positive number per second, not ${arrivalRatePerSec}.`,
    );
  }
  if (!(ahtSec > 0 && Number.isFinite(ahtSec))) {
    throw new RangeError(
      `Handle time must be a positive number of seconds, not ${ahtSec}.`,
    );
  }
  if (!(Number.isSafeInteger(agents) && agents >= 1)) {
    throw new RangeError(`Agents must be a whole number from 1, not ${agents}.`);
  }
  return load;
}

function checkServers(servers: number): void {
  if (!(Number.isSafeInteger(servers) && servers >= 0)) {
    throw new RangeError(
      `Servers must be a whole number from 0, not ${servers}.`,
    );
  }
}

function checkTraffic(trafficErlangs: number): void {
  if (!(trafficErlangs >= 0 && Number.isFinite(trafficErlangs))) {
    throw new RangeError(
      `Traffic must be a non-negative number of Erlangs, not ${trafficErlangs}.`,
    );
  }
}

function checkThreshold(thresholdSec: number): void {
  if (!(thresholdSec >= 0)) {
    throw new RangeError(
      `The service-level threshold must be zero or more seconds, not ${thresholdSec}.`,
    );
  }
}
