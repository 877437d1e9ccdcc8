/**
 * Login, logout, sessions and password change. Sessions live in the database (any app instance can
 * serve any request); the cookie carries a random token whose SHA-256 is the session key.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import { loginThrottle, sessions, units, users } from '../../db/schema.js';
import type { DbOrTx } from '../../db/connection.js';
import { AppError } from '../../errors.js';
import { isStrongPassword } from '../../domain/passwords.js';
import type { Role } from '../../domain/roles.js';
import { mutate } from '../audit/audit-writer.js';
import { requireUser } from '../policy.js';
import type { Ctx, UserActor } from '../context.js';
import type { Deps } from '../deps.js';
import type { LoginBody, Me, PasswordChangeBody } from '../../contract/auth.js';
import { dummyHash, hashPassword, verifyPassword } from './password-hash.js';

export const SESSION_COOKIE = 'thucthi_session';

/** Throttle: this many failures in the window lock the key for the lock time. */
export const THROTTLE = {
  userFailures: 5,
  ipFailures: 30,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
};

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

async function meView(db: DbOrTx, userId: string): Promise<Me> {
  const r = await db
    .select({
      id: users.id,
      username: users.username,
      fullName: users.fullName,
      email: users.email,
      role: users.role,
      unitId: users.unitId,
      unitName: units.name,
      mustChangePassword: users.mustChangePassword,
    })
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .where(eq(users.id, userId));
  if (!r[0]) throw new AppError('USER_NOT_FOUND');
  return { ...r[0], role: r[0].role as Role };
}

async function lockedUntil(db: DbOrTx, keys: string[], now: Date): Promise<Date | null> {
  const r = await db
    .select({ lockedUntil: loginThrottle.lockedUntil })
    .from(loginThrottle)
    .where(and(sql`${loginThrottle.key} in ${keys}`, gt(loginThrottle.lockedUntil, now)));
  const times = r.map((x) => x.lockedUntil!.getTime());
  return times.length ? new Date(Math.max(...times)) : null;
}

function throttled(until: Date, now: Date): AppError {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return new AppError(
    'AUTH_THROTTLED',
    { retryAfterSeconds: Math.ceil((until.getTime() - now.getTime()) / 1000) },
    `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${minutes} phút.`,
  );
}

export interface LoginResult {
  token: string;
  expiresAt: Date;
  user: Me;
}

export async function login(deps: Deps, ctx: Ctx, input: LoginBody): Promise<LoginResult> {
  const now = new Date();
  const username = input.username.trim().toLowerCase();
  const keys = [`u:${username}`, ...(ctx.ip ? [`ip:${ctx.ip}`] : [])];
  const until = await lockedUntil(deps.db, keys, now);
  if (until) throw throttled(until, now);

  const found = await deps.db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = ${username}`);
  const user = found[0];
  const ok = user
    ? await verifyPassword(user.passwordHash, input.password)
    : (await verifyPassword(await dummyHash(), input.password), false);

  if (!ok || !user) {
    const lockNow = await mutate(deps.db, { ...ctx, actor: null }, async (tx, audit) => {
      let lock: Date | null = null;
      for (const key of keys) {
        const limit = key.startsWith('u:') ? THROTTLE.userFailures : THROTTLE.ipFailures;
        const [row] = await tx
          .insert(loginThrottle)
          .values({ key, failures: 1, windowStart: now })
          .onConflictDoUpdate({
            target: loginThrottle.key,
            set: {
              failures: sql`case when ${loginThrottle.windowStart} < ${new Date(now.getTime() - THROTTLE.windowMs)} then 1 else ${loginThrottle.failures} + 1 end`,
              windowStart: sql`case when ${loginThrottle.windowStart} < ${new Date(now.getTime() - THROTTLE.windowMs)} then ${now} else ${loginThrottle.windowStart} end`,
            },
          })
          .returning();
        if (row!.failures >= limit) {
          const l = new Date(now.getTime() + THROTTLE.lockMs);
          await tx
            .update(loginThrottle)
            .set({ lockedUntil: l, failures: 0, windowStart: now })
            .where(eq(loginThrottle.key, key));
          lock = l;
        }
      }
      audit.record({
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: user?.id ?? `username:${username.slice(0, 100)}`,
        after: { username: username.slice(0, 100), locked: lock !== null },
      });
      return lock;
    });
    if (lockNow) throw throttled(lockNow, now);
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  if (!user.active) throw new AppError('AUTH_USER_DISABLED');

  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + deps.config.sessionTtlHours * 3600_000);
  const actor: UserActor = {
    kind: 'user',
    id: user.id,
    username: user.username,
    fullName: user.fullName,
    role: user.role as Role,
    unitId: user.unitId,
    mustChangePassword: user.mustChangePassword,
  };
  await mutate(deps.db, { ...ctx, actor }, async (tx, audit) => {
    await tx.delete(loginThrottle).where(eq(loginThrottle.key, `u:${username}`));
    await tx.insert(sessions).values({
      tokenHash: tokenHash(token),
      userId: user.id,
      expiresAt,
      ip: ctx.ip,
      userAgent: null,
    });
    // Housekeeping: drop this user's expired sessions.
    await tx.delete(sessions).where(and(eq(sessions.userId, user.id), lt(sessions.expiresAt, now)));
    audit.record({ action: 'auth.login', entityType: 'user', entityId: user.id, after: { ip: ctx.ip } });
  });
  return { token, expiresAt, user: await meView(deps.db, user.id) };
}

/** Resolves a cookie token to the acting user, or null when absent, unknown, expired or disabled. */
export async function resolveSession(
  deps: Pick<Deps, 'db'>,
  token: string | undefined,
): Promise<UserActor | null> {
  if (!token || token.length > 200) return null;
  const r = await deps.db
    .select({
      id: users.id,
      username: users.username,
      fullName: users.fullName,
      role: users.role,
      unitId: users.unitId,
      active: users.active,
      mustChangePassword: users.mustChangePassword,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash(token)), gt(sessions.expiresAt, new Date())));
  const u = r[0];
  if (!u || !u.active) return null;
  return {
    kind: 'user',
    id: u.id,
    username: u.username,
    fullName: u.fullName,
    role: u.role as Role,
    unitId: u.unitId,
    mustChangePassword: u.mustChangePassword,
  };
}

export async function logout(deps: Deps, ctx: Ctx, token: string | undefined): Promise<void> {
  const actor = requireUser(ctx);
  if (!token) return;
  await mutate(deps.db, ctx, async (tx, audit) => {
    await tx.delete(sessions).where(eq(sessions.tokenHash, tokenHash(token)));
    audit.record({ action: 'auth.logout', entityType: 'user', entityId: actor.id });
  });
}

export async function getMe(deps: Deps, ctx: Ctx): Promise<Me> {
  return meView(deps.db, requireUser(ctx).id);
}

/** Changes the actor's own password; ends the actor's other sessions. */
export async function changePassword(
  deps: Deps,
  ctx: Ctx,
  input: PasswordChangeBody,
  currentToken: string | undefined,
): Promise<void> {
  const actor = requireUser(ctx);
  const [user] = await deps.db.select().from(users).where(eq(users.id, actor.id));
  if (!user) throw new AppError('USER_NOT_FOUND');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) throw new AppError('PASSWORD_WRONG');
  if (!isStrongPassword(input.newPassword, input.currentPassword)) throw new AppError('PASSWORD_WEAK');
  const passwordHash = await hashPassword(input.newPassword);
  await mutate(deps.db, ctx, async (tx, audit) => {
    await tx
      .update(users)
      .set({
        passwordHash,
        mustChangePassword: false,
        passwordChangedAt: new Date(),
        version: user.version + 1,
        updatedAt: new Date(),
        updatedBy: actor.id,
      })
      .where(eq(users.id, actor.id));
    const keep = currentToken ? tokenHash(currentToken) : '';
    await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, actor.id), sql`${sessions.tokenHash} <> ${keep}`));
    audit.record({
      action: 'user.change_password',
      entityType: 'user',
      entityId: actor.id,
      before: { mustChangePassword: user.mustChangePassword },
      after: { mustChangePassword: false },
    });
  });
}
