import { Button, Dropdown, Flex, type ButtonProps } from 'antd';
import {
  DownOutlined,
  EditOutlined,
  HistoryOutlined,
  KeyOutlined,
  LockOutlined,
  UnlockOutlined,
} from '@ant-design/icons';
import { useUserCommands } from './useUserCommands';
import type { OneTimePasswordInfo } from './OneTimePasswordModal';
import type { User } from '../../api/types';

interface Props {
  user: User;
  isSelf: boolean;
  onEdit: (u: User) => void;
  onPassword: (info: OneTimePasswordInfo) => void;
}

/** Full-size buttons, for the user drawer. */
export function UserActionButtons({ user, isSelf, onEdit, onPassword }: Props) {
  const cmd = useUserCommands(onPassword);
  return (
    <Flex wrap gap={8}>
      <Button icon={<EditOutlined />} onClick={() => onEdit(user)}>
        Sửa
      </Button>
      {!isSelf &&
        (user.active ? (
          <Button danger icon={<LockOutlined />} onClick={() => cmd.disable(user)}>
            Khóa
          </Button>
        ) : (
          <Button icon={<UnlockOutlined />} onClick={() => cmd.enable(user)}>
            Mở khóa
          </Button>
        ))}
      <Button icon={<KeyOutlined />} onClick={() => cmd.resetPassword(user)}>
        Đặt lại mật khẩu
      </Button>
    </Flex>
  );
}

/** Compact actions for a table row: edit, history, and the rest in a menu. */
export function UserRowActions({
  user,
  isSelf,
  onEdit,
  onPassword,
  onHistory,
}: Props & { onHistory: (u: User) => void }) {
  const cmd = useUserCommands(onPassword);
  return (
    <Flex gap={4} wrap={false}>
      <RowButton icon={<EditOutlined />} onClick={() => onEdit(user)}>
        Sửa
      </RowButton>
      <RowButton icon={<HistoryOutlined />} onClick={() => onHistory(user)}>
        Lịch sử
      </RowButton>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            ...(isSelf
              ? []
              : user.active
                ? [{ key: 'disable', icon: <LockOutlined />, label: 'Khóa tài khoản', danger: true }]
                : [{ key: 'enable', icon: <UnlockOutlined />, label: 'Mở khóa tài khoản' }]),
            { key: 'reset', icon: <KeyOutlined />, label: 'Đặt lại mật khẩu' },
          ],
          onClick: ({ key }) => {
            if (key === 'disable') cmd.disable(user);
            else if (key === 'enable') cmd.enable(user);
            else cmd.resetPassword(user);
          },
        }}
      >
        <RowButton aria-label={`Thao tác khác với ${user.username}`}>
          Khác <DownOutlined />
        </RowButton>
      </Dropdown>
    </Flex>
  );
}

/** A table row's action: a small link, close to its neighbours. */
function RowButton(props: ButtonProps) {
  return <Button size="small" type="link" style={{ paddingInline: 4 }} {...props} />;
}
