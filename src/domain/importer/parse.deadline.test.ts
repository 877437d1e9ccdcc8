/**
 * A body task's deadline is a time the text sets for the task, not a time that dates a target, a plan
 * or a budget the text names ("đạt mục tiêu tới năm 2026", "kế hoạch đầu tư công trung hạn giai đoạn
 * 2026 - 2030", "ngân sách hằng năm").
 */
import { describe, expect, it } from 'vitest';
import { parseDocument } from './parse.js';

const doc = parseDocument(
  [
    'ỦY BAN NHÂN DÂN',
    'TỈNH LÀO CAI',
    'Số: 12/KH-UBND',
    'Lào Cai, ngày 10 tháng 3 năm 2026',
    'KẾ HOẠCH',
    'Thực hiện bảo hiểm y tế toàn dân',
    'I. MỤC ĐÍCH, YÊU CẦU',
    'Bảo đảm thực hiện đồng bộ.',
    'II. NHIỆM VỤ, GIẢI PHÁP',
    '1. Phát triển đối tượng tham gia',
    '- Đẩy mạnh bao phủ bảo hiểm y tế để đạt mục tiêu tới năm 2026 tỷ lệ bao phủ đạt trên 95% dân số, đến năm 2030 đạt mục tiêu bao phủ toàn dân.',
    '- Ưu tiên nguồn lực trong kế hoạch đầu tư công trung hạn giai đoạn 2026 - 2030 và nguồn dự phòng ngân sách hằng năm cho các dự án trọng điểm.',
    '- Rà soát, sửa đổi quy chế phối hợp, hoàn thành trong quý II năm 2026.',
    '- Tổ chức tuyên truyền về bảo hiểm y tế, thời gian thực hiện: năm 2027.',
  ].join('\n'),
  {},
);
const deadline = (label: string) => doc.tasks.find((t) => t.label === label)?.deadline?.text ?? null;

describe('body task deadlines', () => {
  it('reads the four tasks', () => {
    expect(doc.tasks.map((t) => t.label)).toEqual(['II.1.1', 'II.1.2', 'II.1.3', 'II.1.4']);
  });
  it('does not take the time of a target or of a plan for a deadline', () => {
    expect(deadline('II.1.1')).toBeNull();
    expect(deadline('II.1.2')).toBeNull();
  });
  it('still takes the time the text sets for the task', () => {
    expect(deadline('II.1.3')).toBe('hoàn thành trong quý II năm 2026');
    expect(deadline('II.1.4')).toBe('năm 2027');
  });
});
