export type * from '../../../../src/contract/reports.ts';
