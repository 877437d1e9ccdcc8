/**
 * `thucthi` command line: start, migrate, seed, user create, audit verify.
 * Each command that changes data goes through the same services (and audit trail) as the API.
 */
import { Command, Option } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
// Only light modules here: a command on a data folder in use must answer at once (see withDb).
import { loadConfig, type Config } from './config.js';
import { DataDirLockedError, dirLockHolder } from './db/lock.js';
import { ROLES, type Role } from './domain/roles.js';
import type { Deps } from './features/deps.js';
import type { Database } from './db/connection.js';
import type { VerifyOptions } from './features/transparency/kiem-chung.js';

function configFrom(opts: { port?: string; host?: string; dataDir?: string; databaseUrl?: string }): Config {
  const c = loadConfig();
  if (opts.port) c.port = Number(opts.port);
  if (opts.host) c.host = opts.host;
  if (opts.dataDir) c.dataDir = opts.dataDir;
  if (opts.databaseUrl) c.databaseUrl = opts.databaseUrl;
  return c;
}

/**
 * Refuses at once when a running server holds the embedded data folder (before loading the database
 * modules), naming that process and what to do instead.
 */
function assertDataDirFree(config: Config): void {
  if (config.databaseUrl) return;
  const holder = dirLockHolder(config.dataDir);
  if (holder) throw new DataDirLockedError(path.resolve(config.dataDir), holder, { whileServing: true });
}

async function withDb<T>(
  opts: { dataDir?: string; databaseUrl?: string },
  fn: (deps: Deps & { config: Config }, database: Database) => Promise<T>,
  after: { checkpoint?: boolean } = {},
): Promise<T> {
  const config = configFrom(opts);
  assertDataDirFree(config);
  const { openDatabase } = await import('./db/connection.js');
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    migrate: config.migrate === 'auto' ? true : 'check',
  });
  try {
    const r = await fn({ db: database.db, config }, database);
    // A command that wrote audit events signs the new head, as the server does when it stops.
    if (after.checkpoint) await signCheckpoint(database, config, { skipUnchanged: true });
    return r;
  } finally {
    await database.close();
  }
}

async function signCheckpoint(database: Database, config: Config, opts: { skipUnchanged: boolean }) {
  const cp = await import('./features/audit/checkpoints.js');
  const paths = cp.checkpointPaths(config);
  const { key, created } = cp.loadOrCreateKey(paths.keyFile);
  if (created) process.stderr.write(cp.keyCreatedMessage(paths.keyFile, paths.dir) + '\n');
  const r = await cp.writeCheckpoint(database.db, paths, { key, skipUnchanged: opts.skipUnchanged });
  if (!r.written && r.reason === 'inconsistent') {
    process.stderr.write(`LỖI: không ký điểm kiểm tra — ${r.problem.message}\n`);
    process.exitCode = 1;
  }
  return r;
}

const dbOptions = (cmd: Command) =>
  cmd
    .option('--data-dir <dir>', 'thư mục dữ liệu PGlite (mặc định THUCTHI_DATA_DIR hoặc ./data)')
    .option('--database-url <url>', 'PostgreSQL (mặc định DATABASE_URL)');

const program = new Command()
  .name('thucthi')
  .description('thucthi — theo dõi thực thi Chương trình hành động')
  .showHelpAfterError();

dbOptions(
  program
    .command('start')
    .description('Chạy máy chủ (API và giao diện web); tự áp dụng migration, lần đầu nạp dữ liệu demo')
    .option('-p, --port <port>', 'cổng HTTP (mặc định PORT hoặc 3000)')
    .option(
      '--host <address>',
      'địa chỉ lắng nghe (mặc định HOST hoặc 127.0.0.1; 0.0.0.0 = mọi giao diện mạng)',
    ),
).action(async (opts: { port?: string; host?: string; dataDir?: string; databaseUrl?: string }) => {
  const config = configFrom(opts);
  assertDataDirFree(config);
  const { startServer } = await import('./server.js');
  const r = await startServer(config, { handleSignals: true });
  process.stdout.write(
    `thucthi: ${r.url}  (API: ${r.url}/docs, CSDL: ${r.database.kind} ${r.database.location})\n`,
  );
});

dbOptions(program.command('migrate').description('Áp dụng các migration cơ sở dữ liệu rồi thoát')).action(
  async (opts: { dataDir?: string; databaseUrl?: string }) => {
    await withDb(opts, async () => undefined);
    process.stdout.write('Đã áp dụng đầy đủ migration. (Migrations applied.)\n');
  },
);

dbOptions(
  program
    .command('seed')
    .description('Nạp danh mục đơn vị Hà Nội (và tài khoản demo nếu chưa có người dùng nào)')
    .option('--no-demo', 'không tạo tài khoản demo'),
).action(async (opts: { dataDir?: string; databaseUrl?: string; demo: boolean }) => {
  const { formatDemoCredentials, loadDemoDataIfEmpty, seedUnitsDirectory } =
    await import('./features/system/demo.js');
  await withDb(
    opts,
    async (deps) => {
      if (opts.demo) {
        const creds = await loadDemoDataIfEmpty(deps);
        if (creds) process.stdout.write(formatDemoCredentials(creds) + '\n');
      }
      const r = await seedUnitsDirectory(deps);
      process.stdout.write(
        `Danh mục đơn vị: ${r.created} thêm mới, ${r.updated} cập nhật, ${r.unchanged} không đổi.\n`,
      );
    },
    { checkpoint: true },
  );
});

const user = program.command('user').description('Quản lý người dùng');
dbOptions(
  user
    .command('create')
    .description('Tạo người dùng; in mật khẩu dùng một lần nếu không nhập --password')
    .requiredOption('-u, --username <username>', 'tên đăng nhập')
    .requiredOption('-n, --full-name <name>', 'họ và tên')
    .addOption(new Option('-r, --role <role>', 'vai trò').choices([...ROLES]).makeOptionMandatory())
    .option('--unit <code>', 'mã đơn vị (bắt buộc với vai trò unit)')
    .option('--email <email>', 'thư điện tử')
    .option('--password <password>', 'mật khẩu (ít nhất 10 ký tự, có chữ và số)'),
).action(
  async (opts: {
    username: string;
    fullName: string;
    role: Role;
    unit?: string;
    email?: string;
    password?: string;
    dataDir?: string;
    databaseUrl?: string;
  }) => {
    const { findUnitByCode } = await import('./db/queries/units.js');
    const { createUser } = await import('./features/users/users.service.js');
    const { systemCtx } = await import('./features/context.js');
    const { AppError } = await import('./errors.js');
    await withDb(
      opts,
      async (deps) => {
        let unitId: string | null = null;
        if (opts.unit) {
          const u = await findUnitByCode(deps.db, opts.unit);
          if (!u)
            throw new AppError('UNIT_NOT_FOUND', { code: opts.unit }, `Không có đơn vị mã "${opts.unit}"`);
          unitId = u.id;
        }
        const r = await createUser(deps, systemCtx('cli'), {
          username: opts.username,
          fullName: opts.fullName,
          role: opts.role,
          unitId,
          email: opts.email ?? null,
          password: opts.password,
        });
        process.stdout.write(`Đã tạo người dùng ${r.user.username} (${r.user.role}).\n`);
        if (r.oneTimePassword) process.stdout.write(`Mật khẩu dùng một lần: ${r.oneTimePassword}\n`);
      },
      { checkpoint: true },
    );
  },
);

program
  .command('import')
  .description(
    'Đọc một văn bản (.txt, .md, .docx, .pdf; bản quét đọc bằng OCR) và in cấu trúc (không ghi vào CSDL) — parse a document and print its structure',
  )
  .argument('<file>', 'tệp văn bản')
  .option('--json', 'in JSON (xem README, "Định dạng JSON")')
  .action(async (file: string, opts: { json?: boolean }) => {
    const { parseRead, readImportInput } = await import('./features/imports/import-input.js');
    const { importJson, importOutline } = await import('./features/imports/import-json.js');
    const { loadSeedUnits } = await import('./features/system/demo.js');
    const bytes = fs.readFileSync(file);
    const read = await readImportInput({ bytes: new Uint8Array(bytes), filename: path.basename(file) });
    const doc = parseRead(read, loadSeedUnits());
    process.stdout.write((opts.json ? JSON.stringify(importJson(doc), null, 2) : importOutline(doc)) + '\n');
  });

const audit = program.command('audit').description('Nhật ký thay đổi (audit trail)');
dbOptions(
  audit
    .command('verify')
    .description(
      'Kiểm tra chuỗi băm và các điểm kiểm tra đã ký (bị sửa, bị cắt, bị viết lại, thiếu nhật ký điểm kiểm tra); ' +
        'thoát mã 1 nếu có lỗi, nếu không thì ký điểm kiểm tra mới — verify the chain against the signed checkpoints',
    ),
).action(async (opts: { dataDir?: string; databaseUrl?: string }) => {
  const cp = await import('./features/audit/checkpoints.js');
  await withDb(opts, async (deps, database) => {
    const paths = cp.checkpointPaths(deps.config);
    const r = await cp.verifyWithCheckpoints(deps.db, paths);
    const lines: string[] = [];
    if (!r.chain.ok) {
      const b = r.chain.brokenAt;
      lines.push(
        `LỖI: sự kiện #${b.seq}: ${b.message}. ${r.chain.count} sự kiện trước đó toàn vẹn. (audit chain broken at seq ${b.seq}: ${b.reason})`,
      );
    }
    for (const p of r.problems) lines.push(`LỖI: ${p.message}.`);
    if (!r.ok) {
      lines.push(`Khóa: ${paths.keyFile}; nhật ký điểm kiểm tra: ${paths.dir}`);
      process.stdout.write(lines.join('\n') + '\n');
      process.exitCode = 1;
      return;
    }
    const w = await signCheckpoint(database, deps.config, { skipUnchanged: false });
    const latest = r.latest!;
    process.stdout.write(
      `OK: ${r.chain.count} sự kiện, chuỗi băm toàn vẹn; khớp ${r.checkpoints} điểm kiểm tra đã ký ` +
        `(gần nhất: #${latest.seq} lúc ${latest.at}).` +
        (w.written ? ` Đã ký điểm kiểm tra #${w.checkpoint.seq}.` : '') +
        ` (audit chain intact, consistent with the signed checkpoints)\n`,
    );
  });
});

dbOptions(
  audit
    .command('checkpoint')
    .description(
      'Ký điểm kiểm tra của đầu chuỗi nhật ký (số thứ tự, mã băm, thời điểm) và ghi vào nhật ký điểm kiểm tra — sign the chain head now',
    ),
).action(async (opts: { dataDir?: string; databaseUrl?: string }) => {
  await withDb(opts, async (deps, database) => {
    // Never sign a broken chain: the signature would vouch for the tampering.
    const { verifyAuditChain } = await import('./features/audit/audit.service.js');
    const chain = await verifyAuditChain(deps.db);
    if (!chain.ok) {
      process.stdout.write(
        `LỖI: không ký — chuỗi băm bị đứt tại sự kiện #${chain.brokenAt.seq}: ${chain.brokenAt.message}. Chạy "thucthi audit verify". (chain broken; not signed)\n`,
      );
      process.exitCode = 1;
      return;
    }
    const w = await signCheckpoint(database, deps.config, { skipUnchanged: false });
    if (w.written)
      process.stdout.write(
        `Đã ký điểm kiểm tra #${w.checkpoint.seq} (${w.checkpoint.hash}) lúc ${w.checkpoint.at}. (checkpoint signed)\n`,
      );
  });
});

program
  .command('kiem-chung')
  .description(
    'Kiểm chứng sổ công khai của cổng: chữ ký của điểm kiểm chứng, một lá thuộc cây (--leaf), và cây hiện tại mở rộng ' +
      'một điểm kiểm chứng cũ (--checkpoint); thoát mã 0 nếu hợp lệ, 1 nếu không (kèm lý do) — verify the public log (docs/kiem-chung.md)',
  )
  .option('--url <url>', 'địa chỉ cổng, ví dụ https://thucthi.hanoi.gov.vn')
  .option('--key <key>', 'khóa kiểm tra <tên>+<mã>+<khóa> (hoặc tệp chứa khóa), lấy từ nguồn độc lập')
  .option('--leaf <n>', 'số thứ tự lá cần kiểm chứng')
  .option('--checkpoint <file>', 'điểm kiểm chứng cũ đã lưu: kiểm tra cây hiện tại mở rộng nó')
  .option('--save <file>', 'lưu điểm kiểm chứng hiện tại (đã kiểm tra chữ ký) vào tệp')
  .option('--leaf-file <file>', 'ngoại tuyến: nội dung lá (đúng từng byte) thay cho nội dung tải về')
  .option('--proof-file <file>', 'ngoại tuyến: câu trả lời đã lưu của GET /api/public/log/leaves/<n>')
  .option('--current <file>', 'ngoại tuyến: điểm kiểm chứng hiện tại đã lưu')
  .option('--consistency-file <file>', 'ngoại tuyến: câu trả lời đã lưu của GET /api/public/log/consistency')
  .action(async (opts: VerifyOptions) => {
    const { runVerify } = await import('./features/transparency/kiem-chung.js');
    process.exitCode = await runVerify(opts, {
      out: (l) => process.stdout.write(l + '\n'),
      err: (l) => process.stderr.write(l + '\n'),
    });
  });

program
  .command('backup')
  .description(
    'Sao lưu cơ sở dữ liệu vào một tệp (PGlite: bản chụp thư mục dữ liệu .tar.gz; PostgreSQL: pg_dump định dạng custom) — back up the database',
  )
  .argument('<file>', 'tệp sao lưu')
  .option('--data-dir <dir>', 'thư mục dữ liệu PGlite (mặc định THUCTHI_DATA_DIR hoặc ./data)')
  .option('--database-url <url>', 'PostgreSQL (mặc định DATABASE_URL)')
  .action(async (file: string, opts: { dataDir?: string; databaseUrl?: string }) => {
    const config = configFrom(opts);
    assertDataDirFree(config);
    const { backup } = await import('./db/backup.js');
    const r = await backup(config, file);
    process.stdout.write(
      `Đã sao lưu (${r.kind}) vào ${path.resolve(file)} (${r.bytes} byte). Khóa ký và nhật ký điểm kiểm tra không nằm trong bản sao lưu: hãy sao lưu riêng. (Backup written.)\n`,
    );
  });

program
  .command('restore')
  .description(
    'Khôi phục từ tệp sao lưu vào một thư mục dữ liệu trống hoặc một CSDL PostgreSQL trống, rồi kiểm tra chuỗi nhật ký — restore into an empty place and verify',
  )
  .argument('<file>', 'tệp sao lưu')
  .option('--data-dir <dir>', 'thư mục dữ liệu PGlite đích (phải trống)')
  .option('--database-url <url>', 'PostgreSQL đích (phải trống)')
  .action(async (file: string, opts: { dataDir?: string; databaseUrl?: string }) => {
    const config = configFrom(opts);
    assertDataDirFree(config);
    const { restore } = await import('./db/backup.js');
    const r = await restore(config, file);
    const { verifyAuditChain } = await import('./features/audit/audit.service.js');
    const v = await withDb(opts, (deps) => verifyAuditChain(deps.db));
    if (v.ok) {
      process.stdout.write(
        `Đã khôi phục (${r.kind}); chuỗi nhật ký toàn vẹn: ${v.count} sự kiện. (Restored; audit chain intact.)\n`,
      );
    } else {
      process.stdout.write(
        `Đã khôi phục (${r.kind}) nhưng chuỗi nhật ký bị đứt tại sự kiện #${v.brokenAt.seq}: ${v.brokenAt.message}.\n`,
      );
      process.exitCode = 1;
    }
  });

program.parseAsync(process.argv).catch((e: unknown) => {
  // Errors of ours carry a stable code and a Vietnamese message; anything else prints its stack.
  const err = e instanceof Error ? e : new Error(String(e));
  const code = (err as { code?: unknown }).code;
  const ours =
    e instanceof DataDirLockedError ||
    (typeof code === 'string' && /^[A-Z][A-Z_]+$/u.test(code) && !('errno' in err));
  process.stderr.write(ours ? `${err.message}\n` : `Lỗi: ${err.stack ?? err.message}\n`);
  process.exit(e instanceof DataDirLockedError ? 75 : 1);
});
