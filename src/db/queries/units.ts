/** Lookups in the units directory shared by several features, the CLI and the tests. */
import { eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { IssuingUnit } from '../../domain/reporting/heading.js';
import { units, type UnitRow } from '../schema.js';
import { rows, type DbOrTx } from '../connection.js';

export async function findUnitByCode(db: DbOrTx, code: string): Promise<UnitRow | null> {
  const r = await db.select().from(units).where(eq(units.code, code));
  return r[0] ?? null;
}

/** The names of the units `ids` (repeats allowed), by id; an unknown id is left out. */
export async function unitNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  const uniq = [...new Set(ids)];
  if (!uniq.length) return new Map();
  const r = await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, uniq));
  return new Map(r.map((u) => [u.id, u.name]));
}

/**
 * The ids of unit `rootId` and of every unit below it in the units tree (children, their children, …);
 * empty when the unit does not exist. `union` (not `union all`) stops at a unit already reached, so a
 * cycle could not loop (the directory refuses cycles anyway).
 */
export async function unitSubtree(db: DbOrTx, rootId: string): Promise<Set<string>> {
  const r = await rows<{ id: string }>(
    db,
    sql`with recursive sub(id) as (
          select ${units.id} from ${units} where ${units.id} = ${rootId}
          union
          select u.id from ${units} u join sub on u.parent_id = sub.id
        )
        select id from sub`,
  );
  return new Set(r.map((x) => x.id));
}

/** A unit and its parent, as the heading of an official document needs them (null: no such unit). */
export async function issuingUnit(db: DbOrTx, unitId: string | null): Promise<IssuingUnit | null> {
  if (!unitId) return null;
  const parent = alias(units, 'parent');
  const [u] = await db
    .select({ name: units.name, kind: units.kind, parentName: parent.name, parentKind: parent.kind })
    .from(units)
    .leftJoin(parent, eq(parent.id, units.parentId))
    .where(eq(units.id, unitId));
  if (!u) return null;
  return {
    name: u.name,
    kind: u.kind,
    parent: u.parentName && u.parentKind ? { name: u.parentName, kind: u.parentKind } : null,
  };
}
