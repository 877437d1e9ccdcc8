import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  fetchComparison,
  fetchReport,
  fetchReportReminders,
  fetchUnitReports,
  fetchVersion,
  reviewReport,
  saveDraft,
  submitReport,
  type ReviewInput,
} from './api';
import type { ReportContent } from '../../shared/report';
import { auditKeys } from '../audit/hooks';
import { byId, useMutationThen } from '../../lib/query';

export const reportKeys = {
  all: ['reports'] as const,
  detail: (id: string) => [...reportKeys.all, 'detail', id] as const,
  version: (id: string, n: number) => [...reportKeys.all, 'version', id, n] as const,
  compare: (id: string, a: number, b: number) => [...reportKeys.all, 'compare', id, a, b] as const,
  reminders: (id: string) => [...reportKeys.all, 'reminders', id] as const,
  ofUnit: (unitId: string) => [...reportKeys.all, 'of-unit', unitId] as const,
};

export function useReport(id: string) {
  return useQuery(byId(id, reportKeys.detail, fetchReport));
}

export { rulesQuery, useReportingRules } from '../periods/hooks';

/** A submitted version never changes; its review does, so it is refreshed with the report. */
export function useReportVersion(id: string, n: number | null) {
  return useQuery({
    queryKey: reportKeys.version(id, n ?? 0),
    queryFn: ({ signal }) => fetchVersion(id, n!, signal),
    enabled: !!id && !!n,
  });
}

export function useComparison(id: string, a: number | null, b: number | null) {
  return useQuery({
    queryKey: reportKeys.compare(id, a ?? 0, b ?? 0),
    queryFn: ({ signal }) => fetchComparison(id, a!, b!, signal),
    enabled: !!id && !!a && !!b && a !== b,
    staleTime: Infinity,
  });
}

export function useReportReminders(id: string) {
  return useQuery(byId(id, reportKeys.reminders, fetchReportReminders));
}

export function useUnitReports(unitId: string | null | undefined) {
  return useQuery(byId(unitId, reportKeys.ofUnit, fetchUnitReports));
}

/** After a save, a submission or a review: the report, the unit's list and the audit trail are stale. */
function useAfterReportChange() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: reportKeys.all });
    // The period's matrix, dashboard, reminders and consolidated report and the program's obstacles
    // count this report: their keys all start with periodKeys.all (features/periods/hooks.ts).
    void qc.invalidateQueries({ queryKey: ['periods'] });
    void qc.invalidateQueries({ queryKey: auditKeys.all });
  };
}

export function useSaveDraft(id: string) {
  return useMutationThen(
    (input: { version: number; content: ReportContent }) => saveDraft(id, input),
    useAfterReportChange(),
  );
}

export function useSubmitReport(id: string) {
  return useMutationThen(
    (idempotencyKey: string) => submitReport(id, idempotencyKey),
    useAfterReportChange(),
  );
}

export function useReviewReport(id: string) {
  return useMutationThen((input: ReviewInput) => reviewReport(id, input), useAfterReportChange());
}
