/**
 * Formula injection (DESIGN §6, OWASP "CSV injection"): a spreadsheet treats a cell beginning
 * with `=`, `+`, `-` or `@` as a formula — also after leading spaces, which Excel and LibreOffice
 * skip — and a leading tab, CR or LF can smuggle one past a naive check. Such cells are made
 * inert by a leading apostrophe, in CSV and XLSX alike (the XLSX writer also stores them as
 * string cells, which no spreadsheet evaluates).
 */
const FORMULA_START = /^(?:[\t\r\n]|[ \u00a0]*[=+\-@])/;

export function couldStartFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** The text as it is safe to put in a cell. */
export function neutralise(text: string): string {
  return couldStartFormula(text) ? `'${text}` : text;
}
