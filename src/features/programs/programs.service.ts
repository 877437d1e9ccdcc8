/** Published programs: the list, and one program with its tree, references and responsibilities. */
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { programNodes, programReferences, programResponsibilities, programs } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { authorize } from '../policy.js';
import type { Ctx } from '../context.js';
import type { Deps } from '../deps.js';
import type { Program, ProgramList } from '../../contract/programs.js';

export async function listPrograms(deps: Deps, ctx: Ctx): Promise<ProgramList> {
  authorize(ctx, 'program.read');
  const r = await deps.db
    .select({
      id: programs.id,
      title: programs.title,
      number: programs.number,
      docKind: programs.docKind,
      issuer: programs.issuer,
      docDate: programs.docDate,
      status: programs.status,
      publishedAt: programs.publishedAt,
      publicSince: programs.publicSince,
    })
    .from(programs)
    .where(isNull(programs.parentProgramId)) // units' plans are listed under their program
    .orderBy(desc(programs.publishedAt));
  const counts = r.length
    ? await deps.db
        .select({ programId: programNodes.programId, isTask: programNodes.isTask })
        .from(programNodes)
        .where(
          and(
            inArray(
              programNodes.programId,
              r.map((x) => x.id),
            ),
            eq(programNodes.isTask, true),
          ),
        )
    : [];
  return {
    items: r.map((p) => ({
      ...p,
      publishedAt: p.publishedAt.toISOString(),
      publicSince: p.publicSince?.toISOString() ?? null,
      tasks: counts.filter((c) => c.programId === p.id).length,
    })),
  };
}

export async function getProgram(deps: Deps, ctx: Ctx, id: string): Promise<Program> {
  authorize(ctx, 'program.read');
  const [p] = await deps.db.select().from(programs).where(eq(programs.id, id));
  if (!p) throw new AppError('PROGRAM_NOT_FOUND', { id });
  const [nodes, refs, resp] = await Promise.all([
    deps.db.select().from(programNodes).where(eq(programNodes.programId, id)).orderBy(programNodes.position),
    deps.db.select().from(programReferences).where(eq(programReferences.programId, id)),
    deps.db.select().from(programResponsibilities).where(eq(programResponsibilities.programId, id)),
  ]);
  return {
    id: p.id,
    title: p.title,
    number: p.number,
    docKind: p.docKind,
    issuer: p.issuer,
    docDate: p.docDate,
    partyLayout: p.partyLayout,
    status: p.status,
    monitoringUnitId: p.monitoringUnitId,
    plansDueDate: p.plansDueDate,
    parentProgramId: p.parentProgramId,
    ownerUnitId: p.ownerUnitId,
    publishedAt: p.publishedAt.toISOString(),
    publicSince: p.publicSince?.toISOString() ?? null,
    version: p.version,
    meta: p.meta,
    source: p.source,
    nodes: nodes.map((n) => ({
      id: n.id,
      parentId: n.parentId,
      kind: n.kind,
      marker: n.marker,
      label: n.label,
      title: n.title,
      text: n.text,
      span: [n.spanStart, n.spanEnd],
      isTask: n.isTask,
      cells: n.cells,
      extracted: n.extracted,
    })),
    references: refs.map((r) => ({
      kind: r.kind,
      number: r.number,
      code: r.code,
      level: r.level,
      date: r.docDate,
      citations: r.citations,
    })),
    responsibilities: resp.map((r) => ({
      nodeId: r.nodeId,
      label: r.label,
      bodies: r.bodies,
      leadUnitId: r.leadUnitId,
      cooperating: r.cooperating,
      duties: r.duties,
    })),
  };
}
