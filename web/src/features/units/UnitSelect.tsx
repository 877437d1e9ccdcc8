import { useMemo } from 'react';
import { Select } from 'antd';
import { useUnit } from './hooks';
import { useUnitSearch } from './useUnitSearch';
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
  /** Offer only this unit and the units below it in the units tree. */
  within?: string;
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
  within,
  allowClear = true,
  disabled,
  style,
}: UnitSelectProps) {
  const { setSearch, list, selectProps } = useUnitSearch({ active, within });
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
      options={options}
      {...selectProps}
    />
  );
}
