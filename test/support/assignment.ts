import type { AssignmentBody } from '../../src/contract/tasks.js';

/**
 * The body of `PUT /api/tasks/:id/assignment` that names a lead unit and nothing else: no cooperating
 * unit, focal person, deadline or product. Tests spread what they need over it.
 */
export const leadOnlyAssignment = (version: number, leadUnitId: string): AssignmentBody => ({
  version,
  leadUnitId,
  cooperatingUnitIds: [],
  focal: null,
  deadline: null,
  products: [],
});
