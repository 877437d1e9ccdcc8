/**
 * Reporting rules shared with the server: the period cut-off windows (Nghị định 09/2019/NĐ-CP) and the
 * consolidated report's text form, from its pure domain modules, so both sides compute the same.
 */
export { periodWindow, addWorkingDays } from '../../../src/domain/reporting/periods.ts';
export type { PeriodWindow, ReportingRules } from '../../../src/domain/reporting/periods.ts';
export { blocksToText, textToBlocks } from '../../../src/domain/reporting/narrative.ts';
export type { NarrativeBlock, NarrativeSection } from '../../../src/domain/reporting/narrative.ts';
