/**
 * A unit's periodic report: one entry per task it carries (status from the official grid, percent,
 * results, products, evidence, obstacles, proposals), the checks a draft and a submission must pass,
 * evidence file types recognised by content, and the reminder schedule of a period. Pure.
 */
import type { ReportingRules } from './periods.js';

export interface ReportProduct {
  description: string;
  /** Document number and date ("125/QĐ-UBND", "2026-03-02"), or a link. */
  number: string | null;
  date: string | null;
  link: string | null;
}

export interface EvidenceRef {
  sha256: string;
  filename: string;
  size: number;
  mime: string;
}

export interface ReportEntry {
  status: string | null;
  percent: number | null;
  results: string;
  products: ReportProduct[];
  evidence: EvidenceRef[];
  obstacles: string;
  proposals: string;
  /** Why a task is paused or no longer appropriate. */
  reason: string;
  /** The day a "done" task was completed (defaults to the submission day). */
  completedOn: string | null;
}

export interface ReportGeneral {
  summary: string;
  obstacles: string;
  proposals: string;
  nextSteps: string;
}

export interface ReportContent {
  general: ReportGeneral;
  entries: Record<string, ReportEntry>;
}

/**
 * A report as a unit sends it (a draft being saved): any field of the general part or of an entry,
 * and a product's number, date and link, may be left out; `completeContent` fills them in.
 */
export type ReportProductInput = Pick<ReportProduct, 'description'> &
  Partial<Omit<ReportProduct, 'description'>>;
export type ReportEntryInput = Partial<Omit<ReportEntry, 'products'>> & { products?: ReportProductInput[] };
export interface ReportContentInput {
  general?: Partial<ReportGeneral>;
  entries: Record<string, ReportEntryInput>;
}

/** Where a unit's report of a period stands (the obligation's status). */
export const REPORT_STATUSES = ['not_started', 'drafting', 'submitted', 'returned', 'accepted'] as const;
/** The statuses in which the unit may still save and submit. */
export const EDITABLE_STATUSES = ['not_started', 'drafting', 'returned'] as const;
/** The monitor's decision on a submitted version. */
export const REVIEW_STATES = ['pending', 'accepted', 'returned'] as const;
/** A reporting period takes reports while open. */
export const PERIOD_STATUSES = ['open', 'closed'] as const;

/** A stored value read back as one of `list` (the database's check constraints allow no other). */
export function oneOf<T extends string>(list: readonly T[], value: string): T {
  const found = list.find((x) => x === value);
  if (found === undefined) throw new Error(`Unexpected value "${value}", expected one of ${list.join(', ')}`);
  return found;
}

export type TaskRole = 'lead' | 'cooperating';

export interface CarriedTask {
  nodeId: string;
  role: TaskRole;
}

export interface EntryProblem {
  nodeId: string | null;
  code:
    | 'REPORT_STATUS_UNKNOWN'
    | 'REPORT_PERCENT_OUT_OF_RANGE'
    | 'REPORT_REASON_REQUIRED'
    | 'REPORT_DONE_NEEDS_RESULT'
    | 'REPORT_TASK_NOT_CARRIED'
    | 'REPORT_INCOMPLETE';
  message: string;
}

export function emptyEntry(): ReportEntry {
  return {
    status: null,
    percent: null,
    results: '',
    products: [],
    evidence: [],
    obstacles: '',
    proposals: '',
    reason: '',
    completedOn: null,
  };
}

export function emptyContent(): ReportContent {
  return { general: { summary: '', obstacles: '', proposals: '', nextSteps: '' }, entries: {} };
}

/** An entry with every field present: those left out take their empty value. */
export function completeEntry(e: ReportEntryInput): ReportEntry {
  return {
    status: e.status ?? null,
    percent: e.percent ?? null,
    results: e.results ?? '',
    products: (e.products ?? []).map((p) => ({
      description: p.description,
      number: p.number ?? null,
      date: p.date ?? null,
      link: p.link ?? null,
    })),
    evidence: e.evidence ?? [],
    obstacles: e.obstacles ?? '',
    proposals: e.proposals ?? '',
    reason: e.reason ?? '',
    completedOn: e.completedOn ?? null,
  };
}

/** A report with every field present, so stored and returned content always has the full shape. */
export function completeContent(c: ReportContentInput | null | undefined): ReportContent {
  const g = c?.general;
  const entries: Record<string, ReportEntry> = {};
  for (const [k, v] of Object.entries(c?.entries ?? {})) entries[k] = completeEntry(v);
  return {
    general: {
      summary: g?.summary ?? '',
      obstacles: g?.obstacles ?? '',
      proposals: g?.proposals ?? '',
      nextSteps: g?.nextSteps ?? '',
    },
    entries,
  };
}

/**
 * What a check asks of an entry: a `draft` only that it is valid (a known status, a percent from 0 to
 * 100), since a draft may be unfinished; a `submission` also that it is complete (a reason where the
 * status needs one, a result or a product for a done task).
 */
export type CheckMode = 'draft' | 'submission';

/** Checks one entry (for drafts and submissions). Empty and unfinished entries are fine in a draft. */
export function checkEntry(
  rules: ReportingRules,
  nodeId: string,
  e: ReportEntry,
  mode: CheckMode = 'submission',
): EntryProblem[] {
  const out: EntryProblem[] = [];
  if (e.percent !== null && (!Number.isInteger(e.percent) || e.percent < 0 || e.percent > 100)) {
    out.push({
      nodeId,
      code: 'REPORT_PERCENT_OUT_OF_RANGE',
      message: `Tỷ lệ hoàn thành phải là số nguyên từ 0 đến 100 (nhận được ${e.percent})`,
    });
  }
  if (e.status === null) return out;
  const s = rules.statuses[e.status];
  if (!s) {
    out.push({
      nodeId,
      code: 'REPORT_STATUS_UNKNOWN',
      message: `Trạng thái "${e.status}" không có trong danh mục`,
    });
    return out;
  }
  if (mode === 'draft') return out;
  if (s.needsReason && !e.reason.trim()) {
    out.push({
      nodeId,
      code: 'REPORT_REASON_REQUIRED',
      message: `Trạng thái "${s.label}" cần nêu lý do`,
    });
  }
  if (e.status === 'done' && !e.results.trim() && e.products.length === 0) {
    out.push({
      nodeId,
      code: 'REPORT_DONE_NEEDS_RESULT',
      message: 'Nhiệm vụ "Đã hoàn thành" phải có kết quả đạt được hoặc ít nhất một sản phẩm',
    });
  }
  return out;
}

/** Checks every entry of a report: it is valid, and on one of the tasks the unit carries. */
export function checkEntries(
  rules: ReportingRules,
  content: ReportContent,
  tasks: readonly { nodeId: string }[],
  mode: CheckMode = 'submission',
): EntryProblem[] {
  const carried = new Set(tasks.map((t) => t.nodeId));
  const out: EntryProblem[] = [];
  for (const [nodeId, e] of Object.entries(content.entries)) {
    if (!carried.has(nodeId)) {
      out.push({
        nodeId,
        code: 'REPORT_TASK_NOT_CARRIED',
        message: 'Đơn vị không chủ trì hoặc phối hợp nhiệm vụ này trong kỳ',
      });
      continue;
    }
    out.push(...checkEntry(rules, nodeId, e, mode));
  }
  return out;
}

/**
 * Checks a whole report before it is submitted: every entry is valid, every entry is on a task the
 * unit carries, and every task the unit leads has a status. Cooperating units report their
 * contribution where they have one.
 */
export function checkSubmission(
  rules: ReportingRules,
  content: ReportContent,
  tasks: CarriedTask[],
  labels: (nodeId: string) => string,
): EntryProblem[] {
  const out = checkEntries(rules, content, tasks);
  const missing = tasks.filter((t) => t.role === 'lead' && !content.entries[t.nodeId]?.status);
  if (missing.length) {
    out.push({
      nodeId: null,
      code: 'REPORT_INCOMPLETE',
      message: `Chưa báo cáo trạng thái của ${missing.length} nhiệm vụ chủ trì: ${missing
        .slice(0, 10)
        .map((t) => labels(t.nodeId))
        .join(', ')}${missing.length > 10 ? ', …' : ''}`,
    });
  }
  const coopOnly = tasks.every((t) => t.role === 'cooperating');
  if (
    coopOnly &&
    tasks.length > 0 &&
    !Object.values(content.entries).some((e) => e.status || e.results.trim())
  ) {
    out.push({
      nodeId: null,
      code: 'REPORT_INCOMPLETE',
      message: 'Báo cáo phối hợp cần nêu kết quả hoặc trạng thái của ít nhất một nhiệm vụ',
    });
  }
  return out;
}

/** Normalises an entry: "done" means 100 %, a status without a percent takes the default later. */
export function normaliseEntry(e: ReportEntry, submittedOn: string): ReportEntry {
  if (e.status === 'done') return { ...e, percent: 100, completedOn: e.completedOn ?? submittedOn };
  return { ...e, completedOn: null };
}

/** Fields that differ between two versions of an entry, for the comparison view. */
export function diffEntries(a: ReportEntry | undefined, b: ReportEntry | undefined): (keyof ReportEntry)[] {
  const x = a ?? emptyEntry();
  const y = b ?? emptyEntry();
  return (Object.keys(x) as (keyof ReportEntry)[]).filter(
    (k) => JSON.stringify(x[k]) !== JSON.stringify(y[k]),
  );
}

// ---- evidence files ----

/** Recognises an evidence file by its first bytes; returns its type key or null. */
export function sniffFileType(bytes: Uint8Array, filename: string): string | null {
  const b = (i: number) => bytes[i] ?? -1;
  const ext = filename.toLowerCase().split('.').pop() ?? '';
  if (b(0) === 0x25 && b(1) === 0x50 && b(2) === 0x44 && b(3) === 0x46) return 'pdf';
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return 'png';
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'jpeg';
  // Office Open XML is a zip; the extension tells Word from Excel.
  if (b(0) === 0x50 && b(1) === 0x4b && b(2) === 0x03 && b(3) === 0x04) {
    if (ext === 'docx') return 'docx';
    if (ext === 'xlsx') return 'xlsx';
    return null;
  }
  // Legacy Office (OLE compound file).
  if (b(0) === 0xd0 && b(1) === 0xcf && b(2) === 0x11 && b(3) === 0xe0) {
    if (ext === 'doc') return 'doc';
    if (ext === 'xls') return 'xls';
    return null;
  }
  return null;
}

/** The file name extensions that go with each evidence type (the first is the one the server adds). */
export const EVIDENCE_EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  pdf: ['pdf'],
  docx: ['docx'],
  xlsx: ['xlsx'],
  doc: ['doc'],
  xls: ['xls'],
  png: ['png'],
  jpeg: ['jpg', 'jpeg'],
};

/** Human names of the evidence types, for messages. */
export const EVIDENCE_TYPE_NAMES: Readonly<Record<string, string>> = {
  pdf: 'PDF',
  docx: 'Word (.docx)',
  xlsx: 'Excel (.xlsx)',
  doc: 'Word (.doc)',
  xls: 'Excel (.xls)',
  png: 'ảnh PNG',
  jpeg: 'ảnh JPEG',
};

/** The extension of a file name ("x.PDF" → "pdf"), or null when it has none (an ending of digits only is none). */
export function fileExtension(filename: string): string | null {
  const m = /\.([A-Za-z0-9]{1,10})$/.exec(filename.trim());
  if (!m || !/[A-Za-z]/.test(m[1]!)) return null;
  return m[1]!.toLowerCase();
}

/**
 * The name an evidence file of `type` is stored and served under: `filename` when its extension goes
 * with the type, `filename` plus the type's extension when it has none, or `mismatch` (with the
 * extension found) when it names another type (a PDF called "x.hta").
 */
export function evidenceFileName(
  filename: string,
  type: string,
): { ok: true; name: string; ext: string } | { ok: false; ext: string } {
  const allowed = EVIDENCE_EXTENSIONS[type] ?? [type];
  const ext = fileExtension(filename);
  if (ext === null) return { ok: true, name: `${filename}.${allowed[0]!}`, ext: allowed[0]! };
  if (allowed.includes(ext)) return { ok: true, name: filename, ext };
  return { ok: false, ext };
}

/** The evidence type of a stored MIME type (the reverse of the rules' `types`), or null. */
export function evidenceTypeOfMime(types: Readonly<Record<string, string>>, mime: string): string | null {
  return Object.entries(types).find(([, m]) => m === mime)?.[0] ?? null;
}

// ---- dates and reminders ----

/** The calendar day in Vietnam (UTC+7, no daylight saving) at an instant. */
export function vnDate(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** Days from `a` to `b` (ISO dates). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** The instant `offset` days after `date` at `hourLocal` Vietnam time. */
export function reminderInstant(date: string, offset: number, hourLocal: number): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) + offset * 86_400_000 + (hourLocal - 7) * 3_600_000);
}

export interface ReminderSchedule {
  before: number[];
  onDay: boolean;
  everyDaysLate: number;
  escalateAfterDaysLate: number;
}

/**
 * The reminder offsets (days from the deadline) that should exist by `today`: those before the
 * deadline and on the day, the late ones up to the next one after today, never earlier than
 * `everyDaysLate` days ago (older ones were superseded), and whether escalation is due.
 */
export function reminderOffsets(
  s: ReminderSchedule,
  deadline: string,
  today: string,
): { offsets: number[]; escalate: boolean } {
  const late = daysBetween(deadline, today);
  const offsets = new Set<number>();
  for (const d of s.before) if (d > 0) offsets.add(-d);
  if (s.onDay) offsets.add(0);
  if (s.everyDaysLate > 0) {
    for (let d = s.everyDaysLate; d <= Math.max(0, late) + s.everyDaysLate; d += s.everyDaysLate)
      offsets.add(d);
  }
  const floor = late - Math.max(1, s.everyDaysLate);
  const kept = [...offsets].filter((o) => o >= floor).sort((a, b) => a - b);
  return { offsets: kept, escalate: s.escalateAfterDaysLate > 0 };
}
