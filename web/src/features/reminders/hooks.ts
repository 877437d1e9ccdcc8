import { useQuery } from '@tanstack/react-query';
import { fetchReminders, remindUnits, sweepReminders } from './api';
import { periodKeys, useAfterPeriodChange } from '../periods/hooks';
import { byId, useMutationThen } from '../../lib/query';

/** Under the period prefix: a change to a period (or a report) refreshes its reminders. */
export const reminderKeys = {
  ofPeriod: (periodId: string) => [...periodKeys.all, 'reminders', periodId] as const,
};

export function useReminders(periodId: string, enabled = true) {
  return useQuery(byId(periodId, reminderKeys.ofPeriod, fetchReminders, enabled));
}

export function useRemind(periodId: string) {
  return useMutationThen(
    (obligationIds?: string[]) => remindUnits(periodId, obligationIds),
    useAfterPeriodChange(),
  );
}

export function useSweepReminders() {
  return useMutationThen(() => sweepReminders(), useAfterPeriodChange());
}
