/** In-app notifications: the bell's list and marking them read. */
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { notifications } from '../../db/schema.js';
import { mutate } from '../audit/audit-writer.js';
import { requireUser } from '../policy.js';
import type { Ctx } from '../context.js';
import { now, type Deps } from '../deps.js';
import type {
  MarkReadBody,
  MarkReadResult,
  NotificationList,
  NotificationsQuery,
} from '../../contract/notifications.js';

export async function myNotifications(
  deps: Deps,
  ctx: Ctx,
  q: NotificationsQuery = {},
): Promise<NotificationList> {
  const u = requireUser(ctx);
  const list = await deps.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, u.id), q.unread ? isNull(notifications.readAt) : sql`true`))
    .orderBy(desc(notifications.createdAt))
    .limit(100);
  const [c] = await deps.db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, u.id), isNull(notifications.readAt)));
  return {
    unread: c?.n ?? 0,
    items: list.map((n) => ({
      id: n.id,
      title: n.title,
      body: n.body,
      link: n.link,
      createdAt: n.createdAt.toISOString(),
      readAt: n.readAt?.toISOString() ?? null,
    })),
  };
}

export async function markNotificationsRead(
  deps: Deps,
  ctx: Ctx,
  input: MarkReadBody,
): Promise<MarkReadResult> {
  const u = requireUser(ctx);
  return mutate(deps.db, ctx, async (tx, audit) => {
    const r = await tx
      .update(notifications)
      .set({ readAt: now(deps) })
      .where(
        and(
          eq(notifications.userId, u.id),
          isNull(notifications.readAt),
          input.ids?.length ? inArray(notifications.id, input.ids) : sql`true`,
        ),
      )
      .returning({ id: notifications.id });
    if (r.length)
      audit.record({
        action: 'notification.read',
        entityType: 'user',
        entityId: u.id,
        after: { read: r.length },
      });
    else audit.nothingChanged();
    return { read: r.length };
  });
}
