/**
 * Rows of supervision and leadership for the annual review's tests, written straight into the real
 * database with drizzle (the services that fill them are built on other branches): an inspection plan
 * with a conclusion and its recommendations, and a leader's direction with its units.
 */
import {
  directionUnits,
  directions,
  inspectionConclusions,
  inspectionPlans,
  recommendations,
} from '../../src/db/schema.js';
import type { DbOrTx } from '../../src/db/connection.js';

export interface RecommendationRow {
  unitId: string;
  dueDate: string;
  /** Closed at this instant (ISO); open when absent. */
  closedAt?: string;
  status?: 'open' | 'submitted' | 'returned' | 'closed';
  nodeId?: string | null;
}

/** A plan of `bodyUnitId` on the program, one conclusion (issued on `issuedOn`, or a draft) and its recommendations. */
export async function insertConclusion(
  db: DbOrTx,
  o: {
    bodyUnitId: string;
    programId: string | null;
    issuedOn: string | null;
    recommendations: RecommendationRow[];
  },
): Promise<{ planId: string; conclusionId: string; recommendationIds: string[] }> {
  const [plan] = await db
    .insert(inspectionPlans)
    .values({
      bodyUnitId: o.bodyUnitId,
      kind: 'party_inspection',
      title: 'Kiểm tra việc thực hiện Chương trình',
      year: Number((o.issuedOn ?? '2026').slice(0, 4)),
      programId: o.programId,
      status: 'active',
    })
    .returning({ id: inspectionPlans.id });
  const [c] = await db
    .insert(inspectionConclusions)
    .values({
      planId: plan!.id,
      status: o.issuedOn ? 'issued' : 'draft',
      title: 'Thông báo kết luận kiểm tra',
      number: o.issuedOn ? '12-TB/UBKTTU' : null,
      issuedOn: o.issuedOn,
      issuedAt: o.issuedOn ? new Date(`${o.issuedOn}T03:00:00Z`) : null,
    })
    .returning({ id: inspectionConclusions.id });
  const ids: string[] = [];
  let seq = 0;
  for (const r of o.recommendations) {
    const [x] = await db
      .insert(recommendations)
      .values({
        conclusionId: c!.id,
        planId: plan!.id,
        seq: ++seq,
        responsibleUnitId: r.unitId,
        nodeId: r.nodeId ?? null,
        text: `Khắc phục hạn chế số ${seq}`,
        dueDate: r.dueDate,
        expectedProduct: 'Báo cáo khắc phục',
        status: r.status ?? (r.closedAt ? 'closed' : 'open'),
        closedAt: r.closedAt ? new Date(r.closedAt) : null,
      })
      .returning({ id: recommendations.id });
    ids.push(x!.id);
  }
  return { planId: plan!.id, conclusionId: c!.id, recommendationIds: ids };
}

/** A direction of `leaderId` on the program to `units` (answered at the given instants, ISO). */
export async function insertDirection(
  db: DbOrTx,
  o: {
    leaderId: string;
    programId: string;
    requiresAction: boolean;
    dueDate: string | null;
    units: { unitId: string; answeredAt?: string; closedAt?: string }[];
  },
): Promise<string> {
  const [d] = await db
    .insert(directions)
    .values({
      targetType: 'program',
      targetId: o.programId,
      programId: o.programId,
      text: 'Đề nghị các đơn vị khẩn trương hoàn thành nhiệm vụ được giao.',
      requiresAction: o.requiresAction,
      dueDate: o.dueDate,
      leaderId: o.leaderId,
    })
    .returning({ id: directions.id });
  for (const u of o.units)
    await db.insert(directionUnits).values({
      directionId: d!.id,
      unitId: u.unitId,
      status: !o.requiresAction ? 'info' : u.closedAt ? 'closed' : u.answeredAt ? 'answered' : 'open',
      answer: u.answeredAt ? 'Đơn vị đã triển khai thực hiện.' : null,
      answeredAt: u.answeredAt ? new Date(u.answeredAt) : null,
      closedAt: u.closedAt ? new Date(u.closedAt) : null,
    });
  return d!.id;
}
