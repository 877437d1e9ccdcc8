import type { ReactNode } from 'react';
import { Form, type FormInstance, type FormProps } from 'antd';
import { FormAlerts } from './ConflictAlert';

/** What a SaveForm shows and fills from its saver (`useVersionedSave`, `createSave`). */
export interface FormSaver<V> {
  conflict: string | null;
  error: unknown;
  form?: FormInstance<V>;
  initialValues?: FormProps<V>['initialValues'];
}

/**
 * A form that saves: laid out vertically, with the saver's form and first values (`initialValues`
 * given here wins), and above its fields the reload notice after a version conflict and the save's
 * error (unless shown on a field).
 */
export function SaveForm<V>({
  saver,
  children,
  ...props
}: Omit<FormProps<V>, 'layout' | 'children' | 'form'> & { saver: FormSaver<V>; children: ReactNode }) {
  return (
    <Form<V> layout="vertical" form={saver.form} initialValues={saver.initialValues} {...props}>
      <FormAlerts conflict={saver.conflict} error={saver.error} />
      {children}
    </Form>
  );
}
