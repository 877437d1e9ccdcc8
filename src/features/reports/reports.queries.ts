/** The obligation lookup every reporting service shares: it exists and the actor may see it. */
import { eq } from 'drizzle-orm';
import { reportObligations } from '../../db/schema.js';
import type { DbOrTx, Tx } from '../../db/connection.js';
import type { ObligationRow } from '../../db/queries/reporting.js';
import { AppError } from '../../errors.js';
import { authorizeForUnit } from '../policy.js';
import type { Ctx } from '../context.js';

export async function loadObligation(
  db: DbOrTx,
  ctx: Ctx,
  id: string,
  action: 'report.read' | 'report.write',
) {
  const [o] = await db.select().from(reportObligations).where(eq(reportObligations.id, id));
  if (!o) throw new AppError('OBLIGATION_NOT_FOUND', { id });
  authorizeForUnit(ctx, action, o.unitId);
  return o;
}

/** The obligation, locked for the rest of the transaction. */
export async function lockObligation(tx: Tx, id: string): Promise<ObligationRow> {
  const [o] = await tx.select().from(reportObligations).where(eq(reportObligations.id, id)).for('update');
  if (!o) throw new AppError('OBLIGATION_NOT_FOUND', { id });
  return o;
}
