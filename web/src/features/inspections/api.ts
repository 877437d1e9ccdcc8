/** Inspection and supervision plans, their visits and files, their conclusions. */
import { api } from '../../api/client';
import type {
  AttachedFile,
  ConclusionCreate,
  ConclusionIssueInput,
  ConclusionUpdate,
  InspectionConclusion,
  InspectionPlan,
  InspectionPlanCreate,
  InspectionPlanList,
  InspectionPlanUpdate,
  InspectionVisit,
  InspectionVisitCreate,
  InspectionVisitUpdate,
  SubjectDocuments,
} from '../../shared/contract/inspections';

export type * from '../../shared/contract/inspections';

const enc = encodeURIComponent;

export const fetchInspections = (signal?: AbortSignal) =>
  api.get<InspectionPlanList>('/api/inspections', undefined, signal);
export const fetchInspection = (id: string, signal?: AbortSignal) =>
  api.get<InspectionPlan>(`/api/inspections/${enc(id)}`, undefined, signal);
export const createInspection = (input: InspectionPlanCreate) =>
  api.post<InspectionPlan>('/api/inspections', input);
export const updateInspection = (id: string, input: InspectionPlanUpdate) =>
  api.put<InspectionPlan>(`/api/inspections/${enc(id)}`, input);
export const stepInspection = (id: string, step: 'activate' | 'close', version: number) =>
  api.post<InspectionPlan>(`/api/inspections/${enc(id)}/${step}`, { version });

export const fetchSubjectDocuments = (subjectId: string, signal?: AbortSignal) =>
  api.get<SubjectDocuments>(`/api/inspection-subjects/${enc(subjectId)}/documents`, undefined, signal);
export const createVisit = (planId: string, input: InspectionVisitCreate) =>
  api.post<InspectionVisit>(`/api/inspections/${enc(planId)}/visits`, input);
export const updateVisit = (id: string, input: InspectionVisitUpdate) =>
  api.put<InspectionVisit>(`/api/inspection-visits/${enc(id)}`, input);
export const uploadInspectionFile = (planId: string, file: File) =>
  api.postBytes<AttachedFile>(`/api/inspections/${enc(planId)}/files`, file, { filename: file.name });
export const visitFileUrl = (visitId: string, sha256: string) =>
  `/api/inspection-visits/${enc(visitId)}/files/${enc(sha256)}`;

export const createConclusion = (planId: string, input: ConclusionCreate) =>
  api.post<InspectionConclusion>(`/api/inspections/${enc(planId)}/conclusions`, input);
export const updateConclusion = (id: string, input: ConclusionUpdate) =>
  api.put<InspectionConclusion>(`/api/inspection-conclusions/${enc(id)}`, input);
export const issueConclusion = (id: string, input: ConclusionIssueInput) =>
  api.post<InspectionConclusion>(`/api/inspection-conclusions/${enc(id)}/issue`, input);
export const reviseConclusion = (id: string, version: number) =>
  api.post<InspectionConclusion>(`/api/inspection-conclusions/${enc(id)}/revision`, { version });
export const conclusionDocxUrl = (id: string) => `/api/inspection-conclusions/${enc(id)}/docx`;
