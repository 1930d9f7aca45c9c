/**
 * Simulation speed: simulated contacts per second of wall time for M/M/n
 * centers at 90% occupancy, run through the full engine by the simulator,
 * next to the XState floor run in the same process on the same number of
 * contacts. Also extrapolates a full day of a 1,000-agent center.
 */
import { runScenario } from '../../sim/index.js';
import { Deadline } from '../deadline.js';
import { collectGarbage } from '../gc.js';
import { measurement } from '../measurement.js';
import type { PartOutput } from '../part-output.js';
import type { BenchPlan } from '../plan.js';
import { eventsPerContact } from './events-per-contact.js';
import { timeRecovery } from './recovery.js';
import { arrivalsPerInterval, mmnScenario } from './mmn-scenario.js';
import { runXStateFloor } from './xstate-floor.js';

/** A full day of a 1,000-agent center, as the issue sizes it. */
const dayContacts = 250_000;
const dayTargetSec = 15;

export function simulationPart(plan: BenchPlan, out: PartOutput): void {
  const { agents, intervals, budgetMs } = plan.simulation;
  const deadline = new Deadline(budgetMs);
  warmUp(plan.seed);
  const events = eventsPerContact();
  // A first guess for the budget check; replaced by each measured rate.
  let lastRate = 1_000;
  let largest: number | null = null;

  for (const n of agents) {
    const expected = arrivalsPerInterval(n, 0.9) * intervals;
    if (!deadline.allows((expected / lastRate) * 1_000 * 1.5)) {
      out.note('simulation', `${n} agents skipped: ~${expected} contacts do not fit the budget`);
      break;
    }
    const scenario = mmnScenario(n, intervals, plan.seed);

    // The floor runs before and after the engine; their mean is the
    // baseline, so drift in machine load during the run affects both.
    collectGarbage();
    const floorBefore = runXStateFloor(expected);
    collectGarbage();
    const started = performance.now();
    const result = runScenario(scenario);
    const wallMs = performance.now() - started;
    collectGarbage();
    const floorAfter = runXStateFloor(result.contacts.length);

    const contacts = result.contacts.length;
    largest = n;
    const rate = (contacts / wallMs) * 1_000;
    const floorRate = (floorBefore.perSecond + floorAfter.perSecond) / 2;
    lastRate = rate;
    const answered = result.contacts.filter((c) => c.answeredAt !== null).length;
    out.measure(
      measurement(
        'simulation',
        `simulation.mmn.${n}`,
        { label: `M/M/n ${fmt(n)} agents, 90% busy`, value: rate, unit: 'contacts/s' },
        {
          baseline: { label: 'XState floor', value: floorRate, unit: 'contacts/s' },
          target: { text: '≥ 0.5 × floor', met: rate / floorRate >= 0.5 },
          details: {
            contacts,
            answered,
            wallMs: Math.round(wallMs),
            simulatedHours: round((result.finishedMs - result.startMs) / 3_600_000, 2),
            seed: result.seed,
            floorBeforePerSec: Math.round(floorBefore.perSecond),
            floorAfterPerSec: Math.round(floorAfter.perSecond),
            xstateEventsPerContact: round(events.engine, 1),
            floorXStateEventsPerContact: round(events.floor, 1),
          },
        },
      ),
    );

    if (n === 1_000) {
      const daySec = dayContacts / rate;
      out.measure(
        measurement(
          'simulation',
          'simulation.day.1000',
          {
            label: `day of 1,000 agents (${fmt(dayContacts)} contacts), extrapolated`,
            value: daySec,
            unit: 's',
          },
          {
            baseline: {
              label: 'XState floor, same day',
              value: dayContacts / floorRate,
              unit: 's',
            },
            target: { text: `< ${dayTargetSec} s on one core`, met: daySec < dayTargetSec },
            details: { measuredContacts: contacts, measuredRatePerSec: Math.round(rate) },
          },
        ),
      );
    }
  }
  if (largest !== null) measureRecovery(largest, intervals, plan.seed, out);
}

/** Replays the journal of the largest run, as a restarted engine does. */
function measureRecovery(agents: number, intervals: number, seed: number, out: PartOutput): void {
  collectGarbage();
  const t = timeRecovery(mmnScenario(agents, intervals, seed));
  const replayRate = (t.entries / t.replayMs) * 1_000;
  const liveRate = (t.entries / t.simulateMs) * 1_000;
  const dayEntries = (t.entries / Math.max(1, t.contacts)) * dayContacts;
  out.measure(
    measurement(
      'simulation',
      `simulation.recovery.${agents}`,
      {
        label: `recovery: replay the journal of the ${fmt(agents)}-agent run`,
        value: replayRate,
        unit: 'entries/s',
      },
      {
        baseline: { label: 'simulating the same run', value: liveRate, unit: 'entries/s' },
        target: null,
        details: {
          entries: t.entries,
          contacts: t.contacts,
          replayMs: Math.round(t.replayMs),
          simulateMs: Math.round(t.simulateMs),
          replayedRecords: t.replayedRecords,
          dayOf1000AgentsReplaySec: Math.round(dayEntries / replayRate),
        },
      },
    ),
  );
  if (t.replayedRecords !== t.contacts) {
    out.note(
      'simulation',
      `recovery rebuilt ${t.replayedRecords} records of ${t.contacts}: the replay diverged`,
    );
  }
}

/** Compiles the hot paths first, so the first size is not charged for it. */
function warmUp(seed: number): void {
  runScenario(mmnScenario(20, 1, seed));
  runXStateFloor(10_000);
}

function fmt(n: number): string {
  return n.toLocaleString('en');
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
