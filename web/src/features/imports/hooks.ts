import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createProposedUnits,
  discardImport,
  editImport,
  editImportHeading,
  fetchImport,
  fetchImports,
  importFile,
  importPastedText,
  publishImport,
  type DraftStatus,
  type EditOp,
  type HeadingBody,
  type ImportDraft,
  type PlanTarget,
  type ProposedUnitsBody,
} from './api';
import { unitKeys } from '../units/hooks';
import { isApiError } from '../../api/client';
import { auditKeys } from '../audit/hooks';
import { programKeys } from '../programs/hooks';
import { byId, useMutationThen } from '../../lib/query';
import { recordKeys } from '../../lib/queryKeys';

export const importKeys = recordKeys<DraftStatus | 'all'>('imports');

export function useImports(status?: DraftStatus) {
  return useQuery({
    queryKey: importKeys.list(status ?? 'all'),
    queryFn: ({ signal }) => fetchImports(status, signal),
  });
}

/** A draft; while its document is being read (status `reading`), asked again every second. */
export function useImport(id: string | undefined) {
  return useQuery({
    ...byId(id, importKeys.detail, fetchImport),
    refetchInterval: (q) => (q.state.data?.status === 'reading' ? 1000 : false),
  });
}

/** Stores the draft the server returned and refreshes the lists and the audit trail. */
function useAfterDraftChange() {
  const qc = useQueryClient();
  return (draft: ImportDraft) => {
    qc.setQueryData(importKeys.detail(draft.id), draft);
    void qc.invalidateQueries({ queryKey: importKeys.lists() });
    void qc.invalidateQueries({ queryKey: auditKeys.all });
  };
}

/** 409 (VERSION_CONFLICT, IMPORT_DRAFT_CLOSED): someone else changed the draft; load it again. */
function useReloadOnConflict(id: string) {
  const qc = useQueryClient();
  return (e: unknown) => {
    if (isApiError(e) && e.status === 409) void qc.invalidateQueries({ queryKey: importKeys.detail(id) });
  };
}

export type ImportSource = { kind: 'text'; text: string } | { kind: 'file'; file: File; plan?: PlanTarget };

export function useCreateImport() {
  return useMutationThen(
    (src: ImportSource) =>
      src.kind === 'file' ? importFile(src.file, src.plan) : importPastedText(src.text),
    useAfterDraftChange(),
  );
}

/** One correction; a conflict or a closed draft reloads the draft so the page shows what is current. */
export function useEditImport(id: string) {
  const reloadOnConflict = useReloadOnConflict(id);
  const after = useAfterDraftChange();
  return useMutation({
    mutationFn: ({ version, op }: { version: number; op: EditOp }) => editImport(id, version, op),
    onSuccess: after,
    onError: (e: unknown) => reloadOnConflict(e),
  });
}

export function usePublishImport(id: string) {
  const qc = useQueryClient();
  const reloadOnConflict = useReloadOnConflict(id);
  const after = useAfterDraftChange();
  return useMutation({
    mutationFn: (version: number) => publishImport(id, version),
    onSuccess: (r) => {
      after(r.draft);
      void qc.invalidateQueries({ queryKey: programKeys.all });
    },
    onError: (e: unknown) => reloadOnConflict(e),
  });
}

export function useDiscardImport(id: string) {
  const reloadOnConflict = useReloadOnConflict(id);
  const after = useAfterDraftChange();
  return useMutation({
    mutationFn: (version: number) => discardImport(id, version),
    onSuccess: after,
    onError: (e: unknown) => reloadOnConflict(e),
  });
}

/** Corrects the heading read from the document (the form reloads the draft itself on a conflict). */
export function useEditImportHeading(id: string) {
  return useMutationThen((body: HeadingBody) => editImportHeading(id, body), useAfterDraftChange());
}

/** Creates the proposed units in one step: the draft comes back re-read, the units lists refresh. */
export function useCreateProposedUnits(id: string) {
  const qc = useQueryClient();
  const reloadOnConflict = useReloadOnConflict(id);
  const after = useAfterDraftChange();
  return useMutation({
    mutationFn: (body: ProposedUnitsBody) => createProposedUnits(id, body),
    onSuccess: (r) => {
      after(r.draft);
      void qc.invalidateQueries({ queryKey: unitKeys.all });
    },
    onError: (e: unknown) => reloadOnConflict(e),
  });
}
