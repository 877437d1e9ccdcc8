import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../../../test/support/db.js';
import { auditActionCounts, startTestApp, type Client, type TestApp } from '../../../test/support/app.js';
import { findUnitByCode } from '../../db/queries/units.js';
import type { ImportDraft, ProposedUnitsResult, PublishResult } from '../../contract/imports.js';
import type { Program } from '../../contract/programs.js';
import type { UnitPage } from '../../contract/units.js';
import { LAO_CAI_PLAN } from '../../domain/importer/bodies-laocai.fixture.js';

describe.each(DB_KINDS)('creating the proposed units of a draft on %s', (kind) => {
  let t: TestApp;
  let monitor: Client;
  let unitUser: Client;
  const total = async () => (await monitor.get<UnitPage>('/api/units?limit=1')).body.total;

  beforeAll(async () => {
    t = await startTestApp(kind);
    monitor = await t.loginAs('monitor', { unitCode: 'BNC-TU' });
    unitUser = await t.loginAs('unit', { unitCode: 'SO-TU-PHAP' });
  });
  afterAll(async () => t?.close());

  it('matches national bodies from the seed directory and proposes the province’s own', async () => {
    const c = await monitor.post<ImportDraft>('/api/imports', {
      text: LAO_CAI_PLAN,
      filename: 'lao-cai.txt',
    });
    expect(c.status).toBe(201);
    expect(c.body.doc.tasks[3]!.cooperating[0]).toMatchObject({
      text: 'Bộ Nông nghiệp và Môi trường',
      unitCodes: ['TW-BO-NONG-NGHIEP-VA-MOI-TRUONG'],
    });
    expect(c.body.doc.proposedUnits.map((p) => p.name)).toEqual([
      'Sở Nông nghiệp và Môi trường tỉnh Lào Cai',
      // "phối hợp với Thuế tỉnh": the province's tax office
      'Thuế tỉnh Lào Cai',
      'Sở Công Thương tỉnh Lào Cai',
      'Sở Xây dựng tỉnh Lào Cai',
      'Thanh tra tỉnh Lào Cai',
      'Công an tỉnh Lào Cai',
      'Sở NN&MT tỉnh Lào Cai',
    ]);
    expect(c.body.stats.unmatchedBodies).toBe(8);
  });

  it('creates them in one step, maps every mention, and the tasks are led by them', async () => {
    const c = await monitor.post<ImportDraft>('/api/imports', { text: LAO_CAI_PLAN });
    const before = await total();
    const audits = await auditActionCounts(t, 'unit.create');
    const named = (start: string) => c.body.doc.proposedUnits.find((p) => p.name.startsWith(start));
    const [nnmt, ct, tt, ca, variant] = [
      'Sở Nông nghiệp',
      'Sở Công Thương',
      'Thanh tra',
      'Công an',
      'Sở NN&MT',
    ].map(named);
    // The person skips "Sở Xây dựng" and "Thuế tỉnh", merges the variant into the department it names, renames the inspectorate.
    const body = {
      version: c.body.version,
      units: [
        {
          name: nnmt!.name,
          kind: nnmt!.kind,
          parentCode: nnmt!.parentCode,
          texts: [...nnmt!.texts, ...variant!.texts],
        },
        { name: ct!.name, kind: ct!.kind, parentCode: ct!.parentCode, texts: ct!.texts },
        { name: 'Thanh tra tỉnh Lào Cai', kind: tt!.kind, parentCode: tt!.parentCode, texts: tt!.texts },
        { name: ca!.name, kind: ca!.kind, parentCode: ca!.parentCode, texts: ca!.texts },
      ],
    };
    expect((await unitUser.post(`/api/imports/${c.body.id}/proposed-units`, body)).status).toBe(403);
    const r = await monitor.post<ProposedUnitsResult>(`/api/imports/${c.body.id}/proposed-units`, body);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ created: 4, mapped: 0 });
    expect(await total()).toBe(before + 4);
    expect((await auditActionCounts(t, 'unit.create'))['unit.create']).toBe((audits['unit.create'] ?? 0) + 4);
    expect((await auditActionCounts(t, 'import.create_units'))['import.create_units']).toBeGreaterThan(0);
    const d = r.body.draft;
    const codeOf = async (name: string) =>
      (await monitor.get<UnitPage>(`/api/units?q=${encodeURIComponent(name)}`)).body.items.find(
        (u) => u.name === name,
      )!;
    const nnmtUnit = await codeOf('Sở Nông nghiệp và Môi trường tỉnh Lào Cai');
    const lc = (await findUnitByCode(t.deps.db, 'TINH-15'))!;
    expect(nnmtUnit).toMatchObject({ kind: 'department', parentId: lc.id });
    const police = await codeOf('Công an tỉnh Lào Cai');
    expect(police.parentId).toBe((await findUnitByCode(t.deps.db, 'TW-BO-CONG-AN'))!.id);
    // Every task now has its lead; "Sở NN&MT" went to the same unit; only "Sở Xây dựng" is left.
    expect(d.doc.tasks.map((x) => x.lead?.match)).toEqual(['manual', 'manual', 'manual', 'manual']);
    expect(d.doc.tasks[0]!.lead!.unitCodes).toEqual(d.doc.tasks[3]!.lead!.unitCodes);
    expect(d.doc.proposedUnits.map((p) => p.name)).toEqual(['Thuế tỉnh Lào Cai', 'Sở Xây dựng tỉnh Lào Cai']);
    expect(d.stats.unmatchedBodies).toBe(2);
    expect(d.doc.warnings.some((w) => w.code === 'BODY_VARIANT')).toBe(false);

    // Sent again (a second tab): the version is stale.
    const stale = await monitor.post(`/api/imports/${c.body.id}/proposed-units`, body);
    expect(stale.status).toBe(409);
    // With the current version: the units exist by name, so they are mapped, not created twice.
    const again = await monitor.post<ProposedUnitsResult>(`/api/imports/${c.body.id}/proposed-units`, {
      ...body,
      version: d.version,
    });
    expect(again.body).toMatchObject({ created: 0, mapped: 4 });
    expect(await total()).toBe(before + 4);

    // Published, the tasks are led by the new units.
    const pub = await monitor.post<PublishResult>(`/api/imports/${c.body.id}/publish`, {
      version: again.body.draft.version,
    });
    expect(pub.status).toBe(200);
    const prog = await monitor.get<Program>(`/api/programs/${pub.body.programId}`);
    const leads = prog.body.nodes.filter((n) => n.isTask).map((n) => n.extracted?.lead?.unitIds ?? []);
    expect(leads[0]).toEqual([nnmtUnit.id]);
    expect(leads[2]).toEqual([police.id]);
  });

  it('matches the new units in the next plan of the province, and refuses an unknown parent', async () => {
    const c = await monitor.post<ImportDraft>('/api/imports', { text: LAO_CAI_PLAN });
    expect(c.body.doc.tasks[0]!.lead!.match).not.toBe('none');
    expect(c.body.doc.proposedUnits.map((p) => p.name)).toEqual([
      'Thuế tỉnh Lào Cai',
      'Sở Xây dựng tỉnh Lào Cai',
    ]);
    const bad = await monitor.post(`/api/imports/${c.body.id}/proposed-units`, {
      version: c.body.version,
      units: [
        {
          name: 'Sở Xây dựng tỉnh Lào Cai',
          kind: 'department',
          parentCode: 'KHONG-CO',
          texts: ['Sở Xây dựng'],
        },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('UNIT_PARENT_INVALID');
  });
});
