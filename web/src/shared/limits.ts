/**
 * Input limits shared with the server: the longest text each field may hold, from its pure domain
 * module, so a form refuses exactly what the API would.
 */
export { LIMITS, UNIT_CODE_PATTERN, type LimitName } from '../../../src/domain/limits.ts';
