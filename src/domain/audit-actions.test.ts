import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, isAuditAction } from './audit-actions.js';

describe('audit action catalog', () => {
  it('lists each action once, as <entity>.<verb>', () => {
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
    for (const a of AUDIT_ACTIONS) expect(a).toMatch(/^[a-z]+\.[a-z_]+$/);
  });

  it('recognises its own actions only', () => {
    expect(isAuditAction('unit.update')).toBe(true);
    expect(isAuditAction('obstacle.reopen')).toBe(true);
    expect(isAuditAction('unit.delete')).toBe(false);
    expect(isAuditAction('constructor')).toBe(false);
  });
});
