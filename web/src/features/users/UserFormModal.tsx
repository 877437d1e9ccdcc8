import { Form, Input, Select } from 'antd';
import { useCreateUser, useUpdateUser } from './hooks';
import type { CreateUserInput, UserPatch } from './api';
import { UnitSelect } from '../units/UnitSelect';
import { checkRule, EMAIL_RULES, requiredText } from '../../lib/validation';
import { SaveForm } from '../../layout/SaveForm';
import {
  createSave,
  useVersionedSave,
  type FieldErrors,
  type VersionedFormProps,
} from '../../layout/useVersionedSave';
import { SaveModal } from '../../layout/SaveModal';
import { saveModalProps } from '../../layout/saveModalProps';
import type { Role, User } from '../../api/types';
import { ROLES, ROLE_LABELS } from '../../shared/domain';
import { emptyToNull } from '../../lib/format';
import { LIMITS } from '../../shared/limits';

interface Values {
  username?: string;
  fullName: string;
  email?: string | null;
  role?: Role;
  unitId?: string | null;
}

export const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r].vi }));

const FIELD_ERRORS: FieldErrors<Values> = {
  USERNAME_TAKEN: 'username',
  USER_UNIT_REQUIRED: 'unitId',
};

function UserFields({ mode }: { mode: 'create' | 'edit' }) {
  const role = Form.useWatch<Role | undefined>('role');
  return (
    <>
      <Form.Item
        label="Tên đăng nhập"
        name="username"
        rules={
          mode === 'create'
            ? [
                { required: true, whitespace: true, message: 'Vui lòng nhập tên đăng nhập' },
                {
                  pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{2,49}$/,
                  message:
                    'Tên đăng nhập dài 3–50 ký tự, gồm chữ không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới',
                },
              ]
            : []
        }
        extra={mode === 'edit' ? 'Tên đăng nhập không thay đổi được.' : undefined}
      >
        <Input autoComplete="off" autoCapitalize="none" spellCheck={false} disabled={mode === 'edit'} />
      </Form.Item>
      <Form.Item
        label="Họ và tên"
        name="fullName"
        rules={requiredText('Vui lòng nhập họ và tên', LIMITS.fullName, 'Họ và tên')}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item label="Thư điện tử" name="email" rules={EMAIL_RULES}>
        <Input type="email" autoComplete="off" />
      </Form.Item>
      <Form.Item label="Vai trò" name="role" rules={[{ required: true, message: 'Vui lòng chọn vai trò' }]}>
        <Select options={ROLE_OPTIONS} placeholder="Chọn vai trò" />
      </Form.Item>
      <Form.Item
        label="Đơn vị"
        name="unitId"
        dependencies={['role']}
        extra={role === 'unit' ? 'Bắt buộc với vai trò đầu mối đơn vị.' : 'Không bắt buộc với vai trò này.'}
        rules={[
          ({ getFieldValue }) =>
            checkRule(
              (v: string | null | undefined) => getFieldValue('role') !== 'unit' || !!v,
              'Vui lòng chọn đơn vị của đầu mối',
            ),
        ]}
      >
        <UnitSelect active="true" placeholder="Gõ tên hoặc mã để tìm đơn vị…" />
      </Form.Item>
    </>
  );
}

export function CreateUserModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (user: User, oneTimePassword: string) => void;
}) {
  const create = useCreateUser();
  const modal = saveModalProps(create, onClose);
  return (
    <SaveModal
      title="Thêm người dùng"
      open={open}
      formId="user-create-form"
      okText="Tạo tài khoản"
      {...modal}
    >
      <CreateUserForm
        create={create}
        onDone={(user, otp) => {
          modal.onClose();
          onCreated(user, otp);
        }}
      />
    </SaveModal>
  );
}

function CreateUserForm({
  create,
  onDone,
}: {
  create: ReturnType<typeof useCreateUser>;
  onDone: (user: User, otp: string) => void;
}) {
  const [form] = Form.useForm<Values>();
  const saver = createSave(create, form, FIELD_ERRORS);
  const onFinish = (v: Values) => {
    const input: CreateUserInput = {
      username: (v.username ?? '').trim(),
      fullName: v.fullName.trim(),
      role: v.role!,
    };
    const email = emptyToNull(v.email);
    if (email) input.email = email;
    if (v.unitId) input.unitId = v.unitId;
    saver.save(input, (r) => onDone(r.user, r.oneTimePassword));
  };
  return (
    <SaveForm<Values> id="user-create-form" onFinish={onFinish} saver={saver}>
      <UserFields mode="create" />
    </SaveForm>
  );
}

const toValues = (u: User): Values => ({
  username: u.username,
  fullName: u.fullName,
  email: u.email,
  role: u.role,
  unitId: u.unitId,
});

function EditUserForm(props: VersionedFormProps<User, ReturnType<typeof useUpdateUser>>) {
  const [form] = Form.useForm<Values>();
  const saver = useVersionedSave({ ...props, form, toValues, fieldErrors: FIELD_ERRORS });

  const onFinish = (v: Values) => {
    const { base } = saver;
    const patch: UserPatch = { version: base.version };
    const fullName = v.fullName.trim();
    const email = emptyToNull(v.email);
    const unitId = v.unitId ?? null;
    if (fullName !== base.fullName) patch.fullName = fullName;
    if (email !== base.email) patch.email = email;
    if (v.role && v.role !== base.role) patch.role = v.role;
    if (unitId !== base.unitId) patch.unitId = unitId;
    if (Object.keys(patch).length === 1) return saver.unchanged();
    saver.saveAndClose({ id: base.id, patch }, (u) => `Đã lưu thông tin của ${u.fullName}`);
  };

  return (
    <SaveForm<Values> id="user-edit-form" onFinish={onFinish} saver={saver}>
      <UserFields mode="edit" />
    </SaveForm>
  );
}

export function EditUserModal({
  user,
  reload,
  onClose,
}: {
  user: User | null;
  reload: (id: string) => Promise<User | undefined>;
  onClose: () => void;
}) {
  const update = useUpdateUser();
  const modal = saveModalProps(update, onClose);
  return (
    <SaveModal title="Sửa người dùng" open={!!user} formId="user-edit-form" {...modal}>
      {user && (
        <EditUserForm
          key={user.id}
          record={user}
          mutation={update}
          reload={() => reload(user.id)}
          onClose={modal.onClose}
        />
      )}
    </SaveModal>
  );
}
