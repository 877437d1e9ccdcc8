/**
 * Reminders of the leader's directions (issue 13 point 5), planned and composed for the sweep
 * (reminder-sweep.ts): one target per unit a direction asks action of (a `direction_units` row still
 * `open`), keys `d:<directionUnitId>:<due date>:<offset>` and `…:esc`. The schedule is the task
 * deadlines' one (config/reporting-rules.json `reminders`: `taskBefore`, `onDay`, `everyDaysLate`,
 * `escalateAfterDaysLate`). Before, on and after the due date the unit's users are reminded; the
 * escalation goes to the unit's leaders and the leader who wrote the direction. Nothing is sent once
 * the unit answered or the follow-up is closed.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../db/connection.js';
import { directionUnits, directions, reminders, units, users } from '../db/schema.js';
import { unitRecipients, userRecipient, type Recipient } from '../db/queries/recipients.js';
import { formatDateVN } from '../domain/format.js';
import {
  daysBetween,
  reminderInstant,
  reminderOffsets,
  vnDate,
  type ReminderSchedule,
} from '../domain/reporting/report.js';
import {
  DIRECTION_REMINDER_KINDS,
  withEmail,
  type DirectionReminderKind,
  type ReminderText,
} from '../domain/reporting/reminder-text.js';
import { directionLink } from '../features/directions/direction-notices.js';
import { targetViews } from '../features/directions/targets.js';
import { reportingRules } from '../features/reporting-rules.js';

const KINDS: ReadonlySet<string> = new Set(DIRECTION_REMINDER_KINDS);

export function isDirectionReminderKind(kind: string): kind is DirectionReminderKind {
  return KINDS.has(kind);
}

/** Why a direction's reminder was not sent. */
export const DIRECTION_SKIP_REASONS = {
  gone: 'Không còn ý kiến chỉ đạo hoặc đơn vị nhận',
  answered: 'Đơn vị đã trả lời ý kiến chỉ đạo',
  closed: 'Đã kết thúc theo dõi ý kiến chỉ đạo',
  noAction: 'Ý kiến chỉ đạo không yêu cầu thực hiện',
  dueDateChanged: 'Thời hạn đã thay đổi',
} as const;

function schedule(): ReminderSchedule {
  const r = reportingRules().reminders;
  return {
    before: r.taskBefore,
    onDay: r.onDay,
    everyDaysLate: r.everyDaysLate,
    escalateAfterDaysLate: r.escalateAfterDaysLate,
  };
}

// ---- planning ----

/** Plans the reminders of every open follow-up whose due date matters by `at`; how many are new. */
export async function planDirectionReminders(db: DbOrTx, at: Date): Promise<number> {
  const s = schedule();
  const today = vnDate(at);
  const hour = reportingRules().reminders.hourLocal;
  const open = await db
    .select({
      id: directionUnits.id,
      unitId: directionUnits.unitId,
      directionId: directions.id,
      programId: directions.programId,
      dueDate: directions.dueDate,
    })
    .from(directionUnits)
    .innerJoin(directions, eq(directions.id, directionUnits.directionId))
    .where(
      and(
        eq(directionUnits.status, 'open'),
        eq(directions.requiresAction, true),
        sql`${directions.dueDate} is not null`,
      ),
    );
  const values: (typeof reminders.$inferInsert)[] = [];
  for (const o of open) {
    const due = o.dueDate!;
    // Only due dates that matter now: within the reminder window, or passed.
    const d = daysBetween(today, due);
    if (d > Math.max(0, ...s.before) + 1) continue;
    const { offsets } = reminderOffsets(s, due, today);
    const escalate = s.escalateAfterDaysLate > 0 && -d <= s.escalateAfterDaysLate + s.everyDaysLate;
    const base = `d:${o.id}:${due}`;
    const list: { key: string; kind: DirectionReminderKind; off: number }[] = offsets.map((off) => ({
      key: `${base}:${off}`,
      kind: off < 0 ? 'direction_before' : off === 0 ? 'direction_day' : 'direction_late',
      off,
    }));
    if (escalate)
      list.push({ key: `${base}:esc`, kind: 'direction_escalation', off: s.escalateAfterDaysLate });
    for (const x of list)
      values.push({
        key: x.key,
        kind: x.kind,
        dueAt: reminderInstant(due, x.off, hour),
        programId: o.programId,
        directionId: o.directionId,
        unitId: o.unitId,
        offsetDays: x.off,
      });
  }
  let planned = 0;
  for (let i = 0; i < values.length; i += 500) {
    const r = await db
      .insert(reminders)
      .values(values.slice(i, i + 500))
      .onConflictDoNothing()
      .returning({ id: reminders.id });
    planned += r.length;
  }
  return planned;
}

// ---- what they say ----

export interface DirectionReminderFacts {
  kind: DirectionReminderKind;
  leaderName: string;
  text: string;
  /** What it was written on, in words. */
  targetLabel: string;
  unitName: string;
  dueDate: string;
  /** Days from the due date to today: negative before it, 0 on the day. */
  daysLate: number;
  link: string;
}

const TEXT_MAX = 160;

export function directionReminderText(f: DirectionReminderFacts): ReminderText {
  const due = formatDateVN(f.dueDate);
  const short = f.text.length > TEXT_MAX ? `${f.text.slice(0, TEXT_MAX - 1)}…` : f.text;
  const when =
    f.daysLate < 0
      ? `còn ${-f.daysLate} ngày đến hạn (${due})`
      : f.daysLate === 0
        ? `hôm nay đến hạn (${due})`
        : `đã quá hạn ${f.daysLate} ngày (hạn ${due})`;
  const what = `ý kiến chỉ đạo "${short}" của ${f.leaderName} (về ${f.targetLabel})`;
  if (f.kind === 'direction_escalation')
    return withEmail(
      `Đôn đốc: ${f.unitName} chưa trả lời ý kiến chỉ đạo`,
      `${f.unitName} chưa thực hiện, trả lời ${what}, ${when}. Đề nghị lãnh đạo đơn vị chỉ đạo thực hiện và trả lời.`,
      f.link,
    );
  return withEmail(
    `Nhắc hạn: ý kiến chỉ đạo của ${f.leaderName}`,
    `Đề nghị ${f.unitName} thực hiện và trả lời ${what}: ${when}.`,
    f.link,
  );
}

// ---- composing ----

type ReminderRow = typeof reminders.$inferSelect;

export type DirectionComposed =
  { skip: string } | { to: Recipient[]; unitEmail: string | null; msg: ReminderText & { link: string } };

/** Whether a direction's reminder still applies, who gets it and what it says. */
export async function composeDirectionReminder(
  tx: Tx,
  r: ReminderRow,
  kind: DirectionReminderKind,
  at: Date,
): Promise<DirectionComposed> {
  const [row] =
    r.directionId && r.unitId
      ? await tx
          .select({ du: directionUnits, d: directions, unit: units, leaderName: users.fullName })
          .from(directionUnits)
          .innerJoin(directions, eq(directions.id, directionUnits.directionId))
          .innerJoin(units, eq(units.id, directionUnits.unitId))
          .innerJoin(users, eq(users.id, directions.leaderId))
          .where(and(eq(directionUnits.directionId, r.directionId), eq(directionUnits.unitId, r.unitId)))
      : [];
  if (!row) return { skip: DIRECTION_SKIP_REASONS.gone };
  const { du, d, unit } = row;
  if (du.status === 'answered') return { skip: DIRECTION_SKIP_REASONS.answered };
  if (du.status === 'closed') return { skip: DIRECTION_SKIP_REASONS.closed };
  if (du.status !== 'open' || !d.requiresAction || !d.dueDate)
    return { skip: DIRECTION_SKIP_REASONS.noAction };
  if (!r.key.includes(`:${d.dueDate}:`)) return { skip: DIRECTION_SKIP_REASONS.dueDateChanged };
  const link = directionLink(d.id);
  const target = (await targetViews(tx, [d])).get(`${d.targetType}:${d.targetId}`);
  const text = directionReminderText({
    kind,
    leaderName: row.leaderName,
    text: d.text,
    targetLabel: target?.label ?? '',
    unitName: unit.name,
    dueDate: d.dueDate,
    daysLate: daysBetween(d.dueDate, vnDate(at)),
    link,
  });
  if (kind === 'direction_escalation') {
    const leader = await userRecipient(tx, d.leaderId);
    return {
      to: [...(await unitRecipients(tx, du.unitId, ['leader'])), ...(leader ? [leader] : [])],
      unitEmail: null,
      msg: { ...text, link },
    };
  }
  return { to: await unitRecipients(tx, du.unitId, ['unit']), unitEmail: unit.email, msg: { ...text, link } };
}
