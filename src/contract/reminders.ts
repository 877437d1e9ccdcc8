/** Reminders and escalation (đôn đốc): one-click reminders, the reminder lists, the sweep. */
import { Type, type Static } from '@sinclair/typebox';
import { Items, LiteralUnion, Nullable, Uuid } from './common.js';

const DateTime = Type.String({ format: 'date-time' });

export const ReminderStatus = LiteralUnion(['pending', 'sent', 'skipped']);
export type ReminderStatus = Static<typeof ReminderStatus>;

const ReminderKind = Type.String({
  description:
    'period_before | period_day | period_late | period_escalation | period_manual | task_before | task_day | task_late | task_escalation',
});

/** What became of a reminder: its title and recipients when sent, why when skipped. */
export const ReminderOutcome = Type.Object({
  title: Type.Optional(Type.String()),
  recipients: Type.Optional(Type.Array(Type.Object({ userId: Nullable(Uuid), name: Type.String() }))),
  emails: Type.Optional(Type.Array(Type.String())),
  reason: Type.Optional(Type.String({ description: 'Lý do bỏ qua' })),
  supersededBy: Type.Optional(Uuid),
});
export type ReminderOutcome = Static<typeof ReminderOutcome>;

export const RemindInput = Type.Object(
  { obligationIds: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: 5000 })) },
  { additionalProperties: false },
);
export type RemindInput = Static<typeof RemindInput>;

export const RemindResult = Type.Object({
  reminded: Type.Integer(),
  items: Type.Array(
    Type.Object({
      obligationId: Uuid,
      unitId: Uuid,
      recipients: Type.Integer(),
      status: Type.Union([Type.Literal('sent'), Type.Literal('skipped')]),
    }),
  ),
});
export type RemindResult = Static<typeof RemindResult>;

export const ReminderQuery = Type.Object({ status: Type.Optional(ReminderStatus) });
export type ReminderQuery = Static<typeof ReminderQuery>;

/** A reminder of a period (or of a program's task deadlines), sent, skipped or planned. */
export const Reminder = Type.Object({
  id: Uuid,
  kind: ReminderKind,
  dueAt: DateTime,
  status: ReminderStatus,
  sentAt: Nullable(DateTime),
  outcome: Nullable(ReminderOutcome),
  offsetDays: Type.Integer({ description: 'Số ngày so với hạn (âm: trước hạn)' }),
  unitId: Nullable(Uuid),
  unitName: Nullable(Type.String()),
  obligationId: Nullable(Uuid),
  nodeId: Nullable(Uuid),
});
export type Reminder = Static<typeof Reminder>;

export const ReminderList = Items(Reminder);
export type ReminderList = Static<typeof ReminderList>;

/** A reminder a unit received for its report. */
export const ObligationReminder = Type.Object({
  id: Uuid,
  kind: ReminderKind,
  sentAt: Nullable(DateTime),
  outcome: Nullable(ReminderOutcome),
});
export type ObligationReminder = Static<typeof ObligationReminder>;

export const ObligationReminderList = Items(ObligationReminder);
export type ObligationReminderList = Static<typeof ObligationReminderList>;

export const SweepResult = Type.Object({
  planned: Type.Integer(),
  sent: Type.Integer(),
  skipped: Type.Integer(),
  emailsSent: Type.Integer(),
  emailsFailed: Type.Integer(),
});
export type SweepResult = Static<typeof SweepResult>;
