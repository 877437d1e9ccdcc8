/** Who receives reminders and escalations: active accounts of a unit, of the monitoring unit, or one person. */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { programs, users } from '../schema.js';
import type { DbOrTx } from '../connection.js';

export interface Recipient {
  userId: string | null;
  name: string;
  email: string | null;
}

/** The active accounts of a unit with one of these roles. */
export async function unitRecipients(tx: DbOrTx, unitId: string, roles: string[]): Promise<Recipient[]> {
  const r = await tx
    .select({ id: users.id, fullName: users.fullName, email: users.email })
    .from(users)
    .where(and(eq(users.unitId, unitId), eq(users.active, true), inArray(users.role, roles)));
  return r.map((u) => ({ userId: u.id, name: u.fullName, email: u.email }));
}

/** The active monitors of the program's monitoring unit (every active monitor if it has none). */
export async function monitorRecipients(tx: DbOrTx, programId: string | null): Promise<Recipient[]> {
  let monitoringUnitId: string | null = null;
  if (programId) {
    const [p] = await tx
      .select({ m: programs.monitoringUnitId })
      .from(programs)
      .where(eq(programs.id, programId));
    monitoringUnitId = p?.m ?? null;
  }
  const r = await tx
    .select({ id: users.id, fullName: users.fullName, email: users.email })
    .from(users)
    .where(
      and(
        eq(users.role, 'monitor'),
        eq(users.active, true),
        monitoringUnitId ? eq(users.unitId, monitoringUnitId) : sql`true`,
      ),
    );
  return r.map((u) => ({ userId: u.id, name: u.fullName, email: u.email }));
}

/** One person (a task's focal person), if the account is active. */
export async function userRecipient(tx: DbOrTx, userId: string): Promise<Recipient | null> {
  const [u] = await tx
    .select({ id: users.id, fullName: users.fullName, email: users.email, active: users.active })
    .from(users)
    .where(eq(users.id, userId));
  return u?.active ? { userId: u.id, name: u.fullName, email: u.email } : null;
}

/** The active leaders of the program's owner unit; every active leader for a program no unit owns. */
export async function leaderRecipients(tx: DbOrTx, programId: string): Promise<Recipient[]> {
  const [p] = await tx
    .select({ owner: programs.ownerUnitId })
    .from(programs)
    .where(eq(programs.id, programId));
  const r = await tx
    .select({ id: users.id, fullName: users.fullName, email: users.email })
    .from(users)
    .where(
      and(eq(users.role, 'leader'), eq(users.active, true), p?.owner ? eq(users.unitId, p.owner) : sql`true`),
    );
  return r.map((u) => ({ userId: u.id, name: u.fullName, email: u.email }));
}
