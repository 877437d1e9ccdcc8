/**
 * Assignment vocabulary shared with the server: the "5 rõ", recurrences and product kinds, from its
 * pure domain module, so labels and rules agree on both sides.
 */
export {
  FIVE_CLEAR,
  FIVE_CLEAR_LABELS,
  PRODUCT_KINDS,
  PRODUCT_KIND_LABELS,
  RECURRENCES,
  RECURRENCE_LABELS,
  deadlineFromTime,
  dueDate,
  isIsoDate,
  pastDeadlines,
} from '../../../src/domain/plan/assignment.ts';
export type {
  Clear,
  Deadline,
  Focal,
  MeterSummary,
  Product,
  ProductKind,
  Recurrence,
  TaskMeter,
  TaskView,
} from '../../../src/domain/plan/assignment.ts';
export type { ProgramSuggestions, TaskSuggestion, UnitSuggestion } from '../../../src/domain/plan/suggest.ts';
