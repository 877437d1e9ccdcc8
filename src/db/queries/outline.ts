/** A program's nodes in document order, with what the task-group lookup and task lists need. */
import { asc, eq } from 'drizzle-orm';
import { programNodes } from '../schema.js';
import type { DbOrTx } from '../connection.js';

export function programOutline(db: DbOrTx, programId: string) {
  return db
    .select({
      id: programNodes.id,
      parentId: programNodes.parentId,
      kind: programNodes.kind,
      label: programNodes.label,
      title: programNodes.title,
      text: programNodes.text,
      isTask: programNodes.isTask,
    })
    .from(programNodes)
    .where(eq(programNodes.programId, programId))
    .orderBy(asc(programNodes.position));
}
