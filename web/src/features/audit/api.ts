import { api } from '../../api/client';
import type { AuditEvents, AuditQuery, AuditVerifyResult } from '../../shared/contract/audit';

export type { AuditQuery as AuditListParams, AuditVerifyResult };

export const AUDIT_PAGE_SIZE = 50;

export const fetchAudit = (p: AuditQuery, signal?: AbortSignal) =>
  api.get<AuditEvents>('/api/audit', { ...p }, signal);

export const verifyAudit = () => api.get<AuditVerifyResult>('/api/audit/verify');
