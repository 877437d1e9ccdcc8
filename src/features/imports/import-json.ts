/**
 * The JSON form of an imported document (documented in README, "Định dạng JSON"), and a readable
 * outline, for `thucthi import FILE [--json]`.
 */
import type { DocNode, ParsedDocument } from '../../domain/importer/types.js';

export function importJson(doc: ParsedDocument) {
  const node = (n: DocNode): unknown => ({
    id: n.id,
    kind: n.kind,
    marker: n.marker,
    label: n.label,
    title: n.title,
    text: n.text,
    span: n.span,
    ...(n.cells ? { cells: n.cells } : {}),
    ...(n.part ? { part: n.part } : {}),
    ...(n.ocr ? { ocr: true } : {}),
    children: n.children.map(node),
  });
  return {
    program: doc.program,
    sections: doc.sections.map(node),
    tasks: doc.tasks.map((t) => ({
      label: t.label,
      text: t.text,
      group: t.groupLabel,
      lead: t.lead,
      leads: t.leads,
      cooperating: t.cooperating,
      deadline: t.deadline,
      times: t.times,
      products: t.products,
      ...(t.submitTo ? { submitTo: t.submitTo } : {}),
      ...(t.linkedGroupLabel ? { linkedGroupLabel: t.linkedGroupLabel } : {}),
      span: t.span,
    })),
    responsibilities: doc.responsibilities,
    references: doc.references,
    recipients: doc.recipients,
    signer: doc.signer,
    warnings: doc.warnings,
    proposedUnits: doc.proposedUnits,
    source: doc.source,
  };
}

const KIND_VI: Record<string, string> = {
  section: 'Phần',
  group: 'Mục',
  subgroup: 'Mục con',
  bullet: '-',
  paragraph: '¶',
  table: 'Bảng',
  row: 'Dòng',
};

export function importOutline(doc: ParsedDocument): string {
  const out: string[] = [];
  const p = doc.program;
  out.push(
    `${p.docKind ?? 'VĂN BẢN'}${p.number ? ` số ${p.number}` : ''}${p.date ? ` ngày ${p.date}` : ''}${p.issuer ? ` — ${p.issuer}` : ''}`,
  );
  if (p.title) out.push(p.title);
  if (p.wrapper) out.push(`(kèm theo ${p.wrapper.kind ?? ''} ${p.wrapper.number ?? ''})`);
  out.push('');
  const walk = (n: DocNode, depth: number) => {
    const text = n.title.length > 100 ? n.title.slice(0, 99) + '…' : n.title;
    out.push(
      `${'  '.repeat(depth)}${n.label} [${KIND_VI[n.kind] ?? n.kind}]${n.ocr ? ' [OCR]' : ''} ${text}`,
    );
    n.children.forEach((c) => walk(c, depth + 1));
  };
  doc.sections.forEach((s) => walk(s, 0));
  out.push('');
  out.push(
    `Nhiệm vụ: ${doc.tasks.length}; trách nhiệm: ${doc.responsibilities.length}; văn bản dẫn chiếu: ${doc.references.length}; nơi nhận: ${doc.recipients.length}`,
  );
  for (const t of doc.tasks.filter((x) => x.lead || x.deadline)) {
    out.push(
      `  ${t.label}: chủ trì ${t.leads.map((l) => l.text).join(' + ') || '—'}; phối hợp ${t.cooperating.map((c) => c.text).join(', ') || '—'}; thời hạn ${t.deadline?.value ?? '—'}`,
    );
  }
  for (const r of doc.references)
    out.push(`  ${r.kind} ${r.number}${r.date ? ` (${r.date})` : ''} ×${r.citations.length}`);
  if (doc.signer)
    out.push(
      `Ký: ${[doc.signer.onBehalf, doc.signer.position, doc.signer.name].filter(Boolean).join(' / ')}`,
    );
  if (doc.warnings.length) {
    out.push(`Cảnh báo (${doc.warnings.length}):`);
    for (const w of doc.warnings)
      out.push(
        `  [${w.code}] ${w.message} — "${doc.source.slice(w.span[0], Math.min(w.span[1], w.span[0] + 60)).replace(/\s+/g, ' ')}"`,
      );
  }
  return out.join('\n');
}
