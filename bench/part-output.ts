/**
 * How a part reports while it runs. A part runs in its own child process
 * and writes each result as one prefixed JSON line the moment it has it,
 * so a part stopped at its time budget still leaves what it measured.
 */
import type { Measurement, Note, PartName } from './measurement.js';

export type PartLine =
  { kind: 'measurement'; measurement: Measurement } | { kind: 'note'; note: Note };

export interface PartOutput {
  measure(m: Measurement): void;
  note(part: PartName, text: string): void;
}

// Anything else a child prints (a library's warning) is not a result.
const prefix = '@bench ';

/** The output of a part's child process: result lines on stdout. */
export const stdoutOutput: PartOutput = {
  measure(measurement) {
    writeLine({ kind: 'measurement', measurement });
  },
  note(part, text) {
    writeLine({ kind: 'note', note: { part, text } });
  },
};

/** A result line, or null for any other output. */
export function parsePartLine(text: string): PartLine | null {
  if (!text.startsWith(prefix)) return null;
  return JSON.parse(text.slice(prefix.length)) as PartLine;
}

function writeLine(line: PartLine): void {
  process.stdout.write(`${prefix}${JSON.stringify(line)}\n`);
}
