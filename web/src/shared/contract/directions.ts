export type * from '../../../../src/contract/directions.ts';
