import { describe, expect, it } from 'vitest';
import { NOTIFICATION_KINDS, NOTIFICATION_KIND_LABELS, notificationText } from './notification-kinds.js';

describe('notification kinds', () => {
  it('labels every kind in Vietnamese', () => {
    expect(Object.keys(NOTIFICATION_KIND_LABELS).sort()).toEqual([...NOTIFICATION_KINDS].sort());
  });

  it('puts the link in the e-mail and cuts a long quoted text', () => {
    const t = notificationText({
      kind: 'obstacle.answered',
      obstacleKind: 'proposal',
      text: 'Đề nghị '.repeat(40),
      periodLabel: 'Quý I năm 2027',
      handlingUnitName: 'Sở Tài chính',
      answer: 'Đã bố trí kinh phí.',
      link: '/bao-cao/abc',
    });
    expect(t.title).toBe('Kiến nghị, đề xuất đã được trả lời');
    expect(t.body).toMatch(
      /^Kiến nghị, đề xuất "Đề nghị .{100,}…" \(báo cáo kỳ Quý I năm 2027\) đã được trả lời: Đã bố trí kinh phí\.$/,
    );
    expect(t.subject).toBe(t.title);
    expect(t.text).toContain('Xem chi tiết trong hệ thống thucthi: /bao-cao/abc');
  });

  it('lists the reviewer’s comments of a returned report, one per line', () => {
    const t = notificationText({
      kind: 'report.returned',
      periodLabel: 'Năm 2026',
      unitName: 'Sở Tư pháp',
      number: 2,
      comment: null,
      taskComments: [
        { taskLabel: '1.1', comment: 'Bổ sung số liệu.' },
        { taskLabel: '1.2', comment: 'Nêu rõ sản phẩm.' },
      ],
      link: '/bao-cao/x',
    });
    expect(t.body).toBe(
      'Báo cáo lần 2 của Sở Tư pháp được trả lại để hoàn thiện.\nNhiệm vụ 1.1: Bổ sung số liệu.\nNhiệm vụ 1.2: Nêu rõ sản phẩm.',
    );
  });
});
