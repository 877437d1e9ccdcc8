import { Input } from 'antd';
import type { TextAreaProps } from 'antd/es/input';

/** Characters as the server's schema counts them (code points, not UTF-16 units). */
const codePoints = (s: string) => [...s].length;

/**
 * A text area that shows how many of its `max` characters are used and never cuts what is typed or
 * pasted: past the limit the count and the box turn red, and the form refuses to save (its own
 * check says so), instead of the text being silently shortened.
 */
export function CountedTextArea({
  max,
  value,
  status,
  ...props
}: Omit<TextAreaProps, 'maxLength' | 'showCount' | 'count' | 'value'> & { max: number; value: string }) {
  const over = codePoints(value) > max;
  return (
    <Input.TextArea
      {...props}
      value={value}
      count={{
        show: ({ count }) => `${count.toLocaleString('vi-VN')} / ${max.toLocaleString('vi-VN')}`,
        max,
        strategy: codePoints,
      }}
      status={over ? 'error' : status}
      aria-invalid={over || undefined}
    />
  );
}
