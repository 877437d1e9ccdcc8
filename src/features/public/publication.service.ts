/**
 * What is public, and the statements each publication makes (the leaves of the public log).
 *
 * - The monitor makes a program public ("công khai") or withdraws it (`setProgramPublic`). Making it
 *   public states the program (its document's hash, its task count) and every accepted progress not
 *   yet in the log, so a program published late still shows its whole accepted history.
 * - A report accepted in a public program states each task its unit leads (`progressLeaves`, called
 *   by the review in reports.service inside the same transaction).
 * The portal reads progress only from these leaves (src/features/public), never from drafts, returned
 * versions or comments.
 */
import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx, DbOrTx } from '../../db/connection.js';
import {
  evidenceUploads,
  programBaselines,
  programNodes,
  programs,
  reportObligations,
  reportVersions,
  reportingPeriods,
  taskAssignments,
  transparencyLeaves,
  units,
} from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { completeContent } from '../../domain/reporting/report.js';
import { effectivePercent, timeliness } from '../../domain/reporting/rollup.js';
import type {
  ProgramRef,
  ProgressStatement,
  PublicFile,
  TaskRef,
  UnitRef,
} from '../../domain/transparency/statements.js';
import { reportingRules } from '../reporting-rules.js';
import { mutate, type LeafInput } from '../audit/audit-writer.js';
import { authorize } from '../policy.js';
import { actorUserId, type Ctx } from '../context.js';
import { now, type Deps } from '../deps.js';
import { versionConflict } from '../conflict.js';
import { formatDateVN } from '../../domain/format.js';

type ProgramRow = typeof programs.$inferSelect;
type ObligationRow = typeof reportObligations.$inferSelect;
type VersionRow = typeof reportVersions.$inferSelect;

export function programRef(p: ProgramRow): ProgramRef {
  return {
    id: p.id,
    docKind: p.docKind,
    number: p.number,
    docDate: p.docDate,
    issuer: p.issuer,
    title: p.title,
  };
}

async function unitRef(db: DbOrTx, id: string | null): Promise<UnitRef | null> {
  if (!id) return null;
  const [u] = await db.select({ id: units.id, name: units.name }).from(units).where(eq(units.id, id));
  return u ?? null;
}

/** The unit that accepts a program's reports: its monitoring unit, else the acting user's unit. */
async function acceptingUnit(db: DbOrTx, p: ProgramRow, ctx: Ctx | null): Promise<UnitRef | null> {
  return unitRef(db, p.monitoringUnitId ?? (ctx?.actor?.kind === 'user' ? ctx.actor.unitId : null));
}

/** The due date in force for each task: the baseline's when frozen, else the assignment's. */
async function dueDates(
  db: DbOrTx,
  programId: string,
  nodeIds: string[],
): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  if (!nodeIds.length) return out;
  const a = await db
    .select({ nodeId: taskAssignments.nodeId, dueDate: taskAssignments.dueDate })
    .from(taskAssignments)
    .where(inArray(taskAssignments.nodeId, nodeIds));
  for (const r of a) out.set(r.nodeId, r.dueDate);
  const [b] = await db.select().from(programBaselines).where(eq(programBaselines.programId, programId));
  for (const id of nodeIds) {
    const e = b?.snapshot[id];
    if (e && e.dueDate !== undefined) out.set(id, e.dueDate ?? null);
  }
  return out;
}

/** The progress statements of one accepted version: one per task its unit leads with a status. */
async function buildProgress(
  db: DbOrTx,
  p: ProgramRow,
  o: ObligationRow,
  v: VersionRow,
  acceptedAt: Date,
  acceptedBy: UnitRef | null,
): Promise<LeafInput[]> {
  const rules = reportingRules();
  const content = completeContent(v.content);
  const lead = o.tasks.filter((t) => t.role === 'lead' && content.entries[t.nodeId]?.status);
  if (!lead.length) return [];
  const ids = lead.map((t) => t.nodeId);
  const nodes = await db
    .select({
      id: programNodes.id,
      label: programNodes.label,
      title: programNodes.title,
      text: programNodes.text,
    })
    .from(programNodes)
    .where(inArray(programNodes.id, ids));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const due = await dueDates(db, p.id, ids);
  const [period] = await db
    .select({ id: reportingPeriods.id, label: reportingPeriods.label })
    .from(reportingPeriods)
    .where(eq(reportingPeriods.id, o.periodId));
  const unit = (await unitRef(db, o.unitId))!;
  // The unit's own choice per file (public or internal), at acceptance.
  const publicFiles = new Set(
    (
      await db
        .select({ sha256: evidenceUploads.sha256 })
        .from(evidenceUploads)
        .where(and(eq(evidenceUploads.unitId, o.unitId), eq(evidenceUploads.isPublic, true)))
    ).map((r) => r.sha256),
  );
  const day = acceptedAt.toISOString().slice(0, 10);
  const out: LeafInput[] = [];
  for (const t of lead) {
    const n = byId.get(t.nodeId);
    const e = content.entries[t.nodeId]!;
    if (!n || !e.status) continue;
    const dueDate = due.get(t.nodeId) ?? null;
    const percent = effectivePercent(rules, {
      nodeId: t.nodeId,
      groupId: null,
      leadUnitId: o.unitId,
      status: e.status,
      percent: e.percent,
      baselineDue: dueDate,
      completedOn: e.completedOn,
    });
    const task: TaskRef = { id: n.id, label: n.label, title: n.title || n.text.slice(0, 300) };
    const evidence: PublicFile[] = e.evidence
      .filter((f) => publicFiles.has(f.sha256))
      .map((f) => ({ sha256: f.sha256, filename: f.filename, size: f.size, mime: f.mime }));
    const statement: ProgressStatement = {
      kind: 'progress',
      program: programRef(p),
      task,
      unit,
      period: period ?? { id: o.periodId, label: '' },
      reportVersionId: v.id,
      reportNumber: v.number,
      submittedAt: v.submittedAt.toISOString(),
      acceptedAt: acceptedAt.toISOString(),
      acceptedBy,
      status: e.status,
      statusLabel: rules.statuses[e.status]?.label ?? e.status,
      percent,
      completedOn: e.completedOn,
      dueDate,
      timeliness: timeliness(
        {
          nodeId: t.nodeId,
          groupId: null,
          leadUnitId: o.unitId,
          status: e.status,
          percent,
          baselineDue: dueDate,
          completedOn: e.completedOn ?? (e.status === 'done' ? day : null),
        },
        day,
      ),
      results: e.results,
      products: e.products.map((x) => ({
        description: x.description,
        number: x.number,
        date: x.date,
        link: x.link,
      })),
      evidence,
    };
    out.push({ statement, programId: p.id, nodeId: n.id, refId: v.id });
  }
  return out;
}

/**
 * The leaves a just-accepted version adds to the public log: none unless its program is public.
 * Call inside the review's `mutate()` and pass them with its audit event.
 */
export async function progressLeaves(
  tx: Tx,
  ctx: Ctx,
  o: ObligationRow,
  v: VersionRow,
  acceptedAt: Date,
): Promise<LeafInput[]> {
  const [p] = await tx.select().from(programs).where(eq(programs.id, o.programId));
  if (!p?.publicSince) return [];
  return buildProgress(tx, p, o, v, acceptedAt, await acceptingUnit(tx, p, ctx));
}

/** Accepted versions of the program's reports that have no progress leaf yet, oldest first. */
async function unloggedProgress(tx: Tx, p: ProgramRow, ctx: Ctx): Promise<LeafInput[]> {
  const accepted = await tx
    .select({ v: reportVersions, o: reportObligations })
    .from(reportVersions)
    .innerJoin(reportObligations, eq(reportObligations.id, reportVersions.obligationId))
    .where(and(eq(reportObligations.programId, p.id), eq(reportVersions.review, 'accepted')))
    .orderBy(asc(reportVersions.reviewedAt), asc(reportVersions.id));
  if (!accepted.length) return [];
  const logged = new Set(
    (
      await tx
        .select({ refId: transparencyLeaves.refId })
        .from(transparencyLeaves)
        .where(and(eq(transparencyLeaves.programId, p.id), eq(transparencyLeaves.kind, 'progress')))
    ).map((r) => r.refId),
  );
  const by = await acceptingUnit(tx, p, ctx);
  const out: LeafInput[] = [];
  for (const { v, o } of accepted) {
    if (logged.has(v.id)) continue;
    out.push(...(await buildProgress(tx, p, o, v, v.reviewedAt ?? v.submittedAt, by)));
  }
  return out;
}

export interface SetPublicBody {
  public: boolean;
  version: number;
}

export interface PublicityResult {
  id: string;
  public: boolean;
  publicSince: string | null;
  version: number;
  /** Leaves written to the public log by this change. */
  leaves: number;
}

/** Makes a program public on the portal, or withdraws it. Programs only, not units' own plans. */
export async function setProgramPublic(
  deps: Deps,
  ctx: Ctx,
  programId: string,
  body: SetPublicBody,
): Promise<PublicityResult> {
  authorize(ctx, 'portal.publish');
  return mutate(deps.db, ctx, async (tx, audit) => {
    const [p] = await tx.select().from(programs).where(eq(programs.id, programId)).for('update');
    if (!p) throw new AppError('PROGRAM_NOT_FOUND');
    if (p.parentProgramId) throw new AppError('PORTAL_PLAN_NOT_PUBLISHABLE');
    if (p.version !== body.version)
      throw await versionConflict(tx, 'program', {
        updatedBy: p.publicBy ?? p.publishedBy,
        updatedAt: p.updatedAt,
      });
    const isPublic = !!p.publicSince;
    if (isPublic === body.public) {
      audit.nothingChanged();
      return {
        id: p.id,
        public: isPublic,
        publicSince: p.publicSince?.toISOString() ?? null,
        version: p.version,
        leaves: 0,
      };
    }
    const t = now(deps);
    const [updated] = await tx
      .update(programs)
      .set({
        publicSince: body.public ? t : null,
        publicBy: body.public ? actorUserId(ctx) : null,
        version: p.version + 1,
        updatedAt: t,
      })
      .where(eq(programs.id, p.id))
      .returning();
    const taskCount = (
      await tx
        .select({ id: programNodes.id })
        .from(programNodes)
        .where(and(eq(programNodes.programId, p.id), eq(programNodes.isTask, true)))
    ).length;
    const leaves: LeafInput[] = [
      {
        statement: {
          kind: 'program',
          program: programRef(p),
          public: body.public,
          documentSha256: body.public ? createHash('sha256').update(p.source, 'utf8').digest('hex') : null,
          taskCount,
          decidedBy: await acceptingUnit(tx, p, ctx),
        },
        programId: p.id,
      },
      ...(body.public ? await unloggedProgress(tx, updated!, ctx) : []),
    ];
    audit.record({
      action: body.public ? 'program.publicize' : 'program.unpublicize',
      entityType: 'program',
      entityId: p.id,
      before: { public: isPublic },
      after: { public: body.public, leaves: leaves.length, date: formatDateVN(t.toISOString().slice(0, 10)) },
      leaves,
    });
    return {
      id: p.id,
      public: body.public,
      publicSince: updated!.publicSince?.toISOString() ?? null,
      version: updated!.version,
      leaves: leaves.length,
    };
  });
}

/** Is the program public? (For features that add leaves of their own: evidence, documents.) */
export async function publicProgram(db: DbOrTx, programId: string): Promise<ProgramRow | null> {
  const [p] = await db
    .select()
    .from(programs)
    .where(and(eq(programs.id, programId), isNull(programs.parentProgramId)));
  return p?.publicSince ? p : null;
}
