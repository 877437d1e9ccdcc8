import { api } from '../../api/client';
import type * as C from '../../shared/contract/portal';

export type {
  EvidenceVisibility,
  ProgramPublicity,
  PublicDocument,
  PublicDocumentList,
  PublishDocumentInput,
  PublishedDocument,
} from '../../shared/contract/portal';

const enc = encodeURIComponent;

/** The portal's own pages (server-rendered, no login). */
export const PORTAL_URL = '/cong-khai';
export const portalProgramUrl = (programId: string) => `${PORTAL_URL}/chuong-trinh/${enc(programId)}`;

export const setProgramPublicity = (programId: string, input: C.ProgramPublicityInput) =>
  api.put<C.ProgramPublicity>(`/api/programs/${enc(programId)}/publicity`, input);

export const setEvidenceVisibility = (reportId: string, sha256: string, value: boolean) =>
  api.put<C.EvidenceVisibility>(`/api/reports/${enc(reportId)}/files/${enc(sha256)}/visibility`, {
    public: value,
  } satisfies C.EvidenceVisibilityInput);

export const fetchPublicDocuments = (programId: string, signal?: AbortSignal) =>
  api.get<C.PublicDocumentList>('/api/public-documents', { programId }, signal);

export const publishDocument = (input: C.PublishDocumentInput) =>
  api.post<C.PublishedDocument>('/api/public-documents', input);

export const withdrawDocument = (id: string) =>
  api.post<C.PublicDocument>(`/api/public-documents/${enc(id)}/withdraw`);
