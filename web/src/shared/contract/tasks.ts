export type * from '../../../../src/contract/tasks.ts';
