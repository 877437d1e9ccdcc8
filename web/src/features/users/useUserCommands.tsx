import { App } from 'antd';
import { useResetUserPassword, useSetUserActive } from './hooks';
import { errorMessage } from '../../api/client';
import type { User } from '../../api/types';
import type { OneTimePasswordInfo } from './OneTimePasswordModal';

/** Disable, enable and reset-password, each behind a confirmation dialog. */
export function useUserCommands(onPassword: (info: OneTimePasswordInfo) => void) {
  const setActive = useSetUserActive();
  const reset = useResetUserPassword();
  const { modal, message } = App.useApp();

  const run = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return {
    disable: (u: User) =>
      modal.confirm({
        title: `Khóa tài khoản ${u.username}?`,
        content: `${u.fullName} sẽ không đăng nhập được nữa và bị đăng xuất khỏi mọi phiên đang mở.`,
        okText: 'Khóa tài khoản',
        okButtonProps: { danger: true },
        cancelText: 'Hủy',
        onOk: () =>
          run(
            setActive
              .mutateAsync({ id: u.id, active: false })
              .then(() => message.success(`Đã khóa tài khoản ${u.username}`)),
          ),
      }),
    enable: (u: User) =>
      modal.confirm({
        title: `Mở khóa tài khoản ${u.username}?`,
        content: `${u.fullName} sẽ đăng nhập lại được bằng mật khẩu hiện có.`,
        okText: 'Mở khóa',
        cancelText: 'Hủy',
        onOk: () =>
          run(
            setActive
              .mutateAsync({ id: u.id, active: true })
              .then(() => message.success(`Đã mở khóa tài khoản ${u.username}`)),
          ),
      }),
    resetPassword: (u: User) =>
      modal.confirm({
        title: `Đặt lại mật khẩu cho ${u.username}?`,
        content:
          'Mật khẩu hiện tại sẽ hết hiệu lực và mọi phiên đăng nhập bị đóng. Một mật khẩu dùng một lần sẽ được tạo và chỉ hiển thị một lần.',
        okText: 'Đặt lại mật khẩu',
        cancelText: 'Hủy',
        onOk: () =>
          run(
            reset.mutateAsync(u.id).then((r) =>
              onPassword({
                username: u.username,
                fullName: u.fullName,
                password: r.oneTimePassword,
                reason: 'reset',
              }),
            ),
          ),
      }),
  };
}
