/**
 * A progress bar for long command-line runs, drawn by cli-progress on
 * stderr so it never mixes with a result on stdout, and only when stderr
 * is a terminal: piped or captured output gets no control characters.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  /** Sets how much is done, and the total if it grew. */
  update(done: number, total: number): void;
  stop(): void;
}

/** A bar on a terminal; a no-op elsewhere (or when `enabled` is false). */
export function progressBar(label: string, enabled = process.stderr.isTTY === true): Progress {
  if (!enabled) return { update: () => {}, stop: () => {} };

  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${label} [{bar}] {percentage}% | {value}/{total} | {duration_formatted}`,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, done);
        started = true;
        return;
      }
      if (total !== bar.getTotal()) bar.setTotal(total);
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
