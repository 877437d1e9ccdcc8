import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Flex, Form, Input, Popconfirm, Typography } from 'antd';
import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import type { ReportTask, ReportView, StatusRules, VersionSummary } from './api';
import { EntryFacts, ReportText } from './EntryView';
import { CooperatingInputs, MonitorComment, TaskCard } from './TaskCard';
import { useReviewReport } from './hooks';
import { GENERAL_FIELD_LABELS } from './labels';
import type { ReportContent, ReportGeneral } from '../../shared/report';
import { errorMessage, isApiError } from '../../api/client';
import { ApiErrorAlert } from '../../layout/ApiErrorAlert';
import { LIMITS } from '../../shared/limits';

const RETURN_NEEDS_COMMENT = 'Trả lại báo cáo cần có ý kiến chung hoặc ý kiến cho từng nhiệm vụ.';

export function GeneralFacts({ general }: { general: ReportGeneral }) {
  const keys = (Object.keys(GENERAL_FIELD_LABELS) as (keyof ReportGeneral)[]).filter((k) =>
    general[k]?.trim(),
  );
  if (!keys.length) return <Typography.Text type="secondary">Không có nội dung chung.</Typography.Text>;
  return (
    <Flex vertical gap={8}>
      {keys.map((k) => (
        <div key={k}>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {GENERAL_FIELD_LABELS[k]}
          </Typography.Text>
          <ReportText>{general[k]}</ReportText>
        </div>
      ))}
    </Flex>
  );
}

/**
 * A report's content, read-only: one card per task with the unit's entry, the version's comments and,
 * for tasks the unit leads, the cooperating units' inputs. `side` adds to a task's side column.
 */
export function ContentView({
  tasks,
  content,
  statuses,
  version,
  cooperating,
  side,
}: {
  tasks: ReportTask[];
  content: ReportContent;
  statuses: StatusRules;
  /** The version shown, for its comments. */
  version: VersionSummary | null;
  cooperating?: ReportView['cooperating'];
  side?: (task: ReportTask) => React.ReactNode;
}) {
  return (
    <Flex vertical gap={16}>
      {tasks.map((t) => {
        const comment = version?.taskComments[t.nodeId];
        const inputs = t.role === 'lead' ? (cooperating?.[t.nodeId] ?? []) : [];
        const extra = side?.(t);
        const hasSide = !!comment || inputs.length > 0 || !!extra;
        return (
          <TaskCard
            key={t.nodeId}
            task={t}
            statuses={statuses}
            side={
              hasSide ? (
                <>
                  {comment && <MonitorComment text={comment} version={version!.number} />}
                  {inputs.length > 0 && <CooperatingInputs inputs={inputs} statuses={statuses} />}
                  {extra}
                </>
              ) : null
            }
          >
            <EntryFacts entry={content.entries[t.nodeId]} statuses={statuses} />
          </TaskCard>
        );
      })}
      <Card size="small" title="Phần chung của báo cáo" data-testid="report-general">
        <GeneralFacts general={content.general} />
      </Card>
    </Flex>
  );
}

/**
 * A report that cannot be changed here: submitted, accepted, the period closed, or read by someone
 * other than the unit. A monitor reviewing a submitted version comments per task and on the whole.
 */
export function ReportReadOnly({
  report,
  content,
  version,
  canReview,
}: {
  report: ReportView;
  content: ReportContent;
  version: VersionSummary | null;
  canReview: boolean;
}) {
  const { message } = App.useApp();
  const review = useReviewReport(report.id);
  const [comment, setComment] = useState('');
  const [taskComments, setTaskComments] = useState<Record<string, string>>({});
  const [needsComment, setNeedsComment] = useState(false);
  const reviewing = canReview && report.status === 'submitted' && version?.review === 'pending';
  const hasComment = !!comment.trim() || Object.values(taskComments).some((v) => v.trim());

  const decide = (decision: 'accept' | 'return') => {
    if (decision === 'return' && !hasComment) {
      setNeedsComment(true);
      document.getElementById('review-panel')?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      return;
    }
    const tc = Object.fromEntries(
      Object.entries(taskComments)
        .map(([k, v]) => [k, v.trim()] as const)
        .filter(([, v]) => v),
    );
    review.mutate(
      {
        decision,
        comment: comment.trim() || undefined,
        taskComments: Object.keys(tc).length ? tc : undefined,
      },
      {
        onSuccess: () =>
          message.success(
            decision === 'accept' ? 'Đã duyệt báo cáo' : 'Đã trả lại báo cáo; đơn vị sẽ sửa và nộp lại',
          ),
        onError: (e) => {
          if (isApiError(e, 'REPORT_RETURN_NEEDS_COMMENT')) setNeedsComment(true);
        },
      },
    );
  };

  const commentBox = (t: ReportTask) =>
    reviewing ? (
      <Form layout="vertical" component={false}>
        <Form.Item
          label="Ý kiến của cán bộ theo dõi về nhiệm vụ này"
          htmlFor={`review-${t.nodeId}`}
          style={{ marginBottom: 0 }}
        >
          <Input.TextArea
            id={`review-${t.nodeId}`}
            value={taskComments[t.nodeId] ?? ''}
            maxLength={LIMITS.reviewTaskComment}
            autoSize={{ minRows: 2, maxRows: 6 }}
            onChange={(e) => {
              setTaskComments((c) => ({ ...c, [t.nodeId]: e.target.value }));
              setNeedsComment(false);
            }}
            data-testid="review-task-comment"
          />
        </Form.Item>
      </Form>
    ) : null;

  const empty =
    report.tasks.every((t) => !content.entries[t.nodeId]) && !Object.values(content.general).some(Boolean);

  return (
    <Flex vertical gap={16} data-testid="report-readonly">
      {empty && report.currentVersion === 0 ? (
        <Card>
          <Empty description="Chưa có phiên bản nào được nộp" />
        </Card>
      ) : (
        <ContentView
          tasks={report.tasks}
          content={content}
          statuses={report.statuses}
          version={version}
          cooperating={report.cooperating}
          side={commentBox}
        />
      )}
      {reviewing && (
        <Card
          size="small"
          id="review-panel"
          data-testid="review-panel"
          title={`Xem xét báo cáo (phiên bản ${version!.number})`}
          style={{ borderColor: '#91caff' }}
        >
          <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
            Duyệt: tiến độ các nhiệm vụ đơn vị chủ trì được cập nhật theo báo cáo. Trả lại: đơn vị sửa và nộp
            phiên bản mới; cần ý kiến chung hoặc ý kiến ở ít nhất một nhiệm vụ (ô bên cạnh mỗi nhiệm vụ).
          </Typography.Paragraph>
          <Form layout="vertical" component={false}>
            <Form.Item
              label="Ý kiến chung về báo cáo"
              htmlFor="review-comment"
              style={{ marginBottom: 12 }}
              {...(needsComment ? { validateStatus: 'error' as const } : {})}
            >
              <Input.TextArea
                id="review-comment"
                value={comment}
                maxLength={LIMITS.reviewComment}
                autoSize={{ minRows: 2, maxRows: 6 }}
                placeholder="Nhận xét chung; khi trả lại, nêu rõ nội dung đơn vị cần bổ sung, sửa đổi"
                onChange={(e) => {
                  setComment(e.target.value);
                  setNeedsComment(false);
                }}
                data-testid="review-comment"
              />
            </Form.Item>
          </Form>
          {review.isError && !isApiError(review.error, 'REPORT_RETURN_NEEDS_COMMENT') && (
            <ApiErrorAlert error={review.error} />
          )}
          {needsComment && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              title={review.isError ? errorMessage(review.error) : RETURN_NEEDS_COMMENT}
              data-testid="review-needs-comment"
            />
          )}
          <Flex wrap gap={8} justify="flex-end">
            {/* Without a comment the click says one is needed; with one, it asks first. */}
            <Popconfirm
              title="Trả lại báo cáo cho đơn vị?"
              description={
                <div style={{ maxWidth: 320 }} data-testid="review-return-confirm">
                  Phiên bản {version!.number} được ghi là trả lại kèm ý kiến của cán bộ theo dõi; đơn vị sửa
                  và nộp phiên bản mới. Tiến độ các nhiệm vụ không được cập nhật theo phiên bản này.
                </div>
              }
              okText="Trả lại"
              okButtonProps={{ danger: true }}
              cancelText="Hủy"
              placement="topRight"
              onConfirm={() => decide('return')}
              disabled={review.isPending || !hasComment}
            >
              <Button
                danger
                icon={<RollbackOutlined />}
                onClick={hasComment ? undefined : () => decide('return')}
                loading={review.isPending && review.variables?.decision === 'return'}
                disabled={review.isPending}
                data-testid="review-return"
              >
                Trả lại
              </Button>
            </Popconfirm>
            <Popconfirm
              title="Duyệt báo cáo?"
              description="Tiến độ các nhiệm vụ đơn vị chủ trì được cập nhật theo báo cáo này."
              okText="Duyệt"
              cancelText="Hủy"
              placement="topRight"
              onConfirm={() => decide('accept')}
              disabled={review.isPending}
            >
              <Button
                type="primary"
                icon={<CheckOutlined />}
                loading={review.isPending && review.variables?.decision === 'accept'}
                disabled={review.isPending}
                data-testid="review-accept"
              >
                Duyệt
              </Button>
            </Popconfirm>
          </Flex>
        </Card>
      )}
    </Flex>
  );
}
