/**
 * Shapes of an imported document, shared with the server: the parser's own types, so both sides agree.
 */
export type * from '../../../src/domain/importer/types.ts';
export type { EditOp, EditableKind } from '../../../src/domain/importer/edit.ts';
