/**
 * The approval state of a consolidated report, as the report's view shows it and as edits check it:
 * a report sent for approval (chờ duyệt) or approved (đã ký duyệt) is read-only.
 */
import type { consolidatedReports } from '../../db/schema.js';
import type { ConsolidationApproval } from '../../contract/consolidation.js';
import { AppError } from '../../errors.js';

type Row = typeof consolidatedReports.$inferSelect;

export function approvalOf(r: Row): ConsolidationApproval {
  return {
    status: r.status,
    sentVersion: r.sentVersion,
    revision: r.revision,
    statusAt: r.statusAt?.toISOString() ?? null,
    comment: r.statusComment,
  };
}

/** Refuses a change of the heading or the sections (edit, regenerate, send) of a sent or approved report. */
export function assertEditable(r: Pick<Row, 'status' | 'id'>): void {
  if (r.status === 'sent') throw new AppError('CONSOLIDATION_AWAITING_APPROVAL', { id: r.id });
  if (r.status === 'approved') throw new AppError('CONSOLIDATION_APPROVED', { id: r.id });
}
