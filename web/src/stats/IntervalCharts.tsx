/**
 * Offered, answered and abandoned contacts per interval, and service
 * level per interval, drawn with recharts; the same figures follow in a
 * table for readers who cannot see the charts.
 */
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { IntervalPoint } from '../api/types';
import { formatPercent, formatSeconds } from '../common/format';

export interface IntervalChartsProps {
  points: IntervalPoint[];
  /** Label interval starts with dates as well as times (ranges over a day). */
  withDates?: boolean;
}

const colors = {
  offered: '#5b6b8c',
  answered: '#1f8a5b',
  abandoned: '#c2452d',
  serviceLevel: '#2d5fc2',
};

export function IntervalCharts({ points, withDates = false }: IntervalChartsProps) {
  if (points.length === 0) return <p className="empty-state">No intervals in this range.</p>;
  const label = (ms: number) =>
    new Date(ms).toLocaleString(
      [],
      withDates
        ? { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }
        : { hour: '2-digit', minute: '2-digit' },
    );
  const data = points.map((p) => ({
    ...p,
    label: label(p.start),
    serviceLevelPct: p.serviceLevel === null ? null : Math.round(p.serviceLevel * 1000) / 10,
  }));

  return (
    <div className="charts">
      <figure className="chart">
        <figcaption>Contacts per interval</figcaption>
        <ResponsiveContainer width="100%" height={260}>
          <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" minTickGap={16} />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            <Bar dataKey="offered" name="Offered" fill={colors.offered} isAnimationActive={false} />
            <Bar
              dataKey="answered"
              name="Answered"
              fill={colors.answered}
              isAnimationActive={false}
            />
            <Bar
              dataKey="abandoned"
              name="Abandoned"
              fill={colors.abandoned}
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </figure>
      <figure className="chart">
        <figcaption>Service level per interval (%)</figcaption>
        <ResponsiveContainer width="100%" height={220}>
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" minTickGap={16} />
            <YAxis domain={[0, 100]} unit="%" />
            <Tooltip />
            <Line
              type="linear"
              dataKey="serviceLevelPct"
              name="Service level"
              stroke={colors.serviceLevel}
              strokeWidth={2}
              dot={false}
              connectNulls
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </figure>
      <details>
        <summary>The figures as a table</summary>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Interval</th>
              <th scope="col">Offered</th>
              <th scope="col">Answered</th>
              <th scope="col">Abandoned</th>
              <th scope="col">Service level</th>
              <th scope="col">ASA</th>
            </tr>
          </thead>
          <tbody>
            {data.map((p) => (
              <tr key={p.start}>
                <th scope="row">{p.label}</th>
                <td>{p.offered}</td>
                <td>{p.answered}</td>
                <td>{p.abandoned}</td>
                <td>{formatPercent(p.serviceLevel)}</td>
                <td>{formatSeconds(p.asaMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
