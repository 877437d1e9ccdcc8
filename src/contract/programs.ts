/** /api/programs: published programs, and one program with its tree, references and responsibilities. */
import { Type, type Static } from '@sinclair/typebox';
import { IsoDate, Items, Nullable, Uuid } from './common.js';
import {
  DocReferenceSchema,
  MentionMatchSchema,
  NodeKindSchema,
  ProgramMetaSchema,
  RecipientSchema,
  SignerSchema,
  SpanSchema,
  TimeExpressionSchema,
  WarningSchema,
} from './imports.js';

/** `published`: tasks are being assigned; `implementing`: after "Triển khai" (a baseline is frozen). */
export const ProgramStatus = Type.Union([Type.Literal('published'), Type.Literal('implementing')]);
export type ProgramStatus = Static<typeof ProgramStatus>;

/** A named body with the units it was matched to (ids resolved when the program was published). */
export const ProgramMention = Type.Object({
  text: Type.String(),
  span: SpanSchema,
  match: MentionMatchSchema,
  unitCodes: Type.Array(Type.String()),
  unitIds: Type.Array(Uuid),
});
export type ProgramMention = Static<typeof ProgramMention>;

/** What the importer read in a task's text. */
export const ProgramTaskExtract = Type.Object({
  lead: Nullable(ProgramMention),
  leads: Type.Array(ProgramMention),
  cooperating: Type.Array(ProgramMention),
  deadline: Nullable(TimeExpressionSchema),
  times: Type.Array(TimeExpressionSchema),
  products: Type.Array(Type.String()),
});
export type ProgramTaskExtract = Static<typeof ProgramTaskExtract>;

/** The document's metadata as imported (`program` is null for a unit plan written item by item). */
export const ProgramDocMeta = Type.Object({
  program: Nullable(ProgramMetaSchema),
  signer: Nullable(SignerSchema),
  recipients: Type.Array(RecipientSchema),
  warnings: Type.Array(WarningSchema),
});
export type ProgramDocMeta = Static<typeof ProgramDocMeta>;

export const ProgramNode = Type.Object({
  id: Uuid,
  parentId: Nullable(Uuid),
  kind: NodeKindSchema,
  marker: Type.String(),
  label: Type.String(),
  title: Type.String(),
  text: Type.String(),
  span: SpanSchema,
  isTask: Type.Boolean(),
  cells: Nullable(Type.Record(Type.String(), Type.String())),
  extracted: Nullable(ProgramTaskExtract),
});
export type ProgramNode = Static<typeof ProgramNode>;

export const ProgramReference = DocReferenceSchema;
export type ProgramReference = Static<typeof ProgramReference>;

export const ProgramResponsibility = Type.Object({
  nodeId: Uuid,
  label: Type.String(),
  bodies: Type.Array(ProgramMention),
  leadUnitId: Nullable(Uuid),
  cooperating: Type.Array(ProgramMention),
  duties: Type.String(),
});
export type ProgramResponsibility = Static<typeof ProgramResponsibility>;

/** What names a program: its title and the document it was issued as. */
const ProgramDocument = {
  id: Uuid,
  title: Type.String(),
  number: Nullable(Type.String()),
  docKind: Nullable(Type.String()),
  issuer: Nullable(Type.String()),
  docDate: Nullable(IsoDate),
};

export const ProgramSummary = Type.Object({
  ...ProgramDocument,
  status: ProgramStatus,
  publishedAt: Type.String({ format: 'date-time' }),
  /** Since when it is public on the portal ("công khai"); null: not public. */
  publicSince: Nullable(Type.String({ format: 'date-time' })),
  /** How many of its nodes are tasks. */
  tasks: Type.Integer(),
});
export type ProgramSummary = Static<typeof ProgramSummary>;

export const ProgramList = Items(ProgramSummary);
export type ProgramList = Static<typeof ProgramList>;

export const Program = Type.Object({
  ...ProgramDocument,
  partyLayout: Type.Boolean(),
  status: ProgramStatus,
  monitoringUnitId: Nullable(Uuid),
  plansDueDate: Nullable(IsoDate),
  /** For a unit's plan: the program it implements and the unit. */
  parentProgramId: Nullable(Uuid),
  ownerUnitId: Nullable(Uuid),
  publishedAt: Type.String({ format: 'date-time' }),
  /** Since when it is public on the portal ("công khai"); null: not public. */
  publicSince: Nullable(Type.String({ format: 'date-time' })),
  /** For optimistic concurrency of the program's own settings (công khai). */
  version: Type.Integer(),
  meta: ProgramDocMeta,
  source: Type.String(),
  /** Flat, in document order; the tree is rebuilt from `parentId`. */
  nodes: Type.Array(ProgramNode),
  references: Type.Array(ProgramReference),
  responsibilities: Type.Array(ProgramResponsibility),
});
export type Program = Static<typeof Program>;
