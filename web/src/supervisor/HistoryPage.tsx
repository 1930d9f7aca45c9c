/**
 * Historical statistics: offered, answered, abandoned and service level
 * by interval, for today or a chosen range, for the center or one queue.
 */
import { useMemo, useState } from 'react';
import { ErrorNote } from '../common/ErrorNote';
import type { CenterLive } from '../live/useCenterLive';
import { useCenterSnapshot } from '../live/useCenterSnapshot';
import {
  dateInputValue,
  fromDateInput,
  lastDays,
  startOfDay,
  today,
  type Range,
} from '../stats/dayRange';
import { IntervalCharts } from '../stats/IntervalCharts';
import { useIntervalReport } from '../stats/useIntervalReport';

type Preset = 'today' | 'yesterday' | 'week' | 'custom';

export function HistoryPage({ live }: { live: CenterLive }) {
  const snapshot = useCenterSnapshot(live.store);
  const [preset, setPreset] = useState<Preset>('today');
  const [opened] = useState(() => Date.now());
  const [from, setFrom] = useState(dateInputValue(opened));
  const [to, setTo] = useState(dateInputValue(opened));
  const [queueId, setQueueId] = useState('');

  const range = useMemo((): Range | null => {
    if (preset === 'today') return today(opened);
    if (preset === 'yesterday')
      return { from: startOfDay(opened) - 86_400_000, to: startOfDay(opened) };
    if (preset === 'week') return lastDays(opened, 7);
    const f = fromDateInput(from);
    const t = fromDateInput(to);
    return f !== null && t !== null && t >= f ? { from: f, to: t + 86_400_000 } : null;
  }, [preset, from, to, opened]);

  const query = range ? { ...range, ...(queueId ? { queueId } : {}) } : null;
  const report = useIntervalReport(query);

  return (
    <main className="page stack">
      <h1>History</h1>
      <form
        className="row wrap controls"
        onSubmit={(e) => e.preventDefault()}
        aria-label="Range and scope"
      >
        <label>
          Range
          <select value={preset} onChange={(e) => setPreset(e.target.value as Preset)}>
            <option value="today">Today</option>
            <option value="yesterday">Yesterday</option>
            <option value="week">Last 7 days</option>
            <option value="custom">Chosen dates</option>
          </select>
        </label>
        {preset === 'custom' && (
          <>
            <label>
              From
              <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
            </label>
            <label>
              To
              <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
            </label>
          </>
        )}
        <label>
          Queue
          <select value={queueId} onChange={(e) => setQueueId(e.target.value)}>
            <option value="">Whole center</option>
            {snapshot.queues.map((q) => (
              <option key={q.queueId} value={q.queueId}>
                {q.name ?? q.queueId}
              </option>
            ))}
          </select>
        </label>
      </form>
      {!range && <p className="error">The range must end on or after its first day.</p>}
      <ErrorNote message={report.error} />
      {report.points === null && !report.error && range && <p>Loading…</p>}
      {report.points && <IntervalCharts points={report.points} withDates={preset !== 'today'} />}
    </main>
  );
}
