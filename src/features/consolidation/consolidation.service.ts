/**
 * The consolidated report (báo cáo sơ kết / tổng kết) of a period, drafted from the accepted reports:
 * results per task group, limitations, obstacles with the units that raised them, causes, next
 * directions and proposals, and an annex of every task. The monitor edits the heading and the
 * narrative; the export is a .docx in the Party or the State layout and the annex as .xlsx.
 */
import { and, desc, eq, ne, or } from 'drizzle-orm';
import { consolidatedReports, obstacles, units } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { rollUp, rollUpBy } from '../../domain/reporting/rollup.js';
import { formatDateVN } from '../../domain/format.js';
import type { ConsolidationHeading, NarrativeSection } from '../../domain/reporting/narrative.js';
import { citeProgram, draftHeading } from '../../domain/reporting/heading.js';
import {
  countsSentence,
  DUE_STATE_LABELS,
  dueState,
  type DueState,
  exportableSections,
  fitSection,
  placeholder,
  RAISED_STATUS_LABELS,
  raisedFacts,
  raisedSentence,
  taskFacts,
  timelinessSentence,
} from '../../domain/reporting/statements.js';
import { downloadName } from '../../domain/filenames.js';
import { supervisionSection } from '../inspections/recommendations.service.js';
import { LIMITS } from '../../domain/limits.js';
import type { ProgramDocMeta } from '../../contract/programs.js';
import type {
  Consolidation,
  ConsolidationGenerateInput,
  ConsolidationInput,
} from '../../contract/consolidation.js';
import { mutate } from '../audit/audit-writer.js';
import { versionConflict } from '../conflict.js';
import { authorize } from '../policy.js';
import { actorUserId, type Ctx } from '../context.js';
import { now, type Deps } from '../deps.js';
import { reportingRules } from '../reporting-rules.js';
import { acceptedEntries, loadProgress, type ProgressData } from '../dashboard/dashboard.queries.js';
import { renderOfficialDocx, type OfficialReportDoc } from './official-docx.js';
import { annexXlsx, type AnnexRow } from '../exports/annex.js';
import { approvalOf, assertEditable } from './approval-state.js';
import type { DbOrTx } from '../../db/connection.js';
import { issuingUnit } from '../../db/queries/units.js';

export const ANNEX_REPORT_COLUMNS = [
  'TT',
  'Nhiệm vụ',
  'Cơ quan chủ trì',
  'Thời hạn',
  'Tình trạng',
  'Tiến độ so với thời hạn',
  'Sản phẩm',
] as const;

function percentText(p: number): string {
  return `${p.toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** The program as its document names it: kind, number, date, issuer, and the wrapping decision. */
function citation(p: ProgressData['program']) {
  const meta = (p.meta as ProgramDocMeta).program;
  return {
    docKind: p.docKind,
    number: p.number,
    date: p.docDate ?? meta?.date ?? null,
    issuer: p.issuer ?? meta?.issuer ?? null,
    title: meta?.title ?? null,
    wrapper: meta?.wrapper ?? null,
    partyLayout: p.partyLayout,
    parentIssuer: meta?.parentIssuer ?? null,
  };
}

function programRef(p: ProgressData['program']): string {
  return citeProgram(citation(p), p.title);
}


/**
 * The first draft's heading. The issuer is the body that writes the report: the program's monitoring
 * unit, else the monitor's own unit. When the program already has a consolidated report, its edited
 * heading (issuer lines, notation, place, signer, Nơi nhận) carries over: the program's setting.
 */
async function firstHeading(db: DbOrTx, ctx: Ctx, d: ProgressData): Promise<ConsolidationHeading> {
  const writer =
    (await issuingUnit(db, d.program.monitoringUnitId)) ??
    (await issuingUnit(db, ctx.actor?.kind === 'user' ? ctx.actor.unitId : null));
  const drafted = draftHeading({
    writer,
    program: citation(d.program),
    programTitle: d.program.title,
    periodLabel: d.period.label,
    reviewKind: d.period.reviewKind ?? 'so_ket',
    place: 'Hà Nội',
  });
  const [prev] = await db
    .select({ heading: consolidatedReports.heading })
    .from(consolidatedReports)
    .where(eq(consolidatedReports.programId, d.program.id))
    .orderBy(desc(consolidatedReports.updatedAt))
    .limit(1);
  if (!prev) return drafted;
  const { layout, parentBody, issuer, notation, place, signer, recipients } = prev.heading;
  return { ...drafted, layout, parentBody, issuer, notation, place, signer, recipients };
}

const STATUS_DONE = 'done';

const fit = (s: NarrativeSection) => fitSection(s, LIMITS.sectionBlocks, LIMITS.blockText);

/** An obstacle or proposal in a bullet: the unit, the text, where it stands. */
const raisedBullet = (o: { unitName: string; text: string; status: string; inPeriod: boolean }) => ({
  kind: 'bullet' as const,
  text: `${o.unitName}: ${o.text.trim().replace(/[.;,]+$/, '')} (${RAISED_STATUS_LABELS[o.status] ?? o.status}${
    o.inPeriod ? '' : ', nêu từ kỳ trước'
  }).`,
});

/**
 * Drafts the narrative from the period's progress, accepted reports and obstacles: each figure is
 * counted from the data (statements.ts); what the data cannot say is a placeholder for the monitor.
 */
async function draftSections(db: DbOrTx, d: ProgressData): Promise<NarrativeSection[]> {
  const rules = reportingRules();
  const label = (s: string) => rules.statuses[s]?.label ?? s;
  const { byTask, general } = await acceptedEntries(db, d.period.id);
  const overall = rollUp(rules, d.tasks, d.today);
  const byGroup = rollUpBy(rules, d.tasks, (t) => t.groupId, d.today);
  const facts = taskFacts(rules, d.tasks, d.today);
  const reported = general.length;
  const results: NarrativeSection = {
    heading: 'I. KẾT QUẢ THỰC HIỆN',
    blocks: [
      {
        kind: 'paragraph',
        text: `Thực hiện ${programRef(d.program)}, trong kỳ ${lowerFirst(d.period.label)} (số liệu từ ngày ${formatDateVN(
          d.period.cutoffStart,
        )} đến ngày ${formatDateVN(d.period.cutoffEnd)}), ${reported} cơ quan, đơn vị đã có báo cáo được chấp nhận. ${countsSentence(
          rules,
          facts,
        )} ${timelinessSentence(facts)} Tỷ lệ hoàn thành bình quân đạt ${percentText(overall.percent)}.`,
      },
    ],
  };
  let gi = 0;
  for (const g of d.groups) {
    const tasks = d.tasks.filter((t) => t.groupId === g.id);
    const r = byGroup.get(g.id);
    gi++;
    results.blocks.push({
      kind: 'subheading',
      text: `${gi}. ${g.title || g.label || 'Nhiệm vụ khác'}${r ? ` (hoàn thành ${percentText(r.percent)})` : ''}`,
    });
    for (const t of tasks) {
      const entries = byTask.get(t.nodeId) ?? [];
      const lead = entries.find((e) => e.role === 'lead');
      const coop = entries.filter((e) => e.role !== 'lead' && e.entry.results.trim());
      const text = lead?.entry.results.trim();
      if (!text && !coop.length) continue;
      const parts = [
        `${t.leadUnitName ?? 'Chưa có cơ quan chủ trì'} (nhiệm vụ ${t.label}, ${label(t.status).toLowerCase()}): ${text || 'chưa báo cáo kết quả.'}`,
      ];
      for (const c of coop) parts.push(`${c.unitName} phối hợp: ${c.entry.results.trim()}`);
      results.blocks.push({ kind: 'bullet', text: parts.join(' ') });
    }
  }
  const overdue = d.tasks.filter((t) => dueState(t, d.today) === 'overdue');
  const notStarted = d.tasks.filter((t) => t.status === 'not_started');
  const notStartedBy = (st: DueState) => notStarted.filter((t) => dueState(t, d.today) === st).length;
  const raised = (
    await db
      .select({
        kind: obstacles.kind,
        text: obstacles.text,
        status: obstacles.status,
        periodId: obstacles.periodId,
        unitName: units.name,
      })
      .from(obstacles)
      .innerJoin(units, eq(units.id, obstacles.unitId))
      .where(
        and(
          eq(obstacles.programId, d.program.id),
          or(eq(obstacles.periodId, d.period.id), ne(obstacles.status, 'closed')),
        ),
      )
      .orderBy(obstacles.raisedAt)
  ).map((o) => ({ ...o, inPeriod: o.periodId === d.period.id }));
  const ofKind = (k: 'obstacle' | 'proposal') => raised.filter((o) => o.kind === k);
  const limits: NarrativeSection = {
    heading: 'III. HẠN CHẾ, KHÓ KHĂN, VƯỚNG MẮC VÀ NGUYÊN NHÂN',
    blocks: [
      { kind: 'subheading', text: '1. Hạn chế' },
      overdue.length
        ? {
            kind: 'paragraph',
            text: `Còn ${overdue.length} nhiệm vụ chưa hoàn thành đã quá hạn: ${overdue
              .slice(0, 30)
              .map((t) => `${t.label} (${t.leadUnitName ?? 'chưa có cơ quan chủ trì'})`)
              .join('; ')}${overdue.length > 30 ? `; và ${overdue.length - 30} nhiệm vụ khác` : ''}.`,
          }
        : { kind: 'paragraph', text: 'Không có nhiệm vụ chưa hoàn thành nào đã quá hạn.' },
      ...(notStarted.length
        ? [
            {
              kind: 'paragraph' as const,
              text: `${notStarted.length} nhiệm vụ chưa triển khai thực hiện, trong đó ${notStartedBy('overdue')} nhiệm vụ đã quá hạn, ${notStartedBy(
                'not_due',
              )} nhiệm vụ chưa đến hạn${notStartedBy('no_deadline') ? `, ${notStartedBy('no_deadline')} nhiệm vụ không có thời hạn` : ''}.`,
            },
          ]
        : []),
      { kind: 'subheading', text: '2. Khó khăn, vướng mắc' },
      { kind: 'paragraph', text: raisedSentence('obstacle', raisedFacts(raised, 'obstacle')) },
      ...ofKind('obstacle').map(raisedBullet),
      { kind: 'subheading', text: '3. Nguyên nhân' },
      {
        kind: 'paragraph',
        text: placeholder('nguyên nhân khách quan, chủ quan của hạn chế, khó khăn nêu trên'),
      },
    ],
  };
  const next: NarrativeSection = {
    heading: 'IV. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI',
    blocks: [
      {
        kind: 'paragraph',
        text: `Tiếp tục thực hiện ${d.tasks.filter((t) => t.status !== STATUS_DONE && t.status !== 'obsolete').length} nhiệm vụ chưa hoàn thành${
          overdue.length ? `; tập trung ${overdue.length} nhiệm vụ đã quá hạn` : ''
        }.`,
      },
      ...general
        .filter((g) => g.general.nextSteps.trim())
        .map((g) => ({ kind: 'bullet' as const, text: `${g.unitName}: ${g.general.nextSteps.trim()}` })),
    ],
  };
  const props: NarrativeSection = {
    heading: 'V. ĐỀ XUẤT, KIẾN NGHỊ',
    blocks: [
      { kind: 'paragraph', text: raisedSentence('proposal', raisedFacts(raised, 'proposal')) },
      ...ofKind('proposal').map(raisedBullet),
    ],
  };
  const supervision = await supervisionSection(
    db,
    d.program.id,
    d.period,
    d.today,
    'II. CÔNG TÁC KIỂM TRA, GIÁM SÁT',
  );
  return [results, supervision, limits, next, props].map(fit);
}

export function view(r: typeof consolidatedReports.$inferSelect): Consolidation {
  return {
    id: r.id,
    periodId: r.periodId,
    programId: r.programId,
    heading: r.heading,
    sections: r.sections,
    generatedAt: r.generatedAt.toISOString(),
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
    approval: approvalOf(r),
  };
}

/**
 * Creates the draft, or regenerates its narrative from the latest data (the heading is kept).
 * Regenerating replaces the sections, edits included, so it must name the version it replaces.
 */
export async function generateConsolidation(
  deps: Deps,
  ctx: Ctx,
  periodId: string,
  input: ConsolidationGenerateInput = {},
): Promise<Consolidation> {
  authorize(ctx, 'report.manage');
  const at = now(deps);
  return mutate(deps.db, ctx, async (tx, audit) => {
    const d = await loadProgress(tx, periodId, at);
    const sections = await draftSections(tx, d);
    const [ex] = await tx
      .select()
      .from(consolidatedReports)
      .where(eq(consolidatedReports.periodId, periodId))
      .for('update');
    if (ex) assertEditable(ex);
    if (ex && ex.version !== input.version) throw await versionConflict(tx, 'consolidation', ex);
    const row = ex
      ? (
          await tx
            .update(consolidatedReports)
            .set({
              sections,
              generatedAt: at,
              version: ex.version + 1,
              updatedAt: at,
              updatedBy: actorUserId(ctx),
            })
            .where(eq(consolidatedReports.id, ex.id))
            .returning()
        )[0]!
      : (
          await tx
            .insert(consolidatedReports)
            .values({
              periodId,
              programId: d.program.id,
              heading: await firstHeading(tx, ctx, d),
              sections,
              generatedAt: at,
              updatedAt: at,
              updatedBy: actorUserId(ctx),
            })
            .returning()
        )[0]!;
    audit.record({
      action: ex ? 'consolidation.regenerate' : 'consolidation.create',
      entityType: 'consolidation',
      entityId: row.id,
      after: { periodId, sections: sections.length },
    });
    return view(row);
  });
}

/** Every unit's results and obstacles together: monitors, leaders and supervisors; units get 403. */
export async function getConsolidation(deps: Deps, ctx: Ctx, periodId: string): Promise<Consolidation> {
  authorize(ctx, 'report.readAll');
  const [r] = await deps.db
    .select()
    .from(consolidatedReports)
    .where(eq(consolidatedReports.periodId, periodId));
  if (!r) throw new AppError('CONSOLIDATION_NOT_FOUND', { periodId });
  return view(r);
}

export async function updateConsolidation(
  deps: Deps,
  ctx: Ctx,
  periodId: string,
  input: ConsolidationInput,
): Promise<Consolidation> {
  authorize(ctx, 'report.manage');
  return mutate(deps.db, ctx, async (tx, audit) => {
    const [r] = await tx
      .select()
      .from(consolidatedReports)
      .where(eq(consolidatedReports.periodId, periodId))
      .for('update');
    if (!r) throw new AppError('CONSOLIDATION_NOT_FOUND', { periodId });
    assertEditable(r);
    if (r.version !== input.version) throw await versionConflict(tx, 'consolidation', r);
    const heading: ConsolidationHeading = { ...r.heading, ...input.heading };
    const sections = input.sections ?? r.sections;
    const t = now(deps);
    const [u] = await tx
      .update(consolidatedReports)
      .set({ heading, sections, version: r.version + 1, updatedAt: t, updatedBy: actorUserId(ctx) })
      .where(eq(consolidatedReports.id, r.id))
      .returning();
    audit.record({
      action: 'consolidation.edit',
      entityType: 'consolidation',
      entityId: r.id,
      before: { heading: r.heading, sections: r.sections },
      after: { heading, sections },
    });
    return view(u!);
  });
}

/** The annex: every task with its lead, deadline, status, on time / late and delivered products. */
async function annexRows(db: DbOrTx, d: ProgressData): Promise<AnnexRow[]> {
  const rules = reportingRules();
  const { byTask } = await acceptedEntries(db, d.period.id);
  const rows: AnnexRow[] = [];
  let gi = 0;
  for (const g of d.groups) {
    gi++;
    rows.push({ kind: 'group', cells: [String(gi), g.title || g.label || 'Nhiệm vụ khác'] });
    let ti = 0;
    for (const t of d.tasks.filter((x) => x.groupId === g.id)) {
      ti++;
      const lead = (byTask.get(t.nodeId) ?? []).find((e) => e.role === 'lead');
      const products = (lead?.entry.products ?? [])
        .map((p) =>
          [p.description, p.number, p.date ? formatDateVN(p.date) : null, p.link].filter(Boolean).join(', '),
        )
        .join('; ');
      const st = rules.statuses[t.status]?.label ?? t.status;
      rows.push({
        kind: 'task',
        cells: [
          `${gi}.${ti}`,
          `${t.label}. ${t.text}`,
          t.leadUnitName ?? '',
          t.baselineDue ? formatDateVN(t.baselineDue) : '',
          t.effective !== null && t.status !== 'done' ? `${st} (${t.effective}%)` : st,
          rules.statuses[t.status]?.excludedFromRollup ? '' : DUE_STATE_LABELS[dueState(t, d.today)],
          products,
        ],
      });
    }
  }
  return rows;
}

async function exportData(deps: Deps, ctx: Ctx, periodId: string) {
  authorize(ctx, 'report.readAll');
  const c = await getConsolidation(deps, ctx, periodId);
  const d = await loadProgress(deps.db, periodId, now(deps));
  const rows = await annexRows(deps.db, d);
  return { c, d, rows };
}

/** A download: its bytes and the file name it is saved under. */
export interface ExportedFile {
  buffer: Buffer;
  filename: string;
}

/** "bao-cao-so-ket-nam-2026.docx", "phu-luc-bao-cao-so-ket-nam-2026.xlsx". */
function reportFileName(d: ProgressData, ext: 'docx' | 'xlsx'): string {
  const kind = d.period.reviewKind === 'tong_ket' ? 'tổng kết' : 'sơ kết';
  return downloadName([ext === 'xlsx' ? 'phụ lục' : '', 'báo cáo', kind, d.period.label], ext);
}

export async function exportConsolidationDocx(deps: Deps, ctx: Ctx, periodId: string): Promise<ExportedFile> {
  const { c, d, rows } = await exportData(deps, ctx, periodId);
  // Only an approved report carries its number and date; any other is a draft (DỰ THẢO, blanks).
  const draft = c.approval.status !== 'approved';
  const doc: OfficialReportDoc = {
    ...c.heading,
    ...(draft ? { number: null, date: null } : {}),
    docType: 'BÁO CÁO',
    draft,
    // Placeholders are for the monitor in the editor; the document never carries them.
    sections: exportableSections(c.sections),
    annex: {
      title: `TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ ${d.period.label.toUpperCase()}`,
      subtitle: `(Kèm theo Báo cáo ${c.heading.title.charAt(0).toLowerCase()}${c.heading.title.slice(1)})`,
      columns: [...ANNEX_REPORT_COLUMNS],
      rows,
    },
  };
  return {
    buffer: await renderOfficialDocx(doc),
    filename: reportFileName(d, 'docx'),
  };
}

export async function exportConsolidationXlsx(deps: Deps, ctx: Ctx, periodId: string): Promise<ExportedFile> {
  const { c, d, rows } = await exportData(deps, ctx, periodId);
  const buffer = await annexXlsx({
    title: `PHỤ LỤC: TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ ${d.period.label.toUpperCase()}`,
    subtitle: c.heading.title,
    columns: [...ANNEX_REPORT_COLUMNS],
    rows,
  });
  return { buffer, filename: reportFileName(d, 'xlsx') };
}
