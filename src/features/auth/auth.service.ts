/**
 * Login, logout, sessions and password change. Sessions live in the database (any app instance can
 * serve any request); the cookie carries a random token whose SHA-256 is the session key.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import { sessions, units, users } from '../../db/schema.js';
import type { DbOrTx } from '../../db/connection.js';
import { AppError } from '../../errors.js';
import { isStrongPassword } from '../../domain/passwords.js';
import type { Role } from '../../domain/roles.js';
import { mutate } from '../audit/audit-writer.js';
import { requireUser } from '../policy.js';
import type { Ctx, UserActor } from '../context.js';
import { now, type Deps } from '../deps.js';
import type { LoginBody, Me, PasswordChangeBody } from '../../contract/auth.js';
import { dummyHash, hashPassword, verifyPassword } from './password-hash.js';
import { loginNameHash } from './auth-key.js';
import { clearKey, forgetStale, ipDelay, recordIpFailure, reserveAttempt, throttleKey } from './throttle.js';

export { THROTTLE } from './throttle.js';

export const SESSION_COOKIE = 'thucthi_session';

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

function throttled(until: Date, now: Date, what: 'login' | 'password'): AppError {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  const minutes = Math.ceil(seconds / 60);
  const wrong = what === 'login' ? 'Đăng nhập sai' : 'Nhập sai mật khẩu hiện tại';
  return new AppError(
    'AUTH_THROTTLED',
    { retryAfterSeconds: seconds },
    `${wrong} quá nhiều lần. Vui lòng thử lại sau ${minutes} phút.`,
  );
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export interface LoginResult {
  token: string;
  expiresAt: Date;
  user: Me;
}

/**
 * Checks a login. Throttled per (user name, IP) and slowed per IP (./throttle.ts). An unknown name, a
 * wrong password and a disabled account all answer AUTH_INVALID_CREDENTIALS after the same password
 * check, so neither the answer nor its timing tells them apart.
 */
export async function login(deps: Deps, ctx: Ctx, input: LoginBody): Promise<LoginResult> {
  const username = input.username.trim().toLowerCase();
  const pairKey = throttleKey.login(username, ctx.ip);
  if (ctx.ip) {
    const delay = await ipDelay(deps.db, ctx.ip, now(deps));
    if (delay > 0) await sleep(delay);
  }
  const at = now(deps);
  const slot = await reserveAttempt(deps.db, pairKey, at);
  if (!slot.ok) throw throttled(slot.until, at, 'login');

  const found = await deps.db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = ${username}`);
  const user = found[0];
  const passwordOk = user
    ? await verifyPassword(user.passwordHash, input.password)
    : (await verifyPassword(await dummyHash(), input.password), false);

  if (!user || !passwordOk || !user.active) {
    const reason = !user ? 'unknown_user' : !user.active ? 'disabled' : 'wrong_password';
    await mutate(deps.db, { ...ctx, actor: null }, async (tx, audit) => {
      if (ctx.ip) await recordIpFailure(tx, ctx.ip, now(deps));
      if (Math.random() < 0.02) await forgetStale(tx, now(deps));
      // The name as typed is often a password: only a known user's id, or a keyed hash, is kept.
      audit.record({
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: user ? user.id : `name-hmac:${loginNameHash(deps.authKey, username)}`,
        after: { reason, locked: slot.lockedUntil !== null },
      });
    });
    if (slot.lockedUntil) throw throttled(slot.lockedUntil, at, 'login');
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }

  const token = randomBytes(32).toString('base64url');
  const createdAt = now(deps);
  const expiresAt = new Date(createdAt.getTime() + deps.config.sessionTtlHours * 3600_000);
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
    await clearKey(tx, pairKey);
    await tx.insert(sessions).values({
      tokenHash: tokenHash(token),
      userId: user.id,
      createdAt,
      expiresAt,
      lastSeenAt: createdAt,
      ip: ctx.ip,
      userAgent: null,
    });
    // Housekeeping: drop this user's expired sessions.
    await tx.delete(sessions).where(and(eq(sessions.userId, user.id), lt(sessions.expiresAt, createdAt)));
    audit.record({ action: 'auth.login', entityType: 'user', entityId: user.id, after: { ip: ctx.ip } });
  });
  return { token, expiresAt, user: await meView(deps.db, user.id) };
}

/** Default idle timeout when the configuration does not say (tests building Deps by hand). */
export const DEFAULT_SESSION_IDLE_MINUTES = 60;
/** A session's last activity is written at most this often (not on every request). */
export const SESSION_TOUCH_MS = 60_000;

/**
 * Resolves a cookie token to the acting user, or null when absent, unknown, past its absolute
 * lifetime, idle for longer than SESSION_IDLE_MINUTES, or its user is disabled. Activity extends
 * the idle deadline; the row is rewritten only when its last activity is over a minute old.
 */
export async function resolveSession(
  deps: Pick<Deps, 'db' | 'config' | 'clock'>,
  token: string | undefined,
): Promise<UserActor | null> {
  if (!token || token.length > 200) return null;
  const at = now(deps);
  const idleMinutes = deps.config.sessionIdleMinutes ?? DEFAULT_SESSION_IDLE_MINUTES;
  const hash = tokenHash(token);
  const conditions = [eq(sessions.tokenHash, hash), gt(sessions.expiresAt, at)];
  if (idleMinutes > 0)
    conditions.push(gt(sessions.lastSeenAt, new Date(at.getTime() - idleMinutes * 60_000)));
  const r = await deps.db
    .select({
      id: users.id,
      username: users.username,
      fullName: users.fullName,
      role: users.role,
      unitId: users.unitId,
      active: users.active,
      mustChangePassword: users.mustChangePassword,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(...conditions));
  const u = r[0];
  if (!u || !u.active) return null;
  if (at.getTime() - u.lastSeenAt.getTime() > SESSION_TOUCH_MS) {
    // Session bookkeeping, not a change of the user's data: written directly, not audited.
    await deps.db
      .update(sessions)
      .set({ lastSeenAt: at })
      .where(and(eq(sessions.tokenHash, hash), lt(sessions.lastSeenAt, at)));
  }
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
  // Someone holding a session must not be able to guess the password behind it: throttled per user.
  const key = throttleKey.password(actor.id);
  const at = now(deps);
  const slot = await reserveAttempt(deps.db, key, at);
  if (!slot.ok) throw throttled(slot.until, at, 'password');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    if (slot.lockedUntil) throw throttled(slot.lockedUntil, at, 'password');
    throw new AppError('PASSWORD_WRONG');
  }
  await clearKey(deps.db, key);
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
