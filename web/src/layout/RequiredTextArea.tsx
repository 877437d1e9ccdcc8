import { Form, Input } from 'antd';
import { requiredText } from '../lib/validation';

/**
 * A required multi-line text field of at most `max` characters: its rules (`requiredText`) and the
 * box's own limit come from the same number.
 */
export function RequiredTextArea({
  name,
  label,
  message,
  max,
}: {
  name: string;
  label: string;
  /** What to say when it is left empty. */
  message: string;
  max: number;
}) {
  return (
    <Form.Item name={name} label={label} rules={requiredText(message, max)}>
      <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={max} />
    </Form.Item>
  );
}
