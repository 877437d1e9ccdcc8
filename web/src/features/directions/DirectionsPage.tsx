import { Alert, Button, Card, Checkbox, Flex, Select } from 'antd';
import { useSearchParams } from 'react-router';
import type { DirectionFilters, DirectionUnitStatus } from './api';
import { useDirections } from './hooks';
import { DirectionsTable } from './DirectionsTable';
import { DIRECTION_UNIT_STATUSES, DIRECTION_UNIT_STATUS_LABELS } from './labels';
import { usePrograms } from '../programs/hooks';
import { UnitSelect } from '../units/UnitSelect';
import { useMe } from '../auth/hooks';
import { seesAllUnits } from '../../shared/permissions';
import { PageHeader } from '../../layout/PageHeader';

const isStatus = (s: string | null): s is DirectionUnitStatus =>
  !!s && (DIRECTION_UNIT_STATUSES as readonly string[]).includes(s);

/**
 * "Theo dõi ý kiến chỉ đạo": every direction of the leaders with what it was written on, its units and
 * their follow-up, the due date and the overdue ones; a unit sees only those addressed to it. The
 * filters live in the address (`trang-thai`, `don-vi`, `chuong-trinh`, `qua-han`, `cua-toi`; `id` shows
 * one direction, the link of its notifications).
 */
export default function DirectionsPage() {
  const me = useMe();
  const [sp, setSp] = useSearchParams();
  const set = (k: string, v: string | null | undefined) =>
    setSp(
      (p) => {
        const n = new URLSearchParams(p);
        if (v) n.set(k, v);
        else n.delete(k);
        n.delete('id');
        return n;
      },
      { replace: true },
    );
  const status = sp.get('trang-thai');
  const filters: DirectionFilters = {
    status: isStatus(status) ? status : undefined,
    unitId: sp.get('don-vi') ?? undefined,
    programId: sp.get('chuong-trinh') ?? undefined,
    overdue: sp.get('qua-han') === '1' || undefined,
    mine: sp.get('cua-toi') === '1' || undefined,
  };
  const q = useDirections(filters);
  const programs = usePrograms();
  const only = sp.get('id');
  const items = (q.data?.items ?? []).filter((d) => !only || d.id === only);
  const counts = q.data?.counts;
  const all = seesAllUnits(me);
  return (
    <>
      <PageHeader
        title="Theo dõi ý kiến chỉ đạo"
        subTitle={
          all
            ? 'Ý kiến chỉ đạo của lãnh đạo và việc thực hiện của từng đơn vị'
            : 'Ý kiến chỉ đạo gửi đơn vị và việc thực hiện'
        }
      />
      <Card>
        <Flex vertical gap={12}>
          <Flex wrap gap={12} align="center">
            <Select<DirectionUnitStatus>
              allowClear
              placeholder="Mọi trạng thái"
              value={filters.status}
              onChange={(v) => set('trang-thai', v)}
              style={{ width: 200 }}
              aria-label="Trạng thái"
              data-testid="directions-filter-status"
              options={DIRECTION_UNIT_STATUSES.map((s) => ({
                value: s,
                label: `${DIRECTION_UNIT_STATUS_LABELS[s]}${counts && !filters.status ? ` (${counts[s]})` : ''}`,
              }))}
            />
            {all && (
              <div style={{ width: 260 }}>
                <UnitSelect
                  id="directions-filter-unit"
                  value={filters.unitId ?? null}
                  onChange={(v) => set('don-vi', v)}
                  placeholder="Mọi đơn vị"
                />
              </div>
            )}
            <Select<string>
              allowClear
              placeholder="Mọi chương trình"
              value={filters.programId}
              onChange={(v) => set('chuong-trinh', v)}
              style={{ width: 320 }}
              aria-label="Chương trình"
              showSearch
              optionFilterProp="label"
              options={(programs.data?.items ?? []).map((p) => ({
                value: p.id,
                label: p.number ? `${p.number} — ${p.title}` : p.title,
              }))}
            />
            <Checkbox
              checked={!!filters.overdue}
              onChange={(e) => set('qua-han', e.target.checked ? '1' : null)}
              data-testid="directions-filter-overdue"
            >
              Quá hạn{counts ? ` (${counts.overdue})` : ''}
            </Checkbox>
            <Checkbox
              checked={!!filters.mine}
              onChange={(e) => set('cua-toi', e.target.checked ? '1' : null)}
              data-testid="directions-filter-mine"
            >
              {me.role === 'leader' ? 'Do tôi chỉ đạo' : 'Gửi đơn vị tôi'}
            </Checkbox>
          </Flex>
          {only && (
            <Alert
              type="info"
              showIcon
              title="Đang xem một ý kiến chỉ đạo"
              action={
                <Button size="small" onClick={() => set('id', null)}>
                  Xem tất cả
                </Button>
              }
            />
          )}
          <DirectionsTable items={items} query={q} />
        </Flex>
      </Card>
    </>
  );
}
