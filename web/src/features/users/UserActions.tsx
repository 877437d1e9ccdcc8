import { App, Button, Popconfirm } from 'antd';
import { EditOutlined, KeyOutlined, LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { useResetUserPassword, useSetUserActive } from './hooks';
import { errorMessage } from '../../api/client';
import type { User } from '../../api/types';
import type { OneTimePasswordInfo } from './OneTimePasswordModal';

/** Edit, disable/enable and reset-password buttons for one user. */
export function UserActions({
  user,
  isSelf,
  onEdit,
  onPassword,
  size = 'small',
  variant = 'link',
}: {
  user: User;
  isSelf: boolean;
  onEdit: (u: User) => void;
  onPassword: (info: OneTimePasswordInfo) => void;
  size?: 'small' | 'middle';
  variant?: 'link' | 'default';
}) {
  const setActive = useSetUserActive();
  const reset = useResetUserPassword();
  const { message } = App.useApp();
  const type = variant === 'link' ? 'link' : 'default';
  const pad = variant === 'link' ? { paddingInline: 4 } : undefined;

  return (
    <>
      <Button type={type} size={size} style={pad} icon={<EditOutlined />} onClick={() => onEdit(user)}>
        Sửa
      </Button>
      {!isSelf &&
        (user.active ? (
          <Popconfirm
            title="Khóa tài khoản này?"
            description={`${user.fullName} sẽ không đăng nhập được và bị đăng xuất khỏi mọi phiên.`}
            okText="Khóa"
            cancelText="Hủy"
            okButtonProps={{ danger: true }}
            onConfirm={() =>
              setActive.mutateAsync({ id: user.id, active: false }).then(
                () => void message.success(`Đã khóa tài khoản ${user.username}`),
                (e: unknown) => void message.error(errorMessage(e)),
              )
            }
          >
            <Button type={type} size={size} style={pad} danger icon={<LockOutlined />} loading={setActive.isPending}>
              Khóa
            </Button>
          </Popconfirm>
        ) : (
          <Popconfirm
            title="Mở khóa tài khoản này?"
            okText="Mở khóa"
            cancelText="Hủy"
            onConfirm={() =>
              setActive.mutateAsync({ id: user.id, active: true }).then(
                () => void message.success(`Đã mở khóa tài khoản ${user.username}`),
                (e: unknown) => void message.error(errorMessage(e)),
              )
            }
          >
            <Button type={type} size={size} style={pad} icon={<UnlockOutlined />} loading={setActive.isPending}>
              Mở khóa
            </Button>
          </Popconfirm>
        ))}
      <Popconfirm
        title="Đặt lại mật khẩu?"
        description="Mật khẩu hiện tại sẽ hết hiệu lực; một mật khẩu dùng một lần sẽ được tạo."
        okText="Đặt lại"
        cancelText="Hủy"
        onConfirm={() =>
          reset.mutateAsync(user.id).then(
            (r) => onPassword({ username: user.username, fullName: user.fullName, password: r.oneTimePassword, reason: 'reset' }),
            (e: unknown) => void message.error(errorMessage(e)),
          )
        }
      >
        <Button type={type} size={size} style={pad} icon={<KeyOutlined />} loading={reset.isPending}>
          Đặt lại mật khẩu
        </Button>
      </Popconfirm>
    </>
  );
}
