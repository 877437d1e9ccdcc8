import { api } from '../../api/client';
import type {
  MarkReadResult,
  NotificationList,
  NotificationPreferences,
} from '../../shared/contract/notifications';
import type { NotificationKind } from '../../shared/notifications';

export type { Notification, NotificationList } from '../../shared/contract/notifications';

export const fetchNotifications = (signal?: AbortSignal) =>
  api.get<NotificationList>('/api/notifications', undefined, signal);

/** Marks the given notifications read; all of them without `ids`. */
export const markRead = (ids?: string[]) =>
  api.post<MarkReadResult>('/api/notifications/read', ids ? { ids } : { all: true });

export type { NotificationPreferences } from '../../shared/contract/notifications';

export const fetchPreferences = (signal?: AbortSignal) =>
  api.get<NotificationPreferences>('/api/notifications/preferences', undefined, signal);

/** Turns one kind's e-mail on or off; the other kinds keep their choice. */
export const savePreference = (kind: NotificationKind, email: boolean) =>
  api.put<NotificationPreferences>('/api/notifications/preferences', { items: [{ kind, email }] });
