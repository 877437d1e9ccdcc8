import { useEffect, type ReactNode } from 'react';
import { Button, Flex, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { APP_NAME } from './Brand';

/** Sets the browser tab title to "<title> — Thực thi". */
export function useDocumentTitle(title: string | undefined) {
  useEffect(() => {
    if (title) document.title = `${title} — ${APP_NAME}`;
  }, [title]);
}

/** A page title with an optional subtitle and actions on the right (stacked on a phone). */
export function PageHeader({
  title,
  subTitle,
  extra,
}: {
  title: React.ReactNode;
  subTitle?: React.ReactNode;
  extra?: React.ReactNode;
}) {
  useDocumentTitle(typeof title === 'string' ? title : undefined);
  return (
    <Flex wrap justify="space-between" align="flex-start" gap={12} style={{ marginBottom: 16 }}>
      <div style={{ minWidth: 0 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {subTitle && (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
            {subTitle}
          </Typography.Text>
        )}
      </div>
      {extra && (
        <Flex wrap gap={8}>
          {extra}
        </Flex>
      )}
    </Flex>
  );
}

/** "← …" above a page's title: goes to `to`, or does `onClick`. */
export function BackLink({
  to,
  onClick,
  children,
}: {
  to?: string;
  onClick?: () => void;
  children: ReactNode;
}) {
  const navigate = useNavigate();
  return (
    <Button
      type="link"
      icon={<ArrowLeftOutlined />}
      onClick={onClick ?? (() => to && navigate(to))}
      style={{ paddingInline: 0, marginBottom: 8 }}
    >
      {children}
    </Button>
  );
}
