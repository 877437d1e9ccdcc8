/**
 * Problems of a report before it is saved or submitted: the shared checks (the same the server runs),
 * plus what the server's schema would refuse, each placed against its task and field.
 */
import { isApiError } from '../../api/client';
import {
  checkEntry,
  checkSubmission,
  type CarriedTask,
  type EntryProblem,
  type ReportContent,
  type ReportEntry,
  type ReportGeneral,
  type ReportingRules,
} from '../../shared/report';
import type { ProblemDetails, ReportTask } from './api';
import { ENTRY_FIELD_LABELS, GENERAL_FIELD_LABELS } from './labels';
import { LIMITS } from '../../shared/limits';
import { maxCharsMessage } from '../../lib/validation';

/**
 * The server's codes for a report's problems, and those the web adds: a product with no description,
 * a text longer than its limit (the server's schema refuses it with VALIDATION_FAILED).
 */
export type ProblemCode = EntryProblem['code'] | 'PRODUCT_DESCRIPTION_REQUIRED' | 'TEXT_TOO_LONG';

/** An entry's free-text fields and their length limits. */
export type EntryText = 'reason' | 'results' | 'obstacles' | 'proposals';
export const ENTRY_TEXT_MAX: Record<EntryText, number> = {
  reason: LIMITS.entryReason,
  results: LIMITS.entryResults,
  obstacles: LIMITS.entryObstacles,
  proposals: LIMITS.entryProposals,
};

export const GENERAL_LIMITS: Record<keyof ReportGeneral, number> = {
  summary: LIMITS.reportSummary,
  obstacles: LIMITS.reportObstacles,
  proposals: LIMITS.reportProposals,
  nextSteps: LIMITS.reportNextSteps,
};

/** Characters as the server's schema counts them (code points, not UTF-16 units). */
export const charCount = (s: string): number => [...s].length;

/** "Kết quả đạt được tối đa 20.000 ký tự (đang có 20.001 ký tự)", or null when `text` fits. */
export function tooLongMessage(text: string, max: number, label: string): string | null {
  const n = charCount(text);
  return n > max ? `${maxCharsMessage(max, label)} (đang có ${n.toLocaleString('vi-VN')} ký tự)` : null;
}

export interface Problem {
  /** null: the report as a whole. */
  nodeId: string | null;
  code: ProblemCode;
  message: string;
  /** The field to mark, when the problem is about one. */
  field?: keyof ReportEntry;
  /** For a product: its position. */
  index?: number;
}

const FIELD_OF: Partial<Record<ProblemCode, keyof ReportEntry>> = {
  REPORT_STATUS_UNKNOWN: 'status',
  REPORT_PERCENT_OUT_OF_RANGE: 'percent',
  REPORT_REASON_REQUIRED: 'reason',
  REPORT_DONE_NEEDS_RESULT: 'results',
};

function withField(p: { nodeId: string | null; code: ProblemCode; message: string }): Problem {
  const field = FIELD_OF[p.code];
  return field ? { ...p, field } : { ...p };
}

type Mode = 'draft' | 'submission';

/** Checks of one entry: a draft may be unfinished, a submission must be complete (`checkEntry`). */
function entryProblems(rules: ReportingRules, nodeId: string, e: ReportEntry, mode: Mode): Problem[] {
  const out: Problem[] = checkEntry(rules, nodeId, e, mode).map(withField);
  for (const [field, max] of Object.entries(ENTRY_TEXT_MAX) as [EntryText, number][]) {
    const message = tooLongMessage(e[field], max, ENTRY_FIELD_LABELS[field]);
    if (message) out.push({ nodeId, code: 'TEXT_TOO_LONG', message, field });
  }
  e.products.forEach((p, index) => {
    if (!p.description.trim())
      out.push({
        nodeId,
        code: 'PRODUCT_DESCRIPTION_REQUIRED',
        message: `Sản phẩm ${index + 1} chưa có mô tả`,
        field: 'products',
        index,
      });
  });
  return out;
}

/** What refuses a draft: invalid entries and texts over their limits, not unfinished ones. */
export function draftProblems(
  rules: ReportingRules,
  content: ReportContent,
  mode: Mode = 'draft',
): Problem[] {
  const general = (Object.entries(GENERAL_LIMITS) as [keyof ReportGeneral, number][]).flatMap(
    ([k, max]): Problem[] => {
      const message = tooLongMessage(content.general[k], max, GENERAL_FIELD_LABELS[k]);
      return message ? [{ nodeId: null, code: 'TEXT_TOO_LONG', message }] : [];
    },
  );
  return [
    ...Object.entries(content.entries).flatMap(([nodeId, e]) => entryProblems(rules, nodeId, e, mode)),
    ...general,
  ];
}

/**
 * Everything a submission must pass. A lead task without a status is marked on its own card; the
 * shared check's summary line is kept for what is not about one task.
 */
export function submissionProblems(
  rules: ReportingRules,
  content: ReportContent,
  tasks: ReportTask[],
): Problem[] {
  const carried: CarriedTask[] = tasks.map((t) => ({ nodeId: t.nodeId, role: t.role }));
  const labels = new Map(tasks.map((t) => [t.nodeId, t.label]));
  const out: Problem[] = draftProblems(rules, content, 'submission');
  const missing = tasks.filter((t) => t.role === 'lead' && !content.entries[t.nodeId]?.status);
  // The shared check sums up the lead tasks without a status in one line; they are marked on their
  // cards instead. Its other whole-report rule (a cooperating-only report) cannot apply then.
  const whole = missing.length
    ? []
    : checkSubmission(rules, content, carried, (n) => labels.get(n) ?? n).filter((p) => p.nodeId === null);
  for (const t of missing)
    out.push({
      nodeId: t.nodeId,
      code: 'REPORT_INCOMPLETE',
      message: 'Nhiệm vụ chủ trì cần có trạng thái trước khi nộp',
      field: 'status',
    });
  out.push(...whole.map(withField));
  return out;
}

/** The problems a 400 from the server lists in `details.problems`. */
export function serverProblems(e: unknown): Problem[] {
  if (!isApiError(e)) return [];
  const list = (e.details as ProblemDetails | undefined)?.problems;
  return Array.isArray(list) ? list.map(withField) : [];
}

export function problemsByTask(problems: Problem[]): Map<string | null, Problem[]> {
  const m = new Map<string | null, Problem[]>();
  for (const p of problems) m.set(p.nodeId, [...(m.get(p.nodeId) ?? []), p]);
  return m;
}

/** The codes the page checks itself, so a problem of theirs goes away once it is fixed. */
const LIVE = new Set<ProblemCode>([
  'REPORT_STATUS_UNKNOWN',
  'REPORT_PERCENT_OUT_OF_RANGE',
  'REPORT_REASON_REQUIRED',
  'REPORT_DONE_NEEDS_RESULT',
  'REPORT_INCOMPLETE',
  'PRODUCT_DESCRIPTION_REQUIRED',
  'TEXT_TOO_LONG',
]);

const problemKey = (p: Problem) => `${p.nodeId ?? ''}|${p.code}|${p.field ?? ''}|${p.index ?? ''}`;

/**
 * The problems shown after a refused save or submission, less those the edits since have fixed (a
 * status chosen, a result written): each the page can check is kept only while the same check still
 * finds it in `content`.
 */
export function openProblems(
  problems: Problem[],
  rules: ReportingRules | undefined,
  content: ReportContent,
  tasks: ReportTask[],
): Problem[] {
  if (!problems.length || !rules) return problems;
  const now = new Set(submissionProblems(rules, content, tasks).map(problemKey));
  const open = problems.filter((p) => !LIVE.has(p.code) || now.has(problemKey(p)));
  return open.length === problems.length ? problems : open;
}
