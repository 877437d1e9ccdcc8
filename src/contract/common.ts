/** Schemas shared by every route module. */
import { Type, type Static, type TLiteral, type TSchema, type TUnion } from '@sinclair/typebox';
import { RECURRENCES } from '../domain/plan/assignment.js';
import { LIMITS } from '../domain/limits.js';
import { ROLES } from '../domain/roles.js';

/** Any JSON value (registered once under its `$id`; referenced with `RefTo(JsonValue)`). */
export const JsonValue = Type.Recursive(
  (Self) =>
    Type.Union([
      Type.Null(),
      Type.Boolean(),
      Type.Number(),
      Type.String(),
      Type.Array(Self),
      Type.Record(Type.String(), Self),
    ]),
  { $id: 'JsonValue', title: 'JsonValue' },
);
export type JsonValue = Static<typeof JsonValue>;

export const ErrorSchema = Type.Object(
  {
    code: Type.String({ description: 'Mã lỗi ổn định (stable error code)' }),
    message: Type.String({ description: 'Thông báo tiếng Việt' }),
    details: Type.Optional(Type.Unsafe<JsonValue>(Type.Ref('JsonValue'))),
  },
  { $id: 'Error', title: 'Error' },
);

/** A value or null. */
// Null first: with type coercion on, a string branch tried first would turn null into "".
export const Nullable = <T extends TSchema>(t: T) => Type.Union([Type.Null(), t]);

type Literals<T extends readonly string[]> = { -readonly [K in keyof T]: TLiteral<T[K]> };
/**
 * One of a domain list's values (`as const` array). Unlike `Type.Union(list.map(Type.Literal))`, its
 * static type keeps each value, so it can also key a `Type.Record`.
 */
export const LiteralUnion = <const T extends readonly string[]>(values: T): TUnion<Literals<T>> =>
  Type.Union(values.map((v) => Type.Literal(v))) as unknown as TUnion<Literals<T>>;

export const Uuid = Type.String({ format: 'uuid' });
export const Role = Type.Union(ROLES.map((r) => Type.Literal(r)));
export const IdParams = Type.Object({ id: Uuid });
export const Ok = Type.Object({ ok: Type.Literal(true) });

/** Text a person types: bounded, trimmed by the service. */
export const Text = (max: number, min = 0) => Type.String({ minLength: min, maxLength: max });
export const NullableText = (max: number) => Type.Union([Type.String({ maxLength: max }), Type.Null()]);

/** A reference to a schema registered once (`app.addSchema`) under its `$id`, typed as that schema. */
export const RefTo = <T extends TSchema>(schema: T) => Type.Unsafe<Static<T>>(Type.Ref(schema.$id!));

const errorRef = Type.Ref('Error');

/** Adds the standard error responses to a route's success responses. */
export function responses<T extends Record<number, TSchema>>(ok: T) {
  return {
    ...ok,
    400: errorRef,
    401: errorRef,
    403: errorRef,
    404: errorRef,
    409: errorRef,
    413: errorRef,
    415: errorRef,
    429: errorRef,
    503: errorRef,
  } as T & Record<400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 503, typeof errorRef>;
}

/** What a person types in a list's search box. */
export const Search = Type.Optional(Type.String({ maxLength: LIMITS.search }));
export const ActiveFilter = Type.Optional(
  Type.Union([Type.Literal('true'), Type.Literal('false'), Type.Literal('all')], { default: 'all' }),
);
export const Limit = (max: number, dflt: number) =>
  Type.Optional(Type.Integer({ minimum: 1, maximum: max, default: dflt }));
export const Offset = Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }));

/** An e-mail address, or an empty string / null to clear it. */
export const Email = Nullable(
  Type.String({ maxLength: LIMITS.email, pattern: '^$|^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$' }),
);

/**
 * A real calendar day, yyyy-mm-dd, between 1900 and 2199: the pattern bounds the ranges, the
 * `date` format refuses days a month does not have (2026-02-30, 2025-02-29).
 */
export const IsoDate = Type.String({
  format: 'date',
  pattern: '^(19|20|21)\\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$',
  description: 'Ngày yyyy-mm-dd (1900–2199)',
});

/** A web address a person can open: http or https only (no javascript:, data: or file: links); empty allowed. */
export const HttpUrl = (max: number) =>
  Type.String({ maxLength: max, pattern: '^$|^[hH][tT][tT][pP][sS]?://[^\\s]+$' });

/**
 * A deadline's days have the yyyy-mm-dd shape here; whether they are real days in range is the
 * assignment rules' check (`checkAssignment`), which answers its own code, ASSIGN_DEADLINE_INVALID.
 */
const DeadlineDay = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

/** A deadline: a date, a period ending on a date, or a recurrence with its first due date. */
export const DeadlineSchema = Type.Union([
  Type.Object({ kind: Type.Literal('date'), date: DeadlineDay }, { additionalProperties: false }),
  Type.Object(
    {
      kind: Type.Literal('period'),
      label: Text(LIMITS.deadlineLabel, 1),
      start: DeadlineDay,
      end: DeadlineDay,
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal('recurrence'),
      recurrence: Type.Union(RECURRENCES.map((r) => Type.Literal(r))),
      firstDue: DeadlineDay,
    },
    { additionalProperties: false },
  ),
]);

/**
 * Compile-time check that a schema's static type and the domain type it stands for agree, both ways:
 * `type _Fits = Check<Agrees<DomainType, Static<typeof Schema>>>;` does not compile when they differ.
 */
export type Agrees<Domain, Schema extends Domain> = [Domain] extends [Schema] ? true : false;
export type Check<T extends true> = T;

/** A whole list: every item the caller may see. */
export const Items = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item) });

/** One page of a list: the items asked for and how many match in all. */
export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), total: Type.Integer({ minimum: 0 }) });
/** What `Page(schema)` holds, for an item type `T`. */
export interface Page<T> {
  items: T[];
  total: number;
}

/** `details` of a 409 VERSION_CONFLICT: which kind of record, who saved it last and when. */
export const VersionConflictDetails = Type.Object({
  entity: Type.String({ description: 'Loại bản ghi (unit, user, …)' }),
  updatedBy: Type.String({ description: 'Người sửa sau cùng: "Họ tên (tên đăng nhập)" hoặc "hệ thống"' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type VersionConflictDetails = Static<typeof VersionConflictDetails>;
