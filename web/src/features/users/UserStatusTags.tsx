import { Tag } from 'antd';
import type { User } from '../../api/types';

export function UserStatusTags({ user }: { user: Pick<User, 'active' | 'mustChangePassword'> }) {
  return (
    <>
      {user.active ? <Tag color="green">Đang hoạt động</Tag> : <Tag color="red">Đã khóa</Tag>}
      {user.active && user.mustChangePassword && <Tag color="orange">Chưa đổi mật khẩu</Tag>}
    </>
  );
}
