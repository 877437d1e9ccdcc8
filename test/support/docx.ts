/**
 * A small plan as a .docx, built with the docx package: a title and a table of tasks with the
 * usual columns of an assignment annex, as an uploaded document would be.
 */
import { deflateRawSync } from 'node:zlib';
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

/** A ZIP built by hand with one deflated entry, declaring whatever sizes we like. */
export function handZip(name: string, content: Uint8Array, declaredSize = content.length): Uint8Array {
  const data = deflateRawSync(content, { level: 9 });
  const n = Buffer.from(name, 'utf-8');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declaredSize, 22);
  local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declaredSize, 24);
  central.writeUInt16LE(n.length, 28);
  central.writeUInt32LE(0, 42);
  const cdOffset = local.length + n.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + n.length, 12);
  end.writeUInt32LE(cdOffset, 16);
  return new Uint8Array(Buffer.concat([local, n, data, central, n, end]));
}

/**
 * A zip bomb shaped like a .docx: ~0.2 MB whose word/document.xml inflates to ~200 MB of
 * paragraphs, declaring 4 KB in its headers.
 */
export function zipBombDocx(megabytes = 200): { bomb: Uint8Array; inflated: number } {
  const para = '<w:p><w:r><w:t>a</w:t></w:r></w:p>';
  const body = para.repeat(Math.ceil((megabytes * 2 ** 20) / para.length));
  const xml = Buffer.from(`<w:document><w:body>${body}</w:body></w:document>`);
  return { bomb: handZip('word/document.xml', xml, 4096), inflated: xml.length };
}
