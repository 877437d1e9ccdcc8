/**
 * The statements of the consolidated report, each derived from the data it speaks of: task counts by
 * status; finished on time or late, unfinished overdue or not yet due (BC 1270/BC-TCTTTg); obstacles
 * and proposals raised in the period, resolved and still open; the placeholders the monitor fills in
 * (shown in the editor, never exported); and the limits every generated section keeps. Pure.
 */
import type { ReportingRules } from './periods.js';
import type { NarrativeBlock, NarrativeSection } from './narrative.js';

/** A task as the report judges it against its baseline deadline. */
export interface JudgedTask {
  status: string;
  baselineDue: string | null;
  completedOn: string | null;
}

/**
 * Where a task stands against its deadline on `asOf` (the report's day, at most the period's end):
 * finished by the deadline or after it; unfinished and past it (overdue) or not yet due.
 */
export type DueState = 'done_on_time' | 'done_late' | 'overdue' | 'not_due' | 'no_deadline';

export const DUE_STATE_LABELS: Record<DueState, string> = {
  done_on_time: 'Hoàn thành đúng hạn',
  done_late: 'Hoàn thành quá hạn',
  overdue: 'Quá hạn',
  not_due: 'Chưa đến hạn',
  no_deadline: 'Không có thời hạn',
};

export function dueState(t: JudgedTask, asOf: string): DueState {
  if (t.status === 'done') {
    if (!t.baselineDue) return 'no_deadline';
    // Reported done without a day: on time if the deadline has not passed yet, else late.
    const on = t.completedOn ?? asOf;
    return on <= t.baselineDue ? 'done_on_time' : 'done_late';
  }
  if (!t.baselineDue) return 'no_deadline';
  return asOf > t.baselineDue ? 'overdue' : 'not_due';
}

export interface TaskFacts {
  /** Tasks counted (those "no longer appropriate" are counted apart, in `excluded`). */
  total: number;
  byStatus: Record<string, number>;
  excluded: number;
  due: Record<DueState, number>;
}

export function taskFacts(rules: ReportingRules, tasks: JudgedTask[], asOf: string): TaskFacts {
  const f: TaskFacts = {
    total: 0,
    byStatus: {},
    excluded: 0,
    due: { done_on_time: 0, done_late: 0, overdue: 0, not_due: 0, no_deadline: 0 },
  };
  for (const t of tasks) {
    if (rules.statuses[t.status]?.excludedFromRollup) {
      f.excluded++;
      continue;
    }
    f.total++;
    f.byStatus[t.status] = (f.byStatus[t.status] ?? 0) + 1;
    f.due[dueState(t, asOf)]++;
  }
  return f;
}

const n = (k: number, what: string) => `${k} ${what}`;
const list = (parts: string[]) => parts.join(', ');

/** "Trong tổng số 12 nhiệm vụ: 3 nhiệm vụ đã hoàn thành, …" — every status with a task, in the rules' order. */
export function countsSentence(rules: ReportingRules, f: TaskFacts): string {
  if (!f.total && !f.excluded) return 'Chương trình chưa có nhiệm vụ nào được giao.';
  const parts = Object.entries(rules.statuses)
    .filter(([s, r]) => !r.excludedFromRollup && f.byStatus[s])
    .map(([s, r]) => n(f.byStatus[s]!, `nhiệm vụ ${r.label.toLocaleLowerCase('vi')}`));
  const excluded = f.excluded
    ? `; ngoài ra, ${n(f.excluded, 'nhiệm vụ không còn phù hợp')}, không tính vào kết quả`
    : '';
  return `Trong tổng số ${n(f.total, 'nhiệm vụ')}${parts.length ? `: ${list(parts)}` : ''}${excluded}.`;
}

/** Finished on time / late, unfinished overdue / not yet due, without a deadline: each from the counts. */
export function timelinessSentence(f: TaskFacts): string {
  const d = f.due;
  const done = d.done_on_time + d.done_late;
  const doneNoDeadline = f.byStatus.done ? (f.byStatus.done ?? 0) - done : 0;
  const out: string[] = [];
  if (done)
    out.push(
      `Trong số nhiệm vụ đã hoàn thành có thời hạn: ${n(d.done_on_time, 'nhiệm vụ hoàn thành đúng hạn')}, ${n(
        d.done_late,
        'nhiệm vụ hoàn thành quá hạn',
      )}.`,
    );
  if (d.overdue + d.not_due)
    out.push(
      `Trong số nhiệm vụ chưa hoàn thành có thời hạn: ${n(d.overdue, 'nhiệm vụ đã quá hạn')}, ${n(
        d.not_due,
        'nhiệm vụ chưa đến hạn',
      )}.`,
    );
  const noDeadline = d.no_deadline;
  if (noDeadline)
    out.push(
      `${n(noDeadline, 'nhiệm vụ')} không có thời hạn${doneNoDeadline ? ` (${doneNoDeadline} đã hoàn thành)` : ''}.`,
    );
  return out.join(' ') || 'Chưa có nhiệm vụ nào để đánh giá tiến độ.';
}

/** An obstacle or proposal as the report counts it. */
export interface RaisedItem {
  kind: 'obstacle' | 'proposal';
  status: string;
  /** Raised in the period the report covers (else earlier, still counted while open). */
  inPeriod: boolean;
}

export interface RaisedFacts {
  /** Raised in the period, whatever their status. */
  raised: number;
  /** Of those, closed. */
  closed: number;
  /** Of those, not closed (open, assigned or answered). */
  open: number;
  /** Raised in earlier periods and not closed. */
  carriedOpen: number;
}

export function raisedFacts(items: RaisedItem[], kind: RaisedItem['kind']): RaisedFacts {
  const f: RaisedFacts = { raised: 0, closed: 0, open: 0, carriedOpen: 0 };
  for (const o of items) {
    if (o.kind !== kind) continue;
    const closed = o.status === 'closed';
    if (o.inPeriod) {
      f.raised++;
      if (closed) f.closed++;
      else f.open++;
    } else if (!closed) f.carriedOpen++;
  }
  return f;
}

const RAISED_WORDS: Record<RaisedItem['kind'], { what: string; none: string }> = {
  obstacle: {
    what: 'khó khăn, vướng mắc',
    none: 'Trong kỳ, các cơ quan, đơn vị không nêu khó khăn, vướng mắc',
  },
  proposal: {
    what: 'đề xuất, kiến nghị',
    none: 'Trong kỳ, các cơ quan, đơn vị không có đề xuất, kiến nghị',
  },
};

/** "Trong kỳ, các cơ quan, đơn vị nêu 3 khó khăn, vướng mắc; đã giải quyết 1, còn 2 đang xử lý." */
export function raisedSentence(kind: RaisedItem['kind'], f: RaisedFacts): string {
  const w = RAISED_WORDS[kind];
  const head = f.raised
    ? `Trong kỳ, các cơ quan, đơn vị nêu ${n(f.raised, w.what)}; đã giải quyết xong ${f.closed}, còn ${f.open} đang xử lý`
    : w.none;
  const carried = f.carriedOpen
    ? `; ngoài ra, còn ${n(f.carriedOpen, w.what)} nêu từ các kỳ trước chưa giải quyết xong`
    : '';
  return `${head}${carried}.`;
}

export const RAISED_STATUS_LABELS: Record<string, string> = {
  open: 'chưa xử lý',
  assigned: 'đang xử lý',
  answered: 'đã trả lời',
  closed: 'đã giải quyết xong',
};

// ---- placeholders: for the monitor to fill in, never exported ----

const PLACEHOLDER_HEAD = '(Cơ quan theo dõi bổ sung';
const PLACEHOLDER_RE = /\(Cơ quan theo dõi bổ sung[^()]*\)/g;

/** A gap the data cannot fill: "(Cơ quan theo dõi bổ sung nguyên nhân ….)". */
export function placeholder(what: string): string {
  return `${PLACEHOLDER_HEAD} ${what}.)`;
}

export function hasPlaceholder(text: string): boolean {
  return text.includes(PLACEHOLDER_HEAD);
}

/** The placeholders still in the sections (for the monitor's notice). */
export function placeholdersIn(sections: NarrativeSection[]): string[] {
  return sections.flatMap((s) => s.blocks.flatMap((b) => b.text.match(PLACEHOLDER_RE) ?? []));
}

/**
 * The sections as exported: placeholders removed, a block left empty dropped, a subheading left with
 * nothing under it dropped, a section emptied by that dropped.
 */
export function exportableSections(sections: NarrativeSection[]): NarrativeSection[] {
  const out: NarrativeSection[] = [];
  for (const s of sections) {
    const blocks: NarrativeBlock[] = [];
    let removed = false;
    for (const b of s.blocks) {
      const text = b.text.replace(PLACEHOLDER_RE, '').replace(/\s+/g, ' ').trim();
      if (text !== b.text.trim()) removed = true;
      if (text) blocks.push({ ...b, text });
    }
    // A subheading followed by another heading or by nothing, once placeholders are gone.
    const kept = removed
      ? blocks.filter((b, i) => {
          if (b.kind !== 'subheading' && b.kind !== 'heading') return true;
          const next = blocks[i + 1];
          return next !== undefined && next.kind !== 'subheading' && next.kind !== 'heading';
        })
      : blocks;
    if (kept.length || !removed) out.push({ heading: s.heading, blocks: kept });
  }
  return out;
}

// ---- limits ----

/** Cuts a text to at most `max` characters at a word boundary, ending it with "…". */
export function fitText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/**
 * Keeps a generated section within the limits the editor saves: each block at most `maxText`
 * characters; at most `maxBlocks` blocks, the bullets beyond them summed up in a last line
 * "… và N nhiệm vụ khác (chi tiết tại Phụ lục)".
 */
export function fitSection(s: NarrativeSection, maxBlocks: number, maxText: number): NarrativeSection {
  let blocks = s.blocks.map((b) => ({ ...b, text: fitText(b.text, maxText) }));
  if (blocks.length > maxBlocks) {
    const kept = blocks.slice(0, maxBlocks - 1);
    const rest = blocks.slice(maxBlocks - 1).filter((b) => b.kind === 'bullet').length;
    blocks = [
      ...kept,
      { kind: 'paragraph', text: `… và ${rest} nhiệm vụ khác (chi tiết tại Phụ lục kèm theo).` },
    ];
  }
  return { heading: s.heading, blocks };
}
