import { Alert, Card, Col, Flex, Row, Typography } from 'antd';
import { CommentOutlined } from '@ant-design/icons';
import type { CooperatingInput, ReportTask, StatusRules } from './api';
import { EntryFacts, percentText } from './EntryView';
import { reviewInfo, statusLabel } from './labels';
import { RoleTag } from '../tasks/TaskBits';
import { formatIsoDate } from '../../lib/format';
import { ExpandableText } from '../../layout/ExpandableText';
import { InfoTag } from '../../layout/InfoTag';

/** The task a card is about: its text, lead unit, baseline due date and accepted progress. */
function TaskHead({ task, statuses }: { task: ReportTask; statuses: StatusRules }) {
  return (
    <Flex vertical gap={4} style={{ marginBottom: 12 }}>
      <ExpandableText rows={3} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {task.text}
      </ExpandableText>
      <Flex wrap gap={16} style={{ fontSize: 13 }}>
        {task.role === 'cooperating' && task.leadUnitName && (
          <span>
            <Typography.Text type="secondary">Chủ trì: </Typography.Text>
            {task.leadUnitName}
          </span>
        )}
        <span>
          <Typography.Text type="secondary">Thời hạn: </Typography.Text>
          {task.dueDate ? formatIsoDate(task.dueDate) : 'Chưa có'}
        </span>
        {task.progress && (
          <span data-testid="task-progress">
            <Typography.Text type="secondary">Tiến độ đã duyệt: </Typography.Text>
            {statusLabel(statuses, task.progress.status)}
            {task.progress.percent !== null ? `, ${percentText(statuses, task.progress)}` : ''}
          </span>
        )}
      </Flex>
    </Flex>
  );
}

/** The monitor's comment on this task in a returned (or any reviewed) version. */
export function MonitorComment({ text, version }: { text: string; version: number }) {
  return (
    <Alert
      type="warning"
      showIcon
      icon={<CommentOutlined />}
      title={`Ý kiến của cán bộ theo dõi (phiên bản ${version})`}
      description={<div className="report-text">{text}</div>}
      data-testid="entry-monitor-comment"
    />
  );
}

/** What the cooperating units reported on a task this unit leads (their latest submitted version). */
export function CooperatingInputs({
  inputs,
  statuses,
}: {
  inputs: CooperatingInput[];
  statuses: StatusRules;
}) {
  return (
    <div data-testid="cooperating-inputs">
      <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
        Ý kiến của đơn vị phối hợp
      </Typography.Text>
      <Flex vertical gap={8}>
        {inputs.map((c) => {
          const r = reviewInfo(c.review);
          return (
            <div key={c.unitId} className="report-coop" data-testid="cooperating-input">
              <Flex wrap gap={6} align="center" style={{ marginBottom: 6 }}>
                <Typography.Text strong>{c.unitName}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  phiên bản {c.version}
                </Typography.Text>
                <InfoTag info={r} style={{ marginInlineEnd: 0 }} />
              </Flex>
              <EntryFacts entry={c.entry} statuses={statuses} compact />
            </div>
          );
        })}
      </Flex>
    </div>
  );
}

/** One task of a report: its head, the unit's part (editable or not) and a side column. */
export function TaskCard({
  task,
  statuses,
  side,
  children,
  highlight,
}: {
  task: ReportTask;
  statuses: StatusRules;
  /** Comments, cooperating inputs, the reviewer's comment box. */
  side?: React.ReactNode;
  children: React.ReactNode;
  /** The task has problems to fix. */
  highlight?: boolean;
}) {
  return (
    <Card
      size="small"
      id={`task-${task.nodeId}`}
      data-testid={`report-task-${task.nodeId}`}
      style={highlight ? { borderColor: '#ff7875' } : undefined}
      title={
        <Flex wrap gap={8} align="center" style={{ paddingBlock: 4 }}>
          <span>Nhiệm vụ {task.label}</span>
          <RoleTag role={task.role} />
          {task.groupTitle && (
            <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }} ellipsis>
              {task.groupLabel ? `${task.groupLabel}. ` : ''}
              {task.groupTitle}
            </Typography.Text>
          )}
        </Flex>
      }
    >
      <TaskHead task={task} statuses={statuses} />
      {side ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={15}>
            {children}
          </Col>
          <Col xs={24} xl={9}>
            <div className="report-side">{side}</div>
          </Col>
        </Row>
      ) : (
        children
      )}
    </Card>
  );
}
