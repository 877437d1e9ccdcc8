/**
 * Progress roll-up: a task's percent (reported, or implied by its status), weighted up to task
 * groups, the program and each unit. Tasks "no longer appropriate" are left out. On time and late are
 * computed against the baseline due date, never edited by hand. Pure.
 */
import type { ReportingRules } from './periods.js';

export interface TaskProgress {
  nodeId: string;
  groupId: string | null;
  leadUnitId: string | null;
  status: string;
  /** Reported percent; when null the status's default percent is used. */
  percent: number | null;
  /** Weight of the task in its group (default 1). */
  weight?: number;
  baselineDue: string | null;
  completedOn: string | null;
}

export interface Rolled {
  percent: number;
  tasks: number;
  done: number;
  /** Done by the baseline due date. */
  onTime: number;
  /** Done after it, or not done and past it. */
  late: number;
  /** Not done and not yet due: not judged. */
  notDue: number;
}

export function effectivePercent(rules: ReportingRules, t: TaskProgress): number | null {
  const s = rules.statuses[t.status];
  if (!s || s.excludedFromRollup) return null;
  if (t.percent !== null) return Math.max(0, Math.min(100, t.percent));
  return s.defaultPercent;
}

/**
 * On time / late for one task on a given day: done by the baseline due date (on time), done after it
 * or not done and past it (late), not done and not yet due (not judged yet).
 */
export function timeliness(t: TaskProgress, today: string): 'on_time' | 'late' | 'not_due' | 'no_deadline' {
  if (!t.baselineDue) return 'no_deadline';
  if (t.status === 'done') return t.completedOn && t.completedOn <= t.baselineDue ? 'on_time' : 'late';
  return today > t.baselineDue ? 'late' : 'not_due';
}

export function rollUp(rules: ReportingRules, tasks: TaskProgress[], today: string): Rolled {
  let wsum = 0;
  let acc = 0;
  const out: Rolled = { percent: 0, tasks: 0, done: 0, onTime: 0, late: 0, notDue: 0 };
  for (const t of tasks) {
    const p = effectivePercent(rules, t);
    if (p === null) continue;
    const w = t.weight ?? 1;
    wsum += w;
    acc += w * p;
    out.tasks++;
    if (t.status === 'done') out.done++;
    const tl = timeliness(t, today);
    if (tl === 'on_time') out.onTime++;
    if (tl === 'late') out.late++;
    if (tl === 'not_due') out.notDue++;
  }
  out.percent = wsum === 0 ? 0 : Math.round((acc / wsum) * 10) / 10;
  return out;
}

/** Groups tasks by a key (task group, lead unit) and rolls each group up. */
export function rollUpBy(
  rules: ReportingRules,
  tasks: TaskProgress[],
  key: (t: TaskProgress) => string | null,
  today: string,
): Map<string | null, Rolled> {
  const groups = new Map<string | null, TaskProgress[]>();
  for (const t of tasks) groups.set(key(t), [...(groups.get(key(t)) ?? []), t]);
  return new Map([...groups].map(([k, v]) => [k, rollUp(rules, v, today)]));
}
