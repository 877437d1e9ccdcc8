import { Suspense, useState } from 'react';
import { Avatar, Button, Drawer, Dropdown, Flex, Layout, Menu, Tag, Typography, theme } from 'antd';
import type { MenuProps } from 'antd';
import {
  LogoutOutlined,
  MenuFoldOutlined,
  MenuOutlined,
  MenuUnfoldOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { NAV_GROUPS, selectedNavKey, type NavItem } from './navigation';
import { APP_NAME, BrandMark } from './Brand';
import { PageSpin } from './FullPageSpin';
import { useLogout, useMe } from '../features/auth/hooks';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { roleLabel } from '../lib/format';
import { useIsPhone } from '../lib/useMediaQuery';
import type { Me } from '../api/types';

const SIDER_WIDTH = 248;
const COLLAPSED_KEY = 'thucthi.sider.collapsed';

function navItems(me: Me, items: NavItem[]) {
  return items
    .filter((i) => !i.visible || i.visible(me))
    .map((i) => ({
      key: i.path,
      icon: i.icon,
      label: i.label,
      title: i.comingSoon ? `${i.label} (sắp có)` : i.label,
      className: i.comingSoon ? 'nav-item-soon' : undefined,
    }));
}

/** Grouped items; a collapsed menu has no room for group titles, so dividers separate the groups. */
function menuItems(me: Me, collapsed: boolean): MenuProps['items'] {
  if (collapsed) {
    return NAV_GROUPS.flatMap((g, i) => [
      ...(i > 0 ? [{ type: 'divider' as const, key: `divider-${g.key}` }] : []),
      ...navItems(me, g.items),
    ]);
  }
  return NAV_GROUPS.map((g) => ({
    type: 'group' as const,
    key: g.key,
    label: g.comingSoon ? (
      <span className="nav-group-label">
        {g.label}
        <Tag className="nav-soon">Sắp có</Tag>
      </span>
    ) : (
      g.label
    ),
    children: navItems(me, g.items),
  }));
}

function Navigation({
  me,
  collapsed = false,
  onNavigate,
}: {
  me: Me;
  collapsed?: boolean;
  onNavigate?: () => void;
}) {
  const location = useLocation();
  const navigate = useNavigate();
  const key = selectedNavKey(location.pathname);
  return (
    <Menu
      mode="inline"
      selectedKeys={key ? [key] : []}
      items={menuItems(me, collapsed)}
      onClick={({ key: path }) => {
        // The public portal is the server's own pages, not the app's.
        if (NAV_GROUPS.some((g) => g.items.some((i) => i.path === path && i.external))) {
          window.location.assign(path);
          return;
        }
        navigate(path);
        onNavigate?.();
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}

function Brand({ compact }: { compact?: boolean }) {
  return (
    <Flex
      align="center"
      gap={10}
      style={{ height: 64, paddingInline: compact ? 16 : 20, overflow: 'hidden' }}
    >
      <BrandMark size={32} />
      {!compact && (
        <Flex vertical style={{ lineHeight: 1.2, minWidth: 0 }}>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {APP_NAME}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 11 }} ellipsis>
            Chương trình hành động
          </Typography.Text>
        </Flex>
      )}
    </Flex>
  );
}

function UserMenu({ me, phone }: { me: Me; phone: boolean }) {
  const logout = useLogout();
  const navigate = useNavigate();
  const doLogout = () =>
    logout.mutate(undefined, { onSettled: () => navigate('/dang-nhap', { replace: true }) });

  if (!phone) {
    return (
      <Flex align="center" gap={12} style={{ minWidth: 0 }}>
        <Flex vertical align="end" style={{ lineHeight: 1.25, minWidth: 0 }}>
          <Typography.Text strong ellipsis style={{ maxWidth: 260 }} data-testid="user-full-name">
            {me.fullName}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
            {roleLabel(me.role)}
            {me.unitName ? ` · ${me.unitName}` : ''}
          </Typography.Text>
        </Flex>
        <Button icon={<LogoutOutlined />} onClick={doLogout} loading={logout.isPending}>
          Đăng xuất
        </Button>
      </Flex>
    );
  }

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          {
            key: 'who',
            disabled: true,
            label: (
              <Flex vertical style={{ lineHeight: 1.3 }}>
                <Typography.Text strong>{me.fullName}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {roleLabel(me.role)}
                </Typography.Text>
              </Flex>
            ),
          },
          { type: 'divider' },
          { key: 'account', icon: <UserOutlined />, label: 'Tài khoản' },
          { key: 'logout', icon: <LogoutOutlined />, label: 'Đăng xuất', danger: true },
        ],
        onClick: ({ key }) => (key === 'logout' ? doLogout() : navigate('/tai-khoan')),
      }}
    >
      <Button type="text" aria-label="Tài khoản và đăng xuất" style={{ paddingInline: 4 }}>
        <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1a56a8' }} />
      </Button>
    </Dropdown>
  );
}

export function AppLayout() {
  const me = useMe();
  const phone = useIsPhone();
  const { token } = theme.useToken();
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(COLLAPSED_KEY) === '1');
  const [drawerOpen, setDrawerOpen] = useState(false);

  const toggle = () => {
    setCollapsed((c) => {
      localStorage.setItem(COLLAPSED_KEY, c ? '0' : '1');
      return !c;
    });
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!phone && (
        <Layout.Sider
          width={SIDER_WIDTH}
          collapsedWidth={64}
          collapsible
          collapsed={collapsed}
          trigger={null}
          theme="light"
          style={{
            borderInlineEnd: `1px solid ${token.colorBorderSecondary}`,
            position: 'sticky',
            top: 0,
            height: '100vh',
            overflow: 'auto',
          }}
        >
          <Brand compact={collapsed} />
          <Navigation me={me} collapsed={collapsed} />
        </Layout.Sider>
      )}
      {phone && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={Math.min(300, window.innerWidth - 40)}
          closable={false}
          styles={{ body: { padding: 0 } }}
          title={null}
        >
          <Brand />
          <Navigation me={me} onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      )}
      <Layout>
        <Layout.Header
          style={{
            position: 'sticky',
            top: 0,
            zIndex: 10,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 12,
            paddingInline: phone ? 8 : 16,
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <Flex align="center" gap={8} style={{ minWidth: 0 }}>
            {phone ? (
              <>
                <Button
                  type="text"
                  icon={<MenuOutlined />}
                  onClick={() => setDrawerOpen(true)}
                  aria-label="Mở menu"
                  data-testid="open-menu"
                />
                <BrandMark size={28} />
                <Typography.Text strong style={{ fontSize: 16 }}>
                  {APP_NAME}
                </Typography.Text>
              </>
            ) : (
              <Button
                type="text"
                icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
                onClick={toggle}
                aria-label={collapsed ? 'Mở rộng menu' : 'Thu gọn menu'}
              />
            )}
          </Flex>
          <Flex align="center" gap={phone ? 0 : 8} style={{ minWidth: 0 }}>
            <NotificationBell />
            <UserMenu me={me} phone={phone} />
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: phone ? 12 : 24, minWidth: 0 }}>
          <Suspense fallback={<PageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
        <Layout.Footer
          style={{ textAlign: 'center', padding: '12px 16px', fontSize: 12, color: token.colorTextSecondary }}
        >
          {APP_NAME} — Hệ thống theo dõi thực hiện Chương trình hành động
        </Layout.Footer>
      </Layout>
    </Layout>
  );
}
