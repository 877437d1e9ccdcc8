export type * from '../../../../src/contract/home.ts';
