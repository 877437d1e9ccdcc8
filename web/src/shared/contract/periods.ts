export type * from '../../../../src/contract/periods.ts';
