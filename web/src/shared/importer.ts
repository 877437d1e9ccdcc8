/**
 * Shapes of an imported document, shared with the server: the parser's own types, so both sides agree.
 */
export type {
  BodyMention,
  DocNode,
  DocReference,
  NodeKind,
  ParsedDocument,
  ProgramMeta,
  Responsibility,
  Signer,
  Span,
  Task,
  TimeExpression,
  Warning,
} from '../../../src/domain/importer/types.ts';
export type { EditOp, EditableKind } from '../../../src/domain/importer/edit.ts';
