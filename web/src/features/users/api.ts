import { api } from '../../api/client';
import type { ActiveFilter, Page, Role, User } from '../../api/types';

export interface UserListParams {
  q?: string;
  role?: Role;
  active?: ActiveFilter;
  limit?: number;
  offset?: number;
}

export interface CreateUserInput {
  username: string;
  fullName: string;
  email?: string;
  role: Role;
  unitId?: string;
}

export interface UserPatch {
  version: number;
  fullName?: string;
  email?: string | null;
  role?: Role;
  unitId?: string | null;
}

export const fetchUsers = (p: UserListParams, signal?: AbortSignal) =>
  api.get<Page<User>>('/api/users', { ...p }, signal);

export const createUser = (input: CreateUserInput) =>
  api.post<{ user: User; oneTimePassword: string }>('/api/users', input);

export const updateUser = (id: string, patch: UserPatch) =>
  api.patch<User>(`/api/users/${encodeURIComponent(id)}`, patch);

export const disableUser = (id: string) => api.post<User>(`/api/users/${encodeURIComponent(id)}/disable`);

export const enableUser = (id: string) => api.post<User>(`/api/users/${encodeURIComponent(id)}/enable`);

export const resetUserPassword = (id: string) =>
  api.post<{ oneTimePassword: string }>(`/api/users/${encodeURIComponent(id)}/reset-password`);
