/**
 * One-cell-per-line tables (cell-lines.ts): the rules that place a cell's text in its column when
 * the gazette text gives no mark where one cell ends — a time or a body run onto another column's
 * line, a blank line for an empty cell, a cell going on after a page break.
 */
import { describe, expect, it } from 'vitest';
import { readCellLines, type CellLine } from './cell-lines.js';

const COLUMNS: Record<string, string> = {
  tt: 'tt',
  stt: 'tt',
  'tên nhiệm vụ': 'task',
  'nội dung, nhiệm vụ': 'task',
  'cơ quan chủ trì': 'lead',
  'cơ quan chủ trì thực hiện': 'lead',
  'cơ quan phối hợp': 'cooperating',
  'kết quả': 'products',
  'thời gian': 'deadline',
  'thời hạn': 'deadline',
};
const columnOf = (h: string) => COLUMNS[h.toLowerCase().replace(/\s+/g, ' ').trim()] ?? null;

/** Lines of a text; "~" alone is a blank line, "=== " a page break (its furniture). */
function cellLines(text: string): CellLine[] {
  const out: CellLine[] = [];
  let pos = 0;
  let blank = 0;
  let pageBreak = false;
  for (const raw of text.split('\n')) {
    const start = pos;
    pos += raw.length + 1;
    if (raw === '~') {
      blank++;
      continue;
    }
    if (raw === '===') {
      pageBreak = true;
      continue;
    }
    out.push({ start, end: start + raw.length, text: raw, pageBreak, blankBefore: pageBreak ? 0 : blank });
    blank = 0;
    pageBreak = false;
  }
  return out;
}

const HEADER = ['STT', 'Tên nhiệm vụ', 'Cơ quan', 'chủ trì', 'Cơ quan', 'phối hợp', 'Kết quả', 'Thời hạn'];

function rows(body: string[], header = HEADER) {
  const t = readCellLines(cellLines([...header, ...body].join('\n')), 0, columnOf);
  expect(t).not.toBeNull();
  return t!.rows.filter((r) => !r.group).map((r) => r.cells);
}

describe('one-cell-per-line tables', () => {
  it('reads a time written at the end of the product line as the deadline', () => {
    const [r] = rows([
      '1.',
      'Phối hợp chặt chẽ, đồng bộ giữa các cơ quan quản lý',
      'nhà nước trong thực hiện chính sách bảo hiểm y tế.',
      'Bộ Y tế',
      'Bộ Tài chính, các',
      'cơ quan có liên',
      'quan',
      'Các hoạt động,',
      'văn bản phối hợp Thường xuyên',
    ]);
    expect(r).toMatchObject({
      lead: 'Bộ Y tế',
      cooperating: 'Bộ Tài chính, các cơ quan có liên quan',
      products: 'Các hoạt động, văn bản phối hợp',
      deadline: 'Thường xuyên',
    });
  });

  it('reads a body at the end of the last wide line as the lead, and "Đã hoàn thành" as a deadline', () => {
    const [r, r2] = rows([
      '1.',
      'Xây dựng Nghị định về tăng mức đóng bảo',
      'hiểm y tế từ năm 2027 theo lộ trình phù hợp Bộ Y tế',
      'Bộ Tài chính, các',
      'bộ, ngành liên quan',
      'Nghị định',
      'của Chính phủ',
      'Tháng 3/2027',
      '2.',
      'Xây dựng Nghị quyết cho phép tính chi phí',
      'quản lý vào giá dịch vụ y tế',
      'Bộ Y tế',
      'Bộ Tài chính',
      'Nghị quyết của',
      'Chính phủ',
      'Đã hoàn thành',
    ]);
    expect(r).toMatchObject({
      task: 'Xây dựng Nghị định về tăng mức đóng bảo hiểm y tế từ năm 2027 theo lộ trình phù hợp',
      lead: 'Bộ Y tế',
      cooperating: 'Bộ Tài chính, các bộ, ngành liên quan',
      products: 'Nghị định của Chính phủ',
    });
    expect(r2).toMatchObject({ products: 'Nghị quyết của Chính phủ', deadline: 'Đã hoàn thành' });
  });

  it('keeps "X trình Y" in the lead cell (the level it submits to is read from there)', () => {
    const [r] = rows([
      '1.',
      'Bố trí ngân sách địa phương để hỗ trợ thêm mức',
      'đóng cho người dân tham gia bảo hiểm y tế',
      'Ủy ban nhân',
      'dân cấp tỉnh',
      'trình',
      'Hội',
      'đồng nhân',
      'dân cùng cấp',
      'Các cơ quan, tổ',
      'chức có liên quan.',
      'Nghị quyết hỗ trợ',
      'Hằng năm',
    ]);
    expect(r).toMatchObject({
      lead: 'Ủy ban nhân dân cấp tỉnh trình Hội đồng nhân dân cùng cấp',
      cooperating: 'Các cơ quan, tổ chức có liên quan.',
    });
  });

  it('takes a blank line between cells for an empty cell', () => {
    const header = ['TT', 'Nội dung, nhiệm vụ', 'Cơ quan chủ', 'trì', 'Cơ quan', 'phối hợp', 'Thời gian'];
    const [r] = rows(
      [
        '1.',
        'Đẩy mạnh thông tin, truyền thông; triển khai cơ chế chia',
        'sẻ thông tin giữa các Bộ, cơ quan, địa phương.',
        'Các Bộ, cơ quan',
        'UBND các tỉnh,',
        'thành phố',
        '~',
        'Thường',
        'xuyên',
      ],
      header,
    );
    expect(r).toMatchObject({ lead: 'Các Bộ, cơ quan UBND các tỉnh, thành phố', deadline: 'Thường xuyên' });
    expect(r!.cooperating ?? '').toBe('');
  });

  it('after a page break, gives each cell its own lower-case continuation', () => {
    const [r] = rows([
      '1.',
      'Kiện toàn, hoàn thiện chức năng, nhiệm vụ của các cơ',
      'quan chức năng quản lý và Ủy ban Công tác tại',
      'Bộ Ngoại',
      'giao',
      'Các cơ quan',
      'thành viên',
      'trong Ủy ban',
      'Quyết định của',
      'Thủ tướng Chính',
      'phủ kiện toàn Ủy',
      '2026',
      '===',
      'Việt Nam theo hướng thống nhất, tinh gọn, hiệu lực,',
      'hiệu quả.',
      'công tác',
      'về các',
      'tổ chức',
      'ban công tác',
      'về các tổ chức',
    ]);
    expect(r).toMatchObject({
      lead: 'Bộ Ngoại giao',
      cooperating: 'Các cơ quan thành viên trong Ủy ban công tác về các tổ chức',
      products: 'Quyết định của Thủ tướng Chính phủ kiện toàn Ủy ban công tác về các tổ chức',
      deadline: '2026',
    });
    expect(r!.task).toMatch(/Ủy ban Công tác tại Việt Nam theo hướng .* hiệu quả\.$/);
  });
});
