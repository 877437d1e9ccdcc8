import { Typography } from 'antd';
import { ANNOTATION_FIELDS, changedFields, fieldLabel, formatFieldValue, isEmpty } from './labels';
import type { AuditEvent } from '../../api/types';

type Ctx = Parameters<typeof formatFieldValue>[2];

/** An old value is struck through, a new one highlighted; "(trống)" is neither. */
function Value({
  kind,
  field,
  value,
  ctx,
}: {
  kind: 'old' | 'new';
  field: string;
  value: unknown;
  ctx: Ctx;
}) {
  const text = formatFieldValue(field, value, ctx);
  if (isEmpty(value)) return <span className="change-empty">{text}</span>;
  return kind === 'old' ? <del className="change-old">{text}</del> : <ins className="change-new">{text}</ins>;
}

/** The fields an audit event changed: "Field: old → new" (or the initial values of a creation). */
export function ChangeList({
  event,
  unitName,
}: {
  event: Pick<AuditEvent, 'entityType' | 'before' | 'after'>;
  unitName: (id: string) => string | undefined;
}) {
  const changes = changedFields(event.before, event.after, event.entityType);
  if (changes.length === 0) return null;
  const ctx = { entityType: event.entityType, unitName };
  const isCreate = !event.before && !!event.after;
  const isRemove = !!event.before && !event.after;
  return (
    <ul className="change-list">
      {changes.map((c) => (
        <li key={c.key}>
          <Typography.Text type="secondary">{fieldLabel(c.key, event.entityType)}: </Typography.Text>
          {isCreate || ANNOTATION_FIELDS.has(c.key) ? (
            <span>{formatFieldValue(c.key, c.after, ctx)}</span>
          ) : isRemove ? (
            <Value kind="old" field={c.key} value={c.before} ctx={ctx} />
          ) : (
            <>
              <Value kind="old" field={c.key} value={c.before} ctx={ctx} />
              <span aria-label="thành"> → </span>
              <Value kind="new" field={c.key} value={c.after} ctx={ctx} />
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
