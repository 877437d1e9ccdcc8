/**
 * RFC 4180 CSV, as Excel writes and reads it. Pure functions.
 * Output starts with a UTF-8 BOM so Excel opens Vietnamese text correctly.
 */

export const BOM = '\ufeff';

function quote(v: string): string {
  return /[",\r\n]/.test(v) || /^\s|\s$/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v;
}

/** Neutralises spreadsheet formulas (CSV injection): a cell starting with = + - @ gets a leading apostrophe. */
function defuse(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? "'" + v : v;
}

export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | null | undefined)[])[],
): string {
  const lines = [header.map(quote).join(',')];
  for (const r of rows) lines.push(r.map((v) => quote(defuse(v ?? ''))).join(','));
  return BOM + lines.join('\r\n') + '\r\n';
}

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/**
 * Parses CSV text into rows of cells. Accepts a BOM, CRLF or LF, quoted cells with embedded
 * newlines and doubled quotes, and a semicolon separator when the header uses it (Excel in some locales).
 * Returns each row with the 1-based line on which it starts.
 */
export function parseCsv(text: string): { line: number; cells: string[] }[] {
  let s = text.startsWith(BOM) ? text.slice(1) : text;
  s = s.normalize('NFC');
  const firstLine = s.slice(0, s.search(/\r?\n|$/));
  const sep = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let inQuotes = false;
  let line = 1;
  let rowLine = 1;
  let quotedCell = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (inQuotes) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          cell += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (c === '\n') line++;
        cell += c;
      }
      continue;
    }
    if (c === '"') {
      if (cell.length > 0 && !quotedCell) throw new CsvSyntaxError('Dấu ngoặc kép đặt sai chỗ', line);
      inQuotes = true;
      quotedCell = true;
    } else if (c === sep) {
      cells.push(cell);
      cell = '';
      quotedCell = false;
    } else if (c === '\r' && s[i + 1] === '\n') {
      continue;
    } else if (c === '\n' || c === '\r') {
      cells.push(cell);
      rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      quotedCell = false;
      line++;
      rowLine = line;
    } else {
      cell += c;
    }
  }
  if (inQuotes) throw new CsvSyntaxError('Thiếu dấu ngoặc kép đóng', rowLine);
  if (cell.length > 0 || cells.length > 0) {
    cells.push(cell);
    rows.push({ line: rowLine, cells });
  }
  return rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
}
