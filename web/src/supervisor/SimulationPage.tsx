/**
 * The simulation view: load a result file written by the simulator and
 * chart offered, answered, abandoned and service level per interval, for
 * the center or one queue. The file is read in the browser; nothing is
 * sent to the server.
 */
import { useMemo, useState, type ChangeEvent } from 'react';
import { ErrorNote } from '../common/ErrorNote';
import { IntervalCharts } from '../stats/IntervalCharts';
import { pointsOfScope, queueIdsIn } from '../stats/readIntervalPoint';
import { readSimulationResult, type SimulationSummary } from '../stats/readSimulationResult';

export function SimulationPage() {
  const [result, setResult] = useState<(SimulationSummary & { fileName: string }) | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [scope, setScope] = useState('');

  async function load(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    setError(null);
    try {
      const summary = readSimulationResult(JSON.parse(await file.text()));
      if (summary.source === 'none')
        setError('The file has neither interval rows nor contacts to chart.');
      setResult({ ...summary, fileName: file.name });
      setScope('');
    } catch (err) {
      setResult(null);
      setError(
        `${file.name} is not a JSON simulation result: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }

  const queues = useMemo(() => (result ? queueIdsIn(result.points) : []), [result]);
  const points = useMemo(() => {
    if (!result) return [];
    const scoped = pointsOfScope(result.points, scope || null);
    // Rows without any scope fields are the center's; files of other tools may have only those.
    return scoped.length > 0 || scope ? scoped : result.points;
  }, [result, scope]);
  const days =
    points.length > 1 && points[points.length - 1]!.start - points[0]!.start >= 86_400_000;

  return (
    <main className="page stack">
      <h1>Simulation</h1>
      <label className="file-pick">
        Simulation result (JSON)
        <input
          type="file"
          accept="application/json,.json"
          onChange={(e) => void load(e)}
          data-testid="simulation-file"
        />
      </label>
      <ErrorNote message={error} />
      {result && (
        <>
          <p className="muted" data-testid="simulation-summary">
            {result.fileName}: seed {result.seed ?? 'not given'} · {result.contactCount} contacts ·{' '}
            {result.source === 'intervals' ? 'interval rows' : 'computed from contact records'}
            {result.intervalMinutes ? ` · ${result.intervalMinutes}-minute intervals` : ''}
          </p>
          {queues.length > 0 && (
            <label className="narrow-field">
              Scope
              <select value={scope} onChange={(e) => setScope(e.target.value)}>
                <option value="">Whole center</option>
                {queues.map((q) => (
                  <option key={q} value={q}>
                    Queue {q}
                  </option>
                ))}
              </select>
            </label>
          )}
          <IntervalCharts points={points} withDates={days} />
        </>
      )}
    </main>
  );
}
