// CSV cells that a spreadsheet would run as a formula ("=HYPERLINK(…)", "+1", "-2+3", "@SUM(…)", or one hiding
// behind a tab or carriage return) are neutralised with a leading apostrophe: shown as text, never evaluated.
// OWASP "CSV injection". Applied to every exported cell, numbers included — a negative amount in a text export
// is rare here (none of the exported amounts can be negative), and safety beats a stray apostrophe.

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One CSV record (RFC 4180): cells neutralised, quoted when they hold a comma, quote or line break; CRLF-terminated. */
export function csvRow(cells: readonly (string | number | boolean | null | undefined)[]): string {
  return `${cells
    .map((cell) => {
      const text = neutraliseCell(cell === null || cell === undefined ? '' : String(cell));
      return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(',')}\r\n`;
}
