import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchNotifications, fetchPreferences, markRead, savePreference, type NotificationList } from './api';
import type { NotificationKind } from '../../shared/notifications';

export const notificationKeys = {
  all: ['notifications'] as const,
  list: () => [...notificationKeys.all, 'list'] as const,
  preferences: () => [...notificationKeys.all, 'preferences'] as const,
};

/** The signed-in user's notifications, checked every minute while the app is open. */
export function useNotifications() {
  return useQuery({
    queryKey: notificationKeys.list(),
    queryFn: ({ signal }) => fetchNotifications(signal),
    refetchInterval: 60_000,
    staleTime: 30_000,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) => markRead(ids),
    onMutate: async (ids) => {
      // Shown read at once; the refetch below brings the server's count.
      await qc.cancelQueries({ queryKey: notificationKeys.list() });
      const at = new Date().toISOString();
      qc.setQueryData<NotificationList>(notificationKeys.list(), (d) => {
        if (!d) return d;
        const items = d.items.map((n) =>
          !n.readAt && (!ids || ids.includes(n.id)) ? { ...n, readAt: at } : n,
        );
        return {
          unread: ids
            ? Math.max(0, d.unread - d.items.filter((n) => !n.readAt && ids.includes(n.id)).length)
            : 0,
          items,
        };
      });
    },
    onSettled: () => qc.invalidateQueries({ queryKey: notificationKeys.list() }),
  });
}

/** The signed-in user's e-mail choice per kind. */
export function useNotificationPreferences() {
  return useQuery({
    queryKey: notificationKeys.preferences(),
    queryFn: ({ signal }) => fetchPreferences(signal),
  });
}

export function useSavePreference() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, email }: { kind: NotificationKind; email: boolean }) => savePreference(kind, email),
    onSuccess: (data) => qc.setQueryData(notificationKeys.preferences(), data),
  });
}
