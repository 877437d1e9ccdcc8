import { useMemo, useState } from 'react';
import { Select, Typography } from 'antd';
import { useUnit, useUnits } from './hooks';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import type { ActiveFilter, Unit } from '../../api/types';

export interface UnitSelectProps {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
  /** Which units may be chosen (default: active ones). */
  active?: ActiveFilter;
  /** A unit that may not be chosen (e.g. the unit itself as its own parent). */
  excludeId?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: React.CSSProperties;
}

function optionOf(u: Unit) {
  return {
    value: u.id,
    label: u.name,
    unit: u,
  };
}

/** A searchable unit picker backed by `/api/units?q=` (case and diacritics are ignored by the server). */
export function UnitSelect({
  id,
  value,
  onChange,
  placeholder = 'Gõ để tìm đơn vị…',
  active = 'true',
  excludeId,
  allowClear = true,
  disabled,
  style,
}: UnitSelectProps) {
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 250);
  const list = useUnits({ q: q || undefined, active, limit: 30 });
  const current = useUnit(value ?? undefined);

  const options = useMemo(() => {
    const items = (list.data?.items ?? []).filter((u) => u.id !== excludeId);
    const opts = items.map(optionOf);
    if (current.data && value && !opts.some((o) => o.value === value)) opts.unshift(optionOf(current.data));
    return opts;
  }, [list.data, current.data, value, excludeId]);

  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      placeholder={placeholder}
      allowClear={allowClear}
      disabled={disabled}
      style={{ width: '100%', ...style }}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={list.isFetching}
      options={options}
      optionRender={(o) => {
        const u = (o.data as { unit: Unit }).unit;
        return (
          <div>
            <div style={{ whiteSpace: 'normal' }}>{u.name}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {u.code}
              {u.active ? '' : ' · Ngừng hoạt động'}
            </Typography.Text>
          </div>
        );
      }}
      notFoundContent={list.isFetching ? 'Đang tìm…' : 'Không tìm thấy đơn vị phù hợp'}
      onOpenChange={(open) => {
        if (!open) setSearch('');
      }}
    />
  );
}
