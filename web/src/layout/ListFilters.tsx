import type { CSSProperties } from 'react';
import { Input, Select } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import type { ActiveFilter } from '../api/types';
import { LIMITS } from '../shared/limits';

/** The search box above a list; `onEnter` applies it at once (lists that search as one types omit it). */
export function SearchInput({
  label,
  placeholder,
  value,
  onChange,
  onEnter,
  style,
}: {
  /** Its accessible name, e.g. "Tìm đơn vị". */
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  onEnter?: () => void;
  style?: CSSProperties;
}) {
  return (
    <Input
      aria-label={label}
      placeholder={placeholder}
      prefix={<SearchOutlined />}
      allowClear
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onPressEnter={onEnter}
      maxLength={LIMITS.search}
      style={style}
    />
  );
}

/** "Đang hoạt động" / `inactive` / "Tất cả trạng thái", for lists of units or accounts. */
export function ActiveFilterSelect({
  label,
  inactive,
  value,
  onChange,
  phone,
}: {
  label: string;
  /** The label of `false`: "Ngừng hoạt động" (units), "Đã khóa" (accounts). */
  inactive: string;
  value: ActiveFilter;
  onChange: (v: ActiveFilter) => void;
  phone: boolean;
}) {
  return (
    <Select<ActiveFilter>
      aria-label={label}
      value={value}
      onChange={onChange}
      options={[
        { value: 'true', label: 'Đang hoạt động' },
        { value: 'false', label: inactive },
        { value: 'all', label: 'Tất cả trạng thái' },
      ]}
      style={{ flex: phone ? '1 1 160px' : '0 1 180px', minWidth: 160 }}
    />
  );
}
