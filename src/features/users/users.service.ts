/**
 * User administration: list, create (with a one-time password), edit, disable, enable, reset password.
 */
import { and, asc, count, eq, like, ne, type SQL } from 'drizzle-orm';
import { sessions, units, users, type UserRow } from '../../db/schema.js';
import type { DbOrTx, Tx } from '../../db/connection.js';
import { pgErrorCode } from '../../db/errors.js';
import { AppError } from '../../errors.js';
import { escapeLike, fold, cleanText } from '../../domain/text.js';
import { generateOneTimePassword, isStrongPassword } from '../../domain/passwords.js';
import type { Role } from '../../domain/roles.js';
import { versionConflict } from '../conflict.js';
import { auditSnapshot, mutate } from '../audit/audit-writer.js';
import { authorize } from '../policy.js';
import { actorUserId, type Ctx } from '../context.js';
import type { Deps } from '../deps.js';
import { hashPassword } from '../auth/password-hash.js';
import type {
  PasswordReset,
  User,
  UserCreateBody,
  UserListQuery,
  UserPage,
  UserPatchBody,
} from '../../contract/users.js';

const viewColumns = {
  id: users.id,
  username: users.username,
  fullName: users.fullName,
  email: users.email,
  role: users.role,
  unitId: users.unitId,
  unitName: units.name,
  active: users.active,
  mustChangePassword: users.mustChangePassword,
  version: users.version,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
};

type ViewRow = Omit<User, 'createdAt' | 'updatedAt' | 'role'> & {
  role: string;
  createdAt: Date;
  updatedAt: Date;
};

function toView(r: ViewRow): User {
  return {
    ...r,
    role: r.role as Role,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

async function loadView(db: DbOrTx, id: string): Promise<User | null> {
  const r = await db
    .select(viewColumns)
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .where(eq(users.id, id));
  return r[0] ? toView(r[0]) : null;
}

export async function listUsers(deps: Deps, ctx: Ctx, query: UserListQuery): Promise<UserPage> {
  authorize(ctx, 'user.manage');
  const where: SQL[] = [];
  if (query.q?.trim()) {
    for (const word of fold(query.q).split(' ')) where.push(like(users.searchText, `%${escapeLike(word)}%`));
  }
  if (query.role) where.push(eq(users.role, query.role));
  if (query.unitId) where.push(eq(users.unitId, query.unitId));
  if (query.active === 'true') where.push(eq(users.active, true));
  if (query.active === 'false') where.push(eq(users.active, false));
  const cond = where.length ? and(...where) : undefined;
  const [items, totals] = await Promise.all([
    deps.db
      .select(viewColumns)
      .from(users)
      .leftJoin(units, eq(units.id, users.unitId))
      .where(cond)
      .orderBy(asc(users.username))
      .limit(query.limit ?? 50)
      .offset(query.offset ?? 0),
    deps.db.select({ n: count() }).from(users).where(cond),
  ]);
  return { items: items.map(toView), total: Number(totals[0]?.n ?? 0) };
}

function userSearchText(username: string, fullName: string, email: string | null): string {
  return fold(`${username} ${fullName} ${email ?? ''}`);
}

export async function getUser(deps: Deps, ctx: Ctx, id: string): Promise<User> {
  authorize(ctx, 'user.manage');
  const v = await loadView(deps.db, id);
  if (!v) throw new AppError('USER_NOT_FOUND', { id });
  return v;
}

/** An account to create; the CLI may give the password, otherwise a one-time password is generated. */
export type CreateUserInput = UserCreateBody & { password?: string | undefined };

async function checkUnit(tx: DbOrTx, role: Role, unitId: string | null): Promise<void> {
  if (role === 'unit' && !unitId) throw new AppError('USER_UNIT_REQUIRED');
  if (!unitId) return;
  const u = await tx.select({ active: units.active }).from(units).where(eq(units.id, unitId));
  if (!u[0]) throw new AppError('UNIT_NOT_FOUND', { unitId });
  if (!u[0].active) throw new AppError('USER_UNIT_REQUIRED', { unitId });
}

export async function createUser(
  deps: Deps,
  ctx: Ctx,
  input: CreateUserInput,
): Promise<{ user: User; oneTimePassword: string | null }> {
  authorize(ctx, 'user.manage');
  const username = input.username.trim().toLowerCase();
  if (input.password !== undefined && !isStrongPassword(input.password)) throw new AppError('PASSWORD_WEAK');
  const oneTime = input.password === undefined ? generateOneTimePassword() : null;
  const passwordHash = await hashPassword(input.password ?? oneTime!);
  return mutate(deps.db, ctx, async (tx, audit) => {
    const unitId = input.unitId ?? null;
    await checkUnit(tx, input.role, unitId);
    let row: UserRow;
    try {
      [row] = (await tx
        .insert(users)
        .values({
          username,
          fullName: cleanText(input.fullName),
          email: input.email ? cleanText(input.email) : null,
          searchText: userSearchText(username, input.fullName, input.email ?? null),
          role: input.role,
          unitId,
          passwordHash,
          mustChangePassword: oneTime !== null,
          updatedBy: actorUserId(ctx),
        })
        .returning()) as [UserRow];
    } catch (e) {
      if (pgErrorCode(e) === '23505') throw new AppError('USERNAME_TAKEN', { username });
      throw e;
    }
    audit.record({ action: 'user.create', entityType: 'user', entityId: row.id, after: auditSnapshot(row) });
    return { user: (await loadView(tx, row.id))!, oneTimePassword: oneTime };
  });
}

async function lockUser(tx: Tx, id: string): Promise<UserRow> {
  const [cur] = await tx.select().from(users).where(eq(users.id, id)).for('update');
  if (!cur) throw new AppError('USER_NOT_FOUND', { id });
  return cur;
}

/** Refuses a change that would leave no active administrator. */
async function keepOneAdmin(tx: DbOrTx, exceptId: string): Promise<void> {
  const r = await tx
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true), ne(users.id, exceptId)));
  if (Number(r[0]?.n ?? 0) === 0) throw new AppError('LAST_ADMIN');
}

export async function updateUser(deps: Deps, ctx: Ctx, id: string, input: UserPatchBody): Promise<User> {
  authorize(ctx, 'user.manage');
  return mutate(deps.db, ctx, async (tx, audit) => {
    const cur = await lockUser(tx, id);
    if (cur.version !== input.version) throw await versionConflict(tx, 'user', cur);
    const next: Partial<UserRow> = {};
    if (input.fullName !== undefined) next.fullName = cleanText(input.fullName);
    if (input.email !== undefined) next.email = input.email ? cleanText(input.email) : null;
    if (input.role !== undefined) next.role = input.role;
    if (input.unitId !== undefined) next.unitId = input.unitId;
    const changed = Object.fromEntries(
      Object.entries(next).filter(([k, v]) => (cur as Record<string, unknown>)[k] !== v),
    ) as Partial<UserRow>;
    if (Object.keys(changed).length === 0) {
      audit.nothingChanged();
      return (await loadView(tx, id))!;
    }
    const role = (changed.role ?? cur.role) as Role;
    const unitId = changed.unitId !== undefined ? changed.unitId : cur.unitId;
    if (changed.role !== undefined || changed.unitId !== undefined) await checkUnit(tx, role, unitId);
    if (cur.role === 'admin' && role !== 'admin' && cur.active) await keepOneAdmin(tx, id);
    const [row] = await tx
      .update(users)
      .set({
        ...changed,
        searchText: userSearchText(
          cur.username,
          changed.fullName ?? cur.fullName,
          changed.email !== undefined ? changed.email : cur.email,
        ),
        version: cur.version + 1,
        updatedAt: new Date(),
        updatedBy: actorUserId(ctx),
      })
      .where(eq(users.id, id))
      .returning();
    const b = auditSnapshot(cur)!;
    const a = auditSnapshot(row)!;
    const keys = Object.keys(changed);
    audit.record({
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      before: Object.fromEntries(keys.map((k) => [k, b[k] ?? null])),
      after: Object.fromEntries(keys.map((k) => [k, a[k] ?? null])),
    });
    return (await loadView(tx, id))!;
  });
}

export async function setUserActive(deps: Deps, ctx: Ctx, id: string, active: boolean): Promise<User> {
  authorize(ctx, 'user.manage');
  return mutate(deps.db, ctx, async (tx, audit) => {
    const cur = await lockUser(tx, id);
    if (cur.active === active) {
      audit.nothingChanged();
      return (await loadView(tx, id))!;
    }
    if (!active) {
      if (ctx.actor?.kind === 'user' && ctx.actor.id === id) throw new AppError('USER_SELF_DISABLE');
      if (cur.role === 'admin') await keepOneAdmin(tx, id);
      await tx.delete(sessions).where(eq(sessions.userId, id));
    }
    await tx
      .update(users)
      .set({ active, version: cur.version + 1, updatedAt: new Date(), updatedBy: actorUserId(ctx) })
      .where(eq(users.id, id));
    audit.record({
      action: active ? 'user.enable' : 'user.disable',
      entityType: 'user',
      entityId: id,
      before: { active: cur.active },
      after: { active },
    });
    return (await loadView(tx, id))!;
  });
}

/** Sets a new one-time password and ends the user's sessions. */
export async function resetUserPassword(deps: Deps, ctx: Ctx, id: string): Promise<PasswordReset> {
  authorize(ctx, 'user.manage');
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  await mutate(deps.db, ctx, async (tx, audit) => {
    const cur = await lockUser(tx, id);
    await tx
      .update(users)
      .set({
        passwordHash,
        mustChangePassword: true,
        version: cur.version + 1,
        updatedAt: new Date(),
        updatedBy: actorUserId(ctx),
      })
      .where(eq(users.id, id));
    await tx.delete(sessions).where(eq(sessions.userId, id));
    audit.record({
      action: 'user.reset_password',
      entityType: 'user',
      entityId: id,
      after: { mustChangePassword: true },
    });
  });
  return { oneTimePassword };
}
