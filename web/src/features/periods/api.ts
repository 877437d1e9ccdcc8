/**
 * Reporting periods on the monitor's side: opening and closing periods, the "who has reported"
 * matrix, reminders, the dashboard, the obstacles register and the consolidated report.
 */
import { api } from '../../api/client';
import {
  PERIOD_KINDS,
  type ConsolidationHeading,
  type NarrativeSection,
  type PeriodKind,
  type ReminderSchedule,
  type ReportingRules,
  type Rolled,
} from '../../shared/reporting';

export { PERIOD_KINDS };
export type { ConsolidationHeading, PeriodKind, ReminderSchedule, ReportingRules, Rolled };

export type ReviewKind = 'so_ket' | 'tong_ket';
export type PeriodStatus = 'open' | 'closed';

/** A unit's report in a period: `late` and `overdue` are separate filters, not statuses. */
export const OBLIGATION_STATUSES = ['not_started', 'drafting', 'submitted', 'returned', 'accepted'] as const;
export type ObligationStatus = (typeof OBLIGATION_STATUSES)[number];
export type MatrixFilter = ObligationStatus | 'late' | 'overdue';

export interface PeriodCounts {
  total: number;
  not_started: number;
  drafting: number;
  submitted: number;
  returned: number;
  accepted: number;
  late: number;
  overdue: number;
}

export interface PeriodSummary {
  id: string;
  programId: string;
  kind: PeriodKind;
  year: number;
  index: number;
  label: string;
  cutoffStart: string;
  cutoffEnd: string;
  dueDate: string;
  reviewKind: ReviewKind;
  status: PeriodStatus;
  schedule: ReminderSchedule;
  openedAt: string;
  closedAt: string | null;
  version: number;
  counts: PeriodCounts;
}

export interface PeriodListItem extends PeriodSummary {
  /** For a unit user: its own report in the period. */
  myObligationId: string | null;
  myStatus: ObligationStatus | null;
}

export interface MatrixRow {
  obligationId: string;
  unitId: string;
  unitName: string;
  unitCode: string;
  status: ObligationStatus;
  late: boolean;
  overdue: boolean;
  tasks: number;
  leadTasks: number;
  currentVersion: number;
  submittedAt: string | null;
  lastReminderAt: string | null;
  reminders: number;
}

export interface PeriodDetail extends PeriodSummary {
  program: { id: string; title: string; number: string | null } | null;
  /** The server's today (Vietnam time), yyyy-mm-dd. */
  today: string;
  rows: MatrixRow[];
}

export interface OpenPeriodInput {
  kind: PeriodKind;
  year: number;
  index?: number;
  label?: string;
  cutoffStart?: string;
  cutoffEnd?: string;
  dueDate?: string;
  reviewKind?: ReviewKind;
  schedule?: Partial<ReminderSchedule>;
}

export interface PeriodPatch {
  version: number;
  dueDate?: string;
  label?: string;
  schedule?: Partial<ReminderSchedule>;
  status?: PeriodStatus;
}

export interface RemindResult {
  reminded: number;
  items: { obligationId: string; unitId: string; recipients: number; status: 'sent' | 'skipped' }[];
}

export interface Dashboard {
  period: {
    id: string;
    label: string;
    dueDate: string;
    cutoffStart: string;
    cutoffEnd: string;
    status: PeriodStatus;
  };
  program: { id: string; title: string; number: string | null };
  /** Today, or the period's cut-off end when that is earlier. */
  referenceDay: string;
  overall: Rolled & { onTimeRate: number | null };
  statusCounts: Record<string, number>;
  byGroup: (Rolled & { id: string | null; label: string | null; title: string | null })[];
  byUnit: (Rolled & {
    unitId: string;
    unitName: string;
    obligationId: string | null;
    reportStatus: ObligationStatus | null;
  })[];
  overdueTasks: {
    nodeId: string;
    label: string;
    text: string;
    leadUnitId: string | null;
    leadUnitName: string | null;
    dueDate: string | null;
    status: string;
    percent: number | null;
  }[];
  reports: { total: number; accepted: number; submitted: number; late: number };
  unitsNotReported: { obligationId: string; unitId: string; unitName: string; status: ObligationStatus }[];
  openObstacles: number;
}

export type ObstacleKind = 'obstacle' | 'proposal';
export type ObstacleStatus = 'open' | 'assigned' | 'answered' | 'closed';
export type ObstacleAction = 'assign' | 'answer' | 'close' | 'reopen';

export interface Obstacle {
  id: string;
  kind: ObstacleKind;
  text: string;
  status: ObstacleStatus;
  unitId: string;
  unitName: string;
  handlingUnitId: string | null;
  handlingUnitName: string | null;
  answer: string | null;
  nodeId: string | null;
  taskLabel: string | null;
  periodId: string;
  periodLabel: string;
  obligationId: string;
  raisedAt: string;
  closedAt: string | null;
  version: number;
}

export interface ObstacleList {
  counts: Record<ObstacleStatus, number>;
  items: Obstacle[];
}

export interface ObstacleFilters {
  status?: ObstacleStatus;
  open?: boolean;
  periodId?: string;
}

export interface ObstacleInput {
  action: ObstacleAction;
  version: number;
  handlingUnitId?: string;
  answer?: string;
}

export type ReminderStatus = 'pending' | 'sent' | 'skipped';

export interface Reminder {
  id: string;
  kind: string;
  dueAt: string;
  status: ReminderStatus;
  sentAt: string | null;
  outcome: {
    title?: string;
    reason?: string;
    recipients?: { userId: string | null; name: string }[];
    emails?: string[];
  } | null;
  offsetDays: number;
  unitId: string | null;
  unitName: string | null;
  obligationId: string | null;
  nodeId: string | null;
}

export interface SweepResult {
  planned: number;
  sent: number;
  skipped: number;
  emailsSent: number;
  emailsFailed: number;
}

export interface Consolidation {
  id: string;
  periodId: string;
  programId: string;
  heading: ConsolidationHeading;
  sections: NarrativeSection[];
  generatedAt: string;
  version: number;
  updatedAt: string;
}

export interface ConsolidationInput {
  version: number;
  heading?: Partial<ConsolidationHeading>;
  sections?: NarrativeSection[];
}

const enc = encodeURIComponent;

export const fetchReportingRules = (signal?: AbortSignal) =>
  api.get<ReportingRules>('/api/reporting/rules', undefined, signal);

export const fetchProgramPeriods = (programId: string, signal?: AbortSignal) =>
  api.get<{ items: PeriodListItem[] }>(`/api/programs/${enc(programId)}/periods`, undefined, signal);

export const openPeriod = (programId: string, input: OpenPeriodInput) =>
  api.post<{ id: string; obligations: number }>(`/api/programs/${enc(programId)}/periods`, input);

export const fetchPeriod = (
  id: string,
  filter: { status?: MatrixFilter; q?: string },
  signal?: AbortSignal,
) => api.get<PeriodDetail>(`/api/periods/${enc(id)}`, { ...filter }, signal);

export const updatePeriod = (id: string, patch: PeriodPatch) =>
  api.patch<{ id: string; version: number }>(`/api/periods/${enc(id)}`, patch);

export const remindUnits = (id: string, obligationIds?: string[]) =>
  api.post<RemindResult>(`/api/periods/${enc(id)}/remind`, obligationIds ? { obligationIds } : {});

export const fetchDashboard = (id: string, signal?: AbortSignal) =>
  api.get<Dashboard>(`/api/periods/${enc(id)}/dashboard`, undefined, signal);

export const fetchObstacles = (programId: string, f: ObstacleFilters, signal?: AbortSignal) =>
  api.get<ObstacleList>(`/api/programs/${enc(programId)}/obstacles`, { ...f }, signal);

export const updateObstacle = (id: string, input: ObstacleInput) =>
  api.patch<{ id: string; status: ObstacleStatus; version: number }>(`/api/obstacles/${enc(id)}`, input);

export const fetchReminders = (periodId: string, signal?: AbortSignal) =>
  api.get<{ items: Reminder[] }>(`/api/periods/${enc(periodId)}/reminders`, undefined, signal);

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
