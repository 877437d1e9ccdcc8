/**
 * Removes evidence files no report references, after a grace period (EVIDENCE_GRACE_DAYS, default 7).
 *
 * Each stored file has a due time (`files.sweep_at`: its last upload plus the grace period). The sweep
 * claims due files with FOR UPDATE SKIP LOCKED (safe with several instances), and in one transaction
 * deletes those that no draft and no submitted version references and that nobody uploaded within the
 * grace period (their upload records go with them); the others get a new due time one grace period
 * later, so a reference dropped later is noticed then. Saving a draft locks the files it references
 * (FOR SHARE), so a file is never removed under a draft being saved. Published documents' files are
 * stored with no due time and are kept whatever happens to evidence uploads of the same bytes.
 */
import { asc, inArray, lte, sql } from 'drizzle-orm';
import { evidenceUploads, files } from '../db/schema.js';
import { rows, type Tx } from '../db/connection.js';
import { mutate } from '../features/audit/audit-writer.js';
import { systemCtx } from '../features/context.js';
import { now, type Deps } from '../features/deps.js';
import { evidenceGraceMs } from '../features/reports/evidence.service.js';
import { startLoop, type JobLog } from './loop.js';

export interface FileSweepResult {
  removed: number;
  removedBytes: number;
  kept: number;
}

/**
 * Of `shas`, those a draft, a submitted version, a remediation report, an inspection visit's minutes or
 * a published document (issue 14; withdrawn ones too: the public log names them) reference.
 */
async function referenced(tx: Tx, shas: string[]): Promise<Set<string>> {
  const list = sql.join(
    shas.map((s) => sql`${s}`),
    sql`, `,
  );
  const r = await rows<{ sha256: string }>(
    tx,
    sql`select ev->>'sha256' as sha256
          from report_obligations o
          cross join lateral jsonb_each(coalesce(o.draft->'entries', '{}'::jsonb)) e
          cross join lateral jsonb_array_elements(coalesce(e.value->'evidence', '[]'::jsonb)) ev
         where o.draft is not null and ev->>'sha256' in (${list})
        union
        select ev->>'sha256'
          from report_versions v
          cross join lateral jsonb_each(coalesce(v.content->'entries', '{}'::jsonb)) e
          cross join lateral jsonb_array_elements(coalesce(e.value->'evidence', '[]'::jsonb)) ev
         where ev->>'sha256' in (${list})
        union
        select f->>'sha256'
          from remediation_reports rr
          cross join lateral jsonb_array_elements(rr.files) f
         where f->>'sha256' in (${list})
        union
        select a->>'sha256'
          from inspection_visits iv
          cross join lateral jsonb_array_elements(iv.attachments) a
         where a->>'sha256' in (${list})
        union
        select docx_sha256 from public_documents where docx_sha256 in (${list})
        union
        select pdf_sha256 from public_documents where pdf_sha256 in (${list})`,
  );
  return new Set(r.map((x) => x.sha256));
}

/** One pass over the files due at `now(deps)`, in batches of `batch`. */
export async function sweepFiles(deps: Deps, opts: { batch?: number } = {}): Promise<FileSweepResult> {
  const batch = opts.batch ?? 200;
  const out: FileSweepResult = { removed: 0, removedBytes: 0, kept: 0 };
  for (;;) {
    const t = now(deps);
    const grace = evidenceGraceMs(deps);
    const n = await mutate(deps.db, systemCtx('file-sweep'), async (tx, audit) => {
      const due = await tx
        .select({ sha256: files.sha256, size: files.size })
        .from(files)
        .where(lte(files.sweepAt, t))
        .orderBy(asc(files.sweepAt))
        .limit(batch)
        .for('update', { skipLocked: true });
      if (!due.length) {
        audit.nothingChanged();
        return 0;
      }
      const shas = due.map((f) => f.sha256);
      const keep = await referenced(tx, shas);
      const recent = await rows<{ sha256: string }>(
        tx,
        sql`select distinct sha256 from ${evidenceUploads}
             where ${inArray(evidenceUploads.sha256, shas)}
               and ${evidenceUploads.uploadedAt} > ${new Date(t.getTime() - grace)}`,
      );
      for (const r of recent) keep.add(r.sha256);
      const gone = due.filter((f) => !keep.has(f.sha256));
      if (keep.size)
        await tx
          .update(files)
          .set({ sweepAt: new Date(t.getTime() + grace) })
          .where(inArray(files.sha256, [...keep]));
      if (gone.length) {
        await tx.delete(files).where(
          inArray(
            files.sha256,
            gone.map((f) => f.sha256),
          ),
        );
        const bytes = gone.reduce((s, f) => s + f.size, 0);
        audit.record({
          action: 'file.sweep',
          entityType: 'file',
          entityId: gone.length === 1 ? gone[0]!.sha256 : 'sweep',
          after: { removed: gone.map((f) => f.sha256), bytes },
        });
        out.removed += gone.length;
        out.removedBytes += bytes;
      } else audit.nothingChanged();
      out.kept += keep.size;
      return due.length;
    });
    if (n < batch) return out;
  }
}

/** Runs the sweep every `seconds` (0 = off); returns a stop function that waits for a pass under way. */
export function startFileSweepLoop(deps: Deps, seconds: number, log: JobLog): () => Promise<void> {
  return startLoop(seconds, 5000, () => sweepFiles(deps), {
    done: (r) => {
      if (r.removed) log.info(r, 'tệp minh chứng: đã xóa tệp không còn báo cáo nào dùng');
    },
    failed: (e) => log.error({ err: e }, 'tệp minh chứng: lỗi khi quét'),
  });
}
