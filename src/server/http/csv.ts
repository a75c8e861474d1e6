// CSV as Excel and LibreOffice read it: RFC 4180 quoting, CRLF line ends, a BOM so UTF-8
// (Hindi) is not read in the workstation's code page, and formulas defused.

/** Makes Excel read the file as UTF-8. */
export const CSV_BOM = '\uFEFF'

/** A CSV cell: quoted, quotes doubled, and a leading = + - @ defused so Excel does not run it as a formula. */
export function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value)
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
  return `"${safe.replace(/"/g, '""')}"`
}

/** One record, CRLF-terminated. */
export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`
}
