/**
 * Published documents (issue 14 point 1): the monitor publishes an approved consolidated report of a
 * public program, or the annual review of a year, on the portal; or withdraws it.
 *
 * Publishing renders the .docx with the existing generators (the consolidated report's official
 * .docx, the review's .docx), converts it to PDF with LibreOffice (office-pdf.ts; without it the
 * document is published as .docx only, and the answer says so), stores both in `files`
 * (content-addressed, `sweep_at` null: the evidence sweep never looks at them, and it keeps any file a
 * published document names), and states the document with the files' SHA-256 in a `document` leaf of
 * the public log, with the audit event `document.publish`. Withdrawing keeps the row and the files
 * (the log still names them) and states it (`document.withdraw`); the downloads then answer 404.
 */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { consolidatedReports, files, programs, publicDocuments, units } from '../../db/schema.js';
import type { DbOrTx, Tx } from '../../db/connection.js';
import { AppError } from '../../errors.js';
import { DOCX_TYPE } from '../../contract/consolidation.js';
import type {
  PublicDocument,
  PublicDocumentList,
  PublicDocumentsQuery,
  PublishDocumentInput,
  PublishedDocument,
} from '../../contract/portal.js';
import type { DocumentStatement } from '../../domain/transparency/statements.js';
import { vnDate } from '../../domain/reporting/report.js';
import { mutate } from '../audit/audit-writer.js';
import { authorize } from '../policy.js';
import { actorUserId, type Ctx } from '../context.js';
import { now, type Deps } from '../deps.js';
import { exportConsolidationDocx } from '../consolidation/consolidation.service.js';
import { exportReviewDocx } from '../review/review.export.js';
import { docxToPdf } from './office-pdf.js';
import { programRef, publicProgram } from './publication.service.js';
import { createHash } from 'node:crypto';

type DocRow = typeof publicDocuments.$inferSelect;
type ProgramRow = typeof programs.$inferSelect;

const PDF_TYPE = 'application/pdf';
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

export const publicDocumentUrl = (id: string, ext: 'docx' | 'pdf') => `/cong-khai/tai-lieu/${id}.${ext}`;

function view(r: DocRow, issuerName: string | null): PublicDocument {
  return {
    id: r.id,
    kind: r.kind === 'review' ? 'review' : 'consolidated',
    programId: r.programId,
    consolidationId: r.consolidationId,
    year: r.year,
    title: r.title,
    number: r.number,
    docDate: r.docDate,
    issuerUnitId: r.issuerUnitId,
    issuerName,
    docxSha256: r.docxSha256,
    pdfSha256: r.pdfSha256,
    docxName: r.docxName,
    public: r.isPublic,
    publishedAt: r.publishedAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    docxUrl: publicDocumentUrl(r.id, 'docx'),
    pdfUrl: r.pdfSha256 ? publicDocumentUrl(r.id, 'pdf') : null,
  };
}

async function unitName(db: DbOrTx, id: string | null): Promise<string | null> {
  if (!id) return null;
  const [u] = await db.select({ name: units.name }).from(units).where(eq(units.id, id));
  return u?.name ?? null;
}

async function requirePublicProgram(db: DbOrTx, programId: string): Promise<ProgramRow> {
  const p = await publicProgram(db, programId);
  if (!p) {
    const [exists] = await db.select({ id: programs.id }).from(programs).where(eq(programs.id, programId));
    if (!exists) throw new AppError('PROGRAM_NOT_FOUND', { id: programId });
    throw new AppError('PUBLIC_PROGRAM_NOT_PUBLIC', { programId });
  }
  return p;
}

/** The document published now for the same consolidated report, or the same program and year. */
async function publishedTwin(db: DbOrTx, input: PublishDocumentInput): Promise<DocRow | undefined> {
  const [r] = await db
    .select()
    .from(publicDocuments)
    .where(
      and(
        eq(publicDocuments.isPublic, true),
        input.kind === 'consolidated'
          ? eq(publicDocuments.consolidationId, input.consolidationId)
          : and(
              eq(publicDocuments.kind, 'review'),
              eq(publicDocuments.programId, input.programId),
              eq(publicDocuments.year, input.year),
            ),
      ),
    )
    .limit(1);
  return r;
}

/** What a publication states and stores, before the files are made. */
interface Draft {
  program: ProgramRow;
  kind: 'consolidated' | 'review';
  consolidationId: string | null;
  /** The revision published (consolidated), to refuse a report changed meanwhile. */
  revision: number | null;
  year: number | null;
  title: string;
  number: string | null;
  docDate: string | null;
  docx: Buffer;
  docxName: string;
}

async function prepare(deps: Deps, ctx: Ctx, input: PublishDocumentInput): Promise<Draft> {
  const db = deps.db;
  if (input.kind === 'consolidated') {
    const [c] = await db
      .select()
      .from(consolidatedReports)
      .where(eq(consolidatedReports.id, input.consolidationId));
    if (!c) throw new AppError('CONSOLIDATION_NOT_FOUND', { id: input.consolidationId });
    const program = await requirePublicProgram(db, c.programId);
    if (c.status !== 'approved')
      throw new AppError('PUBLIC_CONSOLIDATION_NOT_APPROVED', { id: c.id, status: c.status });
    const twin = await publishedTwin(db, input);
    if (twin) throw new AppError('PUBLIC_DOCUMENT_ALREADY_PUBLISHED', { id: twin.id });
    const file = await exportConsolidationDocx(deps, ctx, c.periodId);
    const h = c.heading;
    const n = (h.number ?? '').trim();
    return {
      program,
      kind: 'consolidated',
      consolidationId: c.id,
      revision: c.revision,
      year: null,
      title: h.title,
      number: n ? (h.layout === 'party' ? `${n}-${h.notation}` : `${n}/${h.notation}`) : null,
      docDate: h.date,
      docx: file.buffer,
      docxName: file.filename,
    };
  }
  const program = await requirePublicProgram(db, input.programId);
  if (input.year > Number(vnDate(now(deps)).slice(0, 4)))
    throw new AppError('PUBLIC_REVIEW_YEAR_NOT_STARTED', { year: input.year });
  const twin = await publishedTwin(db, input);
  if (twin) throw new AppError('PUBLIC_DOCUMENT_ALREADY_PUBLISHED', { id: twin.id });
  const file = await exportReviewDocx(deps, ctx, program.id, { year: input.year });
  return {
    program,
    kind: 'review',
    consolidationId: null,
    revision: null,
    year: input.year,
    title: `Báo cáo kiểm điểm, đánh giá kết quả thực hiện năm ${input.year}: ${program.title}`,
    number: null,
    docDate: vnDate(now(deps)),
    docx: file.buffer,
    docxName: file.filename,
  };
}

async function storeFile(tx: Tx, ctx: Ctx, bytes: Buffer, mime: string): Promise<string> {
  const sha256 = sha(bytes);
  // Published files are never swept (sweep_at null), even when the same bytes were uploaded as evidence.
  await tx
    .insert(files)
    .values({ sha256, size: bytes.length, mime, content: bytes, createdBy: actorUserId(ctx), sweepAt: null })
    .onConflictDoUpdate({ target: files.sha256, set: { sweepAt: sql`null` } });
  return sha256;
}

function statement(
  r: DocRow,
  program: ProgramRow | null,
  issuer: { id: string; name: string } | null,
): DocumentStatement {
  return {
    kind: 'document',
    program: program ? programRef(program) : null,
    documentId: r.id,
    documentKind: r.kind,
    title: r.title,
    number: r.number,
    docDate: r.docDate,
    issuer,
    docxSha256: r.docxSha256,
    pdfSha256: r.pdfSha256,
    public: r.isPublic,
  };
}

/** Publishes an approved consolidated report of a public program, or a year's annual review. */
export async function publishDocument(
  deps: Deps,
  ctx: Ctx,
  input: PublishDocumentInput,
): Promise<PublishedDocument> {
  authorize(ctx, 'portal.publish');
  const d = await prepare(deps, ctx, input);
  // The slow part, outside any transaction: LibreOffice in a child process.
  const { pdf, note } = await docxToPdf(d.docx);
  return mutate(deps.db, ctx, async (tx, audit) => {
    // Checked again under locks: the report may have been revised, the program withdrawn meanwhile.
    const [p] = await tx.select().from(programs).where(eq(programs.id, d.program.id)).for('update');
    if (!p?.publicSince || p.parentProgramId)
      throw new AppError('PUBLIC_PROGRAM_NOT_PUBLIC', { programId: d.program.id });
    if (d.consolidationId) {
      const [c] = await tx
        .select()
        .from(consolidatedReports)
        .where(eq(consolidatedReports.id, d.consolidationId))
        .for('update');
      if (!c || c.status !== 'approved' || c.revision !== d.revision)
        throw new AppError('PUBLIC_CONSOLIDATION_NOT_APPROVED', { id: d.consolidationId, status: c?.status });
    }
    const twin = await publishedTwin(tx, input);
    if (twin) throw new AppError('PUBLIC_DOCUMENT_ALREADY_PUBLISHED', { id: twin.id });
    const docxSha256 = await storeFile(tx, ctx, d.docx, DOCX_TYPE);
    const pdfSha256 = pdf ? await storeFile(tx, ctx, pdf, PDF_TYPE) : null;
    const t = now(deps);
    const [row] = await tx
      .insert(publicDocuments)
      .values({
        kind: d.kind,
        programId: p.id,
        consolidationId: d.consolidationId,
        year: d.year,
        title: d.title,
        number: d.number,
        docDate: d.docDate,
        issuerUnitId: p.monitoringUnitId,
        docxSha256,
        pdfSha256,
        docxName: d.docxName,
        isPublic: true,
        publishedAt: t,
        publishedBy: actorUserId(ctx),
        updatedAt: t,
      })
      .returning();
    const issuerName = await unitName(tx, row!.issuerUnitId);
    const issuer = row!.issuerUnitId && issuerName ? { id: row!.issuerUnitId, name: issuerName } : null;
    audit.record({
      action: 'document.publish',
      entityType: 'public_document',
      entityId: row!.id,
      after: {
        kind: d.kind,
        programId: p.id,
        consolidationId: d.consolidationId,
        year: d.year,
        docxSha256,
        pdfSha256,
        pdfNote: note,
      },
      leaves: [{ statement: statement(row!, p, issuer), programId: p.id, refId: row!.id }],
    });
    return { ...view(row!, issuerName), pdfNote: note };
  });
}

/** Withdraws a published document: the portal no longer serves it; the log states the withdrawal. */
export async function withdrawDocument(deps: Deps, ctx: Ctx, id: string): Promise<PublicDocument> {
  authorize(ctx, 'portal.publish');
  return mutate(deps.db, ctx, async (tx, audit) => {
    const [r] = await tx.select().from(publicDocuments).where(eq(publicDocuments.id, id)).for('update');
    if (!r) throw new AppError('PUBLIC_DOCUMENT_NOT_FOUND', { id });
    const issuerName = await unitName(tx, r.issuerUnitId);
    if (!r.isPublic) {
      audit.nothingChanged();
      return view(r, issuerName);
    }
    const [u] = await tx
      .update(publicDocuments)
      .set({ isPublic: false, updatedAt: now(deps) })
      .where(eq(publicDocuments.id, id))
      .returning();
    const [p] = r.programId ? await tx.select().from(programs).where(eq(programs.id, r.programId)) : [];
    const issuer = u!.issuerUnitId && issuerName ? { id: u!.issuerUnitId, name: issuerName } : null;
    audit.record({
      action: 'document.withdraw',
      entityType: 'public_document',
      entityId: id,
      before: { public: true },
      after: { public: false },
      leaves: [{ statement: statement(u!, p ?? null, issuer), programId: r.programId, refId: id }],
    });
    return view(u!, issuerName);
  });
}

/** Published and withdrawn documents, newest first (the officials' list). */
export async function listDocuments(
  deps: Deps,
  ctx: Ctx,
  q: PublicDocumentsQuery,
): Promise<PublicDocumentList> {
  authorize(ctx, 'portal.publish');
  const rows = await deps.db
    .select({ d: publicDocuments, issuerName: units.name })
    .from(publicDocuments)
    .leftJoin(units, eq(units.id, publicDocuments.issuerUnitId))
    .where(q.programId ? eq(publicDocuments.programId, q.programId) : undefined)
    .orderBy(desc(publicDocuments.publishedAt), desc(publicDocuments.id));
  return { items: rows.map((r) => view(r.d, r.issuerName ?? null)) };
}

/**
 * A published document's file for the portal (anonymous): only while published and its program
 * public; otherwise PUBLIC_NOT_FOUND, whatever the reason.
 */
export async function publicDocumentFile(
  db: DbOrTx,
  id: string,
  ext: 'docx' | 'pdf',
): Promise<{ content: Buffer; mime: string; sha256: string; filename: string }> {
  const [r] = await db
    .select()
    .from(publicDocuments)
    .where(and(eq(publicDocuments.id, id), eq(publicDocuments.isPublic, true)));
  if (!r?.programId) throw new AppError('PUBLIC_NOT_FOUND');
  const [p] = await db
    .select({ id: programs.id })
    .from(programs)
    .where(
      and(
        eq(programs.id, r.programId),
        isNull(programs.parentProgramId),
        sql`${programs.publicSince} is not null`,
      ),
    );
  if (!p) throw new AppError('PUBLIC_NOT_FOUND');
  const sha256 = ext === 'pdf' ? r.pdfSha256 : r.docxSha256;
  if (!sha256) throw new AppError('PUBLIC_NOT_FOUND');
  const [f] = await db.select().from(files).where(eq(files.sha256, sha256));
  if (!f) throw new AppError('PUBLIC_NOT_FOUND');
  return {
    content: Buffer.from(f.content),
    mime: ext === 'pdf' ? PDF_TYPE : DOCX_TYPE,
    sha256,
    filename: r.docxName.replace(/\.docx$/i, '') + `.${ext}`,
  };
}
