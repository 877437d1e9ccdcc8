import { api } from '../../api/client';
import type { PasswordChangeBody } from '../../shared/contract/auth';

export type { PasswordChangeBody as ChangePasswordInput };

export async function changePassword(input: PasswordChangeBody): Promise<void> {
  await api.post('/api/account/password', input);
}
