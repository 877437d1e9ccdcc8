/** In-app notifications: the bell's list and marking them read. Request and response schemas. */
import { Type, type Static } from '@sinclair/typebox';
import { LiteralUnion, Nullable, Uuid } from './common.js';
import { NOTIFICATION_KINDS } from '../domain/notification-kinds.js';

export const NotificationsQuery = Type.Object({ unread: Type.Optional(Type.Boolean()) });
export type NotificationsQuery = Static<typeof NotificationsQuery>;

/** { ids: [...] } marks the chosen notifications; { all: true } marks them all. */
export const MarkReadBody = Type.Object(
  {
    ids: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: 500 })),
    all: Type.Optional(Type.Literal(true)),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type MarkReadBody = Static<typeof MarkReadBody>;

export const Notification = Type.Object({
  id: Uuid,
  title: Type.String(),
  body: Type.String(),
  /** A path in the app ("/bao-cao/…", "/nhiem-vu/…"). */
  link: Nullable(Type.String()),
  /** The event kind (src/domain/notification-kinds.ts); null for reminders. */
  kind: Nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  readAt: Nullable(Type.String({ format: 'date-time' })),
});
export type Notification = Static<typeof Notification>;

export const NotificationList = Type.Object({
  /** Unread notifications in all. */
  unread: Type.Integer(),
  /** The latest 100. */
  items: Type.Array(Notification),
});
export type NotificationList = Static<typeof NotificationList>;

export const MarkReadResult = Type.Object({
  read: Type.Integer({ description: 'Số thông báo vừa đánh dấu' }),
});
export type MarkReadResult = Static<typeof MarkReadResult>;

export const NotificationKind = LiteralUnion(NOTIFICATION_KINDS);

/** The signed-in user's e-mail choice for each event kind (every kind, in the catalog's order). */
export const NotificationPreferences = Type.Object({
  items: Type.Array(
    Type.Object({
      kind: NotificationKind,
      /** E-mail on (the default); the bell always gets the notification. */
      email: Type.Boolean(),
    }),
  ),
});
export type NotificationPreferences = Static<typeof NotificationPreferences>;

/** The kinds to change; kinds not named keep their choice. */
export const NotificationPreferencesBody = Type.Object(
  {
    items: Type.Array(
      Type.Object({ kind: NotificationKind, email: Type.Boolean() }, { additionalProperties: false }),
      {
        minItems: 1,
        maxItems: NOTIFICATION_KINDS.length,
      },
    ),
  },
  { additionalProperties: false },
);
export type NotificationPreferencesBody = Static<typeof NotificationPreferencesBody>;
