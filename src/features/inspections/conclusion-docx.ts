/**
 * The conclusion of an inspection as an official document (.docx), written by the renderer of the
 * consolidated report (renderOfficialDocx): in the Party layout a "THÔNG BÁO KẾT LUẬN KIỂM TRA"
 * (số …-TB/…), in the State layout a "BÁO CÁO KẾT QUẢ GIÁM SÁT" (Số: …/BC-…). The heading is the
 * body's (its parent's line above its name), then the basis, what was done and where, the findings
 * numbered, the recommendations with their unit, deadline and expected product, Nơi nhận and the
 * signer. A draft carries "DỰ THẢO" and blanks for the number and the date. Pure: no database.
 */
import { formatDateVN } from '../../domain/format.js';
import { reportIssuer, type IssuingUnit } from '../../domain/reporting/heading.js';
import { INSPECTION_KIND_LABELS, type InspectionKind } from '../../domain/supervision/kinds.js';
import { renderOfficialDocx, type OfficialReportDoc } from '../consolidation/official-docx.js';
import type { InspectionConclusion, InspectionPlan } from '../../contract/inspections.js';

export const CONCLUSION_DOC_TYPES = {
  party: 'THÔNG BÁO KẾT LUẬN KIỂM TRA',
  state: 'BÁO CÁO KẾT QUẢ GIÁM SÁT',
} as const;

export interface ConclusionSource {
  body: IssuingUnit;
  plan: Pick<InspectionPlan, 'title' | 'kind' | 'startsOn' | 'endsOn' | 'basis' | 'subjects'>;
  conclusion: InspectionConclusion;
  place?: string;
}

const period = (from: string | null, to: string | null) =>
  from && to
    ? ` từ ngày ${formatDateVN(from)} đến ngày ${formatDateVN(to)}`
    : from
      ? ` từ ngày ${formatDateVN(from)}`
      : '';

const end = (s: string) => s.trim().replace(/[.;:,]+$/, '');
const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);

/** "Kiểm tra của Đảng" → "kiểm tra"; the verb the document uses for what the body did. */
function activity(kind: InspectionKind): string {
  if (kind === 'party_inspection' || kind === 'monitor_check') return 'kiểm tra';
  if (kind === 'state_inspection') return 'thanh tra';
  return 'giám sát';
}

/** The document the data says: every sentence is built from the plan and the conclusion. */
export function conclusionDoc(src: ConclusionSource): OfficialReportDoc {
  const { plan, conclusion: c, body } = src;
  const lines = reportIssuer(body);
  const layout = c.layout;
  const code = lines.notation.replace(/^BC[/-]/, '');
  const subjects = [...new Set(plan.subjects.map((s) => s.unitName))];
  const responsible = [...new Set(c.recommendations.map((r) => r.responsibleUnitName))];
  const act = activity(plan.kind);
  const intro = [
    ...plan.basis.map((b) => ({ kind: 'paragraph' as const, text: `Căn cứ ${lowerFirst(end(b.raw))};` })),
    {
      kind: 'paragraph' as const,
      text: `Thực hiện ${lowerFirst(end(plan.title))}, ${body.name}${period(plan.startsOn, plan.endsOn)} đã tiến hành ${act} (${lowerFirst(INSPECTION_KIND_LABELS[plan.kind].vi)}) đối với ${subjects.join(', ')}.`,
    },
    ...c.summary
      .split(/\n\s*\n|\r?\n/)
      .map((s) => s.trim())
      .filter(Boolean)
      .map((text) => ({ kind: 'paragraph' as const, text })),
  ];
  const findings = c.findings.map((f) => ({
    kind: 'paragraph' as const,
    text: `${f.seq}. ${f.unitName}${f.taskLabel ? ` (nhiệm vụ ${f.taskLabel})` : ''}: ${end(f.text)}.`,
  }));
  const recs = c.recommendations.map((r) => ({
    kind: 'paragraph' as const,
    text:
      `${r.seq}. ${r.responsibleUnitName}${r.taskLabel ? ` (nhiệm vụ ${r.taskLabel})` : ''}: ${end(r.text)}` +
      `${r.findingSeq ? ` (khắc phục nội dung kết luận số ${r.findingSeq})` : ''}. ` +
      `Thời hạn: ${formatDateVN(r.dueDate)}.` +
      (r.expectedProduct.trim() ? ` Sản phẩm: ${end(r.expectedProduct)}.` : ''),
  }));
  const draft = c.status === 'draft';
  return {
    docType: CONCLUSION_DOC_TYPES[layout],
    draft,
    layout,
    parentBody: lines.parentBody,
    issuer: lines.issuer,
    notation: layout === 'party' ? `TB/${code}` : `BC-${code}`,
    number: draft ? null : c.number,
    date: draft ? null : c.issuedOn,
    place: src.place ?? 'Hà Nội',
    title: c.title.trim() || plan.title,
    signer: {
      authority: lines.signer.authority,
      position: c.signerTitle?.trim() || lines.signer.position,
      name: c.signerName?.trim() ?? '',
    },
    recipients: [
      ...[...new Set([...subjects, ...responsible])].map((u) => `${u} (để thực hiện)`),
      layout === 'party' ? `Lưu ${body.name}` : 'Lưu: VT',
    ],
    sections: [
      { heading: '', blocks: intro },
      {
        heading: layout === 'party' ? 'I. Nội dung kết luận' : 'I. Kết quả giám sát',
        blocks: findings,
      },
      {
        heading: 'II. Kiến nghị',
        blocks: recs.length ? recs : [{ kind: 'paragraph' as const, text: 'Không có kiến nghị.' }],
      },
    ],
  };
}

export function renderConclusionDocx(src: ConclusionSource): Promise<Buffer> {
  return renderOfficialDocx(conclusionDoc(src));
}

/** "thong-bao-ket-luan-12-tb-ubkttu.docx": the doc type and number, Vietnamese without marks. */
export function conclusionFileName(
  c: Pick<InspectionConclusion, 'layout' | 'number' | 'status' | 'revision'>,
) {
  const base = c.layout === 'party' ? 'thong-bao-ket-luan' : 'bao-cao-ket-qua-giam-sat';
  const n = c.status === 'draft' ? `du-thao-lan-${c.revision}` : (c.number ?? '');
  const slug = `${base}-${n}`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug}.docx`;
}
