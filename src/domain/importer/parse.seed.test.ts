/** Golden test on the seed: the Hanoi Party Committee's action program for Resolution 27-NQ/TW. */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from './parse.js';
import { coverageProblems, rebuiltWithoutWhitespace } from './lossless.js';
import { normalizeSource } from './normalize.js';
import { buildSeedUnits } from '../units.js';

const text = fs.readFileSync(
  new URL('../../../fixtures/ctr-hanh-dong-nq27-ha-noi.txt', import.meta.url),
  'utf8',
);
const units = buildSeedUnits(
  fs.readFileSync(new URL('../../../seed/hanoi-units.txt', import.meta.url), 'utf8'),
);
const doc = parseDocument(text, { units });

describe('seed program (CTr hành động NQ 27-NQ/TW, Thành ủy Hà Nội)', () => {
  it('has the three sections, 4 purposes and 7 task groups', () => {
    expect(doc.sections.map((s) => [s.label, s.title])).toEqual([
      ['I', 'MỤC ĐÍCH, YÊU CẦU'],
      ['II', 'NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU'],
      ['III', 'TỔ CHỨC THỰC HIỆN'],
    ]);
    expect(doc.sections[0]!.children.map((c) => c.label)).toEqual(['I.1', 'I.2', 'I.3', 'I.4']);
    expect(doc.sections[1]!.children.map((c) => c.label)).toEqual(
      Array.from({ length: 7 }, (_, i) => `II.${i + 1}`),
    );
  });

  it('has 29 tasks (27 bullets and 2 unbulleted items, flagged), none starting in lower case', () => {
    const perGroup = doc.sections[1]!.children.map((g) => g.children.length);
    expect(perGroup).toEqual([1, 3, 6, 5, 6, 4, 4]);
    expect(doc.tasks).toHaveLength(29);
    expect(doc.tasks.filter((t) => /^\p{Ll}/u.test(t.text))).toEqual([]);
    expect(doc.tasks.map((t) => t.label)).toContain('II.6.4');
    expect(
      doc.warnings
        .filter((w) => w.code === 'UNBULLETED_ITEM')
        .map((w) => doc.source.slice(w.span[0], w.span[0] + 20)),
    ).toEqual(['Nghiên cứu đề xuất, ', 'Phát huy vai trò nêu']);
  });

  it('joins the eight broken lines', () => {
    const joined = doc.warnings.filter((w) => w.code === 'LINE_JOINED');
    expect(joined).toHaveLength(8);
    const t = doc.tasks.find((x) => x.label === 'II.1.1')!;
    expect(t.text).toContain('chính trị - xã hội các cấp của thành phố Hà Nội');
    expect(t.text).not.toContain('\n');
  });

  it('reads the metadata, recipients and signer', () => {
    expect(doc.program.docKind).toBe('CHƯƠNG TRÌNH HÀNH ĐỘNG');
    expect(doc.program.title).toMatch(
      /^thực hiện Nghị quyết số 27-NQ\/TW Hội nghị lần thứ sáu .* trong giai đoạn mới$/,
    );
    expect(doc.program.preamble).toMatch(/^Thực hiện Nghị quyết số 27-NQ\/TW .*như sau:$/s);
    expect(doc.program.partyLayout).toBe(true);
    expect(doc.recipients).toHaveLength(11);
    expect(doc.recipients[0]!.text).toBe('Bộ Chính trị, Ban Bí thư TW (để báo cáo)');
    expect(doc.recipients[10]!.text).toBe('Lưu VPTU');
    expect(doc.signer).toMatchObject({
      onBehalf: 'T/M THÀNH ỦY',
      position: 'PHÓ BÍ THƯ THƯỜNG TRỰC',
      name: 'Nguyễn Thị Tuyền',
    });
  });

  it('finds the cited documents with their dates', () => {
    const byNumber = Object.fromEntries(doc.references.map((r) => [r.number, r]));
    for (const [n, date] of [
      ['27-NQ/TW', null],
      ['15-NQ/TW', null],
      ['26-NQ/TW', null],
      ['04-NQ/TU', '2021-05-31'],
      ['15-ĐA/TU', '2022-05-12'],
      ['34-KL/TW', '2022-04-18'],
      ['71-KH/TU', '2022-04-14'],
      ['28-KL/TW', '2022-02-21'],
    ] as const) {
      expect(byNumber[n], n).toBeTruthy();
      expect(byNumber[n]!.date, n).toBe(date);
    }
    expect(byNumber['27-NQ/TW']!).toMatchObject({ kind: 'Nghị quyết', code: 'NQ/TW', level: 'central' });
    expect(byNumber['27-NQ/TW']!.citations.length).toBeGreaterThan(10);
    expect(byNumber['71-KH/TU']!).toMatchObject({ kind: 'Kế hoạch', level: 'city' });
  });

  it('has 7 responsibility items naming at least 15 distinct bodies, all matched', () => {
    const top = doc.responsibilities.filter((r) => r.label.split('.').length === 2);
    expect(top.map((r) => r.label)).toEqual(['III.1', 'III.2', 'III.3', 'III.4', 'III.5', 'III.6', 'III.7']);
    expect(top[5]!.bodies.map((b) => b.unitCodes[0])).toEqual(['BCS-TAND', 'VKSND', 'DU-CA', 'THADS']);
    const all = doc.responsibilities.flatMap((r) => r.bodies);
    const distinct = new Set(all.map((b) => b.unitCodes.join(',')));
    expect(distinct.size).toBeGreaterThanOrEqual(15);
    expect(all.filter((b) => b.unitCodes.length === 0)).toEqual([]);
    const bnc = doc.responsibilities.find((r) => r.lead?.unitCodes[0] === 'BNC-TU')!;
    expect(bnc.label).toBe('III.5.2');
    expect(bnc.cooperating.map((c) => c.unitCodes[0])).toEqual(['VPTU']);
    expect(bnc.duties).toMatch(/theo dõi, hướng dẫn, kiểm tra, đôn đốc/);
  });

  it('is lossless: the tree and the other spans rebuild the source exactly', () => {
    expect(coverageProblems(doc)).toEqual([]);
    expect(rebuiltWithoutWhitespace(doc)).toBe(normalizeSource(text).replace(/\s+/g, ''));
  });

  it('normalises times in tasks', () => {
    const withTimes = doc.tasks.filter((t) => t.deadline);
    expect(withTimes.length).toBeGreaterThan(0);
    expect(doc.tasks.find((t) => t.label === 'II.6.4')!.deadline).toMatchObject({
      kind: 'year',
      value: '2030',
      relation: 'by',
    });
  });
});
