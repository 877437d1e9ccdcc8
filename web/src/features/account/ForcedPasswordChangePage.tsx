import { App, Alert, Button, Card, Typography } from 'antd';
import { Navigate, useNavigate } from 'react-router';
import { AuthShell } from '../../layout/Brand';
import { useDocumentTitle } from '../../layout/PageHeader';
import { useLogout, useMe } from '../auth/hooks';
import { ChangePasswordForm } from './ChangePasswordForm';

/** Shown before anything else while the user still has a one-time password. */
export default function ForcedPasswordChangePage() {
  const me = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const { message } = App.useApp();
  useDocumentTitle('Đổi mật khẩu');

  if (!me.mustChangePassword) return <Navigate to="/" replace />;

  return (
    <AuthShell>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          Đổi mật khẩu
        </Typography.Title>
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`Xin chào ${me.fullName}`}
          description="Bạn đang dùng mật khẩu dùng một lần. Vui lòng đặt mật khẩu mới trước khi tiếp tục sử dụng hệ thống."
        />
        <ChangePasswordForm
          currentLabel="Mật khẩu dùng một lần (hiện tại)"
          onDone={() => {
            message.success('Đã đổi mật khẩu. Chào mừng bạn đến với hệ thống.');
            navigate('/', { replace: true });
          }}
        />
        <Button
          type="link"
          style={{ paddingInline: 0, marginTop: 8 }}
          loading={logout.isPending}
          onClick={() =>
            logout.mutate(undefined, { onSettled: () => navigate('/dang-nhap', { replace: true }) })
          }
        >
          Đăng xuất
        </Button>
      </Card>
    </AuthShell>
  );
}
