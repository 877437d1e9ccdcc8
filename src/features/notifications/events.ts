/**
 * Event notifications, written in the SAME transaction as the change that causes them: a service
 * calls `notify(tx, deps, ctx, event)` inside its `mutate()` callback, so a rolled-back change
 * notifies nobody and a committed one always has its notifications.
 *
 * Why an explicit call and not a hook on the audit action: the audit event records what changed,
 * not what the notification needs (the reviewer's comments by task, the units a task had before),
 * and several audit actions map to one kind or to none (a reopened obstacle). The call names the
 * thing; the table `EVENTS` below maps each event to its deliveries — the kind, the recipients, the
 * facts the Vietnamese text is built from (src/domain/notification-kinds.ts) and the link.
 *
 * Every recipient gets the bell notification, except the actor themself; an e-mail goes to the
 * outbox (src/jobs/email-outbox.ts sends it) when the user has an address and has not turned the
 * kind's e-mail off (notification_preferences).
 */
import { and, eq, inArray } from 'drizzle-orm';
import {
  emailOutbox,
  notificationPreferences,
  notifications,
  inspectionPlans,
  obstacles,
  programNodes,
  programs,
  reportObligations,
  reportVersions,
  reportingPeriods,
  recommendations,
  remediationReports,
  taskAssignments,
  taskUnits,
  units,
} from '../../db/schema.js';
import type { Tx } from '../../db/connection.js';
import {
  leaderRecipients,
  monitorRecipients,
  unitRecipients,
  type Recipient,
} from '../../db/queries/recipients.js';
import { notificationText, type NotificationFacts } from '../../domain/notification-kinds.js';
import type { ObstacleAction } from '../../contract/obstacles.js';
import type { Ctx } from '../context.js';
import { directionFollowUp, directionIssued } from '../directions/direction-notices.js';
import { now, type Deps } from '../deps.js';

/** What a service tells `notify()`: the thing, by id. */
export type NotificationEvent =
  /** A task's assignment was saved; `unitsBefore`: its lead and cooperating units before the change. */
  | { kind: 'task.assignment'; nodeId: string; unitsBefore: (string | null)[]; reason: string | null }
  | { kind: 'period.opened'; periodId: string }
  | {
      kind: 'report.submitted' | 'report.resubmitted' | 'report.returned' | 'report.accepted';
      obligationId: string;
    }
  /** An obstacle's step; a reopen notifies nobody. */
  | { kind: 'obstacle.step'; obstacleId: string; action: ObstacleAction }
  /** A consolidated report goes to the leaders for approval (`sendConsolidationForApproval`). */
  | { kind: 'consolidation.awaiting_approval'; periodId: string }
  /** The leader's directions: a new one, and each unit's answer, close and return. */
  | { kind: 'direction.issued'; directionId: string }
  | { kind: 'direction.answered' | 'direction.closed' | 'direction.returned'; directionUnitId: string }
  /** A remediation report submitted (to the body's supervisors), accepted or returned (to the unit). */
  | { kind: 'recommendation.step'; reportId: string };

interface Delivery {
  to: Recipient[];
  facts: NotificationFacts;
}

type Resolver<E> = (tx: Tx, e: E) => Promise<Delivery[]>;
type Resolvers = { [K in NotificationEvent['kind']]: Resolver<Extract<NotificationEvent, { kind: K }>> };

const unitUsers = (tx: Tx, unitId: string) => unitRecipients(tx, unitId, ['unit']);

async function unitNames(tx: Tx, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const r = await tx.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, ids));
  return new Map(r.map((u) => [u.id, u.name]));
}

async function periodOf(tx: Tx, periodId: string) {
  const [p] = await tx.select().from(reportingPeriods).where(eq(reportingPeriods.id, periodId));
  return p!;
}

/** The obligation, its period's label, its unit's name and its latest version. */
async function reportFacts(tx: Tx, obligationId: string) {
  const [o] = await tx.select().from(reportObligations).where(eq(reportObligations.id, obligationId));
  const p = await periodOf(tx, o!.periodId);
  const names = await unitNames(tx, [o!.unitId]);
  const [v] = await tx
    .select()
    .from(reportVersions)
    .where(and(eq(reportVersions.obligationId, obligationId), eq(reportVersions.number, o!.currentVersion)));
  return { o: o!, v: v!, periodLabel: p.label, unitName: names.get(o!.unitId) ?? '' };
}

const report: Resolver<Extract<NotificationEvent, { kind: `report.${string}` }>> = async (tx, e) => {
  const { o, v, periodLabel, unitName } = await reportFacts(tx, e.obligationId);
  const link = `/bao-cao/${o.id}`;
  const base = { periodLabel, unitName, number: v.number, link };
  if (e.kind === 'report.submitted' || e.kind === 'report.resubmitted')
    return [{ to: await monitorRecipients(tx, o.programId), facts: { ...base, kind: e.kind, late: v.late } }];
  if (e.kind === 'report.accepted')
    return [{ to: await unitUsers(tx, o.unitId), facts: { ...base, kind: e.kind, late: v.late } }];
  const comments = Object.entries(v.taskComments ?? {});
  const labels = comments.length
    ? await tx
        .select({ id: programNodes.id, label: programNodes.label })
        .from(programNodes)
        .where(
          inArray(
            programNodes.id,
            comments.map(([id]) => id),
          ),
        )
    : [];
  const taskComments = comments.map(([id, comment]) => ({
    taskLabel: labels.find((l) => l.id === id)?.label ?? '',
    comment,
  }));
  return [
    {
      to: await unitUsers(tx, o.unitId),
      facts: { ...base, kind: 'report.returned', comment: v.reviewComment, taskComments },
    },
  ];
};

const OBSTACLE_KINDS = {
  assign: 'obstacle.assigned',
  answer: 'obstacle.answered',
  close: 'obstacle.closed',
  reopen: null,
} as const;

const EVENTS: Resolvers = {
  'task.assignment': async (tx, e) => {
    const [program] = await tx
      .select({ status: programs.status })
      .from(taskAssignments)
      .innerJoin(programs, eq(programs.id, taskAssignments.programId))
      .where(eq(taskAssignments.nodeId, e.nodeId));
    // Before "Triển khai" the assignment is still being prepared: units are told from then on.
    if (program?.status !== 'implementing') return [];
    const [n] = await tx
      .select({ label: programNodes.label, text: programNodes.text, dueDate: taskAssignments.dueDate })
      .from(programNodes)
      .innerJoin(taskAssignments, eq(taskAssignments.nodeId, programNodes.id))
      .where(eq(programNodes.id, e.nodeId));
    const roles = await tx.select().from(taskUnits).where(eq(taskUnits.nodeId, e.nodeId));
    const names = await unitNames(
      tx,
      roles.map((r) => r.unitId),
    );
    const out: Delivery[] = [];
    for (const r of roles) {
      out.push({
        to: await unitUsers(tx, r.unitId),
        facts: {
          kind: e.unitsBefore.includes(r.unitId) ? 'task.assignment_changed' : 'task.assigned',
          taskLabel: n!.label,
          taskText: n!.text,
          unitName: names.get(r.unitId) ?? '',
          role: r.role === 'lead' ? 'lead' : 'cooperating',
          dueDate: n!.dueDate,
          reason: e.reason,
          link: `/nhiem-vu/${e.nodeId}`,
        },
      });
    }
    return out;
  },
  'period.opened': async (tx, e) => {
    const p = await periodOf(tx, e.periodId);
    const obs = await tx.select().from(reportObligations).where(eq(reportObligations.periodId, e.periodId));
    const names = await unitNames(
      tx,
      obs.map((o) => o.unitId),
    );
    const out: Delivery[] = [];
    for (const o of obs)
      out.push({
        to: await unitUsers(tx, o.unitId),
        facts: {
          kind: 'period.opened',
          periodLabel: p.label,
          unitName: names.get(o.unitId) ?? '',
          dueDate: p.dueDate,
          taskCount: o.tasks.length,
          link: `/bao-cao/${o.id}`,
        },
      });
    return out;
  },
  'report.submitted': report,
  'report.resubmitted': report,
  'report.returned': report,
  'report.accepted': report,
  'obstacle.step': async (tx, e) => {
    const kind = OBSTACLE_KINDS[e.action];
    if (!kind) return [];
    const [o] = await tx.select().from(obstacles).where(eq(obstacles.id, e.obstacleId));
    const p = await periodOf(tx, o!.periodId);
    const names = await unitNames(tx, o!.handlingUnitId ? [o!.handlingUnitId] : []);
    return [
      {
        to: await unitUsers(tx, o!.unitId),
        facts: {
          kind,
          obstacleKind: o!.kind,
          text: o!.text,
          periodLabel: p.label,
          handlingUnitName: o!.handlingUnitId ? (names.get(o!.handlingUnitId) ?? null) : null,
          answer: o!.answer,
          link: `/bao-cao/${o!.obligationId}`,
        },
      },
    ];
  },
  'consolidation.awaiting_approval': async (tx, e) => {
    const p = await periodOf(tx, e.periodId);
    const [pr] = await tx
      .select({ title: programs.title })
      .from(programs)
      .where(eq(programs.id, p.programId));
    return [
      {
        to: await leaderRecipients(tx, p.programId),
        facts: {
          kind: 'consolidation.awaiting_approval',
          periodLabel: p.label,
          programTitle: pr?.title ?? '',
          link: `/ky-bao-cao/${p.id}?xem=tong-hop`,
        },
      },
    ];
  },
  'direction.issued': directionIssued,
  'direction.answered': directionFollowUp,
  'direction.closed': directionFollowUp,
  'direction.returned': directionFollowUp,
  'recommendation.step': async (tx, e) => {
    const [x] = await tx
      .select({ rep: remediationReports, rec: recommendations, bodyUnitId: inspectionPlans.bodyUnitId })
      .from(remediationReports)
      .innerJoin(recommendations, eq(recommendations.id, remediationReports.recommendationId))
      .innerJoin(inspectionPlans, eq(inspectionPlans.id, recommendations.planId))
      .where(eq(remediationReports.id, e.reportId));
    if (!x) return [];
    const names = await unitNames(tx, [x.rec.responsibleUnitId, x.bodyUnitId]);
    const facts = {
      text: x.rec.text,
      unitName: names.get(x.rec.responsibleUnitId) ?? '',
      bodyName: names.get(x.bodyUnitId) ?? '',
      state: x.rep.state === 'done' ? ('done' as const) : ('in_progress' as const),
      closed: x.rec.status === 'closed',
      comment: x.rep.decisionComment,
      link: `/kien-nghi/${x.rec.id}`,
    };
    if (!x.rep.decision)
      return [
        {
          to: await unitRecipients(tx, x.bodyUnitId, ['supervisor']),
          facts: { ...facts, kind: 'recommendation.remediation_submitted' },
        },
      ];
    return [
      {
        to: await unitUsers(tx, x.rec.responsibleUnitId),
        facts: {
          ...facts,
          kind: x.rep.decision === 'accepted' ? 'recommendation.accepted' : 'recommendation.returned',
        },
      },
    ];
  },
};

/**
 * Writes the event's notifications and queues its e-mails in the caller's transaction. Call it inside
 * `mutate()`, after the change is written (the resolvers read the changed rows).
 */
export async function notify(tx: Tx, deps: Deps, ctx: Ctx, event: NotificationEvent): Promise<void> {
  const resolve = EVENTS[event.kind] as Resolver<NotificationEvent>;
  const deliveries = await resolve(tx, event);
  const actorId = ctx.actor?.kind === 'user' ? ctx.actor.id : null;
  const at = now(deps);
  for (const d of deliveries) {
    const seen = new Set<string>();
    const to = d.to.filter(
      (r) => r.userId && r.userId !== actorId && !seen.has(r.userId) && seen.add(r.userId),
    );
    if (!to.length) continue;
    const text = notificationText(d.facts);
    await tx.insert(notifications).values(
      to.map((r) => ({
        userId: r.userId!,
        kind: d.facts.kind,
        title: text.title,
        body: text.body,
        link: d.facts.link,
        createdAt: at,
      })),
    );
    const withEmail = to.filter((r) => r.email);
    if (!withEmail.length) continue;
    const off = await tx
      .select({ userId: notificationPreferences.userId })
      .from(notificationPreferences)
      .where(
        and(
          eq(notificationPreferences.kind, d.facts.kind),
          eq(notificationPreferences.email, false),
          inArray(
            notificationPreferences.userId,
            withEmail.map((r) => r.userId!),
          ),
        ),
      );
    const offIds = new Set(off.map((r) => r.userId));
    const emails = [...new Set(withEmail.filter((r) => !offIds.has(r.userId!)).map((r) => r.email!))];
    if (emails.length)
      await tx.insert(emailOutbox).values(
        emails.map((email) => ({
          to: email,
          subject: text.subject,
          body: text.text,
          nextAttemptAt: at,
          createdAt: at,
        })),
      );
  }
}
