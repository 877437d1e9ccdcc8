/** The words of the leader's directions, shared with the server (src/domain/supervision/kinds.ts). */
export {
  DIRECTION_TARGETS,
  DIRECTION_TARGET_LABELS,
  DIRECTION_UNIT_STATUSES,
  DIRECTION_UNIT_STATUS_LABELS,
  type DirectionTarget,
  type DirectionUnitStatus,
} from '../../../src/domain/supervision/kinds.ts';
