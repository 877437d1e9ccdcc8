/**
 * Issue 11, points 11 and 12: a draft may be unfinished (a done task without a result, a paused one
 * without a reason) and only the submission checks completeness; a text longer than its limit is
 * refused with a stable code and nothing is cut or stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../../../test/support/db.js';
import { entry, startReportingApp, type ReportingApp } from '../../../test/support/reporting.js';
import { LIMITS } from '../../domain/limits.js';
import type { ReportView } from '../../contract/reports.js';

describe.each(DB_KINDS)('draft against submission checks on %s', (kind) => {
  let r: ReportingApp;
  let ob: string;
  const report = async () => (await r.stpUser.get<ReportView>(`/api/reports/${ob}`)).body;
  const save = async (entries: Record<string, unknown>) =>
    r.stpUser.request('PUT', `/api/reports/${ob}/draft`, {
      version: (await report()).version,
      content: { entries },
    });
  const submit = (key: string) => r.stpUser.post(`/api/reports/${ob}/submit`, { idempotencyKey: key });

  beforeAll(async () => {
    r = await startReportingApp(kind);
    ob = r.obligationOf(r.f.stp);
  });
  afterAll(async () => r?.t.close());

  it('saves a draft whose done task has no result yet, and refuses to submit it', async () => {
    const saved = await save({
      [r.f.a]: entry({ status: 'in_progress', results: 'Đang rà soát.' }),
      [r.f.c]: entry({ status: 'done' }),
    });
    expect(saved.status, saved.text).toBe(200);
    expect((await report()).draft.entries[r.f.c]!.status).toBe('done');
    const s = await submit('incomplete-done');
    expect([s.status, s.body.code]).toEqual([400, 'REPORT_DONE_NEEDS_RESULT']);
    expect(s.body.message).toContain('Đã hoàn thành');
    expect((await report()).status).toBe('drafting');
  });

  it('saves a paused task without its reason, and refuses to submit it', async () => {
    const saved = await save({
      [r.f.a]: entry({ status: 'paused' }),
      [r.f.c]: entry({ status: 'done', results: 'Đã tổ chức 3 hội nghị.' }),
    });
    expect(saved.status, saved.text).toBe(200);
    const s = await submit('incomplete-paused');
    expect([s.status, s.body.code]).toEqual([400, 'REPORT_REASON_REQUIRED']);
  });

  it('still refuses an invalid draft (a percent out of range, an unknown status)', async () => {
    const pct = await save({ [r.f.a]: entry({ status: 'in_progress', percent: 150 }) });
    expect([pct.status, pct.body.code]).toEqual([400, 'REPORT_PERCENT_OUT_OF_RANGE']);
    const unknown = await save({ [r.f.a]: entry({ status: 'finished' }) });
    expect([unknown.status, unknown.body.code]).toEqual([400, 'REPORT_STATUS_UNKNOWN']);
  });

  it('refuses a result longer than its limit with a stable code, and cuts nothing', async () => {
    const before = await report();
    const long = 'Kết quả '.repeat(LIMITS.entryResults).slice(0, LIMITS.entryResults + 1);
    const tooLong = await save({ [r.f.a]: entry({ status: 'in_progress', results: long }) });
    expect([tooLong.status, tooLong.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(tooLong.body.message).toMatch(/[À-ỹ]/);
    const after = await report();
    expect([after.version, after.draft.entries[r.f.a]!.results]).toEqual([
      before.version,
      before.draft.entries[r.f.a]!.results,
    ]);
    // Exactly at the limit is kept whole.
    const atLimit = long.slice(0, LIMITS.entryResults);
    expect((await save({ [r.f.a]: entry({ status: 'in_progress', results: atLimit }) })).status).toBe(200);
    expect((await report()).draft.entries[r.f.a]!.results).toBe(atLimit);
  });
});
