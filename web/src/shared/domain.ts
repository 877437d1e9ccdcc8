/**
 * Labels and helpers shared with the server: imported from its pure domain modules so both sides agree.
 */
export { ROLES, ROLE_LABELS, type Role } from '../../../src/domain/roles.ts';
export { UNIT_KINDS, UNIT_KIND_LABELS, type UnitKind } from '../../../src/domain/units.ts';
export { fold as foldText } from '../../../src/domain/text.ts';
