/**
 * Reading the audit trail: an entity's history, the latest events, and verification of the hash chain.
 */
import { and, asc, desc, eq, gt, lt, sql, type SQL } from 'drizzle-orm';
import { auditEvents, programs, reportObligations, taskUnits } from '../../db/schema.js';
import { rows, type Db } from '../../db/connection.js';
import { AppError } from '../../errors.js';
import { CHAIN_BREAK_MESSAGES, ChainVerifier } from '../../domain/audit-chain.js';
import { authorize, seesAllUnits } from '../policy.js';
import type { Ctx } from '../context.js';
import type { Deps } from '../deps.js';
import type { AuditEvents, AuditQuery, AuditVerifyResult } from '../../contract/audit.js';

/**
 * Unit users read only the history of their own unit and of themselves; other roles read all.
 */
export async function listAuditEvents(deps: Deps, ctx: Ctx, q: AuditQuery): Promise<AuditEvents> {
  authorize(ctx, 'audit.read');
  if (!seesAllUnits(ctx) && ctx.actor?.kind === 'user') {
    const own =
      (q.entityType === 'unit' && q.entityId === ctx.actor.unitId) ||
      (q.entityType === 'user' && q.entityId === ctx.actor.id) ||
      (!!q.entityId &&
        !!ctx.actor.unitId &&
        (await concernsUnit(deps, q.entityType, q.entityId, ctx.actor.unitId)));
    if (!own)
      throw new AppError('FORBIDDEN_UNIT_SCOPE', {
        entityType: q.entityType ?? null,
        entityId: q.entityId ?? null,
      });
  }
  const where: SQL[] = [];
  if (q.entityType) where.push(eq(auditEvents.entityType, q.entityType));
  if (q.entityId) where.push(eq(auditEvents.entityId, q.entityId));
  if (q.beforeSeq) where.push(lt(auditEvents.seq, q.beforeSeq));
  const r = await deps.db
    .select()
    .from(auditEvents)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditEvents.seq))
    .limit(q.limit ?? 50);
  return {
    items: r.map((e) => ({
      seq: e.seq,
      at: e.at.toISOString(),
      actorId: e.actorId,
      actorLabel: e.actorLabel,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      before: e.before,
      after: e.after,
      requestId: e.requestId,
      ip: e.ip,
    })),
  };
}

/** What makes an entity the unit's own, by entity type: a task it carries, a program (plan) it owns, its report. */
const CONCERNS: Record<string, (entityId: string, unitId: string) => SQL> = {
  task: (e, u) =>
    sql`exists (select 1 from ${taskUnits} where ${taskUnits.nodeId} = ${e} and ${taskUnits.unitId} = ${u})`,
  program: (e, u) =>
    sql`exists (select 1 from ${programs} where ${programs.id} = ${e} and ${programs.ownerUnitId} = ${u})`,
  report: (e, u) =>
    sql`exists (select 1 from ${reportObligations} where ${reportObligations.id} = ${e} and ${reportObligations.unitId} = ${u})`,
};

/** A task the unit leads or cooperates on, a program (plan) the unit owns, or the unit's own report. */
async function concernsUnit(
  deps: Deps,
  entityType: string | undefined,
  entityId: string,
  unitId: string,
): Promise<boolean> {
  const concerns =
    entityType !== undefined && Object.hasOwn(CONCERNS, entityType) ? CONCERNS[entityType] : undefined;
  if (!concerns || !/^[0-9a-f-]{36}$/i.test(entityId)) return false;
  const [r] = await rows<{ ok: boolean }>(deps.db, sql`select ${concerns(entityId, unitId)} as ok`);
  return r?.ok === true;
}

/** Walks the whole chain in pages, recomputing each hash. */
export async function verifyAuditChain(db: Db): Promise<AuditVerifyResult> {
  const v = new ChainVerifier();
  let after = 0;
  for (;;) {
    const page = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.seq, after))
      .orderBy(asc(auditEvents.seq))
      .limit(2000);
    if (page.length === 0) break;
    for (const e of page) {
      const broken = v.push({ ...e, at: e.at.toISOString() });
      if (broken) {
        return {
          ok: false,
          count: v.count,
          brokenAt: { ...broken, message: CHAIN_BREAK_MESSAGES[broken.reason] },
        };
      }
    }
    after = page[page.length - 1]!.seq;
  }
  return { ok: true, count: v.count };
}

export async function verifyAuditChainAs(deps: Deps, ctx: Ctx): Promise<AuditVerifyResult> {
  authorize(ctx, 'audit.verify');
  if (!deps.auditCheckpoints) return verifyAuditChain(deps.db);
  // Lazy: checkpoints.ts imports this module.
  const { verifyWithCheckpoints } = await import('./checkpoints.js');
  const r = await verifyWithCheckpoints(deps.db, deps.auditCheckpoints);
  return {
    ...r.chain,
    checkpoints: {
      ok: r.problems.length === 0,
      count: r.checkpoints,
      latest: r.latest && { seq: r.latest.seq, hash: r.latest.hash, at: r.latest.at },
      problems: r.problems.map((p) => ({ kind: p.kind, message: p.message })),
    },
  };
}
