/**
 * The audit log's action catalog, shared with the server: every action it writes, so each has a
 * Vietnamese label here.
 */
export { AUDIT_ACTIONS, isAuditAction, type AuditAction } from '../../../src/domain/audit-actions.ts';
