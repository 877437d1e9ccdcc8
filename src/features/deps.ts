import type { Db } from '../db/connection.js';
import type { Config } from '../config.js';
import type { Mailer } from './notify/mailer.js';
import type { NoteKey } from '../domain/signed-note.js';

/** The public log's signing key (the audit checkpoint key) and origin (src/features/transparency). */
export interface PublicLogDeps {
  key: NoteKey;
  origin: string;
}

/** What services need. Passed explicitly; no container. */
export interface Deps {
  db: Db;
  config: Pick<Config, 'sessionTtlHours'> &
    Partial<Pick<Config, 'sessionIdleMinutes' | 'cookieSecure' | 'evidenceQuotaBytes' | 'evidenceGraceDays'>>;
  /** The secret for keyed hashes in the audit log (src/features/auth/auth-key.ts); random per process when absent. */
  authKey?: Buffer;
  /** A fixed or stepping clock for tests; the system clock when absent. */
  clock?: () => Date;
  /** Audit signing key and checkpoint log (the server sets them); absent: verify checks the chain only. */
  auditCheckpoints?: { keyFile: string; dir: string } | null;
  /** Signs the public log's checkpoints (the server sets it); absent: the log is served, never signed. */
  publicLog?: PublicLogDeps | null;
  /** Sends e-mail (SMTP); absent or null when not configured. */
  mailer?: Mailer | null;
}

/** The current instant: the injected clock in tests, the system clock otherwise. */
export function now(deps: Deps): Date {
  return deps.clock ? deps.clock() : new Date();
}
