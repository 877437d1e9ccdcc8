import type { DescriptionsProps } from 'antd';
import { UnitLinkOrDash } from '../units/UnitTags';
import { roleLabel } from '../../lib/format';
import type { User } from '../../api/types';

type Fact = NonNullable<DescriptionsProps['items']>[number];
type Account = Pick<User, 'username' | 'fullName' | 'email' | 'role' | 'unitId' | 'unitName'>;

type AccountFact = 'username' | 'fullName' | 'email' | 'role' | 'unit';

/**
 * The lines of an account's details (`Descriptions` items) in the `order` given, for the account
 * page and the user's drawer alike. `unitFallback` names the unit's link when its name is unknown.
 */
export function accountFacts(a: Account, order: AccountFact[], unitFallback?: string): Fact[] {
  const facts: Record<AccountFact, Fact> = {
    username: { key: 'username', label: 'Tên đăng nhập', children: a.username },
    fullName: { key: 'fullName', label: 'Họ và tên', children: a.fullName },
    email: { key: 'email', label: 'Thư điện tử', children: a.email ?? '—' },
    role: { key: 'role', label: 'Vai trò', children: roleLabel(a.role) },
    unit: {
      key: 'unit',
      label: 'Đơn vị',
      children: <UnitLinkOrDash id={a.unitId} name={a.unitName} fallback={unitFallback} />,
    },
  };
  return order.map((f) => facts[f]);
}
