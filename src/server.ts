/**
 * Starts thucthi: opens the database (migrating it), loads demo data on first start, serves HTTP,
 * and closes everything cleanly on SIGINT/SIGTERM (PGlite runs with fsync off, so this matters).
 */
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/connection.js';
import { buildApp } from './http/app.js';
import { formatDemoCredentials, loadDemoDataIfEmpty } from './features/system/demo.js';
import type { Deps } from './features/deps.js';
import { createMailer } from './features/notify/mailer.js';
import { startReminderLoop } from './jobs/reminder-sweep.js';
import { startFileSweepLoop } from './jobs/file-sweep.js';
import { startInspectionNoticeLoop } from './jobs/inspection-notices.js';
import { loadAuthKey } from './features/auth/auth-key.js';
import { startCheckpointLoop } from './jobs/audit-checkpoint.js';
import { checkpointPaths } from './features/audit/checkpoints.js';
import { backgroundReadsDone } from './features/imports/imports.service.js';

/** How long a stop waits for documents still being read in the background. */
const READS_GRACE_MS = 20_000;

export interface Running {
  app: FastifyInstance;
  database: Database;
  url: string;
  close(): Promise<void>;
}

export async function startServer(config: Config, opts: { handleSignals?: boolean } = {}): Promise<Running> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    migrate: config.migrate === 'auto' ? true : 'check',
  });
  const mailer = createMailer({ smtpUrl: config.smtpUrl, mailFrom: config.mailFrom });
  let authKey: Buffer;
  try {
    const k = loadAuthKey(config);
    authKey = k.key;
    if (k.created)
      process.stdout.write(
        `Đã tạo khóa bí mật ${k.created} (băm tên đăng nhập sai trong nhật ký). Giữ tệp này cùng thư mục dữ liệu.\n`,
      );
  } catch (e) {
    await database.close();
    throw e;
  }
  const deps: Deps = {
    db: database.db,
    config,
    mailer,
    authKey,
    auditCheckpoints: checkpointPaths(config),
  };
  let stopReminders: () => Promise<void> = async () => undefined;
  let stopFileSweep: () => Promise<void> = async () => undefined;
  let stopInspectionNotices: () => Promise<void> = async () => undefined;
  let stopCheckpoints: () => Promise<void> = async () => undefined;
  let app: FastifyInstance | null = null;
  try {
    if (config.demo) {
      const creds = await loadDemoDataIfEmpty(deps);
      if (creds) process.stdout.write(formatDemoCredentials(creds) + '\n');
    }
    app = await buildApp({
      database,
      deps,
      logLevel: config.logLevel,
      trustProxy: config.trustProxy,
      security: { publicUrl: config.publicUrl, httpsOnly: config.cookieSecure },
      webDir: config.webDir,
      publicRateLimitPerMinute: config.publicRateLimitPerMinute,
    });
    await app.listen({ port: config.port, host: config.host });
    stopReminders = startReminderLoop(deps, config.reminderSweepSeconds, app.log);
    stopFileSweep = startFileSweepLoop(deps, config.fileSweepSeconds, app.log);
    stopInspectionNotices = startInspectionNoticeLoop(deps, config.reminderSweepSeconds, app.log);
    stopCheckpoints = await startCheckpointLoop(database.db, config, app.log);
  } catch (e) {
    await stopReminders().catch(() => undefined);
    await stopFileSweep().catch(() => undefined);
    await stopInspectionNotices().catch(() => undefined);
    await app?.close().catch(() => undefined);
    await database.close();
    throw e;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  // The address to open: a wildcard listen is reached at localhost; otherwise the address itself.
  const wildcard = config.host === '0.0.0.0' || config.host === '::';
  const url = `http://${wildcard ? 'localhost' : config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  app.log.info({ database: database.kind, location: database.location, url }, 'thucthi đã sẵn sàng');

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      await stopReminders();
      await stopFileSweep();
      await stopInspectionNotices();
      await app!.close();
      // Documents still being read in the background get a short while to be stored; a read cut
      // off after that shows as interrupted and can be started again.
      await Promise.race([backgroundReadsDone(), new Promise((r) => setTimeout(r, READS_GRACE_MS).unref())]);
      // After the last request: the checkpoint signs the final head.
      await stopCheckpoints();
      await mailer?.close();
      await database.close();
    })();
    return closing;
  };
  if (opts.handleSignals) {
    for (const sig of ['SIGINT', 'SIGTERM'] as const) {
      process.on(sig, () => {
        if (closing) {
          process.stderr.write('Buộc dừng.\n');
          process.exit(1);
        }
        app!.log.info({ signal: sig }, 'đang dừng, đóng cơ sở dữ liệu…');
        close().then(
          () => process.exit(0),
          (e: unknown) => {
            process.stderr.write(`Lỗi khi dừng: ${String(e)}\n`);
            process.exit(1);
          },
        );
      });
    }
  }
  return { app, database, url, close };
}
