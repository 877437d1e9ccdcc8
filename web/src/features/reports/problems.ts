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
  type ReportingRules,
} from '../../shared/report';
import type { ProblemDetails, ReportTask } from './api';

/** The server's codes for a report's problems, and the one the web adds for a product with no description. */
export type ProblemCode = EntryProblem['code'] | 'PRODUCT_DESCRIPTION_REQUIRED';

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

/** Checks of one entry, for a draft. */
function entryProblems(rules: ReportingRules, nodeId: string, e: ReportEntry): Problem[] {
  const out: Problem[] = checkEntry(rules, nodeId, e).map(withField);
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

export function draftProblems(rules: ReportingRules, content: ReportContent): Problem[] {
  return Object.entries(content.entries).flatMap(([nodeId, e]) => entryProblems(rules, nodeId, e));
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
  const out: Problem[] = draftProblems(rules, content);
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
