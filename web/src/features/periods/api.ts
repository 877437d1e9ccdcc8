/**
 * Reporting periods on the monitor's side: the reporting rules, opening, editing and closing
 * periods, and the "who has reported" matrix of one period.
 */
import { api } from '../../api/client';
import { PERIOD_KINDS } from '../../shared/reporting';
import type {
  OpenPeriodInput,
  OpenPeriodResult,
  PeriodDetail,
  PeriodList,
  PeriodPatch,
  PeriodQuery,
  PeriodVersion,
  ReportingRules,
} from '../../shared/contract/periods';

export { PERIOD_KINDS };
export type {
  MatrixFilter,
  MatrixRow,
  ObligationStatus,
  OpenPeriodInput,
  PeriodCounts,
  PeriodDetail,
  PeriodKind,
  PeriodListItem,
  PeriodPatch,
  PeriodStatus,
  ReminderSchedule,
  ReportingRules,
  ReviewKind,
} from '../../shared/contract/periods';

const enc = encodeURIComponent;

export const fetchReportingRules = (signal?: AbortSignal) =>
  api.get<ReportingRules>('/api/reporting/rules', undefined, signal);

export const fetchProgramPeriods = (programId: string, signal?: AbortSignal) =>
  api.get<PeriodList>(`/api/programs/${enc(programId)}/periods`, undefined, signal);

export const openPeriod = (programId: string, input: OpenPeriodInput) =>
  api.post<OpenPeriodResult>(`/api/programs/${enc(programId)}/periods`, input);

export const fetchPeriod = (id: string, filter: PeriodQuery, signal?: AbortSignal) =>
  api.get<PeriodDetail>(`/api/periods/${enc(id)}`, { ...filter }, signal);

export const updatePeriod = (id: string, patch: PeriodPatch) =>
  api.patch<PeriodVersion>(`/api/periods/${enc(id)}`, patch);
