import { useMemo, useState } from 'react';
import { Select } from 'antd';
import { useUnitSearch } from '../units/useUnitSearch';

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
  const [open, setOpen] = useState(false);
  const { setSearch, list, selectProps } = useUnitSearch({
    enabled: open,
    notFound: 'Không tìm thấy đơn vị phù hợp; hãy gõ tên khác',
  });
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
      showSearch={{ filterOption: false, onSearch: (v) => setSearch(v) }}
      options={options}
      onChange={(code) => code && onMap(code)}
      {...selectProps}
      onOpenChange={(o) => {
        setOpen(o);
        selectProps.onOpenChange(o);
      }}
    />
  );
}
