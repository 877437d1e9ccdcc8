/** Lookups in the units directory shared by several features, the CLI and the tests. */
import { eq, inArray } from 'drizzle-orm';
import { units, type UnitRow } from '../schema.js';
import type { DbOrTx } from '../connection.js';

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
