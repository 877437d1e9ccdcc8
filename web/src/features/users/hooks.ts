import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createUser,
  disableUser,
  enableUser,
  fetchUsers,
  resetUserPassword,
  updateUser,
  type CreateUserInput,
  type UserListParams,
  type UserPatch,
} from './api';
import { auditKeys } from '../audit/hooks';
import { unitKeys } from '../units/hooks';

export const userKeys = {
  all: ['users'] as const,
  lists: () => [...userKeys.all, 'list'] as const,
  list: (params: UserListParams) => [...userKeys.lists(), params] as const,
};

export function useUsers(params: UserListParams) {
  return useQuery({
    queryKey: userKeys.list(params),
    queryFn: ({ signal }) => fetchUsers(params, signal),
    placeholderData: keepPreviousData,
  });
}

function useAfterUserChange() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: userKeys.all });
    void qc.invalidateQueries({ queryKey: auditKeys.all });
    // Unit member lists show users too.
    void qc.invalidateQueries({ queryKey: unitKeys.all });
  };
}

export function useCreateUser() {
  const after = useAfterUserChange();
  return useMutation({ mutationFn: (input: CreateUserInput) => createUser(input), onSuccess: after });
}

export function useUpdateUser() {
  const after = useAfterUserChange();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UserPatch }) => updateUser(id, patch),
    onSuccess: after,
  });
}

export function useSetUserActive() {
  const after = useAfterUserChange();
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      active ? enableUser(id) : disableUser(id),
    onSuccess: after,
  });
}

export function useResetUserPassword() {
  const after = useAfterUserChange();
  return useMutation({ mutationFn: (id: string) => resetUserPassword(id), onSuccess: after });
}
