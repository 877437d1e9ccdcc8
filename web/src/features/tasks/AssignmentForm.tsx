import { useMemo } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Typography,
} from 'antd';
import { DeleteOutlined, PlusOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import type { useSaveAssignment } from './hooks';
import { DeadlineFields } from './DeadlineFields';
import {
  DATE_FORMAT,
  changedParts,
  keepSaved,
  taskToValues,
  valuesToInput,
  type AssignmentValues,
  type FocalMode,
  type ProductValues,
} from './formValues';
import { BASELINE_FIELD_LABELS, SUGGESTION_HOW } from './labels';
import type { AssignmentInput, TaskDetail, TaskSuggestion } from './api';
import { UnitSelect } from '../units/UnitSelect';
import { UnitMultiSelect } from '../units/UnitMultiSelect';
import { useUnitMembers } from '../units/hooks';
import { useUnitLookup } from '../units/useUnitNames';
import { PRODUCT_KINDS, PRODUCT_KIND_LABELS } from '../../shared/assignment';
import { maxRule, PHONE_RULES, requiredText } from '../../lib/validation';
import { RequiredTextArea } from '../../layout/RequiredTextArea';
import { foldFilter } from '../../lib/search';
import { errorMessage } from '../../api/client';
import { ApiErrorAlert } from '../../layout/ApiErrorAlert';
import { LIMITS } from '../../shared/limits';
import type { VersionedSave } from '../../layout/useVersionedSave';
import { useMe } from '../auth/hooks';
import { assignableWithin } from '../../lib/permissions';

const FOCAL_OPTIONS: { value: FocalMode; label: string }[] = [
  { value: 'none', label: 'Chưa có' },
  { value: 'user', label: 'Cán bộ của cơ quan chủ trì' },
  { value: 'manual', label: 'Nhập họ tên' },
];

const PRODUCT_OPTIONS = PRODUCT_KINDS.map((k) => ({ value: k, label: PRODUCT_KIND_LABELS[k] }));

export const NEW_PRODUCT: ProductValues = {
  kind: 'report',
  description: '',
  dueDate: null,
  hasIndicator: false,
};

export function FocalFields({ leadUnitId }: { leadUnitId: string | null }) {
  const mode = Form.useWatch<FocalMode | undefined>(['focal', 'mode']);
  const members = useUnitMembers(leadUnitId ?? '', mode === 'user' && !!leadUnitId);
  const options = (members.data?.items ?? [])
    .filter((u) => u.active)
    .map((u) => ({ value: u.id, label: `${u.fullName} (${u.username})` }));
  return (
    <>
      <Form.Item
        label="Đầu mối (người phụ trách)"
        name={['focal', 'mode']}
        style={{ marginBottom: mode && mode !== 'none' ? 8 : 24 }}
      >
        <Radio.Group options={FOCAL_OPTIONS} aria-label="Cách nhập đầu mối" />
      </Form.Item>
      {mode === 'user' && (
        <Form.Item
          name={['focal', 'userId']}
          label="Cán bộ"
          rules={[{ required: true, message: 'Vui lòng chọn cán bộ của cơ quan chủ trì' }]}
          extra={!leadUnitId ? 'Chọn cơ quan chủ trì trước.' : undefined}
        >
          <Select
            options={options}
            disabled={!leadUnitId}
            loading={members.isFetching}
            placeholder="Chọn tài khoản của cơ quan chủ trì"
            showSearch={{ filterOption: foldFilter }}
            notFoundContent={
              members.isError
                ? errorMessage(members.error)
                : members.isFetching
                  ? 'Đang tải…'
                  : 'Đơn vị chưa có tài khoản; hãy chọn “Nhập họ tên”.'
            }
          />
        </Form.Item>
      )}
      {mode === 'manual' && (
        <Form.Item
          name={['focal', 'name']}
          label="Họ và tên"
          rules={requiredText('Vui lòng nhập họ và tên người phụ trách', LIMITS.focalName)}
        >
          <Input maxLength={LIMITS.focalName} autoComplete="off" />
        </Form.Item>
      )}
      {mode && mode !== 'none' && (
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name={['focal', 'position']} label="Chức vụ" rules={[maxRule(LIMITS.focalPosition)]}>
              <Input maxLength={LIMITS.focalPosition} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name={['focal', 'phone']} label="Điện thoại" rules={PHONE_RULES}>
              <Input type="tel" maxLength={LIMITS.phone} autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
      )}
    </>
  );
}

function ProductFields() {
  return (
    <Form.List name="products">
      {(fields, { add, remove }) => (
        <Flex vertical gap={12} style={{ marginBottom: 24 }}>
          <Typography.Text strong>Sản phẩm</Typography.Text>
          {fields.length === 0 && (
            <Typography.Text type="secondary">
              Chưa có sản phẩm. Sản phẩm cụ thể (kế hoạch, báo cáo, đề án…) làm rõ hiệu quả của nhiệm vụ.
            </Typography.Text>
          )}
          {fields.map((f, i) => (
            <ProductCard key={f.key} name={f.name} index={i} onRemove={() => remove(f.name)} />
          ))}
          <div>
            <Button icon={<PlusOutlined />} onClick={() => add({ ...NEW_PRODUCT })}>
              Thêm sản phẩm
            </Button>
          </div>
        </Flex>
      )}
    </Form.List>
  );
}

export function ProductCard({
  name,
  index,
  onRemove,
}: {
  name: number;
  index: number;
  onRemove: () => void;
}) {
  const hasIndicator = Form.useWatch<boolean | undefined>(['products', name, 'hasIndicator']);
  return (
    <Card
      size="small"
      type="inner"
      title={`Sản phẩm ${index + 1}`}
      data-testid="product-card"
      extra={
        <Button
          type="text"
          danger
          size="small"
          icon={<DeleteOutlined />}
          onClick={onRemove}
          aria-label={`Xóa sản phẩm ${index + 1}`}
        >
          Xóa
        </Button>
      }
    >
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name={[name, 'kind']} label="Loại sản phẩm" rules={[{ required: true }]}>
            <Select options={PRODUCT_OPTIONS} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name={[name, 'dueDate']} label="Hạn hoàn thành sản phẩm">
            <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name={[name, 'description']}
        label="Mô tả sản phẩm"
        rules={requiredText('Vui lòng mô tả sản phẩm', LIMITS.productDescription)}
      >
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={LIMITS.productDescription} />
      </Form.Item>
      <Form.Item name={[name, 'hasIndicator']} valuePropName="checked" style={{ marginBottom: 8 }}>
        <Checkbox>Có chỉ tiêu định lượng</Checkbox>
      </Form.Item>
      {hasIndicator && (
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item
              name={[name, 'indicator', 'name']}
              label="Tên chỉ tiêu"
              rules={requiredText('Vui lòng nhập tên chỉ tiêu', LIMITS.indicatorName)}
            >
              <Input maxLength={LIMITS.indicatorName} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item
              name={[name, 'indicator', 'target']}
              label="Giá trị"
              rules={[{ required: true, message: 'Nhập giá trị' }]}
            >
              <InputNumber min={0} style={{ width: '100%' }} decimalSeparator="," />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item
              name={[name, 'indicator', 'unit']}
              label="Đơn vị tính"
              rules={[maxRule(LIMITS.indicatorUnit)]}
            >
              <Input maxLength={LIMITS.indicatorUnit} placeholder="%" />
            </Form.Item>
          </Col>
        </Row>
      )}
    </Card>
  );
}

/**
 * Enter in a one-line field (a date being typed, a name, a number) does not save the whole form
 * before it is finished: the date picker takes the typed date and the form stays open; only "Lưu
 * phân công" saves. Enter still works in text areas, buttons and the selects' own lists.
 */
function keepOpenOnEnter(e: React.KeyboardEvent<HTMLFormElement>) {
  if (e.key === 'Enter' && e.target instanceof HTMLInputElement) e.preventDefault();
}

/**
 * The assignment of one task: one lead unit, cooperating units, a focal person, a deadline and
 * products. Once the program is being implemented, changing the lead, deadline or products is an
 * adjustment ("điều chỉnh") that needs a reason.
 */
export function AssignmentForm({
  detail,
  suggestion,
  save,
  saver,
}: {
  detail: TaskDetail;
  /** Fills the empty parts from the document's suggestion ("Chấp nhận" on the suggestions tab). */
  suggestion?: TaskSuggestion | null;
  /**
   * The save and its conflict handling live in the page: after a conflict the reloaded task has a
   * new version, the form is drawn again with its values, and the page keeps the notice.
   */
  save: ReturnType<typeof useSaveAssignment>;
  saver: VersionedSave<TaskDetail, TaskDetail, Error, AssignmentInput>;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<AssignmentValues>();
  const units = useUnitLookup();
  // A unit user assigns its plan's items only to itself and the units below it.
  const within = assignableWithin(useMe());
  const task = detail.task;
  const implementing = detail.program.status === 'implementing';
  const initial = useMemo(() => taskToValues(task, suggestion), [task, suggestion]);
  const values = Form.useWatch([], form) as AssignmentValues | undefined;
  const leadUnitId = Form.useWatch<string | null>('leadUnitId', form) ?? null;
  const focalUserId = Form.useWatch<string | null | undefined>(['focal', 'userId'], form);
  const members = useUnitMembers(leadUnitId ?? '', !!leadUnitId && !!focalUserId);
  const memberName = (id: string) =>
    members.data?.items.find((u) => u.id === id)?.fullName ??
    (task.focal?.userId === id ? (task.focal.name ?? undefined) : undefined);

  const input = values ? valuesToInput({ ...initial, ...values }, task.version, memberName) : null;
  const changed = input ? changedParts(task, input) : [];
  const adjustment = changed.filter((c) => c === 'lead' || c === 'deadline' || c === 'products');
  const needsReason = implementing && adjustment.length > 0;
  const filledFromSuggestion =
    !!suggestion &&
    ((!task.leadUnitId && !!suggestion.lead) ||
      (task.cooperatingUnitIds.length === 0 && suggestion.cooperating.length > 0) ||
      (!task.deadline && !!suggestion.deadline));

  const onFinish = (v: AssignmentValues) => {
    const body = keepSaved(task, valuesToInput(v, task.version, memberName));
    if (changedParts(task, body).length === 0) {
      message.info('Không có thay đổi nào để lưu');
      return;
    }
    if (!needsReason) body.reason = null;
    saver.save(body, () => message.success('Đã lưu phân công'));
  };

  return (
    <Form<AssignmentValues>
      form={form}
      name="assignment"
      layout="vertical"
      initialValues={initial}
      onFinish={onFinish}
      onValuesChange={(changedValues: Partial<AssignmentValues>) => {
        if ('leadUnitId' in changedValues) {
          const lead = changedValues.leadUnitId ?? null;
          const coop: string[] = form.getFieldValue('cooperatingUnitIds') ?? [];
          if (lead && coop.includes(lead))
            form.setFieldValue(
              'cooperatingUnitIds',
              coop.filter((u) => u !== lead),
            );
          if (form.getFieldValue(['focal', 'mode']) === 'user') form.setFieldValue(['focal', 'userId'], null);
        }
      }}
      scrollToFirstError
      onKeyDown={keepOpenOnEnter}
      data-testid="assignment-form"
    >
      {filledFromSuggestion && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="Đã điền sẵn theo đề xuất từ văn bản"
          description={
            <>
              {suggestion?.lead && !task.leadUnitId && (
                <div>
                  Chủ trì: {units.byId(suggestion.lead.unitId)?.name ?? '…'} (
                  {SUGGESTION_HOW[suggestion.lead.how]}: “{suggestion.lead.source}”)
                </div>
              )}
              {suggestion && task.cooperatingUnitIds.length === 0 && suggestion.cooperating.length > 0 && (
                <div>
                  Phối hợp: {suggestion.cooperating.map((c) => units.byId(c.unitId)?.name ?? '…').join(', ')}{' '}
                  ({SUGGESTION_HOW[suggestion.cooperating[0]!.how]})
                </div>
              )}
              {suggestion?.deadline && !task.deadline && (
                <div>Thời hạn: theo văn bản “{suggestion.deadline.source}”</div>
              )}
              <div>Kiểm tra lại rồi bấm “Lưu phân công”.</div>
            </>
          }
        />
      )}
      {save.isError && <ApiErrorAlert error={save.error} />}
      <Form.Item
        name="leadUnitId"
        label="Cơ quan chủ trì"
        extra="Mỗi nhiệm vụ chỉ giao cho một cơ quan chủ trì, chịu trách nhiệm chính."
      >
        <UnitSelect placeholder="Gõ để tìm cơ quan chủ trì…" within={within} />
      </Form.Item>
      <Form.Item name="cooperatingUnitIds" label="Cơ quan phối hợp">
        <UnitMultiSelect excludeIds={leadUnitId ? [leadUnitId] : []} within={within} />
      </Form.Item>
      <FocalFields leadUnitId={leadUnitId} />
      <DeadlineFields />
      <ProductFields />
      {needsReason && (
        <>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title="Điều chỉnh sau khi triển khai"
            description={`Chương trình đang triển khai: thay đổi ${adjustment
              .map((c) => BASELINE_FIELD_LABELS[c as 'lead'].toLocaleLowerCase('vi'))
              .join(', ')} là điều chỉnh so với phân công đã chốt và cần nêu lý do.`}
          />
          <RequiredTextArea
            name="reason"
            label="Lý do điều chỉnh"
            message="Vui lòng nêu lý do điều chỉnh"
            max={LIMITS.adjustmentReason}
          />
        </>
      )}
      <Flex wrap gap={8} align="center">
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending}>
          Lưu phân công
        </Button>
        <Button
          icon={<UndoOutlined />}
          disabled={changed.length === 0 || save.isPending}
          onClick={() => {
            form.resetFields();
            save.reset();
          }}
        >
          Hoàn tác
        </Button>
        {changed.length > 0 && (
          <Typography.Text type="secondary" data-testid="unsaved">
            Có thay đổi chưa lưu
          </Typography.Text>
        )}
      </Flex>
    </Form>
  );
}
