import type { ReactNode } from 'react';
import { Form, type FormInstance, type FormProps } from 'antd';
import { FormAlerts } from './ConflictAlert';

/**
 * The form of a versioned edit (see `useVersionedSave`): laid out vertically, with the saver's form
 * and first values, and the reload notice after a version conflict and the save's error above its
 * fields.
 */
export function VersionedForm<V>({
  saver,
  children,
  ...props
}: Omit<FormProps<V>, 'layout' | 'children' | 'form' | 'initialValues'> & {
  saver: {
    conflict: string | null;
    error: unknown;
    form?: FormInstance<V>;
    initialValues?: FormProps<V>['initialValues'];
  };
  children: ReactNode;
}) {
  return (
    <Form<V> layout="vertical" form={saver.form} initialValues={saver.initialValues} {...props}>
      <FormAlerts conflict={saver.conflict} error={saver.error} />
      {children}
    </Form>
  );
}
