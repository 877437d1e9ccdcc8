export type * from '../../../../src/contract/portal.ts';
