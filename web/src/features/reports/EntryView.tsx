import { Flex, Tag, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { evidenceUrl, type StatusRules } from './api';
import { EvidenceVisibilityControl } from '../portal/EvidenceVisibility';
import { ENTRY_FIELD_LABELS, fileSize, statusLabel, taskStatusColor } from './labels';
import type { EvidenceRef, ReportEntry, ReportProduct } from '../../shared/report';
import { formatIsoDate } from '../../lib/format';
import { ExpandableText } from '../../layout/ExpandableText';

export function TaskStatusTag({ statuses, status }: { statuses: StatusRules; status: string | null }) {
  if (!status) return <Tag style={{ marginInlineEnd: 0 }}>Chưa chọn trạng thái</Tag>;
  return (
    <Tag color={taskStatusColor(status)} style={{ marginInlineEnd: 0 }}>
      {statusLabel(statuses, status)}
    </Tag>
  );
}

/** "Kế hoạch tập huấn — số 45/KH-STP, ngày 02/03/2026". */
export function productText(p: ReportProduct): string {
  const extra = [p.number ? `số ${p.number}` : '', p.date ? `ngày ${formatIsoDate(p.date)}` : '']
    .filter(Boolean)
    .join(', ');
  return extra ? `${p.description} — ${extra}` : p.description;
}

export function ProductLines({ products }: { products: ReportProduct[] }) {
  return (
    <ul className="report-lines">
      {products.map((p, i) => (
        <li key={i}>
          {productText(p)}
          {p.link && (
            <>
              {' '}
              ·{' '}
              {/^https?:\/\//i.test(p.link) ? (
                <a
                  href={p.link}
                  target="_blank"
                  rel="noreferrer noopener"
                  style={{ overflowWrap: 'anywhere' }}
                >
                  {p.link}
                </a>
              ) : (
                // Stored before links were checked: shown, never clickable.
                <span style={{ overflowWrap: 'anywhere' }}>{p.link}</span>
              )}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/** `visibility`: with the unit's choice per file (public / internal); not for another unit's input. */
export function EvidenceLinks({ files, visibility = false }: { files: EvidenceRef[]; visibility?: boolean }) {
  return (
    <ul className="report-lines plain">
      {files.map((f) => (
        <li key={f.sha256}>
          <PaperClipOutlined />{' '}
          <a href={evidenceUrl(f)} download={f.filename}>
            {f.filename}
          </a>{' '}
          <Typography.Text type="secondary">({fileSize(f.size)})</Typography.Text>{' '}
          {visibility && <EvidenceVisibilityControl sha256={f.sha256} filename={f.filename} />}
        </li>
      ))}
    </ul>
  );
}

/**
 * A text the unit wrote, as typed (line breaks kept); a long one (a result may hold 20,000
 * characters) is cut to a few lines with "Xem thêm" / "Thu gọn", so the page stays readable.
 */
export function ReportText({ children }: { children: string }) {
  return (
    <ExpandableText rows={6} className="report-text" data-testid="report-text">
      {children}
    </ExpandableText>
  );
}

/** A percent as written: "40 %"; the status default in brackets when the unit left it empty. */
export function percentText(statuses: StatusRules, e: Pick<ReportEntry, 'status' | 'percent'>): string {
  if (e.percent !== null) return `${e.percent} %`;
  const d = e.status ? statuses[e.status]?.defaultPercent : null;
  return d === null || d === undefined ? '—' : `${d} % (mặc định)`;
}

export function isEmptyEntry(e: ReportEntry | undefined | null): boolean {
  return (
    !e ||
    (!e.status &&
      e.percent === null &&
      !e.results.trim() &&
      e.products.length === 0 &&
      e.evidence.length === 0 &&
      !e.obstacles.trim() &&
      !e.proposals.trim() &&
      !e.reason.trim() &&
      !e.completedOn)
  );
}

/** The value of one field of an entry, for the comparison view. */
export function FieldValue({
  field,
  entry,
  statuses,
}: {
  field: keyof ReportEntry;
  entry: ReportEntry | null;
  statuses: StatusRules;
}) {
  const empty = <span className="change-empty">(trống)</span>;
  if (!entry) return empty;
  switch (field) {
    case 'status':
      return entry.status ? <>{statusLabel(statuses, entry.status)}</> : empty;
    case 'percent':
      return entry.percent === null ? empty : <>{entry.percent} %</>;
    case 'completedOn':
      return entry.completedOn ? <>{formatIsoDate(entry.completedOn)}</> : empty;
    case 'products':
      return entry.products.length ? <>{entry.products.map(productText).join('; ')}</> : empty;
    case 'evidence':
      return entry.evidence.length ? <>{entry.evidence.map((f) => f.filename).join('; ')}</> : empty;
    default: {
      const v = entry[field];
      return typeof v === 'string' && v.trim() ? <>{v}</> : empty;
    }
  }
}

/** One entry of a report, read-only: the fields the unit filled in. */
export function EntryFacts({
  entry,
  statuses,
  compact = false,
}: {
  entry: ReportEntry | null | undefined;
  statuses: StatusRules;
  /** For a cooperating unit's input: status, percent and results only, then the rest if any. */
  compact?: boolean;
}) {
  if (!entry || isEmptyEntry(entry))
    return <Typography.Text type="secondary">Chưa báo cáo nhiệm vụ này.</Typography.Text>;
  const rows: { key: keyof ReportEntry; node: React.ReactNode }[] = [];
  if (entry.results.trim()) rows.push({ key: 'results', node: <ReportText>{entry.results}</ReportText> });
  if (entry.products.length) rows.push({ key: 'products', node: <ProductLines products={entry.products} /> });
  if (entry.evidence.length)
    rows.push({ key: 'evidence', node: <EvidenceLinks files={entry.evidence} visibility={!compact} /> });
  if (entry.obstacles.trim())
    rows.push({ key: 'obstacles', node: <ReportText>{entry.obstacles}</ReportText> });
  if (entry.proposals.trim())
    rows.push({ key: 'proposals', node: <ReportText>{entry.proposals}</ReportText> });
  if (entry.reason.trim()) rows.push({ key: 'reason', node: <ReportText>{entry.reason}</ReportText> });
  return (
    <Flex vertical gap={compact ? 4 : 8} data-testid="entry-facts">
      <Flex wrap gap={8} align="center">
        <TaskStatusTag statuses={statuses} status={entry.status} />
        {entry.status && (
          <Typography.Text>
            <Typography.Text type="secondary">Tỷ lệ hoàn thành: </Typography.Text>
            {percentText(statuses, entry)}
          </Typography.Text>
        )}
        {entry.completedOn && (
          <Typography.Text>
            <Typography.Text type="secondary">Hoàn thành ngày </Typography.Text>
            {formatIsoDate(entry.completedOn)}
          </Typography.Text>
        )}
      </Flex>
      {rows.map((r) => (
        <div key={r.key}>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {ENTRY_FIELD_LABELS[r.key]}
          </Typography.Text>
          {r.node}
        </div>
      ))}
    </Flex>
  );
}
