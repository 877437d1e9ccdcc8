/**
 * One inspection plan: what it is (kind, body, schedule, basis, team), its subjects, the visits with
 * their minutes and files, and its conclusions with findings and recommendations. The body's
 * supervisors edit the draft, decide and close it, record visits and write, issue and revise
 * conclusions; a unit sees only its own part.
 */
import { useState } from 'react';
import { App, Button, Card, Descriptions, Flex, List, Popconfirm, Space, Typography } from 'antd';
import { CheckOutlined, DownloadOutlined, EditOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { useParams } from 'react-router';
import { PageHeader } from '../../layout/PageHeader';
import { QueryPage } from '../../layout/QueryPage';
import { ListTable } from '../../layout/ListTable';
import { ApiErrorAlert } from '../../layout/ApiErrorAlert';
import { formatIsoDate } from '../../lib/format';
import { errorMessage } from '../../api/client';
import { useInspection, useInspectionMutation } from './hooks';
import {
  conclusionDocxUrl,
  reviseConclusion,
  stepInspection,
  visitFileUrl,
  type InspectionConclusion,
  type InspectionFinding,
  type InspectionPlan,
  type InspectionRecommendation,
  type InspectionSubject,
  type InspectionVisit,
} from './api';
import { PlanFormModal } from './PlanFormModal';
import { VisitModal } from './VisitModal';
import { ConclusionModal, IssueModal } from './ConclusionModal';
import { ConclusionStatusTag, PlanStatusTag, RecommendationStatusTag, kindLabel } from './labels';

const period = (a: string | null, b: string | null) =>
  a || b ? `${formatIsoDate(a)} – ${formatIsoDate(b)}` : '—';

function ConclusionCard({ plan, c }: { plan: InspectionPlan; c: InspectionConclusion }) {
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [issuing, setIssuing] = useState(false);
  const revise = useInspectionMutation(() => reviseConclusion(c.id, c.version));
  const manage = plan.canManage && plan.status === 'active';
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      data-testid="conclusion-card"
      title={
        <Space wrap>
          <span>{c.title || 'Kết luận'}</span>
          <ConclusionStatusTag status={c.status} />
          {c.revision > 1 && <span>(bản sửa đổi lần {c.revision - 1})</span>}
          {c.number && (
            <span>
              Số {c.number}, ngày {formatIsoDate(c.issuedOn)}
            </span>
          )}
        </Space>
      }
      extra={
        <Space wrap>
          {manage && c.status === 'draft' && (
            <>
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="conclusion-edit">
                Sửa
              </Button>
              <Button
                type="primary"
                icon={<CheckOutlined />}
                onClick={() => setIssuing(true)}
                data-testid="conclusion-issue"
              >
                Ban hành
              </Button>
            </>
          )}
          {manage && c.status === 'issued' && (
            <Popconfirm
              title="Tạo bản sửa đổi của kết luận này?"
              description="Kết luận hiện hành vẫn có hiệu lực cho tới khi bản sửa đổi được ban hành."
              okText="Tạo bản sửa đổi"
              cancelText="Hủy"
              onConfirm={() =>
                revise.mutate(undefined, { onError: (e) => void message.error(errorMessage(e)) })
              }
            >
              <Button data-testid="conclusion-revise" loading={revise.isPending}>
                Sửa đổi
              </Button>
            </Popconfirm>
          )}
          {c.status !== 'draft' || plan.canManage ? (
            <Button icon={<DownloadOutlined />} href={conclusionDocxUrl(c.id)} data-testid="conclusion-docx">
              Tải .docx
            </Button>
          ) : null}
        </Space>
      }
    >
      {c.summary && (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{c.summary}</Typography.Paragraph>
      )}
      <Typography.Title level={5}>Nội dung kết luận</Typography.Title>
      <ListTable<InspectionFinding>
        data-testid="conclusion-findings"
        rowKey="id"
        rows={c.findings}
        pageSize={false}
        empty="Chưa có nội dung kết luận"
        columns={[
          { title: 'Số', dataIndex: 'seq', width: 50 },
          { title: 'Đơn vị', dataIndex: 'unitName' },
          { title: 'Nhiệm vụ', dataIndex: 'taskLabel', render: (t: string | null) => t ?? '—' },
          { title: 'Nội dung', dataIndex: 'text' },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        Kiến nghị
      </Typography.Title>
      <ListTable<InspectionRecommendation>
        data-testid="conclusion-recommendations"
        rowKey="id"
        rows={c.recommendations}
        pageSize={false}
        empty="Không có kiến nghị"
        columns={[
          { title: 'Số', dataIndex: 'seq', width: 50 },
          { title: 'Đơn vị thực hiện', dataIndex: 'responsibleUnitName' },
          { title: 'Kiến nghị', dataIndex: 'text' },
          { title: 'Thời hạn', dataIndex: 'dueDate', render: formatIsoDate },
          { title: 'Sản phẩm', dataIndex: 'expectedProduct' },
          { title: 'Nội dung số', dataIndex: 'findingSeq', render: (n: number | null) => n ?? '—' },
          ...(c.status === 'draft'
            ? []
            : [
                {
                  title: 'Tình trạng',
                  dataIndex: 'status',
                  render: (s: InspectionRecommendation['status']) => <RecommendationStatusTag status={s} />,
                },
              ]),
        ]}
      />
      {editing && <ConclusionModal plan={plan} conclusion={c} onClose={() => setEditing(false)} />}
      {issuing && <IssueModal conclusion={c} onClose={() => setIssuing(false)} />}
    </Card>
  );
}

function PlanView({ plan }: { plan: InspectionPlan }) {
  const [editing, setEditing] = useState(false);
  const [visit, setVisit] = useState<InspectionVisit | 'new' | null>(null);
  const [writing, setWriting] = useState(false);
  const step = useInspectionMutation((s: 'activate' | 'close') => stepInspection(plan.id, s, plan.version));
  const active = plan.status === 'active';
  const hasDraft = plan.conclusions.some((c) => c.status === 'draft');
  return (
    <>
      <PageHeader
        title={plan.title}
        subTitle={
          <Space wrap>
            <PlanStatusTag status={plan.status} />
            <span>
              {kindLabel(plan.kind)} — {plan.bodyUnitName}
            </span>
          </Space>
        }
        extra={
          plan.canManage && (
            <Space wrap>
              {plan.status === 'draft' && (
                <>
                  <Button
                    icon={<EditOutlined />}
                    onClick={() => setEditing(true)}
                    data-testid="inspection-edit"
                  >
                    Sửa
                  </Button>
                  <Popconfirm
                    title="Quyết định, ban hành kế hoạch?"
                    description="Sau khi ban hành, kế hoạch không sửa được nữa; đơn vị được biết theo ngày đã định hoặc từ đợt làm việc đầu tiên."
                    okText="Ban hành"
                    cancelText="Hủy"
                    onConfirm={() => step.mutate('activate')}
                  >
                    <Button type="primary" icon={<CheckOutlined />} data-testid="inspection-activate">
                      Quyết định / ban hành kế hoạch
                    </Button>
                  </Popconfirm>
                </>
              )}
              {active && (
                <Popconfirm
                  title="Kết thúc kế hoạch?"
                  description="Sau khi kết thúc, không ghi thêm đợt làm việc hay kết luận."
                  okText="Kết thúc"
                  cancelText="Hủy"
                  onConfirm={() => step.mutate('close')}
                >
                  <Button icon={<StopOutlined />} data-testid="inspection-close">
                    Kết thúc
                  </Button>
                </Popconfirm>
              )}
            </Space>
          )
        }
      />
      <ApiErrorAlert error={step.error} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="Năm">{plan.year ?? 'Đột xuất'}</Descriptions.Item>
          <Descriptions.Item label="Thời gian">{period(plan.startsOn, plan.endsOn)}</Descriptions.Item>
          <Descriptions.Item label="Chương trình">{plan.programTitle ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="Thông báo">
            {plan.announcement === 'announced'
              ? `Có thông báo; đơn vị được biết từ ${formatIsoDate(plan.visibleFrom)}`
              : 'Không báo trước (đơn vị được biết từ đợt làm việc đầu tiên)'}
          </Descriptions.Item>
          <Descriptions.Item label="Nội dung" span={2}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{plan.contents || '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label="Căn cứ" span={2}>
            {plan.basis.length ? (
              <List
                size="small"
                dataSource={plan.basis}
                renderItem={(b) => <List.Item style={{ padding: '2px 0' }}>{b.raw}</List.Item>}
              />
            ) : (
              '—'
            )}
          </Descriptions.Item>
          <Descriptions.Item label="Thành phần đoàn" span={2}>
            {plan.team.length
              ? plan.team.map((m) => [m.name, m.position, m.role].filter(Boolean).join(', ')).join('; ')
              : '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title="Đối tượng kiểm tra, giám sát" style={{ marginBottom: 16 }}>
        <ListTable<InspectionSubject>
          data-testid="inspection-subjects"
          rowKey="id"
          rows={plan.subjects}
          pageSize={false}
          columns={[
            { title: 'Đơn vị', dataIndex: 'unitName' },
            { title: 'Nhiệm vụ', dataIndex: 'taskLabel', render: (t: string | null) => t ?? '—' },
            {
              title: 'Kế hoạch của đơn vị',
              dataIndex: 'unitPlanTitle',
              render: (t: string | null) => t ?? '—',
            },
          ]}
        />
      </Card>
      <Card
        size="small"
        title="Đợt làm việc và biên bản"
        style={{ marginBottom: 16 }}
        extra={
          plan.canManage &&
          active && (
            <Button icon={<PlusOutlined />} onClick={() => setVisit('new')} data-testid="visit-create">
              Ghi đợt làm việc
            </Button>
          )
        }
      >
        <ListTable<InspectionVisit>
          data-testid="inspection-visits"
          rowKey="id"
          rows={plan.visits}
          pageSize={false}
          empty="Chưa có đợt làm việc"
          expandable={{
            expandedRowRender: (v) => (
              <Flex vertical gap={8}>
                {v.participants && <div>Thành phần: {v.participants}</div>}
                {v.documents.length > 0 && (
                  <div>
                    Tài liệu đã xem xét:
                    <ul>
                      {v.documents.map((d) => (
                        <li key={`${d.kind}:${d.ref}`}>{d.label}</li>
                      ))}
                    </ul>
                  </div>
                )}
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                  {v.minutes}
                </Typography.Paragraph>
                {v.attachments.map((a) => (
                  <a key={a.sha256} href={visitFileUrl(v.id, a.sha256)}>
                    {a.name}
                  </a>
                ))}
              </Flex>
            ),
          }}
          columns={[
            { title: 'Ngày', dataIndex: 'heldOn', render: formatIsoDate },
            { title: 'Đơn vị', dataIndex: 'unitName' },
            { title: 'Địa điểm', dataIndex: 'place' },
            { title: 'Tệp kèm', dataIndex: 'attachments', render: (a: unknown[]) => a.length },
            ...(plan.canManage && active
              ? [
                  {
                    title: '',
                    key: 'edit',
                    render: (_: unknown, v: InspectionVisit) => (
                      <Button size="small" onClick={() => setVisit(v)} data-testid="visit-edit">
                        Sửa
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card
        size="small"
        title="Kết luận và kiến nghị"
        extra={
          plan.canManage &&
          active &&
          !hasDraft && (
            <Button icon={<PlusOutlined />} onClick={() => setWriting(true)} data-testid="conclusion-create">
              Lập dự thảo kết luận
            </Button>
          )
        }
      >
        {plan.conclusions.length === 0 && (
          <Typography.Text type="secondary">Chưa có kết luận</Typography.Text>
        )}
        {plan.conclusions.map((c) => (
          <ConclusionCard key={c.id} plan={plan} c={c} />
        ))}
      </Card>
      {editing && <PlanFormModal plan={plan} open onClose={() => setEditing(false)} />}
      {visit && (
        <VisitModal plan={plan} visit={visit === 'new' ? undefined : visit} onClose={() => setVisit(null)} />
      )}
      {writing && <ConclusionModal plan={plan} onClose={() => setWriting(false)} />}
    </>
  );
}

export default function InspectionPage() {
  const { id = '' } = useParams();
  const q = useInspection(id);
  return (
    <QueryPage
      query={q}
      what="kế hoạch kiểm tra, giám sát"
      back={{ to: '/kiem-tra-giam-sat', label: 'Về danh sách kế hoạch' }}
    >
      {(plan) => <PlanView plan={plan} />}
    </QueryPage>
  );
}
