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
  /** Minutes without a request after which a session is refused (besides the absolute lifetime). */
  sessionIdleMinutes: number;
  demo: boolean;
  /**
   * Which peers may set X-Forwarded-For/-Proto: false (none), true (every peer, only when nothing but
   * the proxy can reach the app), or a list of proxy addresses/CIDRs (Fastify's `trustProxy`).
   */
  trustProxy: boolean | string[];
  /**
   * Secret for the keyed hash of unknown login names in the audit log (THUCTHI_AUTH_KEY, at least 32
   * characters); when unset, the server keeps one in `<dataDir>/auth.key` (src/features/auth/auth-key.ts).
   */
  authKey: string | undefined;
  /** The app's public address(es) (`PUBLIC_URL`): the only origins a state-changing request may come from. */
  publicUrl: string | undefined;
  webDir: string;
  /** SMTP server for e-mail; undefined = in-app notifications only. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** How often the reminder sweep runs; 0 = off. */
  reminderSweepSeconds: number;
  /** Evidence bytes one unit may upload per reporting period (distinct files), EVIDENCE_QUOTA_MB. */
  evidenceQuotaBytes: number;
  /** Days an uploaded evidence file no report references is kept before the sweep removes it. */
  evidenceGraceDays: number;
  /** How often the sweep of unreferenced evidence files runs; 0 = off. */
  fileSweepSeconds: number;
  /** Ed25519 key signing audit checkpoints; never stored in the database. */
  auditKeyFile: string;
  /** Folder of the signed checkpoint log (meant for another disk or an off-site copy). */
  auditCheckpointDir: string;
  /** How often the server signs a checkpoint of the audit chain; 0 = only at start, stop and on demand. */
  auditCheckpointSeconds: number;
  /** Requests per minute one address may make to the public portal; 0 = no limit. */
  publicRateLimitPerMinute: number;
  /** `auto`: apply migrations at open; `check`: only check they are applied (an app role that owns no table). */
  migrate: 'auto' | 'check';
}

function bool(v: string | undefined, dflt: boolean): boolean {
  if (v === undefined || v === '') return dflt;
  return ['1', 'true', 'yes', 'on'].includes(v.toLowerCase());
}

/** TRUST_PROXY: `1`/`true` trust every peer, `0`/empty none, else a comma-separated list of addresses/CIDRs. */
export function parseTrustProxy(v: string | undefined): boolean | string[] {
  if (v === undefined || v.trim() === '') return false;
  const t = v.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(t)) return true;
  if (['0', 'false', 'no', 'off'].includes(t)) return false;
  const list = v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  for (const x of list) {
    if (!/^[0-9A-Fa-f:.]+(\/\d{1,3})?$/.test(x) && !['loopback', 'linklocal', 'uniquelocal'].includes(x))
      throw new Error(`TRUST_PROXY: "${x}" không phải địa chỉ IP hoặc dải CIDR`);
  }
  return list;
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
    // Loopback unless told otherwise: a workstation's embedded install is not exposed to its network.
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    logLevel: env.LOG_LEVEL || 'info',
    cookieSecure: bool(env.COOKIE_SECURE, false),
    sessionTtlHours: int('SESSION_TTL_HOURS', env.SESSION_TTL_HOURS, 12),
    sessionIdleMinutes: int('SESSION_IDLE_MINUTES', env.SESSION_IDLE_MINUTES, 60),
    demo: bool(env.THUCTHI_DEMO, true),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    authKey: env.THUCTHI_AUTH_KEY || undefined,
    publicUrl: env.PUBLIC_URL || undefined,
    webDir: env.THUCTHI_WEB_DIR || path.resolve('web/dist'),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || 'thucthi <no-reply@thucthi.local>',
    reminderSweepSeconds: int('REMINDER_SWEEP_SECONDS', env.REMINDER_SWEEP_SECONDS, 60),
    evidenceQuotaBytes: int('EVIDENCE_QUOTA_MB', env.EVIDENCE_QUOTA_MB, 200) * 1_048_576,
    evidenceGraceDays: int('EVIDENCE_GRACE_DAYS', env.EVIDENCE_GRACE_DAYS, 7),
    fileSweepSeconds: int('FILE_SWEEP_SECONDS', env.FILE_SWEEP_SECONDS, 3600),
    auditKeyFile: env.AUDIT_KEY_FILE || '',
    auditCheckpointDir: env.AUDIT_CHECKPOINT_DIR || '',
    auditCheckpointSeconds: int('AUDIT_CHECKPOINT_SECONDS', env.AUDIT_CHECKPOINT_SECONDS, 3600),
    publicRateLimitPerMinute: int('PUBLIC_RATE_LIMIT', env.PUBLIC_RATE_LIMIT, 600),
    migrate: migrateMode(env.THUCTHI_MIGRATE),
  };
}
