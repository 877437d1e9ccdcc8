import { Flex, Tag } from 'antd';
import type { User } from '../../api/types';

export function UserStatusTags({ user }: { user: Pick<User, 'active' | 'mustChangePassword'> }) {
  return (
    <Flex vertical align="start" gap={4}>
      {user.active ? <Tag color="green">Đang hoạt động</Tag> : <Tag color="red">Đã khóa</Tag>}
      {user.active && user.mustChangePassword && <Tag color="orange">Chưa đổi mật khẩu</Tag>}
    </Flex>
  );
}
