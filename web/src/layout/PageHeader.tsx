import { useEffect } from 'react';
import { Flex, Typography } from 'antd';
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
