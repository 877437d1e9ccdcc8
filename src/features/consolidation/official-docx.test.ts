/**
 * The official report .docx in both layouts: the XML checked for A4, margins and fonts; then, with
 * LibreOffice, converted to PDF to check the text, the page sizes (body portrait, annex landscape)
 * and a PNG of page 1 for a look.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  officialDateLine,
  officialNumberLine,
  renderOfficialDocx,
  type OfficialBlock,
  type OfficialReportDoc,
} from './official-docx.js';
import { pdfPageCount, pdfPageSize, pdfText, sofficeToPdf } from '../../../test/support/office.js';

const hasOffice = fs.existsSync('/usr/bin/soffice') && fs.existsSync('/usr/bin/pdftoppm');
const OUT = path.resolve('test-results/exports');

const TITLE = 'Kết quả thực hiện Chương trình hành động số 27-CTr/TU năm 2026';

function sample(layout: OfficialReportDoc['layout']): OfficialReportDoc {
  const party = layout === 'party';
  const rows: NonNullable<OfficialReportDoc['annex']>['rows'] = [];
  let n = 0;
  for (const [g, title] of [
    ['I', 'ĐẨY MẠNH TUYÊN TRUYỀN, NÂNG CAO NHẬN THỨC'],
    ['II', 'HOÀN THIỆN THỂ CHẾ, CƠ CHẾ, CHÍNH SÁCH'],
    ['III', 'CHUYỂN ĐỔI SỐ VÀ CẢI CÁCH HÀNH CHÍNH'],
  ] as const) {
    rows.push({ kind: 'group', cells: [g, title] });
    for (let i = 0; i < 12; i++) {
      n++;
      rows.push({
        kind: 'task',
        cells: [
          String(n),
          `Tổ chức quán triệt, triển khai nhiệm vụ số ${n} về phòng, chống tham nhũng, lãng phí, tiêu cực`,
          n === 1 ? 'Ban Tuyên giáo Thành ủy' : 'Sở Tư pháp',
          'Sở Văn hóa và Thể thao; UBND các quận, huyện, thị xã',
          n % 2 ? 'Quý II/2026' : '30/06/2026',
          n % 3 ? 'Báo cáo kết quả' : 'Kế hoạch triển khai',
        ],
      });
    }
  }
  return {
    layout,
    parentBody: party ? 'ĐẢNG BỘ THÀNH PHỐ HÀ NỘI' : 'UBND THÀNH PHỐ HÀ NỘI',
    issuer: party ? 'Thành ủy Hà Nội' : 'Sở Tư pháp',
    number: '12',
    notation: party ? 'BC/TU' : 'BC-STP',
    place: 'Hà Nội',
    date: '2026-01-05',
    docType: 'Báo cáo',
    title: TITLE,
    draft: true,
    recipientsTo: party ? undefined : ['Ủy ban nhân dân Thành phố', 'Ban Nội chính Thành ủy'],
    sections: [
      {
        heading: 'I. Kết quả thực hiện',
        blocks: [
          { kind: 'heading', text: '1. Công tác lãnh đạo, chỉ đạo' },
          {
            kind: 'paragraph',
            text: 'Ngay sau khi Chương trình hành động được ban hành, các cấp ủy, tổ chức đảng, chính quyền đã khẩn trương quán triệt, xây dựng kế hoạch thực hiện, phân công rõ người, rõ việc, rõ thời gian, rõ trách nhiệm, rõ sản phẩm; đến nay 30/30 đơn vị đã ban hành kế hoạch.',
          },
          {
            kind: 'bullet',
            text: 'Tổ chức 125 hội nghị quán triệt với hơn 15.000 lượt cán bộ, đảng viên tham dự;',
          },
          { kind: 'bullet', text: 'Kiểm tra, giám sát 18 tổ chức đảng và 42 đảng viên.' },
          { kind: 'subheading', text: 'a) Kết quả cụ thể' },
          ...['Quận Ba Đình', 'Quận Hoàn Kiếm', 'Quận Đống Đa', 'Huyện Sóc Sơn', 'Thị xã Sơn Tây'].map(
            (unit): OfficialBlock => ({
              kind: 'paragraph',
              text: `${unit} đã hoàn thành các nhiệm vụ được giao đúng tiến độ; tổ chức sơ kết, đánh giá kết quả thực hiện, kịp thời tháo gỡ khó khăn, vướng mắc phát sinh trong quá trình triển khai; chủ động phối hợp với các sở, ban, ngành liên quan.`,
            }),
          ),
          {
            kind: 'paragraph',
            text: 'Trong năm, 27/29 nhiệm vụ hoàn thành đúng hạn, đạt 93,1%; 2 nhiệm vụ đang triển khai, dự kiến hoàn thành trong quý I năm 2027.',
          },
        ],
      },
      {
        heading: 'II. Tồn tại, hạn chế và nguyên nhân',
        blocks: [
          {
            kind: 'paragraph',
            text: 'Một số đơn vị chậm ban hành kế hoạch; việc báo cáo định kỳ chưa bảo đảm thời hạn, chất lượng một số báo cáo còn chung chung, thiếu số liệu minh chứng.',
          },
          {
            kind: 'bullet',
            text: 'Nguyên nhân chủ quan: người đứng đầu một số đơn vị chưa quan tâm đúng mức.',
          },
        ],
      },
      {
        heading: 'III. Phương hướng, nhiệm vụ thời gian tới',
        blocks: [
          {
            kind: 'paragraph',
            text: 'Tiếp tục quán triệt, thực hiện nghiêm các nhiệm vụ, giải pháp đã đề ra; tăng cường kiểm tra, đôn đốc; kịp thời biểu dương, khen thưởng tập thể, cá nhân có thành tích xuất sắc.',
          },
        ],
      },
    ],
    signer: party
      ? { authority: 'T/M Ban Thường vụ', position: 'Phó Bí thư Thường trực', name: 'Nguyễn Văn An' }
      : { authority: 'KT. Giám đốc', position: 'Phó Giám đốc', name: 'Trần Thị Bình' },
    recipients: party
      ? ['Ban Thường vụ Thành ủy (để báo cáo)', 'Các sở, ban, ngành', 'Lưu Văn phòng Thành ủy']
      : ['Như trên', 'Giám đốc Sở (để báo cáo)', 'Lưu: VT, VP.'],
    annex: {
      title: 'Danh mục nhiệm vụ triển khai Chương trình hành động số 27-CTr/TU',
      subtitle: party
        ? '(Kèm theo Báo cáo số 12-BC/TU ngày 05/01/2026 của Thành ủy Hà Nội)'
        : '(Kèm theo Báo cáo số 12/BC-STP ngày 05/01/2026 của Sở Tư pháp)',
      columns: ['TT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian hoàn thành', 'Sản phẩm'],
      rows,
    },
  };
}

const documentXml = (buf: Buffer) => strFromU8(unzipSync(new Uint8Array(buf))['word/document.xml']!);

describe('official number and date lines', () => {
  it('formats "Số" for both layouts, with a blank for the clerk', () => {
    expect(officialNumberLine('party', '125', 'BC/TU')).toBe('Số 125-BC/TU');
    expect(officialNumberLine('state', '125', 'BC-STP')).toBe('Số: 125/BC-STP');
    expect(officialNumberLine('state', '7', 'BC-STP')).toBe('Số: 07/BC-STP');
    expect(officialNumberLine('party', null, 'BC/TU')).toBe('Số      -BC/TU');
    expect(officialNumberLine('state', '', 'BC-STP')).toBe('Số:      /BC-STP');
  });
  it('writes the date with leading zeros for days below 10 and months 1–2', () => {
    expect(officialDateLine('Hà Nội', '2026-01-05')).toBe('Hà Nội, ngày 05 tháng 01 năm 2026');
    expect(officialDateLine('Hà Nội', '2026-03-15')).toBe('Hà Nội, ngày 15 tháng 3 năm 2026');
    expect(officialDateLine('Hà Nội', null, new Date('2027-04-01'))).toBe(
      'Hà Nội, ngày      tháng      năm 2027',
    );
  });
});

describe.each(['party', 'state'] as const)('official report, %s layout', (layout) => {
  const number = layout === 'party' ? 'Số 12-BC/TU' : 'Số: 12/BC-STP';
  const nation =
    layout === 'party'
      ? ['ĐẢNG CỘNG SẢN VIỆT NAM']
      : ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];

  it('writes A4 portrait, then an A4 landscape annex section, in Times New Roman', async () => {
    const xml = documentXml(await renderOfficialDocx(sample(layout)));
    const sizes = [...xml.matchAll(/<w:pgSz ([^>]*)\/>/g)].map((m) => m[1]!);
    expect(sizes).toHaveLength(2);
    expect(sizes[0]).toMatch(/w:w="11906" w:h="16838"/);
    expect(sizes[1]).toMatch(/w:w="16838" w:h="11906"/);
    expect(sizes[1]).toContain('w:orient="landscape"');
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    expect(xml).toContain('w:ascii="Times New Roman"');
    const fonts = new Set([...xml.matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]));
    expect([...fonts]).toEqual(['Times New Roman']);
    expect(xml).toContain('<w:titlePg/>');
    expect(xml).toContain('<w:tblHeader/>');
    for (const s of [...nation, number, TITLE, 'DỰ THẢO', 'Nguyễn Văn An', 'Trần Thị Bình'].filter((s) =>
      layout === 'party' ? s !== 'Trần Thị Bình' : s !== 'Nguyễn Văn An',
    ))
      expect(xml).toContain(s);
    expect(xml).toContain('Hà Nội, ngày 05 tháng 01 năm 2026');
  });

  it.skipIf(!hasOffice)(
    'renders in LibreOffice: header, number, title, signature, annex in landscape',
    async () => {
      const doc = sample(layout);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thucthi-official-'));
      const name = `bao-cao-${layout}`;
      const file = path.join(dir, `${name}.docx`);
      fs.writeFileSync(file, await renderOfficialDocx(doc));
      fs.mkdirSync(OUT, { recursive: true });
      fs.copyFileSync(file, path.join(OUT, `${name}.docx`));
      const conv = sofficeToPdf(dir, file);
      expect(conv.status, conv.stderr).toBe(0);
      const pdf = path.join(dir, `${name}.pdf`);
      const text = pdfText(pdf);
      for (const s of [
        ...nation,
        number,
        'Hà Nội, ngày 05 tháng 01 năm 2026',
        'BÁO CÁO',
        TITLE,
        'Nơi nhận',
        doc.signer.name,
        'PHỤ LỤC',
        'Cơ quan phối hợp',
        'Ban Tuyên giáo Thành ủy', // an annex cell
        'DANH MỤC NHIỆM VỤ TRIỂN KHAI CHƯƠNG TRÌNH HÀNH ĐỘNG SỐ 27-CTr/TU',
      ])
        expect(text).toContain(s);

      const pages = pdfPageCount(pdf);
      expect(pages).toBeGreaterThan(2);
      expect(pdfPageSize(pdf, 1)).toEqual([595, 842]); // A4 portrait
      expect(pdfPageSize(pdf, pages)).toEqual([842, 595]); // A4 landscape
      // Page numbers at the top from page 2: the body's page 2 starts with "2", page 1 with no number.
      const pageText = (p: number) =>
        spawnSync('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-'], {
          encoding: 'utf8',
        }).stdout.trim();
      expect(pageText(1)).not.toMatch(/^\d/);
      expect(pageText(2)).toMatch(/^2\s/);
      // The body (header, title, page 1) comes before the annex.
      expect(text.indexOf(number)).toBeLessThan(text.indexOf('PHỤ LỤC'));

      const png = spawnSync(
        'pdftoppm',
        ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, path.join(OUT, name)],
        {
          encoding: 'utf8',
        },
      );
      expect(png.status).toBe(0);
      expect(fs.readdirSync(OUT).some((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))).toBe(true);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  );
});
