export type * from '../../../../src/contract/review.ts';
