/**
 * Reminders of recommendations' deadlines (issue 13, point 4), planned and composed for the reminder
 * sweep (reminder-sweep.ts), which claims and delivers them like every other reminder.
 *
 * A recommendation of an issued conclusion that is `open` or `returned` is reminded on the task
 * deadlines' schedule (reporting rules: days before, on the day, every n days late) to its
 * responsible unit's users, and escalated once (n days late) to that unit's leaders and to the
 * supervisors of the inspecting body. Nothing is sent while a remediation report awaits the body's
 * decision (`submitted`) or once the recommendation is closed; a deadline moved or a responsible unit
 * changed leaves the old reminders skipped, with the reason.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { reminders } from '../db/schema.js';
import { inspectionConclusions, inspectionPlans, recommendations, units } from '../db/schema.js';
import type { DbOrTx, Tx } from '../db/connection.js';
import { unitRecipients } from '../db/queries/recipients.js';
import { formatDateVN } from '../domain/format.js';
import {
  daysBetween,
  reminderInstant,
  reminderOffsets,
  vnDate,
  type ReminderSchedule,
} from '../domain/reporting/report.js';
import {
  withEmail,
  type RecommendationReminderKind,
  type ReminderText,
} from '../domain/reporting/reminder-text.js';
import { reportingRules } from '../features/reporting-rules.js';
import type { Composed } from './reminder-sweep.js';

type ReminderRow = typeof reminders.$inferSelect;

/** Why a recommendation's reminder was not sent. */
export const RECOMMENDATION_SKIP_REASONS = {
  gone: 'Không còn kiến nghị',
  notIssued: 'Kết luận chưa ban hành hoặc đã được thay thế',
  closed: 'Kiến nghị đã hoàn thành',
  submitted: 'Đơn vị đã báo cáo khắc phục, đang chờ xem xét',
  deadlineChanged: 'Thời hạn đã thay đổi',
  unitChanged: 'Đơn vị chịu trách nhiệm đã thay đổi',
} as const;

/** Recommendation texts longer than this are cut (with "…") in reminders. */
const TEXT_MAX = 160;

export interface RecommendationReminderFacts {
  kind: RecommendationReminderKind;
  text: string;
  /** The responsible unit. */
  unitName: string;
  /** The inspecting body. */
  bodyName: string;
  /** yyyy-mm-dd */
  dueDate: string;
  /** Days from the deadline to today: negative before it, 0 on the day. */
  daysLate: number;
  link: string;
}

export function recommendationReminderText(f: RecommendationReminderFacts): ReminderText {
  const due = formatDateVN(f.dueDate);
  const short = f.text.length > TEXT_MAX ? `${f.text.slice(0, TEXT_MAX - 1)}…` : f.text;
  const when =
    f.daysLate < 0
      ? `còn ${-f.daysLate} ngày đến hạn khắc phục (${due})`
      : f.daysLate === 0
        ? `hôm nay là hạn khắc phục (${due})`
        : `đã quá hạn khắc phục ${f.daysLate} ngày (hạn ${due})`;
  if (f.kind === 'recommendation_escalation')
    return withEmail(
      `Đôn đốc: ${f.unitName} chưa hoàn thành khắc phục kiến nghị`,
      `Kiến nghị "${short}" của ${f.bodyName} giao ${f.unitName} khắc phục ${when}. Đề nghị lãnh đạo đơn vị chỉ đạo hoàn thành và báo cáo kết quả khắc phục.`,
      f.link,
    );
  return withEmail(
    'Nhắc hạn khắc phục kiến nghị',
    `Kiến nghị "${short}" của ${f.bodyName}: ${when}. Đề nghị ${f.unitName} khắc phục và báo cáo kết quả.`,
    f.link,
  );
}

const kindOf = (off: number): RecommendationReminderKind =>
  off < 0 ? 'recommendation_before' : off === 0 ? 'recommendation_day' : 'recommendation_late';

/** The schedule: the task deadlines' (reporting rules). */
function schedule(): ReminderSchedule {
  const r = reportingRules().reminders;
  return {
    before: r.taskBefore,
    onDay: r.onDay,
    everyDaysLate: r.everyDaysLate,
    escalateAfterDaysLate: r.escalateAfterDaysLate,
  };
}

/**
 * The reminder rows the recommendations still to remedy should have by `at` (keyed
 * `r:<recommendation>:<due date>:<offset|esc>`, so planning again adds nothing).
 */
export async function plannedRecommendationReminders(
  db: DbOrTx,
  at: Date,
): Promise<(typeof reminders.$inferInsert)[]> {
  const s = schedule();
  const hour = reportingRules().reminders.hourLocal;
  const today = vnDate(at);
  const list = await db
    .select({
      id: recommendations.id,
      dueDate: recommendations.dueDate,
      unitId: recommendations.responsibleUnitId,
      programId: inspectionPlans.programId,
    })
    .from(recommendations)
    .innerJoin(
      inspectionConclusions,
      and(
        eq(inspectionConclusions.id, recommendations.conclusionId),
        eq(inspectionConclusions.status, 'issued'),
      ),
    )
    .innerJoin(inspectionPlans, eq(inspectionPlans.id, recommendations.planId))
    .where(inArray(recommendations.status, ['open', 'returned']));
  return list.flatMap((r) => {
    const d = daysBetween(today, r.dueDate);
    // Only deadlines that matter now: coming within the reminder window or recently passed.
    if (d > Math.max(0, ...s.before) + 1) return [];
    const { offsets } = reminderOffsets(s, r.dueDate, today);
    const escalate = s.escalateAfterDaysLate > 0 && -d <= s.escalateAfterDaysLate + s.everyDaysLate;
    const base = `r:${r.id}:${r.dueDate}`;
    const rows = offsets.map((off) => ({ key: `${base}:${off}`, kind: kindOf(off) as string, off }));
    if (escalate)
      rows.push({ key: `${base}:esc`, kind: 'recommendation_escalation', off: s.escalateAfterDaysLate });
    return rows.map((x) => ({
      key: x.key,
      kind: x.kind,
      dueAt: reminderInstant(r.dueDate, x.off, hour),
      programId: r.programId,
      recommendationId: r.id,
      unitId: r.unitId,
      offsetDays: x.off,
    }));
  });
}

/** Whether a recommendation's reminder still applies, who gets it and what it says. */
export async function composeRecommendationReminder(
  tx: Tx,
  r: ReminderRow,
  kind: RecommendationReminderKind,
  at: Date,
): Promise<Composed> {
  const S = RECOMMENDATION_SKIP_REASONS;
  const [x] = r.recommendationId
    ? await tx
        .select({
          rec: recommendations,
          conclusionStatus: inspectionConclusions.status,
          bodyUnitId: inspectionPlans.bodyUnitId,
        })
        .from(recommendations)
        .innerJoin(inspectionConclusions, eq(inspectionConclusions.id, recommendations.conclusionId))
        .innerJoin(inspectionPlans, eq(inspectionPlans.id, recommendations.planId))
        .where(eq(recommendations.id, r.recommendationId))
    : [];
  if (!x) return { skip: S.gone };
  if (x.conclusionStatus !== 'issued') return { skip: S.notIssued };
  if (x.rec.status === 'closed') return { skip: S.closed };
  if (x.rec.status === 'submitted') return { skip: S.submitted };
  if (!r.key.includes(`:${x.rec.dueDate}:`)) return { skip: S.deadlineChanged };
  if (x.rec.responsibleUnitId !== r.unitId) return { skip: S.unitChanged };
  const names = await tx
    .select({ id: units.id, name: units.name, email: units.email })
    .from(units)
    .where(inArray(units.id, [x.rec.responsibleUnitId, x.bodyUnitId]));
  const unit = names.find((u) => u.id === x.rec.responsibleUnitId);
  const link = `/kien-nghi/${x.rec.id}`;
  const text = recommendationReminderText({
    kind,
    text: x.rec.text,
    unitName: unit?.name ?? '',
    bodyName: names.find((u) => u.id === x.bodyUnitId)?.name ?? '',
    dueDate: x.rec.dueDate,
    daysLate: daysBetween(x.rec.dueDate, vnDate(at)),
    link,
  });
  if (kind === 'recommendation_escalation')
    return {
      to: [
        ...(await unitRecipients(tx, x.rec.responsibleUnitId, ['leader'])),
        ...(await unitRecipients(tx, x.bodyUnitId, ['supervisor'])),
      ],
      unitEmail: null,
      msg: { ...text, link },
    };
  return {
    to: await unitRecipients(tx, x.rec.responsibleUnitId, ['unit']),
    unitEmail: unit?.email ?? null,
    msg: { ...text, link },
  };
}
