import { Alert, Card, Col, Flex, Row, Tag, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { useSaveAssignment, useSuggestions, useTask } from './hooks';
import { AssignmentForm } from './AssignmentForm';
import { TaskReportingCard } from './TaskReportingCard';
import { RecommendationCard } from '../inspections/RecommendationCard';
import { AssignmentSummary, BaselineComparison } from './AssignmentSummary';
import { MeterTags, ProgramStatusTag } from './TaskBits';
import { baselineChanges } from './formValues';
import type { TaskDetail } from './api';
import { usePlan } from '../plans/hooks';
import { useMe } from '../auth/hooks';
import { EntityHistory } from '../audit/EntityHistory';
import { TaskFacts } from '../document/NodeFacts';
import { readableTitle } from '../document/labels';
import { useUnitLookup } from '../units/useUnitNames';
import { canAssignTasks, canViewAuditLog, canWritePlan } from '../../lib/permissions';
import { ConflictAlert } from '../../layout/ConflictAlert';
import { useVersionedSave } from '../../layout/useVersionedSave';
import { BackLink, PageHeader } from '../../layout/PageHeader';
import { PageSpin } from '../../layout/FullPageSpin';
import { QueryPage } from '../../layout/QueryPage';
import { ExpandableText } from '../../layout/ExpandableText';
import { DirectionsCard } from '../directions/DirectionsCard';

function TaskDetailView({
  detail,
  reload,
  fromSuggestion,
}: {
  detail: TaskDetail;
  reload: () => Promise<TaskDetail | undefined>;
  fromSuggestion: boolean;
}) {
  const me = useMe();
  const units = useUnitLookup();
  const task = detail.task;
  const plan = usePlan(task.programId);
  const isPlanItem = !!plan.data;
  const canEdit = canAssignTasks(me) || (!!plan.data && canWritePlan(me, plan.data.unitId));
  const suggestions = useSuggestions(task.programId, fromSuggestion && canEdit && !isPlanItem);
  const suggestion = suggestions.data?.tasks.find((s) => s.nodeId === task.nodeId) ?? null;
  const save = useSaveAssignment(task.nodeId);
  // The reloaded task has a new version: the form (keyed by it) is drawn again with its values.
  const saver = useVersionedSave({ record: detail, reload, mutation: save });
  const adjusted = detail.baseline ? baselineChanges(detail.baseline, task) : [];
  const missing = task.missing.length;

  const back = plan.data
    ? { to: `/ke-hoach/${plan.data.id}`, label: 'Kế hoạch của đơn vị' }
    : { to: `/chuong-trinh/${task.programId}?xem=nhiem-vu`, label: 'Nhiệm vụ của chương trình' };
  const waitForSuggestion = fromSuggestion && canEdit && !isPlanItem && suggestions.isPending;

  return (
    <>
      <BackLink to={back.to}>{back.label}</BackLink>
      <PageHeader
        title={`Nhiệm vụ ${task.label}`}
        subTitle={
          <>
            {task.groupLabel && (
              <Typography.Paragraph
                type="secondary"
                ellipsis={{ rows: 2, tooltip: `${task.groupLabel}. ${task.groupTitle ?? ''}` }}
                style={{ margin: 0 }}
              >
                {task.groupLabel}. {task.groupTitle}
              </Typography.Paragraph>
            )}
            <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
              <Link to={plan.data ? `/ke-hoach/${plan.data.id}` : `/chuong-trinh/${task.programId}`}>
                {readableTitle(detail.program.title)}
              </Link>
            </Typography.Paragraph>
          </>
        }
        extra={
          <Flex wrap gap={6} align="center">
            <ProgramStatusTag status={detail.program.status} />
            {adjusted.length > 0 && <Tag color="orange">Đã điều chỉnh</Tag>}
          </Flex>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Flex vertical gap={16}>
            <Card size="small" title="Nội dung nhiệm vụ">
              <ExpandableText
                rows={8}
                style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
                data-testid="task-text"
              >
                {task.text}
              </ExpandableText>
            </Card>
            <Card
              size="small"
              title="5 rõ"
              extra={
                <Typography.Text type={missing ? 'warning' : 'success'} data-testid="task-meter-summary">
                  {missing ? `Còn thiếu ${missing}/5` : 'Đủ 5 rõ'}
                </Typography.Text>
              }
            >
              <div data-testid="task-meter">
                <MeterTags meter={task.meter} />
              </div>
            </Card>
            {detail.extracted && (
              <Card size="small" title="Văn bản nêu (đọc tự động khi nhập)">
                <TaskFacts data={detail.extracted} units={units} />
              </Card>
            )}
            {isPlanItem && plan.data && (
              <Alert
                type="info"
                showIcon
                title="Mục trong kế hoạch của đơn vị"
                description={
                  <>
                    Đơn vị có thể giao tiếp mục này cho đơn vị cấp dưới (chủ trì, phối hợp, thời hạn, sản
                    phẩm) như giao nhiệm vụ của chương trình.{' '}
                    <Link to={`/ke-hoach/${plan.data.id}`}>Về kế hoạch</Link>
                  </>
                }
              />
            )}
          </Flex>
        </Col>
        <Col xs={24} lg={14}>
          <Card title="Phân công" size="small">
            {saver.conflict && <ConflictAlert text={saver.conflict} />}
            {!canEdit ? (
              <AssignmentSummary task={task} units={units} />
            ) : waitForSuggestion ? (
              <PageSpin />
            ) : (
              <AssignmentForm
                key={`${task.nodeId}:${task.version}`}
                detail={detail}
                suggestion={fromSuggestion ? suggestion : null}
                save={save}
                saver={saver}
              />
            )}
          </Card>
        </Col>
        <Col span={24}>
          <TaskReportingCard nodeId={task.nodeId} leadUnitId={task.leadUnitId} />
          <DirectionsCard targetType="task" targetId={task.nodeId} targetLabel={`Nhiệm vụ ${task.label}`} />
        </Col>
        <Col span={24}>
          <RecommendationCard nodeId={task.nodeId} />
        </Col>
        {detail.baseline && (
          <Col span={24}>
            <Card
              size="small"
              title="So với phân công khi triển khai"
              extra={
                adjusted.length > 0 ? (
                  <Tag color="orange">Đã điều chỉnh</Tag>
                ) : (
                  <Typography.Text type="secondary">Chưa điều chỉnh</Typography.Text>
                )
              }
            >
              <BaselineComparison baseline={detail.baseline} task={task} units={units} />
            </Card>
          </Col>
        )}
        <Col span={24}>
          <Card size="small" title="Lịch sử thay đổi">
            {canViewAuditLog(me) ? (
              <EntityHistory entityType="task" entityId={task.nodeId} />
            ) : (
              <Typography.Text type="secondary">
                Lịch sử phân công do cán bộ theo dõi quản lý; bạn chỉ xem được lịch sử của đơn vị và tài khoản
                của mình.
              </Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}

export default function TaskPage() {
  const { nodeId = '' } = useParams();
  const [sp] = useSearchParams();
  const query = useTask(nodeId);

  return (
    <QueryPage
      query={query}
      what="nhiệm vụ"
      back={{ to: '/chuong-trinh', label: 'Về danh sách chương trình' }}
    >
      {(detail) => (
        <TaskDetailView
          detail={detail}
          reload={async () => (await query.refetch()).data}
          fromSuggestion={sp.get('de-xuat') === '1'}
        />
      )}
    </QueryPage>
  );
}
