import { useState, type ReactNode } from 'react';
import { Alert, Button, Card, Descriptions, Drawer, Empty, Flex, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DiffOutlined, EyeOutlined } from '@ant-design/icons';
import type { ReportView, VersionSummary } from './api';
import { FieldValue } from './EntryView';
import { ContentView } from './ReportReadOnly';
import { useComparison, useReportVersion } from './hooks';
import { ENTRY_FIELD_LABELS, GENERAL_FIELD_LABELS, reviewInfo } from './labels';
import { errorMessage } from '../../api/client';
import { formatDateTime } from '../../lib/format';
import { PageSpin } from '../../layout/FullPageSpin';
import { useIsPhone } from '../../lib/useMediaQuery';
import { InfoTag } from '../../layout/InfoTag';

function ReviewTag({ v }: { v: VersionSummary }) {
  const r = reviewInfo(v.review);
  return <InfoTag info={r} style={{ marginInlineEnd: 0 }} />;
}

function VersionDrawer({
  report,
  n,
  onClose,
}: {
  report: ReportView;
  n: number | null;
  onClose: () => void;
}) {
  const phone = useIsPhone();
  const q = useReportVersion(report.id, n);
  const v = q.data;
  return (
    <Drawer
      open={n !== null}
      onClose={onClose}
      title={n ? `Báo cáo kỳ ${report.period.label} — phiên bản ${n}` : ''}
      size={phone ? window.innerWidth : Math.min(1100, window.innerWidth - 120)}
      destroyOnHidden
    >
      {q.isPending ? (
        <PageSpin />
      ) : q.isError ? (
        <Alert type="error" showIcon title={errorMessage(q.error)} />
      ) : (
        v && (
          <Flex vertical gap={16} data-testid="version-view">
            <Descriptions
              size="small"
              bordered
              column={{ xs: 1, md: 2 }}
              items={[
                { key: 'at', label: 'Nộp lúc', children: formatDateTime(v.submittedAt) },
                {
                  key: 'review',
                  label: 'Kết quả xem xét',
                  children: (
                    <Flex wrap gap={6} align="center">
                      <ReviewTag v={v} />
                      {v.late && <Tag color="orange">Nộp muộn</Tag>}
                      {v.reviewedAt && (
                        <Typography.Text type="secondary">{formatDateTime(v.reviewedAt)}</Typography.Text>
                      )}
                    </Flex>
                  ),
                },
                ...(v.reviewComment
                  ? [
                      {
                        key: 'comment',
                        label: 'Ý kiến chung',
                        span: 'filled' as const,
                        children: <div className="report-text">{v.reviewComment}</div>,
                      },
                    ]
                  : []),
              ]}
            />
            <ContentView tasks={report.tasks} content={v.content} statuses={report.statuses} version={v} />
          </Flex>
        )
      )}
    </Drawer>
  );
}

const EMPTY = <span className="change-empty">(trống)</span>;

/** The changed fields of two versions side by side: the old value, then the new. */
function DiffTable({
  a,
  b,
  rows,
}: {
  a: number;
  b: number;
  rows: { key: string; label: string; old: ReactNode; new: ReactNode }[];
}) {
  return (
    <div style={{ overflowX: 'auto', marginTop: 4 }}>
      <table className="report-diff">
        <thead>
          <tr>
            <th style={{ width: 160 }}>Nội dung</th>
            <th>Phiên bản {a}</th>
            <th>Phiên bản {b}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th>{r.label}</th>
              <td className="change-old">{r.old}</td>
              <td className="change-new">{r.new}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Comparison({ report, a, b }: { report: ReportView; a: number; b: number }) {
  const cmp = useComparison(report.id, a, b);
  const va = useReportVersion(report.id, a);
  const vb = useReportVersion(report.id, b);
  if (cmp.isPending) return <PageSpin />;
  if (cmp.isError) return <Alert type="error" showIcon title={errorMessage(cmp.error)} />;
  const c = cmp.data;
  const tasks = new Map(report.tasks.map((t) => [t.nodeId, t]));
  if (!c.tasks.length && !c.general.length)
    return <Empty description={`Phiên bản ${a} và ${b} có nội dung như nhau`} data-testid="compare-result" />;
  return (
    <Flex vertical gap={12} data-testid="compare-result">
      {c.tasks.map((t) => (
        <div key={t.nodeId} data-testid={`compare-task-${t.nodeId}`}>
          <Typography.Text strong>Nhiệm vụ {t.label || tasks.get(t.nodeId)?.label}</Typography.Text>
          {tasks.get(t.nodeId) && (
            <Typography.Paragraph type="secondary" ellipsis={{ rows: 1 }} style={{ margin: 0, fontSize: 13 }}>
              {tasks.get(t.nodeId)!.text}
            </Typography.Paragraph>
          )}
          <DiffTable
            a={c.a}
            b={c.b}
            rows={t.changed.map((f) => ({
              key: f,
              label: ENTRY_FIELD_LABELS[f] ?? f,
              old: <FieldValue field={f} entry={t.a} statuses={report.statuses} />,
              new: <FieldValue field={f} entry={t.b} statuses={report.statuses} />,
            }))}
          />
        </div>
      ))}
      {c.general.length > 0 && (
        <div>
          <Typography.Text strong>Phần chung</Typography.Text>
          <DiffTable
            a={c.a}
            b={c.b}
            rows={c.general.map((k) => ({
              key: k,
              label: GENERAL_FIELD_LABELS[k] ?? k,
              old: va.data?.content.general[k] || EMPTY,
              new: vb.data?.content.general[k] || EMPTY,
            }))}
          />
        </div>
      )}
    </Flex>
  );
}

/** The submitted versions of a report, each viewable, and a comparison of any two. */
export function VersionsPanel({ report }: { report: ReportView }) {
  const phone = useIsPhone();
  const [viewing, setViewing] = useState<number | null>(null);
  const versions = report.versions;
  const last = versions.at(-1)?.number ?? 0;
  const [a, setA] = useState<number | null>(last > 1 ? last - 1 : null);
  const [b, setB] = useState<number | null>(last > 1 ? last : null);
  const [shown, setShown] = useState<[number, number] | null>(null);
  const options = versions.map((v) => ({ value: v.number, label: `Phiên bản ${v.number}` }));
  const taskLabel = new Map(report.tasks.map((t) => [t.nodeId, t.label]));

  const columns: TableColumnsType<VersionSummary> = [
    { title: 'Phiên bản', dataIndex: 'number', width: 90, render: (n: number) => <strong>{n}</strong> },
    {
      title: 'Nộp lúc',
      dataIndex: 'submittedAt',
      width: 150,
      render: (v: string, r) => (
        <Flex vertical gap={2}>
          <span className="nowrap">{formatDateTime(v)}</span>
          {r.late && (
            <Tag color="orange" style={{ width: 'fit-content' }}>
              Nộp muộn
            </Tag>
          )}
        </Flex>
      ),
    },
    {
      title: 'Kết quả xem xét',
      key: 'review',
      width: 150,
      render: (_, r) => (
        <Flex vertical gap={2}>
          <ReviewTag v={r} />
          {r.reviewedAt && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(r.reviewedAt)}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: 'Ý kiến',
      key: 'comments',
      minWidth: phone ? 200 : 280,
      render: (_, r) => {
        const tc = Object.entries(r.taskComments);
        if (!r.reviewComment && !tc.length) return <Typography.Text type="secondary">—</Typography.Text>;
        return (
          <Flex vertical gap={4}>
            {r.reviewComment && <div className="report-text">{r.reviewComment}</div>}
            {tc.length > 0 && (
              <ul className="report-lines" style={{ fontSize: 13 }}>
                {tc.map(([nodeId, text]) => (
                  <li key={nodeId}>
                    <Typography.Text type="secondary">
                      Nhiệm vụ {taskLabel.get(nodeId) ?? ''}:{' '}
                    </Typography.Text>
                    {text}
                  </li>
                ))}
              </ul>
            )}
          </Flex>
        );
      },
    },
    {
      title: '',
      key: 'actions',
      width: 90,
      render: (_, r) => (
        <Button
          size="small"
          icon={<EyeOutlined />}
          onClick={() => setViewing(r.number)}
          data-testid={`version-view-${r.number}`}
        >
          Xem
        </Button>
      ),
    },
  ];

  if (!versions.length)
    return (
      <Card size="small" data-testid="report-versions">
        <Empty description="Chưa có phiên bản nào được nộp" />
      </Card>
    );

  return (
    <Flex vertical gap={16}>
      <Card size="small" title="Các phiên bản đã nộp" data-testid="report-versions">
        <Table<VersionSummary>
          rowKey="number"
          size="small"
          columns={columns}
          dataSource={[...versions].reverse()}
          pagination={false}
          scroll={{ x: true }}
          onRow={(v) => ({ 'data-testid': `version-row-${v.number}` }) as React.HTMLAttributes<HTMLElement>}
        />
      </Card>
      {versions.length >= 2 && (
        <Card size="small" title="So sánh hai phiên bản" data-testid="report-compare">
          <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
            <VersionPick side="a" label="Phiên bản cũ" value={a} options={options} onChange={setA} />
            <span>với</span>
            <VersionPick side="b" label="Phiên bản mới" value={b} options={options} onChange={setB} />
            <Button
              icon={<DiffOutlined />}
              disabled={!a || !b || a === b}
              onClick={() => a && b && setShown(a < b ? [a, b] : [b, a])}
              data-testid="compare-run"
            >
              So sánh
            </Button>
            {a && b && a === b && (
              <Typography.Text type="secondary">Chọn hai phiên bản khác nhau.</Typography.Text>
            )}
          </Flex>
          {shown && <Comparison key={shown.join('-')} report={report} a={shown[0]} b={shown[1]} />}
        </Card>
      )}
      <VersionDrawer report={report} n={viewing} onClose={() => setViewing(null)} />
    </Flex>
  );
}

/** One side of the comparison: which version. */
function VersionPick({
  side,
  label,
  value,
  options,
  onChange,
}: {
  side: 'a' | 'b';
  label: string;
  value: number | null;
  options: { value: number; label: string }[];
  onChange: (n: number) => void;
}) {
  return (
    <Select
      aria-label={label}
      value={value}
      options={options}
      onChange={onChange}
      style={{ width: 150 }}
      data-testid={`compare-${side}`}
    />
  );
}
