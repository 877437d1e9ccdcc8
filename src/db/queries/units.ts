/** Lookups in the units directory shared by several features, the CLI and the tests. */
import { eq } from 'drizzle-orm';
import { units, type UnitRow } from '../schema.js';
import type { DbOrTx } from '../connection.js';

export async function findUnitByCode(db: DbOrTx, code: string): Promise<UnitRow | null> {
  const r = await db.select().from(units).where(eq(units.code, code));
  return r[0] ?? null;
}
