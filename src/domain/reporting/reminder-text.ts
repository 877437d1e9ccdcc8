/**
 * What reminders and escalations (nhắc hạn, đôn đốc) say, in Vietnamese: the in-app notification's
 * title and body, the e-mail's subject and text, and the reasons a reminder is skipped. Pure: the
 * sweep looks up the facts and passes them in.
 */
import { formatDateVN } from '../format.js';

export const PERIOD_REMINDER_KINDS = [
  'period_before',
  'period_day',
  'period_late',
  'period_escalation',
  /** One-click reminder from the who-has-reported matrix. */
  'period_manual',
] as const;
export const TASK_REMINDER_KINDS = ['task_before', 'task_day', 'task_late', 'task_escalation'] as const;
/** A leader's direction's due date, for one unit (text: src/jobs/reminders-directions.ts). */
export const DIRECTION_REMINDER_KINDS = [
  'direction_before',
  'direction_day',
  'direction_late',
  'direction_escalation',
] as const;

export type PeriodReminderKind = (typeof PERIOD_REMINDER_KINDS)[number];
export type TaskReminderKind = (typeof TASK_REMINDER_KINDS)[number];
export type DirectionReminderKind = (typeof DIRECTION_REMINDER_KINDS)[number];
/** Recommendations' deadlines (issue 13): planned and composed by src/jobs/reminders-recommendations.ts. */
export const RECOMMENDATION_REMINDER_KINDS = [
  'recommendation_before',
  'recommendation_day',
  'recommendation_late',
  'recommendation_escalation',
] as const;
export type RecommendationReminderKind = (typeof RECOMMENDATION_REMINDER_KINDS)[number];
export type ReminderKind =
  PeriodReminderKind | TaskReminderKind | DirectionReminderKind | RecommendationReminderKind;
export const isRecommendationReminderKind = (k: string): k is RecommendationReminderKind =>
  k.startsWith('recommendation_');

const KINDS: ReadonlySet<string> = new Set([
  ...PERIOD_REMINDER_KINDS,
  ...TASK_REMINDER_KINDS,
  ...DIRECTION_REMINDER_KINDS,
  ...RECOMMENDATION_REMINDER_KINDS,
]);

export function isReminderKind(kind: string): kind is ReminderKind {
  return KINDS.has(kind);
}

export function isPeriodReminderKind(kind: ReminderKind): kind is PeriodReminderKind {
  return kind.startsWith('period_');
}

/** A reporting period's reminder to one unit (or, for an escalation, about it). */
export interface PeriodReminderFacts {
  kind: PeriodReminderKind;
  /** e.g. "Năm 2026", "Quý I năm 2027" */
  periodLabel: string;
  unitName: string;
  /** The period's deadline for sending the report, yyyy-mm-dd. */
  dueDate: string;
  /** Days from the deadline to today: negative before it, 0 on the day. */
  daysLate: number;
  /** How many tasks (lead or cooperating) the unit reports on. */
  taskCount: number;
  /** Where the notification and the e-mail point, e.g. /bao-cao/<obligation id>. */
  link: string;
}

/** A task deadline's reminder to the lead unit (or, for an escalation, about it). */
export interface TaskReminderFacts {
  kind: TaskReminderKind;
  /** The task's number in the program, e.g. "1.2" */
  taskLabel: string;
  taskText: string;
  /** The lead unit. */
  unitName: string;
  /** The task's deadline, yyyy-mm-dd. */
  dueDate: string;
  daysLate: number;
  /** e.g. /nhiem-vu/<node id> */
  link: string;
}

export interface ReminderText {
  /** Notification title; also the e-mail's subject. */
  title: string;
  body: string;
  subject: string;
  /** The e-mail's plain text: the body, the link and a do-not-reply line. */
  text: string;
}

/** Why a reminder was not sent (kept in its outcome, shown in the reminders list). */
export const SKIP_REASONS = {
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
} as const;

/** Task texts longer than this are cut (with "…") in reminders. */
const TASK_TEXT_MAX = 160;

export function withEmail(title: string, body: string, link: string): ReminderText {
  return {
    title,
    body,
    subject: title,
    text: `${body}\n\nXem chi tiết trong hệ thống thucthi: ${link}\n\n(Thư gửi tự động, vui lòng không trả lời.)`,
  };
}

export function periodReminderText(f: PeriodReminderFacts): ReminderText {
  const due = formatDateVN(f.dueDate);
  const when =
    f.daysLate < 0
      ? `còn ${-f.daysLate} ngày đến hạn gửi (${due})`
      : f.daysLate === 0
        ? `hôm nay là hạn gửi (${due})`
        : `đã quá hạn gửi ${f.daysLate} ngày (hạn ${due})`;
  if (f.kind === 'period_escalation')
    return withEmail(
      `Đôn đốc: ${f.unitName} chưa nộp báo cáo kỳ ${f.periodLabel}`,
      `${f.unitName} ${when} nhưng chưa nộp báo cáo kỳ ${f.periodLabel}. Đề nghị lãnh đạo đơn vị chỉ đạo hoàn thành, gửi báo cáo.`,
      f.link,
    );
  return withEmail(
    `${f.kind === 'period_manual' ? 'Nhắc' : 'Nhắc hạn'}: báo cáo kỳ ${f.periodLabel}`,
    `Đề nghị ${f.unitName} hoàn thành và gửi báo cáo kỳ ${f.periodLabel}: ${when}. Báo cáo gồm tình hình thực hiện ${f.taskCount} nhiệm vụ đơn vị chủ trì, phối hợp.`,
    f.link,
  );
}

export function taskReminderText(f: TaskReminderFacts): ReminderText {
  const due = formatDateVN(f.dueDate);
  const short = f.taskText.length > TASK_TEXT_MAX ? `${f.taskText.slice(0, TASK_TEXT_MAX - 3)}…` : f.taskText;
  const when =
    f.daysLate < 0
      ? `còn ${-f.daysLate} ngày đến hạn (${due})`
      : f.daysLate === 0
        ? `hôm nay đến hạn (${due})`
        : `đã quá hạn ${f.daysLate} ngày (hạn ${due})`;
  if (f.kind === 'task_escalation')
    return withEmail(
      `Đôn đốc: nhiệm vụ ${f.taskLabel} quá hạn — ${f.unitName}`,
      `Nhiệm vụ ${f.taskLabel} "${short}" do ${f.unitName} chủ trì ${when}.`,
      f.link,
    );
  return withEmail(`Nhắc hạn nhiệm vụ ${f.taskLabel}`, `Nhiệm vụ ${f.taskLabel} "${short}" ${when}.`, f.link);
}
