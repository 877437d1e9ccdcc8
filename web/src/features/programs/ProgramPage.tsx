import { useMemo, useRef, useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Drawer, Empty, Flex, Row, Tabs } from 'antd';
import { FileExcelOutlined, FileSearchOutlined, FileWordOutlined } from '@ant-design/icons';
import { useParams } from 'react-router';
import { useProgram } from './hooks';
import { annexUrl, type Program, type ProgramNode } from './api';
import { ReferencesTable, ResponsibilitiesTable } from './ProgramTables';
import { ProgramTasksTab } from './ProgramTasksTab';
import { MeterCard } from './MeterCard';
import { SuggestionsTab } from './SuggestionsTab';
import { CoverageTab } from './CoverageTab';
import { PlansTab } from './PlansTab';
import { PeriodsTab } from '../periods/PeriodsTab';
import { ImplementButton, ImplementError } from './ImplementButton';
import { useTaskFilters } from './taskFilters';
import { useProgramTasks } from '../tasks/hooks';
import type { ProgramStatus } from '../tasks/api';
import { ProgramStatusTag } from '../tasks/TaskBits';
import { useMe } from '../auth/hooks';
import { canAssignTasks } from '../../lib/permissions';
import { OutlineTree, type TreeScrollRequest } from '../document/OutlineTree';
import { SourceText, type ScrollRequest } from '../document/SourceText';
import { NodeSummary } from '../document/NodeSummary';
import { ResponsibilityFacts, TaskFacts } from '../document/NodeFacts';
import { docKindAndNumberItems, documentName, documentTitle, issuerText } from '../document/labels';
import { outlineFromFlat, type OutlineNode } from '../document/outline';
import type { Mark } from '../document/segments';
import { signerText } from '../imports/DraftSummaryCard';
import { useUnitLookup, type UnitLookup } from '../units/useUnitNames';
import { formatDateTime, formatIsoDate } from '../../lib/format';
import { useIsPhone, useMediaQuery } from '../../lib/useMediaQuery';
import { useTabParam } from '../../lib/useTabParam';
import { BackLink, PageHeader } from '../../layout/PageHeader';
import { QueryPage } from '../../layout/QueryPage';
import type { Span } from '../../shared/importer';
import { DirectionsCard } from '../directions/DirectionsCard';
import { ProgramPublicity } from '../portal/ProgramPublicity';

const TABS = [
  'noi-dung',
  'nhiem-vu',
  'de-xuat',
  'bao-phu',
  'ke-hoach',
  'bao-cao',
  'trach-nhiem',
  'dan-chieu',
  'van-ban',
] as const;
type Tab = (typeof TABS)[number];

const PANEL_HEIGHT = 'max(440px, calc(100vh - 200px))';

function extractedMarks(n: ProgramNode | undefined): Mark[] {
  const x = n?.extracted;
  if (!x) return [];
  return [
    ...(x.leads.length ? x.leads : x.lead ? [x.lead] : []).map((m) => ({
      span: m.span,
      className: 'src-lead',
    })),
    ...x.cooperating.map((m) => ({ span: m.span, className: 'src-coop' })),
    ...(x.deadline ? [{ span: x.deadline.span, className: 'src-time' }] : []),
  ];
}

function NodeDetail({
  program,
  node,
  units,
  onShowSource,
}: {
  program: Program;
  node: OutlineNode | null;
  units: UnitLookup;
  onShowSource: (node: OutlineNode) => void;
}) {
  const row = node ? program.nodes.find((n) => n.id === node.id) : undefined;
  const resp = node ? program.responsibilities.find((r) => r.nodeId === node.id) : undefined;
  if (!node || !row)
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description="Chọn một mục trong cây nội dung để xem nội dung và thông tin trích xuất."
      />
    );
  const lead = resp?.leadUnitId
    ? (resp.bodies.find((b) => b.unitIds.includes(resp.leadUnitId!)) ?? null)
    : null;
  return (
    <div data-testid="node-panel">
      <NodeSummary key={node.id} node={node} />
      {row.extracted && <TaskFacts data={row.extracted} units={units} />}
      {resp && <ResponsibilityFacts data={{ ...resp, lead }} units={units} />}
      <Button icon={<FileSearchOutlined />} onClick={() => onShowSource(node)} style={{ marginTop: 8 }}>
        Xem trong văn bản gốc
      </Button>
    </div>
  );
}

function ProgramView({ program, canAssign }: { program: Program; canAssign: boolean }) {
  const phone = useIsPhone();
  const wide = useMediaQuery('(min-width: 992px)');
  const units = useUnitLookup();
  const [tab, setTab] = useTabParam(TABS);

  const outline = useMemo(() => outlineFromFlat(program.nodes), [program.nodes]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [focus, setFocus] = useState<{ spans: Span[]; label: string } | null>(null);
  const [srcScroll, setSrcScroll] = useState<ScrollRequest | null>(null);
  const [treeScroll, setTreeScroll] = useState<TreeScrollRequest | null>(null);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const seq = useRef(0);

  const node = (selectedId && outline.byId.get(selectedId)) || null;
  const marks = useMemo(
    () => extractedMarks(selectedId ? program.nodes.find((n) => n.id === selectedId) : undefined),
    [program.nodes, selectedId],
  );

  const showInContent = (id: string) => {
    setSelectedId(id);
    setFocus(null);
    setTab('noi-dung');
    setTreeScroll({ id, seq: ++seq.current });
    if (!wide) setDrawerOpen(true);
  };
  const showInSource = (spans: Span[], nodeId: string | null, label = '') => {
    setSelectedId(nodeId);
    setFocus(nodeId ? null : { spans, label });
    setTab('van-ban');
    setDrawerOpen(false);
    if (spans[0]) setSrcScroll({ span: spans[0], seq: ++seq.current });
  };

  const detail = (
    <NodeDetail
      program={program}
      node={node}
      units={units}
      onShowSource={(n) => showInSource([n.span], n.id)}
    />
  );

  const content = wide ? (
    <Row gutter={16}>
      <Col span={13}>
        <OutlineTree
          outline={outline}
          selectedId={selectedId}
          onSelect={(id) => setSelectedId(id)}
          scrollTo={treeScroll}
          height={PANEL_HEIGHT}
        />
      </Col>
      <Col span={11}>
        <Card
          size="small"
          title="Chi tiết mục đang chọn"
          style={{ position: 'sticky', top: 80, maxHeight: PANEL_HEIGHT, overflowY: 'auto' }}
        >
          {detail}
        </Card>
      </Col>
    </Row>
  ) : (
    <>
      <OutlineTree
        outline={outline}
        selectedId={selectedId}
        onSelect={(id) => {
          setSelectedId(id);
          setDrawerOpen(true);
        }}
        scrollTo={treeScroll}
      />
      <Drawer
        placement="bottom"
        open={drawerOpen && !!node}
        onClose={() => setDrawerOpen(false)}
        size="70vh"
        title={node ? `Mục ${node.label}` : 'Chi tiết'}
      >
        {detail}
      </Drawer>
    </>
  );

  const picked = node && tab === 'van-ban' ? node : null;
  const source = (
    <>
      {focus && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={focus.label}
          action={
            <Button size="small" onClick={() => setFocus(null)}>
              Bỏ tô sáng
            </Button>
          }
        />
      )}
      {picked && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`Đang chọn mục ${picked.label}${picked.isTask ? ' (nhiệm vụ)' : ''}`}
          action={
            <Button size="small" onClick={() => showInContent(picked.id)}>
              Xem chi tiết
            </Button>
          }
        />
      )}
      <SourceText
        source={program.source}
        outline={outline}
        selectedId={selectedId}
        marks={marks}
        focus={focus?.spans}
        scrollTo={srcScroll}
        onPick={(id) => {
          if (id) {
            setSelectedId(id);
            setFocus(null);
          }
        }}
        height={phone ? '65vh' : PANEL_HEIGHT}
      />
    </>
  );

  const labelOf = (nodeId: string) => outline.byId.get(nodeId)?.label ?? '';

  return (
    <Card styles={{ body: { paddingTop: 4 } }}>
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as Tab)}
        tabBarGutter={phone ? 16 : 24}
        items={[
          { key: 'noi-dung', label: 'Nội dung', children: content },
          {
            key: 'nhiem-vu',
            label: phone ? 'Nhiệm vụ' : `Nhiệm vụ (${program.nodes.filter((n) => n.isTask).length})`,
            children: (
              <ProgramTasksTab
                programId={program.id}
                nodes={program.nodes}
                units={units}
                canAssign={canAssign}
              />
            ),
          },
          {
            key: 'de-xuat',
            label: phone ? 'Đề xuất' : 'Đề xuất phân công',
            children: <SuggestionsTab programId={program.id} units={units} canAssign={canAssign} />,
          },
          { key: 'bao-phu', label: 'Bao phủ', children: <CoverageTab programId={program.id} /> },
          {
            key: 'ke-hoach',
            label: phone ? 'Kế hoạch' : 'Kế hoạch của đơn vị',
            children: <PlansTab programId={program.id} units={units} />,
          },
          {
            key: 'bao-cao',
            label: phone ? 'Báo cáo' : 'Báo cáo định kỳ',
            children: <PeriodsTab programId={program.id} />,
          },
          {
            key: 'trach-nhiem',
            label: 'Trách nhiệm',
            children: (
              <ResponsibilitiesTable
                items={program.responsibilities}
                labelOf={labelOf}
                units={units}
                onShow={showInContent}
              />
            ),
          },
          {
            key: 'dan-chieu',
            label: phone ? 'Dẫn chiếu' : `Văn bản dẫn chiếu (${program.references.length})`,
            children: (
              <ReferencesTable
                items={program.references}
                onShowCitations={(r) =>
                  showInSource(
                    r.citations,
                    null,
                    `Đang tô sáng ${r.citations.length} chỗ dẫn chiếu ${r.kind.toLocaleLowerCase('vi')} ${r.number}`,
                  )
                }
              />
            ),
          },
          { key: 'van-ban', label: 'Văn bản gốc', children: source },
        ]}
      />
    </Card>
  );
}

/** The "5 rõ" meter; choosing a criterion opens the task list filtered to the tasks missing it. */
function ProgramMeter({ programId }: { programId: string }) {
  const [filters, setFilters] = useTaskFilters();
  return (
    <MeterCard
      programId={programId}
      missing={filters.missing}
      onFilterMissing={(c) => setFilters({ missing: c }, c ? 'nhiem-vu' : undefined)}
    />
  );
}

export default function ProgramPage() {
  const { id = '' } = useParams();
  const query = useProgram(id);
  // Asked for with the program (not after it): its status shows in the header.
  const tasks = useProgramTasks(id, {});
  return (
    <QueryPage
      query={query}
      what="chương trình"
      back={{ to: '/chuong-trinh', label: 'Về danh sách chương trình' }}
    >
      {(p) => <ProgramDetail p={p} status={tasks.data?.program.status} />}
    </QueryPage>
  );
}

function ProgramDetail({ p, status }: { p: Program; status: ProgramStatus | undefined }) {
  const me = useMe();
  const [implementError, setImplementError] = useState<unknown>(null);
  const canAssign = canAssignTasks(me);
  const meta = p.meta.program;
  return (
    <>
      <BackLink to="/chuong-trinh">Chương trình hành động</BackLink>
      <PageHeader
        title={documentName(p.docKind, p.number)}
        subTitle={documentTitle(meta?.title) || p.title}
        extra={
          <Flex wrap gap={8} align="center">
            {status && <ProgramStatusTag status={status} />}
            <Button
              icon={<FileWordOutlined />}
              href={annexUrl(p.id, 'docx')}
              download
              data-testid="annex-download-docx"
            >
              Phụ lục phân công .docx
            </Button>
            <Button
              icon={<FileExcelOutlined />}
              href={annexUrl(p.id, 'xlsx')}
              download
              data-testid="annex-download-xlsx"
            >
              Phụ lục phân công .xlsx
            </Button>
            {canAssign && status === 'published' && (
              <ImplementButton programId={p.id} onResult={setImplementError} />
            )}
          </Flex>
        }
      />
      {implementError !== null && (
        <ImplementError error={implementError} onClose={() => setImplementError(null)} />
      )}
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            ...docKindAndNumberItems(p.docKind, p.number),
            { key: 'issuer', label: 'Cơ quan ban hành', children: issuerText(p.issuer, meta?.parentIssuer) },
            { key: 'date', label: 'Ngày văn bản', children: formatIsoDate(p.docDate) },
            { key: 'signer', label: 'Người ký', children: signerText(p.meta.signer) },
            { key: 'published', label: 'Ban hành trên hệ thống', children: formatDateTime(p.publishedAt) },
          ]}
        />
        <Flex wrap gap={8} style={{ marginTop: 8 }}>
          <span className="program-count">
            <strong>{p.nodes.filter((n) => n.isTask).length}</strong> nhiệm vụ
          </span>
          <span className="program-count">
            <strong>{p.responsibilities.length}</strong> nội dung trách nhiệm
          </span>
          <span className="program-count">
            <strong>{p.references.length}</strong> văn bản dẫn chiếu
          </span>
          <span className="program-count">
            <strong>{p.meta.recipients?.length ?? 0}</strong> nơi nhận
          </span>
        </Flex>
      </Card>
      {!p.parentProgramId && <ProgramPublicity program={p} />}
      <ProgramMeter programId={p.id} />
      <ProgramView program={p} canAssign={canAssign} />
      <DirectionsCard targetType="program" targetId={p.id} targetLabel={p.title} />
    </>
  );
}
