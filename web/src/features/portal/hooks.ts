import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  fetchPublicDocuments,
  publishDocument,
  setEvidenceVisibility,
  setProgramPublicity,
  withdrawDocument,
  type PublishDocumentInput,
} from './api';
import { programKeys } from '../programs/hooks';
import { reportKeys } from '../reports/hooks';
import { auditKeys } from '../audit/hooks';
import { byId, useMutationThen } from '../../lib/query';

export const portalKeys = {
  all: ['portal'] as const,
  documents: (programId: string) => [...portalKeys.all, 'documents', programId] as const,
};

/**
 * Publishing a program changes its view (publicSince, version) and the audit trail; a refusal (someone
 * else changed it: 409) refreshes the program too, so the next try names the current version.
 */
export function useSetProgramPublicity(programId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { public: boolean; version: number }) => setProgramPublicity(programId, input),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: portalKeys.all });
      void qc.invalidateQueries({ queryKey: auditKeys.all });
    },
    onSettled: () => qc.invalidateQueries({ queryKey: programKeys.all }),
  });
}

export function useSetEvidenceVisibility(reportId: string) {
  const qc = useQueryClient();
  return useMutationThen(
    ({ sha256, value }: { sha256: string; value: boolean }) => setEvidenceVisibility(reportId, sha256, value),
    () => {
      void qc.invalidateQueries({ queryKey: reportKeys.all });
      void qc.invalidateQueries({ queryKey: auditKeys.all });
    },
  );
}

/** The documents published for a program (monitors and admins: `portal.publish`). */
export function usePublicDocuments(programId: string | undefined, enabled = true) {
  return useQuery(byId(programId, portalKeys.documents, fetchPublicDocuments, enabled));
}

function useAfterDocumentChange() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: portalKeys.all });
    void qc.invalidateQueries({ queryKey: auditKeys.all });
  };
}

export function usePublishDocument() {
  return useMutationThen((input: PublishDocumentInput) => publishDocument(input), useAfterDocumentChange());
}

export function useWithdrawDocument() {
  return useMutationThen((id: string) => withdrawDocument(id), useAfterDocumentChange());
}
