/**
 * A task's assignment and the "5 rõ" it must make clear: rõ người (the lead unit), rõ việc (what is to
 * be done), rõ đầu mối (a focal person), rõ tiến độ (a deadline), rõ hiệu quả (an expected product).
 * Pure: the rules and the meter, no I/O.
 */

export const RECURRENCES = ['yearly', 'half-yearly', 'quarterly', 'monthly', 'continuous'] as const;
export type Recurrence = (typeof RECURRENCES)[number];

export const RECURRENCE_LABELS: Record<Recurrence, string> = {
  yearly: 'Hằng năm',
  'half-yearly': '6 tháng',
  quarterly: 'Hằng quý',
  monthly: 'Hằng tháng',
  continuous: 'Thường xuyên',
};

/** A deadline: one date, a period (a year, a quarter, a range) ending on a date, or a recurrence. */
export type Deadline =
  | { kind: 'date'; date: string }
  | { kind: 'period'; label: string; start: string; end: string }
  | { kind: 'recurrence'; recurrence: Recurrence; firstDue: string };

export const PRODUCT_KINDS = [
  'plan',
  'decision',
  'report',
  'scheme',
  'draft_law',
  'conference',
  'other',
] as const;
export type ProductKind = (typeof PRODUCT_KINDS)[number];

export const PRODUCT_KIND_LABELS: Record<ProductKind, string> = {
  plan: 'Kế hoạch',
  decision: 'Quyết định',
  report: 'Báo cáo',
  scheme: 'Đề án',
  draft_law: 'Dự thảo văn bản quy phạm pháp luật',
  conference: 'Hội nghị',
  other: 'Khác',
};

export interface Product {
  kind: ProductKind;
  description: string;
  dueDate: string | null;
  indicator?: { name: string; target: number; unit: string } | null;
}

export interface Focal {
  userId: string | null;
  name: string | null;
  position: string | null;
  phone: string | null;
}

export interface AssignmentState {
  text: string;
  leadUnitId: string | null;
  cooperatingUnitIds: string[];
  focal: Focal | null;
  deadline: Deadline | null;
  products: Product[];
}

export const FIVE_CLEAR = ['nguoi', 'viec', 'dauMoi', 'tienDo', 'hieuQua'] as const;
export type Clear = (typeof FIVE_CLEAR)[number];

export const FIVE_CLEAR_LABELS: Record<Clear, string> = {
  nguoi: 'Rõ người (cơ quan chủ trì)',
  viec: 'Rõ việc (nội dung)',
  dauMoi: 'Rõ đầu mối (người phụ trách)',
  tienDo: 'Rõ tiến độ (thời hạn)',
  hieuQua: 'Rõ hiệu quả (sản phẩm)',
};

export type TaskMeter = Record<Clear, boolean>;

/** Which of the "5 rõ" a task makes clear. */
export function taskMeter(a: AssignmentState): TaskMeter {
  const focal = a.focal;
  return {
    nguoi: a.leadUnitId !== null,
    viec: a.text.trim().split(/\s+/).length >= 4,
    dauMoi:
      !!focal &&
      (focal.userId !== null ||
        (!!focal.name?.trim() && (!!focal.phone?.trim() || !!focal.position?.trim()))),
    tienDo: a.deadline !== null,
    hieuQua: a.products.some((p) => p.description.trim() !== ''),
  };
}

export interface MeterSummary {
  tasks: number;
  complete: number;
  /** Per criterion: how many tasks make it clear. */
  clear: Record<Clear, number>;
  /** Share of all criteria over all tasks that are clear, 0..1. */
  score: number;
}

export function summarize(meters: TaskMeter[]): MeterSummary {
  const clear = Object.fromEntries(FIVE_CLEAR.map((c) => [c, meters.filter((m) => m[c]).length])) as Record<
    Clear,
    number
  >;
  const total = meters.length * FIVE_CLEAR.length;
  return {
    tasks: meters.length,
    complete: meters.filter((m) => FIVE_CLEAR.every((c) => m[c])).length,
    clear,
    score: total === 0 ? 0 : FIVE_CLEAR.reduce((n, c) => n + clear[c], 0) / total,
  };
}

export function missing(m: TaskMeter): Clear[] {
  return FIVE_CLEAR.filter((c) => !m[c]);
}

/** The last day a deadline allows: the date, the end of the period, or the first due date. */
export function dueDate(d: Deadline): string {
  return d.kind === 'date' ? d.date : d.kind === 'period' ? d.end : d.firstDue;
}

const ISO = /^(19|20|21)\d{2}-\d{2}-\d{2}$/;

/** A real calendar day in yyyy-mm-dd form between 1900 and 2199 (not 2026-02-30, not 0000-01-01). */
export function isIsoDate(s: string): boolean {
  if (!ISO.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export type AssignmentProblem =
  | { code: 'ASSIGN_LEAD_IS_COOPERATING'; unitId: string }
  | { code: 'ASSIGN_DUPLICATE_COOPERATING'; unitId: string }
  | { code: 'ASSIGN_DEADLINE_INVALID' }
  | { code: 'ASSIGN_DEADLINE_BEFORE_PROGRAM'; programDate: string; due: string }
  | { code: 'ASSIGN_PRODUCT_INVALID'; index: number };

/** Checks an assignment against the program's date; returns every problem, not only the first. */
export function checkAssignment(a: AssignmentState, programDate: string | null): AssignmentProblem[] {
  const out: AssignmentProblem[] = [];
  if (a.leadUnitId && a.cooperatingUnitIds.includes(a.leadUnitId))
    out.push({ code: 'ASSIGN_LEAD_IS_COOPERATING', unitId: a.leadUnitId });
  const seen = new Set<string>();
  for (const u of a.cooperatingUnitIds) {
    if (seen.has(u)) out.push({ code: 'ASSIGN_DUPLICATE_COOPERATING', unitId: u });
    seen.add(u);
  }
  if (a.deadline) {
    const d = a.deadline;
    const dates = d.kind === 'date' ? [d.date] : d.kind === 'period' ? [d.start, d.end] : [d.firstDue];
    if (!dates.every(isIsoDate) || (d.kind === 'period' && d.start > d.end)) {
      out.push({ code: 'ASSIGN_DEADLINE_INVALID' });
    } else if (programDate && dueDate(d) < programDate) {
      out.push({ code: 'ASSIGN_DEADLINE_BEFORE_PROGRAM', programDate, due: dueDate(d) });
    }
  }
  a.products.forEach((p, index) => {
    if (
      !p.description.trim() ||
      (p.dueDate && !isIsoDate(p.dueDate)) ||
      (p.indicator && !(p.indicator.target >= 0))
    ) {
      out.push({ code: 'ASSIGN_PRODUCT_INVALID', index });
    }
  });
  return out;
}

/**
 * Turns what the importer read ("2025", "2023-Q2", "2022/2030", "yearly", "yearly:12-31", a date) into a deadline. A
 * recurrence's first due date falls after `notBefore` (the later of the program's date and its
 * implementation date, or today before Triển khai).
 */
export function deadlineFromTime(
  t: { kind: string; value: string },
  notBefore: string | null,
): Deadline | null {
  const v = t.value;
  if (t.kind === 'date' && ISO.test(v)) return { kind: 'date', date: v };
  if (t.kind === 'year' && /^\d{4}$/.test(v))
    return { kind: 'period', label: `Năm ${v}`, start: `${v}-01-01`, end: `${v}-12-31` };
  if (t.kind === 'month') {
    const m = /^(\d{4})-(\d{2})$/.exec(v);
    if (m) {
      const last = new Date(Date.UTC(+m[1]!, +m[2]!, 0)).getUTCDate();
      return {
        kind: 'period',
        label: `Tháng ${+m[2]!}/${m[1]}`,
        start: `${v}-01`,
        end: `${v}-${String(last).padStart(2, '0')}`,
      };
    }
  }
  if (t.kind === 'quarter') {
    const m = /^(\d{4})-Q([1-4])$/.exec(v);
    if (m) {
      const q = +m[2]!;
      const endMonth = q * 3;
      const last = new Date(Date.UTC(+m[1]!, endMonth, 0)).getUTCDate();
      return {
        kind: 'period',
        label: `Quý ${['I', 'II', 'III', 'IV'][q - 1]}/${m[1]}`,
        start: `${m[1]}-${String(endMonth - 2).padStart(2, '0')}-01`,
        end: `${m[1]}-${String(endMonth).padStart(2, '0')}-${last}`,
      };
    }
  }
  if (t.kind === 'range') {
    const m = /^(\d{4})\/(\d{4})$/.exec(v);
    if (m)
      return {
        kind: 'period',
        label: `Giai đoạn ${m[1]}-${m[2]}`,
        start: `${m[1]}-01-01`,
        end: `${m[2]}-12-31`,
      };
  }
  // "trước ngày 31/12 hằng năm" → "yearly:12-31": every year on that day.
  const yearlyOn = t.kind === 'recurrence' ? /^yearly:(\d{2})-(\d{2})$/.exec(v) : null;
  if (yearlyOn) {
    const from = notBefore ?? new Date().toISOString().slice(0, 10);
    let year = +from.slice(0, 4);
    const on = (y: number) => {
      // 29/02 falls on 28/02 in a common year.
      const last = new Date(Date.UTC(y, +yearlyOn[1]!, 0)).getUTCDate();
      return `${y}-${yearlyOn[1]}-${String(Math.min(+yearlyOn[2]!, last)).padStart(2, '0')}`;
    };
    if (on(year) <= from) year++;
    return { kind: 'recurrence', recurrence: 'yearly', firstDue: on(year) };
  }
  if (t.kind === 'recurrence' && (RECURRENCES as readonly string[]).includes(v)) {
    const from = notBefore ?? new Date().toISOString().slice(0, 10);
    return {
      kind: 'recurrence',
      recurrence: v as Recurrence,
      firstDue: firstDueAfter(v as Recurrence, from),
    };
  }
  return null;
}

/** The months and day a recurrence falls due: yearly on 15/12, half-yearly 15/6 and 15/12, quarterly the 15th of a quarter's last month, monthly and "thường xuyên" the 25th. */
const DUE_DAYS: Record<Recurrence, { months: number[]; day: number }> = {
  yearly: { months: [12], day: 15 },
  'half-yearly': { months: [6, 12], day: 15 },
  quarterly: { months: [3, 6, 9, 12], day: 15 },
  monthly: { months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], day: 25 },
  continuous: { months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], day: 25 },
};

/** The first due day of a recurrence strictly after `from` (yyyy-mm-dd). */
export function firstDueAfter(r: Recurrence, from: string): string {
  const { months, day } = DUE_DAYS[r];
  for (let year = +from.slice(0, 4); ; year++) {
    for (const m of months) {
      const d = `${year}-${String(m).padStart(2, '0')}-${day}`;
      if (d > from) return d;
    }
  }
}

/** The tasks whose last allowed day is already before `today`: Triển khai warns about them. */
export function pastDeadlines<T extends { dueDate: string | null }>(tasks: T[], today: string): T[] {
  return tasks.filter((t) => t.dueDate !== null && t.dueDate < today);
}

/** dd/mm/yyyy from yyyy-mm-dd. */
export function viDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** A deadline as an official writes it: "30/6/2026", "Quý II/2026", "Hằng năm (lần đầu 15/12/2026)". */
export function formatDeadline(d: Deadline | null): string {
  if (!d) return '';
  if (d.kind === 'date') return viDate(d.date);
  if (d.kind === 'period') return d.label;
  return `${RECURRENCE_LABELS[d.recurrence]} (lần đầu ${viDate(d.firstDue)})`;
}

/** A task with its assignment and meter, as the API returns it. */
export interface TaskView {
  nodeId: string;
  programId: string;
  label: string;
  text: string;
  groupId: string | null;
  groupLabel: string | null;
  groupTitle: string | null;
  leadUnitId: string | null;
  cooperatingUnitIds: string[];
  focal: Focal | null;
  deadline: Deadline | null;
  /** yyyy-mm-dd: the last day the deadline allows. */
  dueDate: string | null;
  products: Product[];
  meter: TaskMeter;
  missing: Clear[];
  version: number;
  updatedAt: string;
}
