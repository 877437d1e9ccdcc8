import { api } from '../../api/client';
import type { AuditEvent } from '../../api/types';

export interface AuditListParams {
  entityType?: string;
  entityId?: string;
  limit?: number;
  beforeSeq?: number;
}

export type AuditVerifyResult =
  | { ok: true; count: number }
  | { ok: false; count: number; brokenAt: { seq: number; reason: string; message: string } };

export const AUDIT_PAGE_SIZE = 50;

export const fetchAudit = (p: AuditListParams, signal?: AbortSignal) =>
  api.get<{ items: AuditEvent[] }>('/api/audit', { ...p }, signal);

export const verifyAudit = () => api.get<AuditVerifyResult>('/api/audit/verify');
