/**
 * The consolidated report's heading for programs of four issuer levels (the Government, a ministry,
 * the city's People's Committee, a Party committee), written by a Party body (Ban Nội chính Thành ủy,
 * HD 36-HD/VPTW) and by a State body (Sở Tư pháp, NĐ 30/2020): rendered to .docx, converted to PDF
 * with LibreOffice, and the PDF's text read. The header is always the writer's; the program's issuer
 * appears only where the program is cited.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { draftHeading, type HeadingSource, type IssuingUnit } from '../../domain/reporting/heading.js';
import { renderOfficialDocx } from './official-docx.js';
import { pdfText, sofficeToPdf } from '../../../test/support/office.js';

const hasOffice = fs.existsSync('/usr/bin/soffice') && fs.existsSync('/usr/bin/pdftotext');
const OUT = path.resolve('test-results/exports');

type Program = HeadingSource['program'];
const program = (p: Partial<Program>): Program => ({
  docKind: null,
  number: null,
  date: null,
  issuer: null,
  title: null,
  wrapper: null,
  partyLayout: false,
  parentIssuer: null,
  ...p,
});

const PROGRAMS: [string, Program, string][] = [
  [
    'chinh-phu',
    program({
      docKind: 'CHƯƠNG TRÌNH HÀNH ĐỘNG',
      issuer: 'CHÍNH PHỦ',
      wrapper: { kind: 'NGHỊ QUYẾT', number: '12/NQ-CP', date: '2023-02-07' },
    }),
    'Chương trình hành động ban hành kèm theo Nghị quyết số 12/NQ-CP ngày 07/02/2023 của Chính phủ',
  ],
  [
    'bo',
    program({ docKind: 'KẾ HOẠCH', number: '1234/KH-BTP', date: '2025-04-10', issuer: 'BỘ TƯ PHÁP' }),
    'Kế hoạch số 1234/KH-BTP ngày 10/04/2025 của Bộ Tư pháp',
  ],
  [
    'ubnd',
    program({
      docKind: 'KẾ HOẠCH',
      number: '45/KH-UBND',
      date: '2026-02-20',
      issuer: 'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI',
    }),
    'Kế hoạch số 45/KH-UBND ngày 20/02/2026 của Ủy ban nhân dân Thành phố Hà Nội',
  ],
  [
    'thanh-uy',
    program({
      docKind: 'CHƯƠNG TRÌNH HÀNH ĐỘNG',
      number: '27-CTr/TU',
      date: '2026-01-15',
      issuer: 'THÀNH ỦY HÀ NỘI',
      parentIssuer: 'ĐẢNG BỘ THÀNH PHỐ HÀ NỘI',
      partyLayout: true,
    }),
    'Chương trình hành động số 27-CTr/TU ngày 15/01/2026 của Thành ủy Hà Nội',
  ],
];

// The number line's two halves may come apart in pdftotext's reading order (the right column between).
const WRITERS: [string, IssuingUnit, (string | RegExp)[]][] = [
  [
    'party',
    {
      name: 'Ban Nội chính Thành ủy',
      kind: 'party_board',
      parent: { name: 'Thành ủy Hà Nội', kind: 'party_committee' },
    },
    ['THÀNH ỦY HÀ NỘI', 'BAN NỘI CHÍNH', 'ĐẢNG CỘNG SẢN VIỆT NAM', /Số .*-BC\/BNCTU/],
  ],
  [
    'state',
    {
      name: 'Sở Tư pháp',
      kind: 'department',
      parent: { name: 'Ủy ban nhân dân Thành phố Hà Nội', kind: 'people_committee' },
    },
    [
      'UBND THÀNH PHỐ HÀ NỘI',
      'SỞ TƯ PHÁP',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      /Số: .*\/BC-STP/,
    ],
  ],
];

describe.skipIf(!hasOffice)('heading of the consolidated report per issuer of the program', () => {
  it('renders the writer in the header and cites the program, for four issuers in both layouts', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thucthi-heading-'));
    fs.mkdirSync(OUT, { recursive: true });
    for (const [layout, writer, header] of WRITERS)
      for (const [name, p, citation] of PROGRAMS) {
        const h = draftHeading({
          writer,
          program: p,
          programTitle: 'x',
          periodLabel: 'Quý I/2026',
          reviewKind: 'so_ket',
          place: 'Hà Nội',
        });
        expect(h.layout).toBe(layout);
        const base = `tieu-de-${layout}-${name}`;
        const file = path.join(dir, `${base}.docx`);
        fs.writeFileSync(
          file,
          await renderOfficialDocx({
            ...h,
            docType: 'BÁO CÁO',
            draft: true,
            sections: [
              {
                heading: 'I. KẾT QUẢ THỰC HIỆN',
                blocks: [{ kind: 'paragraph', text: `Thực hiện ${citation}.` }],
              },
            ],
          }),
        );
        const conv = sofficeToPdf(dir, file);
        expect(conv.status, conv.stderr).toBe(0);
        const pdf = path.join(dir, `${base}.pdf`);
        const text = pdfText(pdf);
        const top = text.slice(0, text.indexOf('BÁO CÁO'));
        for (const s of header) expect(top, `${base}: ${s}`).toMatch(s);
        // The program's issuer is not the report's: absent from the header unless it is the writer's own parent.
        const issuer = p.issuer!;
        if (!top.includes(`${issuer} BAN NỘI CHÍNH`)) expect(top, base).not.toContain(issuer);
        expect(top).not.toMatch(/CHÍNH PHỦ|BỘ TƯ PHÁP|ỦY BAN NHÂN DÂN THÀNH PHỐ/);
        expect(text, base).toContain(`Sơ kết quý I/2026 thực hiện ${citation}`);
        // In the justified body a line may break after a hyphen, which pdftotext drops.
        const noHyphen = (x: string) => x.replace(/-/g, '');
        expect(noHyphen(text), base).toContain(noHyphen(`Thực hiện ${citation}.`));
        const png = spawnSync('pdftoppm', [
          '-png',
          '-r',
          '50',
          '-f',
          '1',
          '-l',
          '1',
          pdf,
          path.join(OUT, base),
        ]);
        expect(png.status).toBe(0);
      }
    fs.rmSync(dir, { recursive: true, force: true });
  }, 300_000);
});
