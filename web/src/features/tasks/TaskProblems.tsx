import { Alert, Typography } from 'antd';
import { Link } from 'react-router';
import type { TaskProblem } from './api';

/**
 * A list of tasks, each with its number, the start of its text and why it is listed: the suggestions
 * "Chấp nhận tất cả" skipped, the tasks a bulk edit refused, the deadlines already past at Triển khai.
 */
export function TaskProblems({
  title,
  type,
  problems,
  onClose,
  'data-testid': testId,
}: {
  title: string;
  type: 'warning' | 'error';
  problems: Pick<TaskProblem, 'nodeId' | 'label' | 'text' | 'message'>[];
  onClose?: () => void;
  'data-testid'?: string;
}) {
  return (
    <Alert
      type={type}
      showIcon
      title={title}
      closable={onClose ? { onClose, 'aria-label': 'Đóng' } : undefined}
      data-testid={testId}
      description={
        <ul className="incomplete-list">
          {problems.map((p) => (
            <li key={p.nodeId}>
              <Link to={`/nhiem-vu/${p.nodeId}`}>Nhiệm vụ {p.label}</Link>
              {p.text && <Typography.Text type="secondary"> “{p.text}”</Typography.Text>}: {p.message}
            </li>
          ))}
        </ul>
      }
    />
  );
}
