import type { ObligationReminder, ObligationReminderList } from '../../shared/contract/reminders';
import { api } from '../../api/client';
import type { EvidenceRef } from '../../shared/report';
import type * as C from '../../shared/contract/reports';

export type {
  Comparison,
  CooperatingInput,
  EvidenceRules,
  ProblemDetails,
  ReportPeriod,
  ReportStatus,
  ReportTask,
  ReportView,
  ReviewState,
  StatusRules,
  SubmitResult,
  UnitReport,
  VersionSummary,
  VersionView,
} from '../../shared/contract/reports';
export type { ReviewBody as ReviewInput } from '../../shared/contract/reports';

/** GET /api/reports/:id/reminders (the reminders feature's contract): a reminder the unit received for this report. */
export type ReceivedReminder = ObligationReminder;

const enc = encodeURIComponent;

export const fetchReport = (id: string, signal?: AbortSignal) =>
  api.get<C.ReportView>(`/api/reports/${enc(id)}`, undefined, signal);

export const saveDraft = (id: string, input: C.DraftBody) =>
  api.put<C.DraftSaved>(`/api/reports/${enc(id)}/draft`, input);

export const submitReport = (id: string, idempotencyKey: string) =>
  api.post<C.SubmitResult>(`/api/reports/${enc(id)}/submit`, { idempotencyKey } satisfies C.SubmitBody);

export const reviewReport = (id: string, input: C.ReviewBody) =>
  api.post<C.ReviewResult>(`/api/reports/${enc(id)}/review`, input);

export const fetchVersion = (id: string, n: number, signal?: AbortSignal) =>
  api.get<C.VersionView>(`/api/reports/${enc(id)}/versions/${n}`, undefined, signal);

export const fetchComparison = (id: string, a: number, b: number, signal?: AbortSignal) =>
  api.get<C.Comparison>(`/api/reports/${enc(id)}/compare`, { a, b }, signal);

export const fetchReportReminders = (id: string, signal?: AbortSignal) =>
  api.get<ObligationReminderList>(`/api/reports/${enc(id)}/reminders`, undefined, signal);

export const fetchUnitReports = (unitId: string, signal?: AbortSignal) =>
  api.get<C.UnitReportList>(`/api/units/${enc(unitId)}/reports`, undefined, signal);

/** Uploads one evidence file (its bytes are the request body); the server recognises its type. */
export const uploadEvidence = (id: string, file: Blob, filename: string) =>
  api.postBytes<EvidenceRef>(`/api/reports/${enc(id)}/files`, file, { filename });

/** Where an evidence file is downloaded, under its own name. */
export const evidenceUrl = (f: Pick<EvidenceRef, 'sha256' | 'filename'>) =>
  `/api/files/${enc(f.sha256)}?name=${enc(f.filename)}`;
