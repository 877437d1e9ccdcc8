/**
 * The obstacles register: obstacles (khó khăn, vướng mắc) and proposals (kiến nghị, đề xuất) raised
 * in submitted reports, assigned to a handling unit, answered and closed by the monitor.
 */
import { Type, type Static } from '@sinclair/typebox';
import { LiteralUnion, Nullable, Text, Uuid } from './common.js';
import { LIMITS } from '../domain/limits.js';

export const ObstacleKind = LiteralUnion(['obstacle', 'proposal']);
export type ObstacleKind = Static<typeof ObstacleKind>;

export const ObstacleStatus = LiteralUnion(['open', 'assigned', 'answered', 'closed']);
export type ObstacleStatus = Static<typeof ObstacleStatus>;

export const ObstacleAction = LiteralUnion(['assign', 'answer', 'close', 'reopen']);
export type ObstacleAction = Static<typeof ObstacleAction>;

export const ObstacleFilters = Type.Object({
  status: Type.Optional(ObstacleStatus),
  open: Type.Optional(Type.Boolean({ description: 'Chỉ các mục chưa đóng' })),
  periodId: Type.Optional(Uuid),
});
export type ObstacleFilters = Static<typeof ObstacleFilters>;

export const Obstacle = Type.Object({
  id: Uuid,
  kind: ObstacleKind,
  text: Type.String(),
  status: ObstacleStatus,
  unitId: Uuid,
  unitName: Type.String(),
  handlingUnitId: Nullable(Uuid),
  handlingUnitName: Nullable(Type.String()),
  answer: Nullable(Type.String()),
  nodeId: Nullable(Uuid),
  taskLabel: Nullable(Type.String()),
  periodId: Uuid,
  periodLabel: Type.String(),
  obligationId: Uuid,
  raisedAt: Type.String({ format: 'date-time' }),
  closedAt: Nullable(Type.String({ format: 'date-time' })),
  version: Type.Integer(),
});
export type Obstacle = Static<typeof Obstacle>;

export const ObstacleList = Type.Object({
  counts: Type.Object({
    open: Type.Integer(),
    assigned: Type.Integer(),
    answered: Type.Integer(),
    closed: Type.Integer(),
  }),
  items: Type.Array(Obstacle),
});
export type ObstacleList = Static<typeof ObstacleList>;

export const ObstacleInput = Type.Object(
  {
    action: ObstacleAction,
    version: Type.Integer({ minimum: 1 }),
    handlingUnitId: Type.Optional(Uuid),
    answer: Type.Optional(Text(LIMITS.obstacleAnswer)),
  },
  { additionalProperties: false },
);
export type ObstacleInput = Static<typeof ObstacleInput>;

export const ObstacleStep = Type.Object({ id: Uuid, status: ObstacleStatus, version: Type.Integer() });
export type ObstacleStep = Static<typeof ObstacleStep>;
