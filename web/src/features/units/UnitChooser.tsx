import type { ReactNode } from 'react';
import { Alert, Card, Flex } from 'antd';
import { useSearchParams } from 'react-router';
import { UnitSelect } from './UnitSelect';
import { useMe } from '../auth/hooks';
import { useIsPhone } from '../../lib/useMediaQuery';
import { usePatchSearchParams } from '../../lib/useAddressParams';

/** The unit a page is about: a unit user's own; the others choose one, kept in the address (?don-vi=). */
export function useChosenUnit() {
  const me = useMe();
  const [sp] = useSearchParams();
  const own = me.role === 'unit';
  const unitId = own ? me.unitId : sp.get('don-vi');
  const patchParams = usePatchSearchParams<'don-vi'>();
  const choose = (v: string | null) => patchParams({ 'don-vi': v });
  return { own, unitId, choose };
}

/**
 * Above such a page: the unit picker for those who choose, or a warning for a unit user whose
 * account has no unit.
 */
export function UnitChooser({
  chosen,
  id,
  label,
  extra,
}: {
  chosen: ReturnType<typeof useChosenUnit>;
  /** The picker's id (its label points at it). */
  id: string;
  label: string;
  extra?: ReactNode;
}) {
  const phone = useIsPhone();
  if (chosen.own)
    return chosen.unitId ? null : (
      <Alert type="warning" showIcon title="Tài khoản của bạn chưa gắn với đơn vị nào" />
    );
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Flex wrap gap={8} align="center">
        <label htmlFor={id}>{label}</label>
        <div style={{ width: phone ? '100%' : 420 }}>
          <UnitSelect id={id} value={chosen.unitId} active="all" onChange={chosen.choose} />
        </div>
        {extra}
      </Flex>
    </Card>
  );
}
