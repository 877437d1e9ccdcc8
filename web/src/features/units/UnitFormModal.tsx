import { useState } from 'react';
import { App, Form, Input, Modal, Select, Switch } from 'antd';
import { useCreateUnit, useUnit, useUpdateUnit } from './hooks';
import { UnitSelect } from './UnitSelect';
import type { UnitInput, UnitPatch } from './api';
import { isApiError } from '../../api/client';
import type { Unit, UnitKind } from '../../api/types';
import { UNIT_KINDS, UNIT_KIND_LABELS } from '../../shared/domain';
import { emptyToNull } from '../../lib/format';
import { ADDRESS_RULES, EMAIL_RULES, maxRule, PHONE_RULES } from '../../lib/validation';
import { ConflictAlert, recoverFromConflict } from '../../layout/ConflictAlert';
import { SaveModal } from '../../layout/SaveModal';
import { ApiErrorAlert } from '../../layout/ApiErrorAlert';
import { PageSpin } from '../../layout/FullPageSpin';
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
        rules={[
          { required: true, whitespace: true, message: 'Vui lòng nhập tên đơn vị' },
          maxRule(LIMITS.unitName, 'Tên đơn vị'),
        ]}
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
      <Form.Item label="Thư điện tử" name="email" rules={EMAIL_RULES}>
        <Input type="email" autoComplete="off" />
      </Form.Item>
      <Form.Item label="Điện thoại" name="phone" rules={PHONE_RULES}>
        <Input type="tel" autoComplete="off" />
      </Form.Item>
      <Form.Item label="Địa chỉ" name="address" rules={ADDRESS_RULES}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
      </Form.Item>
    </>
  );
}

const isFieldError = (e: unknown) => isApiError(e, 'UNIT_CODE_TAKEN') || isApiError(e, 'UNIT_PARENT_INVALID');

/** Applies field-level server errors to the form; returns true if it did. */
function applyFieldError(form: ReturnType<typeof Form.useForm<Values>>[0], e: unknown): boolean {
  const field = isApiError(e, 'UNIT_CODE_TAKEN')
    ? 'code'
    : isApiError(e, 'UNIT_PARENT_INVALID')
      ? 'parentId'
      : null;
  if (!field || !isApiError(e)) return false;
  form.setFields([{ name: field, errors: [e.message] }]);
  form.scrollToField(field, { block: 'center' });
  return true;
}

function CreateUnitForm({
  create,
  onDone,
}: {
  create: ReturnType<typeof useCreateUnit>;
  onDone: (u: Unit) => void;
}) {
  const [form] = Form.useForm<Values>();

  const onFinish = (v: Values) => {
    const input = toInput(v);
    // Optional fields left empty are simply not sent.
    const body: Partial<UnitInput> = Object.fromEntries(
      Object.entries(input).filter(([, val]) => val !== null),
    );
    create.mutate(body, { onSuccess: onDone, onError: (e) => applyFieldError(form, e) });
  };

  return (
    <Form<Values>
      id="unit-create-form"
      form={form}
      layout="vertical"
      onFinish={onFinish}
      initialValues={{ active: true }}
    >
      {create.isError && !isFieldError(create.error) && <ApiErrorAlert error={create.error} />}
      <UnitFields />
    </Form>
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
  const close = () => {
    create.reset();
    onClose();
  };
  return (
    <Modal
      title="Thêm đơn vị"
      open={open}
      onCancel={close}
      okText="Thêm đơn vị"
      cancelText="Hủy"
      okButtonProps={{ htmlType: 'submit', form: 'unit-create-form' }}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <CreateUnitForm
        create={create}
        onDone={(u) => {
          message.success(`Đã thêm đơn vị “${u.name}”`);
          close();
          onCreated?.(u);
        }}
      />
    </Modal>
  );
}

function EditUnitForm({
  unit,
  update,
  reload,
  onClose,
}: {
  unit: Unit;
  update: ReturnType<typeof useUpdateUnit>;
  reload: () => Promise<Unit | undefined>;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [base, setBase] = useState(unit);
  const [conflict, setConflict] = useState<string | null>(null);
  const { message } = App.useApp();

  const onFinish = (v: Values) => {
    const changes = diff(base, toInput(v));
    if (Object.keys(changes).length === 0) {
      message.info('Không có thay đổi nào để lưu');
      onClose();
      return;
    }
    const patch: UnitPatch = { version: base.version, ...changes };
    setConflict(null);
    update.mutate(
      { id: base.id, patch },
      {
        onSuccess: (u) => {
          message.success(`Đã lưu đơn vị “${u.name}”`);
          onClose();
        },
        onError: async (e) => {
          if (applyFieldError(form, e)) return;
          const handled = await recoverFromConflict(e, {
            reload,
            apply: (latest) => {
              setBase(latest);
              form.setFieldsValue(toValues(latest));
            },
            setConflict,
          });
          if (handled) update.reset();
        },
      },
    );
  };

  return (
    <Form<Values>
      id="unit-edit-form"
      form={form}
      layout="vertical"
      onFinish={onFinish}
      initialValues={toValues(unit)}
    >
      {conflict && <ConflictAlert text={conflict} />}
      {update.isError && !isFieldError(update.error) && <ApiErrorAlert error={update.error} />}
      <UnitFields excludeId={unit.id} />
    </Form>
  );
}

/** Edits a unit; loads its latest version first so the `version` sent is current. */
export function EditUnitModal({ unitId, onClose }: { unitId: string | null; onClose: () => void }) {
  const unit = useUnit(unitId ?? undefined);
  const update = useUpdateUnit();
  const close = () => {
    update.reset();
    onClose();
  };
  const loading = !unit.data || (unit.isFetching && !unit.isFetchedAfterMount);
  return (
    <SaveModal
      title="Sửa đơn vị"
      open={!!unitId}
      formId="unit-edit-form"
      saving={update.isPending}
      disabled={loading}
      onClose={close}
    >
      {unit.isError && !unit.data ? (
        <ApiErrorAlert error={unit.error} />
      ) : loading || !unit.data ? (
        <PageSpin />
      ) : (
        <EditUnitForm
          key={unit.data.id}
          unit={unit.data}
          update={update}
          reload={async () => (await unit.refetch()).data}
          onClose={close}
        />
      )}
    </SaveModal>
  );
}
