import { Alert, Button, Card, Empty, Flex, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { EditOutlined, EyeOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useUnitReports } from './hooks';
import type { UnitReport } from './api';
import { OUTSTANDING, dueText } from './labels';
import { DueDate, ReportStatusTag } from './ReportBits';
import { usePrograms } from '../programs/hooks';
import { readableTitle } from '../document/labels';
import { useMe } from '../auth/hooks';
import { UnitChooser, useChosenUnit } from '../units/UnitChooser';
import { errorMessage } from '../../api/client';
import { PageHeader } from '../../layout/PageHeader';
import { PageSpin } from '../../layout/FullPageSpin';
import { useIsPhone } from '../../lib/useMediaQuery';
import { ListTable } from '../../layout/ListTable';

const outstanding = (r: UnitReport) => OUTSTANDING.includes(r.status) && r.periodStatus === 'open';

function UnitReports({ unitId, own }: { unitId: string; own: boolean }) {
  const phone = useIsPhone();
  const navigate = useNavigate();
  const q = useUnitReports(unitId);
  const programs = usePrograms();
  const title = (id: string) => programs.data?.items.find((p) => p.id === id)?.title;

  if (q.isPending) return <PageSpin />;
  if (q.isError) return <Alert type="error" showIcon title={errorMessage(q.error)} />;
  const items = q.data.items;
  if (!items.length)
    return (
      <Card>
        <Empty
          description={
            own
              ? 'Chưa có kỳ báo cáo nào. Khi cán bộ theo dõi mở kỳ báo cáo cho chương trình đơn vị thực hiện, báo cáo của đơn vị sẽ hiện ở đây.'
              : 'Đơn vị chưa có báo cáo nào'
          }
        />
      </Card>
    );

  const toDo = items.filter(outstanding);
  const late = toDo.filter((r) => dueText(r.dueDate).late).length;
  const returned = items.filter((r) => r.status === 'returned').length;

  const columns: TableColumnsType<UnitReport> = [
    {
      title: 'Kỳ báo cáo',
      dataIndex: 'label',
      minWidth: 150,
      render: (v: string, r) => (
        <Flex vertical gap={2}>
          <Link to={`/bao-cao/${r.id}`} data-testid="unit-report-link">
            <strong>{v}</strong>
          </Link>
          {r.periodStatus === 'closed' && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              Kỳ đã đóng
            </Typography.Text>
          )}
          {phone && (
            <>
              <div style={{ fontSize: 12 }}>
                <Typography.Text type="secondary" style={{ fontSize: 'inherit' }}>
                  Hạn gửi:{' '}
                </Typography.Text>
                <DueDate dueDate={r.dueDate} outstanding={outstanding(r)} />
              </div>
              <Flex wrap gap={4}>
                <ReportStatusTag status={r.status} />
                {r.late && (
                  <Tag color="orange" style={{ marginInlineEnd: 0 }}>
                    Nộp muộn
                  </Tag>
                )}
              </Flex>
            </>
          )}
        </Flex>
      ),
    },
    {
      title: 'Chương trình',
      dataIndex: 'programId',
      minWidth: phone ? 180 : 280,
      render: (id: string) => (
        <Link to={`/chuong-trinh/${id}`}>
          <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0, color: 'inherit' }}>
            {title(id) ? readableTitle(title(id)!) : 'Chương trình'}
          </Typography.Paragraph>
        </Link>
      ),
    },
    {
      title: 'Hạn gửi',
      dataIndex: 'dueDate',
      responsive: ['sm'],
      width: 190,
      render: (v: string, r) => <DueDate dueDate={v} outstanding={outstanding(r)} />,
    },
    {
      title: 'Trạng thái',
      dataIndex: 'status',
      width: 150,
      responsive: ['sm'],
      render: (v: string, r) => (
        <Flex wrap gap={4}>
          <ReportStatusTag status={v} />
          {r.late && (
            <Tag color="orange" style={{ marginInlineEnd: 0 }}>
              Nộp muộn
            </Tag>
          )}
        </Flex>
      ),
    },
    {
      title: 'Phiên bản',
      dataIndex: 'currentVersion',
      width: 90,
      responsive: ['md'],
      render: (n: number) => (n ? n : '—'),
    },
    {
      title: '',
      key: 'action',
      width: 150,
      responsive: ['sm'],
      render: (_, r) =>
        own && outstanding(r) ? (
          <Button
            type="primary"
            size="small"
            icon={<EditOutlined />}
            onClick={() => navigate(`/bao-cao/${r.id}`)}
          >
            {r.status === 'returned'
              ? 'Sửa, nộp lại'
              : r.status === 'drafting'
                ? 'Tiếp tục soạn'
                : 'Soạn báo cáo'}
          </Button>
        ) : (
          <Button size="small" icon={<EyeOutlined />} onClick={() => navigate(`/bao-cao/${r.id}`)}>
            Xem
          </Button>
        ),
    },
  ];

  return (
    <>
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <span className="program-count">
          <strong>{items.length}</strong> báo cáo
        </span>
        <span className="program-count">
          <strong>{toDo.length}</strong> cần nộp
        </span>
        {late > 0 && (
          <span className="program-count warn">
            <strong>{late}</strong> quá hạn gửi
          </span>
        )}
        {returned > 0 && (
          <span className="program-count warn">
            <strong>{returned}</strong> bị trả lại
          </span>
        )}
      </Flex>
      <Card size="small">
        <ListTable<UnitReport>
          rowKey="id"
          columns={columns}
          rows={items}
          data-testid="unit-reports"
          onRow={(r) => ({ 'data-testid': `unit-report-${r.id}` }) as React.HTMLAttributes<HTMLElement>}
        />
      </Card>
    </>
  );
}

function ProgramLinks() {
  const programs = usePrograms();
  const items = programs.data?.items ?? [];
  if (programs.isPending || !items.length) return null;
  return (
    <Card size="small" title="Kỳ báo cáo theo chương trình" style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">
        Các kỳ báo cáo và bảng theo dõi đơn vị đã nộp nằm trong trang của từng chương trình đang triển khai.
      </Typography.Paragraph>
      <ul className="report-lines">
        {items.map((p) => (
          <li key={p.id}>
            <Link to={`/chuong-trinh/${p.id}`}>{readableTitle(p.title)}</Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}

/**
 * "Báo cáo định kỳ": a unit's reports across periods. Unit users see their own; monitors, leaders and
 * supervisors choose a unit, or go to a program's periods.
 */
export default function ReportsPage() {
  const me = useMe();
  const chosen = useChosenUnit();
  const { own, unitId } = chosen;

  return (
    <>
      <PageHeader
        title="Báo cáo định kỳ"
        subTitle={
          own
            ? `Báo cáo tình hình thực hiện nhiệm vụ của ${me.unitName ?? 'đơn vị'} qua các kỳ: soạn, nộp, xem ý kiến của cán bộ theo dõi.`
            : 'Đơn vị chủ trì, phối hợp báo cáo tình hình thực hiện nhiệm vụ theo từng kỳ (tháng, quý, 6 tháng, năm). Cán bộ theo dõi mở kỳ báo cáo ở trang chương trình, xem xét và duyệt hoặc trả lại báo cáo của đơn vị.'
        }
      />
      <UnitChooser chosen={chosen} id="reports-unit" label="Xem báo cáo của đơn vị:" />
      {unitId && <UnitReports key={unitId} unitId={unitId} own={own} />}
      {!own && <ProgramLinks />}
    </>
  );
}
