export type * from '../../../../src/contract/dashboard.ts';
