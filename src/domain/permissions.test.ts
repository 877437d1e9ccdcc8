import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from './roles.js';
import {
  ALL_ACTIONS,
  can,
  isUnitScoped,
  mayAssignTo,
  roleMay,
  seesAllUnits,
  withinBodyScope,
  withinUnitScope,
  type Action,
} from './permissions.js';

const OWN = 'unit-own';
const OTHER = 'unit-other';

/**
 * The expected table, written out: which roles hold each action, and whether a unit user may take it
 * only on its own unit (`ownUnit`).
 */
const EXPECTED: Record<Action, { roles: readonly Role[]; ownUnit?: true }> = {
  'unit.read': { roles: ['admin', 'monitor', 'leader', 'supervisor', 'unit'] },
  'unit.manage': { roles: ['admin'] },
  'unit.editContact': { roles: ['admin', 'unit'], ownUnit: true },
  'unit.readMembers': { roles: ['admin', 'monitor', 'leader', 'supervisor', 'unit'], ownUnit: true },
  'user.manage': { roles: ['admin'] },
  'audit.read': { roles: ['admin', 'monitor', 'leader', 'supervisor', 'unit'], ownUnit: true },
  'audit.verify': { roles: ['admin'] },
  'program.read': { roles: ['admin', 'monitor', 'leader', 'supervisor', 'unit'] },
  'program.import': { roles: ['admin', 'monitor'] },
  'task.assign': { roles: ['admin', 'monitor'] },
  'plan.edit': { roles: ['admin', 'monitor', 'unit'], ownUnit: true },
  'unit.readTasks': { roles: ['admin', 'monitor', 'leader', 'supervisor', 'unit'], ownUnit: true },
  'report.read': { roles: ['admin', 'monitor', 'leader', 'supervisor', 'unit'], ownUnit: true },
  'report.readAll': { roles: ['admin', 'monitor', 'leader', 'supervisor'] },
  'report.write': { roles: ['admin', 'unit'], ownUnit: true },
  'report.manage': { roles: ['admin', 'monitor'] },
  'consolidation.approve': { roles: ['leader'] },
  'inspection.read': { roles: ['admin', 'monitor', 'leader', 'supervisor', 'unit'] },
  'inspection.manage': { roles: ['admin', 'supervisor'] },
  'remediation.write': { roles: ['admin', 'unit'], ownUnit: true },
  'direction.write': { roles: ['leader'] },
  'direction.answer': { roles: ['admin', 'unit'], ownUnit: true },
  'direction.close': { roles: ['admin', 'monitor', 'leader'] },
  'review.read': { roles: ['admin', 'monitor', 'leader', 'supervisor'] },
  'portal.publish': { roles: ['admin', 'monitor'] },
  'evidence.publicize': { roles: ['admin', 'unit'], ownUnit: true },
};

const actor = (role: Role, unitId: string | null = role === 'unit' ? OWN : null) => ({ role, unitId });

describe('permissions table', () => {
  it('lists every action once', () => {
    expect(new Set(ALL_ACTIONS).size).toBe(ALL_ACTIONS.length);
    expect(Object.keys(EXPECTED).sort()).toEqual([...ALL_ACTIONS].sort());
  });

  it("admin holds every action but the leader's approval and directions", () => {
    for (const a of ALL_ACTIONS)
      expect(roleMay('admin', a), a).toBe(a !== 'consolidation.approve' && a !== 'direction.write');
  });

  it('a supervisor manages only its own body’s plans; admins any', () => {
    expect(withinBodyScope({ role: 'supervisor', unitId: 'ubkt' }, 'ubkt')).toBe(true);
    expect(withinBodyScope({ role: 'supervisor', unitId: 'ubkt' }, 'hdnd')).toBe(false);
    expect(withinBodyScope({ role: 'supervisor', unitId: null }, 'ubkt')).toBe(false);
    expect(withinBodyScope({ role: 'admin', unitId: null }, 'ubkt')).toBe(true);
  });

  it('marks the unit-scoped actions', () => {
    for (const a of ALL_ACTIONS) expect(isUnitScoped(a), a).toBe(EXPECTED[a].ownUnit === true);
  });

  it('only the unit role is limited to its own unit', () => {
    for (const r of ROLES) expect(seesAllUnits(actor(r)), r).toBe(r !== 'unit');
  });
});

describe('can(): role × action × own/other unit', () => {
  for (const role of ROLES) {
    for (const action of ALL_ACTIONS) {
      const granted = EXPECTED[action].roles.includes(role);
      const limited = role === 'unit' && EXPECTED[action].ownUnit === true;
      it(`${role} ${action}`, () => {
        const me = actor(role);
        // Role check only (the server's authorize).
        expect(can(me, action)).toBe(granted);
        // Own unit: the grant decides.
        expect(can(me, action, OWN)).toBe(granted);
        // Another unit, or data of no unit: a unit user is refused unit-scoped actions.
        expect(can(me, action, OTHER)).toBe(granted && !limited);
        expect(can(me, action, null)).toBe(granted && !limited);
      });
    }
  }

  it('a unit user without a unit has no unit of its own', () => {
    const orphan = actor('unit', null);
    expect(can(orphan, 'plan.edit', OWN)).toBe(false);
    expect(can(orphan, 'plan.edit', null)).toBe(false);
    expect(can(orphan, 'program.read', null)).toBe(true);
  });

  it('the unit scope check alone ignores the grant', () => {
    // A leader may not edit a plan at all, but is not limited by unit.
    expect(withinUnitScope(actor('leader'), 'plan.edit', OTHER)).toBe(true);
    expect(can(actor('leader'), 'plan.edit', OTHER)).toBe(false);
    expect(withinUnitScope(actor('unit'), 'plan.edit', OTHER)).toBe(false);
    expect(withinUnitScope(actor('unit'), 'unit.read', OTHER)).toBe(true);
  });
});

describe('mayAssignTo(): a unit assigns only within its subtree', () => {
  const subtree = new Set([OWN, 'unit-child', 'unit-grandchild']);
  it('a unit user: its own unit and the units below it, nothing else', () => {
    for (const u of subtree) expect(mayAssignTo(actor('unit'), u, subtree), u).toBe(true);
    expect(mayAssignTo(actor('unit'), OTHER, subtree)).toBe(false);
    expect(mayAssignTo(actor('unit', null), OWN, subtree)).toBe(false);
  });
  it('other roles are not limited by the tree', () => {
    for (const r of ROLES.filter((x) => x !== 'unit'))
      expect(mayAssignTo(actor(r), OTHER, new Set()), r).toBe(true);
  });
});
