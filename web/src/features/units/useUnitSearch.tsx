import { useState } from 'react';
import { Typography } from 'antd';
import { useUnits } from './hooks';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import type { ActiveFilter, Unit } from '../../api/types';

/** A unit in a picker's list: its name, then its code (and whether it has stopped operating). */
function renderUnitOption(o: { data: object }) {
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
}

/**
 * What the unit pickers type into: `/api/units?q=` finds up to 30 units (case and diacritics are
 * ignored by the server). `selectProps` are the antd Select props they share; options carry `unit`.
 */
export function useUnitSearch({
  active = 'true',
  enabled = true,
  notFound = 'Không tìm thấy đơn vị phù hợp',
  within,
}: {
  active?: ActiveFilter;
  enabled?: boolean;
  notFound?: string;
  /** Only this unit and the units below it (`/api/units?within=`). */
  within?: string;
} = {}) {
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim().slice(0, 100), 250);
  const list = useUnits({ q: q || undefined, active, within, limit: 30 }, enabled);
  return {
    search,
    setSearch,
    list,
    selectProps: {
      loading: list.isFetching,
      optionRender: renderUnitOption,
      notFoundContent: list.isFetching ? 'Đang tìm…' : notFound,
      onOpenChange: (open: boolean) => {
        if (!open) setSearch('');
      },
    },
  };
}
