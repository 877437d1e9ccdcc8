import { describe, expect, it } from 'vitest';
import { asciiFileName, downloadName, fileSlug } from './filenames.js';

describe('download file names', () => {
  it('fold Vietnamese words to ASCII, joined by hyphens', () => {
    expect(fileSlug('Quý IV/2026')).toBe('quy-iv-2026');
    expect(downloadName(['phụ lục', 'báo cáo', 'sơ kết', '6 tháng đầu năm 2026'], 'xlsx')).toBe(
      'phu-luc-bao-cao-so-ket-6-thang-dau-nam-2026.xlsx',
    );
    expect(downloadName(['', '…'], 'docx')).toBe('tep.docx');
  });
  it('keep a user\'s name readable in ASCII: "đ" becomes "d", quotes and separators are replaced', () => {
    expect(asciiFileName('Biên bản đợt 1 "Đống Đa";.pdf')).toBe('Bien ban dot 1 _Dong Da__.pdf');
  });
});
