/**
 * Importing a document: a draft is created from pasted or uploaded text, corrected by the monitor,
 * then published as a program (its tree, tasks, references and responsibilities as rows).
 */
import { and, desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  importDrafts,
  programNodes,
  programReferences,
  programResponsibilities,
  programs,
  taskAssignments,
  taskUnits,
  units,
  type UnitRow,
} from '../../db/schema.js';
import type { DbOrTx, Tx } from '../../db/connection.js';
import { AppError, type ErrorCode } from '../../errors.js';
import type { DirectoryUnit } from '../../domain/importer/bodies.js';
import { applyEdit, EditError, type EditOp } from '../../domain/importer/edit.js';
import { emptyProgramMeta, rederive } from '../../domain/importer/parse.js';
import { ImportError, IMPORT_MESSAGES } from '../../domain/importer/normalize.js';
import { allNodes } from '../../domain/importer/lossless.js';
import { keepOcrMarks } from '../../domain/importer/ocr-marks.js';
import type { BodyMention, DocNode, ParsedDocument } from '../../domain/importer/types.js';
import type {
  DraftList,
  DraftListQuery,
  DraftStats,
  EditBody,
  HeadingBody,
  ImportDraft,
  ImportFormat,
  ProposedUnitsBody,
  ProposedUnitsResult,
  PublishResult,
  ReadFailure,
  ReadProgress,
  StoredDocument,
} from '../../contract/imports.js';
import type { ProgramMention } from '../../contract/programs.js';
import { cleanText, codeSlug, fold } from '../../domain/text.js';
import { LIMITS } from '../../domain/limits.js';
import { BodyMatcher, bodyKey } from '../../domain/importer/bodies.js';
import { docScope, guessUnit } from '../../domain/importer/proposals.js';
import { auditSnapshot, mutate, type AuditRecorder } from '../audit/audit-writer.js';
import { authorize, authorizeForUnit } from '../policy.js';
import { actorUserId, type Ctx } from '../context.js';
import { now, type Deps } from '../deps.js';
import { formatOf, type ImportInput } from './import-input.js';
import { READER_LIMITS, readAndParse } from './reader.js';

function stats(doc: StoredDocument): DraftStats {
  return {
    sections: doc.sections.length,
    nodes: allNodes(doc).length,
    tasks: doc.tasks.length,
    responsibilities: doc.responsibilities.length,
    references: doc.references.length,
    warnings: doc.warnings.length,
    unmatchedBodies: doc.warnings.filter((w) => w.code === 'BODY_UNMATCHED').length,
  };
}

function importErrorToApp(e: unknown): never {
  if (e instanceof ImportError) throw new AppError(e.code as ErrorCode, undefined, e.message);
  if (e instanceof EditError) throw new AppError('IMPORT_EDIT_INVALID', undefined, e.message);
  throw e;
}

const parentUnit = alias(units, 'parent');

async function directory(db: DbOrTx): Promise<DirectoryUnit[]> {
  return db
    .select({
      code: units.code,
      name: units.name,
      shortName: units.shortName,
      kind: units.kind,
      active: units.active,
      aliases: units.aliases,
      parentCode: parentUnit.code,
      successorCode: units.successorCode,
    })
    .from(units)
    .leftJoin(parentUnit, eq(parentUnit.id, units.parentId));
}

type DraftRow = typeof importDrafts.$inferSelect;

/** A draft stored before proposals were read has none. */
function withProposals(doc: StoredDocument): StoredDocument {
  return (doc as Partial<StoredDocument>).proposedUnits ? doc : { ...doc, proposedUnits: [] };
}

/**
 * A draft read in the background that has given no sign of life for this long (its server stopped):
 * shown as failed. The reader writes its progress at least once a page, and a page may take up to the
 * OCR page limit.
 */
export const READING_STALE_MS = READER_LIMITS.timeoutMs + READER_LIMITS.ocrPageMs + 30_000;

const INTERRUPTED: ReadFailure = { code: 'IMPORT_INTERRUPTED', message: IMPORT_MESSAGES.IMPORT_INTERRUPTED };

const isStale = (r: Pick<DraftRow, 'status' | 'updatedAt'>, at: Date) =>
  r.status === 'reading' && at.getTime() - r.updatedAt.getTime() > READING_STALE_MS;

function toView(r: DraftRow, at: Date = new Date()): ImportDraft {
  const stale = isStale(r, at);
  return {
    id: r.id,
    status: stale ? 'failed' : r.status,
    progress: stale ? null : (r.progress ?? null),
    failure: stale ? INTERRUPTED : (r.failure ?? null),
    filename: r.filename,
    format: r.format,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    programId: r.programId,
    source: r.source,
    doc: withProposals(r.doc),
    bodyMap: r.bodyMap,
    stats: stats(r.doc),
  };
}

function summary(r: { filename: string | null; format: string }, doc: StoredDocument) {
  return { filename: r.filename, format: r.format, ...stats(doc) };
}

/** Who may work on a draft: monitors and admins; for a unit's own plan, that unit's users too. */
function authorizeDraft(ctx: Ctx, ownerUnitId: string | null): void {
  if (ownerUnitId) authorizeForUnit(ctx, 'plan.edit', ownerUnitId);
  else authorize(ctx, 'program.import');
}

export interface PlanTarget {
  /** When the document is a unit's implementation plan: the program it implements … */
  parentProgramId?: string | null | undefined;
  /** … and the unit whose plan it is. */
  ownerUnitId?: string | null | undefined;
}

async function checkPlanTarget(db: DbOrTx, t: PlanTarget): Promise<void> {
  if (!t.parentProgramId && !t.ownerUnitId) return;
  if (!t.parentProgramId || !t.ownerUnitId)
    throw new AppError('VALIDATION_FAILED', undefined, 'Cần cả chương trình cấp trên và đơn vị lập kế hoạch');
  const [p] = await db.select({ id: programs.id }).from(programs).where(eq(programs.id, t.parentProgramId));
  if (!p) throw new AppError('PROGRAM_NOT_FOUND', { id: t.parentProgramId });
  const carried = await db
    .select({ id: taskUnits.id })
    .from(taskUnits)
    .where(and(eq(taskUnits.programId, t.parentProgramId), eq(taskUnits.unitId, t.ownerUnitId)))
    .limit(1);
  if (!carried[0]) throw new AppError('PLAN_UNIT_HAS_NO_TASKS');
  const exists = await db
    .select({ id: programs.id })
    .from(programs)
    .where(and(eq(programs.parentProgramId, t.parentProgramId), eq(programs.ownerUnitId, t.ownerUnitId)));
  if (exists[0]) throw new AppError('PLAN_EXISTS', { planId: exists[0].id });
}

/** What a draft holds while its document is still being read. */
const EMPTY_DOC: StoredDocument = {
  program: emptyProgramMeta(),
  sections: [],
  tasks: [],
  responsibilities: [],
  references: [],
  recipients: [],
  signer: null,
  warnings: [],
  other: [],
  proposedUnits: [],
};

/**
 * Reads and parses a document, and stores it as a draft for checking. With `background`, answers at
 * once with the draft in status `reading`; the reading goes on in this process, writing its progress
 * into the draft's row (so any instance can show it), and ends in status `draft` or `failed`.
 */
export async function createImportDraft(
  deps: Deps,
  ctx: Ctx,
  input: ImportInput & PlanTarget,
  opts: { background?: boolean } = {},
): Promise<ImportDraft> {
  authorizeDraft(ctx, input.ownerUnitId ?? null);
  await checkPlanTarget(deps.db, input);
  if (opts.background) return startBackgroundRead(deps, ctx, input);
  let parsed: ParsedDocument;
  let format: ImportFormat;
  try {
    ({ format, parsed } = await readAndParse(input, await directory(deps.db)));
  } catch (e) {
    importErrorToApp(e);
  }
  const { source, ...doc } = parsed;
  return mutate(deps.db, ctx, async (tx, audit) => {
    const [row] = await tx
      .insert(importDrafts)
      .values({
        filename: input.filename?.slice(0, 255) ?? null,
        format,
        source,
        doc,
        parentProgramId: input.parentProgramId ?? null,
        ownerUnitId: input.ownerUnitId ?? null,
        createdBy: actorUserId(ctx),
        updatedBy: actorUserId(ctx),
      })
      .returning();
    audit.record({
      action: 'import.create',
      entityType: 'import',
      entityId: row!.id,
      after: summary(row!, doc),
    });
    return toView(row!);
  });
}

/** Background reads of this process, so that a test or a shutdown can wait for them. */
const reading = new Set<Promise<void>>();

/** Waits until the documents this process is reading in the background are read. */
export async function backgroundReadsDone(): Promise<void> {
  while (reading.size) await Promise.allSettled([...reading]);
}

async function startBackgroundRead(
  deps: Deps,
  ctx: Ctx,
  input: ImportInput & PlanTarget,
): Promise<ImportDraft> {
  const format = formatOf(input);
  const view = await mutate(deps.db, ctx, async (tx, audit) => {
    const [row] = await tx
      .insert(importDrafts)
      .values({
        status: 'reading',
        filename: input.filename?.slice(0, 255) ?? null,
        format,
        source: '',
        doc: EMPTY_DOC,
        parentProgramId: input.parentProgramId ?? null,
        ownerUnitId: input.ownerUnitId ?? null,
        createdBy: actorUserId(ctx),
        updatedBy: actorUserId(ctx),
      })
      .returning();
    audit.record({
      action: 'import.create',
      entityType: 'import',
      entityId: row!.id,
      after: { filename: row!.filename, format, status: 'reading' },
    });
    return toView(row!, now(deps));
  });
  const job = readInBackground(deps, ctx, view.id, input).finally(() => reading.delete(job));
  reading.add(job);
  return view;
}

async function readInBackground(deps: Deps, ctx: Ctx, id: string, input: ImportInput): Promise<void> {
  let lastWrite = 0;
  let writes = Promise.resolve();
  const onProgress = (p: ReadProgress) => {
    // At most a few writes a second, and always the last page; each write is also the sign of life.
    const t = Date.now();
    if (t - lastWrite < 250 && p.done < p.total) return;
    lastWrite = t;
    writes = writes.then(async () => {
      await deps.db
        .update(importDrafts)
        .set({ progress: { stage: p.stage, done: p.done, total: p.total }, updatedAt: now(deps) })
        .where(and(eq(importDrafts.id, id), eq(importDrafts.status, 'reading')));
    });
  };
  let result: { format: ImportFormat; parsed: ParsedDocument } | null = null;
  let failure: ReadFailure | null = null;
  try {
    result = await readAndParse(input, await directory(deps.db), {}, onProgress);
  } catch (e) {
    failure =
      e instanceof ImportError
        ? { code: e.code, message: e.message }
        : { code: 'IMPORT_TOO_COMPLEX', message: IMPORT_MESSAGES.IMPORT_TOO_COMPLEX };
  }
  try {
    await writes;
    await mutate(deps.db, ctx, async (tx, audit) => {
      const [cur] = await tx.select().from(importDrafts).where(eq(importDrafts.id, id)).for('update');
      if (!cur || cur.status !== 'reading') return audit.nothingChanged();
      const set = result
        ? (() => {
            const { source, ...doc } = result.parsed;
            return {
              status: 'draft' as const,
              format: result.format,
              source,
              doc,
              progress: null,
              failure: null,
            };
          })()
        : { status: 'failed' as const, progress: null, failure };
      const [row] = await tx
        .update(importDrafts)
        .set({ ...set, version: cur.version + 1, updatedAt: now(deps) })
        .where(eq(importDrafts.id, id))
        .returning();
      audit.record({
        action: 'import.read',
        entityType: 'import',
        entityId: id,
        before: { status: 'reading' },
        after: result
          ? { status: 'draft', ...summary(row!, row!.doc) }
          : { status: 'failed', code: failure!.code },
      });
    });
  } catch {
    // The database went away (the server is stopping): the draft shows as interrupted later.
  }
}

export async function listImportDrafts(deps: Deps, ctx: Ctx, q: DraftListQuery): Promise<DraftList> {
  // A unit sees the drafts of its own plans; monitors and admins see all.
  const unitId = ctx.actor?.kind === 'user' && ctx.actor.role === 'unit' ? ctx.actor.unitId : null;
  if (unitId) authorizeForUnit(ctx, 'plan.edit', unitId);
  else authorize(ctx, 'program.import');
  const where = [
    ...(q.status ? [eq(importDrafts.status, q.status)] : []),
    ...(unitId ? [eq(importDrafts.ownerUnitId, unitId)] : []),
  ];
  const r = await deps.db
    .select()
    .from(importDrafts)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(importDrafts.updatedAt))
    .limit(100);
  return {
    items: r.map((x) => ({
      id: x.id,
      status: isStale(x, now(deps)) ? ('failed' as const) : x.status,
      filename: x.filename,
      format: x.format,
      title: x.doc.program.title,
      docKind: x.doc.program.docKind,
      number: x.doc.program.number,
      programId: x.programId,
      parentProgramId: x.parentProgramId,
      ownerUnitId: x.ownerUnitId,
      updatedAt: x.updatedAt.toISOString(),
      stats: stats(x.doc),
    })),
  };
}

export async function getImportDraft(deps: Deps, ctx: Ctx, id: string): Promise<ImportDraft> {
  const [r] = await deps.db.select().from(importDrafts).where(eq(importDrafts.id, id));
  if (!r) throw new AppError('IMPORT_DRAFT_NOT_FOUND', { id });
  authorizeDraft(ctx, r.ownerUnitId);
  return toView(r, now(deps));
}

async function lockOpenDraft(tx: Tx, ctx: Ctx, id: string, version: number): Promise<DraftRow> {
  const [cur] = await tx.select().from(importDrafts).where(eq(importDrafts.id, id)).for('update');
  if (!cur) throw new AppError('IMPORT_DRAFT_NOT_FOUND', { id });
  authorizeDraft(ctx, cur.ownerUnitId);
  if (cur.status !== 'draft') throw new AppError('IMPORT_DRAFT_CLOSED', { status: cur.status });
  if (cur.version !== version)
    throw new AppError(
      'VERSION_CONFLICT',
      { entity: 'import', updatedAt: cur.updatedAt.toISOString() },
      'Bản nhập đã được người khác sửa; vui lòng tải lại.',
    );
  return cur;
}

/**
 * Runs a change of an open draft: the role check, then one audited transaction holding the draft locked
 * at the version the user saw (the draft's own unit is checked once locked).
 */
function changeOpenDraft<T>(
  deps: Deps,
  ctx: Ctx,
  id: string,
  version: number,
  change: (tx: Tx, audit: AuditRecorder, cur: DraftRow) => Promise<T>,
): Promise<T> {
  authorize(ctx, 'plan.edit');
  return mutate(deps.db, ctx, async (tx, audit) =>
    change(tx, audit, await lockOpenDraft(tx, ctx, id, version)),
  );
}

/** Writes a new state of a locked draft, bumping its version. */
async function saveDraft(tx: Tx, ctx: Ctx, cur: DraftRow, set: Partial<DraftRow>): Promise<DraftRow> {
  const [row] = await tx
    .update(importDrafts)
    .set({ ...set, version: cur.version + 1, updatedAt: new Date(), updatedBy: actorUserId(ctx) })
    .where(eq(importDrafts.id, cur.id))
    .returning();
  return row!;
}

/** Applies one correction (kind, merge, split, indent, outdent, body mapping) to a draft. */
export async function editImportDraft(
  deps: Deps,
  ctx: Ctx,
  id: string,
  input: EditBody,
): Promise<ImportDraft> {
  return changeOpenDraft(deps, ctx, id, input.version, async (tx, audit, cur) => {
    const dir = await directory(tx);
    const op: EditOp = input.op;
    const unitCode = op.op === 'mapBody' ? op.unitCode : null;
    if (unitCode && !dir!.some((u) => u.code === unitCode)) {
      throw new AppError('UNIT_NOT_FOUND', { code: unitCode });
    }
    let result: ReturnType<typeof applyEdit>;
    try {
      result = applyEdit({ ...cur.doc, source: cur.source }, op, { units: dir, bodyMap: cur.bodyMap });
      // Text read by OCR stays marked through the correction.
      result = { ...result, doc: keepOcrMarks(cur.doc, result.doc) };
    } catch (e) {
      importErrorToApp(e);
    }
    const { source: _s, ...doc } = result.doc;
    const row = await saveDraft(tx, ctx, cur, { doc, bodyMap: result.bodyMap });
    audit.record({
      action: 'import.edit',
      entityType: 'import',
      entityId: id,
      before: { version: cur.version, tasks: cur.doc.tasks.length },
      after: { version: row.version, op: input.op, tasks: doc.tasks.length },
    });
    return toView(row);
  });
}

/** A free unit code made from a name: "SO-TU-PHAP-TINH-LAO-CAI", then "-2", "-3" … */
function freeCode(name: string, taken: Set<string>): string {
  const base = (codeSlug(name) || 'DON-VI').slice(0, LIMITS.unitCode).replace(/-+$/, '');
  let code = base;
  for (let n = 2; taken.has(code); n++)
    code = `${base.slice(0, LIMITS.unitCode - 4).replace(/-+$/, '')}-${n}`;
  taken.add(code);
  return code;
}

/**
 * Creates the proposed units the person kept (name, kind, parent), in one transaction: a unit that
 * already exists under that name is used, not created again; every text of a proposal is mapped to
 * its unit (as `mapBody` does) and the draft is read again, so its tasks are led by the new units.
 */
export async function createProposedUnits(
  deps: Deps,
  ctx: Ctx,
  id: string,
  input: ProposedUnitsBody,
): Promise<ProposedUnitsResult> {
  // Creating units is the monitor's or the administrator's, also on a unit's own plan.
  authorize(ctx, 'program.import');
  return changeOpenDraft(deps, ctx, id, input.version, async (tx, audit, cur) => {
    const existing = await tx.select({ id: units.id, code: units.code, name: units.name }).from(units);
    const byName = new Map(existing.map((u) => [bodyKey(u.name), u]));
    const idByCode = new Map(existing.map((u) => [u.code, u.id]));
    const taken = new Set(existing.map((u) => u.code));
    const bodyMap = { ...cur.bodyMap };
    // A text written otherwise than the new unit's name ("Sở NN&MT") becomes an alias of it, completed
    // with the place as the proposal was ("Sở NN&MT tỉnh Lào Cai"), so the province's next plan matches.
    const matcher = new BodyMatcher(await directory(tx), cur.bodyMap);
    const scope = docScope(cur.doc.program, matcher);
    let created = 0;
    let mapped = 0;
    const done: { name: string; code: string; created: boolean }[] = [];
    const before = new Set(taken);
    for (const p of input.units) {
      const name = cleanText(p.name);
      if (!name) throw new AppError('VALIDATION_FAILED', undefined, 'Tên đơn vị đề xuất không được để trống');
      let code = byName.get(bodyKey(name))?.code;
      if (code) mapped++;
      else {
        const parentId = p.parentCode ? idByCode.get(p.parentCode) : null;
        if (parentId === undefined) throw new AppError('UNIT_PARENT_INVALID', { parentCode: p.parentCode });
        code = freeCode(name, taken);
        const aliases = [...new Set(p.texts.map((x) => guessUnit(x, scope, matcher).name))].filter(
          (a) => bodyKey(a) !== bodyKey(name),
        );
        const values = { code, name, shortName: null, kind: p.kind, parentId, active: true, aliases };
        const [row] = await tx
          .insert(units)
          .values({ ...values, searchText: fold([name, code].join(' ')), updatedBy: actorUserId(ctx) })
          .returning();
        audit.record({
          action: 'unit.create',
          entityType: 'unit',
          entityId: row!.id,
          after: auditSnapshot(row),
        });
        byName.set(bodyKey(name), { id: row!.id, code, name });
        idByCode.set(code, row!.id);
        created++;
      }
      for (const t of p.texts) if (bodyKey(t)) bodyMap[bodyKey(t)] = code;
      done.push({ name, code, created: !before.has(code) });
    }
    const dir = await directory(tx);
    const re = rederive({ ...cur.doc, source: cur.source }, { units: dir, bodyMap });
    const { source: _s, ...doc } = re;
    const row = await saveDraft(tx, ctx, cur, { doc, bodyMap });
    audit.record({
      action: 'import.create_units',
      entityType: 'import',
      entityId: id,
      before: { version: cur.version, unmatchedBodies: stats(cur.doc).unmatchedBodies },
      after: { version: row.version, units: done, unmatchedBodies: stats(doc).unmatchedBodies },
    });
    return { created, mapped, draft: toView(row) };
  });
}

/** Blank text is no text: trimmed, and null when nothing is left. */
const clean = (s: string | null): string | null => s?.trim().replace(/\s+/g, ' ') || null;

/**
 * Corrects the heading read from the document (kind, title, number, date, place, issuer, signer):
 * the program published from the draft takes these values. Records each changed field, before → after.
 */
export async function editImportHeading(
  deps: Deps,
  ctx: Ctx,
  id: string,
  input: HeadingBody,
): Promise<ImportDraft> {
  return changeOpenDraft(deps, ctx, id, input.version, async (tx, audit, cur) => {
    const p = cur.doc.program;
    const program = {
      ...p,
      docKind: clean(input.docKind),
      title: clean(input.title),
      number: clean(input.number),
      date: input.date,
      place: clean(input.place),
      issuer: clean(input.issuer),
      parentIssuer: clean(input.parentIssuer),
    };
    const s = input.signer;
    const signerFields = { onBehalf: clean(s.onBehalf), position: clean(s.position), name: clean(s.name) };
    const hasSigner = Object.values(signerFields).some(Boolean);
    const signer = hasSigner
      ? { span: cur.doc.signer?.span ?? ([0, 0] as [number, number]), ...signerFields }
      : null;
    const flat = (pr: typeof p, sg: typeof cur.doc.signer) => ({
      docKind: pr.docKind,
      title: pr.title,
      number: pr.number,
      date: pr.date,
      place: pr.place,
      issuer: pr.issuer,
      parentIssuer: pr.parentIssuer,
      signerOnBehalf: sg?.onBehalf ?? null,
      signerPosition: sg?.position ?? null,
      signerName: sg?.name ?? null,
    });
    const was = flat(p, cur.doc.signer);
    const now = flat(program, signer);
    const changed = (Object.keys(was) as (keyof typeof was)[]).filter((k) => was[k] !== now[k]);
    if (changed.length === 0) return toView(cur);
    const row = await saveDraft(tx, ctx, cur, { doc: { ...cur.doc, program, signer } });
    audit.record({
      action: 'import.heading',
      entityType: 'import',
      entityId: id,
      before: { version: cur.version, ...Object.fromEntries(changed.map((k) => [k, was[k]])) },
      after: { version: row.version, ...Object.fromEntries(changed.map((k) => [k, now[k]])) },
    });
    return toView(row);
  });
}

export async function discardImportDraft(
  deps: Deps,
  ctx: Ctx,
  id: string,
  version: number,
): Promise<ImportDraft> {
  return changeOpenDraft(deps, ctx, id, version, async (tx, audit, cur) => {
    const row = await saveDraft(tx, ctx, cur, { status: 'discarded' });
    audit.record({
      action: 'import.discard',
      entityType: 'import',
      entityId: id,
      before: { status: 'draft' },
      after: { status: 'discarded' },
    });
    return toView(row);
  });
}

function mentionJson(m: BodyMention, idByCode: Map<string, string>): ProgramMention {
  return {
    text: m.text,
    span: m.span,
    match: m.match,
    unitCodes: m.unitCodes,
    unitIds: m.unitCodes.flatMap((c) => idByCode.get(c) ?? []),
  };
}

/** Publishes a draft as a program ("Ban hành"): writes the tree, references and responsibilities. */
export async function publishImportDraft(
  deps: Deps,
  ctx: Ctx,
  id: string,
  version: number,
): Promise<PublishResult> {
  return changeOpenDraft(deps, ctx, id, version, async (tx, audit, cur) => {
    const doc = cur.doc;
    if (doc.tasks.length === 0) throw new AppError('IMPORT_NO_TASKS');
    // A unit's plan document: the unit may have started its plan item by item meanwhile.
    await checkPlanTarget(tx, cur);
    const unitRows: Pick<UnitRow, 'id' | 'code'>[] = await tx
      .select({ id: units.id, code: units.code })
      .from(units);
    const idByCode = new Map(unitRows.map((u) => [u.code, u.id]));
    const title =
      [doc.program.docKind, doc.program.title].filter(Boolean).join(' ') ||
      doc.sections[0]?.title ||
      cur.filename ||
      'Chương trình';
    const [prog] = await tx
      .insert(programs)
      .values({
        draftId: id,
        docKind: doc.program.docKind,
        number: doc.program.number,
        title,
        issuer: doc.program.issuer,
        docDate: doc.program.date,
        partyLayout: doc.program.partyLayout,
        meta: {
          program: doc.program,
          signer: doc.signer,
          recipients: doc.recipients,
          warnings: doc.warnings,
        },
        source: cur.source,
        searchText: fold(`${title} ${doc.program.number ?? ''}`),
        publishedBy: actorUserId(ctx),
        parentProgramId: cur.parentProgramId,
        ownerUnitId: cur.ownerUnitId,
      })
      .returning();
    const taskByNode = new Map(doc.tasks.map((t) => [t.nodeId, t]));
    const dbIdByNode = new Map<string, string>();
    let position = 0;
    const insertNodes = async (nodes: DocNode[], parentId: string | null) => {
      for (const n of nodes) {
        const t = taskByNode.get(n.id);
        const [row] = await tx
          .insert(programNodes)
          .values({
            programId: prog!.id,
            parentId,
            position: position++,
            kind: n.kind,
            marker: n.marker,
            label: n.label,
            title: n.title,
            text: n.text,
            spanStart: n.span[0],
            spanEnd: n.span[1],
            isTask: !!t,
            cells: n.cells ?? null,
            extracted: t
              ? {
                  lead: t.lead && mentionJson(t.lead, idByCode),
                  leads: t.leads.map((m) => mentionJson(m, idByCode)),
                  cooperating: t.cooperating.map((m) => mentionJson(m, idByCode)),
                  deadline: t.deadline,
                  times: t.times,
                  products: t.products,
                }
              : null,
            searchText: fold(`${n.label} ${n.text}`),
          })
          .returning({ id: programNodes.id });
        dbIdByNode.set(n.id, row!.id);
        // Every task gets its (empty) assignment row, so edits are versioned from the start.
        if (t) await tx.insert(taskAssignments).values({ nodeId: row!.id, programId: prog!.id });
        // A unit's plan: its items are led by the unit until it assigns them further down.
        if (t && cur.ownerUnitId) {
          await tx
            .insert(taskUnits)
            .values({ nodeId: row!.id, programId: prog!.id, unitId: cur.ownerUnitId, role: 'lead' });
        }
        await insertNodes(n.children, row!.id);
      }
    };
    await insertNodes(doc.sections, null);
    if (doc.references.length) {
      await tx.insert(programReferences).values(
        doc.references.map((r) => ({
          programId: prog!.id,
          kind: r.kind,
          number: r.number,
          code: r.code,
          level: r.level,
          docDate: r.date,
          citations: r.citations,
        })),
      );
    }
    for (const r of doc.responsibilities) {
      const leadCode = r.lead && r.lead.unitCodes.length === 1 ? r.lead.unitCodes[0]! : null;
      await tx.insert(programResponsibilities).values({
        programId: prog!.id,
        nodeId: dbIdByNode.get(r.nodeId)!,
        label: r.label,
        bodies: r.bodies.map((m) => mentionJson(m, idByCode)),
        leadUnitId: leadCode ? (idByCode.get(leadCode) ?? null) : null,
        cooperating: r.cooperating.map((m) => mentionJson(m, idByCode)),
        duties: r.duties,
      });
    }
    const row = await saveDraft(tx, ctx, cur, { status: 'published', programId: prog!.id });
    audit.record({
      action: 'import.publish',
      entityType: 'import',
      entityId: id,
      before: { status: 'draft' },
      after: { status: 'published', programId: prog!.id },
    });
    audit.record({
      action: 'program.publish',
      entityType: 'program',
      entityId: prog!.id,
      after: { title, number: doc.program.number, docKind: doc.program.docKind, ...stats(doc) },
    });
    return { programId: prog!.id, draft: toView(row) };
  });
}
