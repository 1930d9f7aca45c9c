/**
 * One agent's profile for the supervisor: who they are and what they may
 * take, their live state and workload, and today's statistics (handled,
 * handle time, occupancy, time by state, contacts per interval).
 */
import { useEffect, useState } from 'react';
import { supervisorApi } from '../api/api';
import { describeError } from '../api/ApiError';
import type { AgentView, IntervalPoint } from '../api/types';
import { Elapsed } from '../common/Elapsed';
import { ErrorNote } from '../common/ErrorNote';
import { formatPercent, formatSeconds, stateLabel } from '../common/format';
import { Link } from '../common/navigation';
import type { CenterLive } from '../live/useCenterLive';
import { useCenterSnapshot } from '../live/useCenterSnapshot';
import { today } from '../stats/dayRange';
import { IntervalCharts } from '../stats/IntervalCharts';
import { useIntervalReport } from '../stats/useIntervalReport';
import { ContactProfileDialog } from './ContactProfileDialog';
import { WorkloadIcon } from './WorkloadIcon';

export function AgentProfilePage({ agentId, live }: { agentId: string; live: CenterLive }) {
  const snapshot = useCenterSnapshot(live.store);
  const [agent, setAgent] = useState<AgentView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [range] = useState(() => today(Date.now()));
  const report = useIntervalReport({ ...range, agentId });
  const model = snapshot.agentById.get(agentId);

  useEffect(() => {
    supervisorApi.agent(agentId).then(setAgent, (err: unknown) => setError(describeError(err)));
  }, [agentId]);

  const name = model?.agent.name ?? agent?.name ?? agentId;
  const state = model?.agent.state ?? agent?.state;
  const since = model?.agent.stateSince ?? agent?.stateSince;

  return (
    <main className="page stack">
      <p>
        <Link href="/supervisor">← Back to the dashboard</Link>
      </p>
      <h1>{name}</h1>
      <ErrorNote message={error} />
      <section className="row wrap profile-facts" aria-label="Profile">
        <dl className="facts">
          <div>
            <dt>State</dt>
            <dd>
              {state ? stateLabel[state] : '—'}{' '}
              {since !== undefined && <Elapsed since={since} label="for" />}
            </dd>
          </div>
          <div>
            <dt>Agent id</dt>
            <dd>{agentId}</dd>
          </div>
          <div>
            <dt>Capacity</dt>
            <dd>{agent?.capacity ?? '—'}</dd>
          </div>
          <div>
            <dt>Queues</dt>
            <dd>{agent?.queues.join(', ') || '—'}</dd>
          </div>
          <div>
            <dt>Skills</dt>
            <dd>
              {agent
                ? Object.entries(agent.skills)
                    .map(([s, level]) => `${s} ${level}`)
                    .join(', ') || '—'
                : '—'}
            </dd>
          </div>
          <div>
            <dt>Handled since start</dt>
            <dd>{agent?.handled ?? '—'}</dd>
          </div>
          <div>
            <dt>Missed offers in a row</dt>
            <dd>{agent?.missedOffers ?? '—'}</dd>
          </div>
        </dl>
        <div className="workload large" role="group" aria-label={`${name}'s contacts`}>
          {(model?.workload ?? []).map((c) => (
            <WorkloadIcon key={c.contactId} contact={c} onOpen={setOpen} />
          ))}
          {model && model.workload.length === 0 && <span className="muted">No contacts now.</span>}
        </div>
      </section>
      <h2>Today</h2>
      <ErrorNote message={report.error} />
      {report.points && <AgentTotals points={report.points} total={report.total} />}
      {report.points && <IntervalCharts points={report.points} />}
      {open && (
        <ContactProfileDialog
          contactId={open}
          live={live.store.contact(open)}
          connection={live.connection}
          snapshot={snapshot}
          onClose={() => setOpen(null)}
        />
      )}
    </main>
  );
}

/** The day's figures: the server's roll-up when it sends one, else summed from the rows. */
function AgentTotals({ points, total }: { points: IntervalPoint[]; total: IntervalPoint | null }) {
  const handled = total?.handled ?? points.reduce((n, p) => n + p.handled, 0);
  const handleMs = total
    ? (total.averageHandleMs ?? 0) * total.handled
    : points.reduce((n, p) => n + (p.averageHandleMs ?? 0) * p.handled, 0);
  const states =
    total?.agentStateMs ??
    points.reduce(
      (acc, p) => {
        for (const key of Object.keys(acc) as (keyof typeof acc)[])
          acc[key] += p.agentStateMs?.[key] ?? 0;
        return acc;
      },
      { ready: 0, notReady: 0, ringing: 0, busy: 0, wrapUp: 0 },
    );
  const working = states.busy + states.wrapUp;
  const available = states.ready + states.ringing;
  const occupancy =
    total?.occupancy ?? (working + available > 0 ? working / (working + available) : null);
  return (
    <section className="tiles" aria-label="Today's figures">
      <div className="tile">
        <span className="tile-label">Handled</span>
        <span className="tile-value">{handled}</span>
      </div>
      <div className="tile">
        <span className="tile-label">Average handle time</span>
        <span className="tile-value">{formatSeconds(handled > 0 ? handleMs / handled : null)}</span>
      </div>
      <div className="tile">
        <span className="tile-label">Occupancy</span>
        <span className="tile-value">{formatPercent(occupancy)}</span>
      </div>
      {(Object.keys(states) as (keyof typeof states)[]).map((s) => (
        <div className="tile" key={s}>
          <span className="tile-label">{stateLabel[s]}</span>
          <span className="tile-value">{formatSeconds(states[s])}</span>
        </div>
      ))}
    </section>
  );
}
