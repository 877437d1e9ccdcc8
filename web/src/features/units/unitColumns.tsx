import { Typography } from 'antd';
import type { TableColumnType } from 'antd';
import { UnitActiveTag } from './UnitTags';
import type { Unit } from '../../api/types';

/** Columns of the unit tables (directory, subordinate units). */
export const UNIT_CODE_COLUMN: TableColumnType<Unit> = {
  title: 'Mã',
  dataIndex: 'code',
  responsive: ['sm'],
  render: (v: string) => (
    <Typography.Text code className="nowrap">
      {v}
    </Typography.Text>
  ),
};

export const UNIT_ACTIVE_COLUMN: TableColumnType<Unit> = {
  title: 'Trạng thái',
  dataIndex: 'active',
  render: (v: boolean) => (
    <span className="nowrap">
      <UnitActiveTag active={v} />
    </span>
  ),
};
