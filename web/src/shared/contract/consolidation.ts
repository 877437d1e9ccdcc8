export type * from '../../../../src/contract/consolidation.ts';
