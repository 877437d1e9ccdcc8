import { Alert, Card, Descriptions, Flex, Tabs, Tag, type AlertProps } from 'antd';
import { Link, useParams } from 'react-router';
import { useReport, useReportVersion, useReportingRules } from './hooks';
import type { ReportView } from './api';
import { ReportEditor } from './ReportEditor';
import { ReportReadOnly } from './ReportReadOnly';
import { VersionsPanel } from './VersionsPanel';
import { RemindersList } from './RemindersList';
import { EarlierReportsNotices, useCarryForward } from './EarlierReports';
import { OUTSTANDING } from './labels';
import { DueDate, ReportStatusTag } from './ReportBits';
import { usePrograms } from '../programs/hooks';
import { emptyContent } from '../../shared/report';
import { readableTitle } from '../document/labels';
import { useMe } from '../auth/hooks';
import { errorMessage } from '../../api/client';
import { formatDateTime, formatIsoDate } from '../../lib/format';
import { BackLink, PageHeader } from '../../layout/PageHeader';
import { PageSpin } from '../../layout/FullPageSpin';
import { QueryPage } from '../../layout/QueryPage';
import { useIsPhone } from '../../lib/useMediaQuery';
import { useTabParam } from '../../lib/useTabParam';
import { DirectionsCard } from '../directions/DirectionsCard';
import { EvidenceVisibilityProvider } from '../portal/EvidenceVisibility';
import { can } from '../../shared/permissions';

const TABS = ['noi-dung', 'phien-ban', 'loi-nhac'] as const;

function ReportFacts({
  report,
  programTitle,
  linkPeriod,
}: {
  report: ReportView;
  programTitle: string | undefined;
  /** The period's page is for monitors, leaders and supervisors. */
  linkPeriod: boolean;
}) {
  const p = report.period;
  const outstanding = OUTSTANDING.includes(report.status) && p.status === 'open';
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, xl: 3 }}
        items={[
          { key: 'unit', label: 'Đơn vị báo cáo', children: report.unitName },
          {
            key: 'due',
            label: 'Hạn gửi',
            children: <DueDate dueDate={p.dueDate} outstanding={outstanding} />,
          },
          {
            key: 'cutoff',
            label: 'Thời gian lấy số liệu',
            children: (
              <span className="nowrap">
                {formatIsoDate(p.cutoffStart)} – {formatIsoDate(p.cutoffEnd)}
              </span>
            ),
          },
          {
            key: 'period',
            label: 'Kỳ báo cáo',
            children: (
              <Flex wrap gap={6} align="center">
                {linkPeriod ? <Link to={`/ky-bao-cao/${report.periodId}`}>{p.label}</Link> : p.label}
                {p.status === 'closed' ? <Tag>Đã đóng</Tag> : <Tag color="green">Đang mở</Tag>}
              </Flex>
            ),
          },
          {
            key: 'program',
            label: 'Chương trình',
            span: 'filled' as const,
            children: (
              <Link to={`/chuong-trinh/${report.programId}`}>
                {programTitle ? readableTitle(programTitle) : 'Xem chương trình'}
              </Link>
            ),
          },
        ]}
      />
    </Card>
  );
}

function ReportDetail({ report }: { report: ReportView }) {
  const me = useMe();
  const phone = useIsPhone();
  const programs = usePrograms();
  const [tab, setTab] = useTabParam(TABS);

  const ownUnit = me.role === 'unit' && me.unitId === report.unitId;
  const canEdit = ownUnit && report.editable;
  const carry = useCarryForward(report, canEdit);
  const canReview = me.role === 'monitor' || me.role === 'admin';
  const last = report.versions.at(-1) ?? null;
  const returned = last?.review === 'returned' ? last : null;
  // Read-only: the latest submitted version; the unit's own draft when it never submitted.
  const current = useReportVersion(
    report.id,
    !canEdit && report.currentVersion > 0 ? report.currentVersion : null,
  );
  const programTitle = programs.data?.items.find((p) => p.id === report.programId)?.title;
  const back = ownUnit
    ? { to: '/bao-cao', label: 'Báo cáo định kỳ của đơn vị' }
    : { to: `/ky-bao-cao/${report.periodId}`, label: `Kỳ báo cáo ${report.period.label}` };

  let body: React.ReactNode;
  if (canEdit)
    body = carry.waiting ? (
      <PageSpin />
    ) : (
      <ReportEditor
        key={`${report.id}:${report.currentVersion}:${carry.copied ? 'sao-chep' : ''}`}
        report={report}
        returned={returned}
      />
    );
  else if (report.currentVersion > 0) {
    body = current.isPending ? (
      <PageSpin />
    ) : current.isError ? (
      <Alert type="error" showIcon title={errorMessage(current.error)} />
    ) : (
      <ReportReadOnly
        key={`${report.currentVersion}:${current.data.review}`}
        report={report}
        content={current.data.content}
        version={current.data}
        canReview={canReview}
      />
    );
  } else
    body = (
      <ReportReadOnly
        report={report}
        content={ownUnit ? report.draft : emptyContent()}
        version={null}
        canReview={false}
      />
    );

  const closed = report.period.status === 'closed';
  /** What the reader should know first, each as an alert with its icon. */
  const notices: (AlertProps & { key: string; 'data-testid'?: string })[] = [];
  if (returned && report.status === 'returned')
    notices.push({
      key: 'returned',
      type: 'warning',
      'data-testid': 'report-returned',
      title: `Phiên bản ${returned.number} bị trả lại${returned.reviewedAt ? ` lúc ${formatDateTime(returned.reviewedAt)}` : ''}`,
      description: (
        <>
          {returned.reviewComment && (
            <div className="report-text" data-testid="report-return-comment">
              <strong>Ý kiến của cán bộ theo dõi: </strong>
              {returned.reviewComment}
            </div>
          )}
          {canEdit && <div>Sửa theo ý kiến ở từng nhiệm vụ, lưu nháp rồi nộp lại (thành phiên bản mới).</div>}
        </>
      ),
    });
  if (report.status === 'submitted')
    notices.push({
      key: 'submitted',
      type: 'info',
      title: canReview
        ? `Đơn vị đã nộp phiên bản ${report.currentVersion}; báo cáo chờ xem xét. Ghi ý kiến bên cạnh từng nhiệm vụ nếu cần, rồi duyệt hoặc trả lại ở cuối trang.`
        : `Đã nộp phiên bản ${report.currentVersion}; báo cáo đang chờ cán bộ theo dõi xem xét.`,
    });
  if (report.status === 'accepted')
    notices.push({
      key: 'accepted',
      type: 'success',
      title: `Báo cáo đã được duyệt (phiên bản ${report.currentVersion})`,
      description: last?.reviewComment ? <div className="report-text">{last.reviewComment}</div> : undefined,
    });
  if (closed && OUTSTANDING.includes(report.status))
    notices.push({
      key: 'closed',
      type: 'warning',
      title:
        report.currentVersion === 0
          ? 'Kỳ báo cáo đã đóng; đơn vị chưa nộp báo cáo kỳ này.'
          : 'Kỳ báo cáo đã đóng; không nhận thêm phiên bản mới.',
      description: ownUnit && report.currentVersion === 0 ? 'Dưới đây là bản nháp chưa nộp.' : undefined,
    });
  if (!ownUnit && !closed && report.currentVersion === 0)
    notices.push({
      key: 'waiting',
      type: 'info',
      title:
        report.status === 'drafting'
          ? 'Đơn vị đang soạn, chưa nộp báo cáo kỳ này.'
          : 'Đơn vị chưa nộp báo cáo kỳ này.',
    });

  return (
    <div data-testid="report-page">
      <BackLink to={back.to}>{back.label}</BackLink>
      <PageHeader
        title={`Báo cáo kỳ ${report.period.label}`}
        subTitle={report.unitName}
        extra={
          <Flex wrap gap={6} align="center">
            <ReportStatusTag status={report.status} />
            {report.late && (
              <Tag color="orange" style={{ marginInlineEnd: 0 }} data-testid="report-late">
                Nộp muộn
              </Tag>
            )}
          </Flex>
        }
      />
      <ReportFacts report={report} programTitle={programTitle} linkPeriod={me.role !== 'unit'} />
      {notices.length > 0 && (
        <Flex vertical gap={8} style={{ marginBottom: 16 }}>
          {notices.map(({ key, ...n }) => (
            <Alert key={key} showIcon {...n} />
          ))}
        </Flex>
      )}
      <EarlierReportsNotices report={report} earlier={carry.earlier.data} copyError={carry.copy.error} />
      <DirectionsCard targetType="report" targetId={report.id} style={{ marginTop: 0, marginBottom: 16 }} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'noi-dung',
            label: canEdit ? 'Soạn báo cáo' : phone ? 'Nội dung' : 'Nội dung báo cáo',
            children: (
              <EvidenceVisibilityProvider
                reportId={report.id}
                publicFiles={report.publicFiles}
                editable={can(me, 'evidence.publicize', report.unitId)}
              >
                {body}
              </EvidenceVisibilityProvider>
            ),
          },
          {
            key: 'phien-ban',
            label: `${phone ? 'Phiên bản' : 'Các phiên bản'} (${report.versions.length})`,
            children: <VersionsPanel report={report} />,
          },
          {
            key: 'loi-nhac',
            label: phone ? 'Lời nhắc' : 'Lời nhắc đã nhận',
            children: <RemindersList reportId={report.id} />,
          },
        ]}
      />
    </div>
  );
}

/** "Báo cáo định kỳ" of one unit in one period (an obligation): write, submit, review, versions. */
export default function ReportPage() {
  const { id = '' } = useParams();
  const q = useReport(id);
  useReportingRules();

  return (
    <QueryPage
      query={q}
      what="báo cáo"
      errorTitle="Không mở được báo cáo"
      back={{ to: '/bao-cao', label: 'Về danh sách báo cáo' }}
    >
      {(report) => <ReportDetail report={report} />}
    </QueryPage>
  );
}
