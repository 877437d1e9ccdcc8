import { useMutation, useQueryClient } from '@tanstack/react-query';
import { changePassword, type ChangePasswordInput } from './api';
import { authKeys } from '../auth/hooks';
import { auditKeys } from '../audit/hooks';

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ChangePasswordInput) => changePassword(input),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: authKeys.me() });
      await qc.invalidateQueries({ queryKey: auditKeys.all });
    },
  });
}
