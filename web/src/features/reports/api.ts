import { api } from '../../api/client';
import type {
  EntryProblem,
  EvidenceRef,
  ReportContent,
  ReportEntry,
  ReportingRules,
  TaskRole,
} from '../../shared/report';

/** Where a unit's report of a period stands. */
export type ReportStatus = 'not_started' | 'drafting' | 'submitted' | 'returned' | 'accepted';

/** The monitor's decision on a submitted version. */
export type ReviewState = 'pending' | 'accepted' | 'returned';

export type StatusRules = ReportingRules['statuses'];
export type EvidenceRules = ReportingRules['evidence'];

export interface ReportTask {
  nodeId: string;
  role: TaskRole;
  label: string;
  text: string;
  groupLabel: string | null;
  groupTitle: string | null;
  leadUnitId: string | null;
  leadUnitName: string | null;
  /** The due date frozen at "Triển khai" (or the current one). */
  dueDate: string | null;
  /** The progress recorded from the last accepted report. */
  progress: { status: string; percent: number | null; completedOn: string | null } | null;
}

export interface VersionSummary {
  id: string;
  number: number;
  submittedAt: string;
  late: boolean;
  review: ReviewState;
  reviewComment: string | null;
  taskComments: Record<string, string>;
  reviewedAt: string | null;
}

export interface CooperatingInput {
  unitId: string;
  unitName: string;
  version: number;
  review: ReviewState;
  entry: ReportEntry;
}

export interface ReportPeriod {
  id: string;
  label: string;
  status: 'open' | 'closed';
  dueDate: string;
  cutoffStart: string;
  cutoffEnd: string;
}

export interface ReportView {
  id: string;
  periodId: string;
  programId: string;
  unitId: string;
  unitName: string;
  status: ReportStatus;
  late: boolean;
  /** The unit may save and submit (its status allows it and the period is open). */
  editable: boolean;
  currentVersion: number;
  submittedAt: string | null;
  version: number;
  updatedAt: string;
  period: ReportPeriod;
  tasks: ReportTask[];
  /** The draft; the last submitted version when there is no draft. */
  draft: ReportContent;
  versions: VersionSummary[];
  /** Cooperating units' latest submitted inputs, by task the unit leads. */
  cooperating: Record<string, CooperatingInput[]>;
  statuses: StatusRules;
  evidence: EvidenceRules;
}

export interface VersionView extends VersionSummary {
  content: ReportContent;
}

export interface Comparison {
  a: number;
  b: number;
  /** Changed fields of the general section. */
  general: (keyof ReportContent['general'])[];
  tasks: {
    nodeId: string;
    label: string;
    changed: (keyof ReportEntry)[];
    a: ReportEntry | null;
    b: ReportEntry | null;
  }[];
}

export interface UnitReport {
  id: string;
  status: ReportStatus;
  late: boolean;
  currentVersion: number;
  periodId: string;
  label: string;
  dueDate: string;
  periodStatus: 'open' | 'closed';
  programId: string;
}

export interface ReceivedReminder {
  id: string;
  kind: string;
  sentAt: string | null;
  outcome: { title?: string } | null;
}

export interface SubmitResult {
  id: string;
  status: ReportStatus;
  number: number;
  versionId: string;
  late: boolean;
  repeated: boolean;
}

/** `details` of a 400 on a draft or a submission whose entries fail the checks. */
export interface ProblemDetails {
  problems?: EntryProblem[];
}

export interface ReviewInput {
  decision: 'accept' | 'return';
  comment?: string;
  taskComments?: Record<string, string>;
}

const enc = encodeURIComponent;

export const fetchReport = (id: string, signal?: AbortSignal) =>
  api.get<ReportView>(`/api/reports/${enc(id)}`, undefined, signal);

export const saveDraft = (id: string, input: { version: number; content: ReportContent }) =>
  api.put<{ id: string; status: ReportStatus; version: number }>(`/api/reports/${enc(id)}/draft`, input);

export const submitReport = (id: string, idempotencyKey: string) =>
  api.post<SubmitResult>(`/api/reports/${enc(id)}/submit`, { idempotencyKey });

export const reviewReport = (id: string, input: ReviewInput) =>
  api.post<{ id: string; status: ReportStatus; number: number }>(`/api/reports/${enc(id)}/review`, input);

export const fetchVersion = (id: string, n: number, signal?: AbortSignal) =>
  api.get<VersionView>(`/api/reports/${enc(id)}/versions/${n}`, undefined, signal);

export const fetchComparison = (id: string, a: number, b: number, signal?: AbortSignal) =>
  api.get<Comparison>(`/api/reports/${enc(id)}/compare`, { a, b }, signal);

export const fetchReportReminders = (id: string, signal?: AbortSignal) =>
  api.get<{ items: ReceivedReminder[] }>(`/api/reports/${enc(id)}/reminders`, undefined, signal);

export const fetchUnitReports = (unitId: string, signal?: AbortSignal) =>
  api.get<{ items: UnitReport[] }>(`/api/units/${enc(unitId)}/reports`, undefined, signal);

export const fetchReportingRules = (signal?: AbortSignal) =>
  api.get<ReportingRules>('/api/reporting/rules', undefined, signal);

/** Uploads one evidence file (its bytes are the request body); the server recognises its type. */
export const uploadEvidence = (id: string, file: Blob, filename: string) =>
  api.postBytes<EvidenceRef>(`/api/reports/${enc(id)}/files`, file, { filename });

/** Where an evidence file is downloaded, under its own name. */
export const evidenceUrl = (f: Pick<EvidenceRef, 'sha256' | 'filename'>) =>
  `/api/files/${enc(f.sha256)}?name=${enc(f.filename)}`;
