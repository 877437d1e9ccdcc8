export type * from '../../../../src/contract/audit.ts';
