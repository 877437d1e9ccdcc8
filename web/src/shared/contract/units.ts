export type * from '../../../../src/contract/units.ts';
