import { api, isApiError } from '../../api/client';
import type { LoginBody, Me, MeResponse } from '../../shared/contract/auth';

export type { LoginBody as LoginInput };

export async function login(input: LoginBody): Promise<Me> {
  const res = await api.post<MeResponse>('/api/auth/login', input);
  return res.user;
}

export async function logout(): Promise<void> {
  await api.post('/api/auth/logout');
}

/** The signed-in user, or null when there is no session. */
export async function fetchMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    const res = await api.get<MeResponse>('/api/auth/me', undefined, signal);
    return res.user;
  } catch (e) {
    if (isApiError(e) && e.status === 401) return null;
    throw e;
  }
}
