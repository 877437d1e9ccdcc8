/**
 * The public portal's read-only responses (issue 14): anonymous routes under /api/public. Every field
 * is named; nothing personal (units by name, never people). The officials' side is in `portal.ts`.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Items, Limit, Nullable, Search, Uuid } from './common.js';

// ---- the public log ----

const Hex64 = Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256, hex' });
const Base64Hash = Type.String({ pattern: '^[A-Za-z0-9+/]{43}=$', description: 'SHA-256, base64' });
const Size = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });

export const LogCheckpoint = Type.Object({
  size: Size,
  rootHash: Hex64,
  /** The signed note, exactly as witnesses fetch it (C2SP tlog-checkpoint in a C2SP signed-note). */
  note: Type.String({ description: 'Điểm kiểm chứng đã ký (C2SP tlog-checkpoint, signed-note Ed25519)' }),
  signedAt: Type.String({ format: 'date-time' }),
});
export type LogCheckpoint = Static<typeof LogCheckpoint>;

export const PublicLogState = Type.Object({
  /** The checkpoints' first line; null when the server signs none (no key configured). */
  origin: Nullable(Type.String()),
  /** `name+id+base64` verifier key; obtain it out of band too, to trust the signatures. */
  verifierKey: Nullable(Type.String()),
  /** Leaves in the log now (the latest checkpoint may cover fewer). */
  treeSize: Size,
  checkpoint: Nullable(LogCheckpoint),
  /** A problem found while reading the stored leaves (a gap, a leaf whose hash differs), in Vietnamese. */
  problem: Nullable(Type.String()),
});
export type PublicLogState = Static<typeof PublicLogState>;

export const LogLeafParams = Type.Object({ idx: Size });

export const LogLeaf = Type.Object({
  index: Size,
  /** program | progress | evidence | document */
  kind: Type.String(),
  at: Type.String({ format: 'date-time' }),
  /** The leaf's exact bytes (canonical JSON, UTF-8): hash them as SHA-256(0x00 || bytes). */
  leaf: Type.String(),
  hash: Hex64,
  /** The latest checkpoint, when it covers this leaf. */
  checkpoint: Nullable(LogCheckpoint),
  /** The audit path (RFC 9162 §2.1.3) against that checkpoint; null: "chưa có điểm kiểm chứng". */
  proof: Nullable(Type.Object({ treeSize: Size, hashes: Type.Array(Base64Hash) })),
  /** Why there is no proof yet, in Vietnamese. */
  reason: Nullable(Type.String()),
});
export type LogLeaf = Static<typeof LogLeaf>;

export const LogConsistencyQuery = Type.Object(
  {
    from: Size,
    to: Type.Optional(Size),
  },
  { additionalProperties: false },
);

export const LogConsistency = Type.Object({
  from: Size,
  to: Size,
  fromRoot: Hex64,
  toRoot: Hex64,
  /** RFC 9162 §2.1.4 consistency proof, base64. */
  hashes: Type.Array(Base64Hash),
});
export type LogConsistency = Static<typeof LogConsistency>;

export const LogCheckpointsQuery = Type.Object({ limit: Limit(1000, 100) }, { additionalProperties: false });
export const LogCheckpoints = Items(LogCheckpoint);
export type LogCheckpoints = Static<typeof LogCheckpoints>;

/** A text download (the signed note, the verifier key). */
export const LogText = Type.String({ format: 'binary', description: 'text/plain; charset=utf-8' });

// ---- end of the public log ----

// ---- the portal ----

const DateTime = Type.String({ format: 'date-time' });
const Day = Type.String({ description: 'Ngày, dạng YYYY-MM-DD' });

export const PublicUnitRef = Type.Object({
  id: Uuid,
  name: Type.String({ description: 'Tên đơn vị' }),
});
export type PublicUnitRef = Static<typeof PublicUnitRef>;

/** A program as listed: its document and its accepted progress, counted from the public log. */
export const PublicProgramSummary = Type.Object({
  id: Uuid,
  docKind: Nullable(Type.String({ description: 'Loại văn bản (Chương trình hành động, Kế hoạch…)' })),
  number: Nullable(Type.String({ description: 'Số, ký hiệu văn bản' })),
  docDate: Nullable(Type.String({ description: 'Ngày ban hành' })),
  issuer: Nullable(Type.String({ description: 'Cơ quan ban hành' })),
  title: Type.String({ description: 'Trích yếu' }),
  source: Type.String({ description: 'Nguồn: "Chương trình số … ngày … của …"' }),
  publicSince: DateTime,
  taskCount: Type.Integer({ minimum: 0, description: 'Số nhiệm vụ' }),
  reportedCount: Type.Integer({ minimum: 0, description: 'Số nhiệm vụ đã có báo cáo được chấp nhận' }),
  doneCount: Type.Integer({ minimum: 0, description: 'Số nhiệm vụ đã hoàn thành' }),
  percentDone: Type.Integer({ minimum: 0, maximum: 100, description: 'Tỷ lệ nhiệm vụ đã hoàn thành (%)' }),
  onTime: Type.Integer({ minimum: 0, description: 'Số nhiệm vụ đúng hạn' }),
  late: Type.Integer({ minimum: 0, description: 'Số nhiệm vụ trễ hạn hoặc quá hạn' }),
  lastAcceptedAt: Nullable(DateTime),
});
export type PublicProgramSummary = Static<typeof PublicProgramSummary>;

export const PublicProgramList = Type.Object({ items: Type.Array(PublicProgramSummary) });
export type PublicProgramList = Static<typeof PublicProgramList>;

export const PublicProduct = Type.Object({
  description: Type.String(),
  number: Nullable(Type.String({ description: 'Số, ký hiệu của sản phẩm (văn bản)' })),
  date: Nullable(Type.String({ description: 'Ngày của sản phẩm' })),
  link: Nullable(Type.String()),
});
export type PublicProduct = Static<typeof PublicProduct>;

export const PublicFile = Type.Object({
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  filename: Type.String(),
  size: Type.Integer({ minimum: 0 }),
  mime: Type.String(),
  url: Type.String({ description: 'Đường dẫn tải tệp công khai' }),
});
export type PublicFile = Static<typeof PublicFile>;

/** One accepted progress entry of a task: one leaf of the public log. */
export const PublicProgress = Type.Object({
  leafIdx: Type.Integer({ minimum: 0, description: 'Mục số trong sổ công khai' }),
  period: Type.Object({ id: Uuid, label: Type.String() }),
  unit: PublicUnitRef,
  reportNumber: Type.Integer({ description: 'Lần nộp của báo cáo được chấp nhận' }),
  submittedAt: DateTime,
  acceptedAt: DateTime,
  acceptedBy: Nullable(PublicUnitRef),
  status: Type.String({ description: 'Mã trạng thái' }),
  statusLabel: Type.String(),
  percent: Nullable(Type.Integer()),
  completedOn: Nullable(Type.String()),
  dueDate: Nullable(Type.String()),
  timeliness: Type.String({ description: 'on_time | late | overdue | not_due | no_deadline' }),
  timelinessLabel: Type.String(),
  results: Type.String(),
  products: Type.Array(PublicProduct),
  evidence: Type.Array(PublicFile),
  source: Type.String({ description: 'Nguồn: báo cáo của đơn vị, kỳ, được chấp nhận bởi ai, ngày nào' }),
});
export type PublicProgress = Static<typeof PublicProgress>;

/** A task in a program's table: structure from the program, state from its latest progress leaf. */
export const PublicTaskRow = Type.Object({
  id: Uuid,
  label: Type.String(),
  title: Type.String(),
  leadUnit: Nullable(PublicUnitRef),
  cooperatingUnits: Type.Array(PublicUnitRef),
  deadline: Type.String({ description: 'Thời hạn như văn bản ghi' }),
  dueDate: Nullable(Day),
  expectedProducts: Type.Array(Type.String()),
  status: Nullable(Type.String()),
  statusLabel: Type.String(),
  percent: Nullable(Type.Integer()),
  timeliness: Nullable(Type.String()),
  timelinessLabel: Type.String(),
  lastAcceptedAt: Nullable(DateTime),
  leafIdx: Nullable(Type.Integer({ description: 'Mục sổ công khai của tiến độ hiện tại' })),
});
export type PublicTaskRow = Static<typeof PublicTaskRow>;

export const PublicTaskGroup = Type.Object({
  id: Nullable(Uuid),
  label: Type.String(),
  title: Type.String(),
  tasks: Type.Array(PublicTaskRow),
});
export type PublicTaskGroup = Static<typeof PublicTaskGroup>;

export const PublicDocumentRef = Type.Object({
  id: Uuid,
  kind: Type.String({ description: 'consolidated (báo cáo tổng hợp) | review (sơ kết, tổng kết năm)' }),
  title: Type.String(),
  number: Nullable(Type.String()),
  docDate: Nullable(Type.String()),
  docxUrl: Type.String(),
  pdfUrl: Nullable(Type.String()),
});
export type PublicDocumentRef = Static<typeof PublicDocumentRef>;

export const PublicProgramDetail = Type.Composite([
  PublicProgramSummary,
  Type.Object({
    groups: Type.Array(PublicTaskGroup),
    documents: Type.Array(PublicDocumentRef),
  }),
]);
export type PublicProgramDetail = Static<typeof PublicProgramDetail>;

export const PublicProgramRef = Type.Object({
  id: Uuid,
  title: Type.String(),
  number: Nullable(Type.String()),
  source: Type.String(),
});
export type PublicProgramRef = Static<typeof PublicProgramRef>;

export const PublicTaskDetail = Type.Object({
  program: PublicProgramRef,
  group: Nullable(Type.Object({ id: Uuid, label: Type.String(), title: Type.String() })),
  task: PublicTaskRow,
  text: Type.String({ description: 'Nội dung nhiệm vụ như văn bản ghi' }),
  /** Newest first. */
  history: Type.Array(PublicProgress),
  /** Products delivered, from the accepted reports (newest first). */
  delivered: Type.Array(
    Type.Composite([PublicProduct, Type.Object({ leafIdx: Type.Integer(), period: Type.String() })]),
  ),
  /** Evidence files public now (the latest state of each file in the log). */
  evidence: Type.Array(PublicFile),
});
export type PublicTaskDetail = Static<typeof PublicTaskDetail>;

export const PublicUnitTask = Type.Composite([
  PublicTaskRow,
  Type.Object({ programId: Uuid, programTitle: Type.String() }),
]);
export type PublicUnitTask = Static<typeof PublicUnitTask>;

export const PublicUnitDetail = Type.Object({
  id: Uuid,
  name: Type.String(),
  tasks: Type.Array(PublicUnitTask),
  onTime: Type.Integer({ minimum: 0 }),
  late: Type.Integer({ minimum: 0 }),
  onTimeRate: Nullable(Type.Integer({ minimum: 0, maximum: 100, description: 'Tỷ lệ đúng hạn (%)' })),
  reports: Type.Object({
    accepted: Type.Integer({ minimum: 0, description: 'Số báo cáo được chấp nhận' }),
    onTime: Type.Integer({ minimum: 0, description: 'Số báo cáo nộp đúng hạn' }),
    late: Type.Integer({ minimum: 0, description: 'Số báo cáo nộp muộn' }),
  }),
});
export type PublicUnitDetail = Static<typeof PublicUnitDetail>;

/** The units that lead tasks in public programs, with their figures (the open-data units dataset). */
export const PublicUnitFigures = Type.Object({
  id: Uuid,
  name: Type.String(),
  tasks: Type.Integer({ minimum: 0, description: 'Số nhiệm vụ chủ trì trong các chương trình đã công khai' }),
  done: Type.Integer({ minimum: 0, description: 'Số nhiệm vụ đã hoàn thành theo báo cáo được chấp nhận' }),
  onTime: Type.Integer({ minimum: 0 }),
  late: Type.Integer({ minimum: 0 }),
  onTimeRate: Nullable(Type.Integer({ minimum: 0, maximum: 100, description: 'Tỷ lệ đúng hạn (%)' })),
  reports: Type.Object({
    accepted: Type.Integer({ minimum: 0 }),
    onTime: Type.Integer({ minimum: 0 }),
    late: Type.Integer({ minimum: 0 }),
  }),
});
export type PublicUnitFigures = Static<typeof PublicUnitFigures>;
export const PublicUnitList = Type.Object({ items: Type.Array(PublicUnitFigures) });
export type PublicUnitList = Static<typeof PublicUnitList>;

export const PublicSearchQuery = Type.Object({ q: Search }, { additionalProperties: false });
export type PublicSearchQuery = Static<typeof PublicSearchQuery>;

export const PublicSearchResult = Type.Object({
  q: Type.String(),
  programs: Type.Array(PublicProgramRef),
  tasks: Type.Array(
    Type.Object({
      id: Uuid,
      label: Type.String(),
      title: Type.String(),
      programId: Uuid,
      programTitle: Type.String(),
      leadUnit: Nullable(PublicUnitRef),
    }),
  ),
});
export type PublicSearchResult = Static<typeof PublicSearchResult>;

export const PublicCsvFile = Type.Unsafe<string>({
  description: 'Dữ liệu mở, CSV UTF-8 có BOM (tải về)',
  content: { 'text/csv': { schema: Type.String({ format: 'binary' }) } },
});
