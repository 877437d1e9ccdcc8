/**
 * The officials' side of the public portal (issue 14): what a monitor publishes. The portal's own
 * read-only responses are in `public.ts`.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Nullable, Uuid } from './common.js';

export const ProgramPublicityInput = Type.Object(
  {
    public: Type.Boolean({ description: 'true: công khai trên cổng thông tin; false: thôi công khai' }),
    version: Type.Integer({ minimum: 1, description: 'Phiên bản chương trình đang xem (chống ghi đè)' }),
  },
  { additionalProperties: false },
);
export type ProgramPublicityInput = Static<typeof ProgramPublicityInput>;

export const ProgramPublicity = Type.Object({
  id: Uuid,
  public: Type.Boolean(),
  publicSince: Nullable(Type.String({ format: 'date-time' })),
  version: Type.Integer(),
  /** Leaves this change wrote to the public log. */
  leaves: Type.Integer({ minimum: 0 }),
});
export type ProgramPublicity = Static<typeof ProgramPublicity>;
