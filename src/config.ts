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
  /** The app's public address(es) (`PUBLIC_URL`): the only origins a state-changing request may come from. */
  publicUrl: string | undefined;
  webDir: string;
  /** SMTP server for e-mail; undefined = in-app notifications only. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** How often the reminder sweep runs; 0 = off. */
  reminderSweepSeconds: number;
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

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: int('PORT', env.PORT, 3000),
    host: env.HOST || '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.THUCTHI_DATA_DIR || './data',
    logLevel: env.LOG_LEVEL || 'info',
    cookieSecure: bool(env.COOKIE_SECURE, false),
    sessionTtlHours: int('SESSION_TTL_HOURS', env.SESSION_TTL_HOURS, 12),
    demo: bool(env.THUCTHI_DEMO, true),
    trustProxy: bool(env.TRUST_PROXY, false),
    publicUrl: env.PUBLIC_URL || undefined,
    webDir: env.THUCTHI_WEB_DIR || path.resolve('web/dist'),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || 'thucthi <no-reply@thucthi.local>',
    reminderSweepSeconds: int('REMINDER_SWEEP_SECONDS', env.REMINDER_SWEEP_SECONDS, 60),
  };
}
