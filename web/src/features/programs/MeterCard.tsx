import { Alert, Button, Card, Col, Collapse, Flex, Progress, Row, Select, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMeter } from '../tasks/hooks';
import type { MeterView } from '../tasks/api';
import { CLEAR_SHORT, clearLabel, clearName } from '../tasks/labels';
import { FIVE_CLEAR, type Clear, type MeterSummary } from '../../shared/assignment';
import { errorMessage } from '../../api/client';
import { useIsPhone } from '../../lib/useMediaQuery';

type GroupRow = MeterView['groups'][number];

const pct = (n: number, of: number) => (of === 0 ? 0 : Math.round((n / of) * 100));

function CountCell({ n, of }: { n: number; of: number }) {
  const type = n === of ? 'success' : n === 0 ? 'danger' : undefined;
  return (
    <Typography.Text type={type} className="nowrap">
      {n}/{of}
    </Typography.Text>
  );
}

function GroupTable({ groups }: { groups: GroupRow[] }) {
  const columns: TableColumnsType<GroupRow> = [
    {
      title: 'Nhóm nhiệm vụ',
      key: 'group',
      minWidth: 200,
      render: (_, g) => (
        <Typography.Text ellipsis={{ tooltip: g.title }} style={{ maxWidth: 360 }}>
          <strong>{g.label ?? '—'}</strong> {g.title ?? 'Không thuộc nhóm'}
        </Typography.Text>
      ),
    },
    { title: 'Nhiệm vụ', key: 'tasks', align: 'right', render: (_, g) => g.summary.tasks },
    ...FIVE_CLEAR.map((c) => ({
      title: <span title={clearLabel(c)}>{CLEAR_SHORT[c]}</span>,
      key: c,
      align: 'right' as const,
      render: (_: unknown, g: GroupRow) => <CountCell n={g.summary.clear[c]} of={g.summary.tasks} />,
    })),
    {
      title: 'Đủ 5 rõ',
      key: 'complete',
      align: 'right',
      render: (_, g) => <CountCell n={g.summary.complete} of={g.summary.tasks} />,
    },
  ];
  return (
    <Table<GroupRow>
      rowKey={(g) => g.groupId ?? 'none'}
      size="small"
      columns={columns}
      dataSource={groups}
      pagination={false}
      scroll={{ x: true }}
      data-testid="meter-groups"
    />
  );
}

function ClearBars({
  summary,
  onFilterMissing,
}: {
  summary: MeterSummary;
  onFilterMissing: (c: Clear) => void;
}) {
  return (
    <Flex vertical gap={4} data-testid="meter-bars">
      {FIVE_CLEAR.map((c) => {
        const n = summary.clear[c];
        const missing = summary.tasks - n;
        return (
          <div key={c} className="meter-row" data-testid={`meter-${c}`}>
            <span className="meter-row-label">{clearLabel(c)}</span>
            <Progress
              percent={pct(n, summary.tasks)}
              size="small"
              status={n === summary.tasks ? 'success' : 'normal'}
              format={() => <span data-testid={`meter-${c}-count`}>{`${n}/${summary.tasks}`}</span>}
              className="meter-row-bar"
              aria-label={`${clearLabel(c)}: ${n}/${summary.tasks} nhiệm vụ`}
            />
            {missing > 0 ? (
              <Button
                type="link"
                size="small"
                className="meter-row-action"
                onClick={() => onFilterMissing(c)}
                aria-label={`Xem ${missing} nhiệm vụ còn thiếu ${clearName(c).toLocaleLowerCase('vi')}`}
              >
                {missing} còn thiếu
              </Button>
            ) : (
              <span className="meter-row-action" />
            )}
          </div>
        );
      })}
    </Flex>
  );
}

/**
 * The "5 rõ" meter of a program: the share of tasks that make each criterion clear, tasks complete on
 * all five, and the same per task group. Choosing a criterion filters the task list to those missing it.
 */
export function MeterCard({
  programId,
  missing,
  onFilterMissing,
}: {
  programId: string;
  /** The criterion the task list is filtered by, if any. */
  missing: Clear | undefined;
  onFilterMissing: (c: Clear | undefined) => void;
}) {
  const phone = useIsPhone();
  const q = useMeter(programId);
  if (q.isError)
    return <Alert type="error" showIcon title={errorMessage(q.error)} style={{ marginBottom: 16 }} />;
  const s = q.data?.program;
  return (
    <Card
      loading={q.isPending}
      style={{ marginBottom: 16 }}
      title={phone ? '5 rõ của phân công' : 'Mức độ rõ ràng của phân công (5 rõ)'}
      extra={
        s && (
          <Typography.Text data-testid="meter-complete" className="nowrap">
            <strong>{s.complete}</strong>/{s.tasks} nhiệm vụ đủ 5 rõ
          </Typography.Text>
        )
      }
      data-testid="meter-card"
    >
      {s && q.data && (
        <>
          <Row gutter={[24, 16]} align="middle">
            <Col xs={24} md={6}>
              <Flex vertical align="center" gap={4}>
                <Progress
                  type="dashboard"
                  percent={Math.round(s.score * 100)}
                  size={phone ? 96 : 112}
                  aria-label="Điểm 5 rõ của chương trình"
                />
                <Typography.Text type="secondary" style={{ textAlign: 'center' }}>
                  Điểm 5 rõ (tỷ lệ tiêu chí đã rõ)
                </Typography.Text>
              </Flex>
            </Col>
            <Col xs={24} md={18}>
              <ClearBars summary={s} onFilterMissing={onFilterMissing} />
              <Flex wrap gap={8} align="center" style={{ marginTop: 12 }}>
                <label htmlFor="meter-missing-filter">Nhiệm vụ còn thiếu:</label>
                <Select<Clear>
                  id="meter-missing-filter"
                  placeholder="Chọn tiêu chí…"
                  style={{ minWidth: 220 }}
                  allowClear
                  value={missing}
                  onChange={(c: Clear | undefined) => onFilterMissing(c)}
                  options={FIVE_CLEAR.map((c) => ({
                    value: c,
                    label: `${clearName(c)} (${s.tasks - s.clear[c]})`,
                  }))}
                />
              </Flex>
            </Col>
          </Row>
          {q.data.groups.length > 1 && (
            <Collapse
              ghost
              size="small"
              style={{ marginTop: 8 }}
              items={[
                {
                  key: 'groups',
                  label: `Theo nhóm nhiệm vụ (${q.data.groups.length} nhóm)`,
                  children: <GroupTable groups={q.data.groups} />,
                },
              ]}
            />
          )}
        </>
      )}
    </Card>
  );
}
