/**
 * The public portal's fixture: the reporting fixture program made public by the monitor, with Sở Tư
 * pháp's report accepted (task A 40 %, task C done with a product and a PDF marked public) and Sở Nội
 * vụ's report submitted but not accepted (never public).
 */
import type { DbKind } from './db.js';
import {
  PDF_BYTES,
  entry,
  startReportingApp,
  stpReportContent,
  submitAccepted,
  type ReportingApp,
} from './reporting.js';
import type { Client } from './app.js';
import type { ProgramPublicity } from '../../src/contract/portal.js';
import type { Consolidation } from '../../src/contract/consolidation.js';

export interface PortalApp extends ReportingApp {
  /** The evidence file Sở Tư pháp attached to task C and marked public. */
  publicSha: string;
  /** A file attached to task A and left internal. */
  internalSha: string;
}

/** Makes a program public (or withdraws it) through the API, reading its current version first. */
export async function setPublic(
  r: ReportingApp,
  programId: string,
  value: boolean,
): Promise<ProgramPublicity> {
  const p = await r.monitor.get<{ version: number }>(`/api/programs/${programId}`);
  const res = await r.monitor.request<ProgramPublicity>('PUT', `/api/programs/${programId}/publicity`, {
    public: value,
    version: p.body.version,
  });
  if (res.status !== 200) throw new Error(`publicity: ${res.status} ${res.text}`);
  return res.body;
}

/**
 * The monitor sends the period's consolidated report (generated, at `version`) to the leader, who
 * approves it (ký duyệt) with its number and date; returns the approved report.
 */
export async function approveConsolidation(
  r: ReportingApp,
  leader: Client,
  version: number,
  heading: { number: string; date: string } = { number: '125', date: '2026-11-27' },
): Promise<Consolidation> {
  const url = `/api/periods/${r.periodId}/consolidation`;
  const sent = await r.monitor.post<Consolidation>(`${url}/send`, { version });
  if (sent.status !== 200) throw new Error(`send: ${sent.status} ${sent.text}`);
  const ok = await leader.post<Consolidation>(`${url}/approve`, { version: sent.body.version, ...heading });
  if (ok.status !== 200) throw new Error(`approve: ${ok.status} ${ok.text}`);
  return ok.body;
}

async function upload(r: ReportingApp, obligation: string, bytes: Buffer, name: string) {
  const res = await r.stpUser.request<{ sha256: string; filename: string; size: number; mime: string }>(
    'POST',
    `/api/reports/${obligation}/files?filename=${encodeURIComponent(name)}`,
    undefined,
    { raw: bytes, contentType: 'application/octet-stream' },
  );
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${res.text}`);
  return res.body;
}

/**
 * Starts the app, publishes the program, uploads two files (one marked public by the unit, the other
 * left internal), and has Sở Tư pháp's report accepted.
 */
export async function startPortalApp(
  kind: DbKind,
  opts: Parameters<typeof startReportingApp>[1] = {},
): Promise<PortalApp> {
  const r = await startReportingApp(kind, opts);
  await setPublic(r, r.f.programId, true);
  const stpOb = r.obligationOf(r.f.stp);
  const pub = await upload(r, stpOb, PDF_BYTES, 'quyet-dinh-ban-hanh.pdf');
  const internal = await upload(
    r,
    stpOb,
    Buffer.concat([PDF_BYTES, Buffer.from('\n% noi bo\n')]),
    'bien-ban-noi-bo.pdf',
  );
  // The unit marks one file public before its report is accepted; the other stays internal.
  const vis = await r.stpUser.request('PUT', `/api/reports/${stpOb}/files/${pub.sha256}/visibility`, {
    public: true,
  });
  if (vis.status !== 200) throw new Error(`visibility: ${vis.status} ${vis.text}`);
  const content = stpReportContent(r.f, [
    {
      description: 'Quyết định ban hành kế hoạch tập huấn',
      number: '125/QĐ-STP',
      date: '2026-03-02',
      link: null,
    },
  ]);
  content.entries[r.f.c] = entry({ ...content.entries[r.f.c], evidence: [pub] });
  content.entries[r.f.a] = entry({ ...content.entries[r.f.a], evidence: [internal] });
  await submitAccepted(r.stpUser, r.monitor, stpOb, content);
  // Sở Nội vụ submits; the monitor does not accept: nothing of it is public.
  const snvOb = r.obligationOf(r.f.snv);
  const rep = (await r.snvUser.get<{ version: number }>(`/api/reports/${snvOb}`)).body;
  await r.snvUser.request('PUT', `/api/reports/${snvOb}/draft`, {
    version: rep.version,
    content: {
      general: {},
      entries: { [r.f.b]: entry({ status: 'in_progress', percent: 10, results: 'Bản nháp chưa duyệt.' }) },
    },
  });
  await r.snvUser.post(`/api/reports/${snvOb}/submit`, { idempotencyKey: `k-${snvOb}` });
  return { ...r, publicSha: pub.sha256, internalSha: internal.sha256 };
}
