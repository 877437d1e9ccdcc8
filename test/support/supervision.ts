/**
 * Supervision fixtures: an inspection plan with its subjects, an issued conclusion, its findings and
 * recommendations, written straight into the real database with drizzle (the plans / conclusions
 * service is built on another branch; once merged, this helper can go through it instead).
 */
import type { DbOrTx } from '../../src/db/connection.js';
import {
  inspectionConclusions,
  inspectionFindings,
  inspectionPlans,
  inspectionSubjects,
  recommendations,
} from '../../src/db/schema.js';
import type { ConclusionStatus, InspectionPlanStatus } from '../../src/domain/supervision/kinds.js';

export interface RecommendationSpec {
  unitId: string;
  dueDate: string;
  text?: string;
  nodeId?: string | null;
  expectedProduct?: string;
}

export interface IssuedConclusion {
  planId: string;
  conclusionId: string;
  findingIds: string[];
  /** In the order given. */
  recommendationIds: string[];
}

/**
 * A plan of `bodyUnitId` inspecting `units` (status `active` by default, schedule `startsOn`–`endsOn`),
 * an issued conclusion (number, date, signer) with one finding per recommendation (tied to its unit
 * and task) and the recommendations, all `open`.
 */
export async function issuedConclusionFixture(
  db: DbOrTx,
  o: {
    bodyUnitId: string;
    units: string[];
    recommendations: RecommendationSpec[];
    programId?: string | null;
    title?: string;
    startsOn?: string | null;
    endsOn?: string | null;
    planStatus?: InspectionPlanStatus;
    conclusionStatus?: ConclusionStatus;
    issuedOn?: string;
    /** Extra findings without a recommendation. */
    extraFindings?: number;
  },
): Promise<IssuedConclusion> {
  const [plan] = await db
    .insert(inspectionPlans)
    .values({
      bodyUnitId: o.bodyUnitId,
      kind: 'party_inspection',
      title: o.title ?? 'Kiểm tra việc thực hiện Chương trình hành động năm 2026',
      year: 2026,
      programId: o.programId ?? null,
      contents: 'Kiểm tra việc triển khai, thực hiện các nhiệm vụ được giao.',
      startsOn: o.startsOn === undefined ? '2026-09-01' : o.startsOn,
      endsOn: o.endsOn === undefined ? '2026-10-15' : o.endsOn,
      status: o.planStatus ?? 'active',
    })
    .returning();
  await db.insert(inspectionSubjects).values(o.units.map((unitId) => ({ planId: plan!.id, unitId })));
  const issued = (o.conclusionStatus ?? 'issued') !== 'draft';
  const [c] = await db
    .insert(inspectionConclusions)
    .values({
      planId: plan!.id,
      status: o.conclusionStatus ?? 'issued',
      title: 'Thông báo kết luận kiểm tra',
      summary: 'Các đơn vị đã triển khai nhiệm vụ; còn một số hạn chế cần khắc phục.',
      number: issued ? '15-TB/UBKTTU' : null,
      issuedOn: issued ? (o.issuedOn ?? '2026-10-20') : null,
      signerName: issued ? 'Nguyễn Văn Kiểm' : null,
      signerTitle: issued ? 'Chủ nhiệm' : null,
      issuedAt: issued ? new Date('2026-10-20T03:00:00Z') : null,
    })
    .returning();
  const findingIds: string[] = [];
  const recommendationIds: string[] = [];
  let seq = 0;
  for (const r of o.recommendations) {
    seq++;
    const [f] = await db
      .insert(inspectionFindings)
      .values({
        conclusionId: c!.id,
        seq,
        unitId: r.unitId,
        nodeId: r.nodeId ?? null,
        text: `Hạn chế số ${seq}: chậm triển khai nhiệm vụ được giao.`,
      })
      .returning();
    findingIds.push(f!.id);
    const [rec] = await db
      .insert(recommendations)
      .values({
        conclusionId: c!.id,
        planId: plan!.id,
        findingId: f!.id,
        seq,
        responsibleUnitId: r.unitId,
        nodeId: r.nodeId ?? null,
        text: r.text ?? `Khắc phục hạn chế số ${seq}, báo cáo kết quả bằng văn bản.`,
        dueDate: r.dueDate,
        expectedProduct: r.expectedProduct ?? 'Báo cáo kết quả khắc phục',
      })
      .returning();
    recommendationIds.push(rec!.id);
  }
  for (let i = 0; i < (o.extraFindings ?? 0); i++) {
    seq++;
    const [f] = await db
      .insert(inspectionFindings)
      .values({ conclusionId: c!.id, seq, unitId: o.units[0]!, text: `Hạn chế số ${seq}.` })
      .returning();
    findingIds.push(f!.id);
  }
  return { planId: plan!.id, conclusionId: c!.id, findingIds, recommendationIds };
}
