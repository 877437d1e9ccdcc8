/**
 * Units directory use cases: list and search, create, edit, contact data, members, CSV exchange, seed.
 */
import { and, asc, count, eq, inArray, like, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { units, users, type UnitRow } from '../../db/schema.js';
import type { DbOrTx, Tx } from '../../db/connection.js';
import { pgErrorCode } from '../../db/errors.js';
import { unitSubtree } from '../../db/queries/units.js';
import { AppError } from '../../errors.js';
import { cleanText, escapeLike, fold } from '../../domain/text.js';
import {
  parseUnitsCsv,
  unitsToCsv,
  type UnitCsvError,
  type UnitKind,
  type UnitSeed,
} from '../../domain/units.js';
import { versionConflict } from '../conflict.js';
import { mutate, auditSnapshot, type AuditRecorder } from '../audit/audit-writer.js';
import type { AuditAction } from '../../domain/audit-actions.js';
import { authorize, authorizeForUnit } from '../policy.js';
import { actorUserId, type Ctx } from '../context.js';
import type { Deps } from '../deps.js';
import type { Role } from '../../domain/roles.js';
import type {
  Unit,
  UnitContactBody,
  UnitCreateBody,
  UnitImportResult,
  UnitListQuery,
  UnitMembers,
  UnitPage,
  UnitPatchBody,
} from '../../contract/units.js';

const parent = alias(units, 'parent');

const unitViewColumns = {
  id: units.id,
  code: units.code,
  name: units.name,
  shortName: units.shortName,
  kind: units.kind,
  parentId: units.parentId,
  parentName: parent.name,
  active: units.active,
  email: units.email,
  phone: units.phone,
  address: units.address,
  version: units.version,
  updatedAt: units.updatedAt,
};

function toView(r: Omit<Unit, 'kind' | 'updatedAt'> & { kind: string; updatedAt: Date }): Unit {
  return { ...r, kind: r.kind as UnitKind, updatedAt: r.updatedAt.toISOString() };
}

function searchTextOf(u: { code: string; name: string; shortName: string | null }): string {
  return fold([u.name, u.shortName ?? '', u.code].join(' '));
}

export async function listUnits(deps: Deps, ctx: Ctx, query: UnitListQuery): Promise<UnitPage> {
  authorize(ctx, 'unit.read');
  const where: SQL[] = [];
  if (query.q && query.q.trim()) {
    for (const word of fold(query.q).split(' ')) {
      where.push(like(units.searchText, `%${escapeLike(word)}%`));
    }
  }
  if (query.kind) where.push(eq(units.kind, query.kind));
  if (query.active === 'true') where.push(eq(units.active, true));
  if (query.active === 'false') where.push(eq(units.active, false));
  if (query.parentId) where.push(eq(units.parentId, query.parentId));
  if (query.within) where.push(inArray(units.id, [...(await unitSubtree(deps.db, query.within))]));
  const cond = where.length ? and(...where) : undefined;
  const limit = query.limit ?? 50;
  const offset = query.offset ?? 0;
  const [items, totals] = await Promise.all([
    deps.db
      .select(unitViewColumns)
      .from(units)
      .leftJoin(parent, eq(parent.id, units.parentId))
      .where(cond)
      .orderBy(asc(units.kind), asc(units.name), asc(units.code))
      .limit(limit)
      .offset(offset),
    deps.db.select({ n: count() }).from(units).where(cond),
  ]);
  return { items: items.map(toView), total: Number(totals[0]?.n ?? 0) };
}

async function loadView(db: DbOrTx, id: string): Promise<Unit | null> {
  const r = await db
    .select(unitViewColumns)
    .from(units)
    .leftJoin(parent, eq(parent.id, units.parentId))
    .where(eq(units.id, id));
  return r[0] ? toView(r[0]) : null;
}

export async function getUnit(deps: Deps, ctx: Ctx, id: string): Promise<Unit> {
  authorize(ctx, 'unit.read');
  const v = await loadView(deps.db, id);
  if (!v) throw new AppError('UNIT_NOT_FOUND', { id });
  return v;
}

/** Refuses a parent that does not exist or that would put the unit inside its own subtree. */
async function checkParent(tx: DbOrTx, unitId: string | null, parentId: string | null): Promise<void> {
  if (!parentId) return;
  let cur: string | null = parentId;
  for (let depth = 0; cur; depth++) {
    if (cur === unitId || depth > 64) throw new AppError('UNIT_PARENT_INVALID', { parentId });
    const r: { parentId: string | null }[] = await tx
      .select({ parentId: units.parentId })
      .from(units)
      .where(eq(units.id, cur));
    if (!r[0]) throw new AppError('UNIT_PARENT_INVALID', { parentId });
    cur = r[0].parentId;
  }
}

function opt(s: string | null | undefined): string | null {
  if (s === undefined || s === null) return null;
  const c = cleanText(s);
  return c === '' ? null : c;
}

async function uniqueCode<T>(p: Promise<T>, code: string): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (pgErrorCode(e) === '23505') throw new AppError('UNIT_CODE_TAKEN', { code });
    throw e;
  }
}

export async function createUnit(deps: Deps, ctx: Ctx, input: UnitCreateBody): Promise<Unit> {
  authorize(ctx, 'unit.manage');
  return mutate(deps.db, ctx, async (tx, audit) => {
    const parentId = input.parentId ?? null;
    await checkParent(tx, null, parentId);
    const values = {
      code: cleanText(input.code),
      name: cleanText(input.name),
      shortName: opt(input.shortName),
      kind: input.kind,
      parentId,
      active: input.active ?? true,
      email: opt(input.email),
      phone: opt(input.phone),
      address: opt(input.address),
      updatedBy: actorUserId(ctx),
    };
    const [row] = await uniqueCode(
      tx
        .insert(units)
        .values({ ...values, searchText: searchTextOf(values) })
        .returning(),
      values.code,
    );
    audit.record({ action: 'unit.create', entityType: 'unit', entityId: row!.id, after: auditSnapshot(row) });
    return (await loadView(tx, row!.id))!;
  });
}

async function applyUnitPatch(
  tx: Tx,
  ctx: Ctx,
  audit: AuditRecorder,
  id: string,
  patch: UnitPatchBody,
  action: Extract<AuditAction, 'unit.update' | 'unit.update_contact'>,
): Promise<Unit> {
  const [cur] = await tx.select().from(units).where(eq(units.id, id)).for('update');
  if (!cur) throw new AppError('UNIT_NOT_FOUND', { id });
  if (cur.version !== patch.version) throw await versionConflict(tx, 'unit', cur);
  const next: Partial<UnitRow> = {};
  if (patch.code !== undefined) next.code = cleanText(patch.code);
  if (patch.name !== undefined) next.name = cleanText(patch.name);
  if (patch.shortName !== undefined) next.shortName = opt(patch.shortName);
  if (patch.kind !== undefined) next.kind = patch.kind;
  if (patch.parentId !== undefined) next.parentId = patch.parentId;
  if (patch.active !== undefined) next.active = patch.active;
  if (patch.email !== undefined) next.email = opt(patch.email);
  if (patch.phone !== undefined) next.phone = opt(patch.phone);
  if (patch.address !== undefined) next.address = opt(patch.address);
  const changed = Object.fromEntries(
    Object.entries(next).filter(([k, v]) => (cur as Record<string, unknown>)[k] !== v),
  ) as Partial<UnitRow>;
  if (Object.keys(changed).length === 0) {
    audit.nothingChanged();
    return (await loadView(tx, id))!;
  }
  if (changed.parentId !== undefined) await checkParent(tx, id, changed.parentId);
  const merged = { ...cur, ...changed };
  const [row] = await uniqueCode(
    tx
      .update(units)
      .set({
        ...changed,
        searchText: searchTextOf(merged),
        version: cur.version + 1,
        updatedAt: new Date(),
        updatedBy: actorUserId(ctx),
      })
      .where(eq(units.id, id))
      .returning(),
    merged.code,
  );
  const before = auditSnapshot(cur)!;
  const after = auditSnapshot(row)!;
  audit.record({
    action,
    entityType: 'unit',
    entityId: id,
    before: Object.fromEntries(Object.keys(changed).map((k) => [k, before[k] ?? null])),
    after: Object.fromEntries(Object.keys(changed).map((k) => [k, after[k] ?? null])),
  });
  return (await loadView(tx, id))!;
}

export async function updateUnit(deps: Deps, ctx: Ctx, id: string, patch: UnitPatchBody): Promise<Unit> {
  authorize(ctx, 'unit.manage');
  return mutate(deps.db, ctx, (tx, audit) => applyUnitPatch(tx, ctx, audit, id, patch, 'unit.update'));
}

export async function updateUnitContact(
  deps: Deps,
  ctx: Ctx,
  id: string,
  patch: UnitContactBody,
): Promise<Unit> {
  authorizeForUnit(ctx, 'unit.editContact', id);
  const { version, email, phone, address } = patch;
  return mutate(deps.db, ctx, (tx, audit) =>
    applyUnitPatch(tx, ctx, audit, id, { version, email, phone, address }, 'unit.update_contact'),
  );
}

export async function listUnitMembers(deps: Deps, ctx: Ctx, id: string): Promise<UnitMembers> {
  authorizeForUnit(ctx, 'unit.readMembers', id);
  const exists = await deps.db.select({ id: units.id }).from(units).where(eq(units.id, id));
  if (!exists[0]) throw new AppError('UNIT_NOT_FOUND', { id });
  const items = await deps.db
    .select({
      id: users.id,
      username: users.username,
      fullName: users.fullName,
      role: users.role,
      active: users.active,
    })
    .from(users)
    .where(eq(users.unitId, id))
    .orderBy(asc(users.fullName));
  return { items: items.map((m) => ({ ...m, role: m.role as Role })) };
}

// ---- CSV exchange and seed ----

export async function exportUnitsCsv(deps: Deps, ctx: Ctx): Promise<string> {
  authorize(ctx, 'unit.read');
  const r = await deps.db
    .select({
      code: units.code,
      name: units.name,
      shortName: units.shortName,
      kind: units.kind,
      parentCode: parent.code,
      active: units.active,
      email: units.email,
      phone: units.phone,
      address: units.address,
    })
    .from(units)
    .leftJoin(parent, eq(parent.id, units.parentId))
    .orderBy(asc(units.code));
  return unitsToCsv(r);
}

/** Equal values, arrays (aliases) by content. */
function sameValue(a: unknown, b: unknown): boolean {
  return Array.isArray(a) || Array.isArray(b) ? JSON.stringify(a) === JSON.stringify(b) : a === b;
}

type ApplyRow = UnitSeed & {
  line: number;
  email?: string | null;
  phone?: string | null;
  address?: string | null;
};

/**
 * Creates or updates units by code, then links parents by code, all in the caller's transaction.
 * Fields a row does not carry (e.g. contact data in a seed) are left as they are.
 */
async function applyUnitRows(
  tx: Tx,
  ctx: Ctx,
  audit: AuditRecorder,
  rowsIn: ApplyRow[],
): Promise<UnitImportResult> {
  const errors: UnitCsvError[] = [];
  const codes = rowsIn.map((r) => r.code);
  const parentCodes = rowsIn.map((r) => r.parentCode).filter((c): c is string => !!c);
  const existing = await tx
    .select()
    .from(units)
    .where(inArray(units.code, [...new Set([...codes, ...parentCodes])]));
  const byCode = new Map(existing.map((u) => [u.code, u]));
  const inFile = new Set(codes);
  for (const r of rowsIn) {
    if (r.parentCode && !byCode.has(r.parentCode) && !inFile.has(r.parentCode)) {
      errors.push({
        line: r.line,
        code: 'UNIT_PARENT_UNKNOWN',
        message: `Không có đơn vị cấp trên mã "${r.parentCode}"`,
      });
    }
  }
  if (errors.length) throw new AppError('UNIT_CSV_INVALID', { errors });

  const result: UnitImportResult = { created: 0, updated: 0, unchanged: 0 };
  const uid = actorUserId(ctx);
  // Pass 1: create or update every unit without touching parents.
  const rowByCode = new Map<string, UnitRow>();
  const beforeByCode = new Map<string, UnitRow>();
  for (const r of rowsIn) {
    const cur = byCode.get(r.code);
    const base = {
      name: cleanText(r.name),
      shortName: opt(r.shortName),
      kind: r.kind,
      active: r.active,
      ...(r.email !== undefined ? { email: opt(r.email) } : {}),
      ...(r.phone !== undefined ? { phone: opt(r.phone) } : {}),
      ...(r.address !== undefined ? { address: opt(r.address) } : {}),
      ...(r.aliases !== undefined ? { aliases: r.aliases } : {}),
      ...(r.successorCode !== undefined ? { successorCode: r.successorCode } : {}),
    };
    if (!cur) {
      const [row] = await tx
        .insert(units)
        .values({
          code: r.code,
          ...base,
          searchText: searchTextOf({ code: r.code, ...base }),
          updatedBy: uid,
        })
        .returning();
      rowByCode.set(r.code, row!);
    } else {
      beforeByCode.set(r.code, cur);
      rowByCode.set(r.code, cur);
      const changed = Object.entries(base).some(
        ([k, v]) => !sameValue((cur as Record<string, unknown>)[k], v),
      );
      if (changed) {
        const [row] = await tx
          .update(units)
          .set({ ...base, searchText: searchTextOf({ ...cur, ...base }) })
          .where(eq(units.id, cur.id))
          .returning();
        rowByCode.set(r.code, row!);
      }
    }
  }
  const idOf = (code: string) => rowByCode.get(code)?.id ?? byCode.get(code)!.id;
  // Pass 2: parents, with a cycle check once all links are in place.
  for (const r of rowsIn) {
    const row = rowByCode.get(r.code)!;
    const parentId = r.parentCode ? idOf(r.parentCode) : null;
    if (row.parentId !== parentId) {
      const [upd] = await tx.update(units).set({ parentId }).where(eq(units.id, row.id)).returning();
      rowByCode.set(r.code, upd!);
    }
  }
  for (const r of rowsIn) {
    try {
      await checkParent(tx, rowByCode.get(r.code)!.id, rowByCode.get(r.code)!.parentId);
    } catch {
      errors.push({
        line: r.line,
        code: 'UNIT_PARENT_CYCLE',
        message: `Đơn vị "${r.code}" tạo vòng lặp cấp trên`,
      });
    }
  }
  if (errors.length) throw new AppError('UNIT_CSV_INVALID', { errors });
  // Pass 3: bump versions and audit what really changed.
  for (const r of rowsIn) {
    const now = rowByCode.get(r.code)!;
    const before = beforeByCode.get(r.code);
    if (!before) {
      result.created++;
      audit.record({
        action: 'unit.create',
        entityType: 'unit',
        entityId: now.id,
        after: auditSnapshot(now),
      });
      continue;
    }
    const b = auditSnapshot(before)!;
    const a = auditSnapshot(now)!;
    const keys = [
      'name',
      'shortName',
      'kind',
      'active',
      'email',
      'phone',
      'address',
      'parentId',
      'aliases',
      'successorCode',
    ].filter((k) => !sameValue(b[k], a[k]));
    if (keys.length === 0) {
      result.unchanged++;
      continue;
    }
    result.updated++;
    await tx
      .update(units)
      .set({ version: before.version + 1, updatedAt: new Date(), updatedBy: uid })
      .where(eq(units.id, now.id));
    audit.record({
      action: 'unit.import_update',
      entityType: 'unit',
      entityId: now.id,
      before: Object.fromEntries(keys.map((k) => [k, b[k] ?? null])),
      after: Object.fromEntries(keys.map((k) => [k, a[k] ?? null])),
    });
  }
  if (result.created + result.updated === 0) audit.nothingChanged();
  return result;
}

export async function importUnitsCsv(deps: Deps, ctx: Ctx, text: string): Promise<UnitImportResult> {
  authorize(ctx, 'unit.manage');
  const parsed = parseUnitsCsv(text);
  if (parsed.errors.length) throw new AppError('UNIT_CSV_INVALID', { errors: parsed.errors });
  if (parsed.rows.length === 0)
    throw new AppError('UNIT_CSV_INVALID', {
      errors: [{ line: 1, code: 'CSV_EMPTY', message: 'Tệp CSV không có dòng dữ liệu nào' }],
    });
  return mutate(deps.db, ctx, (tx, audit) => applyUnitRows(tx, ctx, audit, parsed.rows));
}

/** Loads or refreshes the seed directory (idempotent: a second run changes nothing). */
export async function seedUnits(deps: Deps, ctx: Ctx, seeds: UnitSeed[]): Promise<UnitImportResult> {
  authorize(ctx, 'unit.manage');
  return mutate(deps.db, ctx, (tx, audit) =>
    applyUnitRows(
      tx,
      ctx,
      audit,
      seeds.map((s, i) => ({ ...s, line: i + 1 })),
    ),
  );
}
