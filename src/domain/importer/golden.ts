/**
 * Golden readings of real documents (fixtures/corpus/*.expected.json, written by people reading the
 * documents): the facts a parse must get right, and a comparison that lists every fact it gets
 * wrong. Pure; used by parse.corpus.test.ts and scripts/probe-corpus.ts.
 */
import type { DocNode, ParsedDocument, Task } from './types.js';
import { allNodes } from './lossless.js';
import { NO_BODY_CELL_RE } from './parse.js';

export interface ExpectedTask {
  where: 'body' | 'annex';
  label: string;
  startsWith: string;
  lead: string | null;
  cooperating: string[];
  deadline: string | null;
  product: string | null;
  submitTo: string | null;
}

export interface ExpectedReading {
  number: string | null;
  date: string | null;
  issuer: string | null;
  parentIssuer: string | null;
  docKind: string | null;
  title: string | null;
  wrapper: { kind: string | null; number: string | null; date: string | null; title: string | null } | null;
  signer: { onBehalf: string | null; position: string | null; name: string | null } | null;
  recipients: number | null;
  sections: { label: string; title: string }[];
  bodyTasks: number;
  annexTasks: number;
  annexGroups: { marker: string; title: string; rows: number }[];
  sampleTasks: ExpectedTask[];
  references: { kind: string; number: string | null; date: string | null; name?: string }[];
  furniture: string[];
}

/** Letters and digits only, lower case: texts compared regardless of spacing, punctuation and line breaks. */
export function letters(s: string | null | undefined): string {
  return (s ?? '')
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]/gu, '')
    .toLowerCase();
}

const words = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

function cellOr(t: Task, node: DocNode | undefined, column: string, fallback: string | null): string | null {
  if (node?.kind === 'row' && node.cells) {
    const v = node.cells[column] ?? null;
    return v && NO_BODY_CELL_RE.test(v) && (column === 'lead' || column === 'cooperating') ? null : v;
  }
  return fallback;
}

/** What the parse says of a task, in the expected file's terms. */
export function readTask(doc: ParsedDocument, t: Task) {
  const node = allNodes(doc).find((n) => n.id === t.nodeId);
  const leadText = t.lead?.text ?? (t.leads.length ? t.leads.map((x) => x.text).join(', ') : null);
  // A table cell that names no body ("Theo phân công tại Quyết định số …") gives no lead.
  // "X trình Y" in the lead cell: X leads, Y is the level it submits to.
  const lead = cellOr(t, node, 'lead', leadText);
  const cut = lead && t.submitTo ? lead.lastIndexOf(` trình ${t.submitTo}`) : -1;
  return {
    text: t.text,
    lead: cut > 0 ? lead!.slice(0, cut) : lead,
    cooperating: cellOr(t, node, 'cooperating', t.cooperating.map((c) => c.text).join(', ') || null),
    deadline: cellOr(t, node, 'deadline', t.deadline?.text ?? null),
    product: cellOr(t, node, 'products', t.products.join('; ') || null),
    submitTo: t.submitTo,
  };
}

/** Every fact of `expected` the parse gets wrong, one line each ("" when all are right). */
export function compareReading(doc: ParsedDocument, expected: ExpectedReading): string[] {
  const out: string[] = [];
  const eq = (what: string, actual: unknown, want: unknown) => {
    if (JSON.stringify(actual ?? null) !== JSON.stringify(want ?? null))
      out.push(`${what}: ${JSON.stringify(actual ?? null)} ≠ ${JSON.stringify(want ?? null)}`);
  };
  const same = (what: string, actual: string | null | undefined, want: string | null | undefined) => {
    if (letters(actual) !== letters(want))
      out.push(`${what}: ${JSON.stringify(words(actual))} ≠ ${JSON.stringify(want)}`);
  };
  const p = doc.program;
  eq('number', p.number, expected.number);
  eq('date', p.date, expected.date);
  same('issuer', p.issuer, expected.issuer);
  same('parentIssuer', p.parentIssuer, expected.parentIssuer);
  same('docKind', p.docKind, expected.docKind);
  same('title', p.title, expected.title);
  if (expected.wrapper || p.wrapper) {
    eq('wrapper.kind', p.wrapper?.kind, expected.wrapper?.kind);
    eq('wrapper.number', p.wrapper?.number, expected.wrapper?.number);
    eq('wrapper.date', p.wrapper?.date, expected.wrapper?.date);
    same('wrapper.title', p.wrapper?.title, expected.wrapper?.title);
  }
  same('signer.onBehalf', doc.signer?.onBehalf, expected.signer?.onBehalf);
  same('signer.position', doc.signer?.position, expected.signer?.position);
  same('signer.name', doc.signer?.name, expected.signer?.name);
  eq('recipients', doc.recipients.length || null, expected.recipients);
  eq(
    'sections',
    doc.sections.map((s) => s.label),
    expected.sections.map((s) => s.label),
  );
  for (const s of expected.sections) {
    const got = doc.sections.find((x) => x.label === s.label);
    if (got) same(`section ${s.label} title`, got.title, s.title);
  }
  const annex = doc.tasks.filter((t) => t.label.startsWith('PL'));
  eq('bodyTasks', doc.tasks.length - annex.length, expected.bodyTasks);
  eq('annexTasks', annex.length, expected.annexTasks);
  const annexGroups = doc.sections
    .filter((s) => s.part === 'annex')
    .flatMap((s) => s.children.flatMap((c) => (c.kind === 'table' ? c.children : [c])))
    .filter((g) => g.kind === 'group');
  // Rows of a group: the tasks under it (a row heading sub-rows counts its sub-rows); a group row
  // that is itself a task (it names a lead) counts one.
  const groupRows = doc.sections
    .filter((s) => s.part === 'annex')
    .flatMap((s) => s.children.flatMap((c) => (c.kind === 'table' ? c.children : [c])))
    .filter((g) => g.kind === 'group' || (g.kind === 'row' && /^[IVX]+$/.test(g.marker)))
    .map((g) =>
      g.kind === 'row'
        ? `${g.marker}:1`
        : `${g.marker}:${annex.filter((t) => t.label.startsWith(g.label + '.')).length}`,
    );
  eq(
    'annexGroups',
    groupRows,
    expected.annexGroups.map((g) => `${g.marker}:${g.rows}`),
  );
  for (const g of expected.annexGroups) {
    const got = annexGroups.find((x) => x.marker === g.marker);
    if (got) same(`annex group ${g.marker} title`, got.title, g.title);
  }
  for (const e of expected.sampleTasks) {
    const t = doc.tasks.find((x) => x.label === e.label);
    if (!t) {
      out.push(`task ${e.label}: missing`);
      continue;
    }
    const r = readTask(doc, t);
    if (!letters(r.text).startsWith(letters(e.startsWith)))
      out.push(
        `task ${e.label} text: ${JSON.stringify(r.text.slice(0, 50))} ≠ ${JSON.stringify(e.startsWith)}…`,
      );
    same(`task ${e.label} lead`, r.lead, e.lead);
    // A list of bodies is the same list whatever joins it ("A và B", "A, B", "A; B").
    const list = (x: string | null) => (x ?? '').replace(/(^|[\s,;])(và|với)(?=\s)/gu, '$1');
    same(`task ${e.label} cooperating`, list(r.cooperating), list(e.cooperating.join(', ')) || null);
    same(`task ${e.label} deadline`, r.deadline, e.deadline);
    same(`task ${e.label} product`, r.product, e.product);
    same(`task ${e.label} submitTo`, r.submitTo, e.submitTo);
  }
  for (const e of expected.references.filter((r) => r.number)) {
    const got = doc.references.find((r) => r.number === e.number);
    if (!got) out.push(`reference ${e.kind} ${e.number}: missing`);
    else {
      eq(`reference ${e.number} kind`, got.kind, e.kind);
      eq(`reference ${e.number} date`, got.date, e.date);
    }
  }
  const texts = allNodes(doc).map((n) => n.text);
  for (const f of expected.furniture) {
    if (f.length < 6) continue; // bare page numbers: too short to look for
    if (texts.some((t) => t.includes(f))) out.push(`furniture in a node: ${JSON.stringify(f)}`);
  }
  return out;
}
