/**
 * Phụ lục parts and the arrangements real plans use around them (fixtures/import/ke-hoach-phu-luc.txt,
 * written for this test: two annexes — a Markdown table with a Cấp trình column and an unnumbered
 * row, a tab-separated table — and the Nơi nhận side by side with the signature), plus layouts cut
 * down from the corpus: a gazette table with its cells one per line across a page break.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from './parse.js';
import { coverageProblems, rebuiltWithoutWhitespace } from './lossless.js';
import { normalizeSource } from './normalize.js';
import { headerColumns } from './cell-lines.js';
import { findFurniture } from './furniture.js';
import type { ParsedDocument } from './types.js';

const raw = fs.readFileSync(
  new URL('../../../fixtures/import/ke-hoach-phu-luc.txt', import.meta.url),
  'utf8',
);

function lossless(doc: ParsedDocument, text: string) {
  expect(coverageProblems(doc)).toEqual([]);
  expect(rebuiltWithoutWhitespace(doc)).toBe(normalizeSource(text).replace(/\s+/g, ''));
}

describe('a plan with two Phụ lục', () => {
  const doc = parseDocument(raw);
  it('keeps the body and each annex as top-level parts', () => {
    expect(doc.sections.map((s) => [s.label, s.part ?? 'body'])).toEqual([
      ['I', 'body'],
      ['II', 'body'],
      ['III', 'body'],
      ['PL.I', 'annex'],
      ['PL.II', 'annex'],
    ]);
    expect(doc.sections[3]!.title).toBe('DANH MỤC NHIỆM VỤ HOÀN THIỆN THỂ CHẾ');
    lossless(doc, raw);
  });
  it('reads the annex rows as tasks with lead, cooperating, deadline, Cấp trình and product', () => {
    const t = (label: string) => doc.tasks.find((x) => x.label === label)!;
    expect(doc.tasks.map((x) => x.label)).toEqual([
      'II.1.1',
      'II.2.1',
      'PL.I.I.1',
      'PL.I.I.2',
      'PL.I.I.2.1',
      'PL.II.1',
      'PL.II.2',
    ]);
    expect(t('PL.I.I.1')).toMatchObject({
      text: 'Rà soát quy chế quản lý dữ liệu',
      submitTo: 'UBND tỉnh',
      products: ['Quyết định'],
      deadline: { value: '2026-Q2' },
    });
    expect(t('PL.I.I.1').lead?.text).toBe('Sở Tư pháp');
    expect(t('PL.I.I.1').cooperating.map((c) => c.text)).toEqual(['Sở Nội vụ']);
    expect(t('PL.I.I.2').submitTo).toBe('Chủ tịch UBND tỉnh');
    // Tab-separated, "Thời gian thực hiện/ hoàn thành", a quarter list kept as written.
    expect(t('PL.II.2').deadline?.text).toBe('Quý III, IV/2026');
    expect(t('PL.II.2').cooperating.map((c) => c.text)).toEqual(['Viettel Phú Thọ']);
  });
  it('keeps an unnumbered row, under the row above it, and flags it', () => {
    expect(doc.tasks.find((x) => x.label === 'PL.I.I.2.1')!.lead?.text).toBe('Văn phòng UBND tỉnh');
    expect(doc.warnings.filter((w) => w.code === 'ROW_UNNUMBERED').map((w) => w.nodeId)).toEqual([
      doc.tasks.find((x) => x.label === 'PL.I.I.2.1')!.nodeId,
    ]);
  });
  it('links annex rows to the body group of the same name', () => {
    expect(doc.tasks.filter((x) => x.label.startsWith('PL.I.')).map((x) => x.linkedGroupLabel)).toEqual([
      'II.1',
      'II.1',
      'II.1',
    ]);
    expect(doc.tasks.find((x) => x.label === 'PL.II.1')!.linkedGroupLabel).toBeNull();
  });
  it('reads the Nơi nhận and the signature written side by side', () => {
    expect(doc.recipients.map((r) => r.text)).toEqual(['Bộ Khoa học và Công nghệ', 'TT Tỉnh ủy', 'Lưu: VT']);
    expect(doc.signer).toMatchObject({
      onBehalf: 'TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH',
      position: 'PHÓ CHỦ TỊCH',
      name: 'Nguyễn Văn An',
    });
    expect(doc.program).toMatchObject({ number: '12/KH-UBND', date: '2026-03-05', place: 'Phú Thọ' });
  });
});

describe('a "DANH MỤC NHIỆM VỤ" heading without "PHỤ LỤC" above it', () => {
  const text = raw.replace('Phụ lục I\n', '');
  const doc = parseDocument(text);
  it('still opens an annex', () => {
    expect(doc.sections.map((s) => s.label)).toEqual(['I', 'II', 'III', 'PL.1', 'PL.II']);
    lossless(doc, text);
  });
});

describe('a gazette table, cells one per line, broken by a page', () => {
  const text = [
    'KẾ HOẠCH',
    'Thử nghiệm',
    'I. MỤC TIÊU',
    '1. Bảo đảm tiến độ.',
    'PHỤ LỤC',
    'DANH MỤC NHIỆM VỤ',
    'TT',
    'Tên nhiệm vụ',
    'Cơ quan',
    'chủ trì',
    'Cơ quan',
    'phối hợp',
    'Thời gian',
    'I',
    'Hoàn thiện thể chế',
    '1',
    'Rà soát, thể chế hóa các chủ trương, định hướng',
    'của Đảng thành văn bản pháp luật.',
    'Bộ Tư pháp',
    'Các bộ,',
    'cơ quan',
    'Năm',
    '2026 - 2027',
    '2',
    'Xây dựng cơ sở dữ liệu quốc gia về pháp luật,',
    '',
    'CÔNG BÁO/Số 286/Ngày 27-05-2026',
    '97',
    '',
    'TT',
    'Tên nhiệm vụ',
    'Cơ quan',
    'chủ trì',
    'Cơ quan',
    'phối hợp',
    'Thời gian',
    'kết nối với các bộ, ngành.',
    'Bộ Tư pháp',
    'Bộ Công an',
    'Quý IV/2026',
  ].join('\n');
  const doc = parseDocument(text);
  it('groups the header lines into columns', () => {
    const col = (h: string) =>
      /chu tri/.test(h)
        ? 'lead'
        : /phoi hop/.test(h)
          ? 'cooperating'
          : /nhiem vu/.test(h)
            ? 'task'
            : /thoi gian/.test(h)
              ? 'deadline'
              : null;
    expect(
      headerColumns(['Tên nhiệm vụ', 'Cơ quan', 'chủ trì', 'Cơ quan', 'phối hợp', 'Thời gian'], (h) =>
        col(
          h
            .toLowerCase()
            .normalize('NFD')
            .replace(/[\u0300-\u036f]/g, '')
            .replace(/đ/g, 'd'),
        ),
      ),
    ).toEqual(['task', 'lead', 'cooperating', 'deadline']);
  });
  it('reads each row into its cells, the row broken by the page as one', () => {
    const t = (label: string) => doc.tasks.find((x) => x.label === label)!;
    expect(doc.tasks.map((x) => x.label)).toEqual(['PL.I.1', 'PL.I.2']);
    expect(t('PL.I.1').lead?.text).toBe('Bộ Tư pháp');
    expect(t('PL.I.1').deadline?.text).toBe('Năm 2026 - 2027');
    expect(t('PL.I.2').text).toBe('Xây dựng cơ sở dữ liệu quốc gia về pháp luật, kết nối với các bộ, ngành.');
    expect(t('PL.I.2').cooperating.map((c) => c.text)).toEqual(['Bộ Công an']);
    expect(t('PL.I.2').deadline?.value).toBe('2026-Q4');
  });
  it('keeps the running header and the repeated table header as furniture, out of every node', () => {
    expect(findFurniture(normalizeSource(text)).length).toBe(2); // the header line and its page number
    expect(doc.other.filter((o) => o.kind === 'furniture')).toHaveLength(3); // + the repeated table header
    for (const t of doc.tasks) expect(t.text).not.toMatch(/CÔNG BÁO|Tên nhiệm vụ/);
    lossless(doc, text);
  });
});

describe('a one-cell-per-line table inside the body', () => {
  const text = [
    'KẾ HOẠCH',
    'Thử nghiệm',
    'I. MỤC TIÊU',
    '1. Bảo đảm tiến độ.',
    'II. NHIỆM VỤ CỤ THỂ',
    'TT',
    'Nội dung, nhiệm vụ',
    'Cơ quan chủ',
    'trì thực hiện',
    'Thời gian',
    '1',
    'Rà soát các quy hoạch ngành có tính chất',
    'chuyên ngành.',
    'Bộ Xây dựng',
    'Năm 2026',
    '2',
    'Hiện đại hóa hệ thống quan trắc.',
    'Bộ Nông nghiệp và Môi trường',
    'Hằng năm',
    'III. TỔ CHỨC THỰC HIỆN',
    '1. Bộ Xây dựng chủ trì theo dõi việc thực hiện.',
  ].join('\n');
  const doc = parseDocument(text);
  it('reads the rows as tasks of section II and ends the table at section III', () => {
    expect(doc.sections.map((s) => s.label)).toEqual(['I', 'II', 'III']);
    expect(doc.tasks.map((t) => [t.label, t.lead?.text, t.deadline?.text])).toEqual([
      ['II.1', 'Bộ Xây dựng', 'Năm 2026'],
      ['II.2', 'Bộ Nông nghiệp và Môi trường', 'Hằng năm'],
    ]);
    expect(doc.responsibilities.map((r) => r.label)).toEqual(['III.1']);
    lossless(doc, text);
  });
});

describe('numbers in the heading', () => {
  const head = (lines: string[]) =>
    parseDocument([...lines, 'KẾ HOẠCH', 'Thử', 'I. MỤC TIÊU', '1. Một.'].join('\n')).program;
  it('joins a number split over a line and the spaces inside it', () => {
    expect(head(['CHÍNH PHỦ', 'Số: 180/2026/NĐ-', 'CP', 'Hà Nội, ngày 2 tháng 3 năm 2026'])).toMatchObject({
      number: '180/2026/NĐ-CP',
      date: '2026-03-02',
      issuer: 'CHÍNH PHỦ',
    });
    expect(head(['TỈNH ỦY LÀO CAI', 'Số 11- KH/TW']).number).toBe('11-KH/TW');
    expect(head(['CHÍNH PHỦ', 'Số: 180/2026/NĐ- CP']).number).toBe('180/2026/NĐ-CP');
  });
  it('gives no number for an unsigned copy, and keeps the place of a blank date', () => {
    expect(
      head(['ỦY BAN NHÂN DÂN TỈNH LÀO CAI', 'Số:      /KH-UBND      Lào Cai, ngày      tháng     năm 2026']),
    ).toMatchObject({
      number: null,
      date: null,
      place: 'Lào Cai',
      issuer: 'ỦY BAN NHÂN DÂN TỈNH LÀO CAI',
    });
  });
});

describe('a table header standing apart from its rows', () => {
  const text = [
    'KẾ HOẠCH',
    'Thử nghiệm',
    'I. MỤC TIÊU',
    '1. Bảo đảm tiến độ.',
    'PHỤ LỤC',
    'DANH MỤC NHIỆM VỤ',
    'TT | Nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành',
    '(Các nhiệm vụ dưới đây thực hiện theo thứ tự ưu tiên)',
    '1 | Rà soát quy chế | Sở Tư pháp | Quý II/2026',
    '2 | Xây dựng cơ sở dữ liệu | Sở Nội vụ | Năm 2027',
  ].join('\n');
  const doc = parseDocument(text);
  it('reads the rows with the columns of that header', () => {
    expect(doc.tasks.map((t) => [t.label, t.lead?.text, t.deadline?.text])).toEqual([
      ['PL.1', 'Sở Tư pháp', 'Quý II/2026'],
      ['PL.2', 'Sở Nội vụ', 'Năm 2027'],
    ]);
    lossless(doc, text);
  });
});

describe('a table header outside the table', () => {
  const doc = (header: string[], between: string[] = []) => {
    const text = [
      'KẾ HOẠCH',
      'Thử nghiệm',
      'I. MỤC TIÊU',
      '1. Bảo đảm tiến độ.',
      'PHỤ LỤC',
      'DANH MỤC NHIỆM VỤ',
      ...header,
      ...between,
      '1 | Rà soát quy chế | Sở Tư pháp | Sở Nội vụ | Quý II/2026',
      '2 | Xây dựng cơ sở dữ liệu | Sở Nội vụ | Sở Tài chính | Năm 2027',
    ].join('\n');
    return { text, doc: parseDocument(text) };
  };
  const read = (d: ReturnType<typeof parseDocument>) =>
    d.tasks.map((t) => [t.label, t.lead?.text, t.cooperating.map((c) => c.text), t.deadline?.text]);
  const expected = [
    ['PL.1', 'Sở Tư pháp', ['Sở Nội vụ'], 'Quý II/2026'],
    ['PL.2', 'Sở Nội vụ', ['Sở Tài chính'], 'Năm 2027'],
  ];

  it('reads a header written as one line of text above the rows', () => {
    const { text, doc: d } = doc(['STT Tên nhiệm vụ Cơ quan chủ trì Cơ quan phối hợp Thời gian hoàn thành']);
    expect(read(d)).toEqual(expected);
    lossless(d, text);
  });

  it('reads a header written one cell a line above the rows', () => {
    const { text, doc: d } = doc([
      'TT',
      'Nội dung nhiệm vụ',
      'Đơn vị chủ trì',
      'Đơn vị phối hợp',
      'Thời hạn',
    ]);
    expect(read(d)).toEqual(expected);
    lossless(d, text);
  });

  it('reads a header that is a table of its own (one row) above the table of rows', () => {
    const { text, doc: d } = doc(['TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian'], ['']);
    expect(read(d)).toEqual(expected);
    lossless(d, text);
  });

  it('does not take a paragraph that names no columns for a header', () => {
    const { doc: d } = doc(['Các sở, ngành thực hiện các nhiệm vụ sau']);
    expect(d.tasks.map((t) => t.lead?.text ?? null)).toEqual([null, null]);
  });
});
