/**
 * Approval of the consolidated report by the leader (issue 13, point 6): the monitor sends the draft
 * (trình duyệt); a leader approves it (ký duyệt), giving it its number and date, or returns it with a
 * comment, which makes it editable again. Only the version sent can be approved. An approved report is
 * read-only; a correction is a new revision (bản sửa đổi) started from it. Every step keeps a snapshot
 * of the heading and sections in `consolidation_versions` and is audited.
 */
import { notify } from '../notifications/events.js';
import { desc, eq, max } from 'drizzle-orm';
import { consolidatedReports, consolidationVersions, users } from '../../db/schema.js';
import type { DbOrTx, Tx } from '../../db/connection.js';
import { AppError } from '../../errors.js';
import type {
  Consolidation,
  ConsolidationApproveInput,
  ConsolidationReturnInput,
  ConsolidationStep,
  ConsolidationStepInput,
  ConsolidationVersionList,
} from '../../contract/consolidation.js';
import type { AuditAction } from '../../domain/audit-actions.js';
import { mutate } from '../audit/audit-writer.js';
import { versionConflict } from '../conflict.js';
import { authorize } from '../policy.js';
import { actorUserId, type Ctx } from '../context.js';
import { now, type Deps } from '../deps.js';
import { assertEditable } from './approval-state.js';
import { view } from './consolidation.service.js';

type Row = typeof consolidatedReports.$inferSelect;
type Change = Partial<Pick<Row, 'status' | 'sentVersion' | 'revision' | 'statusComment' | 'heading'>>;

async function lockReport(tx: DbOrTx, periodId: string): Promise<Row> {
  const [r] = await tx
    .select()
    .from(consolidatedReports)
    .where(eq(consolidatedReports.periodId, periodId))
    .for('update');
  if (!r) throw new AppError('CONSOLIDATION_NOT_FOUND', { periodId });
  return r;
}

/** The leader's steps apply to the version sent, and to nothing else. */
function assertSentVersion(r: Row, version: number): void {
  if (r.status === 'approved') throw new AppError('CONSOLIDATION_APPROVED', { id: r.id });
  if (r.status !== 'sent') throw new AppError('CONSOLIDATION_NOT_SENT', { id: r.id, status: r.status });
  if (version !== r.version || r.sentVersion !== r.version)
    throw new AppError('CONSOLIDATION_CHANGED_SINCE_SENT', {
      id: r.id,
      sentVersion: r.sentVersion,
      version,
    });
}

/**
 * Moves the report to its new status (one more version), keeps the snapshot of the step when there is
 * one, and records the audit event.
 */
async function applyStep(
  deps: Deps,
  ctx: Ctx,
  periodId: string,
  check: (tx: Tx, r: Row) => Promise<void> | void,
  change: (r: Row) => Change,
  audited: { action: AuditAction; step: ConsolidationStep | null },
): Promise<Consolidation> {
  return mutate(deps.db, ctx, async (tx, audit) => {
    const r = await lockReport(tx, periodId);
    await check(tx, r);
    const at = now(deps);
    const by = actorUserId(ctx);
    const [u] = await tx
      .update(consolidatedReports)
      .set({ ...change(r), version: r.version + 1, statusAt: at, statusBy: by, updatedAt: at, updatedBy: by })
      .where(eq(consolidatedReports.id, r.id))
      .returning();
    const row = u!;
    if (audited.step) {
      const [last] = await tx
        .select({ seq: max(consolidationVersions.seq) })
        .from(consolidationVersions)
        .where(eq(consolidationVersions.consolidationId, r.id));
      await tx.insert(consolidationVersions).values({
        consolidationId: r.id,
        seq: (last?.seq ?? 0) + 1,
        revision: row.revision,
        step: audited.step,
        reportVersion: row.version,
        heading: row.heading,
        sections: row.sections,
        comment: row.statusComment,
        at,
        byUser: by,
      });
    }
    audit.record({
      action: audited.action,
      entityType: 'consolidation',
      entityId: r.id,
      before: { status: r.status, version: r.version, revision: r.revision },
      after: {
        status: row.status,
        version: row.version,
        revision: row.revision,
        ...(row.statusComment ? { comment: row.statusComment } : {}),
        ...(audited.action === 'consolidation.approve'
          ? { number: row.heading.number, date: row.heading.date }
          : {}),
      },
    });
    return view(row);
  });
}

/**
 * The monitor sends the draft to the leaders for approval (trình duyệt): the point where a report
 * becomes "sent" (chờ duyệt). A notification to the leaders belongs here, in this transaction.
 */
export async function sendConsolidationForApproval(
  deps: Deps,
  ctx: Ctx,
  periodId: string,
  input: ConsolidationStepInput,
): Promise<Consolidation> {
  authorize(ctx, 'report.manage');
  return applyStep(
    deps,
    ctx,
    periodId,
    async (tx, r) => {
      assertEditable(r);
      if (r.version !== input.version) throw await versionConflict(tx, 'consolidation', r);
      // The leaders are told in the same transaction as the step.
      await notify(tx, deps, ctx, { kind: 'consolidation.awaiting_approval', periodId });
    },
    (r) => ({ status: 'sent', sentVersion: r.version + 1, statusComment: null }),
    { action: 'consolidation.send', step: 'sent' },
  );
}

/** A leader returns the report sent, with a comment: it becomes editable again. */
export async function returnConsolidation(
  deps: Deps,
  ctx: Ctx,
  periodId: string,
  input: ConsolidationReturnInput,
): Promise<Consolidation> {
  authorize(ctx, 'consolidation.approve');
  return applyStep(
    deps,
    ctx,
    periodId,
    (_tx, r) => assertSentVersion(r, input.version),
    () => ({ status: 'returned', sentVersion: null, statusComment: input.comment.trim() }),
    { action: 'consolidation.return', step: 'returned' },
  );
}

/** A leader approves (ký duyệt) the version sent, giving the document its number and date. */
export async function approveConsolidation(
  deps: Deps,
  ctx: Ctx,
  periodId: string,
  input: ConsolidationApproveInput,
): Promise<Consolidation> {
  authorize(ctx, 'consolidation.approve');
  return applyStep(
    deps,
    ctx,
    periodId,
    (_tx, r) => assertSentVersion(r, input.version),
    (r) => ({
      status: 'approved',
      statusComment: null,
      heading: { ...r.heading, number: input.number.trim(), date: input.date },
    }),
    { action: 'consolidation.approve', step: 'approved' },
  );
}

/**
 * The monitor starts a correction of an approved report (bản sửa đổi): a new draft revision; the
 * approved one stays in the versions.
 */
export async function reviseConsolidation(
  deps: Deps,
  ctx: Ctx,
  periodId: string,
  input: ConsolidationStepInput,
): Promise<Consolidation> {
  authorize(ctx, 'report.manage');
  return applyStep(
    deps,
    ctx,
    periodId,
    async (tx, r) => {
      if (r.status !== 'approved') throw new AppError('CONSOLIDATION_NOT_APPROVED', { id: r.id });
      if (r.version !== input.version) throw await versionConflict(tx, 'consolidation', r);
    },
    (r) => ({ status: 'draft', sentVersion: null, statusComment: null, revision: r.revision + 1 }),
    { action: 'consolidation.revise', step: null },
  );
}

/** Every step of the approval, the latest first, with who took it. */
export async function listConsolidationVersions(
  deps: Deps,
  ctx: Ctx,
  periodId: string,
): Promise<ConsolidationVersionList> {
  authorize(ctx, 'report.readAll');
  const [r] = await deps.db
    .select({ id: consolidatedReports.id })
    .from(consolidatedReports)
    .where(eq(consolidatedReports.periodId, periodId));
  if (!r) throw new AppError('CONSOLIDATION_NOT_FOUND', { periodId });
  const rows = await deps.db
    .select({ v: consolidationVersions, byName: users.fullName })
    .from(consolidationVersions)
    .leftJoin(users, eq(users.id, consolidationVersions.byUser))
    .where(eq(consolidationVersions.consolidationId, r.id))
    .orderBy(desc(consolidationVersions.seq));
  return {
    items: rows.map(({ v, byName }) => ({
      id: v.id,
      seq: v.seq,
      revision: v.revision,
      step: v.step,
      reportVersion: v.reportVersion,
      heading: v.heading,
      sections: v.sections,
      comment: v.comment,
      at: v.at.toISOString(),
      byName,
    })),
  };
}
