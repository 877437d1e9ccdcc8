/**
 * A small plan as a .docx, built with the docx package: a title and a table of tasks with the
 * usual columns of an assignment annex, as an uploaded document would be.
 */
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';

const HEADER = ['TT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian hoàn thành', 'Sản phẩm'];

/** "KẾ HOẠCH / Thực hiện chuyển đổi số năm 2026 / I. NHIỆM VỤ CỤ THỂ" and a table: a header row, then `rows`. */
export function taskTableDocx(rows: string[][]): Promise<Buffer> {
  const cell = (s: string) => new TableCell({ children: [new Paragraph(s)] });
  const row = (c: string[]) => new TableRow({ children: c.map(cell) });
  const d = new Document({
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun({ text: 'KẾ HOẠCH', bold: true })] }),
          new Paragraph('Thực hiện chuyển đổi số năm 2026'),
          new Paragraph('I. NHIỆM VỤ CỤ THỂ'),
          new Table({ rows: [row(HEADER), ...rows.map(row)] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(d);
}
