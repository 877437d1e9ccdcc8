import { Alert, Button, Form, Input, Typography } from 'antd';
import { ApiErrorAlert } from '../../layout/ApiErrorAlert';
import { useChangePassword } from './hooks';
import { checkRule } from '../../lib/validation';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export const PASSWORD_RULE_TEXT =
  'Mật khẩu mới dài ít nhất 10 ký tự, gồm cả chữ và số, và khác mật khẩu hiện tại.';

export function ChangePasswordForm({
  onDone,
  currentLabel = 'Mật khẩu hiện tại',
}: {
  onDone?: () => void;
  currentLabel?: string;
}) {
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();

  const onFinish = (v: Values) => {
    change.mutate(
      { currentPassword: v.currentPassword, newPassword: v.newPassword },
      {
        onSuccess: () => {
          form.resetFields();
          onDone?.();
        },
      },
    );
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={onFinish}
      requiredMark={false}
      disabled={change.isPending}
      onValuesChange={() => change.isError && change.reset()}
    >
      {change.isError && <ApiErrorAlert error={change.error} />}
      {change.isSuccess && (
        <Alert type="success" showIcon title="Đã đổi mật khẩu" style={{ marginBottom: 16 }} role="status" />
      )}
      <Form.Item
        label={currentLabel}
        name="currentPassword"
        rules={[{ required: true, message: 'Vui lòng nhập mật khẩu hiện tại' }]}
      >
        <Input.Password name="currentPassword" autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        label="Mật khẩu mới"
        name="newPassword"
        extra={PASSWORD_RULE_TEXT}
        rules={[
          { required: true, message: 'Vui lòng nhập mật khẩu mới' },
          { min: 10, message: 'Mật khẩu mới phải dài ít nhất 10 ký tự' },
          checkRule(
            (value: string | undefined) => !value || (/\p{L}/u.test(value) && /\p{Nd}/u.test(value)),
            'Mật khẩu mới phải có cả chữ và số',
          ),
        ]}
      >
        <Input.Password name="newPassword" autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label="Nhập lại mật khẩu mới"
        name="confirm"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: 'Vui lòng nhập lại mật khẩu mới' },
          ({ getFieldValue }) =>
            checkRule(
              (value: string | undefined) => !value || value === getFieldValue('newPassword'),
              'Hai lần nhập mật khẩu mới không khớp',
            ),
        ]}
      >
        <Input.Password name="confirm" autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending}>
        Đổi mật khẩu
      </Button>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 13 }}>
        Không chia sẻ mật khẩu với người khác. Quản trị hệ thống không bao giờ hỏi mật khẩu của bạn.
      </Typography.Paragraph>
    </Form>
  );
}
