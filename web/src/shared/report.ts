/**
 * A unit's periodic report, shared with the server: the entry and content shapes and the checks a
 * draft and a submission must pass, from its pure domain module, so both sides agree.
 */
export {
  checkEntry,
  checkSubmission,
  daysBetween,
  emptyContent,
  emptyEntry,
  vnDate,
} from '../../../src/domain/reporting/report.ts';
export type {
  CarriedTask,
  EntryProblem,
  EvidenceRef,
  ReportContent,
  ReportEntry,
  ReportGeneral,
  ReportProduct,
  TaskRole,
} from '../../../src/domain/reporting/report.ts';
export type { ReportingRules } from '../../../src/domain/reporting/periods.ts';
