export type * from '../../../../src/contract/recommendations.ts';
