import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { AUDIT_PAGE_SIZE, fetchAudit, verifyAudit, type AuditListParams } from './api';
import { recordKeys } from '../../lib/queryKeys';

export const auditKeys = recordKeys<Omit<AuditListParams, 'beforeSeq'>>('audit');

/** Audit events newest first, page by page (each next page starts before the last seq seen). */
export function useAuditEvents(params: Omit<AuditListParams, 'beforeSeq' | 'limit'>, enabled = true) {
  const base = { ...params, limit: AUDIT_PAGE_SIZE };
  return useInfiniteQuery({
    queryKey: auditKeys.list(base),
    queryFn: ({ pageParam, signal }) => fetchAudit({ ...base, beforeSeq: pageParam }, signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) =>
      last.items.length < AUDIT_PAGE_SIZE ? undefined : last.items[last.items.length - 1]?.seq,
    enabled,
  });
}

/** Verification reads the whole chain, so it runs only when asked. */
export function useVerifyAudit() {
  return useMutation({ mutationFn: () => verifyAudit() });
}
