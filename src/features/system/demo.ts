/**
 * First-start data: the units directory of Hanoi and one demo account per role, whose one-time
 * passwords are returned once so the caller can print them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { systemState } from '../../db/schema.js';
import { buildSeedUnits } from '../../domain/units.js';
import { buildNationalUnits } from '../../domain/national-bodies.js';
import type { Role } from '../../domain/roles.js';
import { systemCtx } from '../context.js';
import { setProgramPublic } from '../public/publication.service.js';
import type { Deps } from '../deps.js';
import { findUnitByCode } from '../../db/queries/units.js';
import { countUsers } from '../../db/queries/users.js';
import type { UnitImportResult } from '../../contract/units.js';
import { seedUnits } from '../units/units.service.js';
import { createUser } from '../users/users.service.js';
import { mutate } from '../audit/audit-writer.js';
import { createImportDraft, publishImportDraft } from '../imports/imports.service.js';

export const SEED_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../seed');

/**
 * The seed directory: Hanoi's units, then the national bodies (seed/national-bodies.txt) under the
 * root "Trung ương"; Hanoi (province 01) is the local "Ủy ban nhân dân Thành phố Hà Nội".
 */
export function loadSeedUnits() {
  return [
    ...buildSeedUnits(fs.readFileSync(path.join(SEED_DIR, 'hanoi-units.txt'), 'utf8')),
    ...buildNationalUnits(fs.readFileSync(path.join(SEED_DIR, 'national-bodies.txt'), 'utf8'), {
      home: ['01'],
    }),
  ];
}

export async function seedUnitsDirectory(deps: Deps): Promise<UnitImportResult> {
  return seedUnits(deps, systemCtx('seed'), loadSeedUnits());
}

export const DEMO_ACCOUNTS: { role: Role; username: string; fullName: string; unitCode: string | null }[] = [
  { role: 'admin', username: 'admin', fullName: 'Quản trị hệ thống', unitCode: null },
  { role: 'monitor', username: 'theodoi', fullName: 'Cán bộ theo dõi Ban Nội chính', unitCode: 'BNC-TU' },
  { role: 'leader', username: 'lanhdao', fullName: 'Lãnh đạo Thường trực Thành ủy', unitCode: 'TT-TU' },
  { role: 'unit', username: 'donvi', fullName: 'Đầu mối Sở Tư pháp', unitCode: 'SO-TU-PHAP' },
  {
    role: 'supervisor',
    username: 'giamsat',
    fullName: 'Cán bộ Ủy ban Kiểm tra Thành ủy',
    unitCode: 'UBKT-TU',
  },
];

export interface DemoCredential {
  role: Role;
  username: string;
  password: string;
}

/**
 * Loads demo data when the database has no user yet. Returns the demo credentials, or null when the
 * installation already had users (nothing is touched then).
 */
export async function loadDemoDataIfEmpty(deps: Deps): Promise<DemoCredential[] | null> {
  if ((await countUsers(deps.db)) > 0) return null;
  await seedUnitsDirectory(deps);
  const ctx = systemCtx('seed');
  const creds: DemoCredential[] = [];
  for (const a of DEMO_ACCOUNTS) {
    const unit = a.unitCode ? await findUnitByCode(deps.db, a.unitCode) : null;
    const r = await createUser(deps, ctx, {
      username: a.username,
      fullName: a.fullName,
      role: a.role,
      unitId: unit?.id ?? null,
    });
    creds.push({ role: a.role, username: a.username, password: r.oneTimePassword! });
  }
  const seedProgram = await importSeedProgram(deps);
  // The seed program is a public document: it is shown on the portal (/cong-khai) from the first start.
  await setProgramPublic(deps, ctx, seedProgram, { public: true, version: 1 });
  await mutate(deps.db, ctx, async (tx, audit) => {
    const value = { at: new Date().toISOString(), accounts: DEMO_ACCOUNTS.map((a) => a.username) };
    await tx
      .insert(systemState)
      .values({ key: 'demo_loaded', value })
      .onConflictDoUpdate({ target: systemState.key, set: { value } });
    audit.record({
      action: 'system.demo_loaded',
      entityType: 'system',
      entityId: 'demo_loaded',
      after: value,
    });
  });
  return creds;
}

export const SEED_PROGRAM_FILE = 'ctr-hanh-dong-nq27-ha-noi.txt';

/** Imports and publishes the seed program through the same path an official uses. */
export async function importSeedProgram(deps: Deps): Promise<string> {
  const ctx = systemCtx('seed');
  const bytes = fs.readFileSync(path.join(SEED_DIR, SEED_PROGRAM_FILE));
  const draft = await createImportDraft(deps, ctx, {
    bytes: new Uint8Array(bytes),
    filename: SEED_PROGRAM_FILE,
  });
  const r = await publishImportDraft(deps, ctx, draft.id, draft.version);
  return r.programId;
}

export async function demoLoaded(deps: Deps): Promise<boolean> {
  const r = await deps.db.select().from(systemState).where(eq(systemState.key, 'demo_loaded'));
  return r.length > 0;
}

export function formatDemoCredentials(creds: DemoCredential[]): string {
  const lines = [
    '',
    '================================================================',
    ' Tài khoản demo (mật khẩu dùng một lần, phải đổi khi đăng nhập lần đầu).',
    ' Demo accounts (one-time passwords, shown only this once):',
    ...creds.map((c) => `  [${c.role}] tên đăng nhập: ${c.username}  mật khẩu: ${c.password}`),
    '================================================================',
    '',
  ];
  return lines.join('\n');
}
