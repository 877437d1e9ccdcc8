/**
 * The plan form (create or edit a draft): kind, title, year or ad hoc, program, contents, schedule,
 * announcement and the day the inspected units see it, team, basis (one document a line), subjects.
 */
import { useQuery } from '@tanstack/react-query';
import { Button, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { SaveModal } from '../../layout/SaveModal';
import { saveModalProps } from '../../layout/saveModalProps';
import { ApiErrorAlert } from '../../layout/ApiErrorAlert';
import { UnitSelect } from '../units/UnitSelect';
import { usePrograms } from '../programs/hooks';
import { fetchProgramTasks } from '../tasks/api';
import { DATE_FORMAT, toDay, toIso } from '../tasks/formValues';
import { useMe } from '../auth/hooks';
import { INSPECTION_KINDS, INSPECTION_KIND_LABELS, type InspectionKind } from '../../shared/inspections';
import { createInspection, updateInspection, type InspectionPlan } from './api';
import { useInspectionMutation } from './hooks';

interface Values {
  bodyUnitId?: string | null;
  kind: InspectionKind;
  title: string;
  year: number | null;
  programId: string | null;
  contents: string;
  startsOn: Dayjs | null;
  endsOn: Dayjs | null;
  announcement: 'announced' | 'unannounced';
  visibleFrom: Dayjs | null;
  basisText: string;
  team: { name: string; position?: string; role?: string }[];
  subjects: { unitId: string; nodeId?: string | null; note?: string }[];
}

const FORM_ID = 'inspection-plan-form';

export function PlanFormModal({
  plan,
  open,
  onClose,
}: {
  plan?: InspectionPlan;
  open: boolean;
  onClose: () => void;
}) {
  const me = useMe();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const programs = usePrograms();
  const programId = Form.useWatch('programId', form);
  const announcement = Form.useWatch('announcement', form);
  const tasks = useQuery({
    queryKey: ['inspections', 'program-tasks', programId ?? ''],
    queryFn: ({ signal }) => fetchProgramTasks(programId!, {}, signal),
    enabled: !!programId,
  });
  const save = useInspectionMutation(async (v: Values) => {
    const body = {
      kind: v.kind,
      title: v.title,
      year: v.year ?? null,
      programId: v.programId ?? null,
      contents: v.contents ?? '',
      startsOn: toIso(v.startsOn),
      endsOn: toIso(v.endsOn),
      announcement: v.announcement,
      visibleFrom: v.announcement === 'announced' ? toIso(v.visibleFrom) : null,
      basisText: v.basisText ?? '',
      team: (v.team ?? []).map((m) => ({
        userId: null,
        name: m.name,
        position: m.position ?? '',
        role: m.role ?? '',
      })),
      subjects: (v.subjects ?? []).map((s) => ({
        unitId: s.unitId,
        nodeId: s.nodeId ?? null,
        note: s.note ?? '',
      })),
    };
    return plan
      ? updateInspection(plan.id, { ...body, version: plan.version })
      : createInspection(v.bodyUnitId ? { ...body, bodyUnitId: v.bodyUnitId } : body);
  });
  const modal = saveModalProps(save, onClose);
  const initial: Partial<Values> = plan
    ? {
        kind: plan.kind,
        title: plan.title,
        year: plan.year,
        programId: plan.programId,
        contents: plan.contents,
        startsOn: toDay(plan.startsOn),
        endsOn: toDay(plan.endsOn),
        announcement: plan.announcement,
        visibleFrom: toDay(plan.visibleFrom),
        basisText: plan.basis.map((b) => b.raw).join('\n'),
        team: plan.team.map((m) => ({ name: m.name, position: m.position, role: m.role })),
        subjects: plan.subjects.map((s) => ({ unitId: s.unitId, nodeId: s.nodeId, note: s.note })),
      }
    : {
        kind: 'party_inspection',
        year: new Date().getFullYear(),
        programId: null,
        announcement: 'announced',
        team: [],
        subjects: [{ unitId: '' }],
      };
  return (
    <SaveModal
      title={plan ? 'Sửa kế hoạch kiểm tra, giám sát' : 'Lập kế hoạch kiểm tra, giám sát'}
      open={open}
      formId={FORM_ID}
      okTestId="inspection-save"
      width={900}
      {...modal}
    >
      <ApiErrorAlert error={save.error} />
      <Form<Values>
        id={FORM_ID}
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(v) =>
          save.mutate(v, {
            onSuccess: (p) => {
              modal.onClose();
              if (!plan) void navigate(`/kiem-tra-giam-sat/${p.id}`);
            },
          })
        }
      >
        {!plan && me.role === 'admin' && (
          <Form.Item
            name="bodyUnitId"
            label="Cơ quan kiểm tra, giám sát"
            rules={[{ required: true, message: 'Hãy chọn cơ quan' }]}
          >
            <UnitSelect />
          </Form.Item>
        )}
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="kind" label="Loại hình" rules={[{ required: true }]}>
              <Select
                data-testid="inspection-kind"
                options={INSPECTION_KINDS.map((k) => ({ value: k, label: INSPECTION_KIND_LABELS[k].vi }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="year" label="Năm (bỏ trống: đột xuất)">
              <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="title"
          label="Tên kế hoạch"
          rules={[{ required: true, whitespace: true, message: 'Hãy nhập tên kế hoạch' }]}
        >
          <Input data-testid="inspection-title" maxLength={500} />
        </Form.Item>
        <Form.Item name="programId" label="Chương trình được kiểm tra, giám sát">
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            loading={programs.isPending}
            options={(programs.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))}
          />
        </Form.Item>
        <Form.Item name="contents" label="Nội dung">
          <Input.TextArea rows={3} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={12} md={6}>
            <Form.Item name="startsOn" label="Từ ngày">
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="endsOn" label="Đến ngày">
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="announcement" label="Thông báo cho đơn vị">
              <Radio.Group
                options={[
                  { value: 'announced', label: 'Có thông báo' },
                  { value: 'unannounced', label: 'Không báo trước' },
                ]}
              />
            </Form.Item>
          </Col>
          {announcement === 'announced' && (
            <Col xs={12} md={6}>
              <Form.Item name="visibleFrom" label="Đơn vị được biết từ ngày">
                <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Form.Item
          name="basisText"
          label="Căn cứ (mỗi dòng một văn bản)"
          extra="Ví dụ: Quy định số 22-QĐ/TW ngày 28/7/2021 của Ban Chấp hành Trung ương"
        >
          <Input.TextArea rows={3} data-testid="inspection-basis" />
        </Form.Item>
        <Form.Item label="Đối tượng kiểm tra, giám sát">
          <Form.List name="subjects">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="start" wrap style={{ display: 'flex' }}>
                    <Form.Item
                      name={[f.name, 'unitId']}
                      rules={[{ required: true, message: 'Hãy chọn đơn vị' }]}
                    >
                      <UnitSelect style={{ width: 300 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'nodeId']}>
                      <Select
                        allowClear
                        showSearch
                        optionFilterProp="label"
                        placeholder="Nhiệm vụ (không bắt buộc)"
                        disabled={!programId}
                        style={{ width: 320 }}
                        options={(tasks.data?.items ?? []).map((t) => ({
                          value: t.nodeId,
                          label: `${t.label} ${t.text}`.slice(0, 120),
                        }))}
                      />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="Bỏ đối tượng" />
                  </Space>
                ))}
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({ unitId: '' })}
                  data-testid="inspection-add-subject"
                >
                  Thêm đơn vị
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item label="Thành phần đoàn">
          <Form.List name="team">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="start" wrap style={{ display: 'flex' }}>
                    <Form.Item
                      name={[f.name, 'name']}
                      rules={[{ required: true, whitespace: true, message: 'Họ và tên' }]}
                    >
                      <Input placeholder="Họ và tên" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'position']}>
                      <Input placeholder="Chức vụ" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'role']}>
                      <Input placeholder="Trưởng đoàn, thành viên, thư ký…" />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="Bỏ thành viên" />
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ name: '' })}>
                  Thêm thành viên
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
      </Form>
    </SaveModal>
  );
}
