import { api } from '../../api/client';

export interface Notification {
  id: string;
  title: string;
  body: string;
  /** A path in the app ("/bao-cao/…", "/nhiem-vu/…"). */
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationList {
  unread: number;
  /** The latest 100. */
  items: Notification[];
}

export const fetchNotifications = (signal?: AbortSignal) =>
  api.get<NotificationList>('/api/notifications', undefined, signal);

/** Marks the given notifications read; all of them without `ids`. */
export const markRead = (ids?: string[]) =>
  api.post<{ read: number }>('/api/notifications/read', ids ? { ids } : { all: true });
