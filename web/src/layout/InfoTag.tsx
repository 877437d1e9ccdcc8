import { Tag, type TagProps } from 'antd';
import type { TagInfo } from '../lib/tagInfo';

/** A status (or kind) as a coloured tag, from its `{ label, color }` in a labels table. */
export function InfoTag({ info, ...props }: { info: TagInfo } & Omit<TagProps, 'color' | 'children'>) {
  return (
    <Tag color={info.color} {...props}>
      {info.label}
    </Tag>
  );
}
