import type { ComponentProps } from 'react';
import { Typography } from 'antd';

/** A paragraph cut to `rows` lines, with "Xem thêm" to open it and "Thu gọn" to close it again. */
export function ExpandableText({
  rows,
  style,
  ...props
}: Omit<ComponentProps<typeof Typography.Paragraph>, 'ellipsis'> & { rows: number }) {
  return (
    <Typography.Paragraph
      ellipsis={{ rows, expandable: 'collapsible', symbol: (open) => (open ? 'Thu gọn' : 'Xem thêm') }}
      style={{ margin: 0, ...style }}
      {...props}
    />
  );
}
