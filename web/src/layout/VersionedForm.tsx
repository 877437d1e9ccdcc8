import type { ReactNode } from 'react';
import { Form, type FormProps } from 'antd';
import { FormAlerts } from './ConflictAlert';

/**
 * The form of a versioned edit (see `useVersionedSave`): laid out vertically, with the reload notice
 * after a version conflict and the save's error above its fields.
 */
export function VersionedForm<V>({
  saver,
  children,
  ...props
}: Omit<FormProps<V>, 'layout' | 'children'> & {
  saver: { conflict: string | null; error: unknown };
  children: ReactNode;
}) {
  return (
    <Form<V> layout="vertical" {...props}>
      <FormAlerts conflict={saver.conflict} error={saver.error} />
      {children}
    </Form>
  );
}
