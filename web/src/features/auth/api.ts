import { api, isApiError } from '../../api/client';
import type { Me } from '../../api/types';

export interface LoginInput {
  username: string;
  password: string;
}

export async function login(input: LoginInput): Promise<Me> {
  const res = await api.post<{ user: Me }>('/api/auth/login', input);
  return res.user;
}

export async function logout(): Promise<void> {
  await api.post<{ ok: true }>('/api/auth/logout');
}

/** The signed-in user, or null when there is no session. */
export async function fetchMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    const res = await api.get<{ user: Me }>('/api/auth/me', undefined, signal);
    return res.user;
  } catch (e) {
    if (isApiError(e) && e.status === 401) return null;
    throw e;
  }
}
