/** Lookups the reporting features share: a period. */
import { eq } from 'drizzle-orm';
import type { reportObligations } from '../schema.js';
import { reportingPeriods } from '../schema.js';
import type { DbOrTx } from '../connection.js';
import { AppError } from '../../errors.js';

export type PeriodRow = typeof reportingPeriods.$inferSelect;
export type ObligationRow = typeof reportObligations.$inferSelect;

export async function loadPeriod(db: DbOrTx, id: string): Promise<PeriodRow> {
  const [p] = await db.select().from(reportingPeriods).where(eq(reportingPeriods.id, id));
  if (!p) throw new AppError('PERIOD_NOT_FOUND', { id });
  return p;
}
