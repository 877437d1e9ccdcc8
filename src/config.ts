/** Configuration from the environment. Every setting is listed in README.md. */
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: string;
  cookieSecure: boolean;
  sessionTtlHours: number;
  demo: boolean;
  trustProxy: boolean;
  webDir: string;
  /** SMTP server for e-mail; undefined = in-app notifications only. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** How often the reminder sweep runs; 0 = off. */
  reminderSweepSeconds: number;
  /** Ed25519 key signing audit checkpoints; never stored in the database. */
  auditKeyFile: string;
  /** Folder of the signed checkpoint log (meant for another disk or an off-site copy). */
  auditCheckpointDir: string;
  /** How often the server signs a checkpoint of the audit chain; 0 = only at start, stop and on demand. */
  auditCheckpointSeconds: number;
  /** `auto`: apply migrations at open; `check`: only check they are applied (an app role that owns no table). */
  migrate: 'auto' | 'check';
}

function bool(v: string | undefined, dflt: boolean): boolean {
  if (v === undefined || v === '') return dflt;
  return ['1', 'true', 'yes', 'on'].includes(v.toLowerCase());
}

function int(name: string, v: string | undefined, dflt: number): number {
  if (v === undefined || v === '') return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} phải là số nguyên không âm (nhận được "${v}")`);
  return n;
}

function migrateMode(v: string | undefined): Config['migrate'] {
  if (v === undefined || v === '' || v === 'auto') return 'auto';
  if (v === 'check') return 'check';
  throw new Error(`THUCTHI_MIGRATE phải là "auto" hoặc "check" (nhận được "${v}")`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = env.THUCTHI_DATA_DIR || './data';
  return {
    port: int('PORT', env.PORT, 3000),
    host: env.HOST || '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    logLevel: env.LOG_LEVEL || 'info',
    cookieSecure: bool(env.COOKIE_SECURE, false),
    sessionTtlHours: int('SESSION_TTL_HOURS', env.SESSION_TTL_HOURS, 12),
    demo: bool(env.THUCTHI_DEMO, true),
    trustProxy: bool(env.TRUST_PROXY, false),
    webDir: env.THUCTHI_WEB_DIR || path.resolve('web/dist'),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || 'thucthi <no-reply@thucthi.local>',
    reminderSweepSeconds: int('REMINDER_SWEEP_SECONDS', env.REMINDER_SWEEP_SECONDS, 60),
    auditKeyFile: env.AUDIT_KEY_FILE || '',
    auditCheckpointDir: env.AUDIT_CHECKPOINT_DIR || '',
    auditCheckpointSeconds: int('AUDIT_CHECKPOINT_SECONDS', env.AUDIT_CHECKPOINT_SECONDS, 3600),
    migrate: migrateMode(env.THUCTHI_MIGRATE),
  };
}
