/**
 * What a direction is written on: a task (program node), a report (obligation), an obstacle, a unit or
 * a program. For a new direction: whether the target exists, its program, and the units it goes to by
 * default; for lists: the target in words and the web page it is on.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.js';
import {
  obstacles,
  programNodes,
  programs,
  reportObligations,
  reportingPeriods,
  taskUnits,
  units,
} from '../../db/schema.js';
import type { DirectionTarget } from '../../domain/supervision/kinds.js';
import { AppError } from '../../errors.js';

export interface ResolvedTarget {
  programId: string | null;
  /** The units addressed when the leader names none (empty for a program). */
  defaultUnitIds: string[];
}

const short = (s: string, max = 120) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** The target's program and default units; DIRECTION_TARGET_NOT_FOUND when it does not exist. */
export async function resolveTarget(db: DbOrTx, type: DirectionTarget, id: string): Promise<ResolvedTarget> {
  const missing = () => new AppError('DIRECTION_TARGET_NOT_FOUND', { targetType: type, targetId: id });
  switch (type) {
    case 'task': {
      const [n] = await db
        .select({ programId: programNodes.programId, isTask: programNodes.isTask })
        .from(programNodes)
        .where(eq(programNodes.id, id));
      if (!n?.isTask) throw missing();
      const lead = await db
        .select({ unitId: taskUnits.unitId })
        .from(taskUnits)
        .where(and(eq(taskUnits.nodeId, id), eq(taskUnits.role, 'lead')));
      return { programId: n.programId, defaultUnitIds: lead.map((l) => l.unitId) };
    }
    case 'report': {
      const [o] = await db
        .select({ programId: reportObligations.programId, unitId: reportObligations.unitId })
        .from(reportObligations)
        .where(eq(reportObligations.id, id));
      if (!o) throw missing();
      return { programId: o.programId, defaultUnitIds: [o.unitId] };
    }
    case 'obstacle': {
      const [o] = await db
        .select({
          programId: obstacles.programId,
          unitId: obstacles.unitId,
          handlingUnitId: obstacles.handlingUnitId,
        })
        .from(obstacles)
        .where(eq(obstacles.id, id));
      if (!o) throw missing();
      return { programId: o.programId, defaultUnitIds: [o.handlingUnitId ?? o.unitId] };
    }
    case 'unit': {
      const [u] = await db.select({ id: units.id }).from(units).where(eq(units.id, id));
      if (!u) throw missing();
      return { programId: null, defaultUnitIds: [u.id] };
    }
    case 'program': {
      const [p] = await db.select({ id: programs.id }).from(programs).where(eq(programs.id, id));
      if (!p) throw missing();
      return { programId: p.id, defaultUnitIds: [] };
    }
  }
}

export interface TargetView {
  label: string;
  link: string;
}

/** The targets in words, with their pages, keyed `<type>:<id>`. */
export async function targetViews(
  db: DbOrTx,
  list: readonly { targetType: DirectionTarget; targetId: string }[],
): Promise<Map<string, TargetView>> {
  const ids = (t: DirectionTarget) => [
    ...new Set(list.filter((x) => x.targetType === t).map((x) => x.targetId)),
  ];
  const out = new Map<string, TargetView>();
  const put = (t: DirectionTarget, id: string, v: TargetView) => out.set(`${t}:${id}`, v);
  const tasks = ids('task');
  if (tasks.length)
    for (const n of await db
      .select({ id: programNodes.id, label: programNodes.label, text: programNodes.text })
      .from(programNodes)
      .where(inArray(programNodes.id, tasks)))
      put('task', n.id, { label: `Nhiệm vụ ${n.label}: ${short(n.text)}`, link: `/nhiem-vu/${n.id}` });
  const reports = ids('report');
  if (reports.length)
    for (const o of await db
      .select({ id: reportObligations.id, period: reportingPeriods.label, unit: units.name })
      .from(reportObligations)
      .innerJoin(reportingPeriods, eq(reportingPeriods.id, reportObligations.periodId))
      .innerJoin(units, eq(units.id, reportObligations.unitId))
      .where(inArray(reportObligations.id, reports)))
      put('report', o.id, { label: `Báo cáo kỳ ${o.period} — ${o.unit}`, link: `/bao-cao/${o.id}` });
  const obs = ids('obstacle');
  if (obs.length)
    for (const o of await db
      .select({
        id: obstacles.id,
        text: obstacles.text,
        obligationId: obstacles.obligationId,
        unit: units.name,
      })
      .from(obstacles)
      .innerJoin(units, eq(units.id, obstacles.unitId))
      .where(inArray(obstacles.id, obs)))
      put('obstacle', o.id, {
        label: `Khó khăn, vướng mắc "${short(o.text)}" — ${o.unit}`,
        link: `/bao-cao/${o.obligationId}`,
      });
  const us = ids('unit');
  if (us.length)
    for (const u of await db
      .select({ id: units.id, name: units.name })
      .from(units)
      .where(inArray(units.id, us)))
      put('unit', u.id, { label: u.name, link: `/don-vi/${u.id}` });
  const ps = ids('program');
  if (ps.length)
    for (const p of await db
      .select({ id: programs.id, title: programs.title, number: programs.number })
      .from(programs)
      .where(inArray(programs.id, ps)))
      put('program', p.id, {
        label: p.number ? `${p.number}: ${short(p.title)}` : short(p.title),
        link: `/chuong-trinh/${p.id}`,
      });
  return out;
}
