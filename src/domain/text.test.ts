import { describe, expect, it } from 'vitest';
import { cleanText, codeSlug, escapeLike, fold } from './text.js';

describe('fold', () => {
  it('ignores case and diacritics, including đ', () => {
    expect(fold('Hà Nội')).toBe('ha noi');
    expect(fold('HÀ NỘI')).toBe('ha noi');
    expect(fold('Ban Nội chính Thành ủy')).toBe('ban noi chinh thanh uy');
    expect(fold('Đảng đoàn HĐND')).toBe('dang doan hdnd');
  });
  it('treats decomposed (NFD) input like composed input', () => {
    expect(fold('Ha\u0300 No\u0323\u0302i')).toBe('ha noi');
  });
  it('collapses whitespace including non-breaking spaces', () => {
    expect(fold('  Sở\u00a0 Tư   pháp ')).toBe('so tu phap');
  });
});

describe('cleanText, codeSlug, escapeLike', () => {
  it('normalises to NFC and trims', () => {
    expect(cleanText(' Ho\u0300a  ')).toBe('Hòa');
    expect(cleanText(' Ho\u0300a  ').length).toBe(3);
  });
  it('makes ASCII codes', () => {
    expect(codeSlug('Sở Tư pháp')).toBe('SO-TU-PHAP');
    expect(codeSlug('Văn Miếu - Quốc Tử Giám')).toBe('VAN-MIEU-QUOC-TU-GIAM');
  });
  it('escapes LIKE wildcards', () => {
    expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
  });
});
