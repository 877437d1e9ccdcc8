/**
 * Form values of an assignment (dates as dayjs, a kind switch for the deadline and the focal person)
 * and their conversion to and from the API's shapes.
 */
import dayjs from '../../lib/dayjs';
import type { Dayjs } from 'dayjs';
import type { Deadline, Focal, Product, ProductKind, Recurrence } from '../../shared/assignment';
import type { AssignmentInput, BaselineEntry, TaskSuggestion, TaskView } from './api';

export const DATE_FORMAT = 'DD/MM/YYYY';

export type DeadlineKind = 'none' | Deadline['kind'];

export interface DeadlineValues {
  kind: DeadlineKind;
  date?: Dayjs | null;
  range?: [Dayjs | null, Dayjs | null] | null;
  label?: string;
  recurrence?: Recurrence;
  firstDue?: Dayjs | null;
}

export type FocalMode = 'none' | 'user' | 'manual';

export interface FocalValues {
  mode: FocalMode;
  userId?: string | null;
  name?: string;
  position?: string;
  phone?: string;
}

export interface ProductValues {
  kind: ProductKind;
  description?: string;
  dueDate?: Dayjs | null;
  hasIndicator?: boolean;
  indicator?: { name?: string; target?: number | null; unit?: string };
}

export interface AssignmentValues {
  leadUnitId: string | null;
  cooperatingUnitIds: string[];
  focal: FocalValues;
  deadline: DeadlineValues;
  products: ProductValues[];
  reason?: string;
}

export const toDay = (iso: string | null | undefined): Dayjs | null => (iso ? dayjs(iso) : null);
export const toIso = (d: Dayjs | null | undefined): string | null => (d ? d.format('YYYY-MM-DD') : null);

/**
 * PostgreSQL stores JSON objects with their keys ordered by length, then bytewise; the server compares
 * saved and submitted values as JSON text, so values are sent in that order to be seen as unchanged.
 */
export function jsonbOrdered<T>(v: T): T {
  if (Array.isArray(v)) return v.map(jsonbOrdered) as T;
  if (v && typeof v === 'object') {
    const keys = Object.keys(v).sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(keys.map((k) => [k, jsonbOrdered((v as Record<string, unknown>)[k])])) as T;
  }
  return v;
}

/** Equal as data, whatever the order of object keys. */
export function sameData(a: unknown, b: unknown): boolean {
  return JSON.stringify(jsonbOrdered(a ?? null)) === JSON.stringify(jsonbOrdered(b ?? null));
}

export function deadlineToValues(d: Deadline | null | undefined): DeadlineValues {
  if (!d) return { kind: 'none' };
  switch (d.kind) {
    case 'date':
      return { kind: 'date', date: toDay(d.date) };
    case 'period':
      return { kind: 'period', label: d.label, range: [toDay(d.start), toDay(d.end)] };
    case 'recurrence':
      return { kind: 'recurrence', recurrence: d.recurrence, firstDue: toDay(d.firstDue) };
  }
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** A name for a period when none is typed: "Năm 2027", "Quý II/2027", "Giai đoạn 2026-2030", or the dates. */
export function periodLabel(start: Dayjs, end: Dayjs): string {
  const y1 = start.year();
  const y2 = end.year();
  const startsYear = start.month() === 0 && start.date() === 1;
  const endsYear = end.month() === 11 && end.date() === 31;
  if (startsYear && endsYear) return y1 === y2 ? `Năm ${y1}` : `Giai đoạn ${y1}-${y2}`;
  if (y1 === y2 && start.date() === 1 && start.month() % 3 === 0 && end.month() === start.month() + 2) {
    if (end.date() === end.daysInMonth()) return `Quý ${ROMAN[start.month() / 3]}/${y1}`;
  }
  return `Từ ${start.format(DATE_FORMAT)} đến ${end.format(DATE_FORMAT)}`;
}

/** The deadline typed in the form, or null (an incomplete one is caught by the form's rules). */
export function valuesToDeadline(v: DeadlineValues | undefined): Deadline | null {
  if (!v || v.kind === 'none') return null;
  if (v.kind === 'date') return v.date ? jsonbOrdered({ kind: 'date', date: toIso(v.date)! }) : null;
  if (v.kind === 'period') {
    const [s, e] = v.range ?? [null, null];
    if (!s || !e) return null;
    const label = v.label?.trim() || periodLabel(s, e);
    return jsonbOrdered({ kind: 'period', label, start: toIso(s)!, end: toIso(e)! });
  }
  if (!v.recurrence || !v.firstDue) return null;
  return jsonbOrdered({ kind: 'recurrence', recurrence: v.recurrence, firstDue: toIso(v.firstDue)! });
}

export function focalToValues(f: Focal | null | undefined): FocalValues {
  if (!f) return { mode: 'none' };
  return {
    mode: f.userId ? 'user' : 'manual',
    userId: f.userId,
    name: f.name ?? '',
    position: f.position ?? '',
    phone: f.phone ?? '',
  };
}

const trimOrNull = (s: string | null | undefined) => (s ?? '').trim() || null;

/** In the order the server builds it (user, name, position, phone), for the same reason as jsonbOrdered. */
export function valuesToFocal(v: FocalValues | undefined, userName?: (id: string) => string | undefined) {
  if (!v || v.mode === 'none') return null;
  if (v.mode === 'user') {
    if (!v.userId) return null;
    return {
      userId: v.userId,
      name: trimOrNull(v.name) ?? userName?.(v.userId) ?? null,
      position: trimOrNull(v.position),
      phone: trimOrNull(v.phone),
    };
  }
  const name = trimOrNull(v.name);
  if (!name) return null;
  return { userId: null, name, position: trimOrNull(v.position), phone: trimOrNull(v.phone) };
}

export function productToValues(p: Product): ProductValues {
  return {
    kind: p.kind,
    description: p.description,
    dueDate: toDay(p.dueDate),
    hasIndicator: !!p.indicator,
    indicator: p.indicator ?? { name: '', target: null, unit: '' },
  };
}

/** Products in the server's own key order (kind, description, due date, indicator). */
export function valuesToProducts(list: ProductValues[] | undefined): Product[] {
  return (list ?? [])
    .filter((p) => p && (p.description ?? '').trim())
    .map((p) => ({
      kind: p.kind,
      description: (p.description ?? '').trim(),
      dueDate: toIso(p.dueDate),
      indicator:
        p.hasIndicator && p.indicator?.name?.trim()
          ? jsonbOrdered({
              name: p.indicator.name.trim(),
              target: Number(p.indicator.target ?? 0),
              unit: (p.indicator.unit ?? '').trim(),
            })
          : null,
    }));
}

/** The form's starting values: the saved assignment, with empty parts filled from a suggestion if given. */
export function taskToValues(t: TaskView, suggestion?: TaskSuggestion | null): AssignmentValues {
  const lead = t.leadUnitId ?? suggestion?.lead?.unitId ?? null;
  const coop =
    t.cooperatingUnitIds.length > 0
      ? t.cooperatingUnitIds
      : (suggestion?.cooperating ?? []).map((c) => c.unitId).filter((u) => u !== lead);
  return {
    leadUnitId: lead,
    cooperatingUnitIds: coop,
    focal: focalToValues(t.focal),
    deadline: deadlineToValues(t.deadline ?? suggestion?.deadline?.deadline ?? null),
    products: t.products.map(productToValues),
    reason: '',
  };
}

export function valuesToInput(
  v: AssignmentValues,
  version: number,
  userName?: (id: string) => string | undefined,
): AssignmentInput {
  return {
    version,
    leadUnitId: v.leadUnitId ?? null,
    cooperatingUnitIds: (v.cooperatingUnitIds ?? []).filter((u) => u !== v.leadUnitId),
    focal: valuesToFocal(v.focal, userName),
    deadline: valuesToDeadline(v.deadline),
    products: valuesToProducts(v.products),
    reason: v.reason?.trim() || null,
  };
}

/** A focal person with empty texts as null (the server may store either). */
function normalFocal(f: Focal | null | undefined): Focal | null {
  if (!f) return null;
  const t = (x: string | null | undefined) => (x ?? '').trim() || null;
  return { userId: f.userId ?? null, name: t(f.name), position: t(f.position), phone: t(f.phone) };
}

/**
 * Parts the form leaves as they are are sent exactly as the server gave them: it compares saved and
 * submitted values as JSON text, so an equal value written differently would count as a change (and,
 * once the program is implementing, as an adjustment needing a reason).
 */
export function keepSaved(
  t: Pick<TaskView, 'deadline' | 'products' | 'focal'>,
  input: AssignmentInput,
): AssignmentInput {
  return {
    ...input,
    deadline: sameData(t.deadline, input.deadline) ? t.deadline : input.deadline,
    products: sameData(t.products, input.products) ? t.products : input.products,
    focal: sameData(normalFocal(t.focal), normalFocal(input.focal)) ? t.focal : input.focal,
  };
}

export type ChangedPart = 'lead' | 'cooperating' | 'deadline' | 'products' | 'focal';

/** What the form changes compared with the saved assignment. */
export function changedParts(
  t: Pick<TaskView, 'leadUnitId' | 'cooperatingUnitIds' | 'deadline' | 'products' | 'focal'>,
  input: AssignmentInput,
): ChangedPart[] {
  const out: ChangedPart[] = [];
  if ((t.leadUnitId ?? null) !== input.leadUnitId) out.push('lead');
  if ([...t.cooperatingUnitIds].sort().join() !== [...input.cooperatingUnitIds].sort().join())
    out.push('cooperating');
  if (!sameData(t.deadline, input.deadline)) out.push('deadline');
  if (!sameData(t.products, input.products)) out.push('products');
  if (!sameData(normalFocal(t.focal), normalFocal(input.focal))) out.push('focal');
  return out;
}

/** The parts of the assignment that differ from the baseline frozen at "Triển khai". */
export function baselineChanges(
  base: BaselineEntry,
  t: Pick<TaskView, 'leadUnitId' | 'cooperatingUnitIds' | 'deadline' | 'products'>,
): ('lead' | 'cooperating' | 'deadline' | 'products')[] {
  return changedParts({ ...t, focal: null }, { ...base, version: 0, focal: null }).filter(
    (c): c is 'lead' | 'cooperating' | 'deadline' | 'products' => c !== 'focal',
  );
}
