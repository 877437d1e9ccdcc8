import { useState } from 'react';
import { Alert, Button, Flex, Modal, Typography } from 'antd';
import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { copyText } from '../../lib/clipboard';

export interface OneTimePasswordInfo {
  username: string;
  fullName: string;
  password: string;
  /** Why it was issued: a new account or a reset. */
  reason: 'create' | 'reset';
}

/** Shows a one-time password exactly once; it is never retrievable again. */
export function OneTimePasswordModal({
  info,
  onClose,
}: {
  info: OneTimePasswordInfo | null;
  onClose: () => void;
}) {
  const [copied, setCopied] = useState<boolean | null>(null);
  const close = () => {
    setCopied(null);
    onClose();
  };
  return (
    <Modal
      title={info?.reason === 'reset' ? 'Đã đặt lại mật khẩu' : 'Đã tạo tài khoản'}
      open={!!info}
      onCancel={close}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={close}>
          Tôi đã ghi lại mật khẩu
        </Button>
      }
    >
      {info && (
        <Flex vertical gap={16}>
          <Typography.Text>
            Mật khẩu dùng một lần của <strong>{info.fullName}</strong> (tên đăng nhập{' '}
            <Typography.Text code>{info.username}</Typography.Text>):
          </Typography.Text>
          <Flex wrap align="center" gap={12}>
            <Typography.Text
              className="otp-value"
              data-testid="one-time-password"
              style={{
                fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
                fontSize: 22,
                letterSpacing: 1,
              }}
              strong
            >
              {info.password}
            </Typography.Text>
            <Button
              icon={copied ? <CheckOutlined /> : <CopyOutlined />}
              onClick={() => void copyText(info.password).then(setCopied)}
            >
              {copied ? 'Đã sao chép' : 'Sao chép'}
            </Button>
          </Flex>
          {copied === false && (
            <Alert
              type="warning"
              showIcon
              title="Trình duyệt không cho phép sao chép tự động; vui lòng chép thủ công."
            />
          )}
          <Alert
            type="warning"
            showIcon
            title="Mật khẩu này chỉ hiển thị một lần"
            description="Hãy chuyển cho người dùng qua kênh an toàn. Khi đăng nhập lần đầu, người dùng sẽ phải đổi sang mật khẩu mới."
          />
        </Flex>
      )}
    </Modal>
  );
}
