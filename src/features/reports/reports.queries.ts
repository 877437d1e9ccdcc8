/** The obligation lookup every reporting service shares: it exists and the actor may see it. */
import { eq } from 'drizzle-orm';
import { reportObligations } from '../../db/schema.js';
import type { DbOrTx } from '../../db/connection.js';
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
