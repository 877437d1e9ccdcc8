/**
 * Writes the PDF fixtures of the importer (fixtures/import/pdf/):
 *
 * - 13-laocai-….pdf and 14-lamdong-….pdf: the two corpus .docx files exported to PDF by LibreOffice
 *   (`soffice --headless --convert-to pdf`), with the export's timestamps and document id fixed;
 * - 13-laocai-…-scan.pdf: a scanned copy of the first two pages of 13 — the pages rendered to gray PNG
 *   at 150 dpi by poppler's `pdftoppm`, each wrapped as one image on an otherwise empty page (no text
 *   layer at all; the PNG data goes into the PDF as it is, FlateDecode with the PNG predictor).
 *
 * Deterministic on one machine (the same LibreOffice and poppler give the same bytes):
 *
 *   npx tsx scripts/make-fixture-pdf.ts
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CORPUS = path.join(ROOT, 'fixtures/corpus');
const OUT = path.join(ROOT, 'fixtures/import/pdf');
const SOURCES = ['13-laocai-ubnd-kh-trien-khai-ct-11-cttu-khoang-san', '14-lamdong-ubnd-kh-cchc-2026-2030'];
const SCAN_OF = SOURCES[0]!;
const SCAN_PAGES = 2;
const DPI = 150;

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 180_000 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.status} ${r.stderr}`);
}

/** Same-length replacements of what changes from one export to the next: dates and the document id. */
function fixVolatile(pdf: Buffer): Buffer {
  let s = pdf.toString('latin1');
  s = s.replace(
    /\/(CreationDate|ModDate)\(D:(\d+)/g,
    (_m, k: string, d: string) => `/${k}(D:${'20260310080000'.slice(0, d.length).padEnd(d.length, '0')}`,
  );
  s = s.replace(/\/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g, (m, a: string, b: string) =>
    m.replace(a, '0'.repeat(a.length)).replace(b, '0'.repeat(b.length)),
  );
  s = s.replace(/\/DocChecksum \/([0-9A-F]+)/g, (_m, c: string) => `/DocChecksum /${'0'.repeat(c.length)}`);
  return Buffer.from(s, 'latin1');
}

/** The IHDR fields and the concatenated IDAT data of a PNG. */
function readPng(png: Buffer): {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  data: Buffer;
} {
  let off = 8;
  let width = 0;
  let height = 0;
  let bitDepth = 0;
  let colorType = 0;
  const idat: Buffer[] = [];
  while (off < png.length) {
    const len = png.readUInt32BE(off);
    const type = png.toString('latin1', off + 4, off + 8);
    const body = png.subarray(off + 8, off + 8 + len);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      bitDepth = body[8]!;
      colorType = body[9]!;
      if (body[12] !== 0) throw new Error('interlaced PNG');
    } else if (type === 'IDAT') idat.push(body);
    off += 12 + len;
  }
  return { width, height, bitDepth, colorType, data: Buffer.concat(idat) };
}

/** A PDF whose pages are the given PNG images (gray or RGB, 8 bits), each filling an A4 page. */
function imagePdf(pngs: Buffer[]): Buffer {
  const objects: Buffer[] = [];
  const add = (b: Buffer | string) => {
    objects.push(typeof b === 'string' ? Buffer.from(b, 'latin1') : b);
    return objects.length;
  };
  const pageIds: number[] = [];
  const catalog = add('');
  const pagesId = add('');
  for (const p of pngs) {
    const img = readPng(p);
    if (img.bitDepth !== 8 || (img.colorType !== 0 && img.colorType !== 2))
      throw new Error('PNG: 8-bit gray or RGB only');
    const colors = img.colorType === 0 ? 1 : 3;
    const cs = colors === 1 ? '/DeviceGray' : '/DeviceRGB';
    const w = 595.28;
    const h = (595.28 * img.height) / img.width;
    const imgId = add(
      Buffer.concat([
        Buffer.from(
          `<< /Type /XObject /Subtype /Image /Width ${img.width} /Height ${img.height} /ColorSpace ${cs} /BitsPerComponent 8 /Filter /FlateDecode /DecodeParms << /Predictor 15 /Colors ${colors} /BitsPerComponent 8 /Columns ${img.width} >> /Length ${img.data.length} >>\nstream\n`,
          'latin1',
        ),
        img.data,
        Buffer.from('\nendstream', 'latin1'),
      ]),
    );
    const content = `q ${w.toFixed(2)} 0 0 ${h.toFixed(2)} 0 0 cm /Im0 Do Q`;
    const contentId = add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    pageIds.push(
      add(
        `<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 ${w.toFixed(2)} ${h.toFixed(2)}] /Resources << /XObject << /Im0 ${imgId} 0 R >> >> /Contents ${contentId} 0 R >>`,
      ),
    );
  }
  objects[catalog - 1] = Buffer.from(`<< /Type /Catalog /Pages ${pagesId} 0 R >>`, 'latin1');
  objects[pagesId - 1] = Buffer.from(
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`,
    'latin1',
  );
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let size = parts[0]!.length;
  objects.forEach((o, i) => {
    offsets.push(size);
    const b = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`, 'latin1'),
      o,
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    parts.push(b);
    size += b.length;
  });
  const xref = [
    'xref',
    `0 ${objects.length + 1}`,
    '0000000000 65535 f ',
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `),
    'trailer',
    `<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>`,
    'startxref',
    String(size),
    '%%EOF',
    '',
  ].join('\n');
  parts.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(parts);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'thucthi-fixture-pdf-'));
try {
  fs.mkdirSync(OUT, { recursive: true });
  for (const name of SOURCES) {
    const docx = path.join(tmp, `${name}.docx`);
    fs.copyFileSync(path.join(CORPUS, `${name}.docx`), docx);
    run('soffice', [
      '--headless',
      `-env:UserInstallation=file://${tmp}/profile`,
      '--convert-to',
      'pdf',
      '--outdir',
      tmp,
      docx,
    ]);
    fs.writeFileSync(
      path.join(OUT, `${name}.pdf`),
      fixVolatile(fs.readFileSync(path.join(tmp, `${name}.pdf`))),
    );
  }
  const pngs: Buffer[] = [];
  for (let p = 1; p <= SCAN_PAGES; p++) {
    const prefix = path.join(tmp, `scan-${p}`);
    run('pdftoppm', [
      '-r',
      String(DPI),
      '-gray',
      '-png',
      '-singlefile',
      '-f',
      `${p}`,
      '-l',
      `${p}`,
      path.join(OUT, `${SCAN_OF}.pdf`),
      prefix,
    ]);
    pngs.push(fs.readFileSync(`${prefix}.png`));
  }
  fs.writeFileSync(path.join(OUT, `${SCAN_OF}-scan.pdf`), imagePdf(pngs));
  for (const f of fs.readdirSync(OUT).sort()) console.log(f, fs.statSync(path.join(OUT, f)).size);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
