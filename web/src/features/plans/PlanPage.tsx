import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Select, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { LinkOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { useAddPlanItem, usePlan, useSetItemLinks } from './hooks';
import type { PlanItem, PlanView } from './api';
import { useProgramTasks } from '../tasks/hooks';
import type { TaskView } from '../tasks/api';
import { DeadlineFields } from '../tasks/DeadlineFields';
import { RoleTag, taskLabelColumn, taskTextColumn } from '../tasks/TaskBits';
import { valuesToDeadline, type DeadlineValues } from '../tasks/formValues';
import { useMe } from '../auth/hooks';
import { useUnitLookup } from '../units/useUnitNames';
import { readableTitle } from '../document/labels';
import { canWritePlan } from '../../lib/permissions';
import { formatDateTime, formatIsoDate } from '../../lib/format';
import { foldText } from '../../shared/domain';
import { errorMessage } from '../../api/client';
import { ApiErrorAlert } from '../../layout/ApiErrorAlert';
import { BackLink, PageHeader } from '../../layout/PageHeader';
import { QueryPage } from '../../layout/QueryPage';
import { SaveModal } from '../../layout/SaveModal';
import { saveModalProps } from '../../layout/saveModalProps';
import { SaveForm } from '../../layout/SaveForm';
import { createSave } from '../../layout/useVersionedSave';
import { useIsPhone, useMediaQuery } from '../../lib/useMediaQuery';
import { LIMITS } from '../../shared/limits';
import { maxRule } from '../../lib/validation';
import { RequiredTextArea } from '../../layout/RequiredTextArea';
import { ListTable, dateColumn } from '../../layout/ListTable';

type Carried = TaskView & { role: 'lead' | 'cooperating' };

/** A multi-select of the parent program's tasks the unit carries (leads or cooperates on). */
function CarriedTaskSelect({
  id,
  value,
  onChange,
  tasks,
}: {
  id?: string;
  value?: string[];
  onChange?: (v: string[]) => void;
  tasks: Carried[];
}) {
  return (
    <Select
      id={id}
      mode="multiple"
      value={value ?? []}
      onChange={onChange}
      placeholder="Chọn nhiệm vụ của chương trình mà mục này thực hiện"
      allowClear
      style={{ width: '100%' }}
      options={tasks.map((t) => ({ value: t.nodeId, label: t.label, task: t }))}
      showSearch={{
        filterOption: (input, o) => {
          const t = (o as { task: Carried } | undefined)?.task;
          return !!t && foldText(`${t.label} ${t.text}`).includes(foldText(input.trim()));
        },
      }}
      optionRender={(o) => {
        const t = (o.data as { task: Carried }).task;
        return (
          <div style={{ whiteSpace: 'normal' }}>
            <strong>{t.label}</strong> <RoleTag role={t.role} />
            <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0, fontSize: 12 }}>
              {t.text}
            </Typography.Paragraph>
          </div>
        );
      }}
      notFoundContent="Đơn vị không chủ trì hay phối hợp nhiệm vụ nào phù hợp"
    />
  );
}

interface ItemValues {
  text: string;
  parentNodeIds: string[];
  deadline: DeadlineValues;
  person?: string;
}

function AddItemModal({
  plan,
  tasks,
  open,
  onClose,
}: {
  plan: PlanView;
  tasks: Carried[];
  open: boolean;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ItemValues>();
  const add = useAddPlanItem(plan.id);
  // The form outlives the modal's content: empty it on closing, so the next item starts blank.
  const modal = saveModalProps(add, () => {
    form.resetFields();
    onClose();
  });
  const saver = createSave(add, form);
  return (
    <SaveModal
      title="Thêm mục kế hoạch"
      open={open}
      formId="plan-item-form"
      okText="Thêm mục"
      width={640}
      {...modal}
    >
      <SaveForm<ItemValues>
        id="plan-item-form"
        saver={saver}
        initialValues={{ text: '', parentNodeIds: [], deadline: { kind: 'none' }, person: '' }}
        onFinish={(v) =>
          saver.save(
            {
              text: v.text.trim(),
              parentNodeIds: v.parentNodeIds ?? [],
              deadline: valuesToDeadline(v.deadline),
              person: v.person?.trim() || null,
            },
            () => {
              message.success('Đã thêm mục vào kế hoạch');
              modal.onClose();
            },
          )
        }
      >
        <RequiredTextArea
          name="text"
          label="Nội dung công việc"
          message="Vui lòng nhập nội dung công việc"
          max={LIMITS.planItemText}
        />
        <Form.Item
          name="parentNodeIds"
          label="Thực hiện nhiệm vụ của chương trình"
          extra="Chỉ chọn được nhiệm vụ đơn vị chủ trì hoặc phối hợp."
        >
          <CarriedTaskSelect tasks={tasks} />
        </Form.Item>
        <DeadlineFields />
        <Form.Item name="person" label="Người thực hiện" rules={[maxRule(LIMITS.planItemPerson)]}>
          <Input maxLength={LIMITS.planItemPerson} autoComplete="off" />
        </Form.Item>
      </SaveForm>
    </SaveModal>
  );
}

function EditLinksModal({
  item,
  tasks,
  onClose,
}: {
  item: PlanItem | null;
  tasks: Carried[];
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const save = useSetItemLinks();
  const [value, setValue] = useState<string[] | null>(null);
  const close = () => {
    save.reset();
    setValue(null);
    onClose();
  };
  const current = value ?? item?.parentNodeIds ?? [];
  return (
    <Modal
      title={item ? `Nhiệm vụ mục ${item.label} thực hiện` : ''}
      open={!!item}
      onCancel={close}
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={save.isPending}
      onOk={() =>
        item &&
        save.mutate(
          { nodeId: item.nodeId, parentNodeIds: current },
          {
            onSuccess: () => {
              message.success('Đã cập nhật nhiệm vụ được gắn');
              close();
            },
          },
        )
      }
      destroyOnHidden
      width={640}
    >
      {save.isError && <ApiErrorAlert error={save.error} />}
      {item && (
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 3 }}>
          {item.text}
        </Typography.Paragraph>
      )}
      <CarriedTaskSelect value={current} onChange={setValue} tasks={tasks} />
    </Modal>
  );
}

function ItemLinks({ ids, labelOf }: { ids: string[]; labelOf: (id: string) => string }) {
  if (ids.length === 0) return <Typography.Text type="secondary">Chưa gắn</Typography.Text>;
  return (
    <Flex wrap gap={4} data-testid="item-links" style={{ display: 'inline-flex' }}>
      {ids.map((id) => (
        <Link key={id} to={`/nhiem-vu/${id}`}>
          <Tag color="blue" style={{ marginInlineEnd: 0 }}>
            {labelOf(id)}
          </Tag>
        </Link>
      ))}
    </Flex>
  );
}

function PlanDetail({ plan }: { plan: PlanView }) {
  const me = useMe();
  const phone = useIsPhone();
  const compact = !useMediaQuery('(min-width: 768px)');
  const navigate = useNavigate();
  const units = useUnitLookup();
  const parent = useProgramTasks(plan.parentProgramId, {});
  const [adding, setAdding] = useState(false);
  const [linking, setLinking] = useState<PlanItem | null>(null);
  const canWrite = canWritePlan(me, plan.unitId);
  const unitName = units.byId(plan.unitId)?.name ?? 'đơn vị';

  const all = useMemo(() => parent.data?.items ?? [], [parent.data]);
  const carried = useMemo<Carried[]>(
    () =>
      all.flatMap((t): Carried[] =>
        t.leadUnitId === plan.unitId
          ? [{ ...t, role: 'lead' }]
          : t.cooperatingUnitIds.includes(plan.unitId)
            ? [{ ...t, role: 'cooperating' }]
            : [],
      ),
    [all, plan.unitId],
  );
  const labelOf = (id: string) => all.find((t) => t.nodeId === id)?.label ?? '…';
  const linked = new Set(plan.items.flatMap((i) => i.parentNodeIds));
  const notCovered = carried.filter((t) => !linked.has(t.nodeId));

  const columns: TableColumnsType<PlanItem> = [
    taskLabelColumn(80),
    taskTextColumn('Nội dung công việc', {
      minWidth: phone ? 200 : 280,
      rows: 3,
      facts:
        compact &&
        ((i) => (
          <div className="task-facts-inline">
            <Typography.Text type="secondary">Thực hiện nhiệm vụ: </Typography.Text>
            <ItemLinks ids={i.parentNodeIds} labelOf={labelOf} />
            {i.dueDate && (
              <div>
                <Typography.Text type="secondary">Thời hạn: </Typography.Text>
                {formatIsoDate(i.dueDate)}
              </div>
            )}
          </div>
        )),
    }),
    {
      title: 'Thực hiện nhiệm vụ',
      dataIndex: 'parentNodeIds',
      minWidth: 140,
      responsive: ['md'],
      render: (ids: string[]) => <ItemLinks ids={ids} labelOf={labelOf} />,
    },
    dateColumn('Thời hạn', 'dueDate', 'day', { responsive: ['md'] }),
    {
      title: 'Người thực hiện',
      dataIndex: 'person',
      responsive: ['lg'],
      render: (v: string | null) => v ?? '—',
    },
    {
      title: '',
      key: 'actions',
      width: phone ? 100 : 210,
      render: (_, i) => (
        <Flex wrap gap={4}>
          {canWrite && (
            <Button size="small" icon={<LinkOutlined />} onClick={() => setLinking(i)}>
              Gắn nhiệm vụ
            </Button>
          )}
          {canWrite && (
            <Button
              size="small"
              icon={<TeamOutlined />}
              onClick={() => navigate(`/nhiem-vu/${i.nodeId}`)}
              title="Giao mục này cho đơn vị cấp dưới"
            >
              Phân công
            </Button>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <>
      <BackLink to={me.role === 'unit' ? '/nhiem-vu' : `/chuong-trinh/${plan.parentProgramId}?xem=ke-hoach`}>
        {me.role === 'unit' ? 'Nhiệm vụ của đơn vị' : 'Chương trình'}
      </BackLink>
      <PageHeader
        title={`Kế hoạch của ${unitName}`}
        subTitle={
          <>
            <Typography.Paragraph
              type="secondary"
              ellipsis={{ rows: 2, tooltip: readableTitle(plan.title) }}
              style={{ margin: 0 }}
            >
              {readableTitle(plan.title)}
            </Typography.Paragraph>
            Lập lúc {formatDateTime(plan.createdAt)} ·{' '}
            <Link to={`/chuong-trinh/${plan.parentProgramId}`}>Xem chương trình</Link>
          </>
        }
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              Thêm mục
            </Button>
          )
        }
      />
      {parent.isError && (
        <Alert type="error" showIcon title={errorMessage(parent.error)} style={{ marginBottom: 16 }} />
      )}
      <Card size="small" title="Nhiệm vụ của đơn vị trong chương trình" style={{ marginBottom: 16 }}>
        <Flex wrap gap={8} style={{ marginBottom: notCovered.length ? 8 : 0 }}>
          <span className="program-count">
            <strong>{carried.length}</strong> nhiệm vụ ({carried.filter((t) => t.role === 'lead').length} chủ
            trì)
          </span>
          <span className="program-count" data-testid="plan-covered">
            <strong>{carried.length - notCovered.length}</strong> đã có mục kế hoạch
          </span>
        </Flex>
        {notCovered.length > 0 && (
          <Flex wrap gap={4} align="center">
            <Typography.Text type="secondary">Chưa có mục thực hiện:</Typography.Text>
            {notCovered.map((t) => (
              <Link key={t.nodeId} to={`/nhiem-vu/${t.nodeId}`}>
                <Tag color={t.role === 'lead' ? 'orange' : 'default'} style={{ marginInlineEnd: 0 }}>
                  {t.label} ({t.role === 'lead' ? 'chủ trì' : 'phối hợp'})
                </Tag>
              </Link>
            ))}
          </Flex>
        )}
      </Card>
      <Card size="small" title={`Các mục của kế hoạch (${plan.items.length})`}>
        <ListTable<PlanItem>
          rowKey="nodeId"
          size="middle"
          columns={columns}
          rows={plan.items}
          empty={
            canWrite ? 'Kế hoạch chưa có mục nào. Bấm “Thêm mục” để bắt đầu.' : 'Kế hoạch chưa có mục nào'
          }
          data-testid="plan-items"
        />
        {canWrite && plan.items.length > 0 && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            Mỗi mục là một nhiệm vụ của kế hoạch: bấm “Phân công” để giao tiếp cho đơn vị cấp dưới (chủ trì,
            phối hợp, thời hạn, sản phẩm).
          </Typography.Paragraph>
        )}
      </Card>
      {canWrite && (
        <>
          <AddItemModal plan={plan} tasks={carried} open={adding} onClose={() => setAdding(false)} />
          <EditLinksModal item={linking} tasks={carried} onClose={() => setLinking(null)} />
        </>
      )}
    </>
  );
}

/** A unit's implementation plan for a program: its items, linked to the program's tasks. */
export default function PlanPage() {
  const { planId = '' } = useParams();
  const q = usePlan(planId);
  return (
    <QueryPage query={q} what="kế hoạch" back={{ to: '/nhiem-vu', label: 'Về nhiệm vụ của đơn vị' }}>
      {(plan) => <PlanDetail plan={plan} />}
    </QueryPage>
  );
}
