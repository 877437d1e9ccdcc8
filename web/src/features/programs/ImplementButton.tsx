import { useState } from 'react';
import { Alert, App, Button, DatePicker, Flex, Popconfirm, Tag, Typography } from 'antd';
import { RocketOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router';
import { useImplementProgram, useProgramTasks } from '../tasks/hooks';
import { pastDeadlines } from '../../shared/assignment';
import { formatIsoDate } from '../../lib/format';
import type { IncompleteDetails } from '../tasks/api';
import { DATE_FORMAT, toIso } from '../tasks/formValues';
import { clearName } from '../tasks/labels';
import { isApiError } from '../../api/client';
import { ApiErrorAlert } from '../../layout/ApiErrorAlert';
import dayjs from '../../lib/dayjs';

/** "Triển khai": freezes the assignment as the baseline; refused while a task lacks a lead or a deadline. */
export function ImplementButton({
  programId,
  onResult,
}: {
  programId: string;
  onResult: (error: unknown) => void;
}) {
  const { message } = App.useApp();
  const implement = useImplementProgram(programId);
  const [due, setDue] = useState<Dayjs | null>(null);
  // Not blocking: deadlines already past are listed so they can be corrected before the baseline.
  const past = pastDeadlines(useProgramTasks(programId, {}).data?.items ?? [], dayjs().format('YYYY-MM-DD'));
  return (
    <Popconfirm
      title="Triển khai chương trình?"
      description={
        <Flex vertical gap={8} style={{ maxWidth: 340 }}>
          <span>
            Phân công hiện tại được chốt làm mốc ban đầu. Sau khi triển khai, thay đổi cơ quan chủ trì, thời
            hạn hoặc sản phẩm là điều chỉnh và phải nêu lý do.
          </span>
          {past.length > 0 && (
            <Alert
              type="warning"
              showIcon
              data-testid="implement-past-deadlines"
              title={`${past.length} nhiệm vụ có thời hạn đã qua`}
              description={
                <ul className="incomplete-list" style={{ maxHeight: 160, overflowY: 'auto' }}>
                  {past.map((t) => (
                    <li key={t.nodeId}>
                      <Link to={`/nhiem-vu/${t.nodeId}`}>Nhiệm vụ {t.label}</Link>: hạn{' '}
                      {formatIsoDate(t.dueDate)}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
          <label htmlFor="plans-due-date">
            Hạn các đơn vị lập kế hoạch (không bắt buộc, mặc định 30 ngày):
          </label>
          <DatePicker
            id="plans-due-date"
            format={DATE_FORMAT}
            placeholder="dd/mm/yyyy"
            value={due}
            onChange={setDue}
            disabledDate={(d) => d.isBefore(dayjs().startOf('day'))}
            style={{ width: 200 }}
          />
        </Flex>
      }
      okText="Triển khai"
      cancelText="Hủy"
      onConfirm={() => {
        onResult(null);
        implement.mutate(due ? { plansDueDate: toIso(due)! } : {}, {
          onSuccess: (r) => message.success(`Đã triển khai chương trình (${r.tasks} nhiệm vụ)`),
          onError: (e) => onResult(e),
        });
      }}
    >
      <Button type="primary" icon={<RocketOutlined />} loading={implement.isPending}>
        Triển khai
      </Button>
    </Popconfirm>
  );
}

/** The refusal of "Triển khai": the server's message and every task still missing a lead or deadline. */
export function ImplementError({ error, onClose }: { error: unknown; onClose: () => void }) {
  if (!isApiError(error, 'PROGRAM_INCOMPLETE')) return <ApiErrorAlert error={error} />;
  const tasks = (error.details as IncompleteDetails | undefined)?.tasks ?? [];
  return (
    <Alert
      type="error"
      showIcon
      closable={{ onClose, 'aria-label': 'Đóng' }}
      style={{ marginBottom: 16 }}
      title={error.message}
      data-testid="implement-incomplete"
      description={
        tasks.length > 0 && (
          <>
            <Typography.Text>Các nhiệm vụ cần bổ sung ({tasks.length}):</Typography.Text>
            <ul className="incomplete-list">
              {tasks.map((t) => (
                <li key={t.nodeId}>
                  <Link to={`/nhiem-vu/${t.nodeId}`}>Nhiệm vụ {t.label}</Link>{' '}
                  {t.missing.map((m) => (
                    <Tag key={m} color="red">
                      Thiếu {clearName(m).toLocaleLowerCase('vi')}
                    </Tag>
                  ))}
                </li>
              ))}
            </ul>
          </>
        )
      }
    />
  );
}
