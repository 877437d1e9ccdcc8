import type { DirectionUnitStatus } from '../../shared/directions';

export {
  DIRECTION_TARGET_LABELS,
  DIRECTION_UNIT_STATUS_LABELS,
  DIRECTION_UNIT_STATUSES,
} from '../../shared/directions';

export const DIRECTION_UNIT_STATUS_COLORS: Record<DirectionUnitStatus, string> = {
  info: 'default',
  open: 'gold',
  answered: 'blue',
  closed: 'green',
};
