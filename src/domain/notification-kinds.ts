/**
 * Event notifications (thông báo sự kiện): the kinds, their Vietnamese labels (the account page's
 * e-mail switches, the bell) and what each says — the bell's title and body, the e-mail's subject and
 * text. Pure: `src/features/notifications/events.ts` looks up the facts and passes them in.
 * Kind ids are stable (stored in notifications.kind and notification_preferences.kind).
 */
import { formatDateVN } from './format.js';
import { withEmail, type ReminderText } from './reporting/reminder-text.js';

export const NOTIFICATION_KINDS = [
  'task.assigned',
  'task.assignment_changed',
  'period.opened',
  'report.submitted',
  'report.resubmitted',
  'report.returned',
  'report.accepted',
  'obstacle.assigned',
  'obstacle.answered',
  'obstacle.closed',
  'consolidation.awaiting_approval',
  'direction.issued',
  'direction.answered',
  'direction.closed',
  'direction.returned',
  'recommendation.remediation_submitted',
  'recommendation.accepted',
  'recommendation.returned',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The label of each kind, and who receives it. */
export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, { label: string; to: string }> = {
  'task.assigned': { label: 'Được giao nhiệm vụ', to: 'Đơn vị chủ trì, phối hợp' },
  'task.assignment_changed': { label: 'Điều chỉnh việc giao nhiệm vụ', to: 'Đơn vị chủ trì, phối hợp' },
  'period.opened': { label: 'Mở kỳ báo cáo', to: 'Đơn vị phải báo cáo trong kỳ' },
  'report.submitted': { label: 'Đơn vị nộp báo cáo', to: 'Cán bộ theo dõi' },
  'report.resubmitted': { label: 'Đơn vị nộp lại báo cáo', to: 'Cán bộ theo dõi' },
  'report.returned': { label: 'Báo cáo bị trả lại', to: 'Đơn vị gửi báo cáo' },
  'report.accepted': { label: 'Báo cáo được tiếp nhận', to: 'Đơn vị gửi báo cáo' },
  'obstacle.assigned': { label: 'Khó khăn, kiến nghị được giao xử lý', to: 'Đơn vị nêu' },
  'obstacle.answered': { label: 'Khó khăn, kiến nghị được trả lời', to: 'Đơn vị nêu' },
  'obstacle.closed': { label: 'Khó khăn, kiến nghị được đóng', to: 'Đơn vị nêu' },
  'consolidation.awaiting_approval': { label: 'Báo cáo tổng hợp chờ phê duyệt', to: 'Lãnh đạo' },
  'direction.issued': { label: 'Có ý kiến chỉ đạo mới', to: 'Đơn vị nhận ý kiến chỉ đạo' },
  'direction.answered': {
    label: 'Đơn vị trả lời ý kiến chỉ đạo',
    to: 'Lãnh đạo viết ý kiến, cán bộ theo dõi',
  },
  'direction.closed': { label: 'Kết thúc theo dõi ý kiến chỉ đạo', to: 'Đơn vị nhận ý kiến chỉ đạo' },
  'direction.returned': { label: 'Trả lời ý kiến chỉ đạo chưa đạt', to: 'Đơn vị nhận ý kiến chỉ đạo' },
  'recommendation.remediation_submitted': {
    label: 'Đơn vị báo cáo khắc phục kiến nghị',
    to: 'Cơ quan kiểm tra, giám sát',
  },
  'recommendation.accepted': { label: 'Kết quả khắc phục được chấp nhận', to: 'Đơn vị chịu trách nhiệm' },
  'recommendation.returned': { label: 'Báo cáo khắc phục bị trả lại', to: 'Đơn vị chịu trách nhiệm' },
};

const KNOWN: ReadonlySet<string> = new Set(NOTIFICATION_KINDS);
export function isNotificationKind(s: string): s is NotificationKind {
  return KNOWN.has(s);
}

/** Texts longer than this are cut (with "…") in notifications. */
const QUOTE_MAX = 160;
const quote = (s: string) => `"${s.length > QUOTE_MAX ? `${s.slice(0, QUOTE_MAX - 1)}…` : s}"`;

/** What one notification is about; `link` is the web app's page of the thing. */
export type NotificationFacts = { link: string } & (
  | {
      kind: 'task.assigned' | 'task.assignment_changed';
      taskLabel: string;
      taskText: string;
      unitName: string;
      role: 'lead' | 'cooperating';
      dueDate: string | null;
      reason: string | null;
    }
  | { kind: 'period.opened'; periodLabel: string; unitName: string; dueDate: string; taskCount: number }
  | {
      kind: 'report.submitted' | 'report.resubmitted' | 'report.accepted';
      periodLabel: string;
      unitName: string;
      number: number;
      late: boolean;
    }
  | {
      kind: 'report.returned';
      periodLabel: string;
      unitName: string;
      number: number;
      comment: string | null;
      /** The reviewer's comments on tasks: the task's number and the comment. */
      taskComments: { taskLabel: string; comment: string }[];
    }
  | {
      kind: 'obstacle.assigned' | 'obstacle.answered' | 'obstacle.closed';
      obstacleKind: 'obstacle' | 'proposal';
      text: string;
      periodLabel: string;
      handlingUnitName: string | null;
      answer: string | null;
    }
  | { kind: 'consolidation.awaiting_approval'; periodLabel: string; programTitle: string }
  | {
      kind: 'direction.issued';
      leaderName: string;
      text: string;
      targetLabel: string;
      unitName: string;
      dueDate: string | null;
    }
  | { kind: 'direction.answered'; unitName: string; text: string; answer: string }
  | {
      kind: 'direction.closed' | 'direction.returned';
      unitName: string;
      text: string;
      comment: string | null;
    }
  | {
      kind: 'recommendation.remediation_submitted' | 'recommendation.accepted' | 'recommendation.returned';
      /** The recommendation's text, its responsible unit, the inspecting body. */
      text: string;
      unitName: string;
      bodyName: string;
      state: 'in_progress' | 'done';
      closed: boolean;
      comment: string | null;
    }
);

const ROLE_TEXT = { lead: 'chủ trì', cooperating: 'phối hợp thực hiện' } as const;
const OBSTACLE_TEXT = { obstacle: 'Khó khăn, vướng mắc', proposal: 'Kiến nghị, đề xuất' } as const;

function parts(f: NotificationFacts): [title: string, body: string] {
  switch (f.kind) {
    case 'task.assigned':
    case 'task.assignment_changed': {
      const due = f.dueDate ? ` Thời hạn: ${formatDateVN(f.dueDate)}.` : '';
      const reason = f.reason ? ` Lý do điều chỉnh: ${f.reason}` : '';
      return f.kind === 'task.assigned'
        ? [
            `Được giao nhiệm vụ ${f.taskLabel}`,
            `${f.unitName} được giao ${ROLE_TEXT[f.role]} nhiệm vụ ${f.taskLabel} ${quote(f.taskText)}.${due}`,
          ]
        : [
            `Điều chỉnh việc giao nhiệm vụ ${f.taskLabel}`,
            `Việc giao nhiệm vụ ${f.taskLabel} ${quote(f.taskText)} (${f.unitName} ${ROLE_TEXT[f.role]}) đã được điều chỉnh.${due}${reason}`,
          ];
    }
    case 'period.opened':
      return [
        `Mở kỳ báo cáo ${f.periodLabel}`,
        `Kỳ báo cáo ${f.periodLabel} đã mở. Đề nghị ${f.unitName} báo cáo tình hình thực hiện ${f.taskCount} nhiệm vụ chủ trì, phối hợp; hạn gửi ${formatDateVN(f.dueDate)}.`,
      ];
    case 'report.submitted':
      return [
        `${f.unitName} đã nộp báo cáo kỳ ${f.periodLabel}`,
        `Báo cáo lần ${f.number}${f.late ? ' (nộp muộn)' : ''} đang chờ xem xét.`,
      ];
    case 'report.resubmitted':
      return [
        `${f.unitName} đã nộp lại báo cáo kỳ ${f.periodLabel}`,
        `Báo cáo đã hoàn thiện theo ý kiến (lần ${f.number}) đang chờ xem xét.`,
      ];
    case 'report.accepted':
      return [
        `Báo cáo kỳ ${f.periodLabel} đã được tiếp nhận`,
        `Báo cáo lần ${f.number} của ${f.unitName} đã được tiếp nhận.`,
      ];
    case 'report.returned': {
      const lines = [
        ...(f.comment ? [`Ý kiến: ${f.comment}`] : []),
        ...f.taskComments.map((c) => `Nhiệm vụ ${c.taskLabel}: ${c.comment}`),
      ];
      return [
        `Báo cáo kỳ ${f.periodLabel} bị trả lại`,
        `Báo cáo lần ${f.number} của ${f.unitName} được trả lại để hoàn thiện.\n${lines.join('\n')}`,
      ];
    }
    case 'obstacle.assigned':
    case 'obstacle.answered':
    case 'obstacle.closed': {
      const what = `${OBSTACLE_TEXT[f.obstacleKind]} ${quote(f.text)} (báo cáo kỳ ${f.periodLabel})`;
      if (f.kind === 'obstacle.assigned')
        return [
          `${OBSTACLE_TEXT[f.obstacleKind]} đã được giao xử lý`,
          `${what} đã được giao cho ${f.handlingUnitName ?? 'đơn vị'} xử lý.`,
        ];
      if (f.kind === 'obstacle.answered')
        return [
          `${OBSTACLE_TEXT[f.obstacleKind]} đã được trả lời`,
          `${what} đã được trả lời: ${f.answer ?? ''}`,
        ];
      return [`${OBSTACLE_TEXT[f.obstacleKind]} đã được đóng`, `${what} đã được xử lý xong và đóng.`];
    }
    case 'consolidation.awaiting_approval':
      return [
        `Báo cáo tổng hợp kỳ ${f.periodLabel} chờ phê duyệt`,
        `Báo cáo tổng hợp kỳ ${f.periodLabel} của ${f.programTitle} đang chờ lãnh đạo phê duyệt.`,
      ];
    case 'direction.issued':
      return [
        `Ý kiến chỉ đạo của ${f.leaderName}`,
        `Về ${f.targetLabel}: ${quote(f.text)}.` +
          (f.dueDate
            ? ` Đề nghị ${f.unitName} thực hiện và trả lời trước ngày ${formatDateVN(f.dueDate)}.`
            : ` Gửi ${f.unitName} để biết.`),
      ];
    case 'direction.answered':
      return [
        `${f.unitName} đã trả lời ý kiến chỉ đạo`,
        `Ý kiến chỉ đạo ${quote(f.text)} đã được trả lời: ${quote(f.answer)}.`,
      ];
    case 'direction.closed':
      return [
        'Kết thúc theo dõi ý kiến chỉ đạo',
        `Việc thực hiện ý kiến chỉ đạo ${quote(f.text)} của ${f.unitName} đã được kết thúc.${f.comment ? ` Ý kiến: ${f.comment}` : ''}`,
      ];
    case 'direction.returned':
      return [
        'Trả lời ý kiến chỉ đạo chưa đạt',
        `Trả lời của ${f.unitName} về ý kiến chỉ đạo ${quote(f.text)} chưa đạt, đề nghị tiếp tục thực hiện. Ý kiến: ${f.comment ?? ''}`,
      ];
    case 'recommendation.remediation_submitted':
      return [
        `${f.unitName} báo cáo khắc phục kiến nghị`,
        `${f.unitName} đã báo cáo khắc phục (${f.state === 'done' ? 'đã hoàn thành' : 'đang thực hiện'}) kiến nghị ${quote(f.text)} của ${f.bodyName}; đề nghị xem xét.`,
      ];
    case 'recommendation.accepted':
      return [
        'Kết quả khắc phục kiến nghị được chấp nhận',
        f.closed
          ? `${f.bodyName} đã chấp nhận kết quả khắc phục kiến nghị ${quote(f.text)}; kiến nghị đã hoàn thành.`
          : `${f.bodyName} đã ghi nhận tiến độ khắc phục kiến nghị ${quote(f.text)}; đề nghị ${f.unitName} tiếp tục thực hiện và báo cáo khi hoàn thành.`,
      ];
    case 'recommendation.returned':
      return [
        'Báo cáo khắc phục kiến nghị bị trả lại',
        `${f.bodyName} đã trả lại báo cáo khắc phục kiến nghị ${quote(f.text)}.${f.comment ? `\nÝ kiến: ${f.comment}` : ''}`,
      ];
  }
}

/** The notification's title and body, and the e-mail's subject and text (with the link). */
export function notificationText(f: NotificationFacts): ReminderText {
  const [title, body] = parts(f);
  return withEmail(title, body, f.link);
}
