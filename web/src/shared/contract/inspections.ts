export type * from '../../../../src/contract/inspections.ts';
