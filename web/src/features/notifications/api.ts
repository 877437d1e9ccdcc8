import { api } from '../../api/client';
import type { MarkReadResult, NotificationList } from '../../shared/contract/notifications';

export type { Notification, NotificationList } from '../../shared/contract/notifications';

export const fetchNotifications = (signal?: AbortSignal) =>
  api.get<NotificationList>('/api/notifications', undefined, signal);

/** Marks the given notifications read; all of them without `ids`. */
export const markRead = (ids?: string[]) =>
  api.post<MarkReadResult>('/api/notifications/read', ids ? { ids } : { all: true });
