/** In-app notifications: the bell's list and marking them read. */
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { notificationPreferences, notifications, users } from '../../db/schema.js';
import type { DbOrTx } from '../../db/connection.js';
import { NOTIFICATION_KINDS } from '../../domain/notification-kinds.js';
import { mutate } from '../audit/audit-writer.js';
import { requireUser } from '../policy.js';
import type { Ctx } from '../context.js';
import { now, type Deps } from '../deps.js';
import type {
  MarkReadBody,
  MarkReadResult,
  NotificationList,
  NotificationPreferences,
  NotificationPreferencesBody,
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
      kind: n.kind,
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

/** The signed-in user's e-mail choice for every event kind (on unless turned off). */
export async function myPreferences(deps: Deps, ctx: Ctx): Promise<NotificationPreferences> {
  return preferencesOf(deps.db, requireUser(ctx).id);
}

async function preferencesOf(db: DbOrTx, userId: string): Promise<NotificationPreferences> {
  const r = await db
    .select({ kind: notificationPreferences.kind, email: notificationPreferences.email })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  const set = new Map(r.map((x) => [x.kind, x.email]));
  return { items: NOTIFICATION_KINDS.map((kind) => ({ kind, email: set.get(kind) ?? true })) };
}

/** Changes the signed-in user's e-mail choice for the kinds named; the others keep theirs. */
export async function setMyPreferences(
  deps: Deps,
  ctx: Ctx,
  input: NotificationPreferencesBody,
): Promise<NotificationPreferences> {
  const u = requireUser(ctx);
  const want = new Map(input.items.map((x) => [x.kind, x.email]));
  return mutate(deps.db, ctx, async (tx, audit) => {
    // One user's choices change one at a time: their row lock orders two saves.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, u.id)).for('update');
    const before = await preferencesOf(tx, u.id);
    const changed = before.items.filter((x) => want.has(x.kind) && want.get(x.kind) !== x.email);
    if (!changed.length) {
      audit.nothingChanged();
      return before;
    }
    const at = now(deps);
    for (const c of changed)
      await tx
        .insert(notificationPreferences)
        .values({ userId: u.id, kind: c.kind, email: !c.email, updatedAt: at })
        .onConflictDoUpdate({
          target: [notificationPreferences.userId, notificationPreferences.kind],
          set: { email: !c.email, updatedAt: at },
        });
    audit.record({
      action: 'notification.set_preferences',
      entityType: 'user',
      entityId: u.id,
      before: Object.fromEntries(changed.map((c) => [c.kind, c.email])),
      after: Object.fromEntries(changed.map((c) => [c.kind, !c.email])),
    });
    return preferencesOf(tx, u.id);
  });
}
