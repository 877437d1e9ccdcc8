export type * from '../../../../src/contract/notifications.ts';
