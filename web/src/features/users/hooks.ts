import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
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
import { useMutationThen } from '../../lib/query';
import { recordKeys } from '../../lib/queryKeys';

export const userKeys = recordKeys<UserListParams>('users');

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
  return useMutationThen((input: CreateUserInput) => createUser(input), useAfterUserChange());
}

export function useUpdateUser() {
  return useMutationThen(
    ({ id, patch }: { id: string; patch: UserPatch }) => updateUser(id, patch),
    useAfterUserChange(),
  );
}

export function useSetUserActive() {
  return useMutationThen(
    ({ id, active }: { id: string; active: boolean }) => (active ? enableUser(id) : disableUser(id)),
    useAfterUserChange(),
  );
}

export function useResetUserPassword() {
  return useMutationThen((id: string) => resetUserPassword(id), useAfterUserChange());
}
