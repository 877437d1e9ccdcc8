/** The consolidated report of a reporting period: generated from the reports, edited, downloaded. */
import { api } from '../../api/client';
import type {
  Consolidation,
  ConsolidationApproveInput,
  ConsolidationInput,
  ConsolidationReturnInput,
  ConsolidationVersionList,
} from '../../shared/contract/consolidation';

export type {
  Consolidation,
  ConsolidationHeading,
  ConsolidationApproveInput,
  ConsolidationInput,
  ConsolidationReturnInput,
  ConsolidationStatus,
  ConsolidationVersion,
  NarrativeSection,
} from '../../shared/contract/consolidation';

const enc = encodeURIComponent;

export const fetchConsolidation = (periodId: string, signal?: AbortSignal) =>
  api.get<Consolidation>(`/api/periods/${enc(periodId)}/consolidation`, undefined, signal);

/** Drafts the report; regenerating an existing draft names the version shown (a stale one → 409). */
export const generateConsolidation = (periodId: string, version?: number) =>
  api.post<Consolidation>(
    `/api/periods/${enc(periodId)}/consolidation`,
    version === undefined ? undefined : { version },
  );

export const saveConsolidation = (periodId: string, input: ConsolidationInput) =>
  api.put<Consolidation>(`/api/periods/${enc(periodId)}/consolidation`, input);

/** Download links (a plain link carries the session cookie). */
export const consolidationFileUrl = (periodId: string, ext: 'docx' | 'xlsx') =>
  `/api/periods/${enc(periodId)}/consolidation.${ext}`;

/** The approval steps: the monitor sends and revises, a leader returns or approves (ký duyệt). */
export type ApprovalStep =
  | { step: 'send' | 'revision'; body: { version: number } }
  | { step: 'return'; body: ConsolidationReturnInput }
  | { step: 'approve'; body: ConsolidationApproveInput };

export const consolidationStep = (periodId: string, s: ApprovalStep) =>
  api.post<Consolidation>(`/api/periods/${enc(periodId)}/consolidation/${s.step}`, s.body);

export const fetchConsolidationVersions = (periodId: string, signal?: AbortSignal) =>
  api.get<ConsolidationVersionList>(
    `/api/periods/${enc(periodId)}/consolidation/versions`,
    undefined,
    signal,
  );
