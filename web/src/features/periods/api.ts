/**
 * Reporting periods on the monitor's side: opening and closing periods, the "who has reported"
 * matrix, reminders, the dashboard, the obstacles register and the consolidated report.
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
import type { ReminderList, RemindResult, SweepResult } from '../../shared/contract/reminders';
import type { Dashboard } from '../../shared/contract/dashboard';
import type {
  ObstacleFilters,
  ObstacleInput,
  ObstacleList,
  ObstacleStep,
} from '../../shared/contract/obstacles';
import type { Consolidation, ConsolidationInput } from '../../shared/contract/consolidation';

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
export type { Reminder, ReminderStatus, RemindResult, SweepResult } from '../../shared/contract/reminders';
export type { Dashboard, Rolled } from '../../shared/contract/dashboard';
export type {
  Obstacle,
  ObstacleAction,
  ObstacleFilters,
  ObstacleInput,
  ObstacleKind,
  ObstacleList,
  ObstacleStatus,
} from '../../shared/contract/obstacles';
export type {
  Consolidation,
  ConsolidationHeading,
  ConsolidationInput,
  NarrativeSection,
} from '../../shared/contract/consolidation';

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

export const remindUnits = (id: string, obligationIds?: string[]) =>
  api.post<RemindResult>(`/api/periods/${enc(id)}/remind`, obligationIds ? { obligationIds } : {});

export const fetchDashboard = (id: string, signal?: AbortSignal) =>
  api.get<Dashboard>(`/api/periods/${enc(id)}/dashboard`, undefined, signal);

export const fetchObstacles = (programId: string, f: ObstacleFilters, signal?: AbortSignal) =>
  api.get<ObstacleList>(`/api/programs/${enc(programId)}/obstacles`, { ...f }, signal);

export const updateObstacle = (id: string, input: ObstacleInput) =>
  api.patch<ObstacleStep>(`/api/obstacles/${enc(id)}`, input);

export const fetchReminders = (periodId: string, signal?: AbortSignal) =>
  api.get<ReminderList>(`/api/periods/${enc(periodId)}/reminders`, undefined, signal);

export const sweepReminders = () => api.post<SweepResult>('/api/reminders/sweep');

export const fetchConsolidation = (periodId: string, signal?: AbortSignal) =>
  api.get<Consolidation>(`/api/periods/${enc(periodId)}/consolidation`, undefined, signal);

export const generateConsolidation = (periodId: string) =>
  api.post<Consolidation>(`/api/periods/${enc(periodId)}/consolidation`);

export const saveConsolidation = (periodId: string, input: ConsolidationInput) =>
  api.put<Consolidation>(`/api/periods/${enc(periodId)}/consolidation`, input);

/** Download links (a plain link carries the session cookie). */
export const consolidationFileUrl = (periodId: string, ext: 'docx' | 'xlsx') =>
  `/api/periods/${enc(periodId)}/consolidation.${ext}`;
