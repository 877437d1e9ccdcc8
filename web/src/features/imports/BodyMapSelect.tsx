import { useMemo, useState } from 'react';
import { Select, Typography } from 'antd';
import { useUnits } from '../units/hooks';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import type { Unit } from '../../api/types';

/**
 * "Ghép với đơn vị": searches the directory (`/api/units?q=`, diacritics ignored) and hands back the
 * chosen unit's code, which is what a draft's body mapping stores.
 */
export function BodyMapSelect({
  text,
  onMap,
  disabled,
}: {
  /** The body as written (for the accessible name). */
  text: string;
  onMap: (unitCode: string) => void;
  disabled?: boolean;
}) {
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim().slice(0, 100), 250);
  const [open, setOpen] = useState(false);
  const list = useUnits({ q: q || undefined, active: 'true', limit: 30 }, open);
  const options = useMemo(
    () => (list.data?.items ?? []).map((u) => ({ value: u.code, label: u.name, unit: u })),
    [list.data],
  );
  return (
    <Select<string>
      aria-label={`Ghép “${text}” với đơn vị`}
      placeholder="Ghép với đơn vị (gõ để tìm)…"
      value={null}
      disabled={disabled}
      style={{ width: '100%', maxWidth: 420 }}
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) setSearch('');
      }}
      showSearch={{ filterOption: false, onSearch: (v) => setSearch(v) }}
      loading={list.isFetching}
      options={options}
      onChange={(code) => code && onMap(code)}
      optionRender={(o) => {
        const u = (o.data as { unit: Unit }).unit;
        return (
          <div>
            <div style={{ whiteSpace: 'normal' }}>{u.name}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {u.code}
            </Typography.Text>
          </div>
        );
      }}
      notFoundContent={list.isFetching ? 'Đang tìm…' : 'Không tìm thấy đơn vị phù hợp; hãy gõ tên khác'}
    />
  );
}
