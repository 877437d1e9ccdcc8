/**
 * The authorization matrix (issue 10, point 4): every operation of the OpenAPI document × every role
 * (anonymous, unit B, unit A, supervisor, leader, monitor, admin), against resources of unit A
 * (Sở Tư pháp). Unit A's user hits its own resources, unit B's user (Sở Nội vụ) hits A's: "own" and
 * "other". One table, `MATRIX`, one row per operation (`METHOD /path/{param}` as /docs/json lists it);
 * a route without a row, or a row without a route, fails the test.
 *
 * Expected answers: `ok` 2xx; `Y` allowed (reached the service: not 401/403, not a schema failure, no
 * 5xx — a 400/404/409 caused by a deliberately harmless body counts); `401`, `403`, `404` exactly.
 * Bodies are schema-valid (Fastify validates before the service authorizes, so a schema failure would
 * tell nothing) and stop after authorization where possible (stale version → 409, incomplete report
 * → 400, …); otherwise they target a throwaway resource made for that row. Cells run from the least to
 * the most privileged; logout comes last.
 *
 * The table states what the policy SHOULD be. Cells the code gets wrong today, whose fixes are being
 * made on other branches, carry `pending` (and a `// pending:` comment): they are skipped and printed
 * unless MATRIX_STRICT=1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../support/db.js';
import { TEST_PASSWORD, startTestApp, type Client, type TestApp } from '../support/app.js';
import { PDF_BYTES, reportingProgram, type ReportingFixture } from '../support/reporting.js';
import { createUser } from '../../src/features/users/users.service.js';
import { systemCtx } from '../../src/features/context.js';
import { emptyEntry } from '../../src/domain/reporting/report.js';
import type { ReportView } from '../../src/contract/reports.js';
import type { PlanView } from '../../src/contract/plans.js';
import type { ImportDraft } from '../../src/contract/imports.js';
import type { TaskDetail } from '../../src/contract/tasks.js';
import { issuedConclusionFixture } from '../support/supervision.js';
import { findUnitByCode } from '../../src/db/queries/units.js';
import {
  activateInspection,
  createConclusion,
  createInspection,
  createVisit,
  issueConclusion,
  uploadInspectionFile,
} from '../../src/features/inspections/inspections.service.js';

const STRICT = process.env.MATRIX_STRICT === '1';

/** The columns, from the least to the most privileged. */
const ROLES = ['anon', 'unitB', 'unitA', 'supervisor', 'leader', 'monitor', 'admin'] as const;
type Who = (typeof ROLES)[number];
type Expect = 'ok' | 'Y' | 401 | 403 | 404;
type Cells = Record<Who, Expect>;

/** What the rows need: unit A's resources, and throwaway ones. */
interface Fixture extends ReportingFixture {
  /** The annual period 2026: open; unit A's report was submitted (version 1), returned, and redrafted. */
  periodId: string;
  /** Unit A's report in that period (its draft misses task c, so a submit stops at REPORT_INCOMPLETE). */
  obligationA: string;
  /** The PDF unit A uploaded as evidence. */
  sha256: string;
  /** The obstacle unit A raised. */
  obstacleId: string;
  /** Unit A's plan, one item of it, and an open import draft of its plan document. */
  planId: string;
  planItemId: string;
  importDraftId: string;
  /** A user of unit A (the target of the user rows). */
  userA: string;
  /** A throwaway user of unit A for disable / enable / reset-password. */
  throwawayUser: string;
  /** A user who exists only to be logged in by the login row. */
  loginName: string;
  // ---- inspections ----
  /** A decided plan of the UBKT Thành ủy (the supervisor's body) with unit A as its subject, visible to it. */
  inspectionId: string;
  inspectionSubjectId: string;
  /** A visit to unit A, with a file. */
  inspectionVisitId: string;
  inspectionSha: string;
  /** An issued conclusion of that plan (so edits answer 409 CONCLUSION_ISSUED). */
  conclusionId: string;
  // ---- directions ----
  /** Unit A's follow-up of a leader's direction on task a (open, version 1). */
  directionUnitA: string;
  // ---- corrective actions on recommendations ----
  /** A recommendation of an issued conclusion of UBKT Thành ủy, unit A responsible. */
  recommendationA: string;
}

interface Req {
  /** Values of the path's `{params}`. */
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  raw?: { data: string | Buffer; type: string };
}

interface Row {
  op: string;
  /** A second row for the same operation names what differs (another query, another resource). */
  variant?: string;
  req: (f: Fixture) => Req;
  cells: Cells;
  /** Cells today's code gets wrong, with the point of the fix: skipped unless MATRIX_STRICT=1. */
  pending?: Partial<Record<Who, string>>;
}

// ---- shapes of cells ----

/** Public: everyone, signed in or not. */
const PUBLIC: Cells = {
  anon: 'ok',
  unitB: 'ok',
  unitA: 'ok',
  supervisor: 'ok',
  leader: 'ok',
  monitor: 'ok',
  admin: 'ok',
};
/** Everyone, signed in or not, gets `e` (a public route answering 404 for what the fixture lacks). */
const everyone = (e: Expect): Cells => ({
  anon: e,
  unitB: e,
  unitA: e,
  supervisor: e,
  leader: e,
  monitor: e,
  admin: e,
});
/** Every signed-in user gets `e`; anonymous 401. */
const signedIn = (e: Expect = 'ok'): Cells => ({
  ...PUBLIC,
  anon: 401,
  unitB: e,
  unitA: e,
  supervisor: e,
  leader: e,
  monitor: e,
  admin: e,
});
/** Only the named columns get `e`; other signed-in users 403; anonymous 401. */
const only = (e: Expect, ...who: Who[]): Cells => {
  const c = signedIn(403);
  for (const w of who) c[w] = e;
  return c;
};
const STAFF: Who[] = ['supervisor', 'leader', 'monitor', 'admin'];
const ADMIN = (e: Expect = 'ok') => only(e, 'admin');
const MANAGE = (e: Expect = 'ok') => only(e, 'monitor', 'admin');
/** Unit A on its own resource gets `e`, unit B 403, plus the named other roles. */
const ownUnit = (e: Expect, ...others: Who[]) => only(e, 'unitA', ...others);
/** Read of unit A's data: unit A and every role that reads all units. */
const ownOrStaff = (e: Expect = 'ok') => ownUnit(e, ...STAFF);

const PLAN_TEXT = `KẾ HOẠCH
Thực hiện chương trình tại Sở Tư pháp

I. NHIỆM VỤ

1. Rà soát

- Rà soát văn bản quy phạm pháp luật của Sở trong năm 2026.
`;
const STALE = 999_999;
const LOGIN_NAME = 'matran-dang-nhap';
const NO_SUCH = '00000000-0000-4000-8000-000000000000';

/** A schema-valid inspection plan with unit A as its subject (the inspections rows). */
const inspectionBody = (f: Fixture) => ({
  kind: 'party_inspection',
  title: 'Kế hoạch kiểm tra năm 2026',
  year: 2026,
  programId: f.programId,
  contents: '',
  startsOn: '2026-11-01',
  endsOn: '2026-12-31',
  announcement: 'announced',
  visibleFrom: '2026-11-01',
  team: [],
  basisText: '',
  subjects: [{ unitId: f.stp }],
});

/** Fills the whole table. Keep it sorted like /docs/json; logout stays last. */
const MATRIX: Row[] = [
  // ---- health, session, account ----
  { op: 'GET /healthz', req: () => ({}), cells: PUBLIC },
  { op: 'GET /readyz', req: () => ({}), cells: PUBLIC },
  {
    op: 'POST /api/auth/login',
    req: (f) => ({ body: { username: f.loginName, password: TEST_PASSWORD } }),
    cells: PUBLIC,
  },
  { op: 'GET /api/auth/me', req: () => ({}), cells: signedIn() },
  {
    // A wrong current password: 400 PASSWORD_WRONG, nothing changes.
    op: 'POST /api/account/password',
    req: () => ({ body: { currentPassword: 'khong-phai-mat-khau', newPassword: 'Mat-khau-moi-2026-dai' } }),
    cells: signedIn('Y'),
  },
  // ---- units ----
  { op: 'GET /api/units', req: () => ({ query: { q: 'tư pháp' } }), cells: signedIn() },
  {
    op: 'POST /api/units', // an existing code: 409 UNIT_CODE_TAKEN
    req: () => ({ body: { code: 'SO-TU-PHAP', name: 'Trùng mã', kind: 'department' } }),
    cells: ADMIN('Y'),
  },
  { op: 'GET /api/units/export.csv', req: () => ({}), cells: signedIn() },
  {
    op: 'POST /api/units/import', // a header without rows: 400 UNIT_CSV_INVALID
    req: () => ({ raw: { data: 'code,name,kind\n', type: 'text/csv' } }),
    cells: ADMIN('Y'),
  },
  { op: 'GET /api/units/{id}', req: (f) => ({ params: { id: f.stp } }), cells: signedIn() },
  {
    op: 'PATCH /api/units/{id}',
    req: (f) => ({ params: { id: f.stp }, body: { version: STALE, name: 'Đổi tên' } }),
    cells: ADMIN('Y'),
  },
  {
    op: 'PATCH /api/units/{id}/contact',
    req: (f) => ({ params: { id: f.stp }, body: { version: STALE, phone: '024 3825 0000' } }),
    cells: ownUnit('Y', 'admin'),
  },
  { op: 'GET /api/units/{id}/members', req: (f) => ({ params: { id: f.stp } }), cells: ownOrStaff() },
  // ---- users (administrators only) ----
  { op: 'GET /api/users', req: () => ({}), cells: ADMIN() },
  {
    op: 'POST /api/users', // an existing user name: 409 USERNAME_TAKEN
    req: (f) => ({ body: { username: f.loginName, fullName: 'Trùng tên', role: 'unit', unitId: f.stp } }),
    cells: ADMIN('Y'),
  },
  { op: 'GET /api/users/{id}', req: (f) => ({ params: { id: f.userA } }), cells: ADMIN() },
  {
    op: 'PATCH /api/users/{id}',
    req: (f) => ({ params: { id: f.userA }, body: { version: STALE, fullName: 'Đổi tên' } }),
    cells: ADMIN('Y'),
  },
  { op: 'POST /api/users/{id}/disable', req: (f) => ({ params: { id: f.throwawayUser } }), cells: ADMIN() },
  { op: 'POST /api/users/{id}/enable', req: (f) => ({ params: { id: f.throwawayUser } }), cells: ADMIN() },
  {
    op: 'POST /api/users/{id}/reset-password',
    req: (f) => ({ params: { id: f.throwawayUser } }),
    cells: ADMIN(),
  },
  // ---- audit ----
  {
    op: 'GET /api/audit',
    variant: "unit A's report",
    req: (f) => ({ query: { entityType: 'report', entityId: f.obligationA } }),
    cells: ownOrStaff(),
  },
  {
    op: 'GET /api/audit',
    variant: 'unit A itself',
    req: (f) => ({ query: { entityType: 'unit', entityId: f.stp } }),
    cells: ownOrStaff(),
  },
  { op: 'GET /api/audit', variant: 'everything', req: () => ({}), cells: only('ok', ...STAFF) },
  { op: 'GET /api/audit/verify', req: () => ({}), cells: ADMIN() },
  // ---- imports ----
  {
    // Unit A's plan exists already: 409 PLAN_EXISTS after the scope check.
    op: 'POST /api/imports',
    variant: "unit A's plan",
    req: (f) => ({
      query: { parentProgramId: f.programId, ownerUnitId: f.stp },
      body: { text: PLAN_TEXT },
    }),
    cells: ownUnit('Y', 'monitor', 'admin'),
  },
  {
    // A city program: only importers (monitor, admin); a blank text stops at 400 IMPORT_EMPTY.
    op: 'POST /api/imports',
    variant: 'a program',
    req: () => ({ body: { text: ' \n ' } }),
    cells: MANAGE('Y'),
  },
  {
    // Units list their own plans' drafts; monitors and admins all.
    op: 'GET /api/imports',
    req: () => ({}),
    cells: only('ok', 'unitA', 'unitB', 'monitor', 'admin'),
  },
  {
    op: 'GET /api/imports/{id}',
    req: (f) => ({ params: { id: f.importDraftId } }),
    cells: ownUnit('ok', 'monitor', 'admin'),
  },
  {
    op: 'POST /api/imports/{id}/edits',
    req: (f) => ({
      params: { id: f.importDraftId },
      body: { version: STALE, op: { op: 'merge', nodeId: 'n1' } },
    }),
    cells: ownUnit('Y', 'monitor', 'admin'),
  },
  {
    op: 'PUT /api/imports/{id}/heading',
    req: (f) => ({
      params: { id: f.importDraftId },
      body: {
        version: STALE,
        ...{ docKind: null, title: 'Kế hoạch', number: null, date: null, place: null },
        ...{ issuer: null, parentIssuer: null, signer: { onBehalf: null, position: null, name: null } },
      },
    }),
    cells: ownUnit('Y', 'monitor', 'admin'),
  },
  {
    // Creating units is the importers' (monitor, admin), even on unit A's own plan: a stale version is 409.
    op: 'POST /api/imports/{id}/proposed-units',
    req: (f) => ({
      params: { id: f.importDraftId },
      body: {
        version: STALE,
        units: [
          { name: 'Sở Tư pháp tỉnh Lào Cai', kind: 'department', parentCode: null, texts: ['Sở Tư pháp'] },
        ],
      },
    }),
    cells: MANAGE('Y'),
  },
  {
    op: 'POST /api/imports/{id}/publish',
    req: (f) => ({ params: { id: f.importDraftId }, body: { version: STALE } }),
    cells: ownUnit('Y', 'monitor', 'admin'),
  },
  {
    op: 'POST /api/imports/{id}/discard',
    req: (f) => ({ params: { id: f.importDraftId }, body: { version: STALE } }),
    cells: ownUnit('Y', 'monitor', 'admin'),
  },
  // ---- programs and tasks ----
  { op: 'GET /api/programs', req: () => ({}), cells: signedIn() },
  { op: 'GET /api/programs/{id}', req: (f) => ({ params: { id: f.programId } }), cells: signedIn() },
  { op: 'GET /api/programs/{id}/tasks', req: (f) => ({ params: { id: f.programId } }), cells: signedIn() },
  { op: 'GET /api/programs/{id}/meter', req: (f) => ({ params: { id: f.programId } }), cells: signedIn() },
  {
    op: 'GET /api/programs/{id}/suggestions',
    req: (f) => ({ params: { id: f.programId } }),
    cells: signedIn(),
  },
  {
    // No task chosen: accepts nothing.
    op: 'POST /api/programs/{id}/suggestions/accept',
    req: (f) => ({ params: { id: f.programId }, body: { nodeIds: [], parts: ['lead'] } }),
    cells: MANAGE('Y'),
  },
  {
    // Unit A's plan, its item at a stale version: 409 ASSIGN_BULK_CONFLICT. Unit A bulk-edits its own plan.
    op: 'POST /api/programs/{id}/assignments/bulk',
    variant: "unit A's plan",
    req: (f) => ({
      params: { id: f.planId },
      body: {
        tasks: [{ nodeId: f.planItemId, version: STALE }],
        deadline: { kind: 'date', date: '2026-05-31' },
      },
    }),
    cells: ownUnit('Y', 'monitor', 'admin'),
  },
  {
    // The city program: monitors and admins only.
    op: 'POST /api/programs/{id}/assignments/bulk',
    variant: 'the city program',
    req: (f) => ({
      params: { id: f.programId },
      body: { tasks: [{ nodeId: f.a, version: STALE }], deadline: { kind: 'date', date: '2026-06-30' } },
    }),
    cells: MANAGE('Y'),
  },
  {
    // Stale version: 409 VERSION_CONFLICT after the role check. Monitors and admins publish.
    op: 'PUT /api/programs/{id}/publicity',
    req: (f) => ({ params: { id: f.programId }, body: { public: true, version: STALE } }),
    cells: MANAGE('Y'),
  },
  {
    // Unit A's own file, left internal (nothing changes). Units decide for their own files; admins too.
    op: 'PUT /api/reports/{id}/files/{sha256}/visibility',
    req: (f) => ({ params: { id: f.obligationA, sha256: f.sha256 }, body: { public: false } }),
    cells: ownUnit('ok', 'admin'),
  },
  { op: 'GET /api/public-documents', req: () => ({}), cells: MANAGE() },
  {
    // No such consolidated report: 404 CONSOLIDATION_NOT_FOUND after the role check.
    op: 'POST /api/public-documents',
    req: () => ({ body: { kind: 'consolidated', consolidationId: NO_SUCH } }),
    cells: MANAGE('Y'),
  },
  {
    // No such document: 404 PUBLIC_DOCUMENT_NOT_FOUND after the role check.
    op: 'POST /api/public-documents/{id}/withdraw',
    req: () => ({ params: { id: NO_SUCH } }),
    cells: MANAGE('Y'),
  },
  {
    // Already in implementation: 409 PROGRAM_ALREADY_IMPLEMENTING.
    op: 'POST /api/programs/{id}/implement',
    req: (f) => ({ params: { id: f.programId }, body: {} }),
    cells: MANAGE('Y'),
  },
  { op: 'GET /api/tasks/{id}', req: (f) => ({ params: { id: f.a } }), cells: signedIn() },
  {
    // An item of unit A's plan, stale version: 409. Unit A assigns its own plan's items.
    op: 'PUT /api/tasks/{id}/assignment',
    variant: "unit A's plan item",
    req: (f) => ({
      params: { id: f.planItemId },
      body: {
        version: STALE,
        leadUnitId: f.stp,
        cooperatingUnitIds: [],
        focal: null,
        deadline: { kind: 'date', date: '2026-05-31' },
        products: [],
      },
    }),
    cells: ownUnit('Y', 'monitor', 'admin'),
  },
  {
    // A task of the city program: monitors and admins only, even for the unit that leads it.
    op: 'PUT /api/tasks/{id}/assignment',
    variant: 'a program task',
    req: (f) => ({
      params: { id: f.a },
      body: {
        version: STALE,
        leadUnitId: f.stp,
        cooperatingUnitIds: [f.snv],
        focal: null,
        deadline: { kind: 'date', date: '2026-06-30' },
        products: [],
      },
    }),
    cells: MANAGE('Y'),
  },
  { op: 'GET /api/units/{id}/tasks', req: (f) => ({ params: { id: f.stp } }), cells: ownOrStaff() },
  // ---- plans ----
  { op: 'GET /api/programs/{id}/plans', req: (f) => ({ params: { id: f.programId } }), cells: signedIn() },
  {
    // Unit A's plan exists: 409 PLAN_EXISTS after the scope check.
    op: 'POST /api/programs/{id}/plans',
    req: (f) => ({ params: { id: f.programId }, body: { unitId: f.stp } }),
    cells: ownUnit('Y', 'monitor', 'admin'),
  },
  { op: 'GET /api/plans/{id}', req: (f) => ({ params: { id: f.planId } }), cells: signedIn() },
  {
    // Linked to task b, which unit A does not carry: 400 PLAN_TASK_NOT_CARRIED.
    op: 'POST /api/plans/{id}/items',
    req: (f) => ({ params: { id: f.planId }, body: { text: 'Không thêm được', parentNodeIds: [f.b] } }),
    cells: ownUnit('Y', 'monitor', 'admin'),
  },
  {
    op: 'PUT /api/tasks/{id}/links',
    req: (f) => ({ params: { id: f.planItemId }, body: { parentNodeIds: [f.b] } }),
    cells: ownUnit('Y', 'monitor', 'admin'),
  },
  { op: 'GET /api/programs/{id}/coverage', req: (f) => ({ params: { id: f.programId } }), cells: signedIn() },
  {
    op: 'GET /api/programs/{id}/annex.xlsx',
    req: (f) => ({ params: { id: f.programId } }),
    cells: signedIn(),
  },
  {
    op: 'GET /api/programs/{id}/annex.docx',
    req: (f) => ({ params: { id: f.programId } }),
    cells: signedIn(),
  },
  // ---- periods and reports ----
  { op: 'GET /api/reporting/rules', req: () => ({}), cells: signedIn() },
  { op: 'GET /api/programs/{id}/periods', req: (f) => ({ params: { id: f.programId } }), cells: signedIn() },
  {
    // The annual period 2026 exists: 409 PERIOD_EXISTS.
    op: 'POST /api/programs/{id}/periods',
    req: (f) => ({ params: { id: f.programId }, body: { kind: 'yearly', year: 2026 } }),
    cells: MANAGE('Y'),
  },
  {
    // Everyone reads the period; a unit sees only its own row of the matrix.
    op: 'GET /api/periods/{id}',
    req: (f) => ({ params: { id: f.periodId } }),
    cells: signedIn(),
  },
  {
    op: 'PATCH /api/periods/{id}',
    req: (f) => ({ params: { id: f.periodId }, body: { version: STALE, label: 'Đổi tên' } }),
    cells: MANAGE('Y'),
  },
  { op: 'GET /api/reports/{id}', req: (f) => ({ params: { id: f.obligationA } }), cells: ownOrStaff() },
  {
    op: 'PUT /api/reports/{id}/draft',
    req: (f) => ({ params: { id: f.obligationA }, body: { version: STALE, content: { entries: {} } } }),
    cells: ownUnit('Y', 'admin'),
  },
  {
    // The draft misses task c: 400 REPORT_INCOMPLETE.
    op: 'POST /api/reports/{id}/submit',
    req: (f) => ({ params: { id: f.obligationA }, body: { idempotencyKey: 'ma-tran-quyen-0001' } }),
    cells: ownUnit('Y', 'admin'),
  },
  {
    // Returning without a comment: 400 REPORT_RETURN_NEEDS_COMMENT.
    op: 'POST /api/reports/{id}/review',
    req: (f) => ({ params: { id: f.obligationA }, body: { decision: 'return' } }),
    cells: MANAGE('Y'),
  },
  {
    op: 'GET /api/reports/{id}/versions/{number}',
    req: (f) => ({ params: { id: f.obligationA, number: '1' } }),
    cells: ownOrStaff(),
  },
  {
    op: 'GET /api/reports/{id}/compare',
    req: (f) => ({ params: { id: f.obligationA }, query: { a: '1', b: '1' } }),
    cells: ownOrStaff(),
  },
  {
    // Not an accepted type: 400 FILE_TYPE_FORBIDDEN, nothing stored.
    op: 'POST /api/reports/{id}/files',
    req: (f) => ({
      params: { id: f.obligationA },
      query: { filename: 'ghi-chu.txt' },
      raw: { data: 'không phải tệp minh chứng', type: 'application/octet-stream' },
    }),
    cells: ownUnit('Y', 'admin'),
  },
  {
    op: 'GET /api/files/{sha256}',
    req: (f) => ({ params: { sha256: f.sha256 } }),
    cells: ownOrStaff(),
  },
  { op: 'GET /api/units/{id}/reports', req: (f) => ({ params: { id: f.stp } }), cells: ownOrStaff() },
  // ---- a unit's earlier reports: copy forward, feedback, a task's accepted progress ----
  {
    op: 'GET /api/reports/{id}/earlier',
    req: (f) => ({ params: { id: f.obligationA } }),
    cells: ownOrStaff(),
  },
  {
    // A stale version: 409 VERSION_CONFLICT after the scope check.
    op: 'POST /api/reports/{id}/copy-forward',
    req: (f) => ({ params: { id: f.obligationA }, body: { version: STALE } }),
    cells: ownUnit('Y', 'admin'),
  },
  { op: 'GET /api/units/{id}/feedback', req: (f) => ({ params: { id: f.stp } }), cells: ownOrStaff() },
  // Task a is led by unit A: its reports' entries are unit A's.
  { op: 'GET /api/tasks/{id}/reporting', req: (f) => ({ params: { id: f.a } }), cells: ownOrStaff() },
  // ---- reminders, notifications ----
  {
    // An obligation that does not exist: nobody is reminded.
    op: 'POST /api/periods/{id}/remind',
    req: (f) => ({ params: { id: f.periodId }, body: { obligationIds: [NO_SUCH] } }),
    cells: MANAGE('Y'),
  },
  { op: 'GET /api/periods/{id}/reminders', req: (f) => ({ params: { id: f.periodId } }), cells: MANAGE() },
  { op: 'GET /api/programs/{id}/reminders', req: (f) => ({ params: { id: f.programId } }), cells: MANAGE() },
  { op: 'POST /api/reminders/sweep', req: () => ({}), cells: MANAGE() },
  {
    op: 'GET /api/reports/{id}/reminders',
    req: (f) => ({ params: { id: f.obligationA } }),
    cells: ownOrStaff(),
  },
  { op: 'GET /api/notifications', req: () => ({}), cells: signedIn() },
  { op: 'POST /api/notifications/read', req: () => ({ body: { all: true } }), cells: signedIn() },
  // Each user reads and sets only their own e-mail choices (no user in the path or the body).
  { op: 'GET /api/notifications/preferences', req: () => ({}), cells: signedIn() },
  {
    op: 'PUT /api/notifications/preferences',
    req: () => ({ body: { items: [{ kind: 'report.accepted', email: true }] } }),
    cells: signedIn(),
  },
  // ---- obstacles, dashboard, consolidation ----
  {
    // Everyone reads the register; a unit sees only its own obstacles.
    op: 'GET /api/programs/{id}/obstacles',
    req: (f) => ({ params: { id: f.programId } }),
    cells: signedIn(),
  },
  {
    op: 'PATCH /api/obstacles/{id}',
    req: (f) => ({ params: { id: f.obstacleId }, body: { action: 'close', version: STALE } }),
    cells: MANAGE('Y'),
  },
  {
    // Every unit's progress, report status and obstacles: like the consolidation, not for units.
    op: 'GET /api/periods/{id}/dashboard',
    req: (f) => ({ params: { id: f.periodId } }),
    cells: only('ok', ...STAFF),
  },
  {
    op: 'GET /api/periods/{id}/consolidation',
    req: (f) => ({ params: { id: f.periodId } }),
    cells: only('ok', ...STAFF),
  },
  {
    // Regenerating names a stale version: 409.
    op: 'POST /api/periods/{id}/consolidation',
    req: (f) => ({ params: { id: f.periodId }, body: { version: STALE } }),
    cells: MANAGE('Y'),
  },
  {
    op: 'PUT /api/periods/{id}/consolidation',
    req: (f) => ({ params: { id: f.periodId }, body: { version: STALE } }),
    cells: MANAGE('Y'),
  },
  {
    op: 'GET /api/periods/{id}/consolidation.docx',
    req: (f) => ({ params: { id: f.periodId } }),
    cells: only('ok', ...STAFF),
  },
  {
    op: 'GET /api/periods/{id}/consolidation.xlsx',
    req: (f) => ({ params: { id: f.periodId } }),
    cells: only('ok', ...STAFF),
  },
  // ---- the home overview: everyone signed in, each sees what is theirs ----
  { op: 'GET /api/home', req: () => ({}), cells: signedIn() },
  // Approval: the monitor sends and revises, only a leader approves or returns (stale version: 409).
  {
    op: 'POST /api/periods/{id}/consolidation/send',
    req: (f) => ({ params: { id: f.periodId }, body: { version: STALE } }),
    cells: MANAGE('Y'),
  },
  {
    op: 'POST /api/periods/{id}/consolidation/return',
    req: (f) => ({ params: { id: f.periodId }, body: { version: STALE, comment: 'Bổ sung số liệu.' } }),
    cells: only('Y', 'leader'),
  },
  {
    op: 'POST /api/periods/{id}/consolidation/approve',
    req: (f) => ({
      params: { id: f.periodId },
      body: { version: STALE, number: '125', date: '2026-12-10' },
    }),
    cells: only('Y', 'leader'),
  },
  {
    op: 'POST /api/periods/{id}/consolidation/revision',
    req: (f) => ({ params: { id: f.periodId }, body: { version: STALE } }),
    cells: MANAGE('Y'),
  },
  {
    op: 'GET /api/periods/{id}/consolidation/versions',
    req: (f) => ({ params: { id: f.periodId } }),
    cells: only('ok', ...STAFF),
  },
  // ---- inspections ----
  // Everyone reads the plans they may see; only the body's supervisors (and admins) change them. A
  // unit reads a plan it is a subject of (unit B: 404); the .docx is the body's document, not a unit's.
  { op: 'GET /api/inspections', req: () => ({}), cells: signedIn() },
  {
    // Supervisor: a new draft of its body; admin without a body: 400.
    op: 'POST /api/inspections',
    req: (f) => ({ body: inspectionBody(f) }),
    cells: only('Y', 'supervisor', 'admin'),
  },
  {
    op: 'GET /api/inspections/{id}',
    req: (f) => ({ params: { id: f.inspectionId } }),
    cells: { ...ownOrStaff(), unitB: 404 },
  },
  {
    op: 'PUT /api/inspections/{id}',
    req: (f) => ({ params: { id: f.inspectionId }, body: { ...inspectionBody(f), version: STALE } }),
    cells: only('Y', 'supervisor', 'admin'),
  },
  {
    op: 'POST /api/inspections/{id}/activate',
    req: (f) => ({ params: { id: f.inspectionId }, body: { version: STALE } }),
    cells: only('Y', 'supervisor', 'admin'),
  },
  {
    op: 'POST /api/inspections/{id}/close',
    req: (f) => ({ params: { id: f.inspectionId }, body: { version: STALE } }),
    cells: only('Y', 'supervisor', 'admin'),
  },
  {
    op: 'GET /api/inspection-subjects/{id}/documents',
    req: (f) => ({ params: { id: f.inspectionSubjectId } }),
    cells: only('ok', 'supervisor', 'admin'),
  },
  {
    op: 'POST /api/inspections/{id}/visits',
    req: (f) => ({
      params: { id: f.inspectionId },
      body: {
        subjectId: f.inspectionSubjectId,
        heldOn: '2026-11-26',
        place: 'Sở Tư pháp',
        participants: '',
        documents: [],
        minutes: '',
        attachments: [],
      },
    }),
    cells: only('Y', 'supervisor', 'admin'),
  },
  {
    op: 'PUT /api/inspection-visits/{id}',
    req: (f) => ({
      params: { id: f.inspectionVisitId },
      body: {
        version: STALE,
        heldOn: '2026-11-26',
        place: '',
        participants: '',
        documents: [],
        minutes: '',
        attachments: [],
      },
    }),
    cells: only('Y', 'supervisor', 'admin'),
  },
  {
    op: 'POST /api/inspections/{id}/files',
    req: (f) => ({
      params: { id: f.inspectionId },
      query: { filename: 'bien-ban.pdf' },
      raw: { data: PDF_BYTES, type: 'application/octet-stream' },
    }),
    cells: only('Y', 'supervisor', 'admin'),
  },
  {
    op: 'GET /api/inspection-visits/{id}/files/{sha256}',
    req: (f) => ({ params: { id: f.inspectionVisitId, sha256: f.inspectionSha } }),
    cells: { ...ownOrStaff(), unitB: 404 },
  },
  {
    // A second draft while one exists: 409; the first call makes it.
    op: 'POST /api/inspections/{id}/conclusions',
    req: (f) => ({
      params: { id: f.inspectionId },
      body: { title: '', summary: '', layout: 'party', findings: [], recommendations: [] },
    }),
    cells: only('Y', 'supervisor', 'admin'),
  },
  {
    op: 'PUT /api/inspection-conclusions/{id}',
    req: (f) => ({
      params: { id: f.conclusionId },
      body: { version: STALE, title: '', summary: '', layout: 'party', findings: [], recommendations: [] },
    }),
    cells: only('Y', 'supervisor', 'admin'),
  },
  {
    op: 'POST /api/inspection-conclusions/{id}/issue',
    req: (f) => ({
      params: { id: f.conclusionId },
      body: { version: STALE, number: '1', issuedOn: '2026-11-27', signerName: 'A', signerTitle: 'B' },
    }),
    cells: only('Y', 'supervisor', 'admin'),
  },
  {
    op: 'POST /api/inspection-conclusions/{id}/revision',
    req: (f) => ({ params: { id: f.conclusionId }, body: { version: STALE } }),
    cells: only('Y', 'supervisor', 'admin'),
  },
  {
    op: 'GET /api/inspection-conclusions/{id}/docx',
    req: (f) => ({ params: { id: f.conclusionId } }),
    cells: only('ok', ...STAFF),
  },
  // ---- directions ----
  { op: 'GET /api/directions', req: () => ({}), cells: signedIn() },
  {
    op: 'POST /api/directions',
    // A due date in the past: refused after the role check.
    req: (f) => ({
      body: {
        targetType: 'unit',
        targetId: f.stp,
        text: 'Chỉ đạo.',
        requiresAction: true,
        dueDate: '2020-01-01',
      },
    }),
    cells: only('Y', 'leader'),
  },
  {
    op: 'POST /api/direction-units/{id}/answer',
    req: (f) => ({ params: { id: f.directionUnitA }, body: { version: STALE, answer: 'Đã thực hiện.' } }),
    cells: ownUnit('Y', 'admin'),
  },
  {
    op: 'POST /api/direction-units/{id}/close',
    req: (f) => ({ params: { id: f.directionUnitA }, body: { version: STALE } }),
    cells: only('Y', 'leader', 'monitor', 'admin'),
  },
  {
    op: 'POST /api/direction-units/{id}/return',
    req: (f) => ({ params: { id: f.directionUnitA }, body: { version: STALE, comment: 'Chưa đạt.' } }),
    cells: only('Y', 'leader', 'monitor', 'admin'),
  },
  // ---- corrective actions on recommendations (issue 13, point 4) ----
  { op: 'GET /api/recommendations', req: () => ({}), cells: signedIn() },
  {
    op: 'GET /api/recommendations',
    variant: "unit A's",
    req: (f) => ({ query: { unitId: f.stp, open: 'true' } }),
    cells: signedIn(),
  },
  {
    op: 'GET /api/recommendations/{id}',
    req: (f) => ({ params: { id: f.recommendationA } }),
    cells: ownOrStaff(),
  },
  {
    // Stale version: the responsible unit and admins reach the service (409); the others are refused.
    op: 'POST /api/recommendations/{id}/remediation',
    req: (f) => ({
      params: { id: f.recommendationA },
      body: { version: STALE, state: 'done', result: 'Đã khắc phục.' },
    }),
    cells: ownUnit('Y', 'admin'),
  },
  {
    // The supervisor of the inspecting body (UBKT Thành ủy) and admins decide.
    op: 'POST /api/recommendations/{id}/decision',
    req: (f) => ({ params: { id: f.recommendationA }, body: { version: STALE, decision: 'accept' } }),
    cells: only('Y', 'supervisor', 'admin'),
  },
  // ---- annual review ----
  // review.read: every role but units; the figures of every unit are the leadership's working document.
  {
    op: 'GET /api/programs/{id}/review',
    req: (f) => ({ params: { id: f.programId }, query: { year: '2026' } }),
    cells: only('ok', ...STAFF),
  },
  {
    op: 'GET /api/programs/{id}/review.docx',
    req: (f) => ({ params: { id: f.programId }, query: { year: '2026' } }),
    cells: only('ok', ...STAFF),
  },
  {
    op: 'GET /api/programs/{id}/review.xlsx',
    req: (f) => ({ params: { id: f.programId }, query: { year: '2026' } }),
    cells: only('ok', ...STAFF),
  },
  // ---- the public log (anonymous; this app has no signing key, so no checkpoint: 404 where one is
  // needed; the fixture's program is public, so leaf 0 exists, shown without a proof) ----
  { op: 'GET /api/public/log', req: () => ({}), cells: PUBLIC },
  { op: 'GET /api/public/log/checkpoint', req: () => ({}), cells: everyone(404) },
  { op: 'GET /api/public/log/key', req: () => ({}), cells: everyone(404) },
  { op: 'GET /api/public/log/leaves/{idx}', req: () => ({ params: { idx: '0' } }), cells: PUBLIC },
  { op: 'GET /api/public/log/consistency', req: () => ({ query: { from: '0' } }), cells: everyone(404) },
  { op: 'GET /api/public/log/checkpoints', req: () => ({ query: { limit: '5' } }), cells: PUBLIC },
  // ---- the public portal: anyone, signed in or not (the fixture's program is public) ----
  { op: 'GET /api/public/programs', req: () => ({}), cells: PUBLIC },
  { op: 'GET /api/public/programs.csv', req: () => ({}), cells: PUBLIC },
  { op: 'GET /api/public/programs/{id}', req: (f) => ({ params: { id: f.programId } }), cells: PUBLIC },
  {
    op: 'GET /api/public/programs/{id}/progress.csv',
    req: (f) => ({ params: { id: f.programId } }),
    cells: PUBLIC,
  },
  {
    op: 'GET /api/public/programs/{id}/tasks.csv',
    req: (f) => ({ params: { id: f.programId } }),
    cells: PUBLIC,
  },
  { op: 'GET /api/public/tasks/{id}', req: (f) => ({ params: { id: f.a } }), cells: PUBLIC },
  { op: 'GET /api/public/units', req: () => ({}), cells: PUBLIC },
  { op: 'GET /api/public/units.csv', req: () => ({}), cells: PUBLIC },
  { op: 'GET /api/public/units/{id}', req: (f) => ({ params: { id: f.stp } }), cells: PUBLIC },
  { op: 'GET /api/public/search', req: () => ({ query: { q: 'rà soát' } }), cells: PUBLIC },
  // ---- last: ends every session ----
  { op: 'POST /api/auth/logout', req: () => ({}), cells: signedIn() },
];

const rowName = (r: Row) => (r.variant ? `${r.op} [${r.variant}]` : r.op);

/** The request of a row, as a URL path with its params filled and its query. */
function urlOf(op: string, q: Req): string {
  const path = op.slice(op.indexOf(' ') + 1).replace(/\{(\w+)\}/g, (_m, name: string) => {
    const v = q.params?.[name];
    if (v === undefined) throw new Error(`${op}: no value for {${name}}`);
    return encodeURIComponent(v);
  });
  const qs = q.query ? `?${new URLSearchParams(q.query).toString()}` : '';
  return path + qs;
}

/** One request with the client's session, without touching its cookie jar (login/logout rows). */
async function call(base: string, cookie: string | null, method: string, url: string, q: Req) {
  const headers: Record<string, string> = {};
  if (cookie) headers.cookie = cookie;
  let body: string | Buffer | undefined;
  if (q.raw) {
    body = q.raw.data;
    headers['content-type'] = q.raw.type;
  } else if (q.body !== undefined) {
    body = JSON.stringify(q.body);
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(base + url, { method, headers, body });
  const text = await res.text();
  let code: string | undefined;
  try {
    code = (JSON.parse(text) as { code?: string }).code;
  } catch {
    code = undefined;
  }
  return { status: res.status, code, text };
}

/** Why an answer does not match the expected value, or null when it does. */
function mismatch(expected: Expect, status: number, code: string | undefined): string | null {
  const ok =
    expected === 'ok'
      ? status >= 200 && status < 300
      : expected === 'Y'
        ? status !== 401 && status !== 403 && status < 500 && code !== 'VALIDATION_FAILED'
        : expected === 403
          ? status === 403 && !!code?.startsWith('FORBIDDEN')
          : status === expected;
  return ok ? null : `expected ${expected}, got ${status}${code ? ` ${code}` : ''}`;
}

const entry = (o: Record<string, unknown>) => ({ ...emptyEntry(), ...o });

async function must<T>(what: string, p: Promise<{ status: number; body: T; text: string }>): Promise<T> {
  const r = await p;
  if (r.status >= 300) throw new Error(`fixture ${what}: ${r.status} ${r.text}`);
  return r.body;
}

/** Unit A's resources, built through the API as the people would. */
async function buildFixture(t: TestApp, monitor: Client, unitA: Client): Promise<Fixture> {
  const base = await reportingProgram(t, monitor);
  const { programId, stp } = base;
  // The import draft of A's plan document, left open; then A's plan itself, with one item on task a.
  const draft = await must<ImportDraft>(
    'import draft',
    unitA.request('POST', `/api/imports?parentProgramId=${programId}&ownerUnitId=${stp}`, {
      text: PLAN_TEXT,
    }),
  );
  const plan = await must<PlanView>('plan', unitA.post(`/api/programs/${programId}/plans`, { unitId: stp }));
  const withItem = await must<PlanView>(
    'plan item',
    unitA.post(`/api/plans/${plan.id}/items`, {
      text: 'Rà soát 120 văn bản của Thành phố ban hành giai đoạn 2021-2025',
      parentNodeIds: [base.a],
      deadline: { kind: 'date', date: '2026-05-31' },
    }),
  );
  const planItemId = withItem.items[0]!.nodeId;
  // Unit A assigns the item to itself, so its assignment row exists and a stale version is a 409.
  const item = await must<TaskDetail>('plan item task', unitA.get(`/api/tasks/${planItemId}`));
  await must(
    'plan item assignment',
    unitA.request('PUT', `/api/tasks/${planItemId}/assignment`, {
      version: item.task.version,
      leadUnitId: stp,
      cooperatingUnitIds: [],
      focal: null,
      deadline: { kind: 'date', date: '2026-05-31' },
      products: [],
      reason: 'Sở Tư pháp chủ trì',
    }),
  );
  // The annual period; A uploads evidence, submits a full report with an obstacle, the monitor
  // returns it, and A saves a draft that misses task c.
  const period = await must<{ id: string }>(
    'period',
    monitor.post(`/api/programs/${programId}/periods`, { kind: 'yearly', year: 2026 }),
  );
  const detail = await must<{ rows: { unitId: string; obligationId: string }[] }>(
    'period detail',
    monitor.get(`/api/periods/${period.id}`),
  );
  const obligationA = detail.rows.find((r) => r.unitId === stp)!.obligationId;
  const file = await must<{ sha256: string; name: string; size: number; mime: string }>(
    'evidence',
    unitA.request('POST', `/api/reports/${obligationA}/files?filename=bien-ban.pdf`, undefined, {
      raw: PDF_BYTES,
      contentType: 'application/octet-stream',
    }),
  );
  const rep = await must<ReportView>('report', unitA.get(`/api/reports/${obligationA}`));
  const entryA = entry({
    status: 'in_progress',
    percent: 40,
    results: 'Đã rà soát 120 văn bản.',
    obstacles: 'Thiếu kinh phí thuê chuyên gia.',
    evidence: [file],
  });
  await must(
    'draft',
    unitA.request('PUT', `/api/reports/${obligationA}/draft`, {
      version: rep.version,
      content: {
        entries: {
          [base.a]: entryA,
          [base.c]: entry({
            status: 'done',
            results: 'Tổ chức 3 hội nghị tập huấn.',
            completedOn: '2026-10-01',
          }),
        },
      },
    }),
  );
  await must(
    'submit',
    unitA.post(`/api/reports/${obligationA}/submit`, { idempotencyKey: 'ma-tran-nop-lan-1' }),
  );
  await must(
    'return',
    monitor.post(`/api/reports/${obligationA}/review`, {
      decision: 'return',
      comment: 'Bổ sung minh chứng.',
    }),
  );
  const back = await must<ReportView>('report again', unitA.get(`/api/reports/${obligationA}`));
  await must(
    'redraft',
    unitA.request('PUT', `/api/reports/${obligationA}/draft`, {
      version: back.version,
      content: { entries: { [base.a]: entryA } },
    }),
  );
  const obstacles = await must<{ items: { id: string; unitId: string }[] }>(
    'obstacles',
    monitor.get(`/api/programs/${programId}/obstacles`),
  );
  const obstacleId = obstacles.items.find((o) => o.unitId === stp)!.id;
  await must('consolidation', monitor.post(`/api/periods/${period.id}/consolidation`, {}));
  // Users of unit A: one to read, one to disable, and one for the login row.
  const mk = async (username: string) =>
    (
      await createUser(t.deps, systemCtx('test'), {
        username,
        fullName: `Cán bộ ${username}`,
        role: 'unit',
        unitId: stp,
        password: TEST_PASSWORD,
      })
    ).user.id;
  await mk(LOGIN_NAME);
  // ---- inspections: a decided plan of the UBKT Thành ủy on unit A, a visit with a file, an issued conclusion ----
  const sys = systemCtx('test');
  const ubkt = (await findUnitByCode(t.deps.db, 'UBKT-TU'))!.id;
  const insp = await createInspection(t.deps, sys, {
    ...inspectionBody({ ...base } as Fixture),
    bodyUnitId: ubkt,
  } as Parameters<typeof createInspection>[2]);
  await activateInspection(t.deps, sys, insp.id, { version: insp.version });
  const inspectionSubjectId = insp.subjects[0]!.id;
  const inspFile = await uploadInspectionFile(t.deps, sys, insp.id, {
    filename: 'bien-ban.pdf',
    bytes: PDF_BYTES,
  });
  const visit = await createVisit(t.deps, sys, insp.id, {
    subjectId: inspectionSubjectId,
    heldOn: '2026-11-20',
    place: 'Sở Tư pháp',
    participants: '',
    documents: [],
    minutes: 'Biên bản làm việc.',
    attachments: [{ sha256: inspFile.sha256, name: 'bien-ban.pdf' }],
  });
  const concl = await createConclusion(t.deps, sys, insp.id, {
    title: 'Kết luận kiểm tra',
    summary: '',
    layout: 'party',
    findings: [{ unitId: stp, text: 'Chậm ban hành kế hoạch.' }],
    recommendations: [
      {
        responsibleUnitId: stp,
        text: 'Ban hành kế hoạch.',
        dueDate: '2026-12-31',
        expectedProduct: 'Kế hoạch',
      },
    ],
  });
  await issueConclusion(t.deps, sys, concl.id, {
    version: concl.version,
    number: '1',
    issuedOn: '2026-11-27',
    signerName: 'Người ký',
    signerTitle: 'Chủ nhiệm',
  });
  const inspections = {
    inspectionId: insp.id,
    inspectionSubjectId,
    inspectionVisitId: visit.id,
    inspectionSha: inspFile.sha256,
    conclusionId: concl.id,
  };
  // ---- directions ----
  const leader = await t.loginAs('leader');
  const direction = await must<{ units: { id: string; unitId: string }[] }>(
    'direction',
    leader.post('/api/directions', {
      targetType: 'task',
      targetId: base.a,
      text: 'Khẩn trương hoàn thành rà soát.',
      requiresAction: true,
      dueDate: '2026-12-31',
    }),
  );
  const directionUnitA = direction.units.find((u) => u.unitId === stp)!.id;
  // ---- corrective actions on recommendations: an issued conclusion of UBKT Thành ủy on unit A ----
  const inspected = await issuedConclusionFixture(t.deps.db, {
    bodyUnitId: ubkt,
    programId,
    units: [stp],
    recommendations: [{ unitId: stp, dueDate: '2026-12-31', nodeId: base.a }],
  });
  // ---- the public portal: the program is public (the public rows read it) ----
  const prog = await must<{ version: number }>('program', monitor.get(`/api/programs/${programId}`));
  await must(
    'publicity',
    monitor.request('PUT', `/api/programs/${programId}/publicity`, { public: true, version: prog.version }),
  );
  return {
    recommendationA: inspected.recommendationIds[0]!,
    ...inspections,
    ...base,
    periodId: period.id,
    obligationA,
    sha256: file.sha256,
    obstacleId,
    planId: plan.id,
    planItemId,
    importDraftId: draft.id,
    userA: await mk('matran-stp-doc'),
    throwawayUser: await mk('matran-stp-tam'),
    loginName: LOGIN_NAME,
    directionUnitA,
  };
}

describe.each(DB_KINDS)('authorization matrix on %s', (kind) => {
  let t: TestApp;
  let clients: Record<Who, Client>;
  let f: Fixture;

  beforeAll(async () => {
    t = await startTestApp(kind);
    t.deps.clock = () => new Date('2026-11-27T03:00:00Z');
    const monitor = await t.loginAs('monitor', { unitCode: 'BNC-TU' });
    const admin = await t.loginAs('admin');
    const unitA = await t.loginAs('unit', { unitCode: 'SO-TU-PHAP' });
    clients = {
      anon: t.client(),
      unitB: await t.loginAs('unit', { unitCode: 'SO-NOI-VU' }),
      unitA,
      supervisor: await t.loginAs('supervisor', { unitCode: 'UBKT-TU' }),
      leader: await t.loginAs('leader'),
      monitor,
      admin,
    };
    f = await buildFixture(t, monitor, unitA);
  });
  afterAll(async () => t?.close());

  it('has exactly one set of rows for every operation of the OpenAPI document', async () => {
    const doc = (await (await fetch(`${t.base}/docs/json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const methods = ['get', 'post', 'put', 'patch', 'delete'];
    const ops = Object.entries(doc.paths).flatMap(([p, o]) =>
      Object.keys(o)
        .filter((m) => methods.includes(m))
        .map((m) => `${m.toUpperCase()} ${p}`),
    );
    const rows = new Set(MATRIX.map((r) => r.op));
    expect(
      ops.filter((o) => !rows.has(o)),
      'operations without rows',
    ).toEqual([]);
    expect(
      [...rows].filter((o) => !ops.includes(o)),
      'rows naming no operation',
    ).toEqual([]);
    const names = MATRIX.map(rowName);
    expect(
      names.filter((n, i) => names.indexOf(n) !== i),
      'duplicate rows',
    ).toEqual([]);
    expect(MATRIX.at(-1)!.op, 'logout ends the sessions: last').toBe('POST /api/auth/logout');
  });

  it('answers every operation × role as the table says', async () => {
    const wrong: string[] = [];
    const skipped: string[] = [];
    let checked = 0;
    for (const row of MATRIX) {
      const q = row.req(f);
      const url = urlOf(row.op, q);
      const method = row.op.slice(0, row.op.indexOf(' '));
      for (const who of ROLES) {
        const expected = row.cells[who];
        const pending = row.pending?.[who];
        if (pending && !STRICT) {
          skipped.push(`${rowName(row)} × ${who}: expected ${expected} (pending: ${pending})`);
          continue;
        }
        const r = await call(t.base, clients[who].cookie, method, url, q);
        checked++;
        if (process.env.MATRIX_DEBUG) console.log(`${rowName(row)} × ${who}: ${r.status} ${r.code ?? ''}`);
        const why = mismatch(expected, r.status, r.code);
        if (why) wrong.push(`${rowName(row)} × ${who}: ${why}${pending ? ` (pending: ${pending})` : ''}`);
      }
    }
    const ops = new Set(MATRIX.map((r) => r.op)).size;
    console.log(
      `authorization matrix on ${kind}: ${ops} operations, ${MATRIX.length} rows × ${ROLES.length} roles = ` +
        `${MATRIX.length * ROLES.length} cells; ${checked} checked, ${skipped.length} pending skipped` +
        (skipped.length ? `\n  pending (MATRIX_STRICT=1 runs them):\n  ${skipped.join('\n  ')}` : ''),
    );
    expect(wrong).toEqual([]);
  });

  it('refuses a unit assigning its plan item to a peer unit (point 3)', async () => {
    // The matrix ended every session (logout): log in again as unit A.
    const a = await t.loginAs('unit', { unitCode: 'SO-TU-PHAP' });
    const cur = (await a.get<TaskDetail>(`/api/tasks/${f.planItemId}`)).body;
    const r = await a.request('PUT', `/api/tasks/${f.planItemId}/assignment`, {
      version: cur.task.version,
      leadUnitId: f.snv,
      cooperatingUnitIds: [],
      focal: null,
      deadline: { kind: 'date', date: '2026-05-31' },
      products: [],
      reason: 'Giao cho đơn vị ngang cấp',
    });
    expect([r.status, r.body.code], r.text).toEqual([403, 'ASSIGN_UNIT_OUT_OF_SCOPE']);
    const after = (await a.get<TaskDetail>(`/api/tasks/${f.planItemId}`)).body;
    expect(after.task.leadUnitId).toBe(f.stp);
  });
});
