import { Tag } from 'antd';
import { unitKindLabel } from '../../lib/format';

export function UnitActiveTag({ active }: { active: boolean }) {
  return active ? <Tag color="green">Đang hoạt động</Tag> : <Tag>Ngừng hoạt động</Tag>;
}

export function UnitKindText({ kind }: { kind: string }) {
  return <>{unitKindLabel(kind)}</>;
}
