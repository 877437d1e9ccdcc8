export type * from '../../../../src/contract/feedback.ts';
