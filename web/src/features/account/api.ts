import { api } from '../../api/client';

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

export async function changePassword(input: ChangePasswordInput): Promise<void> {
  await api.post<{ ok: true }>('/api/account/password', input);
}
