export type * from '../../../../src/contract/users.ts';
