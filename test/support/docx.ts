/**
 * A small plan as a .docx, built with the docx package: a title and a table of tasks with the
 * usual columns of an assignment annex, as an uploaded document would be.
 */
import { deflateRawSync } from 'node:zlib';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { strFromU8, unzipSync } from 'fflate';

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

/** A little-endian record of `size` bytes: each field is [offset, width in bytes (2 or 4), value]. */
function record(size: number, fields: [number, 2 | 4, number][]): Buffer {
  const b = Buffer.alloc(size);
  for (const [at, width, value] of fields) {
    if (width === 2) b.writeUInt16LE(value, at);
    else b.writeUInt32LE(value, at);
  }
  return b;
}

/** A ZIP built by hand with one deflated entry, declaring whatever sizes we like. */
export function handZip(name: string, content: Uint8Array, declaredSize = content.length): Uint8Array {
  const data = deflateRawSync(content, { level: 9 });
  const n = Buffer.from(name, 'utf-8');
  // Both headers hold the version (2.0) and method (8, deflate), then the compressed size, the declared
  // size and the name's length side by side, at their own offsets.
  type Field = [number, 2 | 4, number];
  const entry = (version: number, sizes: number): Field[] => [
    [version, 2, 20],
    [version + 4, 2, 8],
    [sizes, 4, data.length],
    [sizes + 4, 4, declaredSize],
    [sizes + 8, 2, n.length],
  ];
  const local = record(30, [[0, 4, 0x04034b50], ...entry(4, 18)]);
  const central = record(46, [[0, 4, 0x02014b50], ...entry(6, 20), [42, 4, 0]]);
  const cdOffset = local.length + n.length + data.length;
  const end = record(22, [
    [0, 4, 0x06054b50],
    [8, 2, 1],
    [10, 2, 1],
    [12, 4, central.length + n.length],
    [16, 4, cdOffset],
  ]);
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

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The text of every paragraph of every part of a .docx (runs joined as Word shows them). */
export function docxParagraphs(buf: Buffer): string[] {
  const files = unzipSync(new Uint8Array(buf));
  const out: string[] = [];
  for (const [name, bytes] of Object.entries(files)) {
    if (!/^word\/(document|header\d*|footer\d*)\.xml$/.test(name)) continue;
    for (const p of strFromU8(bytes).match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []) {
      const text = [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
        .map((m) => unescapeXml(m[1]!))
        .join('');
      if (text.trim()) out.push(text);
    }
  }
  return out;
}
