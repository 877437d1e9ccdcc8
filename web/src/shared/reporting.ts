/**
 * Reporting rules shared with the server: the period cut-off windows (Nghị định 09/2019/NĐ-CP) and the
 * consolidated report's text form, from its pure domain modules, so both sides compute the same.
 */
export { periodWindow, addWorkingDays, PERIOD_KINDS } from '../../../src/domain/reporting/periods.ts';
export type { PeriodKind, PeriodWindow, ReportingRules } from '../../../src/domain/reporting/periods.ts';
export { listCalendar } from '../../../src/domain/calendar/working-days.ts';
export { blocksToText, textToBlocks } from '../../../src/domain/reporting/narrative.ts';
export { placeholdersIn } from '../../../src/domain/reporting/statements.ts';
export type {
  ConsolidationHeading,
  NarrativeBlock,
  NarrativeSection,
} from '../../../src/domain/reporting/narrative.ts';
export type { ReminderSchedule } from '../../../src/domain/reporting/report.ts';
export type { Rolled } from '../../../src/domain/reporting/rollup.ts';
