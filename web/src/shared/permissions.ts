/**
 * Who may do what, shared with the server: the role → actions table and `can()`, from its pure domain
 * module, so the UI offers exactly what the server allows.
 */
export {
  ALL_ACTIONS,
  can,
  isUnitScoped,
  seesAllUnits,
  type Action,
  type PermissionActor,
} from '../../../src/domain/permissions.ts';
