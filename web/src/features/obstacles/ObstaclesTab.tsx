import { useState } from 'react';
import { App, Button, Checkbox, Flex, Form, Input, Popconfirm, Segmented, Select, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { CheckOutlined, MessageOutlined, RedoOutlined, SendOutlined } from '@ant-design/icons';
import { useObstacles, useUpdateObstacle } from './hooks';
import type { Obstacle, ObstacleFilters, ObstacleInput, ObstacleKind, ObstacleStatus } from './api';
import { obstacleColumns } from './columns';
import { OBSTACLE_KIND_LABELS, OBSTACLE_STATUS } from './labels';
import { UnitSelect } from '../units/UnitSelect';
import { isApiError } from '../../api/client';
import { conflictText } from '../../layout/ConflictAlert';
import { SaveForm } from '../../layout/SaveForm';
import { useVersionedSave, type VersionedFormProps } from '../../layout/useVersionedSave';
import { SaveModal } from '../../layout/SaveModal';
import { saveModalProps } from '../../layout/saveModalProps';
import { useIsPhone } from '../../lib/useMediaQuery';
import { LIMITS } from '../../shared/limits';
import { requiredText } from '../../lib/validation';
import { ListTable } from '../../layout/ListTable';
import { DirectionsCard } from '../directions/DirectionsCard';

type Step = { mode: 'assign' | 'answer'; item: Obstacle };

/** The buttons that open a step's form, in the actions column. */
const STEP_BUTTONS: { mode: Step['mode']; icon: React.ReactNode; label: string }[] = [
  { mode: 'assign', icon: <SendOutlined />, label: 'Giao xử lý' },
  { mode: 'answer', icon: <MessageOutlined />, label: 'Trả lời' },
];

interface StepValues {
  handlingUnitId?: string | null;
  answer?: string;
}

const stepValues = (o: Obstacle): StepValues => ({
  handlingUnitId: o.handlingUnitId,
  answer: o.answer ?? '',
});

function StepForm({
  mode,
  ...props
}: VersionedFormProps<Obstacle, ReturnType<typeof useUpdateObstacle>> & { mode: Step['mode'] }) {
  const [form] = Form.useForm<StepValues>();
  const saver = useVersionedSave({ ...props, form, toValues: stepValues });
  const { base } = saver;

  const onFinish = (v: StepValues) => {
    const input: ObstacleInput =
      mode === 'assign'
        ? { action: 'assign', version: base.version, handlingUnitId: v.handlingUnitId ?? undefined }
        : { action: 'answer', version: base.version, answer: (v.answer ?? '').trim() };
    saver.saveAndClose({ id: base.id, input }, mode === 'assign' ? 'Đã giao đơn vị xử lý' : 'Đã lưu trả lời');
  };

  return (
    <SaveForm<StepValues> id="obstacle-step-form" onFinish={onFinish} saver={saver}>
      <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
        <strong>{base.unitName}:</strong> {base.text}
      </Typography.Paragraph>
      {mode === 'assign' ? (
        <Form.Item
          name="handlingUnitId"
          label="Đơn vị xử lý"
          rules={[{ required: true, message: 'Vui lòng chọn đơn vị xử lý' }]}
        >
          <UnitSelect id="obstacle-handling-unit" />
        </Form.Item>
      ) : (
        <Form.Item
          name="answer"
          label="Trả lời, hướng xử lý"
          rules={requiredText('Vui lòng nhập nội dung trả lời', LIMITS.obstacleAnswer)}
        >
          <Input.TextArea
            autoSize={{ minRows: 4, maxRows: 12 }}
            maxLength={LIMITS.obstacleAnswer}
            showCount
          />
        </Form.Item>
      )}
    </SaveForm>
  );
}

/**
 * "Khó khăn, vướng mắc": the program's register of obstacles and proposals raised in reports; the
 * monitor assigns a handling unit, answers, closes and reopens them.
 */
export function ObstaclesTab({
  programId,
  periodId,
  manage,
}: {
  programId: string;
  periodId: string;
  manage: boolean;
}) {
  const { message } = App.useApp();
  const phone = useIsPhone();
  const [scope, setScope] = useState<'period' | 'all'>('all');
  const [status, setStatus] = useState<ObstacleStatus | undefined>(undefined);
  const [openOnly, setOpenOnly] = useState(false);
  const [kind, setKind] = useState<ObstacleKind | 'all'>('all');
  const filters: ObstacleFilters = {
    status,
    open: openOnly || undefined,
    periodId: scope === 'period' ? periodId : undefined,
  };
  const q = useObstacles(programId, filters);
  const update = useUpdateObstacle();
  const [step, setStep] = useState<Step | null>(null);
  const stepModal = saveModalProps(update, () => setStep(null));

  const openStep = (s: Step) => {
    update.reset();
    setStep(s);
  };
  const reload = async (id: string) => (await q.refetch()).data?.items.find((o) => o.id === id);

  const quick = (o: Obstacle, action: 'close' | 'reopen') =>
    update.mutate(
      { id: o.id, input: { action, version: o.version } },
      {
        onSuccess: () =>
          message.success(
            action === 'close' ? 'Đã đóng mục khó khăn, kiến nghị' : 'Đã mở lại mục khó khăn, kiến nghị',
          ),
        onError: (e) => {
          if (isApiError(e, 'VERSION_CONFLICT')) {
            message.warning(conflictText(e));
            void q.refetch();
          } else message.error(e.message);
        },
      },
    );

  const items = (q.data?.items ?? []).filter((o) => kind === 'all' || o.kind === kind);
  const counts = q.data?.counts;

  const columns: TableColumnsType<Obstacle> = [
    ...obstacleColumns(),
    ...(manage
      ? [
          {
            title: 'Thao tác',
            key: 'actions',
            render: (_: unknown, o: Obstacle) =>
              o.status === 'closed' ? (
                <Popconfirm
                  title="Mở lại khó khăn, vướng mắc này?"
                  okText="Mở lại"
                  cancelText="Hủy"
                  onConfirm={() => quick(o, 'reopen')}
                >
                  <Button size="small" icon={<RedoOutlined />} data-testid="obstacle-reopen">
                    Mở lại
                  </Button>
                </Popconfirm>
              ) : (
                <Flex vertical gap={4} align="start">
                  {STEP_BUTTONS.map((b) => (
                    <Button
                      key={b.mode}
                      size="small"
                      icon={b.icon}
                      onClick={() => openStep({ mode: b.mode, item: o })}
                      data-testid={`obstacle-${b.mode}`}
                    >
                      {b.label}
                    </Button>
                  ))}
                  <Popconfirm
                    title="Đóng khó khăn, vướng mắc này?"
                    description="Mục đã đóng không còn tính là đang mở; có thể mở lại khi cần."
                    okText="Đóng vướng mắc"
                    cancelText="Hủy"
                    onConfirm={() => quick(o, 'close')}
                  >
                    {/* Named in full: the period's "Đóng kỳ" is on the same page. */}
                    <Button size="small" icon={<CheckOutlined />} data-testid="obstacle-close">
                      Đóng vướng mắc
                    </Button>
                  </Popconfirm>
                </Flex>
              ),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={12} align="center">
        <Segmented
          value={scope}
          onChange={(v) => setScope(v as 'period' | 'all')}
          options={[
            { value: 'all', label: 'Mọi kỳ' },
            { value: 'period', label: 'Kỳ này' },
          ]}
          aria-label="Phạm vi kỳ báo cáo"
        />
        <Segmented
          value={kind}
          onChange={(v) => setKind(v as ObstacleKind | 'all')}
          options={[
            { value: 'all', label: 'Tất cả' },
            { value: 'obstacle', label: phone ? 'Khó khăn' : OBSTACLE_KIND_LABELS.obstacle },
            { value: 'proposal', label: phone ? 'Kiến nghị' : OBSTACLE_KIND_LABELS.proposal },
          ]}
          aria-label="Loại"
        />
        <Select<ObstacleStatus>
          allowClear
          placeholder="Mọi trạng thái"
          value={status}
          onChange={(v) => setStatus(v)}
          style={{ width: 200 }}
          aria-label="Trạng thái"
          options={(Object.keys(OBSTACLE_STATUS) as ObstacleStatus[]).map((s) => ({
            value: s,
            label: `${OBSTACLE_STATUS[s].label}${counts && !status ? ` (${counts[s] ?? 0})` : ''}`,
          }))}
        />
        <Checkbox checked={openOnly} onChange={(e) => setOpenOnly(e.target.checked)}>
          Chỉ mục chưa đóng
        </Checkbox>
      </Flex>
      <ListTable<Obstacle>
        rowKey="id"
        columns={columns}
        rows={items}
        query={q}
        scroll={{ x: 'max-content' }}
        empty="Không có khó khăn, vướng mắc hay kiến nghị nào"
        data-testid="obstacles-table"
        expandable={{ expandedRowRender: (o) => <DirectionsCard targetType="obstacle" targetId={o.id} /> }}
      />
      <SaveModal
        title={step?.mode === 'assign' ? 'Giao đơn vị xử lý' : 'Trả lời khó khăn, kiến nghị'}
        open={!!step}
        formId="obstacle-step-form"
        {...stepModal}
      >
        {step && (
          <StepForm
            key={`${step.mode}:${step.item.id}`}
            mode={step.mode}
            record={step.item}
            reload={() => reload(step.item.id)}
            mutation={update}
            onClose={stepModal.onClose}
          />
        )}
      </SaveModal>
    </Flex>
  );
}
