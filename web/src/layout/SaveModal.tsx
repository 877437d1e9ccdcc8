import type { ReactNode } from 'react';
import { Modal } from 'antd';

/** A modal around a form that saves: "Lưu" submits the form `formId`, "Hủy" closes. */
export function SaveModal({
  title,
  open,
  formId,
  saving,
  disabled,
  onClose,
  children,
}: {
  title: string;
  open: boolean;
  formId: string;
  saving: boolean;
  disabled?: boolean;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Modal
      title={title}
      open={open}
      onCancel={onClose}
      okText="Lưu"
      cancelText="Hủy"
      okButtonProps={{ htmlType: 'submit', form: formId, disabled }}
      confirmLoading={saving}
      destroyOnHidden
    >
      {children}
    </Modal>
  );
}
