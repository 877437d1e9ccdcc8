export type * from '../../../../src/contract/common.ts';
