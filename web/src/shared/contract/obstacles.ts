export type * from '../../../../src/contract/obstacles.ts';
