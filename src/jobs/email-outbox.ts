/**
 * The e-mail outbox: rows of `email_outbox` written in the same transaction as what caused them
 * (see reminder-sweep.ts), sent here over SMTP. Each message carries a stable Message-ID.
 */
import { eq, sql } from 'drizzle-orm';
import { emailOutbox } from '../db/schema.js';
import { rows } from '../db/connection.js';
import type { Deps } from '../features/deps.js';

/** How long a leased row is left to the instance sending it before another may retry it. */
export const EMAIL_LEASE_MS = 5 * 60_000;
/** Attempts before a message is marked failed. */
export const EMAIL_MAX_ATTEMPTS = 6;
/** Rows leased per round. */
const EMAIL_BATCH = 20;

/**
 * Sends queued e-mails. A row is leased (its next attempt moved 5 minutes ahead) in a short
 * transaction before sending, so another instance does not take it; a crash after the send and
 * before marking it sent can repeat it once, with the same Message-ID.
 */
export async function sendQueuedEmails(deps: Deps, at: Date): Promise<{ sent: number; failed: number }> {
  const mailer = deps.mailer;
  let sent = 0;
  let failed = 0;
  if (!mailer) return { sent, failed };
  for (;;) {
    const leased = await deps.db.transaction(async (tx) =>
      rows<{ id: string; to: string; subject: string; body: string; attempts: number }>(
        tx,
        sql`update email_outbox set next_attempt_at = ${new Date(at.getTime() + EMAIL_LEASE_MS).toISOString()}::timestamptz,
              attempts = attempts + 1
            where id in (select id from email_outbox where status = 'pending' and next_attempt_at <= ${at.toISOString()}::timestamptz
                         order by next_attempt_at limit ${EMAIL_BATCH} for update skip locked)
            returning id, "to", subject, body, attempts`,
      ),
    );
    if (!leased.length) break;
    for (const m of leased) {
      try {
        await mailer.send({ to: [m.to], subject: m.subject, text: m.body, messageId: `<${m.id}@thucthi>` });
        await deps.db
          .update(emailOutbox)
          .set({ status: 'sent', sentAt: at, lastError: null })
          .where(eq(emailOutbox.id, m.id));
        sent++;
      } catch (e) {
        failed++;
        const giveUp = m.attempts >= EMAIL_MAX_ATTEMPTS;
        await deps.db
          .update(emailOutbox)
          .set({
            status: giveUp ? 'failed' : 'pending',
            lastError: String((e as Error).message).slice(0, 500),
            // Back off: 1, 2, 4, 8 … minutes.
            nextAttemptAt: new Date(at.getTime() + 60_000 * 2 ** (m.attempts - 1)),
          })
          .where(eq(emailOutbox.id, m.id));
      }
    }
    if (leased.length < EMAIL_BATCH) break;
  }
  return { sent, failed };
}
