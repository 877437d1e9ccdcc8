/**
 * Golden tests on documents of other shapes (fixtures/import/, each described in its *.expected.md):
 * a commune plan with lettered sub-groups, a Markdown plan with a task table, a Government resolution
 * wrapping its program, a .docx with a real Word table, and a messy copy (CRLF, NFD, NBSP, soft hyphen,
 * tab table, page numbers, a reference split across lines).
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from './parse.js';
import { docxToText } from './docx.js';
import { coverageProblems, rebuiltWithoutWhitespace, allNodes } from './lossless.js';
import { normalizeSource } from './normalize.js';
import { buildSeedUnits } from '../units.js';
import type { ParsedDocument } from './types.js';

const units = buildSeedUnits(
  fs.readFileSync(new URL('../../../seed/hanoi-units.txt', import.meta.url), 'utf8'),
);
const fixture = (name: string) => new URL(`../../../fixtures/import/${name}`, import.meta.url);
const parse = (text: string) => parseDocument(text, { units });

function task(doc: ParsedDocument, label: string) {
  const t = doc.tasks.find((x) => x.label === label);
  if (!t) throw new Error(`no task ${label}; have ${doc.tasks.map((x) => x.label).join(', ')}`);
  return {
    lead: t.lead?.text ?? null,
    cooperating: t.cooperating.map((c) => c.text),
    deadline: t.deadline?.value ?? null,
    text: t.text,
    products: t.products,
  };
}

function lossless(doc: ParsedDocument, raw: string) {
  expect(coverageProblems(doc)).toEqual([]);
  expect(rebuiltWithoutWhitespace(doc)).toBe(normalizeSource(raw).replace(/\s+/g, ''));
  for (const n of allNodes(doc)) expect(n.text, n.label).not.toMatch(/\*\*|^#|\|/);
}

describe('ke-hoach-lettered.txt: commune plan with lettered sub-groups', () => {
  const raw = fs.readFileSync(fixture('ke-hoach-lettered.txt'), 'utf8');
  const doc = parse(raw);
  it('reads the State-layout header', () => {
    expect(doc.program).toMatchObject({
      issuer: 'ỦY BAN NHÂN DÂN XÃ ĐẠI THANH',
      number: '15/KH-UBND',
      date: '2026-03-20',
      docKind: 'KẾ HOẠCH',
      partyLayout: false,
      motto: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
    });
  });
  it('has groups, lettered sub-groups (with đ) and 13 tasks', () => {
    const ii = doc.sections[1]!;
    expect(
      ii.children.map((g) => [
        g.label,
        g.children
          .filter((c) => c.kind === 'subgroup')
          .map((c) => c.marker)
          .join(''),
      ]),
    ).toEqual([
      ['II.1', 'ab'],
      ['II.2', 'abcdđ'],
      ['II.3', ''],
    ]);
    expect(doc.tasks.map((t) => t.label)).toEqual([
      'II.1.a.1',
      'II.1.a.2',
      'II.1.b.1',
      'II.1.b.2',
      'II.2.a.1',
      'II.2.b.1',
      'II.2.c.1',
      'II.2.c.2',
      'II.2.d.1',
      'II.2.đ.1',
      'II.2.đ.2',
      'II.3.1',
      'II.3.2',
    ]);
    const plus = allNodes(doc).filter((n) => n.marker === '+');
    expect(plus.map((n) => n.label)).toEqual([
      'II.1.b.1.1',
      'II.1.b.1.2',
      'II.1.b.1.3',
      'II.2.đ.1.1',
      'II.2.đ.1.2',
    ]);
  });
  it('reads leads, cooperating bodies and deadlines', () => {
    expect(task(doc, 'II.1.a.1')).toMatchObject({
      lead: 'Văn phòng HĐND và UBND xã',
      cooperating: ['Phòng Văn hóa - Xã hội'],
      deadline: '2026-06-30',
    });
    expect(task(doc, 'II.1.a.2').deadline).toBe('2026-04');
    expect(task(doc, 'II.2.a.1')).toMatchObject({
      lead: 'Văn phòng HĐND và UBND xã',
      cooperating: ['Phòng Kinh tế', 'Phòng Văn hóa - Xã hội'],
      deadline: 'continuous',
    });
    expect(task(doc, 'II.2.a.1').text).toMatch(/trên địa bàn xã\. Thực hiện thường xuyên\.$/);
    expect(task(doc, 'II.2.c.1')).toMatchObject({ lead: 'Phòng Kinh tế', deadline: '2026-Q3' });
    expect(task(doc, 'II.2.d.1')).toMatchObject({ lead: 'Công an xã', deadline: 'yearly' });
    expect(task(doc, 'II.3.2')).toMatchObject({ deadline: '2026-12-15' });
    expect(task(doc, 'II.3.2').cooperating).toEqual([
      'Phòng Kinh tế',
      'Phòng Văn hóa - Xã hội',
      'Trung tâm Phục vụ hành chính công xã',
    ]);
  });
  it('drops the stray page number, finds references, recipients and signer', () => {
    expect(doc.other.some((o) => o.kind === 'noise' && doc.source.slice(o.span[0], o.span[1]) === '2')).toBe(
      true,
    );
    const refs = Object.fromEntries(doc.references.map((r) => [r.number, r.date]));
    expect(refs).toMatchObject({
      '13/2018/NĐ-CP': '2018-01-23',
      '09/2019/NĐ-CP': '2019-01-24',
      '1902/KH-UBND': '2025-05-12',
    });
    expect(doc.recipients).toHaveLength(8);
    expect(doc.signer).toMatchObject({
      onBehalf: 'TM. ỦY BAN NHÂN DÂN',
      position: 'CHỦ TỊCH',
      name: 'Lê Văn Thắng',
    });
    expect(doc.responsibilities.find((r) => r.label === 'III.1')?.lead?.text).toBe(
      'Văn phòng HĐND và UBND xã',
    );
  });
  it('is lossless', () => lossless(doc, raw));
});

describe('ke-hoach-bang.md: Markdown plan with a task table', () => {
  const raw = fs.readFileSync(fixture('ke-hoach-bang.md'), 'utf8');
  const doc = parse(raw);
  it('reads the header through the Markdown markup', () => {
    expect(doc.program).toMatchObject({
      issuer: 'SỞ TƯ PHÁP',
      parentIssuer: 'UBND THÀNH PHỐ HÀ NỘI',
      number: '86/KH-STP',
      place: 'Hà Nội',
      date: '2026-02-05',
      docKind: 'KẾ HOẠCH',
    });
    expect(doc.sections.map((s) => `${s.label} ${s.title}`)).toEqual([
      'I MỤC ĐÍCH, YÊU CẦU',
      'II NHIỆM VỤ CỤ THỂ',
      'III TỔ CHỨC THỰC HIỆN',
    ]);
  });
  it('reads the table: group rows and task rows with their columns', () => {
    const table = doc.sections[1]!.children.find((c) => c.kind === 'table')!;
    expect(table.children.map((g) => [g.label, g.title, g.children.length])).toEqual([
      ['II.I', 'CÔNG TÁC XÂY DỰNG VÀ THẨM ĐỊNH VĂN BẢN QUY PHẠM PHÁP LUẬT', 4],
      ['II.II', 'CÔNG TÁC KIỂM TRA, RÀ SOÁT VĂN BẢN', 3],
      ['II.III', 'CÔNG TÁC PHỔ BIẾN, GIÁO DỤC PHÁP LUẬT', 3],
    ]);
    expect(doc.tasks).toHaveLength(10);
    expect(task(doc, 'II.I.1')).toMatchObject({
      lead: 'Phòng Xây dựng và Kiểm tra văn bản',
      cooperating: ['Các sở, ban, ngành Thành phố'],
      deadline: '2026-03-31',
      products: ['Quyết định của UBND Thành phố'],
    });
    expect(doc.tasks[0]!.cooperating[0]!.match).toBe('collective');
    expect(task(doc, 'II.I.4').deadline).toBe('quarterly');
    expect(task(doc, 'II.II.1').deadline).toBe('half-yearly');
    expect(task(doc, 'II.II.2').deadline).toBe('2026-06');
    expect(task(doc, 'II.III.1')).toMatchObject({
      lead: 'Phòng Phổ biến, giáo dục pháp luật',
      cooperating: ['Sở Văn hóa và Thể thao', 'Đài Phát thanh và Truyền hình Hà Nội'],
      deadline: '2026',
    });
    expect(task(doc, 'II.III.2').cooperating).toEqual([
      'Các sở, ban, ngành Thành phố',
      'UBND các xã, phường',
    ]);
    expect(doc.tasks[0]!.groupTitle).toBe('CÔNG TÁC XÂY DỰNG VÀ THẨM ĐỊNH VĂN BẢN QUY PHẠM PHÁP LUẬT');
  });
  it('reads the closing', () => {
    expect(doc.recipients).toHaveLength(6);
    expect(doc.signer).toMatchObject({
      onBehalf: 'KT. GIÁM ĐỐC',
      position: 'PHÓ GIÁM ĐỐC',
      name: 'Phạm Thị Thanh Hương',
    });
    expect(doc.responsibilities.map((r) => r.label)).toEqual(['III.1', 'III.2', 'III.3']);
    expect(doc.responsibilities[0]!.lead?.text).toBe('Văn phòng Sở');
  });
  it('is lossless', () => lossless(doc, raw));
});

describe('nghi-quyet-cp-kem-chuong-trinh.txt: a resolution wrapping its program', () => {
  const raw = fs.readFileSync(fixture('nghi-quyet-cp-kem-chuong-trinh.txt'), 'utf8');
  const doc = parse(raw);
  it('keeps the wrapper as metadata and yields the attached program', () => {
    expect(doc.program.wrapper).toMatchObject({ kind: 'NGHỊ QUYẾT', number: '45/NQ-CP', date: '2026-04-14' });
    expect(doc.program.wrapper!.title).toMatch(/^Ban hành Chương trình hành động của Chính phủ/);
    expect(doc.program).toMatchObject({
      docKind: 'CHƯƠNG TRÌNH HÀNH ĐỘNG',
      issuer: 'CHÍNH PHỦ',
      number: '45/NQ-CP',
      partyLayout: false,
    });
    expect(doc.program.title).toMatch(/^của Chính phủ thực hiện Nghị quyết số 27-NQ\/TW/);
    expect(allNodes(doc).some((n) => /^Điều \d/.test(n.text))).toBe(false);
  });
  it('has 9 tasks with their lead ministries', () => {
    expect(doc.tasks.map((t) => t.label)).toEqual([
      'II.1.1',
      'II.1.2',
      'II.2.1',
      'II.2.2',
      'II.3.1',
      'II.3.2',
      'II.3.3',
      'II.4.1',
      'II.4.2',
    ]);
    expect(task(doc, 'II.1.1')).toMatchObject({
      lead: 'Bộ Tư pháp',
      cooperating: ['Bộ Nội vụ', 'Văn phòng Chính phủ', 'các bộ, cơ quan liên quan'],
      deadline: '2027',
    });
    expect(task(doc, 'II.1.2')).toMatchObject({
      lead: 'Bộ Nội vụ',
      cooperating: ['Bộ Tư pháp'],
      deadline: '2026/2030',
    });
    expect(task(doc, 'II.2.2').lead).toBeNull();
    expect(task(doc, 'II.4.1').cooperating).toEqual([
      'Bộ Tư pháp',
      'Bộ Quốc phòng',
      'Tòa án nhân dân tối cao',
      'Viện kiểm sát nhân dân tối cao',
    ]);
  });
  it('reads the wrapper’s recipients and signer, and the references', () => {
    expect(doc.recipients).toHaveLength(11);
    expect(doc.signer).toMatchObject({
      onBehalf: 'TM. CHÍNH PHỦ',
      position: 'THỦ TƯỚNG',
      name: 'Trần Quốc Khánh',
    });
    const nq27 = doc.references.find((r) => r.number === '27-NQ/TW')!;
    expect(nq27).toMatchObject({ level: 'central', date: '2022-11-09' });
    expect(nq27.citations.length).toBeGreaterThanOrEqual(7);
  });
  it('is lossless', () => lossless(doc, raw));
});

describe('ke-hoach-bang.docx: a real Word document with a task table', () => {
  const bytes = new Uint8Array(fs.readFileSync(fixture('ke-hoach-bang.docx')));
  it('reads the table, the merged group rows and every column', async () => {
    const text = await docxToText(bytes);
    const doc = parse(text);
    expect(doc.program).toMatchObject({
      issuer: 'SỞ NỘI VỤ',
      parentIssuer: 'UBND THÀNH PHỐ HÀ NỘI',
      number: '42/KH-SNV',
      date: '2026-03-10',
    });
    expect(doc.tasks.map((t) => t.label)).toEqual([
      'II.I.1',
      'II.I.2',
      'II.I.3',
      'II.II.1',
      'II.II.2',
      'II.II.3',
      'II.III.1',
      'II.III.2',
      'II.III.3',
    ]);
    expect(task(doc, 'II.I.1')).toMatchObject({
      lead: 'Phòng Công chức, viên chức',
      cooperating: ['Văn phòng Sở', 'Sở Tư pháp'],
      deadline: '2026-06-30',
      products: ['Báo cáo rà soát', 'dự thảo Quyết định của UBND Thành phố'],
    });
    // The lead cell merged down over II.II.2 and II.II.3 in Word carries its value (docx.ts).
    expect(task(doc, 'II.II.3').lead).toBe('Văn phòng Sở');
    expect(task(doc, 'II.III.2')).toMatchObject({
      cooperating: ['Văn phòng Sở', 'các phòng, đơn vị thuộc Sở'],
      deadline: 'quarterly',
    });
    expect(doc.recipients).toHaveLength(5);
    expect(doc.signer).toMatchObject({
      onBehalf: 'KT. GIÁM ĐỐC',
      position: 'PHÓ GIÁM ĐỐC',
      name: 'Nguyễn Quang Vinh',
    });
    lossless(doc, text);
  });
});

describe('van-ban-xau.txt: a messy copy', () => {
  const raw = fs.readFileSync(fixture('van-ban-xau.txt'), 'utf8');
  const doc = parse(raw);
  it('really is messy (CRLF, NFD, NBSP, soft hyphen, tabs)', () => {
    expect(raw).toContain('\r\n');
    expect(raw).not.toBe(raw.normalize('NFC'));
    expect(raw).toContain('\u00a0');
    expect(raw).toContain('\u00ad');
    expect(doc.source).not.toMatch(/[\r\u00a0\u00ad]/);
  });
  it('reads the Party-layout header', () => {
    expect(doc.program).toMatchObject({
      partyLayout: true,
      parentIssuer: 'ĐẢNG BỘ TỈNH NINH BÌNH',
      issuer: 'ĐẢNG ỦY XÃ GIA VIỄN',
      number: '27-KH/ĐU',
      motto: ['ĐẢNG CỘNG SẢN VIỆT NAM'],
      date: '2026-01-15',
      docKind: 'KẾ HOẠCH',
    });
  });
  it('reads the tab table across a page number', () => {
    expect(doc.tasks.map((t) => t.label)).toEqual(['II.1', 'II.2', 'II.3', 'II.4', 'II.5']);
    expect(task(doc, 'II.1')).toMatchObject({ lead: 'Ban Xây dựng Đảng', deadline: '2026-Q1' });
    expect(task(doc, 'II.2').text).toContain('Tuyên truyền');
    expect(task(doc, 'II.3')).toMatchObject({ lead: 'Thường trực Đảng ủy', deadline: '2026-06-30' });
    expect(task(doc, 'II.5').deadline).toBe('yearly');
  });
  it('joins the reference split across a line break', () => {
    const r = doc.references.find((x) => x.number === '183-KH/TU')!;
    expect(r).toMatchObject({ kind: 'Kế hoạch', date: '2022-11-09' });
    expect(r.citations).toHaveLength(2);
    expect(doc.references.find((x) => x.number === '114-KL/TW')?.date).toBe('2015-07-14');
  });
  it('reads the closing', () => {
    expect(doc.recipients).toHaveLength(5);
    expect(doc.signer).toMatchObject({ onBehalf: 'T/M ĐẢNG ỦY', position: 'BÍ THƯ', name: 'Hoàng Văn Nam' });
    expect(doc.responsibilities.find((r) => r.label === 'III.1')).toMatchObject({
      lead: { text: 'Ban Xây dựng Đảng' },
    });
  });
  it('is lossless', () => lossless(doc, raw));
});
