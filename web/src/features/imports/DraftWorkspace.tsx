import { useMemo, useRef, useState } from 'react';
import { Badge, Card, Col, Flex, Row } from 'antd';
import { DraftNodePanel, type EditRequest } from './DraftNodePanel';
import { DraftWarnings } from './DraftWarnings';
import type { ImportDraft } from './api';
import { OutlineTree, type TreeScrollRequest } from '../document/OutlineTree';
import { SourceText, type ScrollRequest } from '../document/SourceText';
import { nodeAt, outlineFromDoc, type OutlineNode } from '../document/outline';
import type { Mark } from '../document/segments';
import { useUnitLookup } from '../units/useUnitNames';
import { useMediaQuery } from '../../lib/useMediaQuery';
import type { Span, Task, Warning } from '../../shared/importer';

type SideTab = 'cau-truc' | 'canh-bao';
type PhoneTab = 'van-ban' | SideTab;

/** The source on the left, the structure on the right; on a phone the two are tabs. */
const PANEL_HEIGHT = 'max(520px, calc(100vh - 96px))';
const PHONE_PANEL_HEIGHT = '60vh';

function taskMarks(t: Task | undefined): Mark[] {
  if (!t) return [];
  const marks: Mark[] = [];
  for (const m of t.leads.length ? t.leads : t.lead ? [t.lead] : [])
    marks.push({ span: m.span, className: 'src-lead' });
  for (const m of t.cooperating) marks.push({ span: m.span, className: 'src-coop' });
  if (t.deadline) marks.push({ span: t.deadline.span, className: 'src-time' });
  return marks;
}

function Legend() {
  return (
    <Flex wrap gap={10} className="source-legend" aria-hidden>
      <span>
        <span className="legend-swatch src-selected" /> Mục đang chọn
      </span>
      <span>
        <span className="legend-swatch src-lead" /> Chủ trì
      </span>
      <span>
        <span className="legend-swatch src-coop" /> Phối hợp
      </span>
      <span>
        <span className="legend-swatch src-time" /> Thời hạn
      </span>
    </Flex>
  );
}

export function DraftWorkspace({
  draft,
  editable,
  pending,
  error,
  onClearError,
  onEdit,
  onCreateProposed,
}: {
  draft: ImportDraft;
  /** Opens "Tạo các đơn vị đề xuất" (absent when the user may not create units). */
  onCreateProposed?: () => void;
  editable: boolean;
  pending: boolean;
  error: unknown;
  /** The last correction's error belongs to the node it was made on. */
  onClearError: () => void;
  onEdit: (req: EditRequest, onDone: () => void) => void;
}) {
  const wide = useMediaQuery('(min-width: 992px)');
  const units = useUnitLookup();
  const { doc, source } = draft;

  const outline = useMemo(
    () => outlineFromDoc(doc.sections, new Set(doc.tasks.map((t) => t.nodeId))),
    [doc.sections, doc.tasks],
  );
  const taskByNode = useMemo(() => new Map(doc.tasks.map((t) => [t.nodeId, t])), [doc.tasks]);
  const respByNode = useMemo(
    () => new Map(doc.responsibilities.map((r) => [r.nodeId, r])),
    [doc.responsibilities],
  );
  const other = useMemo(() => doc.other.map((o) => o.span), [doc.other]);
  const flagged = useMemo(
    () =>
      new Set(
        doc.warnings.map((w) => w.nodeId ?? nodeAt(outline, w.span[0])?.id).filter((x): x is string => !!x),
      ),
    [doc.warnings, outline],
  );

  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [caret, setCaret] = useState<number | null>(null);
  const [focus, setFocus] = useState<Span[]>([]);
  const [srcScroll, setSrcScroll] = useState<ScrollRequest | null>(null);
  const [treeScroll, setTreeScroll] = useState<TreeScrollRequest | null>(null);
  const [sideTab, setSideTab] = useState<SideTab>('cau-truc');
  const [phoneTab, setPhoneTab] = useState<PhoneTab>('van-ban');
  const seq = useRef(0);

  const node: OutlineNode | null = (selectedId && outline.byId.get(selectedId)) || null;
  const task = node ? taskByNode.get(node.id) : undefined;
  const marks = useMemo(() => taskMarks(task), [task]);

  const showInSource = (span: Span) => setSrcScroll({ span, seq: ++seq.current });
  const showInTree = (id: string) => setTreeScroll({ id, seq: ++seq.current });

  const selectFromTree = (id: string) => {
    const n = outline.byId.get(id);
    if (id !== selectedId) onClearError();
    setSelectedId(id);
    setCaret(null);
    setFocus([]);
    if (n) showInSource(n.span);
  };

  const pickInSource = (nodeId: string | null, offset: number) => {
    setCaret(offset);
    setFocus([]);
    if (nodeId && outline.byId.has(nodeId)) {
      if (nodeId !== selectedId) onClearError();
      setSelectedId(nodeId);
      showInTree(nodeId);
    }
  };

  const showWarning = (w: Warning) => {
    const id = w.nodeId ?? nodeAt(outline, w.span[0])?.id ?? null;
    if (id !== selectedId) onClearError();
    setSelectedId(id);
    setCaret(null);
    setFocus([w.span]);
    if (id) showInTree(id);
    showInSource(w.span);
    if (!wide) setPhoneTab('van-ban');
  };

  /** The body a BODY_UNMATCHED warning is about: the mention at its span, else the text there. */
  const bodyText = (w: Warning): string => {
    for (const t of doc.tasks)
      for (const m of [...(t.lead ? [t.lead] : []), ...t.leads, ...t.cooperating])
        if (m.span[0] === w.span[0] && m.span[1] === w.span[1]) return m.text;
    for (const r of doc.responsibilities)
      for (const m of r.bodies) if (m.span[0] === w.span[0] && m.span[1] === w.span[1]) return m.text;
    return source.slice(w.span[0], w.span[1]).trim().slice(0, 500);
  };

  const edit = (req: EditRequest) =>
    onEdit(req, () => {
      setCaret(null);
      setFocus([]);
      const id = req.selectAfter ?? (selectedId && req.op.op !== 'mapBody' ? selectedId : null);
      if (id) {
        setSelectedId(id);
        showInTree(id);
      }
    });

  const source_ = (height?: string) => (
    <SourceText
      source={source}
      outline={outline}
      other={other}
      selectedId={selectedId}
      marks={marks}
      focus={focus}
      caret={editable ? caret : null}
      scrollTo={srcScroll}
      onPick={pickInSource}
      height={height}
    />
  );
  const tree = (height?: string) => (
    <OutlineTree
      outline={outline}
      selectedId={selectedId}
      onSelect={selectFromTree}
      scrollTo={treeScroll}
      flagged={flagged}
      height={height}
    />
  );
  const warnings = (
    <DraftWarnings
      warnings={doc.warnings}
      bodyText={bodyText}
      onShow={showWarning}
      editable={editable}
      proposedCount={doc.proposedUnits.length}
      {...(onCreateProposed ? { onCreateProposed } : {})}
      onMap={(text, unitCode) =>
        edit({
          op: { op: 'mapBody', text, unitCode },
          done: `Đã ghép “${text}” với ${units.byCode(unitCode)?.name ?? unitCode}`,
        })
      }
    />
  );
  const warningsTab = (
    <span>
      Cảnh báo <Badge count={doc.warnings.length} showZero={false} color="orange" size="small" />
    </span>
  );
  const details = (
    <DraftNodePanel
      source={source}
      outline={outline}
      node={node}
      task={task}
      responsibility={node ? respByNode.get(node.id) : undefined}
      caret={caret}
      editable={editable}
      pending={pending}
      error={error}
      units={units}
      onEdit={edit}
    />
  );

  if (!wide) {
    return (
      <Flex vertical gap={12}>
        <Card
          size="small"
          activeTabKey={phoneTab}
          onTabChange={(k) => {
            setPhoneTab(k as PhoneTab);
            // The pane was hidden: bring the selection into view now that it shows.
            if (k === 'van-ban' && (focus[0] ?? node?.span)) showInSource(focus[0] ?? node!.span);
            if (k === 'cau-truc' && node) showInTree(node.id);
          }}
          tabList={[
            { key: 'van-ban', label: 'Văn bản gốc' },
            { key: 'cau-truc', label: 'Cấu trúc' },
            { key: 'canh-bao', label: warningsTab },
          ]}
          styles={{ body: { padding: phoneTab === 'canh-bao' ? 12 : 0 } }}
        >
          {phoneTab === 'van-ban' && source_(PHONE_PANEL_HEIGHT)}
          {phoneTab === 'cau-truc' && tree(PHONE_PANEL_HEIGHT)}
          {phoneTab === 'canh-bao' && warnings}
        </Card>
        <Card size="small" title="Chi tiết mục đang chọn">
          {details}
        </Card>
      </Flex>
    );
  }

  return (
    <Row gutter={16}>
      <Col span={12}>
        <Card
          size="small"
          title="Văn bản gốc"
          extra={<Legend />}
          styles={{ body: { padding: 0 } }}
          className="workspace-split"
          style={{ height: PANEL_HEIGHT }}
        >
          {source_()}
        </Card>
      </Col>
      <Col span={12}>
        <Flex vertical gap={16} style={{ height: PANEL_HEIGHT }}>
          <Card
            size="small"
            activeTabKey={sideTab}
            onTabChange={(k) => setSideTab(k as SideTab)}
            tabList={[
              { key: 'cau-truc', label: 'Cấu trúc' },
              { key: 'canh-bao', label: warningsTab },
            ]}
            className="workspace-split"
            style={{ flex: '1 1 60%', minHeight: 0 }}
            styles={{ body: { padding: sideTab === 'canh-bao' ? 12 : 0 } }}
          >
            {sideTab === 'cau-truc' ? tree() : <div className="workspace-scroll">{warnings}</div>}
          </Card>
          <Card
            size="small"
            title="Chi tiết mục đang chọn"
            className="workspace-split"
            style={{ flex: '1 1 40%', minHeight: 0 }}
          >
            <div className="workspace-scroll">{details}</div>
          </Card>
        </Flex>
      </Col>
    </Row>
  );
}
