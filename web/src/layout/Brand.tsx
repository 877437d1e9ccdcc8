import { Flex, Typography } from 'antd';

export const APP_NAME = 'Thực thi';
export const APP_TAGLINE = 'Theo dõi thực hiện Chương trình hành động';

export function BrandMark({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="12" fill="#a8071a" />
      <path
        d="M32 12l5.9 12.1 13.3 1.9-9.6 9.4 2.3 13.2L32 42.4l-11.9 6.2 2.3-13.2-9.6-9.4 13.3-1.9z"
        fill="#fadb14"
      />
    </svg>
  );
}

/** The centred card used by the login page and the forced password change. */
export function AuthShell({ children }: { children: React.ReactNode }) {
  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{
        minHeight: '100vh',
        padding: '24px 16px',
        background: 'linear-gradient(180deg, #f0f5ff 0%, #f5f5f5 60%)',
      }}
    >
      <Flex vertical align="center" gap={8} style={{ marginBottom: 24, textAlign: 'center' }}>
        <BrandMark size={56} />
        <Typography.Title level={3} style={{ margin: 0 }}>
          {APP_NAME}
        </Typography.Title>
        <Typography.Text type="secondary">{APP_TAGLINE}</Typography.Text>
      </Flex>
      <div style={{ width: '100%', maxWidth: 420 }}>{children}</div>
    </Flex>
  );
}
