/** The event notification kinds and their Vietnamese labels, shared with the server. */
export {
  NOTIFICATION_KINDS,
  NOTIFICATION_KIND_LABELS,
  isNotificationKind,
  type NotificationKind,
} from '../../../src/domain/notification-kinds.ts';
