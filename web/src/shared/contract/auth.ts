export type * from '../../../../src/contract/auth.ts';
