/**
 * Tells the inspected units of a decided plan when its announced day comes (issue 13): a pass over the
 * plans whose `visibleFrom` is today or in the past week, each unit's users told once per plan
 * (src/features/inspections/inspections.service.ts, noticeVisibleInspections). Runs with the reminders.
 */
import { systemCtx } from '../features/context.js';
import type { Deps } from '../features/deps.js';
import { noticeVisibleInspections } from '../features/inspections/inspections.service.js';
import { startLoop, type JobLog } from './loop.js';

export function startInspectionNoticeLoop(deps: Deps, seconds: number, log: JobLog): () => Promise<void> {
  return startLoop(seconds, 3000, () => noticeVisibleInspections(deps, systemCtx('inspection-notices')), {
    done: () => undefined,
    failed: (e) => log.error({ err: e }, 'kiểm tra, giám sát: lỗi khi báo đơn vị được kiểm tra'),
  });
}
