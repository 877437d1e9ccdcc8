/**
 * The consolidated report (báo cáo sơ kết / tổng kết) of a period, drafted from the accepted reports:
 * results per task group, limitations, obstacles with the units that raised them, causes, next
 * directions and proposals, and an annex of every task. The monitor edits the heading and the
 * narrative; the export is a .docx in the Party or the State layout and the annex as .xlsx.
 */
import { and, eq, sql } from 'drizzle-orm';
import { consolidatedReports, obstacles, units } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { rollUp, rollUpBy } from '../../domain/reporting/rollup.js';
import { formatDateVN } from '../../domain/format.js';
import type { ConsolidationHeading, NarrativeSection } from '../../domain/reporting/narrative.js';
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

export const ANNEX_REPORT_COLUMNS = [
  'TT',
  'Nhiệm vụ',
  'Cơ quan chủ trì',
  'Thời hạn',
  'Tình trạng',
  'Đúng hạn / Quá hạn',
  'Sản phẩm',
] as const;

function percentText(p: number): string {
  return `${p.toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`;
}

/** "CHƯƠNG TRÌNH HÀNH ĐỘNG" → "Chương trình hành động". */
function sentenceCase(s: string): string {
  const lower = s.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

/** How the report names the program: "Chương trình hành động số 27-CTr/TU thực hiện Nghị quyết …". */
function programRef(p: ProgressData['program']): string {
  const meta = (p.meta as { program?: { title?: string | null } }).program;
  const kind = p.docKind ? sentenceCase(p.docKind) : null;
  if (!kind) return p.title;
  return [kind, p.number ? `số ${p.number}` : null, meta?.title ?? null].filter(Boolean).join(' ');
}

/** The issuing body as written in the header: a bare "THÀNH ỦY" is Hà Nội's (the units directory is Hà Nội's). */
function issuerOf(p: ProgressData['program'], party: boolean): string {
  const i = (p.issuer ?? '').trim().toLocaleUpperCase('vi');
  if (!i) return party ? 'THÀNH ỦY HÀ NỘI' : 'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI';
  return i === 'THÀNH ỦY' || i === 'THÀNH UỶ' ? 'THÀNH ỦY HÀ NỘI' : i;
}

function defaultHeading(d: ProgressData): ConsolidationHeading {
  const party = d.program.partyLayout;
  const ref = programRef(d.program);
  const parentIssuer = (d.program.meta as { program?: { parentIssuer?: string | null } }).program
    ?.parentIssuer;
  const kind = d.period.reviewKind === 'tong_ket' ? 'Tổng kết' : 'Sơ kết';
  return {
    layout: party ? 'party' : 'state',
    // A provincial Party committee's documents carry no body above it (Hướng dẫn 36-HD/VPTW).
    parentBody: parentIssuer?.toLocaleUpperCase('vi') ?? (party ? null : 'UBND THÀNH PHỐ HÀ NỘI'),
    issuer: issuerOf(d.program, party),
    number: null,
    notation: party ? 'BC/TU' : 'BC-UBND',
    place: 'Hà Nội',
    date: null,
    title: `${kind} ${d.period.label.charAt(0).toLowerCase()}${d.period.label.slice(1)} thực hiện ${ref}`,
    signer: party
      ? { authority: 'T/M BAN THƯỜNG VỤ', position: 'PHÓ BÍ THƯ', name: '' }
      : { authority: 'TM. ỦY BAN NHÂN DÂN', position: 'CHỦ TỊCH', name: '' },
    recipients: party
      ? [
          'Ban Thường vụ Thành ủy (để báo cáo)',
          'Các cơ quan, đơn vị chủ trì, phối hợp',
          'Lưu Văn phòng Thành ủy',
        ]
      : ['Thường trực Thành ủy (để báo cáo)', 'Các sở, ban, ngành, UBND các xã, phường', 'Lưu: VT'],
  };
}

const STATUS_DONE = 'done';

/** Drafts the narrative from the period's progress, accepted reports and open obstacles. */
async function draftSections(db: DbOrTx, d: ProgressData): Promise<NarrativeSection[]> {
  const rules = reportingRules();
  const label = (s: string) => rules.statuses[s]?.label ?? s;
  const { byTask, general } = await acceptedEntries(db, d.period.id);
  const overall = rollUp(rules, d.tasks, d.today);
  const byGroup = rollUpBy(rules, d.tasks, (t) => t.groupId, d.today);
  const counts: Record<string, number> = {};
  for (const t of d.tasks) counts[t.status] = (counts[t.status] ?? 0) + 1;
  const reported = general.length;
  const results: NarrativeSection = {
    heading: 'I. KẾT QUẢ THỰC HIỆN',
    blocks: [
      {
        kind: 'paragraph',
        text: `Thực hiện ${programRef(d.program)}, trong kỳ ${d.period.label.charAt(0).toLowerCase()}${d.period.label.slice(1)} (số liệu từ ngày ${formatDateVN(
          d.period.cutoffStart,
        )} đến ngày ${formatDateVN(d.period.cutoffEnd)}), ${reported} cơ quan, đơn vị đã có báo cáo được chấp nhận. Trong tổng số ${
          d.tasks.length
        } nhiệm vụ: ${counts[STATUS_DONE] ?? 0} nhiệm vụ đã hoàn thành, ${counts.in_progress ?? 0} nhiệm vụ đang thực hiện, ${
          counts.not_started ?? 0
        } nhiệm vụ chưa thực hiện${counts.paused ? `, ${counts.paused} nhiệm vụ tạm dừng` : ''}${
          counts.obsolete ? `, ${counts.obsolete} nhiệm vụ không còn phù hợp` : ''
        }; ${overall.onTime} nhiệm vụ bảo đảm tiến độ, ${overall.late} nhiệm vụ chậm so với thời hạn. Tỷ lệ hoàn thành bình quân đạt ${percentText(overall.percent)}.`,
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
  const late = d.tasks.filter((t) => t.timeliness === 'late');
  const notStarted = d.tasks.filter((t) => t.status === 'not_started');
  const openObstacles = await db
    .select({ kind: obstacles.kind, text: obstacles.text, unitName: units.name })
    .from(obstacles)
    .innerJoin(units, eq(units.id, obstacles.unitId))
    .where(and(eq(obstacles.programId, d.program.id), sql`${obstacles.status} <> 'closed'`))
    .orderBy(obstacles.raisedAt);
  const limits: NarrativeSection = {
    heading: 'II. HẠN CHẾ, KHÓ KHĂN, VƯỚNG MẮC VÀ NGUYÊN NHÂN',
    blocks: [
      { kind: 'subheading', text: '1. Hạn chế' },
      late.length
        ? {
            kind: 'paragraph',
            text: `Còn ${late.length} nhiệm vụ chậm so với thời hạn: ${late
              .slice(0, 30)
              .map((t) => `${t.label} (${t.leadUnitName ?? 'chưa có cơ quan chủ trì'})`)
              .join('; ')}${late.length > 30 ? '; …' : ''}.`,
          }
        : { kind: 'paragraph', text: 'Các nhiệm vụ cơ bản bảo đảm tiến độ theo thời hạn đã giao.' },
      ...(notStarted.length
        ? [{ kind: 'paragraph' as const, text: `${notStarted.length} nhiệm vụ chưa triển khai thực hiện.` }]
        : []),
      { kind: 'subheading', text: '2. Khó khăn, vướng mắc' },
      ...(openObstacles.filter((o) => o.kind === 'obstacle').length
        ? openObstacles
            .filter((o) => o.kind === 'obstacle')
            .map((o) => ({ kind: 'bullet' as const, text: `${o.unitName}: ${o.text}` }))
        : [{ kind: 'paragraph' as const, text: 'Các cơ quan, đơn vị không nêu khó khăn, vướng mắc.' }]),
      { kind: 'subheading', text: '3. Nguyên nhân' },
      {
        kind: 'paragraph',
        text: '(Cơ quan theo dõi bổ sung nguyên nhân khách quan, chủ quan của hạn chế, khó khăn nêu trên.)',
      },
    ],
  };
  const next: NarrativeSection = {
    heading: 'III. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI',
    blocks: [
      {
        kind: 'paragraph',
        text: `Tiếp tục thực hiện ${d.tasks.filter((t) => t.status !== STATUS_DONE && t.status !== 'obsolete').length} nhiệm vụ chưa hoàn thành; tập trung các nhiệm vụ đã quá hạn.`,
      },
      ...general
        .filter((g) => g.general.nextSteps.trim())
        .map((g) => ({ kind: 'bullet' as const, text: `${g.unitName}: ${g.general.nextSteps.trim()}` })),
    ],
  };
  const proposals = openObstacles.filter((o) => o.kind === 'proposal');
  const props: NarrativeSection = {
    heading: 'IV. ĐỀ XUẤT, KIẾN NGHỊ',
    blocks: proposals.length
      ? proposals.map((o) => ({ kind: 'bullet' as const, text: `${o.unitName}: ${o.text}` }))
      : [{ kind: 'paragraph', text: '(Cơ quan theo dõi bổ sung đề xuất, kiến nghị.)' }],
  };
  return [results, limits, next, props];
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
              heading: defaultHeading(d),
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
          t.timeliness === 'on_time' ? 'Đúng hạn' : t.timeliness === 'late' ? 'Quá hạn' : '',
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

export async function exportConsolidationDocx(deps: Deps, ctx: Ctx, periodId: string): Promise<ExportedFile> {
  const { c, d, rows } = await exportData(deps, ctx, periodId);
  // Only an approved report carries its number and date; any other is a draft (DỰ THẢO, blanks).
  const draft = c.approval.status !== 'approved';
  const doc: OfficialReportDoc = {
    ...c.heading,
    ...(draft ? { number: null, date: null } : {}),
    docType: 'BÁO CÁO',
    draft,
    sections: c.sections,
    annex: {
      title: `TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ ${d.period.label.toUpperCase()}`,
      subtitle: `(Kèm theo Báo cáo ${c.heading.title.charAt(0).toLowerCase()}${c.heading.title.slice(1)})`,
      columns: [...ANNEX_REPORT_COLUMNS],
      rows,
    },
  };
  return {
    buffer: await renderOfficialDocx(doc),
    filename: `bao-cao-${d.period.year}-${d.period.kind}.docx`,
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
  return { buffer, filename: `phu-luc-${d.period.year}-${d.period.kind}.xlsx` };
}
