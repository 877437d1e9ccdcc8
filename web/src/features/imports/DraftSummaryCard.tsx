import { Card, Col, Collapse, Descriptions, Row, Statistic } from 'antd';
import type { ImportDraft } from './api';
import { docKindAndNumberItems, issuerText, sentenceCase } from '../document/labels';
import { formatDateTime, formatIsoDate } from '../../lib/format';
import { useIsPhone } from '../../lib/useMediaQuery';

const FORMAT_LABELS: Record<string, string> = {
  docx: 'Word (.docx)',
  pdf: 'PDF',
  markdown: 'Markdown',
  text: 'Văn bản thuần',
};

export function signerText(
  s: { onBehalf: string | null; position: string | null; name: string | null } | null,
) {
  return s ? [s.onBehalf, s.position, s.name].filter(Boolean).join(' · ') || '—' : '—';
}

/** What was read from the document's header and signature, and how much was found. */
export function DraftSummaryCard({ draft }: { draft: ImportDraft }) {
  const phone = useIsPhone();
  const p = draft.doc.program;
  const st = draft.stats;
  const stats: { key: string; title: string; value: number }[] = [
    { key: 'tasks', title: 'Nhiệm vụ', value: st.tasks },
    { key: 'responsibilities', title: 'Trách nhiệm', value: st.responsibilities },
    { key: 'references', title: phone ? 'Dẫn chiếu' : 'Văn bản dẫn chiếu', value: st.references },
    { key: 'nodes', title: 'Mục', value: st.nodes },
    { key: 'warnings', title: 'Cảnh báo', value: st.warnings },
    { key: 'unmatched', title: phone ? 'Chưa khớp' : 'Cơ quan chưa khớp', value: st.unmatchedBodies },
  ];
  const details = (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 2, lg: 3 }}
      items={[
        ...docKindAndNumberItems(p.docKind, p.number),
        {
          key: 'date',
          label: 'Ngày',
          children: p.date ? `${p.place ? `${p.place}, ` : ''}${formatIsoDate(p.date)}` : '—',
        },
        { key: 'issuer', label: 'Cơ quan ban hành', children: issuerText(p.issuer, p.parentIssuer) },
        { key: 'signer', label: 'Người ký', children: signerText(draft.doc.signer) },
        { key: 'recipients', label: 'Nơi nhận', children: `${draft.doc.recipients.length} nơi` },
        ...(p.wrapper
          ? [
              {
                key: 'wrapper',
                label: 'Ban hành kèm theo',
                children:
                  [sentenceCase(p.wrapper.kind), p.wrapper.number && `số ${p.wrapper.number}`]
                    .filter(Boolean)
                    .join(' ') || '—',
              },
            ]
          : []),
        {
          key: 'file',
          label: 'Nguồn',
          children: `${draft.filename ? `${draft.filename} · ` : ''}${FORMAT_LABELS[draft.format] ?? draft.format}`,
        },
        { key: 'updated', label: 'Cập nhật', children: formatDateTime(draft.updatedAt) },
      ]}
    />
  );
  return (
    <Card style={{ marginBottom: 16 }}>
      <Row gutter={[12, 12]} className="stat-grid" style={{ marginBottom: phone ? 4 : 16 }}>
        {stats.map((s) => (
          <Col xs={8} md={4} key={s.key} data-testid={`stat-${s.key}`}>
            <Statistic title={s.title} value={s.value} />
          </Col>
        ))}
      </Row>
      {phone ? (
        <Collapse
          ghost
          size="small"
          items={[{ key: 'thong-tin', label: 'Thông tin văn bản', children: details }]}
          style={{ marginInline: -8 }}
        />
      ) : (
        details
      )}
    </Card>
  );
}
