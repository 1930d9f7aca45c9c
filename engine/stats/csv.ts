/**
 * CSV text as RFC 4180 describes it, made safe to open in a spreadsheet:
 * text that a spreadsheet would run as a formula is neutralised. Every
 * character is kept as it was; nothing is normalised or transliterated.
 */

export type CsvValue = string | number | boolean | null;

export interface CsvOptions {
  /**
   * Start with a byte-order mark, which Excel needs to read the file as
   * UTF-8. Off by default: it is one more character for every other reader.
   */
  bom?: boolean;
}

/**
 * Characters that make a spreadsheet read a cell as a formula (or, for tab
 * and CR, that some of them strip before looking for one).
 */
const formulaStart = /^[=+\-@\t\r]/;
const needsQuotes = /[",\r\n]/;

/**
 * One cell. Null is an empty cell. Text starting with a formula character
 * gets a leading `'`, which spreadsheets take as "this is text". Numbers and
 * booleans are written as they are: the engine's numbers are data, and
 * prefixing a negative number would turn it into text.
 */
export function csvCell(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);

  const text = formulaStart.test(value) ? `'${value}` : value;
  return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A header line and one line per row, each ended by CRLF. */
export function toCsv(
  header: readonly string[],
  rows: Iterable<readonly CsvValue[]>,
  options: CsvOptions = {},
): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return (options.bom ? '\uFEFF' : '') + lines.map((line) => `${line}\r\n`).join('');
}

/** An epoch-ms time as ISO-8601 UTC; empty for null. */
export function isoTime(ms: number | null): string | null {
  if (ms === null) return null;
  const date = new Date(ms);
  // Outside the range Date can print, keep the raw number rather than fail
  // the whole export over one bad value.
  return Number.isNaN(date.getTime()) ? String(ms) : date.toISOString();
}
