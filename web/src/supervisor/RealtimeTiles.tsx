/**
 * The wallboard tiles: waiting now, longest wait, today's service level,
 * ASA, abandonment and occupancy from the server's real-time statistics, and agents
 * by state from the live store (it moves with every event).
 */
import { agentStates, type RealtimeSnapshot } from '../api/types';
import { formatPercent, formatSeconds, stateLabel } from '../common/format';
import type { CenterSnapshot } from '../live/CenterSnapshot';

export interface RealtimeTilesProps {
  realtime: RealtimeSnapshot | null;
  snapshot: CenterSnapshot;
}

export function RealtimeTiles({ realtime, snapshot }: RealtimeTilesProps) {
  const center = realtime?.center;
  const today = center?.today;
  const sl = today?.serviceLevel;

  return (
    <section className="tiles" aria-label="Real-time figures">
      <Tile
        label="Waiting now"
        value={String(center?.waiting ?? snapshot.waiting)}
        hint={
          center
            ? `on the line; also ${center.beingOffered} ringing, ${center.callbacksPending} callbacks to make`
            : undefined
        }
        testId="tile-waiting"
      />
      <Tile label="Longest wait" value={formatSeconds(center?.longestWaitMs ?? null)} />
      <Tile
        label="Service level today"
        value={formatPercent(sl?.value ?? null)}
        hint={sl ? `${sl.numerator} of ${sl.denominator}: ${sl.name}` : undefined}
      />
      <Tile label="Average speed of answer" value={formatSeconds(today?.asaMs ?? null)} />
      <Tile
        label="Abandoned today"
        value={formatPercent(today?.abandonRate ?? null, 1)}
        hint={today ? `${today.abandoned} of ${today.offered} offered` : undefined}
      />
      <Tile
        label="Occupancy today"
        value={formatPercent(today?.occupancy ?? null)}
        hint="busy and wrap-up, of the time agents were free or working"
        testId="tile-occupancy"
      />
      <div className="tile agents-tile">
        <span className="tile-label">Agents by state</span>
        <ul className="state-counts" data-testid="agents-by-state">
          {agentStates
            .filter((s) => s !== 'loggedOut')
            .map((s) => (
              <li key={s} className={`state-${s}`} data-state={s}>
                <span className="count">{snapshot.agentsByState[s]}</span> {stateLabel[s]}
              </li>
            ))}
        </ul>
      </div>
    </section>
  );
}

function Tile({
  label,
  value,
  hint,
  testId,
}: {
  label: string;
  value: string;
  hint?: string | undefined;
  testId?: string;
}) {
  return (
    <div className="tile" title={hint} data-testid={testId}>
      <span className="tile-label">{label}</span>
      <span className="tile-value">{value}</span>
      {hint && <span className="tile-hint muted">{hint}</span>}
    </div>
  );
}
