/** The roles of thucthi (see shared/PRODUCT.md). Citizens use the public portal and need no account. */
export const ROLES = ['admin', 'monitor', 'leader', 'unit', 'supervisor'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { vi: string; en: string }> = {
  admin: { vi: 'Quản trị hệ thống', en: 'Administrator' },
  monitor: { vi: 'Cán bộ theo dõi', en: 'Monitor' },
  leader: { vi: 'Lãnh đạo', en: 'Leader' },
  unit: { vi: 'Đầu mối đơn vị', en: 'Unit focal point' },
  supervisor: { vi: 'Kiểm tra, giám sát', en: 'Supervisor' },
};

export function isRole(s: string): s is Role {
  return (ROLES as readonly string[]).includes(s);
}
