import { useMemo } from 'react';
import { Alert, App, Button, Card, Flex, Popconfirm, Popover, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { CheckOutlined, FormOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useAcceptSuggestions, useProgramTasks, useSuggestions } from '../tasks/hooks';
import type { ProgramSuggestions, TaskSuggestion, TaskView, UnitSuggestion } from '../tasks/api';
import { SUGGESTION_HOW, deadlineLabel } from '../tasks/labels';
import { UnitName, taskLabelColumn } from '../tasks/TaskBits';
import { TaskProblems } from '../tasks/TaskProblems';
import type { UnitLookup } from '../units/useUnitNames';
import { errorMessage } from '../../api/client';
import { ApiErrorAlert } from '../../layout/ApiErrorAlert';
import { PageSpin } from '../../layout/FullPageSpin';
import { useMediaQuery } from '../../lib/useMediaQuery';
import { ListTable } from '../../layout/ListTable';

const PAGE = 20;

function HowTag({ how }: { how: UnitSuggestion['how'] }) {
  return (
    <Tag color={how === 'text' ? 'blue' : 'purple'} className="how-tag">
      {SUGGESTION_HOW[how]}
    </Tag>
  );
}

function Quote({ text }: { text: string }) {
  return (
    <Typography.Paragraph
      type="secondary"
      className="suggestion-quote"
      ellipsis={{ rows: 2, tooltip: text }}
      style={{ margin: 0 }}
    >
      “{text}”
    </Typography.Paragraph>
  );
}

function UnitSuggestionView({ s, units }: { s: UnitSuggestion; units: UnitLookup }) {
  return (
    <div className="unit-suggestion">
      <div>
        <UnitName id={s.unitId} units={units} /> <HowTag how={s.how} />
      </div>
      <Quote text={s.source} />
    </div>
  );
}

function LeadSuggestion({ s, units }: { s: TaskSuggestion; units: UnitLookup }) {
  if (s.leadChoices.length > 1)
    return (
      <div>
        <Tag color="warning">Văn bản nêu nhiều cơ quan chủ trì — cần chọn một</Tag>
        {s.leadChoices.map((c) => (
          <UnitSuggestionView key={c.unitId} s={c} units={units} />
        ))}
      </div>
    );
  if (s.lead) return <UnitSuggestionView s={s.lead} units={units} />;
  return <Typography.Text type="secondary">Không có đề xuất</Typography.Text>;
}

/** One unit by its name; several as "N đơn vị", their names in a popover (scrolling beyond `maxHeight`). */
function UnitsOrCount({ ids, units, maxHeight }: { ids: string[]; units: UnitLookup; maxHeight?: number }) {
  if (ids.length === 1) return <UnitName id={ids[0]!} units={units} />;
  return (
    <Popover
      title={`${ids.length} đơn vị`}
      trigger="click"
      styles={maxHeight ? { container: { maxHeight, overflowY: 'auto' } } : undefined}
      content={
        <ul className="mention-unit-list">
          {ids.map((id) => (
            <li key={id}>
              <UnitName id={id} units={units} />
            </li>
          ))}
        </ul>
      }
    >
      <Button type="link" size="small" style={{ paddingInline: 0 }}>
        {ids.length} đơn vị
      </Button>
    </Popover>
  );
}

function CoopSuggestion({ s, units }: { s: TaskSuggestion; units: UnitLookup }) {
  if (s.cooperating.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  // Units from one phrase ("các sở, ban, ngành") share a source: show the phrase once.
  const bySource = new Map<string, UnitSuggestion[]>();
  for (const c of s.cooperating) bySource.set(c.source, [...(bySource.get(c.source) ?? []), c]);
  return (
    <>
      {[...bySource.entries()].map(([source, list]) => (
        <div key={source} className="unit-suggestion">
          <UnitsOrCount ids={list.map((c) => c.unitId)} units={units} /> <HowTag how={list[0]!.how} />
          <Quote text={source} />
        </div>
      ))}
    </>
  );
}

function DeadlineSuggestion({ s }: { s: TaskSuggestion }) {
  if (!s.deadline) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <div>
      <div>{deadlineLabel(s.deadline.deadline)}</div>
      <Quote text={s.deadline.source} />
    </div>
  );
}

/** What accepting would fill for a task (only parts still empty are filled). */
function pendingParts(s: TaskSuggestion, t: TaskView | undefined): string[] {
  if (!t) return [];
  const out: string[] = [];
  if (!t.leadUnitId && s.lead) out.push('chủ trì');
  if (
    t.cooperatingUnitIds.length === 0 &&
    s.cooperating.some((c) => c.unitId !== (t.leadUnitId ?? s.lead?.unitId))
  )
    out.push('phối hợp');
  if (!t.deadline && s.deadline) out.push('thời hạn');
  return out;
}

function CurrentCell({ s, t, units }: { s: TaskSuggestion; t: TaskView | undefined; units: UnitLookup }) {
  if (!t) return null;
  const pending = pendingParts(s, t);
  return (
    <Flex vertical gap={2}>
      {t.leadUnitId ? (
        <span>
          <Typography.Text type="secondary">Chủ trì: </Typography.Text>
          <UnitName id={t.leadUnitId} units={units} />
          {s.lead?.unitId === t.leadUnitId && (
            <Tag color="green" style={{ marginInlineStart: 4 }}>
              theo đề xuất
            </Tag>
          )}
        </span>
      ) : (
        <Tag>Chưa giao chủ trì</Tag>
      )}
      {pending.length > 0 ? (
        <Typography.Text type="warning" style={{ fontSize: 13 }}>
          Còn có thể điền: {pending.join(', ')}
        </Typography.Text>
      ) : !s.lead && s.leadChoices.length === 0 && s.cooperating.length === 0 && !s.deadline ? (
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          Văn bản không gợi ý gì cho nhiệm vụ này
        </Typography.Text>
      ) : (
        <Typography.Text type="success" style={{ fontSize: 13 }}>
          Đã điền đủ phần đề xuất
        </Typography.Text>
      )}
    </Flex>
  );
}

function Bodies({ bodies, units }: { bodies: ProgramSuggestions['bodies']; units: UnitLookup }) {
  type Row = ProgramSuggestions['bodies'][number];
  const columns: TableColumnsType<Row> = [
    { title: 'Cơ quan (như văn bản viết)', dataIndex: 'text', minWidth: 200 },
    {
      title: 'Mục',
      dataIndex: 'labels',
      render: (v: string[]) => <span className="nowrap">{v.join(', ')}</span>,
    },
    {
      title: 'Đơn vị trong danh mục',
      dataIndex: 'unitIds',
      minWidth: 200,
      render: (ids: string[]) =>
        ids.length === 0 ? (
          <Tag color="red">Chưa khớp</Tag>
        ) : (
          <UnitsOrCount ids={ids} units={units} maxHeight={360} />
        ),
    },
  ];
  return (
    <Table<Row>
      rowKey="text"
      size="small"
      columns={columns}
      dataSource={bodies}
      pagination={false}
      scroll={{ x: true }}
      locale={{ emptyText: 'Văn bản không nêu cơ quan nào ở phần tổ chức thực hiện' }}
      data-testid="bodies-table"
    />
  );
}

/**
 * "Đề xuất phân công": for each task, the lead, cooperating units and deadline read from the document,
 * with the words they come from; the monitoring unit; the bodies of section III. One suggestion opens
 * the assignment form prefilled; "Chấp nhận tất cả" fills every empty part at once.
 */
export function SuggestionsTab({
  programId,
  units,
  canAssign,
}: {
  programId: string;
  units: UnitLookup;
  canAssign: boolean;
}) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const wide = useMediaQuery('(min-width: 992px)');
  const q = useSuggestions(programId);
  const tasks = useProgramTasks(programId, {});
  const accept = useAcceptSuggestions(programId);
  const current = useMemo(() => new Map((tasks.data?.items ?? []).map((t) => [t.nodeId, t])), [tasks.data]);

  if (q.isPending) return <PageSpin />;
  if (q.isError) return <Alert type="error" showIcon title={errorMessage(q.error)} />;
  const s = q.data;
  const pending = s.tasks.filter((x) => pendingParts(x, current.get(x.nodeId)).length > 0);

  const acceptAll = () =>
    accept.mutate(
      {
        nodeIds: s.tasks.map((x) => x.nodeId),
        parts: ['lead', 'cooperating', 'deadline'],
        monitoring: !!s.monitoring,
      },
      {
        onSuccess: (r) =>
          r.accepted > 0
            ? message.success(`Đã chấp nhận đề xuất cho ${r.accepted} mục`)
            : r.skipped.length === 0 && message.info('Không có phần nào còn trống để điền theo đề xuất'),
      },
    );

  const acceptMonitoring = () =>
    accept.mutate(
      { nodeIds: [], parts: ['lead'], monitoring: true },
      {
        onSuccess: (r) =>
          r.accepted > 0
            ? message.success('Đã giao đơn vị theo dõi, tổng hợp theo đề xuất')
            : message.info('Đơn vị này đã là đơn vị theo dõi của chương trình'),
      },
    );

  /** Accepting one suggestion opens the assignment form prefilled; with nothing left to fill, the task. */
  const action = (x: TaskSuggestion) =>
    pendingParts(x, current.get(x.nodeId)).length > 0 ? (
      <Button
        size="small"
        icon={<FormOutlined />}
        onClick={() => navigate(`/nhiem-vu/${x.nodeId}?de-xuat=1`)}
        aria-label={`Chấp nhận đề xuất cho nhiệm vụ ${x.label}`}
      >
        Chấp nhận
      </Button>
    ) : (
      <Button
        size="small"
        type="link"
        style={{ paddingInline: 0 }}
        onClick={() => navigate(`/nhiem-vu/${x.nodeId}`)}
      >
        Xem phân công
      </Button>
    );

  const columns: TableColumnsType<TaskSuggestion> = [
    taskLabelColumn(),
    {
      title: 'Chủ trì (đề xuất)',
      key: 'lead',
      minWidth: 220,
      render: (_, x) => (
        <>
          <LeadSuggestion s={x} units={units} />
          {!wide && (
            <div className="task-facts-inline">
              {x.deadline && (
                <div>
                  <Typography.Text type="secondary">Thời hạn: </Typography.Text>
                  {deadlineLabel(x.deadline.deadline)}
                </div>
              )}
              <CurrentCell s={x} t={current.get(x.nodeId)} units={units} />
              {canAssign && <div style={{ marginTop: 6 }}>{action(x)}</div>}
            </div>
          )}
        </>
      ),
    },
    {
      title: 'Phối hợp (đề xuất)',
      key: 'coop',
      minWidth: 160,
      responsive: ['xl'],
      render: (_, x) => <CoopSuggestion s={x} units={units} />,
    },
    {
      title: 'Thời hạn (đề xuất)',
      key: 'deadline',
      minWidth: 150,
      responsive: ['lg'],
      render: (_, x) => <DeadlineSuggestion s={x} />,
    },
    {
      title: 'Hiện trạng',
      key: 'current',
      minWidth: 180,
      responsive: ['lg'],
      render: (_, x) => <CurrentCell s={x} t={current.get(x.nodeId)} units={units} />,
    },
    ...(canAssign
      ? [
          {
            title: '',
            key: 'action',
            width: 110,
            responsive: ['lg' as const],
            render: (_: unknown, x: TaskSuggestion) => action(x),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={16}>
      <Alert
        type="info"
        showIcon
        title="Đề xuất đọc từ chính văn bản"
        description={
          <>
            Cơ quan chủ trì, phối hợp và thời hạn được lấy <strong>theo văn bản</strong> (nhiệm vụ nêu rõ),
            hoặc <strong>theo trách nhiệm mục III</strong> (cơ quan có nhiệm vụ gần nhất ở phần Tổ chức thực
            hiện). Chấp nhận chỉ điền những phần còn trống, không thay đổi phân công đã có.
          </>
        }
      />
      {accept.isError && <ApiErrorAlert error={accept.error} style={{ marginBottom: 0 }} />}
      {accept.data && accept.data.skipped.length > 0 && (
        <TaskProblems
          title={`Đã bỏ qua ${accept.data.skipped.length} đề xuất không hợp lệ (các đề xuất khác đã được chấp nhận)`}
          type="warning"
          problems={accept.data.skipped}
          onClose={() => accept.reset()}
          data-testid="suggestions-skipped"
        />
      )}
      {s.monitoring && (
        <Card
          size="small"
          title="Đơn vị theo dõi, đôn đốc, tổng hợp (đề xuất)"
          data-testid="monitoring-suggestion"
        >
          <Flex wrap justify="space-between" gap={12} align="flex-start">
            <div style={{ minWidth: 0, flex: '1 1 320px' }}>
              <UnitSuggestionView s={s.monitoring} units={units} />
            </div>
            {canAssign && (
              <Button icon={<CheckOutlined />} onClick={acceptMonitoring} loading={accept.isPending}>
                Chấp nhận
              </Button>
            )}
          </Flex>
        </Card>
      )}
      <Card
        size="small"
        title={`Đề xuất cho ${s.tasks.length} nhiệm vụ`}
        extra={
          canAssign && (
            <Popconfirm
              title="Chấp nhận tất cả đề xuất?"
              description={
                <div style={{ maxWidth: 320 }}>
                  Điền cơ quan chủ trì, phối hợp và thời hạn còn trống của {pending.length} nhiệm vụ theo đề
                  xuất
                  {s.monitoring ? ', và giao đơn vị theo dõi, tổng hợp' : ''}. Phân công đã có được giữ
                  nguyên.
                </div>
              }
              okText="Chấp nhận tất cả"
              cancelText="Hủy"
              onConfirm={acceptAll}
            >
              <Button
                type="primary"
                icon={<CheckOutlined />}
                loading={accept.isPending}
                disabled={pending.length === 0 && !s.monitoring}
              >
                Chấp nhận tất cả
              </Button>
            </Popconfirm>
          )
        }
      >
        <ListTable<TaskSuggestion>
          rowKey="nodeId"
          columns={columns}
          rows={s.tasks}
          pageSize={PAGE}
          empty="Chương trình không có nhiệm vụ"
          data-testid="suggestions-table"
        />
      </Card>
      <Card size="small" title="Cơ quan nêu tại mục III. Tổ chức thực hiện">
        <Bodies bodies={s.bodies} units={units} />
      </Card>
    </Flex>
  );
}
