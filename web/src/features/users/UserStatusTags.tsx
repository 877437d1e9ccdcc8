import { Flex, Tag } from 'antd';
import type { User } from '../../api/types';

export function UserActiveTag({ active }: { active: boolean }) {
  return active ? <Tag color="green">Đang hoạt động</Tag> : <Tag color="red">Đã khóa</Tag>;
}

export function UserStatusTags({ user }: { user: Pick<User, 'active' | 'mustChangePassword'> }) {
  return (
    <Flex vertical align="start" gap={4}>
      <UserActiveTag active={user.active} />
      {user.active && user.mustChangePassword && <Tag color="orange">Chưa đổi mật khẩu</Tag>}
    </Flex>
  );
}
