export type * from '../../../../src/contract/plans.ts';
