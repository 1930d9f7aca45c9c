/** Reads an interval report for a range and scope, again when they change. */
import { useEffect, useState } from 'react';
import { statsApi } from '../api/api';
import { describeError } from '../api/ApiError';
import type { IntervalPoint, IntervalQuery } from '../api/types';

export interface IntervalReportState {
  points: IntervalPoint[] | null;
  /** The range's roll-up, exact where a sum of averages would not be. */
  total: IntervalPoint | null;
  error: string | null;
}

export function useIntervalReport(query: IntervalQuery | null): IntervalReportState {
  const [state, setState] = useState<IntervalReportState>({
    points: null,
    total: null,
    error: null,
  });
  const key = query ? JSON.stringify(query) : null;

  useEffect(() => {
    if (!key) return;
    let current = true;
    setState({ points: null, total: null, error: null });
    statsApi
      .intervals(JSON.parse(key) as IntervalQuery)
      .then((r) => current && setState({ points: r.points, total: r.total, error: null }))
      .catch(
        (err: unknown) =>
          current && setState({ points: null, total: null, error: describeError(err) }),
      );
    return () => {
      current = false;
    };
  }, [key]);

  return state;
}
