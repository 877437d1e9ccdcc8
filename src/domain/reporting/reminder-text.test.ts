import { describe, expect, it } from 'vitest';
import {
  PERIOD_REMINDER_KINDS,
  SKIP_REASONS,
  TASK_REMINDER_KINDS,
  isPeriodReminderKind,
  isReminderKind,
  periodReminderText,
  taskReminderText,
  type PeriodReminderFacts,
  type TaskReminderFacts,
} from './reminder-text.js';

/** The e-mail's text: the notification's body, the link, and a do-not-reply line. */
const email = (body: string, link: string) =>
  `${body}\n\nXem chi tiết trong hệ thống thucthi: ${link}\n\n(Thư gửi tự động, vui lòng không trả lời.)`;

const period: PeriodReminderFacts = {
  kind: 'period_before',
  periodLabel: 'Năm 2026',
  unitName: 'Sở Nội vụ',
  dueDate: '2026-12-16',
  daysLate: -7,
  taskCount: 3,
  link: '/bao-cao/ob-1',
};

const task: TaskReminderFacts = {
  kind: 'task_before',
  taskLabel: '2.1',
  taskText: 'Rà soát, hệ thống hóa văn bản quy phạm pháp luật của tỉnh',
  unitName: 'Sở Tư pháp',
  dueDate: '2026-12-31',
  daysLate: -7,
  link: '/nhiem-vu/n-1',
};

describe('reminder kinds', () => {
  it('knows every kind the planner and the matrix create, and tells periods from tasks', () => {
    expect([...PERIOD_REMINDER_KINDS, ...TASK_REMINDER_KINDS]).toHaveLength(9);
    expect(PERIOD_REMINDER_KINDS.every((k) => isReminderKind(k) && isPeriodReminderKind(k))).toBe(true);
    expect(TASK_REMINDER_KINDS.every((k) => isReminderKind(k) && !isPeriodReminderKind(k))).toBe(true);
    expect(isReminderKind('period_someday')).toBe(false);
    expect(isReminderKind('')).toBe(false);
  });
});

describe('period reminders', () => {
  it('before the due date', () => {
    const body =
      'Đề nghị Sở Nội vụ hoàn thành và gửi báo cáo kỳ Năm 2026: còn 7 ngày đến hạn gửi (16/12/2026). Báo cáo gồm tình hình thực hiện 3 nhiệm vụ đơn vị chủ trì, phối hợp.';
    expect(periodReminderText(period)).toEqual({
      title: 'Nhắc hạn: báo cáo kỳ Năm 2026',
      body,
      subject: 'Nhắc hạn: báo cáo kỳ Năm 2026',
      text: email(body, '/bao-cao/ob-1'),
    });
    expect(periodReminderText(period).text.split('\n')).toEqual([
      body,
      '',
      'Xem chi tiết trong hệ thống thucthi: /bao-cao/ob-1',
      '',
      '(Thư gửi tự động, vui lòng không trả lời.)',
    ]);
    expect(periodReminderText({ ...period, daysLate: -1 }).body).toContain(
      ': còn 1 ngày đến hạn gửi (16/12/2026).',
    );
  });

  it('on the day', () => {
    const t = periodReminderText({ ...period, kind: 'period_day', daysLate: 0 });
    expect(t.title).toBe('Nhắc hạn: báo cáo kỳ Năm 2026');
    expect(t.body).toBe(
      'Đề nghị Sở Nội vụ hoàn thành và gửi báo cáo kỳ Năm 2026: hôm nay là hạn gửi (16/12/2026). Báo cáo gồm tình hình thực hiện 3 nhiệm vụ đơn vị chủ trì, phối hợp.',
    );
  });

  it('late', () => {
    const t = periodReminderText({ ...period, kind: 'period_late', daysLate: 3, taskCount: 12 });
    expect(t.title).toBe('Nhắc hạn: báo cáo kỳ Năm 2026');
    expect(t.body).toBe(
      'Đề nghị Sở Nội vụ hoàn thành và gửi báo cáo kỳ Năm 2026: đã quá hạn gửi 3 ngày (hạn 16/12/2026). Báo cáo gồm tình hình thực hiện 12 nhiệm vụ đơn vị chủ trì, phối hợp.',
    );
    expect(t.subject).toBe(t.title);
    expect(t.text).toBe(email(t.body, '/bao-cao/ob-1'));
  });

  it('escalation to the unit leader and the monitoring unit', () => {
    const body =
      'Sở Nội vụ đã quá hạn gửi 7 ngày (hạn 16/12/2026) nhưng chưa nộp báo cáo kỳ Năm 2026. Đề nghị lãnh đạo đơn vị chỉ đạo hoàn thành, gửi báo cáo.';
    expect(periodReminderText({ ...period, kind: 'period_escalation', daysLate: 7 })).toEqual({
      title: 'Đôn đốc: Sở Nội vụ chưa nộp báo cáo kỳ Năm 2026',
      body,
      subject: 'Đôn đốc: Sở Nội vụ chưa nộp báo cáo kỳ Năm 2026',
      text: email(body, '/bao-cao/ob-1'),
    });
  });

  it('one-click reminder from the matrix, at any time', () => {
    const title = 'Nhắc: báo cáo kỳ Quý I năm 2027';
    const before = periodReminderText({ ...period, kind: 'period_manual', periodLabel: 'Quý I năm 2027' });
    expect(before.title).toBe(title);
    expect(before.body).toBe(
      'Đề nghị Sở Nội vụ hoàn thành và gửi báo cáo kỳ Quý I năm 2027: còn 7 ngày đến hạn gửi (16/12/2026). Báo cáo gồm tình hình thực hiện 3 nhiệm vụ đơn vị chủ trì, phối hợp.',
    );
    const late = periodReminderText({ ...period, kind: 'period_manual', daysLate: 20 });
    expect(late.body).toContain(': đã quá hạn gửi 20 ngày (hạn 16/12/2026).');
  });
});

describe('task deadline reminders', () => {
  it('before the deadline', () => {
    const body =
      'Nhiệm vụ 2.1 "Rà soát, hệ thống hóa văn bản quy phạm pháp luật của tỉnh" còn 7 ngày đến hạn (31/12/2026).';
    expect(taskReminderText(task)).toEqual({
      title: 'Nhắc hạn nhiệm vụ 2.1',
      body,
      subject: 'Nhắc hạn nhiệm vụ 2.1',
      text: email(body, '/nhiem-vu/n-1'),
    });
  });

  it('on the day', () => {
    const t = taskReminderText({ ...task, kind: 'task_day', daysLate: 0 });
    expect(t.title).toBe('Nhắc hạn nhiệm vụ 2.1');
    expect(t.body).toBe(
      'Nhiệm vụ 2.1 "Rà soát, hệ thống hóa văn bản quy phạm pháp luật của tỉnh" hôm nay đến hạn (31/12/2026).',
    );
  });

  it('late', () => {
    const t = taskReminderText({ ...task, kind: 'task_late', daysLate: 9 });
    expect(t.title).toBe('Nhắc hạn nhiệm vụ 2.1');
    expect(t.body).toBe(
      'Nhiệm vụ 2.1 "Rà soát, hệ thống hóa văn bản quy phạm pháp luật của tỉnh" đã quá hạn 9 ngày (hạn 31/12/2026).',
    );
  });

  it('escalation', () => {
    const body =
      'Nhiệm vụ 2.1 "Rà soát, hệ thống hóa văn bản quy phạm pháp luật của tỉnh" do Sở Tư pháp chủ trì đã quá hạn 7 ngày (hạn 31/12/2026).';
    expect(taskReminderText({ ...task, kind: 'task_escalation', daysLate: 7 })).toEqual({
      title: 'Đôn đốc: nhiệm vụ 2.1 quá hạn — Sở Tư pháp',
      body,
      subject: 'Đôn đốc: nhiệm vụ 2.1 quá hạn — Sở Tư pháp',
      text: email(body, '/nhiem-vu/n-1'),
    });
  });

  it('cuts a task text longer than 160 characters to 157 and "…"', () => {
    const long = 'Tăng cường công tác phổ biến, giáo dục pháp luật '.repeat(5);
    expect(long.length).toBeGreaterThan(160);
    const t = taskReminderText({ ...task, taskText: long });
    expect(t.body).toBe(`Nhiệm vụ 2.1 "${long.slice(0, 157)}…" còn 7 ngày đến hạn (31/12/2026).`);
    const exact = 'đ'.repeat(160);
    expect(taskReminderText({ ...task, taskText: exact }).body).toContain(`"${exact}"`);
  });
});

describe('skip reasons', () => {
  it('are the sentences kept in the outcome of a skipped reminder', () => {
    expect(SKIP_REASONS).toEqual({
      superseded: 'Đã có lời nhắc mới hơn',
      unknownKind: 'Không rõ loại lời nhắc',
      periodGone: 'Không còn kỳ báo cáo',
      periodClosed: 'Kỳ báo cáo đã đóng',
      reportSubmitted: 'Đơn vị đã nộp báo cáo',
      periodDueDateChanged: 'Hạn gửi đã thay đổi',
      taskNoDeadline: 'Nhiệm vụ không còn thời hạn',
      taskDone: 'Nhiệm vụ đã hoàn thành',
      taskDeadlineChanged: 'Thời hạn đã thay đổi',
      leadUnitChanged: 'Cơ quan chủ trì đã thay đổi',
    });
  });
});
