/** The units directory: requests and responses of /api/units. */
import { Type, type Static } from '@sinclair/typebox';
import {
  ActiveFilter,
  Email,
  Items,
  Limit,
  Nullable,
  NullableText,
  Offset,
  Page,
  RefTo,
  Role,
  Search,
  Text,
  Uuid,
} from './common.js';
import { UNIT_KINDS } from '../domain/units.js';
import { LIMITS, UNIT_CODE_PATTERN } from '../domain/limits.js';

const Kind = Type.Union(UNIT_KINDS.map((k) => Type.Literal(k)));
const Code = Type.String({ pattern: UNIT_CODE_PATTERN });
const Phone = Type.Union([
  Type.String({ maxLength: LIMITS.phone, pattern: '^[0-9+().\\s-]*$' }),
  Type.Null(),
]);
const Version = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });

/** A unit of the directory. Registered once (`$id`), referenced as `UnitRef`. */
export const Unit = Type.Object(
  {
    id: Uuid,
    code: Type.String(),
    name: Type.String(),
    shortName: Nullable(Type.String()),
    kind: Kind,
    parentId: Nullable(Uuid),
    parentName: Nullable(Type.String()),
    active: Type.Boolean(),
    email: Nullable(Type.String()),
    phone: Nullable(Type.String()),
    address: Nullable(Type.String()),
    version: Type.Integer(),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Unit', title: 'Unit' },
);
export type Unit = Static<typeof Unit>;
export const UnitRef = RefTo(Unit);

export const UnitPage = Page(UnitRef);
export type UnitPage = Static<typeof UnitPage>;

export const UnitListQuery = Type.Object({
  q: Search,
  kind: Type.Optional(Kind),
  active: ActiveFilter,
  parentId: Type.Optional(Uuid),
  /** This unit and every unit below it in the units tree (the units a unit user may assign to). */
  within: Type.Optional(Uuid),
  limit: Limit(1000, 50),
  offset: Offset,
});
export type UnitListQuery = Static<typeof UnitListQuery>;

export const UnitCreateBody = Type.Object(
  {
    code: Code,
    name: Text(LIMITS.unitName, 1),
    shortName: Type.Optional(NullableText(LIMITS.unitShortName)),
    kind: Kind,
    parentId: Type.Optional(Nullable(Uuid)),
    active: Type.Optional(Type.Boolean()),
    email: Type.Optional(Email),
    phone: Type.Optional(Phone),
    address: Type.Optional(NullableText(LIMITS.address)),
  },
  { additionalProperties: false },
);
export type UnitCreateBody = Static<typeof UnitCreateBody>;

/** Any of the fields of a new unit, and the version the edit is based on. */
export const UnitPatchBody = Type.Object(
  { version: Version, ...Type.Partial(UnitCreateBody).properties },
  { additionalProperties: false },
);
export type UnitPatchBody = Static<typeof UnitPatchBody>;

/** What a unit may change about itself. */
export const UnitContactBody = Type.Object(
  {
    version: Version,
    email: Type.Optional(Email),
    phone: Type.Optional(Phone),
    address: Type.Optional(NullableText(LIMITS.address)),
  },
  { additionalProperties: false },
);
export type UnitContactBody = Static<typeof UnitContactBody>;

/** A user of the unit, as the unit's page lists them. */
export const UnitMember = Type.Object({
  id: Uuid,
  username: Type.String(),
  fullName: Type.String(),
  role: Role,
  active: Type.Boolean(),
});
export type UnitMember = Static<typeof UnitMember>;

export const UnitMembers = Items(UnitMember);
export type UnitMembers = Static<typeof UnitMembers>;

// ---- CSV exchange ----

export const UNITS_CSV_MAX_BYTES = 5 * 1024 * 1024;

/** The request body of an import: the CSV text (the server decodes strict UTF-8). */
export const UnitsCsvBody = Type.String({ maxLength: UNITS_CSV_MAX_BYTES });

/** The directory as a CSV download. */
export const UnitsCsvFile = Type.Unsafe<string>({
  description: 'Danh mục đơn vị, CSV UTF-8 có BOM (tải về)',
  content: { 'text/csv': { schema: Type.String({ format: 'binary' }) } },
});

export const UnitImportResult = Type.Object({
  created: Type.Integer({ minimum: 0 }),
  updated: Type.Integer({ minimum: 0 }),
  unchanged: Type.Integer({ minimum: 0 }),
});
export type UnitImportResult = Static<typeof UnitImportResult>;

/** One refused line of an import; a 400 UNIT_CSV_INVALID lists them in `details.errors`. */
export const UnitCsvLineError = Type.Object({
  line: Type.Integer({ minimum: 1 }),
  code: Type.String(),
  message: Type.String(),
});
export type UnitCsvLineError = Static<typeof UnitCsvLineError>;

export const UnitCsvErrorDetails = Type.Object({ errors: Type.Array(UnitCsvLineError) });
export type UnitCsvErrorDetails = Static<typeof UnitCsvErrorDetails>;
