/** Lookups the reporting features share: a period, and units' names. */
import { eq, inArray } from 'drizzle-orm';
import type { reportObligations } from '../schema.js';
import { reportingPeriods, units } from '../schema.js';
import type { DbOrTx } from '../connection.js';
import { AppError } from '../../errors.js';

export type PeriodRow = typeof reportingPeriods.$inferSelect;
export type ObligationRow = typeof reportObligations.$inferSelect;

export async function loadPeriod(db: DbOrTx, id: string): Promise<PeriodRow> {
  const [p] = await db.select().from(reportingPeriods).where(eq(reportingPeriods.id, id));
  if (!p) throw new AppError('PERIOD_NOT_FOUND', { id });
  return p;
}

export async function unitNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  const uniq = [...new Set(ids)];
  if (!uniq.length) return new Map();
  const r = await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, uniq));
  return new Map(r.map((u) => [u.id, u.name]));
}
