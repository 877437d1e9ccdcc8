/** The register's columns every list of obstacles shows: the item, its status, its handling and answer. */
import { Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { Obstacle } from './api';
import { OBSTACLE_KIND_LABELS, OBSTACLE_STATUS } from './labels';
import { formatDateTime } from '../../lib/format';
import { ExpandableText } from '../../layout/ExpandableText';

export function obstacleColumns(): TableColumnsType<Obstacle> {
  return [
    {
      title: 'Khó khăn, kiến nghị',
      key: 'text',
      render: (_, o) => (
        <div style={{ minWidth: 260, maxWidth: 480 }}>
          <Tag color={o.kind === 'obstacle' ? 'volcano' : 'geekblue'} style={{ marginBottom: 4 }}>
            {OBSTACLE_KIND_LABELS[o.kind] ?? o.kind}
          </Tag>
          <ExpandableText rows={3} style={{ whiteSpace: 'pre-wrap' }}>
            {o.text}
          </ExpandableText>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            <Link to={`/bao-cao/${o.obligationId}`}>{o.unitName}</Link>
            {' · '}
            {o.nodeId && o.taskLabel ? (
              <Link to={`/nhiem-vu/${o.nodeId}`}>Nhiệm vụ {o.taskLabel}</Link>
            ) : (
              'Nêu chung'
            )}
            {' · '}Kỳ {o.periodLabel} · {formatDateTime(o.raisedAt)}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: 'Trạng thái',
      key: 'status',
      render: (_, o) => (
        <Tag color={OBSTACLE_STATUS[o.status]?.color} data-testid="obstacle-status" className="nowrap">
          {OBSTACLE_STATUS[o.status]?.label ?? o.status}
        </Tag>
      ),
    },
    {
      title: 'Đơn vị xử lý, trả lời',
      key: 'handling',
      render: (_, o) => (
        <div style={{ minWidth: 180, maxWidth: 320 }}>
          <div>
            {o.handlingUnitName ?? <Typography.Text type="secondary">Chưa giao đơn vị xử lý</Typography.Text>}
          </div>
          {o.answer && (
            <ExpandableText
              rows={3}
              type="secondary"
              style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap', fontSize: 13 }}
            >
              Trả lời: {o.answer}
            </ExpandableText>
          )}
          {o.closedAt && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              Đóng lúc {formatDateTime(o.closedAt)}
            </Typography.Text>
          )}
        </div>
      ),
    },
  ];
}
