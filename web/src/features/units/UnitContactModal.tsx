import { Form, Input } from 'antd';
import { useUnit, useUpdateUnitContact } from './hooks';
import { ADDRESS_RULES, EMAIL_RULES, PHONE_RULES } from '../../lib/validation';
import { SaveForm } from '../../layout/SaveForm';
import { useVersionedSave, type VersionedFormProps } from '../../layout/useVersionedSave';
import { QuerySaveModal } from '../../layout/SaveModal';
import { saveModalProps } from '../../layout/saveModalProps';
import type { UnitContactPatch } from './api';
import type { Unit } from '../../api/types';
import { emptyToNull } from '../../lib/format';

interface Values {
  email?: string | null;
  phone?: string | null;
  address?: string | null;
}

const toValues = (u: Unit): Values => ({ email: u.email, phone: u.phone, address: u.address });

function ContactForm(props: VersionedFormProps<Unit, ReturnType<typeof useUpdateUnitContact>>) {
  const [form] = Form.useForm<Values>();
  const saver = useVersionedSave({ ...props, form, toValues });

  const onFinish = (v: Values) => {
    const { base } = saver;
    const next = {
      email: emptyToNull(v.email),
      phone: emptyToNull(v.phone),
      address: emptyToNull(v.address),
    };
    const patch: UnitContactPatch = { version: base.version };
    (Object.keys(next) as (keyof typeof next)[]).forEach((k) => {
      if (next[k] !== base[k]) patch[k] = next[k];
    });
    if (Object.keys(patch).length === 1) return saver.unchanged();
    saver.saveAndClose({ id: base.id, patch }, 'Đã cập nhật thông tin liên hệ');
  };

  return (
    <SaveForm<Values> id="unit-contact-form" onFinish={onFinish} saver={saver}>
      <UnitContactFields autoFill />
    </SaveForm>
  );
}

/**
 * A unit's e-mail, phone and address fields. `autoFill` lets the browser offer its saved contact
 * details; otherwise it is told not to (an administrator filling in another unit's form).
 */
export function UnitContactFields({ autoFill = false }: { autoFill?: boolean }) {
  return (
    <>
      <Form.Item label="Thư điện tử" name="email" rules={EMAIL_RULES}>
        <Input type="email" autoComplete={autoFill ? 'email' : 'off'} />
      </Form.Item>
      <Form.Item label="Điện thoại" name="phone" rules={PHONE_RULES}>
        <Input type="tel" autoComplete={autoFill ? 'tel' : 'off'} />
      </Form.Item>
      <Form.Item label="Địa chỉ" name="address" rules={ADDRESS_RULES}>
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 4 }}
          autoComplete={autoFill ? 'street-address' : undefined}
        />
      </Form.Item>
    </>
  );
}

/** Edits a unit's contact details (administrators, or the unit's own focal point). */
export function UnitContactModal({ unitId, onClose }: { unitId: string | null; onClose: () => void }) {
  const unit = useUnit(unitId ?? undefined);
  const update = useUpdateUnitContact();
  const modal = saveModalProps(update, onClose);
  return (
    <QuerySaveModal
      title="Sửa thông tin liên hệ"
      open={!!unitId}
      formId="unit-contact-form"
      query={unit}
      {...modal}
    >
      {(u, reload) => (
        <ContactForm key={u.id} record={u} mutation={update} reload={reload} onClose={modal.onClose} />
      )}
    </QuerySaveModal>
  );
}
