/**
 * Every action written to the audit log, `<entity>.<verb>`. The audit writer accepts only these, and
 * the web labels each in Vietnamese, so a new action without a label fails to compile. Actions never
 * change meaning; old events keep theirs (the web still shows an unknown string from old data).
 */
export const AUDIT_ACTIONS = [
  // sign-in
  'auth.login',
  'auth.logout',
  'auth.login_failed',
  // units directory
  'unit.create',
  'unit.update',
  'unit.update_contact',
  'unit.import_update',
  // users
  'user.create',
  'user.update',
  'user.enable',
  'user.disable',
  'user.reset_password',
  'user.change_password',
  // system
  'system.demo_loaded',
  // importing documents
  'import.create',
  'import.read',
  'import.edit',
  'import.discard',
  'import.publish',
  'import.heading',
  'import.create_units',
  // programs and their tasks
  'program.publish',
  'program.implement',
  'program.set_monitoring',
  'task.assign',
  'task.adjust',
  'task.accept_suggestion',
  // unit plans
  'plan.create',
  'plan.add_item',
  'plan.link',
  // reporting periods
  'period.open',
  'period.update',
  'period.close',
  'period.reopen',
  // unit reports
  'report.save_draft',
  'report.submit',
  'report.accept',
  'report.return',
  'file.upload',
  'file.sweep',
  // obstacles raised in reports
  'obstacle.raise',
  'obstacle.update_text',
  'obstacle.assign',
  'obstacle.answer',
  'obstacle.close',
  'obstacle.reopen',
  // the consolidated report
  'consolidation.create',
  'consolidation.regenerate',
  'consolidation.edit',
  'consolidation.send',
  'consolidation.return',
  'consolidation.approve',
  'consolidation.revise',
  // reminders and notifications
  'reminder.send',
  'reminder.skip',
  'reminder.send_manual',
  'notification.read',
  // a new period's report started from the last accepted one
  'report.copy_forward',
  'notification.set_preferences',
  // inspections: plans, visits, conclusions (issue 13)
  'inspection.create',
  'inspection.update',
  'inspection.activate',
  'inspection.close',
  'visit.create',
  'visit.update',
  'conclusion.create',
  'conclusion.update',
  'conclusion.issue',
  'conclusion.revise',
  'conclusion.supersede',
  // the leader's directions
  'direction.create',
  'direction.answer',
  'direction.close',
  'direction.return',
  // corrective actions on recommendations (issue 13, point 4)
  'recommendation.report_remediation',
  'recommendation.accept',
  'recommendation.return',
  // the public portal (issue 14): what is published, each with its leaves in the public log
  'program.publicize',
  'program.unpublicize',
  'evidence.publicize',
  'evidence.internalize',
  'document.publish',
  'document.withdraw',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

const KNOWN: ReadonlySet<string> = new Set(AUDIT_ACTIONS);

/** True for an action of this catalog (old data may hold others). */
export function isAuditAction(s: string): s is AuditAction {
  return KNOWN.has(s);
}
