import { App, Checkbox, Divider, Flex, Form, Radio, Typography } from 'antd';
import { useBulkAssign } from '../tasks/hooks';
import type { BulkAssignmentBody, BulkFailedDetails, TaskView } from '../tasks/api';
import { DeadlineFields } from '../tasks/DeadlineFields';
import { FocalFields, NEW_PRODUCT, ProductCard } from '../tasks/AssignmentForm';
import { TaskProblems } from '../tasks/TaskProblems';
import {
  valuesToDeadline,
  valuesToFocal,
  valuesToProducts,
  type DeadlineValues,
  type FocalValues,
  type ProductValues,
} from '../tasks/formValues';
import { UnitSelect } from '../units/UnitSelect';
import { UnitMultiSelect } from '../units/UnitMultiSelect';
import { useMe } from '../auth/hooks';
import { assignableWithin } from '../../lib/permissions';
import { isApiError } from '../../api/client';
import { ApiErrorAlert } from '../../layout/ApiErrorAlert';
import { RequiredTextArea } from '../../layout/RequiredTextArea';
import { SaveModal } from '../../layout/SaveModal';
import { LIMITS } from '../../shared/limits';

type Part = 'deadline' | 'lead' | 'cooperating' | 'focal' | 'product';

const PARTS: { value: Part; label: string }[] = [
  { value: 'deadline', label: 'Thời hạn' },
  { value: 'lead', label: 'Cơ quan chủ trì' },
  { value: 'cooperating', label: 'Cơ quan phối hợp' },
  { value: 'focal', label: 'Đầu mối' },
  { value: 'product', label: 'Sản phẩm' },
];

interface BulkValues {
  parts: Part[];
  deadline?: DeadlineValues;
  leadUnitId?: string | null;
  coopMode: 'add' | 'set';
  cooperatingUnitIds?: string[];
  focal?: FocalValues;
  products?: ProductValues[];
  reason?: string;
}

const INITIAL: BulkValues = {
  parts: ['deadline'],
  deadline: { kind: 'date' },
  coopMode: 'add',
  focal: { mode: 'manual' },
  products: [{ ...NEW_PRODUCT }],
};

function toBody(v: BulkValues, tasks: TaskView[], implementing: boolean): BulkAssignmentBody {
  const has = (p: Part) => v.parts.includes(p);
  const deadline = has('deadline') ? valuesToDeadline(v.deadline) : null;
  const focal = has('focal') ? valuesToFocal(v.focal) : null;
  const product = has('product') ? valuesToProducts(v.products)[0] : undefined;
  return {
    tasks: tasks.map((t) => ({ nodeId: t.nodeId, version: t.version })),
    ...(deadline ? { deadline } : {}),
    ...(has('lead') && v.leadUnitId ? { leadUnitId: v.leadUnitId } : {}),
    ...(has('cooperating') ? { cooperating: { mode: v.coopMode, unitIds: v.cooperatingUnitIds ?? [] } } : {}),
    ...(focal ? { focal } : {}),
    ...(product ? { product } : {}),
    ...(implementing ? { reason: v.reason?.trim() || null } : {}),
  };
}

/**
 * "Giao hàng loạt": the deadline, lead, cooperating units, focal person or a product of every selected
 * task, set in one step. The server checks each task with the single edit's rules and stores all or
 * nothing; a refusal lists every failing task.
 */
export function BulkEditModal({
  programId,
  tasks,
  implementing,
  open,
  onClose,
  onSaved,
}: {
  programId: string;
  tasks: TaskView[];
  implementing: boolean;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<BulkValues>();
  const within = assignableWithin(useMe());
  const save = useBulkAssign(programId);
  const parts = Form.useWatch<Part[] | undefined>('parts', form) ?? INITIAL.parts;
  const leadUnitId = Form.useWatch<string | null | undefined>('leadUnitId', form) ?? null;
  const failed =
    save.error &&
    (isApiError(save.error, 'ASSIGN_BULK_FAILED') ||
      isApiError(save.error, 'ASSIGN_BULK_CONFLICT') ||
      isApiError(save.error, 'ASSIGN_UNIT_OUT_OF_SCOPE'))
      ? ((save.error.details as BulkFailedDetails | undefined)?.tasks ?? [])
      : [];
  const close = () => {
    save.reset();
    onClose();
  };
  return (
    <SaveModal
      title={`Giao hàng loạt ${tasks.length} nhiệm vụ`}
      open={open}
      formId="bulk-assignment"
      saving={save.isPending}
      okText="Áp dụng cho tất cả"
      okTestId="bulk-save"
      width={720}
      onClose={close}
    >
      <Form<BulkValues>
        form={form}
        id="bulk-assignment"
        name="bulk-assignment"
        layout="vertical"
        initialValues={INITIAL}
        onFinish={(v) =>
          save.mutate(toBody(v, tasks, implementing), {
            onSuccess: (r) => {
              message.success(`Đã lưu phân công cho ${r.updated} nhiệm vụ`);
              onSaved();
              close();
            },
          })
        }
      >
        <Typography.Paragraph type="secondary">
          Nội dung không chọn được giữ nguyên như từng nhiệm vụ đang có. Nếu một nhiệm vụ không hợp lệ, không
          nhiệm vụ nào được thay đổi.
        </Typography.Paragraph>
        <Form.Item
          name="parts"
          label="Nội dung cần đặt"
          rules={[{ required: true, message: 'Chọn ít nhất một nội dung cần đặt' }]}
        >
          <Checkbox.Group options={PARTS} />
        </Form.Item>
        {parts.includes('deadline') && <DeadlineFields />}
        {parts.includes('lead') && (
          <Form.Item
            name="leadUnitId"
            label="Cơ quan chủ trì"
            rules={[{ required: true, message: 'Vui lòng chọn cơ quan chủ trì' }]}
          >
            <UnitSelect placeholder="Gõ để tìm cơ quan chủ trì…" within={within} />
          </Form.Item>
        )}
        {parts.includes('cooperating') && (
          <>
            <Form.Item name="coopMode" label="Cơ quan phối hợp" style={{ marginBottom: 8 }}>
              <Radio.Group
                options={[
                  { value: 'add', label: 'Thêm vào danh sách đang có' },
                  { value: 'set', label: 'Thay thế danh sách đang có' },
                ]}
              />
            </Form.Item>
            <Form.Item name="cooperatingUnitIds" aria-label="Cơ quan phối hợp">
              <UnitMultiSelect excludeIds={leadUnitId ? [leadUnitId] : []} within={within} />
            </Form.Item>
          </>
        )}
        {parts.includes('focal') && <FocalFields leadUnitId={parts.includes('lead') ? leadUnitId : null} />}
        {parts.includes('product') && (
          <Form.List name="products">
            {(fields) =>
              fields.slice(0, 1).map((f, i) => (
                <ProductCard
                  key={f.key}
                  name={f.name}
                  index={i}
                  onRemove={() =>
                    form.setFieldValue(
                      'parts',
                      parts.filter((p) => p !== 'product'),
                    )
                  }
                />
              ))
            }
          </Form.List>
        )}
        {implementing && (
          <>
            <Divider />
            <RequiredTextArea
              name="reason"
              label="Lý do điều chỉnh (chương trình đã triển khai)"
              message="Vui lòng nêu lý do điều chỉnh"
              max={LIMITS.adjustmentReason}
            />
          </>
        )}
        {save.isError && (
          <Flex vertical gap={8}>
            {failed.length > 0 ? (
              <TaskProblems
                type="error"
                title={save.error.message}
                problems={failed}
                data-testid="bulk-failed"
              />
            ) : (
              <ApiErrorAlert error={save.error} />
            )}
          </Flex>
        )}
      </Form>
    </SaveModal>
  );
}
