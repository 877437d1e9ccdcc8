/** Downloads of a program's assignment annex (Phụ lục phân công nhiệm vụ). */
import { Type } from '@sinclair/typebox';
import { IdParams } from './common.js';

export const ANNEX_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;
export type AnnexFormat = keyof typeof ANNEX_TYPES;

/** The program whose annex is asked for. */
export const AnnexParams = IdParams;

/** The annex file's bytes, documented under its own content type. */
export const AnnexFile = (format: AnnexFormat) =>
  Type.Unsafe<Uint8Array>({
    description: `Phụ lục phân công nhiệm vụ (.${format}, tải về)`,
    content: { [ANNEX_TYPES[format]]: { schema: Type.String({ format: 'binary' }) } },
  });
