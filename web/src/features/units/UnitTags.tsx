import { Tag } from 'antd';
import { Link } from 'react-router';
import { unitKindLabel } from '../../lib/format';

export function UnitActiveTag({ active }: { active: boolean }) {
  return active ? <Tag color="green">Đang hoạt động</Tag> : <Tag>Ngừng hoạt động</Tag>;
}

export function UnitKindText({ kind }: { kind: string }) {
  return <>{unitKindLabel(kind)}</>;
}

/** A link to a unit's page, by its name (`fallback` when the name is not known); "—" with no unit. */
export function UnitLinkOrDash({
  id,
  name,
  fallback = 'Xem',
}: {
  id: string | null | undefined;
  name: string | null | undefined;
  fallback?: string;
}) {
  return id ? <Link to={`/don-vi/${id}`}>{name ?? fallback}</Link> : <>—</>;
}
