/** The audit trail: requests and responses of /api/audit. */
import { Type, type Static } from '@sinclair/typebox';
import { Items, JsonValue, Limit, Nullable, RefTo } from './common.js';

/** What an event recorded about the entity before or after the change: field → value (JSON). */
export const AuditSnapshot = Type.Record(Type.String(), RefTo(JsonValue));
export type AuditSnapshot = Static<typeof AuditSnapshot>;

/** One event of the trail. Registered once (`$id`), referenced as `AuditEventRef`. */
export const AuditEvent = Type.Object(
  {
    seq: Type.Integer({ minimum: 1 }),
    at: Type.String({ format: 'date-time' }),
    actorId: Nullable(Type.String()),
    actorLabel: Type.String(),
    action: Type.String(),
    entityType: Type.String(),
    entityId: Type.String(),
    before: Nullable(AuditSnapshot),
    after: Nullable(AuditSnapshot),
    requestId: Nullable(Type.String()),
    ip: Nullable(Type.String()),
  },
  { $id: 'AuditEvent', title: 'AuditEvent' },
);
export type AuditEvent = Static<typeof AuditEvent>;
export const AuditEventRef = RefTo(AuditEvent);

export const AuditQuery = Type.Object({
  entityType: Type.Optional(Type.String({ maxLength: 50 })),
  entityId: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Limit(200, 50),
  beforeSeq: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER })),
});
export type AuditQuery = Static<typeof AuditQuery>;

/** The latest events first; the next page asks with `beforeSeq` = the last `seq` received. */
export const AuditEvents = Items(AuditEventRef);
export type AuditEvents = Static<typeof AuditEvents>;

/** The chain against the signed checkpoints (README "Nhật ký, sao lưu"); absent when not configured. */
export const AuditCheckpointStatus = Type.Object({
  ok: Type.Boolean(),
  count: Type.Integer({ minimum: 0 }),
  latest: Type.Union([
    Type.Object({ seq: Type.Integer({ minimum: 0 }), hash: Type.String(), at: Type.String() }),
    Type.Null(),
  ]),
  problems: Type.Array(
    Type.Object({
      kind: Type.Union([
        Type.Literal('missing-key'),
        Type.Literal('missing-log'),
        Type.Literal('bad-entry'),
        Type.Literal('truncated'),
        Type.Literal('rewritten'),
      ]),
      message: Type.String(),
    }),
  ),
});
export type AuditCheckpointStatus = Static<typeof AuditCheckpointStatus>;

/** The result of checking the hash chain: intact, or where it first breaks; and the checkpoints. */
export const AuditVerifyResult = Type.Union([
  Type.Object({
    ok: Type.Literal(true),
    count: Type.Integer({ minimum: 0 }),
    checkpoints: Type.Optional(AuditCheckpointStatus),
  }),
  Type.Object({
    ok: Type.Literal(false),
    count: Type.Integer({ minimum: 0 }),
    brokenAt: Type.Object({
      seq: Type.Integer(),
      reason: Type.Union([Type.Literal('content'), Type.Literal('link'), Type.Literal('sequence')]),
      message: Type.String(),
    }),
    checkpoints: Type.Optional(AuditCheckpointStatus),
  }),
]);
export type AuditVerifyResult = Static<typeof AuditVerifyResult>;
