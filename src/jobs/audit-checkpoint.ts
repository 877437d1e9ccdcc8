/**
 * Signs a checkpoint of the audit chain at start, every AUDIT_CHECKPOINT_SECONDS (when the head
 * moved), and at stop. A checkpoint that disagrees with the chain is never signed: it is logged as
 * an error, so the evidence of a truncation or rewrite stays in the log for `thucthi audit verify`.
 *
 * With the same key, the public log's checkpoint (src/features/transparency): at start, every
 * PUBLIC_CHECKPOINT_SECONDS and at stop when the tree grew, and a second after a commit that
 * appended leaves; a tree that does not extend the latest signed one is logged, never signed.
 */
import type { Db } from '../db/connection.js';
import type { Config } from '../config.js';
import {
  checkpointPaths,
  keyCreatedMessage,
  loadOrCreateKey,
  writeCheckpoint,
  type LoadedKey,
} from '../features/audit/checkpoints.js';
import type { Deps } from '../features/deps.js';
import { signCheckpoint } from '../features/transparency/log.service.js';
import { onPublicLeavesCommitted } from '../features/audit/audit-writer.js';

type Log = {
  error(o: unknown, msg: string): void;
  warn(o: unknown, msg: string): void;
  info(o: unknown, msg: string): void;
};

export async function startCheckpointLoop(
  db: Db,
  config: Pick<Config, 'dataDir' | 'auditKeyFile' | 'auditCheckpointDir' | 'auditCheckpointSeconds'> & {
    databaseUrl?: string | undefined;
    publicCheckpointSeconds?: number;
  },
  log: Log,
  /** The key already loaded (the server's), and the deps whose public log to sign. */
  opts: { signing?: LoadedKey; deps?: Deps } = {},
): Promise<() => Promise<void>> {
  const paths = checkpointPaths(config);
  const { key, created } = opts.signing ?? loadOrCreateKey(paths.keyFile);
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
  const stopPublic = opts.deps
    ? await startPublicLogSigning(opts.deps, config.publicCheckpointSeconds ?? 60, log)
    : null;
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
    await stopPublic?.();
    await running;
    await once(true).catch((e: unknown) =>
      log.error({ err: e }, 'nhật ký: lỗi khi ký điểm kiểm tra lúc dừng'),
    );
  };
}

/** The public log's signing: at start, at the interval, soon after leaves were committed, at stop. */
async function startPublicLogSigning(deps: Deps, seconds: number, log: Log): Promise<() => Promise<void>> {
  let running: Promise<unknown> | null = null;
  let again = false;
  const once = (): Promise<unknown> => {
    if (running) {
      again = true;
      return running;
    }
    running = signCheckpoint(deps)
      .then((r) => {
        if (!r.signed && (r.reason === 'inconsistent' || r.reason === 'problem'))
          log.error({ problem: r.reason }, `sổ công khai: không ký điểm kiểm chứng — ${r.message}`);
      })
      .catch((e: unknown) => log.error({ err: e }, 'sổ công khai: lỗi khi ký điểm kiểm chứng'))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          void once();
        }
      });
    return running;
  };
  await once();
  let timer: NodeJS.Timeout | null = null;
  if (seconds > 0) {
    timer = setInterval(() => void once(), seconds * 1000);
    timer.unref();
  }
  // A second after a commit that appended leaves (several commits in that second: one signature).
  let soon: NodeJS.Timeout | null = null;
  const off = onPublicLeavesCommitted(() => {
    if (soon) return;
    soon = setTimeout(() => {
      soon = null;
      void once();
    }, 1000);
    soon.unref();
  });
  return async () => {
    off();
    if (timer) clearInterval(timer);
    if (soon) clearTimeout(soon);
    await running;
    await once();
  };
}
