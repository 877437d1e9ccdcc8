/** In-app notifications: the bell's list and marking them read. Request and response schemas. */
import { Type, type Static } from '@sinclair/typebox';
import { Nullable, Uuid } from './common.js';

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
