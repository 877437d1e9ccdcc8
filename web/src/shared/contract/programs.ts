export type * from '../../../../src/contract/programs.ts';
