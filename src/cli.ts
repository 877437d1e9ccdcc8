/**
 * `thucthi` command line: start, migrate, seed, user create, audit verify.
 * Each command that changes data goes through the same services (and audit trail) as the API.
 */
import { Command, Option } from 'commander';
import { loadConfig, type Config } from './config.js';
import { openDatabase } from './db/connection.js';
import { DataDirLockedError } from './db/lock.js';
import { startServer } from './server.js';
import { systemCtx } from './features/context.js';
import type { Deps } from './features/deps.js';
import { formatDemoCredentials, loadDemoDataIfEmpty, seedUnitsDirectory } from './features/system/demo.js';
import { createUser } from './features/users/users.service.js';
import { findUnitByCode } from './db/queries/units.js';
import { verifyAuditChain } from './features/audit/audit.service.js';
import { ROLES, type Role } from './domain/roles.js';
import { AppError } from './errors.js';
import fs from 'node:fs';
import path from 'node:path';
import { readImportInput } from './features/imports/import-input.js';
import { parseDocument } from './domain/importer/parse.js';
import { ImportError } from './domain/importer/normalize.js';
import { importJson, importOutline } from './features/imports/import-json.js';
import { loadSeedUnits } from './features/system/demo.js';

function configFrom(opts: { port?: string; dataDir?: string; databaseUrl?: string }): Config {
  const c = loadConfig();
  if (opts.port) c.port = Number(opts.port);
  if (opts.dataDir) c.dataDir = opts.dataDir;
  if (opts.databaseUrl) c.databaseUrl = opts.databaseUrl;
  return c;
}

async function withDb<T>(
  opts: { dataDir?: string; databaseUrl?: string },
  fn: (deps: Deps) => Promise<T>,
): Promise<T> {
  const config = configFrom(opts);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await fn({ db: database.db, config });
  } finally {
    await database.close();
  }
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
    .description('Chạy máy chủ (API và giao diện web) — applies migrations, loads demo data on first start')
    .option('-p, --port <port>', 'cổng HTTP (mặc định PORT hoặc 3000)'),
).action(async (opts: { port?: string; dataDir?: string; databaseUrl?: string }) => {
  const r = await startServer(configFrom(opts), { handleSignals: true });
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
  await withDb(opts, async (deps) => {
    if (opts.demo) {
      const creds = await loadDemoDataIfEmpty(deps);
      if (creds) process.stdout.write(formatDemoCredentials(creds) + '\n');
    }
    const r = await seedUnitsDirectory(deps);
    process.stdout.write(
      `Danh mục đơn vị: ${r.created} thêm mới, ${r.updated} cập nhật, ${r.unchanged} không đổi.\n`,
    );
  });
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
    await withDb(opts, async (deps) => {
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
    });
  },
);

program
  .command('import')
  .description(
    'Đọc một văn bản (.txt, .md, .docx) và in cấu trúc (không ghi vào CSDL) — parse a document and print its structure',
  )
  .argument('<file>', 'tệp văn bản')
  .option('--json', 'in JSON (xem README, "Định dạng JSON")')
  .action(async (file: string, opts: { json?: boolean }) => {
    const bytes = fs.readFileSync(file);
    const { text } = await readImportInput({ bytes: new Uint8Array(bytes), filename: path.basename(file) });
    const doc = parseDocument(text, { units: loadSeedUnits() });
    process.stdout.write((opts.json ? JSON.stringify(importJson(doc), null, 2) : importOutline(doc)) + '\n');
  });

const audit = program.command('audit').description('Nhật ký thay đổi');
dbOptions(
  audit.command('verify').description('Kiểm tra chuỗi băm của nhật ký; thoát mã 1 nếu bị sửa'),
).action(async (opts: { dataDir?: string; databaseUrl?: string }) => {
  const r = await withDb(opts, (deps) => verifyAuditChain(deps.db));
  if (r.ok) {
    process.stdout.write(`OK: ${r.count} sự kiện, chuỗi băm toàn vẹn. (audit chain intact)\n`);
  } else {
    process.stdout.write(
      `LỖI: sự kiện #${r.brokenAt!.seq}: ${r.brokenAt!.message}. ${r.count} sự kiện trước đó toàn vẹn. (audit chain broken at seq ${r.brokenAt!.seq}: ${r.brokenAt!.reason})\n`,
    );
    process.exitCode = 1;
  }
});

program.parseAsync(process.argv).catch((e: unknown) => {
  if (e instanceof DataDirLockedError || e instanceof AppError || e instanceof ImportError) {
    process.stderr.write(`${e.message}\n`);
  } else {
    process.stderr.write(`Lỗi: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  }
  process.exit(e instanceof DataDirLockedError ? 75 : 1);
});
