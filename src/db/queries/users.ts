/** Lookups on accounts shared by several features. */
import { count } from 'drizzle-orm';
import { users } from '../schema.js';
import type { DbOrTx } from '../connection.js';

export async function countUsers(db: DbOrTx): Promise<number> {
  const r = await db.select({ n: count() }).from(users);
  return Number(r[0]?.n ?? 0);
}
