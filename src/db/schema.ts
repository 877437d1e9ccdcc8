/**
 * The database schema (PostgreSQL; the same on PGlite and on a server).
 * Migrations in ./migrations are generated from this file by `npm run db:generate` and committed.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import type { CarriedTask, ReportContent, ReportProduct } from '../domain/reporting/report.js';
import type { AuditSnapshot } from '../contract/audit.js';
import type { SystemStateValue } from '../domain/system-state.js';
import type { ReminderSchedule } from '../domain/reporting/report.js';
import type { ConsolidationHeading, NarrativeSection } from '../domain/reporting/narrative.js';
import type { PeriodKind, PeriodStatus, ReviewKind } from '../contract/periods.js';
import type { ConsolidationStatus, ConsolidationStep } from '../contract/consolidation.js';
import type { ObstacleKind, ObstacleStatus } from '../contract/obstacles.js';
import type { NodeKind, ReferenceLevel, Span } from '../domain/importer/types.js';
import type { Deadline, Product, ProductKind } from '../domain/plan/assignment.js';
import type {
  DraftStatus,
  ImportFormat,
  ReadFailure,
  ReadProgress,
  StoredDocument,
} from '../contract/imports.js';
import type {
  ProgramDocMeta,
  ProgramMention,
  ProgramStatus,
  ProgramTaskExtract,
} from '../contract/programs.js';
import type { BaselineEntry } from '../contract/tasks.js';
import type {
  Announcement,
  AttachedFile,
  BasisReference,
  ConclusionStatus,
  DirectionTarget,
  DirectionUnitStatus,
  DocumentLayout,
  ExaminedDocument,
  InspectionKind,
  InspectionPlanStatus,
  RecommendationStatus,
  RemediationDecision,
  RemediationState,
  TeamMember,
} from '../domain/supervision/kinds.js';

/** bytea as a Buffer (pg returns a Buffer, PGlite a Uint8Array). */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    kind: text('kind').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => units.id, { onDelete: 'restrict' }),
    active: boolean('active').notNull().default(true),
    email: text('email'),
    phone: text('phone'),
    address: text('address'),
    /** Other names of the body (abbreviations, older spellings), for matching imported documents. */
    aliases: jsonb('aliases').$type<string[]>().notNull().default([]),
    /** A former body (e.g. a province merged in 2025): the code of the unit it went into. */
    successorCode: text('successor_code'),
    /** Name, short name and code folded (no case, no diacritics) by the app, for search. */
    searchText: text('search_text').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    uniqueIndex('units_code_key').on(t.code),
    index('units_parent_idx').on(t.parentId),
    check('units_not_own_parent', sql`${t.parentId} is null or ${t.parentId} <> ${t.id}`),
    check(
      'units_kind_check',
      sql`${t.kind} in ('party_committee','party_board','party_group','people_council','people_committee','department','district','commune','court','procuracy','police','enforcement','front','mass_org','ministry','government_agency','central_party','national_assembly','state_body','province','other')`,
    ),
  ],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    fullName: text('full_name').notNull(),
    email: text('email'),
    role: text('role').notNull(),
    unitId: uuid('unit_id').references(() => units.id, { onDelete: 'restrict' }),
    passwordHash: text('password_hash').notNull(),
    /** Username, full name and e-mail folded by the app, for search. */
    searchText: text('search_text').notNull().default(''),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
    passwordChangedAt: ts('password_changed_at'),
  },
  (t) => [
    uniqueIndex('users_username_key').on(sql`lower(${t.username})`),
    index('users_unit_idx').on(t.unitId),
    check('users_role_check', sql`${t.role} in ('admin','monitor','leader','unit','supervisor')`),
    check('users_unit_role_needs_unit', sql`${t.role} <> 'unit' or ${t.unitId} is not null`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token; the token itself is never stored. */
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

/**
 * Failed-password counters (src/features/auth/throttle.ts): "login:<address>|<name>" and
 * "password:<user id>" lock with growing times; "ip:<address>" only delays. window_start = last attempt.
 */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStart: ts('window_start').notNull(),
  lockedUntil: ts('locked_until'),
});

/** Append-only, hash-chained audit trail. Written only by src/features/audit/audit-writer.ts. */
export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull(),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before').$type<AuditSnapshot | null>(),
    after: jsonb('after').$type<AuditSnapshot | null>(),
    requestId: text('request_id'),
    ip: text('ip'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_entity_idx').on(t.entityType, t.entityId, t.seq),
    index('audit_actor_idx').on(t.actorId),
  ],
);

/** Small key/value facts about this installation (e.g. when demo data was loaded). */
export const systemState = pgTable('system_state', {
  key: text('key').primaryKey(),
  value: jsonb('value').$type<SystemStateValue>().notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export type UnitRow = typeof units.$inferSelect;
export type UserRow = typeof users.$inferSelect;
export type AuditRow = typeof auditEvents.$inferSelect;

/** An imported document being checked and corrected before it is published as a program. */
export const importDrafts = pgTable(
  'import_drafts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    status: text('status').$type<DraftStatus>().notNull().default('draft'),
    filename: text('filename'),
    format: text('format').$type<ImportFormat>().notNull(),
    /** The normalised source; every span in `doc` refers to it. */
    source: text('source').notNull(),
    /** The parsed structure (ParsedDocument without its source), as corrected so far. */
    doc: jsonb('doc').$type<StoredDocument>().notNull(),
    /** Manual matches of named bodies to units: folded text → unit code ('' = no unit). */
    bodyMap: jsonb('body_map').$type<Record<string, string>>().notNull().default({}),
    /** While the document is read in the background (status `reading`): pages read of all pages. */
    progress: jsonb('progress').$type<ReadProgress>(),
    /** Why the reading failed (status `failed`). */
    failure: jsonb('failure').$type<ReadFailure>(),
    programId: uuid('program_id'),
    /** For a unit's plan: the program it implements and the unit it belongs to. */
    parentProgramId: uuid('parent_program_id'),
    ownerUnitId: uuid('owner_unit_id'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    index('import_drafts_status_idx').on(t.status, t.updatedAt),
    check(
      'import_drafts_status_check',
      sql`${t.status} in ('reading','failed','draft','published','discarded')`,
    ),
  ],
);

/** A published program: the imported document's metadata; its structure is in program_nodes. */
export const programs = pgTable(
  'programs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    draftId: uuid('draft_id').references(() => importDrafts.id, { onDelete: 'restrict' }),
    docKind: text('doc_kind'),
    number: text('number'),
    title: text('title').notNull(),
    issuer: text('issuer'),
    docDate: text('doc_date'),
    partyLayout: boolean('party_layout').notNull().default(false),
    /** ProgramMeta, signer and recipients as imported. */
    meta: jsonb('meta').$type<ProgramDocMeta>().notNull(),
    source: text('source').notNull(),
    /** 'published' (being assigned) or 'implementing' (baseline frozen, "Triển khai"). */
    status: text('status').$type<ProgramStatus>().notNull().default('published'),
    /** The unit that monitors and consolidates the program (e.g. Ban Nội chính Thành ủy). */
    monitoringUnitId: uuid('monitoring_unit_id').references(() => units.id, { onDelete: 'set null' }),
    implementedAt: ts('implemented_at'),
    /** Units' own implementation plans are due by this day (set at "Triển khai"). */
    plansDueDate: text('plans_due_date'),
    /** A unit's implementation plan is itself a program, under the program it implements. */
    parentProgramId: uuid('parent_program_id').references((): AnyPgColumn => programs.id, {
      onDelete: 'cascade',
    }),
    ownerUnitId: uuid('owner_unit_id').references(() => units.id, { onDelete: 'restrict' }),
    searchText: text('search_text').notNull(),
    publishedAt: ts('published_at').notNull().defaultNow(),
    publishedBy: uuid('published_by'),
    /** When the monitor made the program public on the portal ("công khai"); null: not public. */
    publicSince: ts('public_since'),
    publicBy: uuid('public_by'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('programs_published_idx').on(t.publishedAt),
    index('programs_parent_idx').on(t.parentProgramId, t.ownerUnitId),
  ],
);

/** The program's tree: sections, groups, sub-groups, bullets, paragraphs, tables and rows. */
export const programNodes = pgTable(
  'program_nodes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id').references((): AnyPgColumn => programNodes.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind').$type<NodeKind>().notNull(),
    marker: text('marker').notNull(),
    label: text('label').notNull(),
    title: text('title').notNull(),
    text: text('text').notNull(),
    spanStart: integer('span_start').notNull(),
    spanEnd: integer('span_end').notNull(),
    isTask: boolean('is_task').notNull().default(false),
    /** Table cells, for rows of a task table. */
    cells: jsonb('cells').$type<Record<string, string>>(),
    /** What the importer read for a task: lead, cooperating, deadline, times, products. */
    extracted: jsonb('extracted').$type<ProgramTaskExtract>(),
    searchText: text('search_text').notNull(),
  },
  (t) => [
    index('program_nodes_program_idx').on(t.programId, t.position),
    index('program_nodes_parent_idx').on(t.parentId),
    index('program_nodes_label_idx').on(t.programId, t.label),
  ],
);

export const programReferences = pgTable(
  'program_references',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    number: text('number').notNull(),
    code: text('code').notNull(),
    level: text('level').$type<ReferenceLevel>().notNull(),
    docDate: text('doc_date'),
    citations: jsonb('citations').$type<Span[]>().notNull(),
  },
  (t) => [index('program_references_program_idx').on(t.programId)],
);

export const programResponsibilities = pgTable(
  'program_responsibilities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    nodeId: uuid('node_id')
      .notNull()
      .references(() => programNodes.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    /** The bodies named, each with the units matched: [{ text, unitIds, match }]. */
    bodies: jsonb('bodies').$type<ProgramMention[]>().notNull(),
    leadUnitId: uuid('lead_unit_id').references(() => units.id, { onDelete: 'restrict' }),
    cooperating: jsonb('cooperating').$type<ProgramMention[]>().notNull(),
    duties: text('duties').notNull(),
  },
  (t) => [index('program_responsibilities_program_idx').on(t.programId)],
);

/** The lead unit and the cooperating units of a task. At most one lead per task, enforced here. */
export const taskUnits = pgTable(
  'task_units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    nodeId: uuid('node_id')
      .notNull()
      .references(() => programNodes.id, { onDelete: 'cascade' }),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    role: text('role').notNull(),
  },
  (t) => [
    uniqueIndex('task_units_one_lead')
      .on(t.nodeId)
      .where(sql`${t.role} = 'lead'`),
    uniqueIndex('task_units_node_unit_key').on(t.nodeId, t.unitId),
    index('task_units_unit_idx').on(t.unitId, t.role),
    index('task_units_program_idx').on(t.programId),
    check('task_units_role_check', sql`${t.role} in ('lead','cooperating')`),
  ],
);

/** A task's focal person, deadline and version (for optimistic concurrency). */
export const taskAssignments = pgTable(
  'task_assignments',
  {
    nodeId: uuid('node_id')
      .primaryKey()
      .references(() => programNodes.id, { onDelete: 'cascade' }),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    focalUserId: uuid('focal_user_id').references(() => users.id, { onDelete: 'set null' }),
    focalName: text('focal_name'),
    focalPosition: text('focal_position'),
    focalPhone: text('focal_phone'),
    /** Deadline (domain/plan/assignment.ts): a date, a period or a recurrence. */
    deadline: jsonb('deadline').$type<Deadline>(),
    /** The last day the deadline allows, for filters and late checks. */
    dueDate: text('due_date'),
    version: integer('version').notNull().default(1),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [index('task_assignments_program_idx').on(t.programId, t.dueDate)],
);

/** Expected products (sản phẩm) of a task. */
export const taskProducts = pgTable(
  'task_products',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    nodeId: uuid('node_id')
      .notNull()
      .references(() => programNodes.id, { onDelete: 'cascade' }),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind').$type<ProductKind>().notNull(),
    description: text('description').notNull(),
    dueDate: text('due_date'),
    indicator: jsonb('indicator').$type<NonNullable<Product['indicator']>>(),
  },
  (t) => [
    index('task_products_node_idx').on(t.nodeId, t.position),
    check(
      'task_products_kind_check',
      sql`${t.kind} in ('plan','decision','report','scheme','draft_law','conference','other')`,
    ),
  ],
);

/** The frozen assignment of every task when the program was put into implementation ("Triển khai"). */
export const programBaselines = pgTable('program_baselines', {
  programId: uuid('program_id')
    .primaryKey()
    .references(() => programs.id, { onDelete: 'cascade' }),
  createdAt: ts('created_at').notNull().defaultNow(),
  createdBy: uuid('created_by'),
  /** nodeId → { leadUnitId, cooperatingUnitIds, deadline, dueDate, products } */
  snapshot: jsonb('snapshot').$type<Record<string, BaselineEntry>>().notNull(),
});

/** A unit plan's item and the program tasks it carries out (many to many). */
export const taskLinks = pgTable(
  'task_links',
  {
    nodeId: uuid('node_id')
      .notNull()
      .references(() => programNodes.id, { onDelete: 'cascade' }),
    parentNodeId: uuid('parent_node_id')
      .notNull()
      .references(() => programNodes.id, { onDelete: 'cascade' }),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    parentProgramId: uuid('parent_program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
  },
  (t) => [
    uniqueIndex('task_links_key').on(t.nodeId, t.parentNodeId),
    index('task_links_parent_idx').on(t.parentProgramId, t.parentNodeId),
  ],
);

/* ------------------------------------------------------------------ reporting (issue 5) */

/** A reporting period of a program, with its data cut-off window and sending deadline. */
export const reportingPeriods = pgTable(
  'reporting_periods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    /** monthly | quarterly | half-yearly | nine-months | yearly | adhoc */
    kind: text('kind').$type<PeriodKind>().notNull(),
    year: integer('year').notNull(),
    index: integer('index').notNull(),
    label: text('label').notNull(),
    cutoffStart: text('cutoff_start').notNull(),
    cutoffEnd: text('cutoff_end').notNull(),
    /** The last day reports may be sent on time. */
    dueDate: text('due_date').notNull(),
    /** 'sơ kết' (interim) or 'tổng kết' (final) for the consolidated report. */
    reviewKind: text('review_kind').$type<ReviewKind>().notNull().default('so_ket'),
    /** Reminder schedule: { before: [7,3], onDay, everyDaysLate, escalateAfterDaysLate }. */
    schedule: jsonb('schedule').$type<ReminderSchedule>().notNull(),
    status: text('status').$type<PeriodStatus>().notNull().default('open'),
    openedAt: ts('opened_at').notNull().defaultNow(),
    openedBy: uuid('opened_by'),
    closedAt: ts('closed_at'),
    version: integer('version').notNull().default(1),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    uniqueIndex('reporting_periods_key')
      .on(t.programId, t.kind, t.year, t.index)
      .where(sql`${t.kind} <> 'adhoc'`),
    index('reporting_periods_program_idx').on(t.programId, t.openedAt),
    check('reporting_periods_status_check', sql`${t.status} in ('open','closed')`),
  ],
);

/** A unit's duty to report for a period: its state in the review cycle and its current draft. */
export const reportObligations = pgTable(
  'report_obligations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    periodId: uuid('period_id')
      .notNull()
      .references(() => reportingPeriods.id, { onDelete: 'cascade' }),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    /** not_started | drafting | submitted | returned | accepted */
    status: text('status').notNull().default('not_started'),
    /** The tasks the unit carries in this period: [{ nodeId, role }]. */
    tasks: jsonb('tasks').$type<CarriedTask[]>().notNull(),
    /** The draft being written: { general, entries: { [nodeId]: ReportEntry } }. */
    draft: jsonb('draft').$type<ReportContent>(),
    currentVersion: integer('current_version').notNull().default(0),
    firstSubmittedAt: ts('first_submitted_at'),
    submittedAt: ts('submitted_at'),
    late: boolean('late').notNull().default(false),
    version: integer('version').notNull().default(1),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    uniqueIndex('report_obligations_key').on(t.periodId, t.unitId),
    index('report_obligations_unit_idx').on(t.unitId),
    check(
      'report_obligations_status_check',
      sql`${t.status} in ('not_started','drafting','submitted','returned','accepted')`,
    ),
  ],
);

/** A submitted report, kept for ever: every submission is a new version. */
export const reportVersions = pgTable(
  'report_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    obligationId: uuid('obligation_id')
      .notNull()
      .references(() => reportObligations.id, { onDelete: 'cascade' }),
    periodId: uuid('period_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    number: integer('number').notNull(),
    /** { general, entries: { [nodeId]: ReportEntry } } as submitted. */
    content: jsonb('content').$type<ReportContent>().notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    submittedAt: ts('submitted_at').notNull(),
    submittedBy: uuid('submitted_by'),
    late: boolean('late').notNull().default(false),
    /** pending | accepted | returned */
    review: text('review').notNull().default('pending'),
    reviewComment: text('review_comment'),
    /** { [nodeId]: comment } */
    taskComments: jsonb('task_comments').$type<Record<string, string>>(),
    reviewedAt: ts('reviewed_at'),
    reviewedBy: uuid('reviewed_by'),
  },
  (t) => [
    uniqueIndex('report_versions_number_key').on(t.obligationId, t.number),
    uniqueIndex('report_versions_idem_key').on(t.obligationId, t.idempotencyKey),
    index('report_versions_period_idx').on(t.periodId),
    check('report_versions_review_check', sql`${t.review} in ('pending','accepted','returned')`),
  ],
);

/** The latest accepted status of each task (from its lead unit's accepted report). */
export const taskProgress = pgTable(
  'task_progress',
  {
    nodeId: uuid('node_id')
      .primaryKey()
      .references(() => programNodes.id, { onDelete: 'cascade' }),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    status: text('status').notNull(),
    percent: integer('percent'),
    completedOn: text('completed_on'),
    periodId: uuid('period_id'),
    versionId: uuid('version_id'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('task_progress_program_idx').on(t.programId)],
);

/** Evidence files, stored once by content (SHA-256) and never overwritten. */
export const files = pgTable(
  'files',
  {
    sha256: text('sha256').primaryKey(),
    size: integer('size').notNull(),
    mime: text('mime').notNull(),
    content: bytea('content').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    createdBy: uuid('created_by'),
    /**
     * When the sweep (src/jobs/file-sweep.ts) next looks at the file: the last upload plus the grace
     * period; the file is removed then unless a draft or a version references it.
     */
    sweepAt: ts('sweep_at'),
  },
  (t) => [index('files_sweep_idx').on(t.sweepAt)],
);

/**
 * Who uploaded an evidence file, into which unit report, under which name. The bytes are stored once
 * per content (`files`); the same bytes uploaded by two units are two records. A unit may attach and
 * read only files with its own record (or referenced by reports it may read).
 */
export const evidenceUploads = pgTable(
  'evidence_uploads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sha256: text('sha256')
      .notNull()
      .references(() => files.sha256, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    obligationId: uuid('obligation_id')
      .notNull()
      .references(() => reportObligations.id, { onDelete: 'cascade' }),
    uploadedBy: uuid('uploaded_by'),
    uploadedAt: ts('uploaded_at').notNull().defaultNow(),
    /** The name it is served under: its extension matches the detected type. */
    filename: text('filename').notNull(),
    size: integer('size').notNull(),
    mime: text('mime').notNull(),
    /** The extension of `filename` (pdf, docx, jpg…). */
    ext: text('ext').notNull(),
    /** The unit's choice: shown on the portal once a report citing it is accepted (public) or not (internal). */
    isPublic: boolean('is_public').notNull().default(false),
  },
  (t) => [
    index('evidence_uploads_unit_sha_idx').on(t.unitId, t.sha256),
    index('evidence_uploads_obligation_idx').on(t.obligationId),
    index('evidence_uploads_sha_idx').on(t.sha256),
  ],
);

/** Obstacles and proposals raised in reports: assigned, answered and closed by the monitor. */
export const obstacles = pgTable(
  'obstacles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    periodId: uuid('period_id')
      .notNull()
      .references(() => reportingPeriods.id, { onDelete: 'cascade' }),
    obligationId: uuid('obligation_id')
      .notNull()
      .references(() => reportObligations.id, { onDelete: 'cascade' }),
    nodeId: uuid('node_id').references(() => programNodes.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    /** obstacle | proposal */
    kind: text('kind').$type<ObstacleKind>().notNull(),
    text: text('text').notNull(),
    /** open | assigned | answered | closed */
    status: text('status').$type<ObstacleStatus>().notNull().default('open'),
    handlingUnitId: uuid('handling_unit_id').references(() => units.id, { onDelete: 'set null' }),
    answer: text('answer'),
    raisedAt: ts('raised_at').notNull().defaultNow(),
    closedAt: ts('closed_at'),
    version: integer('version').notNull().default(1),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    uniqueIndex('obstacles_source_key').on(t.obligationId, t.nodeId, t.kind),
    index('obstacles_program_idx').on(t.programId, t.status),
    check('obstacles_kind_check', sql`${t.kind} in ('obstacle','proposal')`),
    check('obstacles_status_check', sql`${t.status} in ('open','assigned','answered','closed')`),
  ],
);

/** What became of a reminder: who it went to, or why it was skipped. */
export type ReminderOutcome =
  | { title: string; recipients: { userId: string | null; name: string }[]; emails: string[] }
  | { reason: string; supersededBy?: string };

/**
 * Reminders and escalations to send (đôn đốc). Planned ahead with a due time; the sweep claims due
 * rows with FOR UPDATE SKIP LOCKED and sends each once. `key` makes planning idempotent.
 */
export const reminders = pgTable(
  'reminders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    key: text('key').notNull(),
    /** period_before | period_day | period_late | period_escalation | period_manual | task_before | task_day | task_late | task_escalation */
    kind: text('kind').notNull(),
    dueAt: ts('due_at').notNull(),
    programId: uuid('program_id').references(() => programs.id, { onDelete: 'cascade' }),
    periodId: uuid('period_id').references(() => reportingPeriods.id, { onDelete: 'cascade' }),
    obligationId: uuid('obligation_id').references(() => reportObligations.id, { onDelete: 'cascade' }),
    nodeId: uuid('node_id').references(() => programNodes.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id').references(() => units.id, { onDelete: 'cascade' }),
    /** A recommendation's deadline (kinds recommendation_*). */
    recommendationId: uuid('recommendation_id').references((): AnyPgColumn => recommendations.id, {
      onDelete: 'cascade',
    }),
    /** A direction's deadline for one unit (kinds direction_*). */
    directionId: uuid('direction_id').references((): AnyPgColumn => directions.id, { onDelete: 'cascade' }),
    /** Days relative to the deadline (negative = before). */
    offsetDays: integer('offset_days').notNull().default(0),
    /** pending | sent | skipped */
    status: text('status').notNull().default('pending'),
    sentAt: ts('sent_at'),
    /** Sent: its title, recipients and e-mail addresses; skipped: why. */
    outcome: jsonb('outcome').$type<ReminderOutcome>(),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('reminders_key').on(t.key),
    index('reminders_due_idx')
      .on(t.dueAt)
      .where(sql`${t.status} = 'pending'`),
    index('reminders_period_idx').on(t.periodId, t.sentAt),
    check('reminders_status_check', sql`${t.status} in ('pending','sent','skipped')`),
  ],
);

/** In-app notifications. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reminderId: uuid('reminder_id').references(() => reminders.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    /** The event kind (src/domain/notification-kinds.ts); null for reminders. */
    kind: text('kind'),
    createdAt: ts('created_at').notNull().defaultNow(),
    readAt: ts('read_at'),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)],
);

/** A user's e-mail choice per notification kind; no row = e-mail on (the default). */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    email: boolean('email').notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('notification_preferences_key').on(t.userId, t.kind)],
);

/** E-mails to send, written in the same transaction as what caused them; sent by the sweep with a lease. */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reminderId: uuid('reminder_id').references(() => reminders.id, { onDelete: 'set null' }),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** pending | sent | failed */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull().defaultNow(),
    lastError: text('last_error'),
    sentAt: ts('sent_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('email_outbox_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
  ],
);

/** The consolidated report (báo cáo sơ kết / tổng kết) of a period: an editable draft. */
export const consolidatedReports = pgTable(
  'consolidated_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    periodId: uuid('period_id')
      .notNull()
      .references(() => reportingPeriods.id, { onDelete: 'cascade' }),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    /** Heading data: layout, issuer, number, notation, place, date, title, signer, recipients. */
    heading: jsonb('heading').$type<ConsolidationHeading>().notNull(),
    /** The narrative sections, edited by the monitor. */
    sections: jsonb('sections').$type<NarrativeSection[]>().notNull(),
    generatedAt: ts('generated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
    /** Approval: draft → sent (chờ duyệt) → returned (editable again) or approved (read-only). */
    status: text('status').$type<ConsolidationStatus>().notNull().default('draft'),
    /** The version the monitor sent; the leader approves only that one. */
    sentVersion: integer('sent_version'),
    /** 1, then one more for each "bản sửa đổi" started from an approved report. */
    revision: integer('revision').notNull().default(1),
    /** Who moved the status last, when, and the leader's comment when returned. */
    statusAt: ts('status_at'),
    statusBy: uuid('status_by').references(() => users.id, { onDelete: 'set null' }),
    statusComment: text('status_comment'),
  },
  (t) => [
    uniqueIndex('consolidated_reports_period_key').on(t.periodId),
    check('consolidated_reports_status_check', sql`${t.status} in ('draft','sent','returned','approved')`),
  ],
);

/** Every step of the approval of a consolidated report, with the heading and sections it concerned. */
export const consolidationVersions = pgTable(
  'consolidation_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    consolidationId: uuid('consolidation_id')
      .notNull()
      .references(() => consolidatedReports.id, { onDelete: 'cascade' }),
    /** 1, 2, … in the order of the steps. */
    seq: integer('seq').notNull(),
    revision: integer('revision').notNull(),
    step: text('step').$type<ConsolidationStep>().notNull(),
    /** The report's version at that step. */
    reportVersion: integer('report_version').notNull(),
    heading: jsonb('heading').$type<ConsolidationHeading>().notNull(),
    sections: jsonb('sections').$type<NarrativeSection[]>().notNull(),
    comment: text('comment'),
    at: ts('at').notNull().defaultNow(),
    byUser: uuid('by_user').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('consolidation_versions_seq_key').on(t.consolidationId, t.seq),
    check('consolidation_versions_step_check', sql`${t.step} in ('sent','returned','approved')`),
  ],
);

// ---- supervision and leadership (issue 13; words in src/domain/supervision/kinds.ts) ----

/** An inspection or supervision plan (kế hoạch kiểm tra / giám sát) of one body. */
export const inspectionPlans = pgTable(
  'inspection_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The inspecting body: the supervisor's unit (UBKT, HĐND, MTTQ, an inspectorate…). */
    bodyUnitId: uuid('body_unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    kind: text('kind').$type<InspectionKind>().notNull(),
    title: text('title').notNull(),
    /** The year of an annual plan; null for an ad hoc one. */
    year: integer('year'),
    /** The program inspected, when there is one. */
    programId: uuid('program_id').references(() => programs.id, { onDelete: 'set null' }),
    contents: text('contents').notNull().default(''),
    startsOn: text('starts_on'),
    endsOn: text('ends_on'),
    announcement: text('announcement').$type<Announcement>().notNull().default('announced'),
    /** From this day the inspected units see the plan (announced); null: not before the first visit. */
    visibleFrom: text('visible_from'),
    basis: jsonb('basis').$type<BasisReference[]>().notNull().default([]),
    team: jsonb('team').$type<TeamMember[]>().notNull().default([]),
    status: text('status').$type<InspectionPlanStatus>().notNull().default('draft'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    createdBy: uuid('created_by'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    index('inspection_plans_body_idx').on(t.bodyUnitId, t.year),
    index('inspection_plans_program_idx').on(t.programId),
    check(
      'inspection_plans_kind_check',
      sql`${t.kind} in ('party_inspection','council_supervision','front_supervision','state_inspection','monitor_check')`,
    ),
    check('inspection_plans_announcement_check', sql`${t.announcement} in ('announced','unannounced')`),
    check('inspection_plans_status_check', sql`${t.status} in ('draft','active','closed')`),
  ],
);

/** A subject of a plan: a unit, optionally one task of a program or one unit plan. */
export const inspectionSubjects = pgTable(
  'inspection_subjects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => inspectionPlans.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    nodeId: uuid('node_id').references(() => programNodes.id, { onDelete: 'set null' }),
    /** A unit's plan (a program with an owner unit). */
    unitPlanId: uuid('unit_plan_id').references(() => programs.id, { onDelete: 'set null' }),
    note: text('note').notNull().default(''),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('inspection_subjects_plan_idx').on(t.planId),
    index('inspection_subjects_unit_idx').on(t.unitId),
  ],
);

/** A visit held for a subject: when, where, who, what was examined, and its minutes (biên bản). */
export const inspectionVisits = pgTable(
  'inspection_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => inspectionPlans.id, { onDelete: 'cascade' }),
    subjectId: uuid('subject_id')
      .notNull()
      .references(() => inspectionSubjects.id, { onDelete: 'cascade' }),
    heldOn: text('held_on').notNull(),
    place: text('place').notNull().default(''),
    participants: text('participants').notNull().default(''),
    documents: jsonb('documents').$type<ExaminedDocument[]>().notNull().default([]),
    minutes: text('minutes').notNull().default(''),
    attachments: jsonb('attachments').$type<AttachedFile[]>().notNull().default([]),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    createdBy: uuid('created_by'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [index('inspection_visits_plan_idx').on(t.planId, t.heldOn)],
);

/** A conclusion (kết luận / báo cáo kết quả giám sát) of a plan. Issued ones are read-only. */
export const inspectionConclusions = pgTable(
  'inspection_conclusions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => inspectionPlans.id, { onDelete: 'cascade' }),
    /** 1, 2, … : a correction of an issued conclusion is a new revision that supersedes it. */
    revision: integer('revision').notNull().default(1),
    supersedesId: uuid('supersedes_id').references((): AnyPgColumn => inspectionConclusions.id, {
      onDelete: 'set null',
    }),
    status: text('status').$type<ConclusionStatus>().notNull().default('draft'),
    layout: text('layout').$type<DocumentLayout>().notNull().default('party'),
    title: text('title').notNull().default(''),
    summary: text('summary').notNull().default(''),
    /** Given when issued. */
    number: text('number'),
    issuedOn: text('issued_on'),
    signerName: text('signer_name'),
    signerTitle: text('signer_title'),
    issuedAt: ts('issued_at'),
    issuedBy: uuid('issued_by'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    createdBy: uuid('created_by'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    index('inspection_conclusions_plan_idx').on(t.planId, t.revision),
    check('inspection_conclusions_status_check', sql`${t.status} in ('draft','issued','superseded')`),
    check('inspection_conclusions_layout_check', sql`${t.layout} in ('party','state')`),
  ],
);

/** A finding (nội dung kết luận) of a conclusion, tied to a unit and optionally a task. */
export const inspectionFindings = pgTable(
  'inspection_findings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conclusionId: uuid('conclusion_id')
      .notNull()
      .references(() => inspectionConclusions.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    nodeId: uuid('node_id').references(() => programNodes.id, { onDelete: 'set null' }),
    text: text('text').notNull(),
  },
  (t) => [uniqueIndex('inspection_findings_seq_key').on(t.conclusionId, t.seq)],
);

/** A recommendation (kiến nghị): a responsible unit, a deadline, an expected corrective product. */
export const recommendations = pgTable(
  'recommendations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conclusionId: uuid('conclusion_id')
      .notNull()
      .references(() => inspectionConclusions.id, { onDelete: 'cascade' }),
    /** Denormalised from the conclusion, for the unit's, the task's and the dashboard's lists. */
    planId: uuid('plan_id')
      .notNull()
      .references(() => inspectionPlans.id, { onDelete: 'cascade' }),
    findingId: uuid('finding_id').references(() => inspectionFindings.id, { onDelete: 'set null' }),
    /**
     * In a revision draft: the recommendation of the superseded conclusion this row corrects. Issuing
     * the revision moves that recommendation here (its remediation history with it) and drops this row.
     */
    carriedFromId: uuid('carried_from_id').references((): AnyPgColumn => recommendations.id, {
      onDelete: 'set null',
    }),
    seq: integer('seq').notNull(),
    responsibleUnitId: uuid('responsible_unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    nodeId: uuid('node_id').references(() => programNodes.id, { onDelete: 'set null' }),
    text: text('text').notNull(),
    dueDate: text('due_date').notNull(),
    expectedProduct: text('expected_product').notNull().default(''),
    status: text('status').$type<RecommendationStatus>().notNull().default('open'),
    closedAt: ts('closed_at'),
    version: integer('version').notNull().default(1),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    uniqueIndex('recommendations_seq_key').on(t.conclusionId, t.seq),
    index('recommendations_unit_idx').on(t.responsibleUnitId, t.status),
    index('recommendations_node_idx').on(t.nodeId),
    check('recommendations_status_check', sql`${t.status} in ('open','submitted','returned','closed')`),
  ],
);

/** A remediation report (báo cáo khắc phục) of a recommendation by its responsible unit, and the decision. */
export const remediationReports = pgTable(
  'remediation_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recommendationId: uuid('recommendation_id')
      .notNull()
      .references(() => recommendations.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    state: text('state').$type<RemediationState>().notNull(),
    result: text('result').notNull(),
    /** Products, as a report entry's: a description, a document number and date, or a link. */
    products: jsonb('products').$type<ReportProduct[]>().notNull().default([]),
    files: jsonb('files').$type<AttachedFile[]>().notNull().default([]),
    submittedAt: ts('submitted_at').notNull().defaultNow(),
    submittedBy: uuid('submitted_by'),
    decision: text('decision').$type<RemediationDecision>(),
    decisionComment: text('decision_comment'),
    decidedAt: ts('decided_at'),
    decidedBy: uuid('decided_by'),
  },
  (t) => [
    uniqueIndex('remediation_reports_seq_key').on(t.recommendationId, t.seq),
    check('remediation_reports_state_check', sql`${t.state} in ('in_progress','done')`),
    check(
      'remediation_reports_decision_check',
      sql`${t.decision} is null or ${t.decision} in ('accepted','returned')`,
    ),
  ],
);

/** A leader's direction (ý kiến chỉ đạo) on a task, a report, an obstacle, a unit or a program. */
export const directions = pgTable(
  'directions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    targetType: text('target_type').$type<DirectionTarget>().notNull(),
    /** The node, the report obligation, the obstacle, the unit or the program. */
    targetId: uuid('target_id').notNull(),
    /** The program it concerns, when there is one (for the program's list). */
    programId: uuid('program_id').references(() => programs.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    requiresAction: boolean('requires_action').notNull().default(false),
    dueDate: text('due_date'),
    leaderId: uuid('leader_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    index('directions_target_idx').on(t.targetType, t.targetId),
    index('directions_program_idx').on(t.programId, t.createdAt),
    check('directions_target_check', sql`${t.targetType} in ('task','report','obstacle','unit','program')`),
    check('directions_due_check', sql`not ${t.requiresAction} or ${t.dueDate} is not null`),
  ],
);

/** One unit a direction is addressed to, and its follow-up: the unit's answer and the closing. */
export const directionUnits = pgTable(
  'direction_units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    directionId: uuid('direction_id')
      .notNull()
      .references(() => directions.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    status: text('status').$type<DirectionUnitStatus>().notNull(),
    answer: text('answer'),
    answeredAt: ts('answered_at'),
    answeredBy: uuid('answered_by'),
    closedAt: ts('closed_at'),
    closedBy: uuid('closed_by'),
    closeComment: text('close_comment'),
    /** The products or links the unit gives with its answer (a title and an optional address). */
    answerLinks: jsonb('answer_links').$type<{ label: string; url: string }[]>().notNull().default([]),
    /** The last return to `open` ("chưa đạt"): its comment, when and by whom. */
    returnComment: text('return_comment'),
    returnedAt: ts('returned_at'),
    returnedBy: uuid('returned_by'),
    version: integer('version').notNull().default(1),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    uniqueIndex('direction_units_key').on(t.directionId, t.unitId),
    index('direction_units_unit_idx').on(t.unitId, t.status),
    check('direction_units_status_check', sql`${t.status} in ('info','open','answered','closed')`),
  ],
);

// ---- the public portal (issue 14; statements in src/domain/transparency/statements.ts) ----

/**
 * The public log: append-only leaves of a Merkle tree (RFC 6962 / 9162). `idx` is the leaf index
 * (0, 1, …, no gaps), `leaf` the exact canonical JSON whose hash is `hash` (hex). Written only in the
 * transaction of the audit event it cites (src/features/audit/audit-writer.ts), under the same lock.
 * No foreign keys: a leaf outlives what it speaks of, like the audit trail.
 */
export const transparencyLeaves = pgTable(
  'transparency_leaves',
  {
    idx: bigint('idx', { mode: 'number' }).primaryKey(),
    auditSeq: bigint('audit_seq', { mode: 'number' }).notNull(),
    kind: text('kind').notNull(),
    programId: uuid('program_id'),
    nodeId: uuid('node_id'),
    /** The report version (progress, evidence) or the published document (document). */
    refId: uuid('ref_id'),
    leaf: text('leaf').notNull(),
    hash: text('hash').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [
    index('transparency_leaves_program_idx').on(t.programId, t.idx),
    index('transparency_leaves_node_idx').on(t.nodeId, t.idx),
    index('transparency_leaves_ref_idx').on(t.refId),
  ],
);

/** Signed checkpoints of the public log (C2SP tlog-checkpoint as a signed note), one per tree size. */
export const transparencyCheckpoints = pgTable('transparency_checkpoints', {
  size: bigint('size', { mode: 'number' }).primaryKey(),
  /** Root hash, hex. */
  rootHash: text('root_hash').notNull(),
  /** The signed note as served (text, signatures). */
  note: text('note').notNull(),
  signedAt: ts('signed_at').notNull().defaultNow(),
});

/**
 * A document published on the portal: an approved consolidated report or an annual review, with its
 * files as published (kept, so what was published never changes).
 */
export const publicDocuments = pgTable(
  'public_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** consolidated | review */
    kind: text('kind').notNull(),
    programId: uuid('program_id').references(() => programs.id, { onDelete: 'restrict' }),
    /** The consolidated report (kind consolidated); null for a review. */
    consolidationId: uuid('consolidation_id').references(() => consolidatedReports.id, {
      onDelete: 'restrict',
    }),
    /** The year of an annual review. */
    year: integer('year'),
    title: text('title').notNull(),
    number: text('number'),
    docDate: text('doc_date'),
    issuerUnitId: uuid('issuer_unit_id').references(() => units.id, { onDelete: 'set null' }),
    docxSha256: text('docx_sha256')
      .notNull()
      .references(() => files.sha256, { onDelete: 'restrict' }),
    pdfSha256: text('pdf_sha256').references(() => files.sha256, { onDelete: 'restrict' }),
    docxName: text('docx_name').notNull(),
    /** Published (true) or withdrawn (false); a withdrawn document stays in the log. */
    isPublic: boolean('is_public').notNull().default(true),
    publishedAt: ts('published_at').notNull().defaultNow(),
    publishedBy: uuid('published_by'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('public_documents_program_idx').on(t.programId, t.publishedAt),
    check('public_documents_kind_check', sql`${t.kind} in ('consolidated','review')`),
  ],
);
