import { useState } from 'react';
import { Alert, Badge, Button, Drawer, Empty, Flex, Popover, Spin, Typography, theme } from 'antd';
import { BellOutlined, CheckOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useMarkRead, useNotifications } from './hooks';
import type { Notification } from './api';
import { errorMessage } from '../../api/client';
import { formatDateTime, fromNow } from '../../lib/format';
import { useIsPhone } from '../../lib/useMediaQuery';

function Item({ n, onOpen }: { n: Notification; onOpen: (n: Notification) => void }) {
  const { token } = theme.useToken();
  const unread = !n.readAt;
  const props = {
    onClick: () => onOpen(n),
    'data-testid': 'notification-item',
    'data-unread': unread ? 'true' : 'false',
    style: {
      display: 'flex',
      gap: 10,
      padding: '10px 12px',
      cursor: 'pointer',
      color: 'inherit',
      borderBottom: `1px solid ${token.colorBorderSecondary}`,
      background: unread ? '#f0f5ff' : undefined,
    },
  };
  const content = (
    <>
      <span
        aria-hidden="true"
        style={{
          flex: 'none',
          width: 8,
          height: 8,
          marginTop: 7,
          borderRadius: 4,
          background: unread ? token.colorPrimary : 'transparent',
        }}
      />
      <div style={{ minWidth: 0 }}>
        <Typography.Text strong={unread} style={{ display: 'block' }}>
          {n.title}
        </Typography.Text>
        <Typography.Paragraph
          type="secondary"
          ellipsis={{ rows: 3 }}
          style={{ margin: '2px 0', fontSize: 13, whiteSpace: 'pre-line' }}
        >
          {n.body}
        </Typography.Paragraph>
        <Typography.Text type="secondary" style={{ fontSize: 12 }} title={formatDateTime(n.createdAt)}>
          {fromNow(n.createdAt)}
        </Typography.Text>
      </div>
    </>
  );
  // A link to its thing (a report, a task, a period); clicking it also marks it read.
  if (n.link)
    return (
      <Link to={n.link} {...props}>
        {content}
      </Link>
    );
  return (
    <div
      role="button"
      tabIndex={0}
      {...props}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onOpen(n);
        }
      }}
    >
      {content}
    </div>
  );
}

/** The bell in the header: unread count, the latest notifications, each leading to its page. */
export function NotificationBell() {
  const q = useNotifications();
  const read = useMarkRead();
  const [open, setOpen] = useState(false);
  const phone = useIsPhone();
  const unread = q.data?.unread ?? 0;
  const items = q.data?.items ?? [];

  const onOpen = (n: Notification) => {
    setOpen(false);
    if (!n.readAt) read.mutate([n.id]);
  };

  const readAll = (
    <Button
      type="link"
      size="small"
      icon={<CheckOutlined />}
      disabled={!unread}
      loading={read.isPending && read.variables === undefined}
      onClick={() => read.mutate(undefined)}
      data-testid="notifications-read-all"
      style={{ paddingInline: 0 }}
    >
      Đánh dấu đã đọc tất cả
    </Button>
  );
  const title = `Thông báo${unread ? ` (${unread} chưa đọc)` : ''}`;
  const list = (
    <>
      {q.isPending ? (
        <Flex justify="center" style={{ padding: 24 }}>
          <Spin />
        </Flex>
      ) : q.isError ? (
        <Alert type="error" showIcon title={errorMessage(q.error)} style={{ margin: 12 }} />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có thông báo" style={{ padding: 16 }} />
      ) : (
        items.map((n) => <Item key={n.id} n={n} onOpen={onOpen} />)
      )}
    </>
  );

  const bell = (
    <Button
      type="text"
      aria-label={unread ? `Thông báo, ${unread} chưa đọc` : 'Thông báo'}
      data-testid="notification-bell"
      style={{ paddingInline: 8 }}
      onClick={phone ? () => setOpen(true) : undefined}
    >
      <Badge count={unread} size="small" overflowCount={99} data-testid="notification-count">
        <BellOutlined style={{ fontSize: 18 }} />
      </Badge>
    </Button>
  );

  // A phone has no room for a popover beside the bell: the list takes the screen.
  if (phone)
    return (
      <>
        {bell}
        <Drawer
          open={open}
          onClose={() => setOpen(false)}
          placement="right"
          size={window.innerWidth}
          title="Thông báo"
          extra={readAll}
          styles={{ body: { padding: 0 } }}
        >
          <div data-testid="notification-list">{list}</div>
        </Drawer>
      </>
    );

  const content = (
    <div style={{ width: 380 }} data-testid="notification-list">
      <Flex
        justify="space-between"
        align="center"
        gap={8}
        style={{ padding: '8px 12px', borderBottom: '1px solid rgba(5, 5, 5, 0.06)' }}
      >
        <Typography.Text strong>{title}</Typography.Text>
        {readAll}
      </Flex>
      <div style={{ maxHeight: 'min(440px, 70vh)', overflowY: 'auto' }}>{list}</div>
    </div>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      content={content}
      styles={{ container: { padding: 0 } }}
      arrow={false}
    >
      {bell}
    </Popover>
  );
}
