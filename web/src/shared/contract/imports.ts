export type * from '../../../../src/contract/imports.ts';
