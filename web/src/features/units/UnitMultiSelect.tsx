import { useMemo } from 'react';
import { Select } from 'antd';
import { useUnitLookup } from './useUnitNames';
import { useUnitSearch } from './useUnitSearch';
import type { Unit } from '../../api/types';

export interface UnitMultiSelectProps {
  id?: string;
  value?: string[];
  onChange?: (value: string[]) => void;
  placeholder?: string;
  /** Units that may not be chosen (e.g. the lead unit among the cooperating ones). */
  excludeIds?: string[];
  /** Offer only this unit and the units below it in the units tree. */
  within?: string;
  disabled?: boolean;
  style?: React.CSSProperties;
}

/** Several units, searched by `/api/units?q=` (active ones); the chosen ones are named from the directory. */
export function UnitMultiSelect({
  id,
  value,
  onChange,
  placeholder = 'Gõ để tìm và chọn đơn vị…',
  excludeIds,
  within,
  disabled,
  style,
}: UnitMultiSelectProps) {
  const { search, setSearch, list, selectProps } = useUnitSearch({ within });
  const units = useUnitLookup();
  const selected = useMemo(() => value ?? [], [value]);

  const options = useMemo(() => {
    const excluded = new Set(excludeIds ?? []);
    const found = (list.data?.items ?? []).filter((u) => !excluded.has(u.id));
    const known = selected
      .filter((id) => !found.some((u) => u.id === id))
      .map((id) => units.byId(id))
      .filter((u): u is Unit => !!u);
    return [...known, ...found].map((u) => ({ value: u.id, label: u.name, unit: u }));
  }, [list.data, excludeIds, selected, units]);

  return (
    <Select
      id={id}
      mode="multiple"
      value={selected}
      onChange={(v: string[]) => {
        onChange?.(v);
        setSearch('');
      }}
      placeholder={placeholder}
      allowClear
      disabled={disabled}
      style={{ width: '100%', ...style }}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      options={options}
      {...selectProps}
    />
  );
}
