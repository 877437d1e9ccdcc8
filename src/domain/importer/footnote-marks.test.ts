import { describe, expect, it } from 'vitest';
import { findFootnoteMarks } from './footnote-marks.js';
import { parseDocument } from './parse.js';
import { coverageProblems, rebuiltWithoutWhitespace } from './lossless.js';
import { normalizeSource } from './normalize.js';

const marks = (s: string) => findFootnoteMarks(s).map(([a, b]) => s.slice(a, b));

describe('footnote markers glued to words', () => {
  it('always takes superscript digits for markers', () => {
    expect(marks('Thực hiện Nghị quyết số 57-NQ/TW¹ ngày 22/12/2024 của Bộ Chính trị²³.')).toEqual([
      '¹',
      '²³',
    ]);
  });

  it('takes a plain digit after a document number or a year only when the footnote list has it', () => {
    const body = 'Thực hiện Nghị quyết số 57-NQ/TW1 ngày 22/12/2024, phấn đấu đến năm 20302 đạt mục tiêu.';
    expect(marks(body)).toEqual([]);
    expect(marks(`${body}\n[1] Nghị quyết về đột phá khoa học.\n[2] Mục tiêu của Chiến lược.`)).toEqual([
      '1',
      '2',
    ]);
    // Only the numbers listed: a 3 is not one.
    expect(marks(`Quyết định số 12/QĐ-UBND3 ngày 01/02/2025.\n[1] Văn bản dẫn.`)).toEqual([]);
  });

  it('reads a footnote at the end of the text, "1 …", as listing its number', () => {
    expect(
      marks('Kết luận số 213-KL/TW1 của Ban Bí thư.\n\n1 Kết luận về công tác phòng, chống thiên tai.'),
    ).toEqual(['1']);
  });

  it('parses the text without the markers: the number and the year read right, nothing is lost', () => {
    const text = [
      'ỦY BAN NHÂN DÂN',
      'TỈNH LÀO CAI',
      'Số: 12/KH-UBND',
      'Lào Cai, ngày 10 tháng 3 năm 2026',
      'KẾ HOẠCH',
      'Thực hiện Nghị quyết số 57-NQ/TW1 ngày 22 tháng 12 năm 2024 của Bộ Chính trị',
      'I. MỤC ĐÍCH, YÊU CẦU',
      'Bảo đảm thực hiện đồng bộ².',
      'II. NHIỆM VỤ',
      '1. Xây dựng cơ sở dữ liệu, hoàn thành trong năm 20262.',
      '[1] Nghị quyết về đột phá phát triển khoa học, công nghệ.',
      '[2] Theo Kế hoạch của Bộ.',
    ].join('\n');
    const doc = parseDocument(text);
    expect(doc.references.map((r) => r.number)).toContain('57-NQ/TW');
    expect(doc.references.map((r) => r.number)).not.toContain('57-NQ/TW1');
    expect(doc.tasks[0]!.deadline?.value).toBe('2026');
    expect(doc.sections[0]!.children[0]!.text).not.toMatch(/²/);
    expect(coverageProblems(doc)).toEqual([]);
    expect(rebuiltWithoutWhitespace(doc)).toBe(normalizeSource(text).replace(/\s+/g, ''));
    expect(doc.other.filter((o) => o.kind === 'footnote').map((o) => text.slice(...o.span))).toEqual(
      expect.arrayContaining(['1', '²', '2', '[1] Nghị quyết về đột phá phát triển khoa học, công nghệ.']),
    );
  });
});
