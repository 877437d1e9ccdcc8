/**
 * The draft of a conclusion: title, summary, layout, findings (unit of the plan, task, text) and
 * recommendations (responsible unit, text, deadline, expected product, the finding it answers).
 * Also the issue modal: number, date, signer.
 */
import { Button, Card, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { SaveModal } from '../../layout/SaveModal';
import { saveModalProps } from '../../layout/saveModalProps';
import { ApiErrorAlert } from '../../layout/ApiErrorAlert';
import { UnitSelect } from '../units/UnitSelect';
import { DATE_FORMAT, toDay, toIso } from '../tasks/formValues';
import {
  createConclusion,
  issueConclusion,
  updateConclusion,
  type InspectionConclusion,
  type InspectionPlan,
} from './api';
import { useInspectionMutation } from './hooks';

interface Values {
  title: string;
  summary: string;
  layout: 'party' | 'state';
  findings: { unitId: string; text: string }[];
  recommendations: {
    id?: string;
    findingSeq?: number | null;
    responsibleUnitId: string;
    text: string;
    dueDate: Dayjs | null;
    expectedProduct?: string;
  }[];
}

const FORM_ID = 'inspection-conclusion-form';

export function ConclusionModal({
  plan,
  conclusion,
  onClose,
}: {
  plan: InspectionPlan;
  conclusion?: InspectionConclusion;
  onClose: () => void;
}) {
  const save = useInspectionMutation(async (v: Values) => {
    const body = {
      title: v.title ?? '',
      summary: v.summary ?? '',
      layout: v.layout,
      findings: (v.findings ?? []).map((f) => {
        const old = conclusion?.findings.find((x) => x.unitId === f.unitId && x.text === f.text);
        return { unitId: f.unitId, nodeId: old?.nodeId ?? null, text: f.text };
      }),
      recommendations: (v.recommendations ?? []).map((r) => ({
        ...(r.id ? { id: r.id } : {}),
        findingSeq: r.findingSeq ?? null,
        responsibleUnitId: r.responsibleUnitId,
        nodeId: conclusion?.recommendations.find((x) => x.id === r.id)?.nodeId ?? null,
        text: r.text,
        dueDate: toIso(r.dueDate)!,
        expectedProduct: r.expectedProduct ?? '',
      })),
    };
    return conclusion
      ? updateConclusion(conclusion.id, { ...body, version: conclusion.version })
      : createConclusion(plan.id, body);
  });
  const modal = saveModalProps(save, onClose);
  const subjectUnits = [...new Map(plan.subjects.map((s) => [s.unitId, s.unitName])).entries()];
  return (
    <SaveModal
      title={conclusion ? 'Sửa dự thảo kết luận' : 'Lập dự thảo kết luận'}
      open
      formId={FORM_ID}
      okTestId="conclusion-save"
      width={960}
      {...modal}
    >
      <ApiErrorAlert error={save.error} />
      <Form<Values>
        id={FORM_ID}
        layout="vertical"
        initialValues={{
          title:
            conclusion?.title ??
            `Kết luận ${plan.title.charAt(0).toLocaleLowerCase('vi')}${plan.title.slice(1)}`,
          summary: conclusion?.summary ?? '',
          layout: conclusion?.layout ?? (plan.kind === 'party_inspection' ? 'party' : 'state'),
          findings: conclusion?.findings.map((f) => ({ unitId: f.unitId, text: f.text })) ?? [],
          recommendations:
            conclusion?.recommendations.map((r) => ({
              id: r.id,
              findingSeq: r.findingSeq,
              responsibleUnitId: r.responsibleUnitId,
              text: r.text,
              dueDate: toDay(r.dueDate),
              expectedProduct: r.expectedProduct,
            })) ?? [],
        }}
        onFinish={(v) => save.mutate(v, { onSuccess: () => modal.onClose() })}
      >
        <Form.Item name="title" label="Trích yếu">
          <Input data-testid="conclusion-title" />
        </Form.Item>
        <Form.Item name="layout" label="Thể thức">
          <Radio.Group
            options={[
              { value: 'party', label: 'Thông báo kết luận kiểm tra (văn bản của Đảng)' },
              { value: 'state', label: 'Báo cáo kết quả giám sát (Nghị định 30/2020)' },
            ]}
          />
        </Form.Item>
        <Form.Item name="summary" label="Khái quát">
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.List name="findings">
          {(fields, { add, remove }) => (
            <Card size="small" title="Nội dung kết luận" style={{ marginBottom: 12 }}>
              {fields.map((f, i) => (
                <Row key={f.key} gutter={8} align="top">
                  <Col flex="40px" style={{ paddingTop: 6 }}>
                    {i + 1}.
                  </Col>
                  <Col xs={24} md={7}>
                    <Form.Item
                      name={[f.name, 'unitId']}
                      rules={[{ required: true, message: 'Hãy chọn đơn vị' }]}
                    >
                      <Select options={subjectUnits.map(([value, label]) => ({ value, label }))} />
                    </Form.Item>
                  </Col>
                  <Col flex="auto">
                    <Form.Item
                      name={[f.name, 'text']}
                      rules={[{ required: true, whitespace: true, message: 'Hãy nhập nội dung' }]}
                    >
                      <Input.TextArea rows={2} data-testid={`finding-text-${i}`} />
                    </Form.Item>
                  </Col>
                  <Col>
                    <Button
                      icon={<DeleteOutlined />}
                      onClick={() => remove(f.name)}
                      aria-label="Bỏ nội dung"
                    />
                  </Col>
                </Row>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ unitId: subjectUnits[0]?.[0] })}
                data-testid="finding-add"
              >
                Thêm nội dung kết luận
              </Button>
            </Card>
          )}
        </Form.List>
        <Form.List name="recommendations">
          {(fields, { add, remove }) => (
            <Card size="small" title="Kiến nghị">
              {fields.map((f, i) => (
                <Row key={f.key} gutter={8} align="top">
                  <Col flex="40px" style={{ paddingTop: 6 }}>
                    {i + 1}.
                  </Col>
                  <Col xs={24} md={6}>
                    <Form.Item
                      name={[f.name, 'responsibleUnitId']}
                      rules={[{ required: true, message: 'Hãy chọn đơn vị chịu trách nhiệm' }]}
                    >
                      <UnitSelect placeholder="Đơn vị thực hiện" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={7}>
                    <Form.Item
                      name={[f.name, 'text']}
                      rules={[{ required: true, whitespace: true, message: 'Hãy nhập kiến nghị' }]}
                    >
                      <Input.TextArea
                        rows={2}
                        placeholder="Nội dung kiến nghị"
                        data-testid={`recommendation-text-${i}`}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={3}>
                    <Form.Item
                      name={[f.name, 'dueDate']}
                      rules={[{ required: true, message: 'Hãy chọn thời hạn' }]}
                    >
                      <DatePicker format={DATE_FORMAT} placeholder="Thời hạn" />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={4}>
                    <Form.Item name={[f.name, 'expectedProduct']}>
                      <Input placeholder="Sản phẩm khắc phục" />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={2}>
                    <Form.Item name={[f.name, 'findingSeq']}>
                      <InputNumber min={1} placeholder="ND số" style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col>
                    <Button
                      icon={<DeleteOutlined />}
                      onClick={() => remove(f.name)}
                      aria-label="Bỏ kiến nghị"
                    />
                  </Col>
                </Row>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ dueDate: null })}
                data-testid="recommendation-add"
              >
                Thêm kiến nghị
              </Button>
            </Card>
          )}
        </Form.List>
      </Form>
    </SaveModal>
  );
}

interface IssueValues {
  number: string;
  issuedOn: Dayjs | null;
  signerName: string;
  signerTitle: string;
}

const ISSUE_FORM = 'inspection-issue-form';

export function IssueModal({
  conclusion,
  onClose,
}: {
  conclusion: InspectionConclusion;
  onClose: () => void;
}) {
  const save = useInspectionMutation((v: IssueValues) =>
    issueConclusion(conclusion.id, {
      version: conclusion.version,
      number: v.number,
      issuedOn: toIso(v.issuedOn)!,
      signerName: v.signerName,
      signerTitle: v.signerTitle,
    }),
  );
  const modal = saveModalProps(save, onClose);
  return (
    <SaveModal
      title="Ban hành kết luận"
      open
      formId={ISSUE_FORM}
      okText="Ban hành"
      okTestId="conclusion-issue-ok"
      {...modal}
    >
      <ApiErrorAlert error={save.error} />
      <Form<IssueValues>
        id={ISSUE_FORM}
        layout="vertical"
        initialValues={{ signerName: conclusion.signerName ?? '', signerTitle: conclusion.signerTitle ?? '' }}
        onFinish={(v) => save.mutate(v, { onSuccess: () => modal.onClose() })}
      >
        <Form.Item
          name="number"
          label="Số văn bản"
          extra="Chỉ nhập số (ví dụ 15); ký hiệu văn bản (-TB/…, /BC-…) được thêm tự động."
          rules={[
            { required: true, whitespace: true, message: 'Hãy nhập số' },
            { pattern: /^[^/]*$/, message: 'Chỉ nhập số, không nhập ký hiệu văn bản (phần sau dấu /)' },
          ]}
        >
          <Input data-testid="conclusion-number" />
        </Form.Item>
        <Form.Item
          name="issuedOn"
          label="Ngày ban hành"
          rules={[{ required: true, message: 'Hãy chọn ngày' }]}
        >
          <DatePicker format={DATE_FORMAT} data-testid="conclusion-date" />
        </Form.Item>
        <Form.Item
          name="signerTitle"
          label="Chức vụ người ký"
          rules={[{ required: true, whitespace: true, message: 'Hãy nhập chức vụ' }]}
        >
          <Input placeholder="Chủ nhiệm" />
        </Form.Item>
        <Form.Item
          name="signerName"
          label="Họ và tên người ký"
          rules={[{ required: true, whitespace: true, message: 'Hãy nhập họ tên' }]}
        >
          <Input />
        </Form.Item>
      </Form>
    </SaveModal>
  );
}
