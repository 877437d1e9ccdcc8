import { api } from '../../api/client';
import type {
  PasswordReset,
  User,
  UserCreateBody,
  UserCreated,
  UserListQuery,
  UserPage,
  UserPatchBody,
} from '../../shared/contract/users';

export type {
  UserCreateBody as CreateUserInput,
  UserListQuery as UserListParams,
  UserPatchBody as UserPatch,
};

export const fetchUsers = (p: UserListQuery, signal?: AbortSignal) =>
  api.get<UserPage>('/api/users', { ...p }, signal);

export const createUser = (input: UserCreateBody) => api.post<UserCreated>('/api/users', input);

export const updateUser = (id: string, patch: UserPatchBody) =>
  api.patch<User>(`/api/users/${encodeURIComponent(id)}`, patch);

export const disableUser = (id: string) => api.post<User>(`/api/users/${encodeURIComponent(id)}/disable`);

export const enableUser = (id: string) => api.post<User>(`/api/users/${encodeURIComponent(id)}/enable`);

export const resetUserPassword = (id: string) =>
  api.post<PasswordReset>(`/api/users/${encodeURIComponent(id)}/reset-password`);
