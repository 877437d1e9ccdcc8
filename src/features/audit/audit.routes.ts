import { Type } from '@sinclair/typebox';
import type { RoutePlugin } from '../../http/types.js';
import { Limit, responses, Nullable } from '../../contract/common.js';
import { listAuditEvents, verifyAuditChainAs } from './audit.service.js';

const AuditEvent = Type.Object(
  {
    seq: Type.Integer(),
    at: Type.String({ format: 'date-time' }),
    actorId: Nullable(Type.String()),
    actorLabel: Type.String(),
    action: Type.String(),
    entityType: Type.String(),
    entityId: Type.String(),
    before: Type.Unknown(),
    after: Type.Unknown(),
    requestId: Nullable(Type.String()),
    ip: Nullable(Type.String()),
  },
  { $id: 'AuditEvent', title: 'AuditEvent' },
);

const Query = Type.Object({
  entityType: Type.Optional(Type.String({ maxLength: 50 })),
  entityId: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Limit(200, 50),
  beforeSeq: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER })),
});

const VerifyResult = Type.Object({
  ok: Type.Boolean(),
  count: Type.Integer(),
  brokenAt: Type.Optional(
    Type.Object({
      seq: Type.Integer(),
      reason: Type.Union([Type.Literal('content'), Type.Literal('link'), Type.Literal('sequence')]),
      message: Type.String(),
    }),
  ),
});

export const auditRoutes: RoutePlugin = async (app, { deps }) => {
  app.addSchema(AuditEvent);
  const tags = ['audit'];

  app.get(
    '/api/audit',
    {
      schema: {
        tags,
        summary: 'Nhật ký thay đổi (mới nhất trước)',
        querystring: Query,
        response: responses({ 200: Type.Object({ items: Type.Array(Type.Ref('AuditEvent')) }) }),
      },
    },
    async (req) => listAuditEvents(deps, req.ctx, req.query),
  );

  app.get(
    '/api/audit/verify',
    {
      schema: {
        tags,
        summary: 'Kiểm tra tính toàn vẹn của chuỗi nhật ký (quản trị)',
        response: responses({ 200: VerifyResult }),
      },
    },
    async (req) => verifyAuditChainAs(deps, req.ctx),
  );
};
