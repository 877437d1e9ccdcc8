import { Typography } from 'antd';
import { dueText, reportStatusInfo } from './labels';
import { formatIsoDate } from '../../lib/format';
import './reports.css';
import { InfoTag } from '../../layout/InfoTag';

export function ReportStatusTag({ status }: { status: string }) {
  const s = reportStatusInfo(status);
  return <InfoTag info={s} style={{ marginInlineEnd: 0 }} data-testid="report-status" />;
}

/** The due date with the days left (or late) while the unit still has to submit. */
export function DueDate({ dueDate, outstanding }: { dueDate: string; outstanding: boolean }) {
  const d = dueText(dueDate);
  return (
    <span data-testid="report-due">
      <span className="nowrap">{formatIsoDate(dueDate)}</span>
      {outstanding && (
        <Typography.Text
          type={d.late ? 'danger' : d.soon ? 'warning' : 'secondary'}
          style={{ fontSize: 'inherit' }}
        >
          {' '}
          ({d.text})
        </Typography.Text>
      )}
    </span>
  );
}
