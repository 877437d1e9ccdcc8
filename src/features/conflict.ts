/**
 * Optimistic concurrency: a save with a stale `version` is refused with who changed the record and when,
 * never a silent overwrite.
 */
import { eq } from 'drizzle-orm';
import { users } from '../db/schema.js';
import type { DbOrTx } from '../db/connection.js';
import { AppError } from '../errors.js';
import { formatDateTimeVN } from '../domain/format.js';
import type { VersionConflictDetails } from '../contract/common.js';

export async function versionConflict(
  tx: DbOrTx,
  entity: string,
  row: { updatedBy: string | null; updatedAt: Date },
): Promise<AppError> {
  let who = 'hệ thống';
  if (row.updatedBy) {
    const u = await tx
      .select({ fullName: users.fullName, username: users.username })
      .from(users)
      .where(eq(users.id, row.updatedBy));
    if (u[0]) who = `${u[0].fullName} (${u[0].username})`;
  }
  const details: VersionConflictDetails = { entity, updatedBy: who, updatedAt: row.updatedAt.toISOString() };
  return new AppError(
    'VERSION_CONFLICT',
    details,
    `Dữ liệu đã được ${who} thay đổi lúc ${formatDateTimeVN(row.updatedAt)}. Vui lòng tải lại trước khi lưu.`,
  );
}
