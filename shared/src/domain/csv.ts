/**
 * CSV that a spreadsheet will not execute: every cell quoted, quotes doubled, and a cell that starts with
 * a formula trigger (= + - @, tab, carriage return) prefixed with an apostrophe (OWASP "CSV injection").
 * Starts with a UTF-8 BOM so Excel opens Chinese text correctly.
 */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const cell = (value: string | number) => {
    let text = String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return `"${text.replace(/"/g, '""')}"`;
  };
  return `\uFEFF${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
