/**
 * The e-mail outbox: due rows leave once each with a stable Message-ID, failures back off and give
 * up after EMAIL_MAX_ATTEMPTS, and two senders at once never send a row twice.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { asc, eq, sql } from 'drizzle-orm';
import { DB_KINDS, openTestDb, type TestDb } from '../../test/support/db.js';
import { openDatabase } from '../db/connection.js';
import { emailOutbox } from '../db/schema.js';
import type { Deps } from '../features/deps.js';
import { memoryMailer, type MailMessage, type Mailer } from '../features/notify/mailer.js';
import { EMAIL_LEASE_MS, EMAIL_MAX_ATTEMPTS, sendQueuedEmails } from './email-outbox.js';

const at = new Date('2026-12-16T01:00:00Z');
const minutes = (n: number) => new Date(at.getTime() + n * 60_000);

/** A mailer that refuses the addresses in `refuse`. */
function flakyMailer(refuse: Set<string>): Mailer & { sent: MailMessage[] } {
  const inner = memoryMailer();
  return {
    sent: inner.sent,
    async send(m) {
      if (m.to.some((x) => refuse.has(x))) throw new Error(`550 Hộp thư ${m.to[0]} không tồn tại`);
      await inner.send(m);
    },
    close: () => inner.close(),
  };
}

describe.each(DB_KINDS)('e-mail outbox on %s', (kind) => {
  let t: TestDb;
  const deps = (mailer: Mailer | null): Deps => ({ ...t.deps, mailer });
  const queue = async (n: number, o: { to?: string; nextAttemptAt?: Date } = {}) =>
    t.deps.db
      .insert(emailOutbox)
      .values(
        Array.from({ length: n }, (_, i) => ({
          to: o.to ?? `donvi${i}@example.vn`,
          subject: `Nhắc hạn: báo cáo kỳ Năm 2026 (${i})`,
          body: `Đề nghị hoàn thành và gửi báo cáo kỳ Năm 2026 — thư số ${i}.`,
          nextAttemptAt: o.nextAttemptAt ?? at,
          createdAt: at,
        })),
      )
      .returning();

  beforeAll(async () => {
    t = await openTestDb(kind);
  });
  beforeEach(async () => {
    await t.deps.db.execute(sql`delete from email_outbox`);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('leaves everything queued when no mailer is configured', async () => {
    await queue(3);
    expect(await sendQueuedEmails(deps(null), at)).toEqual({ sent: 0, failed: 0 });
    const r = await t.deps.db.select().from(emailOutbox);
    expect(r.map((x) => [x.status, x.attempts])).toEqual([
      ['pending', 0],
      ['pending', 0],
      ['pending', 0],
    ]);
  });

  it('sends every due row, in batches, once, with its own Message-ID; later ones wait', async () => {
    const due = await queue(45);
    const [later] = await queue(1, { to: 'sau@example.vn', nextAttemptAt: minutes(1) });
    const mailer = memoryMailer();
    expect(await sendQueuedEmails(deps(mailer), at)).toEqual({ sent: 45, failed: 0 });
    expect(mailer.sent).toHaveLength(45);
    const byId = new Map(due.map((d) => [`<${d.id}@thucthi>`, d]));
    for (const m of mailer.sent) {
      const d = byId.get(m.messageId)!;
      expect(m).toEqual({ to: [d.to], subject: d.subject, text: d.body, messageId: `<${d.id}@thucthi>` });
    }
    expect(new Set(mailer.sent.map((m) => m.messageId)).size).toBe(45);
    const rows = await t.deps.db.select().from(emailOutbox);
    expect(rows.filter((r) => r.status === 'sent').every((r) => r.sentAt?.getTime() === at.getTime())).toBe(
      true,
    );
    expect(rows.find((r) => r.id === later!.id)).toMatchObject({ status: 'pending', attempts: 0 });
    // Nothing is sent twice.
    expect(await sendQueuedEmails(deps(mailer), at)).toEqual({ sent: 0, failed: 0 });
    expect(await sendQueuedEmails(deps(mailer), minutes(1))).toEqual({ sent: 1, failed: 0 });
    expect(mailer.sent).toHaveLength(46);
  });

  it('backs off 1, 2, 4, 8, 16 minutes after failures and gives up after the last attempt', async () => {
    const [row] = await queue(1, { to: 'khongco@example.vn' });
    const mailer = flakyMailer(new Set(['khongco@example.vn']));
    let when = at;
    const seen: { status: string; attempts: number; next: number }[] = [];
    for (let i = 0; i < EMAIL_MAX_ATTEMPTS; i++) {
      expect(await sendQueuedEmails(deps(mailer), when)).toEqual({ sent: 0, failed: 1 });
      // Not retried before its time.
      expect(await sendQueuedEmails(deps(mailer), when)).toEqual({ sent: 0, failed: 0 });
      const [r] = await t.deps.db.select().from(emailOutbox).where(eq(emailOutbox.id, row!.id));
      expect(r!.lastError).toBe('550 Hộp thư khongco@example.vn không tồn tại');
      seen.push({
        status: r!.status,
        attempts: r!.attempts,
        next: (r!.nextAttemptAt.getTime() - when.getTime()) / 60_000,
      });
      when = r!.nextAttemptAt;
    }
    expect(seen).toEqual([
      { status: 'pending', attempts: 1, next: 1 },
      { status: 'pending', attempts: 2, next: 2 },
      { status: 'pending', attempts: 3, next: 4 },
      { status: 'pending', attempts: 4, next: 8 },
      { status: 'pending', attempts: 5, next: 16 },
      { status: 'failed', attempts: 6, next: 32 },
    ]);
    expect(await sendQueuedEmails(deps(mailer), minutes(24 * 60))).toEqual({ sent: 0, failed: 0 });
    expect(mailer.sent).toEqual([]);
  });

  it('a failure does not hold back the other rows, and a fixed address goes on the retry', async () => {
    await queue(2);
    await queue(1, { to: 'tamloi@example.vn' });
    const refuse = new Set(['tamloi@example.vn']);
    const mailer = flakyMailer(refuse);
    expect(await sendQueuedEmails(deps(mailer), at)).toEqual({ sent: 2, failed: 1 });
    refuse.clear();
    expect(await sendQueuedEmails(deps(mailer), minutes(1))).toEqual({ sent: 1, failed: 0 });
    const r = await t.deps.db.select().from(emailOutbox).orderBy(asc(emailOutbox.to));
    expect(r.map((x) => [x.to, x.status, x.attempts, x.lastError])).toEqual([
      ['donvi0@example.vn', 'sent', 1, null],
      ['donvi1@example.vn', 'sent', 1, null],
      ['tamloi@example.vn', 'sent', 2, null],
    ]);
  });

  it('a row leased by a sender that stopped is retried once the lease runs out, with the same Message-ID', async () => {
    const [row] = await queue(1);
    // Another instance leased it, then died before sending or marking it.
    await t.deps.db
      .update(emailOutbox)
      .set({ attempts: 1, nextAttemptAt: new Date(at.getTime() + EMAIL_LEASE_MS) })
      .where(eq(emailOutbox.id, row!.id));
    const mailer = memoryMailer();
    expect(await sendQueuedEmails(deps(mailer), minutes(4))).toEqual({ sent: 0, failed: 0 });
    expect(await sendQueuedEmails(deps(mailer), minutes(5))).toEqual({ sent: 1, failed: 0 });
    expect(mailer.sent.map((m) => m.messageId)).toEqual([`<${row!.id}@thucthi>`]);
  });

  it('two senders at once send each row exactly once', async () => {
    await queue(60);
    const a = memoryMailer();
    const b = memoryMailer();
    let second: Deps = deps(b);
    let closeSecond: () => Promise<void> = async () => undefined;
    if (t.url) {
      // A second instance: its own connection pool on the same database.
      const other = await openDatabase({ databaseUrl: t.url, poolSize: 2 });
      second = { ...second, db: other.db };
      closeSecond = () => other.close();
    }
    try {
      const [x, y] = await Promise.all([sendQueuedEmails(deps(a), at), sendQueuedEmails(second, at)]);
      expect(x.sent + y.sent).toBe(60);
      expect(x.failed + y.failed).toBe(0);
    } finally {
      await closeSecond();
    }
    const ids = [...a.sent, ...b.sent].map((m) => m.messageId);
    expect(ids).toHaveLength(60);
    expect(new Set(ids).size).toBe(60);
    const r = await t.deps.db
      .select({ status: emailOutbox.status, attempts: emailOutbox.attempts })
      .from(emailOutbox);
    expect(r.every((x) => x.status === 'sent' && x.attempts === 1)).toBe(true);
  });
});
