/**
 * Signs a checkpoint of the audit chain at start, every AUDIT_CHECKPOINT_SECONDS (when the head
 * moved), and at stop. A checkpoint that disagrees with the chain is never signed: it is logged as
 * an error, so the evidence of a truncation or rewrite stays in the log for `thucthi audit verify`.
 */
import type { Db } from '../db/connection.js';
import type { Config } from '../config.js';
import {
  checkpointPaths,
  keyCreatedMessage,
  loadOrCreateKey,
  writeCheckpoint,
} from '../features/audit/checkpoints.js';

type Log = {
  error(o: unknown, msg: string): void;
  warn(o: unknown, msg: string): void;
  info(o: unknown, msg: string): void;
};

export async function startCheckpointLoop(
  db: Db,
  config: Pick<Config, 'dataDir' | 'auditKeyFile' | 'auditCheckpointDir' | 'auditCheckpointSeconds'> & {
    databaseUrl?: string | undefined;
  },
  log: Log,
): Promise<() => Promise<void>> {
  const paths = checkpointPaths(config);
  const { key, created } = loadOrCreateKey(paths.keyFile);
  if (created)
    log.warn(
      { keyFile: paths.keyFile, checkpointDir: paths.dir },
      keyCreatedMessage(paths.keyFile, paths.dir),
    );
  let running: Promise<unknown> | null = null;
  const once = (skipUnchanged: boolean) =>
    writeCheckpoint(db, paths, { key, skipUnchanged }).then((r) => {
      if (!r.written && r.reason === 'inconsistent')
        log.error(
          { problem: r.problem.kind, checkpointDir: paths.dir },
          `nhật ký: không ký điểm kiểm tra — ${r.problem.message}. Chạy "thucthi audit verify".`,
        );
      return r;
    });
  await once(true);
  let timer: NodeJS.Timeout | null = null;
  if (config.auditCheckpointSeconds > 0) {
    timer = setInterval(() => {
      if (running) return;
      running = once(true)
        .catch((e: unknown) => log.error({ err: e }, 'nhật ký: lỗi khi ký điểm kiểm tra'))
        .finally(() => (running = null));
    }, config.auditCheckpointSeconds * 1000);
    timer.unref();
  }
  return async () => {
    if (timer) clearInterval(timer);
    await running;
    await once(true).catch((e: unknown) =>
      log.error({ err: e }, 'nhật ký: lỗi khi ký điểm kiểm tra lúc dừng'),
    );
  };
}
