/**
 * Assignment suggestions read from the document itself: the lead and cooperating bodies the text
 * names ("X chủ trì, phối hợp với Y"), the deadline it states, and — when a task names no lead — the
 * body whose section III duties share the most words with the task. Each suggestion carries the
 * source words it came from. Pure.
 */
import { fold } from '../text.js';
import { foldKeepOffsets } from '../importer/normalize.js';
import { findReferences } from '../importer/references.js';
import { findTimes, pickDeadline } from '../importer/times.js';
import { deadlineFromTime, type Deadline } from './assignment.js';

export interface MentionLike {
  text: string;
  unitIds: string[];
  match: string;
}

export interface TaskInput {
  nodeId: string;
  label: string;
  text: string;
  extracted: {
    lead: MentionLike | null;
    leads: MentionLike[];
    cooperating: MentionLike[];
    deadline: { text: string; kind: string; value: string } | null;
  } | null;
}

export interface ResponsibilityInput {
  label: string;
  bodies: MentionLike[];
  leadUnitId: string | null;
  duties: string;
}

export interface UnitSuggestion {
  unitId: string;
  source: string;
  how: 'text' | 'responsibility';
}

export interface TaskSuggestion {
  nodeId: string;
  label: string;
  lead: UnitSuggestion | null;
  /** Two or more leads named in the text: kept as written, for a person to choose. */
  leadChoices: UnitSuggestion[];
  cooperating: UnitSuggestion[];
  deadline: { deadline: Deadline; source: string } | null;
}

export interface ProgramSuggestions {
  tasks: TaskSuggestion[];
  /** The body that monitors and consolidates ("theo dõi, … tổng hợp"), from section III. */
  monitoring: UnitSuggestion | null;
  /** Every body named in section III, with the items naming it. */
  bodies: { text: string; unitIds: string[]; labels: string[] }[];
}

const STOP = new Set(
  'va cua cac nhung trong voi cho theo de la duoc co thuc hien tren ve tai den tu mot nay do khi nhu cung da se dang viec nham bao dam gan'.split(
    ' ',
  ),
);

function bigrams(s: string): Set<string> {
  const w = fold(s)
    .replace(/[^a-z0-9\s]/g, ' ')
    .split(/\s+/)
    .filter((x) => x.length > 1 && !STOP.has(x));
  const out = new Set<string>();
  for (let i = 0; i + 1 < w.length; i++) out.add(`${w[i]} ${w[i + 1]}`);
  return out;
}

/** The words of the duties around the first shared pair, as written (with diacritics). */
function excerpt(duties: string, shared: string[]): string {
  const f = foldKeepOffsets(duties);
  for (const g of shared) {
    const i = f.indexOf(g);
    if (i >= 0) {
      const start = Math.max(0, duties.lastIndexOf(' ', Math.max(0, i - 25)) + 1);
      const endSpace = duties.indexOf(' ', Math.min(duties.length, i + g.length + 40));
      return duties.slice(start, endSpace < 0 ? duties.length : endSpace).trim();
    }
  }
  return duties.slice(0, 80);
}

/**
 * The deadline the text states. What an older import read is checked again against the task's text: a
 * cited document's date or a vision year ("tầm nhìn đến năm 2050") is dropped for the text's real
 * deadline, if any. A deadline from a table's own column is kept as read.
 */
function statedDeadline(t: TaskInput): { text: string; kind: string; value: string } | null {
  const d = t.extracted?.deadline ?? null;
  if (!d || !t.text.includes(d.text)) return d;
  const times = findTimes(
    t.text,
    0,
    findReferences(t.text).flatMap((r) => r.citations),
  );
  return times.some((x) => x.text === d.text) ? d : pickDeadline(times);
}

const MONITORING_RE = /theo dõi.*(đôn đốc|tổng hợp)|(đôn đốc|tổng hợp).*theo dõi/iu;

export function suggestAssignments(
  tasks: TaskInput[],
  responsibilities: ResponsibilityInput[],
  programDate: string | null,
  /** The program's implementation date, or today before Triển khai: recurrences fall due after it. */
  implementationDate: string | null = null,
): ProgramSuggestions {
  const notBefore =
    programDate && implementationDate
      ? programDate > implementationDate
        ? programDate
        : implementationDate
      : (implementationDate ?? programDate);
  // Responsibilities with a single lead unit, for matching duties to tasks.
  const duties = responsibilities
    .filter((r) => r.leadUnitId)
    .map((r) => ({ r, grams: bigrams(r.duties) }))
    .filter((x) => x.grams.size > 0);

  const out: TaskSuggestion[] = tasks.map((t) => {
    const e = t.extracted;
    const one = (m: MentionLike | null | undefined): UnitSuggestion | null =>
      m && m.unitIds.length === 1 ? { unitId: m.unitIds[0]!, source: m.text, how: 'text' } : null;
    let lead = one(e?.lead);
    const leadChoices =
      (e?.leads ?? []).length > 1 ? e!.leads.map(one).filter((x): x is UnitSuggestion => !!x) : [];
    const cooperating = (e?.cooperating ?? [])
      .flatMap((m) => m.unitIds.map((u) => ({ unitId: u, source: m.text, how: 'text' as const })))
      .filter((c, i, a) => c.unitId !== lead?.unitId && a.findIndex((x) => x.unitId === c.unitId) === i);
    if (!lead && leadChoices.length === 0 && duties.length) {
      const g = bigrams(t.text);
      let best: { r: ResponsibilityInput; shared: string[] } | null = null;
      for (const d of duties) {
        const shared = [...g].filter((x) => d.grams.has(x));
        if (shared.length >= 2 && (!best || shared.length > best.shared.length)) best = { r: d.r, shared };
      }
      if (best) {
        lead = {
          unitId: best.r.leadUnitId!,
          source: `${best.r.label}: …${excerpt(best.r.duties, best.shared)}…`,
          how: 'responsibility',
        };
      }
    }
    const stated = statedDeadline(t);
    const deadline = stated ? deadlineFromTime(stated, notBefore) : null;
    return {
      nodeId: t.nodeId,
      label: t.label,
      lead,
      leadChoices,
      cooperating,
      deadline: deadline ? { deadline, source: stated!.text } : null,
    };
  });

  const mon = responsibilities.find((r) => r.leadUnitId && MONITORING_RE.test(r.duties));
  const monitoring = mon
    ? {
        unitId: mon.leadUnitId!,
        source: `${mon.label}: ${mon.duties.match(/[^;.]*theo dõi[^;.]*/iu)?.[0]?.trim() ?? ''}`,
        how: 'responsibility' as const,
      }
    : null;

  const byText = new Map<string, { text: string; unitIds: string[]; labels: string[] }>();
  for (const r of responsibilities) {
    for (const b of r.bodies) {
      const k = fold(b.text);
      const cur = byText.get(k) ?? { text: b.text, unitIds: b.unitIds, labels: [] };
      if (!cur.labels.includes(r.label)) cur.labels.push(r.label);
      byText.set(k, cur);
    }
  }
  return { tasks: out, monitoring, bodies: [...byText.values()] };
}
