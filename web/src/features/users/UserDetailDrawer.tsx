import { Alert, Descriptions, Drawer, Flex, Typography } from 'antd';
import { accountFacts } from './accountFacts';
import { EntityHistory } from '../audit/EntityHistory';
import { UserActionButtons } from './UserActions';
import { UserStatusTags } from './UserStatusTags';
import type { OneTimePasswordInfo } from './OneTimePasswordModal';
import { formatDateTime } from '../../lib/format';
import { useIsPhone } from '../../lib/useMediaQuery';
import type { User } from '../../api/types';

/** A user's details, actions and change history. `user` may be missing when only the id is known. */
export function UserDetailDrawer({
  userId,
  user,
  isSelf,
  onClose,
  onEdit,
  onPassword,
}: {
  userId: string | null;
  user: User | undefined;
  isSelf: boolean;
  onClose: () => void;
  onEdit: (u: User) => void;
  onPassword: (info: OneTimePasswordInfo) => void;
}) {
  const phone = useIsPhone();
  return (
    <Drawer
      title={user ? user.fullName : 'Người dùng'}
      open={!!userId}
      onClose={onClose}
      size={phone ? '100%' : 640}
      destroyOnHidden
    >
      {userId && (
        <Flex vertical gap={24}>
          {user ? (
            <>
              <Descriptions
                column={1}
                size="small"
                bordered
                items={[
                  ...accountFacts(user, ['username', 'fullName', 'email', 'role', 'unit']),
                  { key: 'status', label: 'Trạng thái', children: <UserStatusTags user={user} /> },
                  { key: 'created', label: 'Tạo lúc', children: formatDateTime(user.createdAt) },
                  { key: 'updated', label: 'Cập nhật lần cuối', children: formatDateTime(user.updatedAt) },
                ]}
              />
              <UserActionButtons user={user} isSelf={isSelf} onEdit={onEdit} onPassword={onPassword} />
            </>
          ) : (
            <Alert
              type="info"
              showIcon
              title="Người dùng này không có trong danh sách đang hiển thị; dưới đây là lịch sử thay đổi của tài khoản."
            />
          )}
          <div>
            <Typography.Title level={5}>Lịch sử thay đổi</Typography.Title>
            <EntityHistory entityType="user" entityId={userId} />
          </div>
        </Flex>
      )}
    </Drawer>
  );
}
