/**
 * The PostgreSQL setup of README "Bảo mật / Security": an owner role runs the migrations, the app
 * connects with a role that owns no table, so it cannot switch the audit trail's append-only
 * trigger off, nor TRUNCATE, UPDATE or DELETE events. Real PostgreSQL only (roles are a server thing).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MigrationsPendingError, openDatabase, type Database } from './connection.js';
import { loadDemoDataIfEmpty } from '../features/system/demo.js';
import { verifyAuditChain } from '../features/audit/audit.service.js';

const base = process.env.TEST_DATABASE_URL;

/** The grants README documents, kept in one file so the test runs exactly what the README shows. */
const GRANTS = fs.readFileSync(path.resolve('config/postgres-app-role.sql'), 'utf8');

describe.skipIf(!base)('PostgreSQL: the app role does not own the audit table', () => {
  const suffix = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const dbName = `thucthi_roles_${suffix}`;
  const owner = `thucthi_owner_${suffix}`;
  const app = `thucthi_app_${suffix}`;
  const url = (role: string) => {
    const u = new URL(base!);
    u.username = role;
    u.password = '';
    u.pathname = `/${dbName}`;
    return u.toString();
  };
  async function asSuperuser(...qs: string[]) {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    try {
      for (const q of qs) await c.query(q);
    } finally {
      await c.end();
    }
  }
  let appDb: Database | null = null;

  beforeAll(async () => {
    await asSuperuser(
      `create role ${owner} login`,
      `create role ${app} login`,
      `create database ${dbName} owner ${owner}`,
      `revoke all on database ${dbName} from public`,
      `grant connect on database ${dbName} to ${app}`,
    );
    // 1. The owner applies the migrations (`DATABASE_URL=<owner> thucthi migrate`) ...
    const ownerDb = await openDatabase({ databaseUrl: url(owner), poolSize: 1 });
    await ownerDb.close();
    // 2. ... and grants the app role what it needs (config/postgres-app-role.sql).
    const c = new pg.Client({ connectionString: url(owner) });
    await c.connect();
    await c.query(GRANTS.replaceAll('thucthi_app', app));
    await c.end();
  }, 120_000);

  afterAll(async () => {
    await appDb?.close();
    await asSuperuser(
      `drop database if exists ${dbName} with (force)`,
      `drop role if exists ${app}`,
      `drop role if exists ${owner}`,
    );
  });

  it('cannot apply migrations itself, and opens with THUCTHI_MIGRATE=check', async () => {
    await expect(openDatabase({ databaseUrl: url(app), poolSize: 1 })).rejects.toThrow(
      /THUCTHI_MIGRATE=check/,
    );
    appDb = await openDatabase({ databaseUrl: url(app), poolSize: 2, migrate: 'check' });
    // Everything the app does works under the grants: the first start's demo data, the chain.
    await loadDemoDataIfEmpty({ db: appDb.db, config: { sessionTtlHours: 12 } });
    expect(await verifyAuditChain(appDb.db)).toMatchObject({ ok: true });
  }, 120_000);

  it('cannot disable the append-only trigger, TRUNCATE, UPDATE or DELETE audit events', async () => {
    const c = new pg.Client({ connectionString: url(app) });
    await c.connect();
    try {
      const refused = async (q: string) => {
        const e = (await c.query(q).then(
          () => null,
          (err: unknown) => err,
        )) as { code?: string } | null;
        expect(e?.code, q).toBe('42501'); // insufficient_privilege / must be owner
      };
      await refused('alter table audit_events disable trigger audit_events_no_update');
      await refused('alter table audit_events disable trigger all');
      await refused('truncate audit_events');
      await refused('delete from audit_events');
      await refused(`update audit_events set actor_label = 'x'`);
      await refused('drop table audit_events');
      const n = await c.query<{ n: string }>('select count(*)::text as n from audit_events');
      expect(Number(n.rows[0]!.n)).toBeGreaterThan(0);
    } finally {
      await c.end();
    }
  });

  it('refuses to start with a clear message when migrations are pending', async () => {
    const fresh = `thucthi_roles_fresh_${suffix}`;
    await asSuperuser(`create database ${fresh} owner ${owner}`);
    try {
      const u = new URL(url(app));
      u.pathname = `/${fresh}`;
      const e = await openDatabase({ databaseUrl: u.toString(), poolSize: 1, migrate: 'check' }).catch(
        (x: unknown) => x,
      );
      expect(e).toBeInstanceOf(MigrationsPendingError);
      expect((e as Error).message).toContain('thucthi migrate');
    } finally {
      await asSuperuser(`drop database if exists ${fresh} with (force)`);
    }
  });
});
