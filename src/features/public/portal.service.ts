/**
 * What the public portal reads (issue 14, points 1 and 5). One rule: progress comes ONLY from the
 * public log (`transparency_leaves`) of programs that are public now; the structure (groups, tasks,
 * lead and cooperating units, deadlines, expected products) from the program's tables, public by rule
 * for a public program. Never read here: drafts, returned or pending versions, comments, obstacles,
 * proposals, focal persons, users. Anything of a program that is not public is `PUBLIC_NOT_FOUND`.
 * Anonymous and read-only: no ctx, no authorization, no audit.
 */
import { and, asc, eq, inArray, isNotNull, isNull, like, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.js';
import {
  files,
  programNodes,
  programs,
  publicDocuments,
  reportVersions,
  taskAssignments,
  taskProducts,
  taskUnits,
  transparencyLeaves,
  units,
} from '../../db/schema.js';
import { AppError } from '../../errors.js';
import {
  parseLeaf,
  type EvidenceStatement,
  type ProgressStatement,
  type PublicFile as LeafFile,
} from '../../domain/transparency/statements.js';
import { publicDocumentUrl } from './documents.service.js';
import { formatDeadline } from '../../domain/plan/assignment.js';
import { taskGroupOf } from '../../domain/plan/tree.js';
import { formatDateVN, formatDateTimeVN } from '../../domain/format.js';
import { escapeLike, fold } from '../../domain/text.js';
import type {
  PublicFile,
  PublicProgramDetail,
  PublicProgramList,
  PublicProgramRef,
  PublicProgramSummary,
  PublicProgress,
  PublicSearchResult,
  PublicTaskDetail,
  PublicTaskGroup,
  PublicTaskRow,
  PublicUnitDetail,
  PublicUnitList,
  PublicUnitRef,
} from '../../contract/public.js';

type ProgramRow = typeof programs.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function notFound(): AppError {
  return new AppError('PUBLIC_NOT_FOUND');
}

/** A well-formed id, else 404 (the HTML pages take any string). */
export function checkId(id: string): string {
  if (!UUID.test(id)) throw notFound();
  return id.toLowerCase();
}

export const TIMELINESS_LABELS: Record<string, string> = {
  on_time: 'Đúng hạn',
  late: 'Trễ hạn',
  overdue: 'Quá hạn',
  not_due: 'Chưa đến hạn',
  no_deadline: 'Không có thời hạn',
};
export const NO_REPORT = 'Chưa có báo cáo được chấp nhận';

const isLate = (t: string | null) => t === 'late' || t === 'overdue';

/** "Chương trình hành động số 15-CTr/TU ngày 10/3/2026 của Thành ủy Hà Nội". */
export function programSource(p: Pick<ProgramRow, 'docKind' | 'number' | 'docDate' | 'issuer' | 'title'>) {
  let kind = p.docKind?.trim() || 'Văn bản';
  // "KẾ HOẠCH" as the heading prints it → "Kế hoạch".
  if (kind === kind.toLocaleUpperCase('vi') && kind !== kind.toLocaleLowerCase('vi'))
    kind = kind.toLocaleLowerCase('vi');
  let s = kind.charAt(0).toLocaleUpperCase('vi') + kind.slice(1);
  if (p.number) s += ` số ${p.number}`;
  if (p.docDate) s += ` ngày ${formatDateVN(p.docDate)}`;
  if (p.issuer) s += ` của ${p.issuer}`;
  return s;
}

export function fileUrl(f: { sha256: string; filename: string }): string {
  return `/cong-khai/tep/${f.sha256}/${encodeURIComponent(f.filename)}`;
}

function publicFile(f: LeafFile): PublicFile {
  return { sha256: f.sha256, filename: f.filename, size: f.size, mime: f.mime, url: fileUrl(f) };
}

/** The statement of where a progress entry comes from (point 5). */
export function progressSource(s: ProgressStatement): string {
  const when = formatDateTimeVN(new Date(s.acceptedAt));
  const by = s.acceptedBy ? `được ${s.acceptedBy.name} chấp nhận` : 'được chấp nhận';
  return `Báo cáo kỳ ${s.period.label} của ${s.unit.name} (lần nộp ${s.reportNumber}, nộp lúc ${formatDateTimeVN(new Date(s.submittedAt))}), ${by} lúc ${when}`;
}

/** The public programs now, newest first. */
async function publicPrograms(db: DbOrTx): Promise<ProgramRow[]> {
  return db
    .select()
    .from(programs)
    .where(and(isNotNull(programs.publicSince), isNull(programs.parentProgramId)))
    .orderBy(asc(programs.publicSince), asc(programs.id));
}

async function publicProgramOr404(db: DbOrTx, id: string): Promise<ProgramRow> {
  const [p] = await db
    .select()
    .from(programs)
    .where(
      and(eq(programs.id, checkId(id)), isNotNull(programs.publicSince), isNull(programs.parentProgramId)),
    );
  if (!p) throw notFound();
  return p;
}

interface Leaf {
  idx: number;
  at: Date;
  statement: ProgressStatement | EvidenceStatement;
}

/** The progress and evidence leaves of some programs, in log order. */
async function programLeaves(db: DbOrTx, programIds: string[], nodeIds?: string[]): Promise<Leaf[]> {
  if (!programIds.length) return [];
  const rows = await db
    .select({ idx: transparencyLeaves.idx, at: transparencyLeaves.at, leaf: transparencyLeaves.leaf })
    .from(transparencyLeaves)
    .where(
      and(
        inArray(transparencyLeaves.programId, programIds),
        inArray(transparencyLeaves.kind, ['progress', 'evidence']),
        nodeIds ? inArray(transparencyLeaves.nodeId, nodeIds) : undefined,
      ),
    )
    .orderBy(asc(transparencyLeaves.idx));
  const out: Leaf[] = [];
  for (const r of rows) {
    const c = parseLeaf(r.leaf);
    if (c && (c.statement.kind === 'progress' || c.statement.kind === 'evidence'))
      out.push({ idx: r.idx, at: r.at, statement: c.statement });
  }
  return out;
}

/** Per task: its progress leaves (log order); per file: its latest public state. */
interface LogView {
  progress: Map<string, { idx: number; s: ProgressStatement }[]>;
  filePublic: Map<string, boolean>;
  /** Files named by evidence leaves, per report version. */
  versionFiles: Map<string, LeafFile[]>;
}

function viewLog(leaves: Leaf[]): LogView {
  const progress = new Map<string, { idx: number; s: ProgressStatement }[]>();
  const filePublic = new Map<string, boolean>();
  const versionFiles = new Map<string, LeafFile[]>();
  for (const l of leaves) {
    const s = l.statement;
    if (s.kind === 'progress') {
      const list = progress.get(s.task.id) ?? [];
      list.push({ idx: l.idx, s });
      progress.set(s.task.id, list);
      for (const f of s.evidence) filePublic.set(f.sha256, true);
    } else {
      filePublic.set(s.file.sha256, s.public);
      versionFiles.set(s.reportVersionId, [...(versionFiles.get(s.reportVersionId) ?? []), s.file]);
    }
  }
  return { progress, filePublic, versionFiles };
}

/** Today's timeliness of a task from its latest leaf: not done and past its deadline is overdue. */
function currentTimeliness(s: ProgressStatement, today: string): string {
  if (s.status !== 'done' && s.dueDate && today > s.dueDate) return 'overdue';
  return s.timeliness;
}

interface Structure {
  nodes: Awaited<ReturnType<typeof loadNodes>>;
  unitName: Map<string, string>;
  roles: Map<string, { lead: string | null; coop: string[] }>;
  assign: Map<string, { deadline: string; dueDate: string | null }>;
  products: Map<string, string[]>;
}

function loadNodes(db: DbOrTx, programIds: string[], nodeIds?: string[]) {
  return db
    .select({
      id: programNodes.id,
      programId: programNodes.programId,
      parentId: programNodes.parentId,
      kind: programNodes.kind,
      label: programNodes.label,
      title: programNodes.title,
      text: programNodes.text,
      isTask: programNodes.isTask,
    })
    .from(programNodes)
    .where(
      and(
        inArray(programNodes.programId, programIds),
        nodeIds ? inArray(programNodes.id, nodeIds) : undefined,
      ),
    )
    .orderBy(asc(programNodes.programId), asc(programNodes.position));
}

/** The public structure of some programs (or of some of their tasks). */
async function loadStructure(db: DbOrTx, programIds: string[], nodeIds?: string[]): Promise<Structure> {
  const nodes = programIds.length ? await loadNodes(db, programIds, nodeIds) : [];
  const taskIds = nodes.filter((n) => n.isTask).map((n) => n.id);
  const roles = new Map<string, { lead: string | null; coop: string[] }>();
  const assign = new Map<string, { deadline: string; dueDate: string | null }>();
  const products = new Map<string, string[]>();
  const unitName = new Map<string, string>();
  if (!taskIds.length) return { nodes, unitName, roles, assign, products };
  const tu = await db
    .select({ nodeId: taskUnits.nodeId, unitId: taskUnits.unitId, role: taskUnits.role, name: units.name })
    .from(taskUnits)
    .innerJoin(units, eq(units.id, taskUnits.unitId))
    .where(nodeIds ? inArray(taskUnits.nodeId, taskIds) : inArray(taskUnits.programId, programIds))
    .orderBy(asc(taskUnits.nodeId), asc(units.name));
  for (const r of tu) {
    unitName.set(r.unitId, r.name);
    const e = roles.get(r.nodeId) ?? { lead: null, coop: [] };
    if (r.role === 'lead') e.lead = r.unitId;
    else e.coop.push(r.unitId);
    roles.set(r.nodeId, e);
  }
  // Only the deadline: the focal person's name, position and phone are never read here.
  const ta = await db
    .select({
      nodeId: taskAssignments.nodeId,
      deadline: taskAssignments.deadline,
      dueDate: taskAssignments.dueDate,
    })
    .from(taskAssignments)
    .where(
      nodeIds ? inArray(taskAssignments.nodeId, taskIds) : inArray(taskAssignments.programId, programIds),
    );
  for (const r of ta)
    assign.set(r.nodeId, { deadline: formatDeadline(r.deadline ?? null), dueDate: r.dueDate });
  const tp = await db
    .select({ nodeId: taskProducts.nodeId, description: taskProducts.description })
    .from(taskProducts)
    .where(nodeIds ? inArray(taskProducts.nodeId, taskIds) : inArray(taskProducts.programId, programIds))
    .orderBy(asc(taskProducts.nodeId), asc(taskProducts.position));
  for (const r of tp) products.set(r.nodeId, [...(products.get(r.nodeId) ?? []), r.description]);
  return { nodes, unitName, roles, assign, products };
}

const taskTitle = (n: { title: string; text: string }) => n.title || n.text.slice(0, 300);

function unitRef(st: Structure, id: string | null): PublicUnitRef | null {
  return id ? { id, name: st.unitName.get(id) ?? '' } : null;
}

function taskRow(st: Structure, log: LogView, n: Structure['nodes'][number], today: string): PublicTaskRow {
  const r = st.roles.get(n.id);
  const a = st.assign.get(n.id);
  const latest = log.progress.get(n.id)?.at(-1);
  const tl = latest ? currentTimeliness(latest.s, today) : null;
  return {
    id: n.id,
    label: n.label,
    title: taskTitle(n),
    leadUnit: unitRef(st, r?.lead ?? null),
    cooperatingUnits: (r?.coop ?? []).map((u) => unitRef(st, u)!),
    deadline: a?.deadline ?? '',
    dueDate: a?.dueDate ?? null,
    expectedProducts: st.products.get(n.id) ?? [],
    status: latest?.s.status ?? null,
    statusLabel: latest?.s.statusLabel ?? NO_REPORT,
    percent: latest?.s.percent ?? null,
    timeliness: tl,
    timelinessLabel: tl ? (TIMELINESS_LABELS[tl] ?? tl) : '—',
    lastAcceptedAt: latest?.s.acceptedAt ?? null,
    leafIdx: latest?.idx ?? null,
  };
}

function summarize(p: ProgramRow, rows: PublicTaskRow[]): PublicProgramSummary {
  const done = rows.filter((r) => r.status === 'done').length;
  const last = rows.reduce<string | null>(
    (m, r) => (r.lastAcceptedAt && (!m || r.lastAcceptedAt > m) ? r.lastAcceptedAt : m),
    null,
  );
  return {
    id: p.id,
    docKind: p.docKind,
    number: p.number,
    docDate: p.docDate,
    issuer: p.issuer,
    title: p.title,
    source: programSource(p),
    publicSince: p.publicSince!.toISOString(),
    taskCount: rows.length,
    reportedCount: rows.filter((r) => r.status !== null).length,
    doneCount: done,
    percentDone: rows.length ? Math.round((done * 100) / rows.length) : 0,
    onTime: rows.filter((r) => r.timeliness === 'on_time').length,
    late: rows.filter((r) => isLate(r.timeliness)).length,
    lastAcceptedAt: last,
  };
}

/** One accepted progress entry of a public program, as the open-data CSV lists it (log order). */
export interface PublicProgressRow {
  leafIdx: number;
  taskId: string;
  taskLabel: string;
  taskTitle: string;
  unit: string;
  period: string;
  status: string;
  statusLabel: string;
  percent: number | null;
  completedOn: string | null;
  dueDate: string | null;
  timeliness: string;
  results: string;
  products: string;
  submittedAt: string;
  acceptedAt: string;
  acceptedBy: string;
}

/** Every accepted progress entry of a public program, straight from its leaves in the public log. */
export async function programProgress(
  db: DbOrTx,
  id: string,
): Promise<{ program: ProgramRow; rows: PublicProgressRow[] }> {
  const p = await publicProgramOr404(db, id);
  const rows: PublicProgressRow[] = [];
  for (const l of await programLeaves(db, [p.id])) {
    const s = l.statement;
    if (s.kind !== 'progress') continue;
    rows.push({
      leafIdx: l.idx,
      taskId: s.task.id,
      taskLabel: s.task.label,
      taskTitle: s.task.title,
      unit: s.unit.name,
      period: s.period.label,
      status: s.status,
      statusLabel: s.statusLabel,
      percent: s.percent,
      completedOn: s.completedOn,
      dueDate: s.dueDate,
      timeliness: TIMELINESS_LABELS[s.timeliness] ?? s.timeliness,
      results: s.results,
      products: s.products
        .map((x) => [x.description, x.number, x.date].filter(Boolean).join(', '))
        .join('; '),
      submittedAt: s.submittedAt,
      acceptedAt: s.acceptedAt,
      acceptedBy: s.acceptedBy?.name ?? '',
    });
  }
  return { program: p, rows };
}

export function programRefOf(p: ProgramRow): PublicProgramRef {
  return { id: p.id, title: p.title, number: p.number, source: programSource(p) };
}

/** The published programs with their counts. */
export async function listPublicPrograms(db: DbOrTx, today: string): Promise<PublicProgramList> {
  const ps = await publicPrograms(db);
  if (!ps.length) return { items: [] };
  const ids = ps.map((p) => p.id);
  const st = await loadStructure(db, ids);
  const log = viewLog(await programLeaves(db, ids));
  const items = ps
    .map((p) =>
      summarize(
        p,
        st.nodes.filter((n) => n.programId === p.id && n.isTask).map((n) => taskRow(st, log, n, today)),
      ),
    )
    .reverse();
  return { items };
}

/** A program: its document, its task groups and tasks, and its published documents. */
export async function getPublicProgram(db: DbOrTx, id: string, today: string): Promise<PublicProgramDetail> {
  const p = await publicProgramOr404(db, id);
  const st = await loadStructure(db, [p.id]);
  const log = viewLog(await programLeaves(db, [p.id]));
  const byId = new Map(st.nodes.map((n) => [n.id, n]));
  const groups: PublicTaskGroup[] = [];
  const groupOf = new Map<string, PublicTaskGroup>();
  const rows: PublicTaskRow[] = [];
  for (const n of st.nodes) {
    if (!n.isTask) continue;
    const g = taskGroupOf(byId, n.id);
    const key = g?.id ?? '';
    let pg = groupOf.get(key);
    if (!pg) {
      pg = { id: g?.id ?? null, label: g?.label ?? '', title: g ? taskTitle(g) : 'Nhiệm vụ khác', tasks: [] };
      groupOf.set(key, pg);
      groups.push(pg);
    }
    const row = taskRow(st, log, n, today);
    pg.tasks.push(row);
    rows.push(row);
  }
  const docs = await db
    .select()
    .from(publicDocuments)
    .where(and(eq(publicDocuments.programId, p.id), eq(publicDocuments.isPublic, true)))
    .orderBy(asc(publicDocuments.publishedAt));
  return {
    ...summarize(p, rows),
    groups,
    documents: docs.reverse().map((d) => ({
      id: d.id,
      kind: d.kind,
      title: d.title,
      number: d.number,
      docDate: d.docDate,
      docxUrl: publicDocumentUrl(d.id, 'docx'),
      pdfUrl: d.pdfSha256 ? publicDocumentUrl(d.id, 'pdf') : null,
    })),
  };
}

function progressEntry(idx: number, s: ProgressStatement, log: LogView): PublicProgress {
  // The files of the accepted version: those public at acceptance and those made public later, each
  // in its latest state (a file the unit made internal again is no longer offered).
  const evidence = new Map<string, LeafFile>();
  for (const f of [...s.evidence, ...(log.versionFiles.get(s.reportVersionId) ?? [])])
    if (log.filePublic.get(f.sha256) === true && !evidence.has(f.sha256)) evidence.set(f.sha256, f);
  return {
    leafIdx: idx,
    period: s.period,
    unit: s.unit,
    reportNumber: s.reportNumber,
    submittedAt: s.submittedAt,
    acceptedAt: s.acceptedAt,
    acceptedBy: s.acceptedBy,
    status: s.status,
    statusLabel: s.statusLabel,
    percent: s.percent,
    completedOn: s.completedOn,
    dueDate: s.dueDate,
    timeliness: s.timeliness,
    timelinessLabel: TIMELINESS_LABELS[s.timeliness] ?? s.timeliness,
    results: s.results,
    products: s.products,
    evidence: [...evidence.values()].map(publicFile),
    source: progressSource(s),
  };
}

/** A task of a public program: its state and its whole accepted history. */
export async function getPublicTask(db: DbOrTx, id: string, today: string): Promise<PublicTaskDetail> {
  const [n] = await db
    .select({ id: programNodes.id, programId: programNodes.programId, isTask: programNodes.isTask })
    .from(programNodes)
    .where(eq(programNodes.id, checkId(id)));
  if (!n?.isTask) throw notFound();
  const p = await publicProgramOr404(db, n.programId);
  const st = await loadStructure(db, [p.id]);
  const node = st.nodes.find((x) => x.id === n.id)!;
  const byId = new Map(st.nodes.map((x) => [x.id, x]));
  const g = taskGroupOf(byId, n.id);
  const log = viewLog(await programLeaves(db, [p.id]));
  const entries = log.progress.get(n.id) ?? [];
  const history = entries.map((e) => progressEntry(e.idx, e.s, log)).reverse();
  const seen = new Set<string>();
  const evidence: PublicFile[] = [];
  for (const h of history)
    for (const f of h.evidence)
      if (!seen.has(f.sha256)) {
        seen.add(f.sha256);
        evidence.push(f);
      }
  return {
    program: programRefOf(p),
    group: g ? { id: g.id, label: g.label, title: taskTitle(g) } : null,
    task: taskRow(st, log, node, today),
    text: node.text,
    history,
    delivered: history.flatMap((h) =>
      h.products.map((x) => ({ ...x, leafIdx: h.leafIdx, period: h.period.label })),
    ),
    evidence,
  };
}

/** A unit: the tasks it leads in public programs, their timeliness, its reports' timeliness. */
export async function getPublicUnit(db: DbOrTx, id: string, today: string): Promise<PublicUnitDetail> {
  const [u] = await db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(eq(units.id, checkId(id)));
  if (!u) throw notFound();
  const ps = await publicPrograms(db);
  const ids = ps.map((p) => p.id);
  const led = ids.length
    ? await db
        .select({ nodeId: taskUnits.nodeId, programId: taskUnits.programId })
        .from(taskUnits)
        .where(and(eq(taskUnits.unitId, u.id), inArray(taskUnits.programId, ids)))
    : [];
  if (!led.length) throw notFound();
  const leadIds = [...new Set(led.map((l) => l.nodeId))];
  const pIds = [...new Set(led.map((l) => l.programId))];
  const st = await loadStructure(db, pIds, leadIds);
  const leaves = await programLeaves(db, pIds);
  const log = viewLog(leaves);
  const title = new Map(ps.map((p) => [p.id, p.title]));
  const tasks = st.nodes
    .filter((n) => n.isTask && st.roles.get(n.id)?.lead === u.id)
    .map((n) => ({
      ...taskRow(st, log, n, today),
      programId: n.programId,
      programTitle: title.get(n.programId)!,
    }));
  const onTime = tasks.filter((t) => t.timeliness === 'on_time').length;
  const late = tasks.filter((t) => isLate(t.timeliness)).length;
  // The unit's accepted reports named by the log (public programs only): their `late` flag.
  const versionIds = [
    ...new Set(
      leaves
        .filter((l) => l.statement.kind === 'progress' && l.statement.unit.id === u.id)
        .map((l) => (l.statement as ProgressStatement).reportVersionId),
    ),
  ];
  const versions = versionIds.length
    ? await db
        .select({ id: reportVersions.id, late: reportVersions.late })
        .from(reportVersions)
        .where(and(inArray(reportVersions.id, versionIds), eq(reportVersions.review, 'accepted')))
    : [];
  const lateReports = versions.filter((v) => v.late).length;
  return {
    id: u.id,
    name: u.name,
    tasks,
    onTime,
    late,
    onTimeRate: onTime + late ? Math.round((onTime * 100) / (onTime + late)) : null,
    reports: { accepted: versions.length, onTime: versions.length - lateReports, late: lateReports },
  };
}

/** Every unit leading a task in a public program, with the figures of its unit page, by name. */
export async function listPublicUnits(db: DbOrTx, today: string): Promise<PublicUnitList> {
  const ids = (await publicPrograms(db)).map((p) => p.id);
  if (!ids.length) return { items: [] };
  const st = await loadStructure(db, ids);
  const leaves = await programLeaves(db, ids);
  const log = viewLog(leaves);
  const byUnit = new Map<string, PublicTaskRow[]>();
  for (const n of st.nodes) {
    const lead = n.isTask ? st.roles.get(n.id)?.lead : null;
    if (!lead) continue;
    byUnit.set(lead, [...(byUnit.get(lead) ?? []), taskRow(st, log, n, today)]);
  }
  const versionUnit = new Map<string, string>();
  for (const l of leaves)
    if (l.statement.kind === 'progress') versionUnit.set(l.statement.reportVersionId, l.statement.unit.id);
  const versions = versionUnit.size
    ? await db
        .select({ id: reportVersions.id, late: reportVersions.late })
        .from(reportVersions)
        .where(
          and(inArray(reportVersions.id, [...versionUnit.keys()]), eq(reportVersions.review, 'accepted')),
        )
    : [];
  const reports = new Map<string, { accepted: number; onTime: number; late: number }>();
  for (const v of versions) {
    const u = versionUnit.get(v.id)!;
    const r = reports.get(u) ?? { accepted: 0, onTime: 0, late: 0 };
    r.accepted++;
    if (v.late) r.late++;
    else r.onTime++;
    reports.set(u, r);
  }
  const items = [...byUnit].map(([id, tasks]) => {
    const onTime = tasks.filter((t) => t.timeliness === 'on_time').length;
    const late = tasks.filter((t) => isLate(t.timeliness)).length;
    return {
      id,
      name: st.unitName.get(id) ?? '',
      tasks: tasks.length,
      done: tasks.filter((t) => t.status === 'done').length,
      onTime,
      late,
      onTimeRate: onTime + late ? Math.round((onTime * 100) / (onTime + late)) : null,
      reports: reports.get(id) ?? { accepted: 0, onTime: 0, late: 0 },
    };
  });
  items.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  return { items };
}

/** Tasks and programs whose text matches, ignoring case and diacritics. */
export async function searchPublic(db: DbOrTx, q: string | undefined): Promise<PublicSearchResult> {
  const text = (q ?? '').trim();
  const f = fold(text);
  if (f.length < 2) return { q: text, programs: [], tasks: [] };
  const ps = await publicPrograms(db);
  if (!ps.length) return { q: text, programs: [], tasks: [] };
  const ids = ps.map((p) => p.id);
  const pat = `%${escapeLike(f)}%`;
  const progs = ps.filter(
    (p) => p.searchText.includes(f) || fold(`${p.title} ${p.number ?? ''} ${p.issuer ?? ''}`).includes(f),
  );
  const nodes = await db
    .select({
      id: programNodes.id,
      programId: programNodes.programId,
      label: programNodes.label,
      title: programNodes.title,
      text: programNodes.text,
    })
    .from(programNodes)
    .where(
      and(
        inArray(programNodes.programId, ids),
        eq(programNodes.isTask, true),
        like(programNodes.searchText, pat),
      ),
    )
    .orderBy(asc(programNodes.programId), asc(programNodes.position))
    .limit(100);
  const leads = nodes.length
    ? await db
        .select({ nodeId: taskUnits.nodeId, id: units.id, name: units.name })
        .from(taskUnits)
        .innerJoin(units, eq(units.id, taskUnits.unitId))
        .where(
          and(
            inArray(
              taskUnits.nodeId,
              nodes.map((n) => n.id),
            ),
            eq(taskUnits.role, 'lead'),
          ),
        )
    : [];
  const leadOf = new Map(leads.map((l) => [l.nodeId, { id: l.id, name: l.name }]));
  const title = new Map(ps.map((p) => [p.id, p.title]));
  return {
    q: text,
    programs: progs.map(programRefOf),
    tasks: nodes.map((n) => ({
      id: n.id,
      label: n.label,
      title: taskTitle(n),
      programId: n.programId,
      programTitle: title.get(n.programId)!,
      leadUnit: leadOf.get(n.id) ?? null,
    })),
  };
}

/** The public programs' ids and titles (for the open data page). */
export async function publicProgramRefs(db: DbOrTx): Promise<PublicProgramRef[]> {
  return (await publicPrograms(db)).reverse().map(programRefOf);
}

/**
 * An evidence file a public leaf names and whose latest state in the log is public, with its bytes;
 * else 404 (an internal file, a file of a program not public, an unknown hash).
 */
export async function getPublicFile(
  db: DbOrTx,
  sha256: string,
): Promise<{ file: LeafFile; content: Buffer; at: Date }> {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw notFound();
  const ids = (await publicPrograms(db)).map((p) => p.id);
  if (!ids.length) throw notFound();
  const rows = await db
    .select({ idx: transparencyLeaves.idx, at: transparencyLeaves.at, leaf: transparencyLeaves.leaf })
    .from(transparencyLeaves)
    .where(
      and(
        inArray(transparencyLeaves.programId, ids),
        inArray(transparencyLeaves.kind, ['progress', 'evidence']),
        like(transparencyLeaves.leaf, `%${sha256}%`),
      ),
    )
    .orderBy(asc(transparencyLeaves.idx));
  let state: { file: LeafFile; public: boolean; at: Date } | null = null;
  for (const r of rows) {
    const s = parseLeaf(r.leaf)?.statement;
    if (s?.kind === 'progress') {
      const f = s.evidence.find((e) => e.sha256 === sha256);
      if (f) state = { file: f, public: true, at: r.at };
    } else if (s?.kind === 'evidence' && s.file.sha256 === sha256) {
      state = { file: s.file, public: s.public, at: r.at };
    }
  }
  if (!state?.public) throw notFound();
  const [f] = await db.select({ content: files.content }).from(files).where(eq(files.sha256, sha256));
  if (!f) throw notFound();
  return { file: state.file, content: Buffer.from(f.content), at: state.at };
}

export interface FeedEntry {
  idx: number;
  at: Date;
  /** The leaf hash (hex): a stable, global id of the entry. */
  hash: string;
  /** The task statement, when the leaf is about a task. */
  s: ProgressStatement | EvidenceStatement | null;
  text: string;
}

/** The leaves of one program for its changes feed, newest first. */
export async function programFeed(
  db: DbOrTx,
  id: string,
  limit = 100,
): Promise<{ program: PublicProgramRef; entries: FeedEntry[] }> {
  const p = await publicProgramOr404(db, id);
  const rows = await db
    .select({
      idx: transparencyLeaves.idx,
      at: transparencyLeaves.at,
      hash: transparencyLeaves.hash,
      leaf: transparencyLeaves.leaf,
    })
    .from(transparencyLeaves)
    .where(eq(transparencyLeaves.programId, p.id))
    .orderBy(sql`${transparencyLeaves.idx} desc`)
    .limit(limit);
  return {
    program: programRefOf(p),
    entries: rows.map((r) => {
      const c = parseLeaf(r.leaf);
      const s = c?.statement;
      return {
        idx: r.idx,
        at: r.at,
        hash: r.hash,
        s: s && (s.kind === 'progress' || s.kind === 'evidence') ? s : null,
        text: s ? feedTitle(s) : `Mục số ${r.idx} của sổ công khai`,
      };
    }),
  };
}

/** A feed entry's title in Vietnamese. */
function feedTitle(s: NonNullable<ReturnType<typeof parseLeaf>>['statement']): string {
  switch (s.kind) {
    case 'progress': {
      const pct = s.percent === null ? '' : ` (${s.percent}%)`;
      return `Nhiệm vụ ${s.task.label}: ${s.statusLabel}${pct} — báo cáo kỳ ${s.period.label} của ${s.unit.name} được chấp nhận`;
    }
    case 'evidence':
      return `Nhiệm vụ ${s.task.label}: tệp minh chứng “${s.file.filename}” ${s.public ? 'được công khai' : 'thôi công khai'} bởi ${s.unit.name}`;
    case 'program':
      return s.public
        ? `Chương trình được công khai (${s.taskCount} nhiệm vụ)`
        : 'Chương trình thôi công khai';
    case 'document':
      return s.public ? `Công bố tài liệu: ${s.title}` : `Thôi công bố tài liệu: ${s.title}`;
  }
}
