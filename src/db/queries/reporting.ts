/** Lookups the reporting features share: a period. */
import { eq } from 'drizzle-orm';
import type { reportObligations } from '../schema.js';
import { reportingPeriods } from '../schema.js';
import type { DbOrTx } from '../connection.js';
import { AppError } from '../../errors.js';

export type PeriodRow = typeof reportingPeriods.$inferSelect;
export type ObligationRow = typeof reportObligations.$inferSelect;

/** A period by id, or PERIOD_NOT_FOUND; with `lock`, its row stays locked until the transaction ends. */
export async function loadPeriod(db: DbOrTx, id: string, opts: { lock?: boolean } = {}): Promise<PeriodRow> {
  const byId = db.select().from(reportingPeriods).where(eq(reportingPeriods.id, id));
  const [p] = await (opts.lock ? byId.for('update') : byId);
  if (!p) throw new AppError('PERIOD_NOT_FOUND', { id });
  return p;
}
