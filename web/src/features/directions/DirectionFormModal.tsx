import { App, Checkbox, DatePicker, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { DirectionTarget } from './api';
import { useCreateDirection } from './hooks';
import { UnitMultiSelect } from '../units/UnitMultiSelect';
import { ApiErrorAlert } from '../../layout/ApiErrorAlert';
import { LIMITS } from '../../shared/limits';
import { requiredText } from '../../lib/validation';
import dayjs from '../../lib/dayjs';

interface Values {
  text?: string;
  unitIds?: string[];
  requiresAction?: boolean;
  dueDate?: Dayjs | null;
}

/** Who the direction goes to when no unit is chosen. */
const DEFAULT_UNITS: Record<DirectionTarget, string | null> = {
  task: 'Để trống: gửi đơn vị chủ trì nhiệm vụ',
  report: 'Để trống: gửi đơn vị gửi báo cáo',
  obstacle: 'Để trống: gửi đơn vị xử lý (hoặc đơn vị nêu khó khăn)',
  unit: 'Để trống: gửi chính đơn vị này',
  program: null,
};

/** A leader writes a direction on `target`. */
export function DirectionFormModal({
  targetType,
  targetId,
  targetLabel,
  onClose,
}: {
  targetType: DirectionTarget;
  targetId: string;
  targetLabel?: string;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateDirection();
  const requiresAction = Form.useWatch('requiresAction', form);
  const hint = DEFAULT_UNITS[targetType];
  const onFinish = (v: Values) =>
    create.mutate(
      {
        targetType,
        targetId,
        text: (v.text ?? '').trim(),
        unitIds: v.unitIds?.length ? v.unitIds : undefined,
        requiresAction: !!v.requiresAction,
        dueDate: v.requiresAction && v.dueDate ? v.dueDate.format('YYYY-MM-DD') : null,
      },
      {
        onSuccess: () => {
          message.success('Đã gửi ý kiến chỉ đạo');
          onClose();
        },
      },
    );
  return (
    <Modal
      open
      title="Viết ý kiến chỉ đạo"
      okText="Gửi ý kiến chỉ đạo"
      cancelText="Hủy"
      onCancel={onClose}
      confirmLoading={create.isPending}
      okButtonProps={{ htmlType: 'submit', form: 'direction-form', 'data-testid': 'direction-submit' }}
      destroyOnHidden
      width={640}
    >
      {targetLabel && <Typography.Paragraph type="secondary">Về: {targetLabel}</Typography.Paragraph>}
      {create.isError && <ApiErrorAlert error={create.error} />}
      <Form<Values>
        id="direction-form"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ requiresAction: true, unitIds: [] }}
      >
        <Form.Item
          name="text"
          label="Nội dung chỉ đạo"
          rules={requiredText('Vui lòng nhập nội dung chỉ đạo', LIMITS.directionText)}
        >
          <Input.TextArea
            autoSize={{ minRows: 4, maxRows: 12 }}
            maxLength={LIMITS.directionText}
            data-testid="direction-text"
          />
        </Form.Item>
        <Form.Item
          name="unitIds"
          label="Đơn vị thực hiện"
          extra={hint ?? undefined}
          rules={hint ? [] : [{ required: true, type: 'array', min: 1, message: 'Vui lòng chọn đơn vị' }]}
        >
          <UnitMultiSelect id="direction-units" />
        </Form.Item>
        <Form.Item name="requiresAction" valuePropName="checked">
          <Checkbox data-testid="direction-requires-action">Yêu cầu thực hiện và trả lời</Checkbox>
        </Form.Item>
        {requiresAction && (
          <Form.Item
            name="dueDate"
            label="Thời hạn"
            rules={[{ required: true, message: 'Vui lòng chọn thời hạn' }]}
          >
            <DatePicker
              id="direction-due"
              format="DD/MM/YYYY"
              disabledDate={(d) => d.isBefore(dayjs().startOf('day'))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
