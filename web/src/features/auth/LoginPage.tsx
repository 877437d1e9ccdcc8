import { Button, Card, Form, Input, Typography } from 'antd';
import { GlobalOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { AuthShell } from '../../layout/Brand';
import { useDocumentTitle } from '../../layout/PageHeader';
import { ApiErrorAlert } from '../../layout/ApiErrorAlert';
import { useLogin, useMeQuery } from './hooks';
import type { LoginInput } from './api';
import { PORTAL_URL } from '../portal/api';

/** Where to go after login: the page the user was sent away from, if it is one of ours. */
function safeNext(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && from !== '/dang-nhap'
    ? from
    : '/';
}

export default function LoginPage() {
  const me = useMeQuery();
  const login = useLogin();
  const navigate = useNavigate();
  const location = useLocation();
  const next = safeNext(location.state);
  useDocumentTitle('Đăng nhập');

  if (me.data) return <Navigate to={me.data.mustChangePassword ? '/tai-khoan/doi-mat-khau' : next} replace />;

  const onFinish = (values: LoginInput) => {
    login.mutate(
      { username: values.username.trim(), password: values.password },
      {
        onSuccess: (user) =>
          navigate(user.mustChangePassword ? '/tai-khoan/doi-mat-khau' : next, { replace: true }),
      },
    );
  };

  return (
    <AuthShell>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          Đăng nhập
        </Typography.Title>
        {login.isError && <ApiErrorAlert error={login.error} />}
        <Form<LoginInput>
          layout="vertical"
          onFinish={onFinish}
          requiredMark={false}
          disabled={login.isPending}
        >
          <Form.Item
            label="Tên đăng nhập"
            name="username"
            rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập tên đăng nhập' }]}
          >
            <Input
              name="username"
              prefix={<UserOutlined />}
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              autoFocus
              size="large"
            />
          </Form.Item>
          <Form.Item
            label="Mật khẩu"
            name="password"
            rules={[{ required: true, message: 'Vui lòng nhập mật khẩu' }]}
          >
            <Input.Password
              name="password"
              prefix={<LockOutlined />}
              autoComplete="current-password"
              size="large"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
            Đăng nhập
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 13 }}>
          Quên mật khẩu? Vui lòng liên hệ quản trị hệ thống để được cấp lại mật khẩu dùng một lần.
        </Typography.Paragraph>
      </Card>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
        <GlobalOutlined />{' '}
        <a href={PORTAL_URL} data-testid="login-portal-link">
          Cổng công khai
        </a>
        <Typography.Text type="secondary">
          : chương trình, tiến độ đã được duyệt và báo cáo đã công bố, không cần đăng nhập
        </Typography.Text>
      </Typography.Paragraph>
    </AuthShell>
  );
}
