import type { ReactNode } from 'react';
import { Modal } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { ApiErrorAlert } from './ApiErrorAlert';
import { PageSpin } from './FullPageSpin';

interface SaveModalProps {
  title: string;
  open: boolean;
  formId: string;
  saving: boolean;
  disabled?: boolean;
  okText?: string;
  /** `data-testid` of the OK button. */
  okTestId?: string;
  width?: number;
  onClose: () => void;
  children: ReactNode;
}

/** A modal around a form that saves: the OK button ("Lưu") submits the form `formId`, "Hủy" closes. */
export function SaveModal({
  title,
  open,
  formId,
  saving,
  disabled,
  okText = 'Lưu',
  okTestId,
  width,
  onClose,
  children,
}: SaveModalProps) {
  return (
    <Modal
      title={title}
      open={open}
      onCancel={onClose}
      okText={okText}
      cancelText="Hủy"
      okButtonProps={{
        htmlType: 'submit',
        form: formId,
        disabled,
        ...(okTestId ? { 'data-testid': okTestId } : {}),
      }}
      confirmLoading={saving}
      destroyOnHidden
      width={width}
    >
      {children}
    </Modal>
  );
}

/**
 * A SaveModal whose form edits a record it loads (again) on opening, so the `version` sent is
 * current: a spinner (and no "Lưu") until the fresh copy is in, an error if it cannot be loaded.
 */
export function QuerySaveModal<T>({
  query,
  children,
  ...modal
}: Omit<SaveModalProps, 'children' | 'disabled'> & {
  query: UseQueryResult<T>;
  children: (record: T, reload: () => Promise<T | undefined>) => ReactNode;
}) {
  const loading = !query.data || (query.isFetching && !query.isFetchedAfterMount);
  return (
    <SaveModal {...modal} disabled={loading}>
      {query.isError && !query.data ? (
        <ApiErrorAlert error={query.error} />
      ) : loading || !query.data ? (
        <PageSpin />
      ) : (
        children(query.data, async () => (await query.refetch()).data)
      )}
    </SaveModal>
  );
}
