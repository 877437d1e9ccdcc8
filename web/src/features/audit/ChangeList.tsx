import { Typography } from 'antd';
import { changedFields, fieldLabel, formatFieldValue } from './labels';
import type { AuditEvent } from '../../api/types';

/** The fields an audit event changed: "Field: old → new" (or the initial values of a creation). */
export function ChangeList({
  event,
  unitName,
}: {
  event: Pick<AuditEvent, 'entityType' | 'before' | 'after'>;
  unitName: (id: string) => string | undefined;
}) {
  const changes = changedFields(event.before, event.after);
  if (changes.length === 0) return null;
  const ctx = { entityType: event.entityType, unitName };
  const isCreate = !event.before && !!event.after;
  const isRemove = !!event.before && !event.after;
  return (
    <ul className="change-list">
      {changes.map((c) => (
        <li key={c.key}>
          <Typography.Text type="secondary">{fieldLabel(c.key)}: </Typography.Text>
          {isCreate ? (
            <span>{formatFieldValue(c.key, c.after, ctx)}</span>
          ) : isRemove ? (
            <del>{formatFieldValue(c.key, c.before, ctx)}</del>
          ) : (
            <>
              <del className="change-old">{formatFieldValue(c.key, c.before, ctx)}</del>
              <span aria-label="thành"> → </span>
              <ins className="change-new">{formatFieldValue(c.key, c.after, ctx)}</ins>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
