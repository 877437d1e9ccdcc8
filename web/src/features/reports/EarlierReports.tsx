/**
 * A new period's report starts from the unit's last accepted report: the copy is made once, when the
 * unit opens a report it never wrote (never submitted by itself), and a banner says so, naming the
 * tasks still as copied. Below, the unit's obstacles still open from earlier periods.
 */
import { useEffect, useRef } from 'react';
import { Alert, Card, Typography } from 'antd';
import { Link } from 'react-router';
import type { ReportView } from './api';
import { useCopyForward, useEarlierReports, type EarlierReports } from './earlier';
import type { ReportEntry } from '../../shared/report';
import { obstacleColumns } from '../obstacles/columns';
import { ApiErrorAlert } from '../../layout/ApiErrorAlert';
import { ListTable } from '../../layout/ListTable';

/** What the copy carries: an entry is "as copied" while these are unchanged. */
const copiedFields = (e: ReportEntry | undefined) =>
  e && JSON.stringify([e.status, e.percent, e.results, e.products]);

/**
 * Reads the earlier reports and, for the unit writing a report never started, copies the last accepted
 * one forward. `waiting`: the editor should wait (the copy is on its way); `copied` keys the editor, so
 * it starts again from the copied draft.
 */
export function useCarryForward(report: ReportView, canEdit: boolean) {
  const earlier = useEarlierReports(report.id);
  const copy = useCopyForward(report.id);
  const started = useRef(false);
  const should = canEdit && !!earlier.data?.canCopy;
  const { mutate } = copy;
  useEffect(() => {
    if (should && !started.current) {
      started.current = true;
      mutate(report.version);
    }
  }, [should, mutate, report.version]);
  const fresh = canEdit && report.status === 'not_started' && report.currentVersion === 0;
  const waiting =
    fresh && !copy.isError && !earlier.isError && (earlier.isPending || should || copy.isPending);
  return { earlier, copy, waiting, copied: !!earlier.data?.copied };
}

export function EarlierReportsNotices({
  report,
  earlier,
  copyError,
}: {
  report: ReportView;
  earlier: EarlierReports | undefined;
  copyError: unknown;
}) {
  if (!earlier && !copyError) return null;
  const from = earlier?.accepted;
  const asCopied =
    from && earlier.copied
      ? report.tasks.filter(
          (t) =>
            from.entries[t.nodeId] &&
            copiedFields(report.draft.entries[t.nodeId]) === copiedFields(from.entries[t.nodeId]),
        )
      : [];
  const open = earlier?.openObstacles ?? [];
  return (
    <>
      {copyError != null && <ApiErrorAlert error={copyError} />}
      {from && earlier.copied && report.currentVersion === 0 && (
        <Alert
          showIcon
          type="info"
          data-testid="report-copied"
          style={{ marginBottom: 16 }}
          title={`Sao chép từ báo cáo kỳ ${from.periodLabel} đã được chấp nhận`}
          description={
            <>
              <div>
                Bản nháp bắt đầu từ tình trạng, tỷ lệ hoàn thành, kết quả và sản phẩm đã được chấp nhận ở kỳ
                trước (không gồm minh chứng, khó khăn, kiến nghị). Cập nhật theo số liệu kỳ này rồi nộp; báo
                cáo không tự nộp.{' '}
                <Link to={`/bao-cao/${from.obligationId}`}>Xem báo cáo kỳ {from.periodLabel}</Link>
              </div>
              {asCopied.length > 0 && (
                <div data-testid="report-copied-tasks">
                  Nhiệm vụ còn giữ nguyên như kỳ trước: {asCopied.map((t) => t.label).join(', ')}
                </div>
              )}
            </>
          }
        />
      )}
      {open.length > 0 && (
        <Card
          size="small"
          style={{ marginBottom: 16 }}
          data-testid="open-obstacles"
          title={`Khó khăn, vướng mắc, kiến nghị còn mở từ các kỳ trước (${open.length})`}
          extra={<Link to="/phan-hoi">Xem phản hồi</Link>}
        >
          <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
            Nêu lại trong báo cáo kỳ này nếu vẫn còn, kèm kết quả xử lý.
          </Typography.Paragraph>
          <ListTable rowKey="id" columns={obstacleColumns()} rows={open} />
        </Card>
      )}
    </>
  );
}
