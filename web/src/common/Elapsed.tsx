/** A duration since an instant that counts up once a second on its own. */
import { formatClock } from './format';
import { useNow } from './secondTicker';

export function Elapsed({ since, label }: { since: number; label?: string }) {
  const now = useNow();
  const text = formatClock((now - since) / 1000);
  return (
    <time className="elapsed" aria-label={label ? `${label} ${text}` : undefined}>
      {text}
    </time>
  );
}
