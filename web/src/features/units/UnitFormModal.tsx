import { App, Form, Input, Select, Switch } from 'antd';
import { useCreateUnit, useUnit, useUpdateUnit } from './hooks';
import { UnitSelect } from './UnitSelect';
import { UnitContactFields } from './UnitContactModal';
import type { UnitInput, UnitPatch } from './api';
import type { Unit, UnitKind } from '../../api/types';
import { UNIT_KINDS, UNIT_KIND_LABELS } from '../../shared/domain';
import { emptyToNull } from '../../lib/format';
import { maxRule, requiredText } from '../../lib/validation';
import { SaveForm } from '../../layout/SaveForm';
import {
  createSave,
  useVersionedSave,
  type FieldErrors,
  type VersionedFormProps,
} from '../../layout/useVersionedSave';
import { QuerySaveModal, SaveModal } from '../../layout/SaveModal';
import { saveModalProps } from '../../layout/saveModalProps';
import { LIMITS, UNIT_CODE_PATTERN } from '../../shared/limits';

interface Values {
  code: string;
  name: string;
  shortName?: string | null;
  kind?: UnitKind;
  parentId?: string | null;
  active: boolean;
  email?: string | null;
  phone?: string | null;
  address?: string | null;
}

const CODE_RE = new RegExp(UNIT_CODE_PATTERN);

export const KIND_OPTIONS = UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k].vi }));

function toValues(u: Unit): Values {
  return {
    code: u.code,
    name: u.name,
    shortName: u.shortName,
    kind: u.kind,
    parentId: u.parentId,
    active: u.active,
    email: u.email,
    phone: u.phone,
    address: u.address,
  };
}

function toInput(v: Values): UnitInput {
  return {
    code: v.code.trim(),
    name: v.name.trim(),
    shortName: emptyToNull(v.shortName),
    kind: v.kind!,
    parentId: v.parentId ?? null,
    active: v.active,
    email: emptyToNull(v.email),
    phone: emptyToNull(v.phone),
    address: emptyToNull(v.address),
  };
}

/** The fields of `next` that differ from `base`. */
function diff(base: Unit, next: UnitInput): Partial<UnitInput> {
  const out: Partial<UnitInput> = {};
  for (const k of Object.keys(next) as (keyof UnitInput)[]) {
    if (next[k] !== base[k]) (out as Record<string, unknown>)[k] = next[k];
  }
  return out;
}

function UnitFields({ excludeId }: { excludeId?: string }) {
  return (
    <>
      <Form.Item
        label="Mã đơn vị"
        name="code"
        rules={[
          { required: true, whitespace: true, message: 'Vui lòng nhập mã đơn vị' },
          {
            pattern: CODE_RE,
            message: `Mã gồm chữ không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới; tối đa ${LIMITS.unitCode} ký tự`,
          },
        ]}
      >
        <Input
          autoComplete="off"
          spellCheck={false}
          maxLength={LIMITS.unitCode}
          placeholder="Ví dụ: SO-TU-PHAP"
        />
      </Form.Item>
      <Form.Item
        label="Tên đơn vị"
        name="name"
        rules={requiredText('Vui lòng nhập tên đơn vị', LIMITS.unitName, 'Tên đơn vị')}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        label="Tên viết tắt"
        name="shortName"
        rules={[maxRule(LIMITS.unitShortName, 'Tên viết tắt')]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        label="Loại đơn vị"
        name="kind"
        rules={[{ required: true, message: 'Vui lòng chọn loại đơn vị' }]}
      >
        <Select
          options={KIND_OPTIONS}
          placeholder="Chọn loại đơn vị"
          showSearch={{ optionFilterProp: 'label' }}
        />
      </Form.Item>
      <Form.Item label="Đơn vị cấp trên" name="parentId">
        <UnitSelect active="all" excludeId={excludeId} placeholder="Không có (đơn vị cấp cao nhất)" />
      </Form.Item>
      <Form.Item label="Đang hoạt động" name="active" valuePropName="checked">
        <Switch checkedChildren="Có" unCheckedChildren="Không" />
      </Form.Item>
      <UnitContactFields />
    </>
  );
}

const FIELD_ERRORS: FieldErrors<Values> = { UNIT_CODE_TAKEN: 'code', UNIT_PARENT_INVALID: 'parentId' };

function CreateUnitForm({
  create,
  onDone,
}: {
  create: ReturnType<typeof useCreateUnit>;
  onDone: (u: Unit) => void;
}) {
  const [form] = Form.useForm<Values>();
  const saver = createSave(create, form, FIELD_ERRORS);

  const onFinish = (v: Values) => {
    const input = toInput(v);
    // Optional fields left empty are simply not sent.
    const body: Partial<UnitInput> = Object.fromEntries(
      Object.entries(input).filter(([, val]) => val !== null),
    );
    saver.save(body, onDone);
  };

  return (
    <SaveForm<Values>
      id="unit-create-form"
      onFinish={onFinish}
      initialValues={{ active: true }}
      saver={saver}
    >
      <UnitFields />
    </SaveForm>
  );
}

export function CreateUnitModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated?: (u: Unit) => void;
}) {
  const create = useCreateUnit();
  const { message } = App.useApp();
  const modal = saveModalProps(create, onClose);
  return (
    <SaveModal title="Thêm đơn vị" open={open} formId="unit-create-form" okText="Thêm đơn vị" {...modal}>
      <CreateUnitForm
        create={create}
        onDone={(u) => {
          message.success(`Đã thêm đơn vị “${u.name}”`);
          modal.onClose();
          onCreated?.(u);
        }}
      />
    </SaveModal>
  );
}

function EditUnitForm(props: VersionedFormProps<Unit, ReturnType<typeof useUpdateUnit>>) {
  const { record: unit } = props;
  const [form] = Form.useForm<Values>();
  const saver = useVersionedSave({ ...props, form, toValues, fieldErrors: FIELD_ERRORS });

  const onFinish = (v: Values) => {
    const { base } = saver;
    const changes = diff(base, toInput(v));
    if (Object.keys(changes).length === 0) return saver.unchanged();
    const patch: UnitPatch = { version: base.version, ...changes };
    saver.saveAndClose({ id: base.id, patch }, (u) => `Đã lưu đơn vị “${u.name}”`);
  };

  return (
    <SaveForm<Values> id="unit-edit-form" onFinish={onFinish} saver={saver}>
      <UnitFields excludeId={unit.id} />
    </SaveForm>
  );
}

/** Edits a unit; loads its latest version first so the `version` sent is current. */
export function EditUnitModal({ unitId, onClose }: { unitId: string | null; onClose: () => void }) {
  const unit = useUnit(unitId ?? undefined);
  const update = useUpdateUnit();
  const modal = saveModalProps(update, onClose);
  return (
    <QuerySaveModal title="Sửa đơn vị" open={!!unitId} formId="unit-edit-form" query={unit} {...modal}>
      {(u, reload) => (
        <EditUnitForm key={u.id} record={u} mutation={update} reload={reload} onClose={modal.onClose} />
      )}
    </QuerySaveModal>
  );
}
