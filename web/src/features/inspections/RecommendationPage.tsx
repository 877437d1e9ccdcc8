import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Radio,
  Row,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import {
  CheckOutlined,
  DeleteOutlined,
  PlusOutlined,
  RollbackOutlined,
  SendOutlined,
} from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { Link, useNavigate, useParams } from 'react-router';
import { errorMessage } from '../../api/client';
import { formatDateTime, formatIsoDate } from '../../lib/format';
import { BackLink, PageHeader } from '../../layout/PageHeader';
import { QueryPage } from '../../layout/QueryPage';
import { LIMITS } from '../../shared/limits';
import { EntityHistory } from '../audit/EntityHistory';
import { useMe } from '../auth/hooks';
import { canViewAuditLog } from '../../lib/permissions';
import {
  useDecideRemediation,
  useRecommendation,
  useSubmitRemediation,
  type RecommendationDetail,
  type RemediationReport,
} from './RecommendationApi';
import { RecommendationStatusTag } from './RecommendationBits';

const STATE_LABELS = { in_progress: 'Đang thực hiện', done: 'Đã hoàn thành' } as const;

interface ReportValues {
  state: 'in_progress' | 'done';
  result: string;
  products?: { description: string; number?: string; date?: Dayjs | null; link?: string }[];
}

/** The responsible unit's remediation report. */
function ReportModal({ d, open, onClose }: { d: RecommendationDetail; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<ReportValues>();
  const save = useSubmitRemediation();
  const { message } = App.useApp();
  const onFinish = (v: ReportValues) =>
    save.mutate(
      {
        id: d.recommendation.id,
        input: {
          version: d.recommendation.version,
          state: v.state,
          result: v.result.trim(),
          products: (v.products ?? [])
            .filter((p) => p.description?.trim())
            .map((p) => ({
              description: p.description.trim(),
              number: p.number?.trim() || null,
              date: p.date ? p.date.format('YYYY-MM-DD') : null,
              link: p.link?.trim() || null,
            })),
        },
      },
      {
        onSuccess: () => {
          void message.success('Đã gửi báo cáo khắc phục');
          form.resetFields();
          onClose();
        },
      },
    );
  return (
    <Modal
      open={open}
      title="Báo cáo kết quả khắc phục"
      okText="Gửi báo cáo"
      cancelText="Hủy"
      width={720}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {save.isError && (
        <Alert type="error" showIcon message={errorMessage(save.error)} style={{ marginBottom: 12 }} />
      )}
      <Form<ReportValues> form={form} layout="vertical" onFinish={onFinish} initialValues={{ state: 'done' }}>
        <Form.Item name="state" label="Tình hình khắc phục" rules={[{ required: true }]}>
          <Radio.Group
            options={[
              { value: 'in_progress', label: STATE_LABELS.in_progress },
              { value: 'done', label: STATE_LABELS.done },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="result"
          label="Kết quả khắc phục"
          rules={[{ required: true, whitespace: true, message: 'Vui lòng nêu kết quả khắc phục' }]}
        >
          <Input.TextArea id="remediation-result" rows={4} maxLength={LIMITS.entryResults} />
        </Form.Item>
        <Typography.Text strong>Sản phẩm (văn bản, đường dẫn)</Typography.Text>
        <Form.List name="products">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="start" wrap style={{ display: 'flex', marginTop: 8 }}>
                  <Form.Item
                    name={[field.name, 'description']}
                    rules={[{ required: true, whitespace: true, message: 'Nêu tên sản phẩm' }]}
                    style={{ marginBottom: 0 }}
                  >
                    <Input
                      placeholder="Tên sản phẩm"
                      maxLength={LIMITS.reportProductDescription}
                      style={{ width: 240 }}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'number']} style={{ marginBottom: 0 }}>
                    <Input
                      placeholder="Số, ký hiệu"
                      maxLength={LIMITS.reportProductNumber}
                      style={{ width: 140 }}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'date']} style={{ marginBottom: 0 }}>
                    <DatePicker placeholder="Ngày" format="DD/MM/YYYY" />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'link']}
                    rules={[
                      {
                        pattern: /^$|^https?:\/\/\S+$/i,
                        message: 'Đường dẫn bắt đầu bằng http:// hoặc https://',
                      },
                    ]}
                    style={{ marginBottom: 0 }}
                  >
                    <Input
                      placeholder="Đường dẫn"
                      maxLength={LIMITS.reportProductLink}
                      style={{ width: 200 }}
                    />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label="Xóa sản phẩm"
                    onClick={() => remove(field.name)}
                  />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} style={{ marginTop: 8 }}>
                Thêm sản phẩm
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

/** The inspecting body's decision on the waiting report. */
function DecisionModal({
  d,
  decision,
  onClose,
}: {
  d: RecommendationDetail;
  decision: 'accept' | 'return' | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ comment?: string }>();
  const save = useDecideRemediation();
  const { message } = App.useApp();
  const waiting = d.reports.find((r) => !r.decision);
  const onFinish = (v: { comment?: string }) =>
    save.mutate(
      {
        id: d.recommendation.id,
        input: {
          version: d.recommendation.version,
          decision: decision!,
          comment: v.comment?.trim() || undefined,
        },
      },
      {
        onSuccess: () => {
          void message.success(
            decision === 'accept' ? 'Đã chấp nhận kết quả khắc phục' : 'Đã trả lại báo cáo khắc phục',
          );
          form.resetFields();
          onClose();
        },
      },
    );
  return (
    <Modal
      open={!!decision}
      title={decision === 'accept' ? 'Chấp nhận kết quả khắc phục' : 'Trả lại báo cáo khắc phục'}
      okText={decision === 'accept' ? 'Chấp nhận' : 'Trả lại'}
      cancelText="Hủy"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {save.isError && (
        <Alert type="error" showIcon message={errorMessage(save.error)} style={{ marginBottom: 12 }} />
      )}
      {decision === 'accept' && waiting && (
        <Typography.Paragraph>
          {waiting.state === 'done'
            ? 'Đơn vị báo cáo đã hoàn thành: chấp nhận sẽ kết thúc kiến nghị.'
            : 'Đơn vị báo cáo đang thực hiện: chấp nhận ghi nhận tiến độ, kiến nghị vẫn tiếp tục được theo dõi cho đến khi hoàn thành.'}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="comment"
          label="Ý kiến"
          rules={
            decision === 'return'
              ? [{ required: true, whitespace: true, message: 'Trả lại phải kèm ý kiến' }]
              : []
          }
        >
          <Input.TextArea id="remediation-comment" rows={3} maxLength={LIMITS.reviewComment} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ReportItem({ r }: { r: RemediationReport }) {
  return (
    <>
      <Typography.Text strong>
        Lần {r.seq} — {STATE_LABELS[r.state]}
      </Typography.Text>{' '}
      <Typography.Text type="secondary">
        {formatDateTime(r.submittedAt)}
        {r.submittedByName ? `, ${r.submittedByName}` : ''}
      </Typography.Text>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>
        {r.result}
      </Typography.Paragraph>
      {r.products.map((p, i) => (
        <div key={i}>
          Sản phẩm: {p.description}
          {p.number ? ` (số ${p.number}${p.date ? ` ngày ${formatIsoDate(p.date)}` : ''})` : ''}
          {p.link && (
            <>
              {' '}
              <a href={p.link} target="_blank" rel="noreferrer">
                Xem
              </a>
            </>
          )}
        </div>
      ))}
      {r.files.map((f) => (
        <div key={f.sha256}>
          Tệp: <a href={`/api/files/${f.sha256}`}>{f.name}</a>
        </div>
      ))}
      {r.decision ? (
        <div style={{ marginTop: 4 }}>
          <Tag color={r.decision === 'accepted' ? 'green' : 'orange'}>
            {r.decision === 'accepted' ? 'Được chấp nhận' : 'Bị trả lại'}
          </Tag>
          <Typography.Text type="secondary">
            {formatDateTime(r.decidedAt)}
            {r.decidedByName ? `, ${r.decidedByName}` : ''}
          </Typography.Text>
          {r.decisionComment && <div>Ý kiến: {r.decisionComment}</div>}
        </div>
      ) : (
        <Tag color="gold">Chờ xem xét</Tag>
      )}
    </>
  );
}

function RecommendationView({ d }: { d: RecommendationDetail }) {
  const navigate = useNavigate();
  const me = useMe();
  const [reporting, setReporting] = useState(false);
  const [decision, setDecision] = useState<'accept' | 'return' | null>(null);
  const r = d.recommendation;
  return (
    <>
      <BackLink onClick={() => navigate('/kien-nghi')}>Về danh sách kiến nghị</BackLink>
      <PageHeader
        title={`Kiến nghị ${r.seq}`}
        subTitle={<RecommendationStatusTag r={r} />}
        extra={
          <Flex gap={8} wrap>
            {d.can.report && (
              <Button type="primary" icon={<SendOutlined />} onClick={() => setReporting(true)}>
                Báo cáo khắc phục
              </Button>
            )}
            {d.can.decide && (
              <>
                <Button type="primary" icon={<CheckOutlined />} onClick={() => setDecision('accept')}>
                  Chấp nhận
                </Button>
                <Button icon={<RollbackOutlined />} onClick={() => setDecision('return')}>
                  Trả lại
                </Button>
              </>
            )}
          </Flex>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title="Nội dung kiến nghị" style={{ height: '100%' }}>
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'text', label: 'Kiến nghị', children: r.text },
                { key: 'product', label: 'Sản phẩm khắc phục', children: r.expectedProduct || '—' },
                { key: 'due', label: 'Thời hạn', children: formatIsoDate(r.dueDate) },
                {
                  key: 'unit',
                  label: 'Đơn vị chịu trách nhiệm',
                  children: <Link to={`/don-vi/${r.responsibleUnitId}`}>{r.responsibleUnitName}</Link>,
                },
                {
                  key: 'task',
                  label: 'Nhiệm vụ',
                  children: r.nodeId ? <Link to={`/nhiem-vu/${r.nodeId}`}>{r.taskLabel}</Link> : '—',
                },
                { key: 'finding', label: 'Hạn chế, thiếu sót', children: r.findingText ?? '—' },
                { key: 'body', label: 'Cơ quan kiểm tra, giám sát', children: r.bodyUnitName },
                { key: 'plan', label: 'Kế hoạch', children: r.planTitle },
                {
                  key: 'conclusion',
                  label: 'Kết luận',
                  children: r.conclusionNumber
                    ? `Số ${r.conclusionNumber}${r.conclusionIssuedOn ? ` ngày ${formatIsoDate(r.conclusionIssuedOn)}` : ''}`
                    : '—',
                },
                ...(r.closedAt
                  ? [{ key: 'closed', label: 'Hoàn thành lúc', children: formatDateTime(r.closedAt) }]
                  : []),
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            title="Báo cáo khắc phục"
            style={{ height: '100%' }}
            data-testid="remediation-reports"
          >
            {d.reports.length ? (
              <Timeline items={d.reports.map((x) => ({ key: x.id, children: <ReportItem r={x} /> }))} />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Đơn vị chưa báo cáo khắc phục" />
            )}
          </Card>
        </Col>
        {canViewAuditLog(me) && (
          <Col span={24}>
            <Card size="small" title="Lịch sử thay đổi">
              <EntityHistory entityType="recommendation" entityId={r.id} />
            </Card>
          </Col>
        )}
      </Row>
      <ReportModal d={d} open={reporting} onClose={() => setReporting(false)} />
      <DecisionModal d={d} decision={decision} onClose={() => setDecision(null)} />
    </>
  );
}

export default function RecommendationPage() {
  const { id } = useParams();
  const q = useRecommendation(id);
  return (
    <QueryPage query={q} what="kiến nghị" back={{ to: '/kien-nghi', label: 'Về danh sách kiến nghị' }}>
      {(d) => <RecommendationView d={d} />}
    </QueryPage>
  );
}
