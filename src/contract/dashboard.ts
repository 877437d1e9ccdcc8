/**
 * A period's dashboard: progress rolled up to task groups, the program and lead units, on time and
 * late, overdue tasks and units that have not reported. Percents and rates are fractional.
 */
import { Type, type Static } from '@sinclair/typebox';
import { IsoDate, Nullable, Uuid, type Agrees, type Check } from './common.js';
import { ObligationStatus, PeriodStatus } from './periods.js';
import { RecommendationCounts } from './recommendations.js';
import type { Rolled as DomainRolled } from '../domain/reporting/rollup.js';

const rolledFields = {
  percent: Type.Number({ description: 'Tỷ lệ hoàn thành bình quân (có trọng số), một chữ số thập phân' }),
  tasks: Type.Integer(),
  done: Type.Integer(),
  onTime: Type.Integer({ description: 'Hoàn thành đúng hạn' }),
  late: Type.Integer({ description: 'Hoàn thành quá hạn hoặc chưa hoàn thành đã quá hạn' }),
  notDue: Type.Integer({ description: 'Chưa hoàn thành, chưa đến hạn (chưa đánh giá)' }),
};

/** Progress of a set of tasks (src/domain/reporting/rollup.ts). */
export const Rolled = Type.Object(rolledFields);
export type Rolled = DomainRolled;
type _RolledFits = Check<Agrees<DomainRolled, Static<typeof Rolled>>>;

export const Dashboard = Type.Object({
  period: Type.Object({
    id: Uuid,
    label: Type.String(),
    dueDate: IsoDate,
    cutoffStart: IsoDate,
    cutoffEnd: IsoDate,
    status: PeriodStatus,
  }),
  program: Type.Object({ id: Uuid, title: Type.String(), number: Nullable(Type.String()) }),
  referenceDay: Type.String({ description: 'Hôm nay, hoặc ngày chốt số liệu của kỳ nếu sớm hơn' }),
  overall: Type.Object({
    ...rolledFields,
    onTimeRate: Nullable(Type.Number({ description: 'Tỷ lệ đúng hạn (%), một chữ số thập phân' })),
  }),
  statusCounts: Type.Record(Type.String(), Type.Integer(), { description: 'Số nhiệm vụ theo tình trạng' }),
  byGroup: Type.Array(
    Type.Object({
      ...rolledFields,
      id: Nullable(Uuid),
      label: Nullable(Type.String()),
      title: Nullable(Type.String()),
    }),
  ),
  byUnit: Type.Array(
    Type.Object({
      ...rolledFields,
      unitId: Uuid,
      unitName: Type.String(),
      obligationId: Nullable(Uuid),
      reportStatus: Nullable(ObligationStatus),
    }),
  ),
  overdueTasks: Type.Array(
    Type.Object({
      nodeId: Uuid,
      label: Type.String(),
      text: Type.String(),
      leadUnitId: Nullable(Uuid),
      leadUnitName: Nullable(Type.String()),
      dueDate: Nullable(IsoDate),
      status: Type.String(),
      percent: Nullable(Type.Number()),
    }),
  ),
  reports: Type.Object({
    total: Type.Integer(),
    accepted: Type.Integer(),
    submitted: Type.Integer(),
    late: Type.Integer(),
  }),
  unitsNotReported: Type.Array(
    Type.Object({ obligationId: Uuid, unitId: Uuid, unitName: Type.String(), status: ObligationStatus }),
  ),
  openObstacles: Type.Integer(),
  /** The program's recommendations after inspections (issue 13), overdue on the reference day. */
  recommendations: RecommendationCounts,
});
export type Dashboard = Static<typeof Dashboard>;
