export type * from '../../../../src/contract/reminders.ts';
