import { useQuery, useQueryClient } from '@tanstack/react-query';
import * as api from './api';
import { useMutationThen } from '../../lib/query';

export const inspectionKeys = {
  all: ['inspections'] as const,
  list: () => [...inspectionKeys.all, 'list'] as const,
  detail: (id: string) => [...inspectionKeys.all, 'detail', id] as const,
  documents: (subjectId: string) => [...inspectionKeys.all, 'documents', subjectId] as const,
};

export const useInspections = () =>
  useQuery({ queryKey: inspectionKeys.list(), queryFn: ({ signal }) => api.fetchInspections(signal) });

export const useInspection = (id: string) =>
  useQuery({
    queryKey: inspectionKeys.detail(id),
    queryFn: ({ signal }) => api.fetchInspection(id, signal),
    enabled: !!id,
  });

export const useSubjectDocuments = (subjectId: string | undefined) =>
  useQuery({
    queryKey: inspectionKeys.documents(subjectId ?? ''),
    queryFn: ({ signal }) => api.fetchSubjectDocuments(subjectId!, signal),
    enabled: !!subjectId,
  });

/** A mutation of inspections: refreshes every inspection query once it succeeds. */
export function useInspectionMutation<T, V>(fn: (v: V) => Promise<T>) {
  const qc = useQueryClient();
  return useMutationThen(fn, () => void qc.invalidateQueries({ queryKey: inspectionKeys.all }));
}
