/**
 * Evidence files: uploads (type from the first bytes, an extension that matches it, a quota per unit
 * and period, only into a report still being written), the upload records that say which unit may
 * attach and read which bytes, the references a draft may hold, and downloads.
 *
 * The bytes are stored once per content (`files`, by SHA-256); every upload is a record in
 * `evidence_uploads` (unit, report, name, size, type). A unit attaches only files it uploaded, and
 * what a stored draft says about a file (name, size, type) comes from that record, never from the
 * client. Files no report references are removed by the sweep (src/jobs/file-sweep.ts).
 */
import { createHash } from 'node:crypto';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { evidenceUploads, files } from '../../db/schema.js';
import { rows, type DbOrTx } from '../../db/connection.js';
import { AppError } from '../../errors.js';
import {
  EDITABLE_STATUSES,
  EVIDENCE_EXTENSIONS,
  EVIDENCE_TYPE_NAMES,
  evidenceFileName,
  evidenceTypeOfMime,
  sniffFileType,
  type EvidenceRef,
  type ReportContent,
} from '../../domain/reporting/report.js';
import { mutate } from '../audit/audit-writer.js';
import { authorize } from '../policy.js';
import { actorUserId, type Ctx } from '../context.js';
import { now, type Deps } from '../deps.js';
import { reportingRules } from '../reporting-rules.js';
import { loadObligation, lockObligation } from './reports.queries.js';
import { loadPeriod } from '../../db/queries/reporting.js';

/** Evidence bytes one unit may upload per period when EVIDENCE_QUOTA_MB is not set (200 MiB). */
export const DEFAULT_EVIDENCE_QUOTA_BYTES = 200 * 1_048_576;
/** Days an unreferenced upload is kept when EVIDENCE_GRACE_DAYS is not set. */
export const DEFAULT_EVIDENCE_GRACE_DAYS = 7;

export const evidenceQuota = (deps: Deps) => deps.config.evidenceQuotaBytes ?? DEFAULT_EVIDENCE_QUOTA_BYTES;
export const evidenceGraceMs = (deps: Deps) =>
  (deps.config.evidenceGraceDays ?? DEFAULT_EVIDENCE_GRACE_DAYS) * 86_400_000;

const mib = (n: number) => `${Math.round((n / 1_048_576) * 10) / 10} MB`;

/** A name safe to store and send: no path separators or control characters, at most 200 characters. */
function cleanName(filename: string): string {
  // eslint-disable-next-line no-control-regex
  const s = filename.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return s.replace(/[\\/]/g, '_').slice(0, 200) || 'tep';
}

/**
 * The checks of an upload, shared by evidence and the files kept with an inspection's minutes: not
 * empty, within the size limit, of an allowed type (from its first bytes) and named with a matching
 * extension. Returns the cleaned name, its extension, the type's MIME type, the SHA-256 and the size.
 */
export function checkUploadedFile(filename: string, bytes: Uint8Array) {
  const rules = reportingRules();
  const given = cleanName(filename);
  if (bytes.length === 0) throw new AppError('FILE_EMPTY');
  if (bytes.length > rules.evidence.maxBytes)
    throw new AppError(
      'FILE_TOO_LARGE',
      { size: bytes.length, maxBytes: rules.evidence.maxBytes },
      `Tệp vượt quá ${Math.round(rules.evidence.maxBytes / 1048576)} MB`,
    );
  const type = sniffFileType(bytes, given);
  const mime = type ? rules.evidence.types[type] : undefined;
  if (!type || !mime) throw new AppError('FILE_TYPE_FORBIDDEN', { filename: given });
  const named = evidenceFileName(given, type);
  if (!named.ok) {
    const expected = EVIDENCE_EXTENSIONS[type] ?? [type];
    throw new AppError(
      'FILE_EXTENSION_MISMATCH',
      { filename: given, detected: type, extension: named.ext, expected },
      `Tệp "${given}" có nội dung là ${EVIDENCE_TYPE_NAMES[type] ?? type} nhưng tên tệp có phần mở rộng .${named.ext}; hãy đổi tên tệp thành .${expected.join(' hoặc .')} rồi tải lên lại`,
    );
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const size = bytes.length;
  return { name: named.name, ext: named.ext, mime, sha256, size };
}

export async function uploadEvidence(
  deps: Deps,
  ctx: Ctx,
  obligationId: string,
  input: { filename: string; bytes: Uint8Array },
): Promise<EvidenceRef> {
  await loadObligation(deps.db, ctx, obligationId, 'report.write');
  const { name, ext, mime, sha256, size } = checkUploadedFile(input.filename, input.bytes);
  const named = { name, ext };
  const ref: EvidenceRef = { sha256, filename: named.name, size, mime };
  const quota = evidenceQuota(deps);
  await mutate(deps.db, ctx, async (tx, audit) => {
    // The report is locked: uploads into one report are counted one after another.
    const o = await lockObligation(tx, obligationId);
    const p = await loadPeriod(tx, o.periodId);
    if (p.status !== 'open') throw new AppError('PERIOD_CLOSED');
    if (o.status === 'accepted') throw new AppError('FILE_REPORT_ACCEPTED');
    if (!EDITABLE_STATUSES.some((s) => s === o.status))
      throw new AppError('REPORT_READ_ONLY', { status: o.status });
    // The quota counts the distinct bytes the unit uploaded into its report of the period.
    const [u] = await rows<{ used: string | number; again: boolean }>(
      tx,
      sql`select coalesce(sum(size), 0) as used, coalesce(bool_or(sha256 = ${sha256}), false) as again
          from (select distinct sha256, size from ${evidenceUploads}
                where ${evidenceUploads.obligationId} = ${obligationId}) d`,
    );
    const used = Number(u?.used ?? 0);
    const adds = u?.again ? 0 : size;
    if (used + adds > quota)
      throw new AppError(
        'FILE_QUOTA_EXCEEDED',
        { usedBytes: used, quotaBytes: quota, size },
        `Đơn vị đã tải lên ${mib(used)} tệp minh chứng cho kỳ báo cáo này; hạn mức là ${mib(quota)} mỗi kỳ, tệp này (${mib(size)}) vượt hạn mức`,
      );
    const t = now(deps);
    const sweepAt = new Date(t.getTime() + evidenceGraceMs(deps));
    // Content-addressed: the same bytes are stored once and never overwritten; a new upload only
    // pushes back the sweep.
    const [stored] = await tx
      .insert(files)
      .values({ sha256, size, mime, content: Buffer.from(input.bytes), createdBy: actorUserId(ctx), sweepAt })
      .onConflictDoUpdate({
        target: files.sha256,
        set: { sweepAt: sql`greatest(${files.sweepAt}, excluded.sweep_at)` },
      })
      .returning({ inserted: sql<boolean>`(xmax = 0)` });
    await tx.insert(evidenceUploads).values({
      sha256,
      unitId: o.unitId,
      obligationId,
      uploadedBy: actorUserId(ctx),
      uploadedAt: t,
      filename: named.name,
      size,
      mime,
      ext: named.ext,
    });
    audit.record({
      action: 'file.upload',
      entityType: 'file',
      entityId: sha256,
      after: { ...ref, obligationId, unitId: o.unitId, stored: Boolean(stored?.inserted) },
    });
  });
  return ref;
}

/** The SHA-256 of every file a report's content references. */
export function referencedShas(content: ReportContent): string[] {
  return [...new Set(Object.values(content.entries).flatMap((e) => e.evidence.map((f) => f.sha256)))];
}

/**
 * The content with each evidence reference taken from the unit's own upload records (name, size,
 * type), duplicates in one entry dropped. Refuses a file the unit did not upload
 * (FILE_NOT_UPLOADED_BY_UNIT) or that does not exist (FILE_NOT_FOUND). In a transaction, the files
 * are locked against the sweep until it commits.
 */
export async function resolveEvidence(
  db: DbOrTx,
  unitId: string,
  content: ReportContent,
  opts: { lock?: boolean } = {},
): Promise<ReportContent> {
  const shas = referencedShas(content);
  if (!shas.length) return content;
  const q = db.select({ sha256: files.sha256 }).from(files).where(inArray(files.sha256, shas));
  const present = new Set((await (opts.lock ? q.for('share') : q)).map((f) => f.sha256));
  const missing = shas.filter((s) => !present.has(s));
  if (missing.length) throw new AppError('FILE_NOT_FOUND', { sha256: missing });
  const records = await db
    .select()
    .from(evidenceUploads)
    .where(and(eq(evidenceUploads.unitId, unitId), inArray(evidenceUploads.sha256, shas)))
    .orderBy(desc(evidenceUploads.uploadedAt));
  const bySha = new Map<string, (typeof records)[number][]>();
  for (const r of records) (bySha.get(r.sha256) ?? bySha.set(r.sha256, []).get(r.sha256)!).push(r);
  const foreign = shas.filter((s) => !bySha.has(s));
  if (foreign.length) throw new AppError('FILE_NOT_UPLOADED_BY_UNIT', { sha256: foreign });
  const entries = Object.fromEntries(
    Object.entries(content.entries).map(([nodeId, e]) => {
      const seen = new Set<string>();
      const evidence: EvidenceRef[] = [];
      for (const f of e.evidence) {
        if (seen.has(f.sha256)) continue;
        seen.add(f.sha256);
        const recs = bySha.get(f.sha256)!;
        // The name the unit chose among its own uploads of these bytes, else the latest one.
        const r = recs.find((x) => x.filename === f.filename) ?? recs[0]!;
        evidence.push({ sha256: r.sha256, filename: r.filename, size: r.size, mime: r.mime });
      }
      return [nodeId, { ...e, evidence }];
    }),
  );
  return { ...content, entries };
}

/**
 * May a `unit` user read the file? When its unit uploaded it, when a draft or version of its own
 * reports references it, or when a cooperating unit's version shown in its report (same period, a
 * task it leads) does.
 */
async function unitMayRead(db: DbOrTx, unitId: string, sha256: string): Promise<boolean> {
  const [own] = await db
    .select({ id: evidenceUploads.id })
    .from(evidenceUploads)
    .where(and(eq(evidenceUploads.unitId, unitId), eq(evidenceUploads.sha256, sha256)))
    .limit(1);
  if (own) return true;
  const has = sql`jsonb_path_exists(e.value, '$.evidence[*] ? (@.sha256 == $s)', jsonb_build_object('s', ${sha256}::text))`;
  const r = await rows<{ ok: number }>(
    db,
    sql`select 1 as ok from report_obligations o
          cross join lateral jsonb_each(coalesce(o.draft->'entries', '{}'::jsonb)) e
        where o.unit_id = ${unitId} and ${has}
        union all
        select 1 from report_versions v
          join report_obligations mine on mine.period_id = v.period_id and mine.unit_id = ${unitId}
          cross join lateral jsonb_each(coalesce(v.content->'entries', '{}'::jsonb)) e
        where ${has}
          and (v.unit_id = ${unitId}
               or mine.tasks @> jsonb_build_array(jsonb_build_object('nodeId', e.key, 'role', 'lead')))
        limit 1`,
  );
  return r.length > 0;
}

/**
 * The file, its type and the name it is served under: readable by those who may read a report that
 * references it or into which it was uploaded (`report.read` with its unit scope). The name always
 * ends with the extension of the detected type.
 */
export async function getEvidenceFile(deps: Deps, ctx: Ctx, sha256: string, wanted?: string) {
  authorize(ctx, 'report.read');
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new AppError('FILE_NOT_FOUND', { sha256 });
  const [f] = await deps.db.select().from(files).where(eq(files.sha256, sha256));
  if (!f) throw new AppError('FILE_NOT_FOUND', { sha256 });
  const a = ctx.actor;
  const unitId = a?.kind === 'user' && a.role === 'unit' ? a.unitId : undefined;
  if (unitId !== undefined && (unitId === null || !(await unitMayRead(deps.db, unitId, sha256))))
    throw new AppError('FORBIDDEN_UNIT_SCOPE', { sha256 });
  const type = evidenceTypeOfMime(reportingRules().evidence.types, f.mime);
  const [rec] = await deps.db
    .select({ filename: evidenceUploads.filename })
    .from(evidenceUploads)
    .where(
      unitId
        ? and(eq(evidenceUploads.sha256, sha256), eq(evidenceUploads.unitId, unitId))
        : eq(evidenceUploads.sha256, sha256),
    )
    .orderBy(desc(evidenceUploads.uploadedAt))
    .limit(1);
  const base = cleanName(wanted ?? rec?.filename ?? sha256);
  let filename = base;
  if (type) {
    const n = evidenceFileName(base, type);
    filename = n.ok ? n.name : `${base}.${EVIDENCE_EXTENSIONS[type]?.[0] ?? type}`;
  }
  return { content: f.content, mime: f.mime, sha256: f.sha256, filename };
}
