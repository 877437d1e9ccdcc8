/**
 * Evidence files public or internal, decided by the unit that uploaded them (issue 14 point 1).
 *
 * The choice is the unit's, per file (its bytes, by SHA-256): every upload record of those bytes by
 * that unit says the same. A file marked public shows on the portal once a report citing it is
 * accepted: a report accepted later states it in its progress leaves (`progressLeaves`); a report
 * already accepted in a public program gets one `evidence` leaf per task (that its unit leads) whose
 * entry cites the file, stating the new choice, with the audit event `evidence.publicize` or
 * `evidence.internalize`. Drafts, returned versions and other units' files are never touched.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { evidenceUploads, programNodes, reportObligations, reportVersions, units } from '../../db/schema.js';
import type { Tx } from '../../db/connection.js';
import { AppError } from '../../errors.js';
import { completeContent } from '../../domain/reporting/report.js';
import type { EvidenceStatement, UnitRef } from '../../domain/transparency/statements.js';
import type { EvidenceVisibility, EvidenceVisibilityInput } from '../../contract/portal.js';
import { mutate, type LeafInput } from '../audit/audit-writer.js';
import { authorizeForUnit } from '../policy.js';
import type { Ctx } from '../context.js';
import type { Deps } from '../deps.js';
import { programRef, publicProgram } from './publication.service.js';

/** The evidence leaves of the unit's accepted versions (in public programs) that cite the file. */
async function evidenceLeaves(
  tx: Tx,
  unit: UnitRef,
  sha256: string,
  isPublic: boolean,
): Promise<LeafInput[]> {
  const accepted = await tx
    .select({ v: reportVersions, o: reportObligations })
    .from(reportVersions)
    .innerJoin(reportObligations, eq(reportObligations.id, reportVersions.obligationId))
    .where(and(eq(reportObligations.unitId, unit.id), eq(reportVersions.review, 'accepted')))
    .orderBy(asc(reportVersions.reviewedAt), asc(reportVersions.id));
  const cites: {
    v: (typeof accepted)[number]['v'];
    nodeId: string;
    programId: string;
    file: EvidenceStatement['file'];
  }[] = [];
  for (const { v, o } of accepted) {
    const content = completeContent(v.content);
    // As the progress leaves: the tasks the unit leads, with a status reported.
    for (const t of o.tasks) {
      if (t.role !== 'lead') continue;
      const e = content.entries[t.nodeId];
      const f = e?.status ? e.evidence.find((x) => x.sha256 === sha256) : undefined;
      if (f)
        cites.push({
          v,
          nodeId: t.nodeId,
          programId: o.programId,
          file: { sha256: f.sha256, filename: f.filename, size: f.size, mime: f.mime },
        });
    }
  }
  if (!cites.length) return [];
  const programs = new Map<string, Awaited<ReturnType<typeof publicProgram>>>();
  for (const id of new Set(cites.map((c) => c.programId))) programs.set(id, await publicProgram(tx, id));
  const shown = cites.filter((c) => programs.get(c.programId));
  if (!shown.length) return [];
  const nodes = await tx
    .select({
      id: programNodes.id,
      label: programNodes.label,
      title: programNodes.title,
      text: programNodes.text,
    })
    .from(programNodes)
    .where(inArray(programNodes.id, [...new Set(shown.map((c) => c.nodeId))]));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out: LeafInput[] = [];
  for (const c of shown) {
    const n = byId.get(c.nodeId);
    if (!n) continue;
    const statement: EvidenceStatement = {
      kind: 'evidence',
      program: programRef(programs.get(c.programId)!),
      task: { id: n.id, label: n.label, title: n.title || n.text.slice(0, 300) },
      unit,
      reportVersionId: c.v.id,
      file: c.file,
      public: isPublic,
    };
    out.push({ statement, programId: c.programId, nodeId: n.id, refId: c.v.id });
  }
  return out;
}

/**
 * Marks a file of the report's unit public or internal. `obligationId` names the report (and so the
 * unit); the unit must have uploaded the file. A unit acts only on its own files; admins on any.
 */
export async function setEvidenceVisibility(
  deps: Deps,
  ctx: Ctx,
  obligationId: string,
  sha256: string,
  body: EvidenceVisibilityInput,
): Promise<EvidenceVisibility> {
  const [o] = await deps.db.select().from(reportObligations).where(eq(reportObligations.id, obligationId));
  if (!o) throw new AppError('OBLIGATION_NOT_FOUND', { id: obligationId });
  authorizeForUnit(ctx, 'evidence.publicize', o.unitId);
  return mutate(deps.db, ctx, async (tx, audit) => {
    const recs = await tx
      .select({ id: evidenceUploads.id, isPublic: evidenceUploads.isPublic })
      .from(evidenceUploads)
      .where(and(eq(evidenceUploads.unitId, o.unitId), eq(evidenceUploads.sha256, sha256)))
      .for('update');
    if (!recs.length) throw new AppError('PUBLIC_FILE_NOT_CITED', { sha256 });
    // What the portal reads (progressLeaves): public when any of the unit's records says so.
    const was = recs.some((r) => r.isPublic);
    const result = { sha256, unitId: o.unitId, public: body.public, leaves: 0 };
    if (was === body.public) {
      audit.nothingChanged();
      return result;
    }
    await tx
      .update(evidenceUploads)
      .set({ isPublic: body.public })
      .where(and(eq(evidenceUploads.unitId, o.unitId), eq(evidenceUploads.sha256, sha256)));
    const [u] = await tx.select({ id: units.id, name: units.name }).from(units).where(eq(units.id, o.unitId));
    const leaves = await evidenceLeaves(tx, u!, sha256, body.public);
    audit.record({
      action: body.public ? 'evidence.publicize' : 'evidence.internalize',
      entityType: 'file',
      entityId: sha256,
      before: { public: was },
      after: { public: body.public, unitId: o.unitId, obligationId, leaves: leaves.length },
      leaves,
    });
    return { ...result, leaves: leaves.length };
  });
}
