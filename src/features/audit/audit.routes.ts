import type { RoutePlugin } from '../../http/types.js';
import { responses } from '../../contract/common.js';
import { AuditEvent, AuditEvents, AuditQuery, AuditVerifyResult } from '../../contract/audit.js';
import { listAuditEvents, verifyAuditChainAs } from './audit.service.js';

export const auditRoutes: RoutePlugin = async (app, { deps }) => {
  app.addSchema(AuditEvent);
  const tags = ['audit'];

  app.get(
    '/api/audit',
    {
      schema: {
        tags,
        summary: 'Nhật ký thay đổi (mới nhất trước)',
        querystring: AuditQuery,
        response: responses({ 200: AuditEvents }),
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
        response: responses({ 200: AuditVerifyResult }),
      },
    },
    async (req) => verifyAuditChainAs(deps, req.ctx),
  );
};
