/** Reminders of a reporting period: reminding units now, the reminders sent, a sweep on demand. */
import { api } from '../../api/client';
import type { ReminderList, RemindResult, SweepResult } from '../../shared/contract/reminders';

export type { Reminder, ReminderStatus, RemindResult, SweepResult } from '../../shared/contract/reminders';

const enc = encodeURIComponent;

export const remindUnits = (id: string, obligationIds?: string[]) =>
  api.post<RemindResult>(`/api/periods/${enc(id)}/remind`, obligationIds ? { obligationIds } : {});

export const fetchReminders = (periodId: string, signal?: AbortSignal) =>
  api.get<ReminderList>(`/api/periods/${enc(periodId)}/reminders`, undefined, signal);

export const sweepReminders = () => api.post<SweepResult>('/api/reminders/sweep');
