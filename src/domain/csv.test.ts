import { describe, expect, it } from 'vitest';
import { BOM, CsvSyntaxError, parseCsv, toCsv } from './csv.js';

describe('csv', () => {
  it('writes a BOM, CRLF, and quotes what needs quoting', () => {
    const s = toCsv(
      ['a', 'b'],
      [
        ['x,y', 'he said "hi"'],
        ['dòng\nhai', null],
      ],
    );
    expect(s.startsWith(BOM)).toBe(true);
    expect(s).toBe(BOM + 'a,b\r\n"x,y","he said ""hi"""\r\n"dòng\nhai",\r\n');
  });
  it('neutralises formulas', () => {
    expect(toCsv(['a'], [['=SUM(A1)']])).toContain("'=SUM(A1)");
  });
  it('round-trips through parse', () => {
    const rows = [
      ['mã', 'tên'],
      ['X-1', 'Phường "Ba Đình", Hà Nội'],
      ['X-2', 'hai\r\ndòng'],
    ];
    const parsed = parseCsv(toCsv(rows[0]!, rows.slice(1)));
    expect(parsed.map((r) => r.cells)).toEqual(rows.map((r) => r.map((c) => c.replace('\r\n', '\r\n'))));
    expect(parsed.map((r) => r.line)).toEqual([1, 2, 3]);
  });
  it('accepts semicolons when the header uses them, and skips blank lines', () => {
    expect(parseCsv('a;b\n1;2\n\n').map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
  it('reports an unclosed quote with its line', () => {
    expect(() => parseCsv('a,b\n1,"x\n')).toThrow(CsvSyntaxError);
  });
});
