/**
 * Failed-password throttling, counted in the database (login_throttle) so that every app instance
 * sees the same counters and concurrent guesses are counted atomically.
 *
 * - A *guarded* key (a user name from one IP address, or a user's password change) has a budget:
 *   each attempt is counted by one atomic statement *before* the password is checked. The attempt
 *   that reaches the limit sets the lock in that same statement, so however many guesses arrive at
 *   once, at most `free` of them get a password check; later ones are refused without a check.
 *   After the limit, each attempt locks the key for a growing time (1, 2, 4 … up to 60 minutes);
 *   a correct password clears the key. Per (user name, IP): another place's failures never lock a
 *   user out of their own place.
 * - An IP address's failures over all names only *slow* its attempts (a growing delay before the
 *   check): they never refuse a correct password.
 *
 * The counters are rate-limit state, like the jobs' claim marks: written directly, not audited (the
 * failures themselves are audited by the login).
 */
import { sql } from 'drizzle-orm';
import { rows, type DbOrTx } from '../../db/connection.js';

export const THROTTLE = {
  /** Failed attempts of one user name from one IP (or password changes of one user) before locking. */
  free: 5,
  /** First lock; doubles with every further failure, up to `maxLockMs`. */
  baseLockMs: 60_000,
  maxLockMs: 60 * 60_000,
  /** A guarded key with no attempt for this long starts again from zero. */
  forgetMs: 24 * 3600_000,
  /** Failures of one IP (all names) before its attempts are delayed. */
  ipFree: 20,
  /** The delay, doubled every `ipStep` further failures, up to `ipMaxDelayMs`. */
  ipBaseDelayMs: 250,
  ipStep: 10,
  ipMaxDelayMs: 5_000,
  /** An IP with no failure for this long starts again from zero. */
  ipForgetMs: 3600_000,
};

/**
 * The address a counter is kept for: an IPv4 address (also when IPv4-mapped), or an IPv6 address's
 * /64 network — one subscriber usually holds a whole /64, so single addresses would not count.
 */
export function throttleAddress(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!ip.includes(':')) return ip;
  const [head = '', tail] = ip.toLowerCase().split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

export const throttleKey = {
  login: (username: string, ip: string | null) => `login:${ip ? throttleAddress(ip) : '-'}|${username}`,
  ip: (ip: string) => `ip:${throttleAddress(ip)}`,
  password: (userId: string) => `password:${userId}`,
};

export type Reservation =
  { ok: true; attempt: number; lockedUntil: Date | null } | { ok: false; until: Date };

/** How long the `attempt`-th attempt in a row locks its key (0 below the limit). */
export function lockMs(attempt: number): number {
  if (attempt < THROTTLE.free) return 0;
  return Math.min(THROTTLE.maxLockMs, THROTTLE.baseLockMs * 2 ** Math.min(attempt - THROTTLE.free, 30));
}

const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/**
 * Counts one attempt on a guarded key, atomically. `ok: false` = locked: refuse without checking.
 * `lockedUntil` set = this attempt reached the limit and locked the key (until a correct password).
 */
export async function reserveAttempt(db: DbOrTx, key: string, now: Date): Promise<Reservation> {
  const stale = new Date(now.getTime() - THROTTLE.forgetMs);
  const n = sql`(case when t.window_start < ${ts(stale)} then 1 else t.failures + 1 end)`;
  const lockAfter = (count: ReturnType<typeof sql>) =>
    sql`case when ${count} >= ${THROTTLE.free}
      then ${ts(now)} + least(${THROTTLE.maxLockMs}::float8, ${THROTTLE.baseLockMs}::float8 * power(2::float8, (${count} - ${THROTTLE.free})::float8)) * interval '1 millisecond'
      else null end`;
  const r = await rows<{ failures: number; ms: number | string | null }>(
    db,
    sql`insert into login_throttle as t (key, failures, window_start, locked_until)
        values (${key}, 1, ${ts(now)}, ${lockAfter(sql`1`)})
        on conflict (key) do update set
          failures = ${n},
          window_start = ${ts(now)},
          locked_until = ${lockAfter(n)}
        where t.locked_until is null or t.locked_until <= ${ts(now)}
        returning t.failures, (extract(epoch from t.locked_until) * 1000)::float8 as ms`,
  );
  if (r[0]) {
    const attempt = Number(r[0].failures);
    return { ok: true, attempt, lockedUntil: r[0].ms == null ? null : new Date(Number(r[0].ms)) };
  }
  const l = await rows<{ ms: number | string | null }>(
    db,
    sql`select (extract(epoch from locked_until) * 1000)::float8 as ms from login_throttle where key = ${key}`,
  );
  const ms = l[0]?.ms == null ? now.getTime() + 1000 : Number(l[0].ms);
  return { ok: false, until: new Date(Math.max(ms, now.getTime() + 1000)) };
}

/** A correct password: the key starts again from zero. */
export async function clearKey(db: DbOrTx, key: string): Promise<void> {
  await db.execute(sql`delete from login_throttle where key = ${key}`);
}

/** Counts a failed password check from an IP address (all names). */
export async function recordIpFailure(db: DbOrTx, ip: string, now: Date): Promise<void> {
  const stale = new Date(now.getTime() - THROTTLE.ipForgetMs);
  await db.execute(
    sql`insert into login_throttle as t (key, failures, window_start, locked_until)
        values (${throttleKey.ip(ip)}, 1, ${ts(now)}, null)
        on conflict (key) do update set
          failures = case when t.window_start < ${ts(stale)} then 1 else t.failures + 1 end,
          window_start = ${ts(now)},
          locked_until = null`,
  );
}

/**
 * Housekeeping: drops counters nobody has touched for a day and that hold no lock (an attacker trying
 * random names leaves one row per name). Called now and then from a failed login.
 */
export async function forgetStale(db: DbOrTx, now: Date): Promise<void> {
  const stale = new Date(now.getTime() - THROTTLE.forgetMs);
  await db.execute(
    sql`delete from login_throttle where window_start < ${ts(stale)} and (locked_until is null or locked_until < ${ts(now)})`,
  );
}

/** The delay before an IP's next password check, from its recent failures (0 when few). */
export function ipDelayMs(failures: number): number {
  if (failures < THROTTLE.ipFree) return 0;
  const steps = Math.floor((failures - THROTTLE.ipFree) / THROTTLE.ipStep);
  return Math.min(THROTTLE.ipMaxDelayMs, THROTTLE.ipBaseDelayMs * 2 ** Math.min(steps, 20));
}

export async function ipDelay(db: DbOrTx, ip: string, now: Date): Promise<number> {
  const stale = new Date(now.getTime() - THROTTLE.ipForgetMs);
  const r = await rows<{ failures: number }>(
    db,
    sql`select failures from login_throttle where key = ${throttleKey.ip(ip)} and window_start >= ${ts(stale)}`,
  );
  return ipDelayMs(r[0] ? Number(r[0].failures) : 0);
}
