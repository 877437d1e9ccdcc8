/** The obstacles register of a program: obstacles and proposals from the reports, and their handling. */
import { api } from '../../api/client';
import type {
  ObstacleFilters,
  ObstacleInput,
  ObstacleList,
  ObstacleStep,
} from '../../shared/contract/obstacles';

export type {
  Obstacle,
  ObstacleAction,
  ObstacleFilters,
  ObstacleInput,
  ObstacleKind,
  ObstacleList,
  ObstacleStatus,
} from '../../shared/contract/obstacles';

const enc = encodeURIComponent;

export const fetchObstacles = (programId: string, f: ObstacleFilters, signal?: AbortSignal) =>
  api.get<ObstacleList>(`/api/programs/${enc(programId)}/obstacles`, { ...f }, signal);

export const updateObstacle = (id: string, input: ObstacleInput) =>
  api.patch<ObstacleStep>(`/api/obstacles/${enc(id)}`, input);
