/**
 * Who hears of a direction's steps (used by src/features/notifications/events.ts): a new direction →
 * the users of each unit addressed; an answer → the leader who wrote it and the program's monitors;
 * a close or a return → the unit's users.
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/connection.js';
import { directionUnits, directions, units, users } from '../../db/schema.js';
import {
  monitorRecipients,
  unitRecipients,
  userRecipient,
  type Recipient,
} from '../../db/queries/recipients.js';
import type { NotificationFacts } from '../../domain/notification-kinds.js';
import { targetViews } from './targets.js';

interface Delivery {
  to: Recipient[];
  facts: NotificationFacts;
}

/** The page of one direction in the list "Theo dõi ý kiến chỉ đạo". */
export const directionLink = (directionId: string) => `/y-kien-chi-dao?id=${directionId}`;

export async function directionIssued(tx: Tx, e: { directionId: string }): Promise<Delivery[]> {
  const [d] = await tx
    .select({ d: directions, leaderName: users.fullName })
    .from(directions)
    .innerJoin(users, eq(users.id, directions.leaderId))
    .where(eq(directions.id, e.directionId));
  if (!d) return [];
  const target = (await targetViews(tx, [d.d])).get(`${d.d.targetType}:${d.d.targetId}`);
  const rows = await tx
    .select({ unitId: directionUnits.unitId, unitName: units.name })
    .from(directionUnits)
    .innerJoin(units, eq(units.id, directionUnits.unitId))
    .where(eq(directionUnits.directionId, e.directionId));
  const out: Delivery[] = [];
  for (const r of rows)
    out.push({
      to: await unitRecipients(tx, r.unitId, ['unit']),
      facts: {
        kind: 'direction.issued',
        leaderName: d.leaderName,
        text: d.d.text,
        targetLabel: target?.label ?? '',
        unitName: r.unitName,
        dueDate: d.d.requiresAction ? d.d.dueDate : null,
        link: directionLink(d.d.id),
      },
    });
  return out;
}

export async function directionFollowUp(
  tx: Tx,
  e: { kind: 'direction.answered' | 'direction.closed' | 'direction.returned'; directionUnitId: string },
): Promise<Delivery[]> {
  const [r] = await tx
    .select({ du: directionUnits, d: directions, unitName: units.name })
    .from(directionUnits)
    .innerJoin(directions, eq(directions.id, directionUnits.directionId))
    .innerJoin(units, eq(units.id, directionUnits.unitId))
    .where(eq(directionUnits.id, e.directionUnitId));
  if (!r) return [];
  const link = directionLink(r.d.id);
  if (e.kind === 'direction.answered') {
    const leader = await userRecipient(tx, r.d.leaderId);
    return [
      {
        to: [...(leader ? [leader] : []), ...(await monitorRecipients(tx, r.d.programId))],
        facts: { kind: e.kind, unitName: r.unitName, text: r.d.text, answer: r.du.answer ?? '', link },
      },
    ];
  }
  return [
    {
      to: await unitRecipients(tx, r.du.unitId, ['unit']),
      facts: {
        kind: e.kind,
        unitName: r.unitName,
        text: r.d.text,
        comment: e.kind === 'direction.closed' ? r.du.closeComment : r.du.returnComment,
        link,
      },
    },
  ];
}
